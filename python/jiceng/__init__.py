"""jiceng (基层) reads Chinese grassroots-governance texts — statements by community and village party secretaries,
news on 基层治理, work plans, government work reports — and extracts who said what, themes, places, numbered plan
items and slogans. Every span is a character offset into the original text.

>>> import jiceng
>>> a = jiceng.analyze("王丽 锦江区春熙路街道总府路社区党委书记\\n一是深化完整社区建设。")
>>> s = a.statements[0].speaker
>>> (s.name, s.role, s.organization)
('王丽', '党委书记', '锦江区春熙路街道总府路社区')
>>> a.text[s.start:s.end] == s.text
True

Module-level functions use a default :class:`Analyzer`, created on first use; build your own for options.
Batches (``analyze_many``, ``analyze_files``) run in parallel in Rust and return a :class:`Failure` in place of a
document that cannot be analysed. ``to_frames`` turns results into pandas tables (``pip install jiceng[pandas]``).
"""

from __future__ import annotations

import threading
from typing import Iterable, List, Optional, Tuple

from ._analyzer import Analyzer, StrPath, Text
from ._frames import to_frames
from ._jiceng import DataError, DecodeError, JicengError, __version__
from ._model import (
    Analysis,
    Failure,
    Formula,
    FormulaPart,
    InputWarning,
    Keyphrase,
    Mention,
    Place,
    PlanItem,
    Result,
    Speaker,
    Statement,
    Theme,
)

__all__ = [
    "Analysis",
    "Analyzer",
    "DataError",
    "DecodeError",
    "Failure",
    "Formula",
    "FormulaPart",
    "InputWarning",
    "JicengError",
    "Keyphrase",
    "Mention",
    "Place",
    "PlanItem",
    "Speaker",
    "Statement",
    "Theme",
    "__version__",
    "analyze",
    "analyze_file",
    "analyze_files",
    "analyze_many",
    "segment",
    "to_frames",
]

# Public classes say they live in `jiceng`: shorter reprs, and pickles that survive moving code between the
# private modules.
for _cls in (Analysis, Analyzer, Failure, Formula, FormulaPart, InputWarning, Keyphrase, Mention, Place, PlanItem,
             Speaker, Statement, Theme):
    _cls.__module__ = __name__
del _cls

_default: Optional[Analyzer] = None
_default_lock = threading.Lock()


def _default_analyzer() -> Analyzer:
    # Created on first use, not at import: loading the dictionaries takes a fraction of a second.
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Analyzer()
    return _default


def analyze(text: Text, id: Optional[str] = None) -> Analysis:
    """Analyses one text with the default analyzer; see :meth:`Analyzer.analyze`."""
    return _default_analyzer().analyze(text, id)


def analyze_many(
    texts: Iterable[Text], ids: Optional[Iterable[Optional[str]]] = None, threads: Optional[int] = None
) -> List[Result]:
    """Analyses many texts in parallel with the default analyzer; a bad text gives a :class:`Failure` in its
    place. See :meth:`Analyzer.analyze_many`."""
    return _default_analyzer().analyze_many(texts, ids, threads)


def analyze_file(path: StrPath) -> Analysis:
    """Reads, decodes and analyses one file with the default analyzer; see :meth:`Analyzer.analyze_file`."""
    return _default_analyzer().analyze_file(path)


def analyze_files(paths: Iterable[StrPath], threads: Optional[int] = None) -> List[Result]:
    """Reads, decodes and analyses files in parallel with the default analyzer; an unreadable or undecodable file
    gives a :class:`Failure` in its place. See :meth:`Analyzer.analyze_files`."""
    return _default_analyzer().analyze_files(paths, threads)


def segment(text: str) -> List[Tuple[str, int, int]]:
    """Cuts a text into ``(word, start, end)`` with the default analyzer; see :meth:`Analyzer.segment`."""
    return _default_analyzer().segment(text)
