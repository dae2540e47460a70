"""The analysis of one document as Python objects, built from the JSON the compiled module returns.

That JSON is the CLI's, so ``Analysis.to_dict()`` equals ``jiceng analyze`` output. Item objects (statements,
places …) are built on first access, a handful per document: never one Python object per token.
Every ``start``/``end`` is a character offset into the analysed text, so ``text[item.start:item.end] == item.text``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable, ClassVar, Dict, Mapping, Optional, Tuple, TypeVar, Union

T = TypeVar("T")


@dataclass(frozen=True)
class Mention:
    """A stretch of the original text: ``text == analysis.text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Speaker:
    """The person a statement is attributed to, as the text introduces them.

    ``name`` is the person (``刘晓``, ``罗女士``), ``role`` the post in simplified characters (``党委书记``),
    ``organization`` the unit as printed (empty when none), ``text``/``start``/``end`` the header or attribution.
    """

    name: str
    role: str
    organization: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Statement:
    """A stretch of the document attributed to one speaker (``speaker`` is None for a text with no speaker).

    ``themes`` holds theme ids; ``places``, ``plan_items`` and ``formulas`` are indices into the analysis's
    lists of the same name. The statement's text is ``analysis.text[statement.start:statement.end]``.
    """

    start: int
    end: int
    speaker: Optional[Speaker]
    themes: Tuple[str, ...] = ()
    places: Tuple[int, ...] = ()
    plan_items: Tuple[int, ...] = ()
    formulas: Tuple[int, ...] = ()


@dataclass(frozen=True)
class Theme:
    """A theme of the taxonomy found in the document: ``count`` evidence spans, ``score`` (0..1) ranks themes."""

    id: str
    label: str
    category: str
    count: int
    score: float
    evidence: Tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Place:
    """A named place: ``kind`` is country, province, city, county, zone, township, community, estate or landmark;
    ``code`` (12-digit statistical code) and ``path`` (province → … → itself) when the gazetteer resolves it."""

    text: str
    name: str
    kind: str
    start: int
    end: int
    code: Optional[str] = None
    path: Tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanItem:
    """One item of a numbered enumeration (``一是…``, ``（二）``): ``list`` says which enumeration (0-based),
    ``ordinal`` its 1-based position, ``marker`` the marker as printed, ``text`` the item from its marker on."""

    list: int
    ordinal: int
    marker: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class FormulaPart:
    """One number–unit pair of a numbered slogan, e.g. ``number=2, unit="翼"`` for ``两翼``."""

    number: int
    unit: str


@dataclass(frozen=True)
class Formula:
    """A numbered slogan such as ``一核两翼三全四圈五化``, its number–unit ``parts`` and the ``members`` the text
    enumerates for it."""

    text: str
    start: int
    end: int
    parts: Tuple[FormulaPart, ...] = ()
    members: Tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Keyphrase:
    """A salient phrase of the document that no theme covers, with its ``weight`` (0..1)."""

    text: str
    weight: float


@dataclass(frozen=True)
class InputWarning:
    """Something in the input the analysis worked around instead of refusing the document: ``kind`` says what
    (``"replaced_bytes"``: invalid byte sequences decoded as U+FFFD), ``count`` how many times, ``message`` the
    same in words."""

    kind: str
    count: int
    message: str


def _warning(d: Mapping[str, Any]) -> InputWarning:
    return InputWarning(d["kind"], d["count"], d["message"])


def _mention(d: Mapping[str, Any]) -> Mention:
    return Mention(d["text"], d["start"], d["end"])


def _speaker(d: Mapping[str, Any]) -> Speaker:
    return Speaker(d["name"], d["role"], d["organization"], d["text"], d["start"], d["end"])


def _statement(d: Mapping[str, Any]) -> Statement:
    speaker = d.get("speaker")
    return Statement(
        d["start"],
        d["end"],
        _speaker(speaker) if speaker is not None else None,
        tuple(d.get("themes", ())),
        tuple(d.get("places", ())),
        tuple(d.get("plan_items", ())),
        tuple(d.get("formulas", ())),
    )


