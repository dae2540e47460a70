"""``jiceng.Analyzer``: checks the arguments a notebook user passes, calls the compiled analyzer, and wraps its
JSON in :class:`~jiceng.Analysis` objects.

All the work, batches included, runs in Rust with the GIL released; this module only validates (so that a wrong
type gets a helpful TypeError) and converts the results.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union, cast

from . import _jiceng
from ._model import Analysis, Result, from_entry

#: A text: ``str``, or ``bytes`` in any encoding jiceng detects (UTF-8, UTF-16 with BOM, GB18030/GBK, Big5).
Text = Union[str, bytes, bytearray]
#: A file path.
StrPath = Union[str, "os.PathLike[str]"]

# A single-line str that ends like a file name is taken for a path even when no such file exists, so that a typo
# raises FileNotFoundError instead of silently becoming a one-word dictionary.
_DICTIONARY_SUFFIXES = (".txt", ".dict", ".dic", ".csv", ".tsv")


class Analyzer:
    """Extracts speakers and statements, themes, places, plan items and slogans from texts.

    ``Analyzer(dictionary=None, taxonomy=None)``: ``dictionary`` adds words to segmentation, in jieba's format
    (``word [freq] [tag]`` per line). Give the dictionary text as a ``str``, or a file as a path
    (``pathlib.Path``, or a single-line ``str`` naming a file); ``bytes`` are decoded like documents.

    ``taxonomy`` changes the themes: a ``dict`` such as ``{"themes": [{"id": "night_economy", "label": "夜间经济",
    "category": "发展", "keywords": ["夜市"]}]}`` adds a theme (an existing ``id`` gets the keywords, ``weak``
    words and ``exclude`` phrases added; ``"replace": True`` replaces the built-in taxonomy), or the same as a
    TOML or JSON file (a path) or TOML text. :meth:`taxonomy` shows the themes in use.

    ``places`` adds places the gazetteer lacks: ``[("锦绣花园", "estate", "枫树社区"), ("交子公园", "landmark")]``
    (name, kind, optional parent), or a file of ``name<TAB>kind[<TAB>parent]`` lines. ``home_region`` settles a
    place name found in several regions when the text does not (default 成都市; ``"none"`` leaves such names
    unresolved). A malformed dictionary, taxonomy or place list raises :class:`jiceng.DataError` naming the line.

    ``max_document_bytes`` is the largest document accepted (default 256 MiB, about 5 GB of memory at the peak of
    its analysis); a larger one raises :class:`jiceng.JicengError` (a :class:`jiceng.Failure` in a batch).

    Construction loads the built-in data once (a fraction of a second); the analyzer is then safe to share between
    threads, and pickles by its options (a dictionary file by its contents), so multiprocessing, Dask and Spark can
    ship it. ``jiceng.analyze()`` and friends use a default analyzer, created on first use.
    """

    __slots__ = ("_native", "_options")

    # Options the core gains later (places=, home_region=) become keyword parameters here: each is resolved to
    # plain data (a path read, a dict kept), passed to `_jiceng.Analyzer` by keyword, and stored in `_options`, so
    # that pickling and repr keep working unchanged.
    def __init__(
        self,
        dictionary: Union[str, "os.PathLike[str]", bytes, None] = None,
        taxonomy: Union[Dict[str, Any], str, "os.PathLike[str]", None] = None,
        places: Union[Iterable[Tuple[str, ...]], str, "os.PathLike[str]", None] = None,
        home_region: Optional[str] = None,
        max_document_bytes: Optional[int] = None,
    ) -> None:
        taxonomy_json, taxonomy_toml = _read_taxonomy(taxonomy)
        place_list = _read_places(places)
        if home_region is not None and not isinstance(home_region, str):
            raise TypeError(f"home_region must be a str (a name such as '锦江区', a code prefix, or 'none'), "
                            f"not {type(home_region).__name__}")
        if max_document_bytes is not None and (
            isinstance(max_document_bytes, bool) or not isinstance(max_document_bytes, int) or max_document_bytes < 0
        ):
            raise TypeError(f"max_document_bytes must be a non-negative int (a size in bytes), "
                            f"not {max_document_bytes!r}")
        self._native = _jiceng.Analyzer(
            dictionary=_read_dictionary(dictionary),
            taxonomy_json=taxonomy_json,
            taxonomy_toml=taxonomy_toml,
            places=place_list,
            home_region=home_region,
            max_document_bytes=max_document_bytes,
        )
        # Options as they were resolved (a path replaced by the file's text): what pickling rebuilds from.
        resolved: Union[Dict[str, Any], str, None] = json.loads(taxonomy_json) if taxonomy_json else taxonomy_toml
        self._options: Dict[str, Any] = {
            "dictionary": self._native.dictionary,
            "taxonomy": resolved,
            "places": place_list,
            "home_region": home_region,
            "max_document_bytes": max_document_bytes,
        }

    def taxonomy(self) -> Dict[str, Any]:
        """The taxonomy in use: ``{"version": ..., "themes": [{"id", "label", "category", "description",
        "keywords", "weak", "exclude"}, ...]}``."""
        return cast(Dict[str, Any], json.loads(self._native.taxonomy()))

    def analyze(self, text: Text, id: Optional[str] = None) -> Analysis:
        """Analyses one text and returns its :class:`~jiceng.Analysis`.

        ``text`` is a ``str``, or ``bytes`` in any supported encoding (decoded like a file). ``id`` labels the
        result (a URL, a file name). Analysis never fails on a ``str``; undecodable bytes raise
        :class:`jiceng.DecodeError`.
        """
        _check_text(text, "analyze()")
        _check_id(id, "analyze()")
        data, decoded = self._native.analyze(text, id)
        return Analysis._lazy(data, decoded if decoded is not None else _str_or_none(text))

    def analyze_many(
        self,
        texts: Iterable[Text],
        ids: Optional[Iterable[Optional[str]]] = None,
        threads: Optional[int] = None,
    ) -> List[Result]:
        """Analyses many texts in parallel (Rust threads, with the GIL released for the whole batch).

        Returns one result per text, in input order. A text that cannot be analysed — undecodable bytes, an item
        that is not ``str``/``bytes`` — gives a :class:`jiceng.Failure` (``ok`` False, with ``id`` and
        ``error``) in its place instead of an exception, so the others are kept: filter with ``r.ok``.

        ``ids`` gives one id per text. ``threads`` runs the batch on a pool of that many threads; by default
        all cores are used. Results do not depend on ``threads``.
        """
        documents = _as_list(texts, "analyze_many()", "texts", "for one text use analyze(text)")
        id_list: Optional[List[Optional[str]]] = None
        if ids is not None:
            id_list = _as_list(ids, "analyze_many()", "ids", "give one id per text")
            if len(id_list) != len(documents):
                raise ValueError(f"analyze_many() got {len(id_list)} ids for {len(documents)} texts")
            for item in id_list:
                _check_id(item, "analyze_many()")
        entries = self._native.analyze_many(documents, id_list, _check_threads(threads))
        return [from_entry(ok, data, decoded if decoded is not None else _str_or_none(document))
                for (ok, data, decoded), document in zip(entries, documents)]

    def analyze_file(self, path: StrPath) -> Analysis:
        """Reads one file, decodes it (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK, Big5 are
        detected) and analyses it. The result's ``id`` is the path as given and ``text`` the decoded text.

        Raises ``OSError`` (e.g. FileNotFoundError) when the file cannot be read and :class:`jiceng.DecodeError`
        when it is not text.
        """
        _check_path(path, "analyze_file()")
        data, decoded = self._native.analyze_file(path)
        return Analysis._lazy(data, decoded)

    def analyze_files(self, paths: Iterable[StrPath], threads: Optional[int] = None) -> List[Result]:
        """Reads, decodes and analyses files in parallel, like :meth:`analyze_many`, in input order.

        A file that cannot be read or decoded gives a :class:`jiceng.Failure` with the path as ``id`` and the
        reason as ``error`` (the CLI's error record), and the other files are still analysed.
        """
        path_list = _as_list(paths, "analyze_files()", "paths", "for one file use analyze_file(path)")
        entries = self._native.analyze_files(path_list, _check_threads(threads))
        return [from_entry(ok, data, decoded) for ok, data, decoded in entries]

    def segment(self, text: str) -> List[Tuple[str, int, int]]:
        """Cuts a text into words with jieba and the governance dictionary (plus the user dictionary).

        Returns ``(word, start, end)`` tuples, offsets in characters: ``text[start:end] == word``.
        """
        if not isinstance(text, str):
            raise TypeError(f"segment() takes a str, not {type(text).__name__}")
        return self._native.segment(text)

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_rebuild, (self._options,))

    def __repr__(self) -> str:
        parts = []
        dictionary = self._options["dictionary"]
        if dictionary is not None:
            lines = sum(1 for line in dictionary.splitlines() if line.strip())
            parts.append(f"dictionary=<{lines} lines>")
        if self._options["taxonomy"] is not None:
            parts.append(f"taxonomy=<{len(self.taxonomy()['themes'])} themes>")
        return f"Analyzer({', '.join(parts)})"


def _rebuild(options: Dict[str, Any]) -> Analyzer:
    """Unpickles an :class:`Analyzer` from its resolved options."""
    return Analyzer(**options)


def _read_dictionary(dictionary: object) -> Union[str, bytes, None]:
    if dictionary is None or isinstance(dictionary, bytes):
        return dictionary
    if isinstance(dictionary, bytearray):
        return bytes(dictionary)
    if isinstance(dictionary, os.PathLike):
        return Path(dictionary).read_bytes()
    if isinstance(dictionary, str):
        candidate = dictionary.strip()
        if "\n" not in candidate and candidate and (
            os.path.isfile(candidate) or candidate.lower().endswith(_DICTIONARY_SUFFIXES)
        ):
            return Path(candidate).read_bytes()
        return dictionary
    raise TypeError(
        "dictionary must be the dictionary text (str), a path (str or pathlib.Path) or bytes, "
        f"not {type(dictionary).__name__}"
    )


def _read_taxonomy(taxonomy: object) -> Tuple[Optional[str], Optional[str]]:
    """``(json text, toml text)`` of a taxonomy given as a dict, a path to a .json/.toml file, or TOML text."""
    if taxonomy is None:
        return None, None
    if isinstance(taxonomy, dict):
        return json.dumps(taxonomy, ensure_ascii=False), None
    if isinstance(taxonomy, (str, os.PathLike)):
        candidate = os.fspath(taxonomy)
        is_path = isinstance(taxonomy, os.PathLike) or (
            "\n" not in candidate.strip() and candidate.strip().lower().endswith((".toml", ".json"))
        )
        if not is_path:
            return None, candidate
        text = Path(candidate.strip()).read_text(encoding="utf-8")
        return (text, None) if candidate.strip().lower().endswith(".json") else (None, text)
    raise TypeError(
        "taxonomy must be a dict, a path to a .toml or .json file, or TOML text, "
        f"not {type(taxonomy).__name__}"
    )


def _read_places(places: object) -> Optional[str]:
    """The place list as ``name<TAB>kind[<TAB>parent]`` lines, from tuples or a file."""
    if places is None:
        return None
    if isinstance(places, os.PathLike) or (isinstance(places, str) and "\t" not in places and "\n" not in places.strip()):
        return Path(os.fspath(places).strip()).read_text(encoding="utf-8")
    if isinstance(places, str):
        return places
    lines = []
    for place in places:  # type: ignore[attr-defined]
        if not isinstance(place, (tuple, list)) or not 2 <= len(place) <= 3 or not all(isinstance(f, str) for f in place):
            raise TypeError(f"each place is a (name, kind) or (name, kind, parent) tuple of str, not {place!r}")
        lines.append("\t".join(place))
    return "\n".join(lines)


def _str_or_none(document: object) -> Optional[str]:
    return document if isinstance(document, str) else None


def _check_text(text: object, where: str) -> None:
    if not isinstance(text, (str, bytes, bytearray)):
        hint = "; to read a file use analyze_file(path)" if isinstance(text, os.PathLike) else ""
        raise TypeError(f"{where} takes the text as str (or bytes in a supported encoding), "
                        f"not {type(text).__name__}{hint}")


def _check_id(id: object, where: str) -> None:
    if id is not None and not isinstance(id, str):
        raise TypeError(f"{where}: an id must be a str or None, not {type(id).__name__} (use str(id))")


def _check_path(path: object, where: str) -> None:
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"{where} takes a path (str or pathlib.Path), not {type(path).__name__}")


def _check_threads(threads: object) -> Optional[int]:
    if threads is None:
        return None
    if isinstance(threads, bool) or not isinstance(threads, int):
        raise TypeError(f"threads must be a positive int or None, not {type(threads).__name__}")
    if threads < 1:
        raise ValueError(f"threads must be at least 1, not {threads}")
    return threads


def _as_list(items: object, where: str, name: str, hint: str) -> List[Any]:
    if isinstance(items, (str, bytes, bytearray)):
        raise TypeError(f"{where} takes {name} as a list, not a single {type(items).__name__}: {hint}")
    if isinstance(items, list):
        return items
    try:
        return list(cast(Iterable[Any], items))
    except TypeError:
        raise TypeError(f"{where} takes {name} as a list (any iterable), not {type(items).__name__}") from None
