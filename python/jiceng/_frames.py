"""``jiceng.to_frames``: many analyses as long-format pandas tables, one row per item, for groupby without
reshaping.

Every row carries the document ``id``, the ``statement`` index, that statement's speaker (``speaker``,
``role``, ``organization``) and its ``county`` (of its first administrative place, else the document's). An item belongs to the statement its first character is in; an item outside every
statement (a title, a byline) has ``statement`` <NA> and no speaker. pandas is imported only here, on first use.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from ._model import Analysis, Failure, Statement

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped, unused-ignore]  # typed only with pandas-stubs

_WHO = ["id", "statement", "speaker", "role", "organization", "county"]

#: The columns of each table, in order; a table with no rows still has them.
COLUMNS: Dict[str, List[str]] = {
    "statements": _WHO + ["start", "end", "speaker_start", "speaker_end", "text"],
    "themes": _WHO + ["theme", "label", "category", "count", "score", "text", "start", "end"],
    "places": _WHO + ["text", "name", "kind", "code", "path", "start", "end"],
    "plan_items": _WHO + ["list", "ordinal", "marker", "text", "start", "end"],
    "formulas": _WHO + ["text", "parts", "members", "start", "end"],
    "failures": ["id", "error"],
}

# Columns of whole numbers that may be missing: pandas' nullable Int64 keeps them integers instead of floats.
_NULLABLE_INTS = ("statement", "start", "end", "speaker_start", "speaker_end")


def to_frames(results: Union[Analysis, Failure, Iterable[Union[Analysis, Failure]]]) -> Dict[str, "pandas.DataFrame"]:
    """Turns analyses into a dict of pandas DataFrames in long format, ready for ``groupby``.

    Keys: ``statements`` (one row per statement, with its text when known), ``themes`` (one row per evidence
    span), ``places``, ``plan_items``, ``formulas`` (one row per item) and ``failures`` (the :class:`Failure`
    entries of a batch). Each row has the document ``id``, the ``statement`` index and that statement's
    ``speaker``, ``role`` and ``organization``. Needs pandas: ``pip install jiceng[pandas]``.
    """
    try:
        import pandas as pd
    except ImportError as err:
        raise ImportError(
            "jiceng.to_frames needs pandas, which is not installed: pip install jiceng[pandas]"
        ) from err

    if isinstance(results, (Analysis, Failure)):
        results = [results]
    rows: Dict[str, List[Dict[str, Any]]] = {name: [] for name in COLUMNS}
    for result in results:
        if isinstance(result, Failure):
            rows["failures"].append({"id": result.id, "error": result.error})
        elif isinstance(result, Analysis):
            _add(rows, result)
        else:
            raise TypeError(
                "to_frames() takes analyses (jiceng.Analysis or jiceng.Failure, as analyze_many returns them), "
                f"not {type(result).__name__}"
            )

    frames = {}
    for name, columns in COLUMNS.items():
        frame = pd.DataFrame(rows[name], columns=columns)
        for column in _NULLABLE_INTS:
            if column in frame:
                frame[column] = frame[column].astype("Int64")
        frames[name] = frame
    return frames


class _Locator:
    """Finds the statement an offset is in (statements are in order and do not overlap)."""

    def __init__(self, statements: Sequence[Statement]) -> None:
        self.statements = statements
        self.starts = [s.start for s in statements]

    def who(self, analysis: Analysis, start: Optional[int]) -> Dict[str, Any]:
        index = None
        if start is not None:
            i = bisect_right(self.starts, start) - 1
            if i >= 0 and start < self.statements[i].end:
                index = i
        return _who(analysis, index, self.statements[index] if index is not None else None)


def _who(analysis: Analysis, index: Optional[int], statement: Optional[Statement]) -> Dict[str, Any]:
    speaker = statement.speaker if statement is not None else None
    return {
        "id": analysis.id,
        "statement": index,
        "speaker": speaker.name if speaker else None,
        "role": speaker.role if speaker else None,
        "organization": speaker.organization if speaker else None,
        "county": _county(analysis, statement),
    }


def _county(analysis: Analysis, statement: Optional[Statement]) -> Optional[str]:
    """The county (区, 县, 县级市) a statement is about: of its first administrative place, else the document's.
    The same rule as ``jiceng export``."""

    def county_of(i: int) -> Optional[str]:
        place = analysis.places[i]
        if place.kind == "county":
            return place.name
        path = list(place.path)
        if len(path) > 2 and (len(path) > 3 or place.kind != "zone"):
            return path[2]
        return None

    indices = list(statement.places) if statement is not None else []
    for i in indices + list(range(len(analysis.places))):
        county = county_of(i)
        if county is not None:
            return county
    return None


def _add(rows: Dict[str, List[Dict[str, Any]]], analysis: Analysis) -> None:
    text = analysis.text
    statements = analysis.statements
    for index, statement in enumerate(statements):
        speaker = statement.speaker
        rows["statements"].append({
            **_who(analysis, index, statement),
            "start": statement.start,
            "end": statement.end,
            "speaker_start": speaker.start if speaker else None,
            "speaker_end": speaker.end if speaker else None,
            "text": text[statement.start:statement.end] if text is not None else None,
        })

    locate = _Locator(statements)
    for theme in analysis.themes:
        about = {"theme": theme.id, "label": theme.label, "category": theme.category, "count": theme.count,
                 "score": theme.score}
        spans: Tuple[Any, ...] = theme.evidence or (None,)
        for mention in spans:
            start = mention.start if mention is not None else None
            rows["themes"].append({
                **locate.who(analysis, start),
                **about,
                "text": mention.text if mention is not None else None,
                "start": start,
                "end": mention.end if mention is not None else None,
            })
    for place in analysis.places:
        rows["places"].append({
            **locate.who(analysis, place.start),
            "text": place.text, "name": place.name, "kind": place.kind, "code": place.code,
            # A tuple, not a list: hashable, so the column can be grouped on.
            "path": place.path, "start": place.start, "end": place.end,
        })
    for item in analysis.plan_items:
        rows["plan_items"].append({
            **locate.who(analysis, item.start),
            "list": item.list, "ordinal": item.ordinal, "marker": item.marker, "text": item.text,
            "start": item.start, "end": item.end,
        })
    for formula in analysis.formulas:
        rows["formulas"].append({
            **locate.who(analysis, formula.start),
            "text": formula.text,
            "parts": tuple((part.number, part.unit) for part in formula.parts),
            "members": tuple(member.text for member in formula.members),
            "start": formula.start, "end": formula.end,
        })