def _theme(d: Mapping[str, Any]) -> Theme:
    evidence = tuple(_mention(m) for m in d.get("evidence", ()))
    return Theme(d["id"], d["label"], d["category"], d["count"], d["score"], evidence)


def _place(d: Mapping[str, Any]) -> Place:
    return Place(d["text"], d["name"], d["kind"], d["start"], d["end"], d.get("code"), tuple(d.get("path", ())))


def _plan_item(d: Mapping[str, Any]) -> PlanItem:
    return PlanItem(d["list"], d["ordinal"], d["marker"], d["text"], d["start"], d["end"])


def _formula(d: Mapping[str, Any]) -> Formula:
    parts = tuple(FormulaPart(p["number"], p["unit"]) for p in d.get("parts", ()))
    members = tuple(_mention(m) for m in d.get("members", ()))
    return Formula(d["text"], d["start"], d["end"], parts, members)


def _keyphrase(d: Mapping[str, Any]) -> Keyphrase:
    return Keyphrase(d["text"], d["weight"])


class Analysis:
    """The analysis of one document: who said what, themes, places, plan items and slogans.

    Attributes are read-only: ``id`` (None unless given), ``chars`` (length of the text), ``text`` (the
    analysed text, or None when not known), ``statements``, ``speakers``, ``themes``, ``places``,
    ``plan_items``, ``formulas``, ``keyphrases`` (tuples of item objects), ``warnings`` (what was worked around
    in the input, such as undecodable bytes replaced; usually empty). ``ok`` is True (False on a
    :class:`Failure`). ``to_dict()`` gives the CLI's JSON object; in Jupyter the analysis shows as highlighted text.

    ``Analysis(data, text=None)`` rebuilds one from the CLI's output: a dict, or one line of
    ``jiceng analyze --format jsonl`` as a str.
    """

    # The JSON from Rust is parsed on first use: a batch hands back compact strings at the speed of the Rust side,
    # and a document nobody looks into never becomes a tree of dicts.
    __slots__ = ("_json", "_dict", "_text", "_items")

    ok: ClassVar[bool] = True

    def __init__(self, data: Union[Mapping[str, Any], str], text: Optional[str] = None) -> None:
        if isinstance(data, str):
            data = json.loads(data)
        if not isinstance(data, Mapping):
            raise TypeError(
                f"Analysis() takes a dict (or JSON str) shaped like the CLI's output, not {type(data).__name__}"
            )
        if "error" in data:
            raise ValueError("this is an error record, not an analysis: use jiceng.Failure(id, error)")
        missing = [key for key in ("chars", "statements") if key not in data]
        if missing:
            raise ValueError(f"not an analysis: no {', '.join(missing)}")
        if text is not None:
            if not isinstance(text, str):
                raise TypeError(f"text must be a str or None, not {type(text).__name__}")
            if len(text) != data["chars"]:
                raise ValueError(f"text has {len(text)} characters, but the analysis is of {data['chars']}")
        self._json: Optional[str] = None
        self._dict: Optional[Dict[str, Any]] = dict(data)
        self._text = text
        self._items: Dict[str, Tuple[Any, ...]] = {}

    @classmethod
    def _lazy(cls, data: str, text: Optional[str]) -> "Analysis":
        """From the compiled module's JSON, trusted and parsed on first use."""
        self = cls.__new__(cls)
        self._json, self._dict, self._text, self._items = data, None, text, {}
        return self

    @property
    def _data(self) -> Dict[str, Any]:
        if self._dict is None:
            self._dict = json.loads(self._json)  # type: ignore[arg-type]  # one of the two is always set
        return self._dict

    def _get(self, key: str, build: Callable[[Mapping[str, Any]], T]) -> Tuple[T, ...]:
        items = self._items.get(key)
        if items is None:
            items = self._items[key] = tuple(build(d) for d in self._data.get(key, ()))
        return items

    @property
    def id(self) -> Optional[str]:
        """The document id given to ``analyze`` (a file's path for ``analyze_file``), or None."""
        return self._data.get("id")

    @property
    def chars(self) -> int:
        """Length of the analysed text in characters."""
        return int(self._data["chars"])

    @property
    def text(self) -> Optional[str]:
        """The analysed text (decoded, for bytes and files), or None when the analysis was built without it."""
        return self._text

    @property
    def statements(self) -> Tuple[Statement, ...]:
        """Who said what: the document split by speaker, in document order."""
        return self._get("statements", _statement)

    @property
    def speakers(self) -> Tuple[Speaker, ...]:
        """The speaker of each statement that has one, in document order."""
        return tuple(s.speaker for s in self.statements if s.speaker is not None)

    @property
    def themes(self) -> Tuple[Theme, ...]:
        """Themes of the taxonomy the document speaks of, highest score first."""
        return self._get("themes", _theme)

    @property
    def places(self) -> Tuple[Place, ...]:
        """Named places, in document order."""
        return self._get("places", _place)

    @property
    def plan_items(self) -> Tuple[PlanItem, ...]:
        """Items of numbered enumerations, in document order."""
        return self._get("plan_items", _plan_item)

    @property
    def formulas(self) -> Tuple[Formula, ...]:
        """Numbered slogans, in document order."""
        return self._get("formulas", _formula)

    @property
    def keyphrases(self) -> Tuple[Keyphrase, ...]:
        """Salient phrases no theme covers, highest weight first."""
        return self._get("keyphrases", _keyphrase)

    @property
    def warnings(self) -> Tuple[InputWarning, ...]:
        """What was worked around in the input (e.g. invalid bytes replaced by U+FFFD in decoding); empty if nothing."""
        return self._get("warnings", _warning)

    def to_dict(self) -> Dict[str, Any]:
        """The analysis as the CLI prints it (``jiceng analyze``): a fresh dict of plain JSON values."""
        return json.loads(self.to_json())  # type: ignore[no-any-return]

    def to_json(self) -> str:
        """The analysis as one line of JSON, like ``jiceng analyze --format jsonl``."""
        if self._json is None:
            self._json = json.dumps(self._dict, ensure_ascii=False, separators=(",", ":"))
        return self._json

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Analysis):
            return NotImplemented
        return self._data == other._data and self._text == other._text

    __hash__ = None  # type: ignore[assignment]  # compared by value, like the dict it stands for

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_restore, (self.to_json(), self._text))

    def __repr__(self) -> str:
        counts = " ".join(
            f"{key}={len(self._data.get(key, ()))}"
            for key in ("statements", "themes", "places", "plan_items", "formulas", "keyphrases")
        )
        return f"<Analysis id={self.id!r} chars={self.chars} {counts}>"

    def _repr_html_(self) -> str:
        """Jupyter's rich display: the text with speakers, themes, places, plan items and formulas highlighted."""
        from ._html import render

        return render(self)


def _restore(data: str, text: Optional[str]) -> Analysis:
    """Unpickles an :class:`Analysis`."""
    return Analysis._lazy(data, text)


@dataclass(frozen=True)
class Failure:
    """A document of a batch that could not be analysed: its ``id`` (None if none was given) and ``error``.

    ``analyze_many`` and ``analyze_files`` return one in place of an analysis instead of raising, so the other
    documents are not lost; ``ok`` is False. ``to_dict()`` gives the CLI's error record.
    """

    id: Optional[str]
    error: str

    ok: ClassVar[bool] = False

    def to_dict(self) -> Dict[str, Any]:
        """The error record as the CLI prints it: ``{"id": ..., "error": ...}``."""
        return {"id": self.id, "error": self.error}


#: What a batch returns for each document.
Result = Union[Analysis, Failure]


def from_entry(ok: bool, data: str, text: Optional[str]) -> Result:
    """A batch entry of the compiled module: an analysis, or a failure from its ``{"id", "error"}`` record."""
    if ok:
        return Analysis._lazy(data, text)
    record = json.loads(data)
    return Failure(record.get("id"), record["error"])
