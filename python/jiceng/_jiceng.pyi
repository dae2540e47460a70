"""Stubs of the compiled module: the Rust analyzer, returning JSON strings that `jiceng` wraps."""

import os
from typing import Iterable, List, Optional, Tuple, Union, final

__all__ = ["Analyzer", "DataError", "DecodeError", "JicengError", "__version__"]

__version__: str

class JicengError(ValueError):
    """Base class of jiceng's errors; a subclass of ValueError."""

class DecodeError(JicengError):
    """Bytes that are not text in any encoding jiceng reads."""

class DataError(JicengError):
    """Invalid user-supplied data, such as a malformed user dictionary."""

_Document = Union[str, bytes, bytearray]
_Path = Union[str, os.PathLike[str]]

@final
class Analyzer:
    """The compiled analyzer: an analysis comes back as `(json, decoded text or None)`, a batch entry as
    `(ok, json, decoded text or None)` where `json` is an `{"id", "error"}` record when `ok` is False."""

    def __new__(
        cls,
        *,
        dictionary: Union[str, bytes, None] = None,
        taxonomy_json: Optional[str] = None,
        taxonomy_toml: Optional[str] = None,
        places: Optional[str] = None,
        home_region: Optional[str] = None,
        max_document_bytes: Optional[int] = None,
    ) -> Analyzer: ...
    @property
    def dictionary(self) -> Optional[str]: ...
    @property
    def taxonomy_json(self) -> Optional[str]: ...
    @property
    def taxonomy_toml(self) -> Optional[str]: ...
    @property
    def places(self) -> Optional[str]: ...
    @property
    def home_region(self) -> Optional[str]: ...
    @property
    def max_document_bytes(self) -> int: ...
    def taxonomy(self) -> str: ...
    def analyze(self, document: _Document, id: Optional[str] = None) -> Tuple[str, Optional[str]]: ...
    def analyze_file(self, path: _Path) -> Tuple[str, Optional[str]]: ...
    def analyze_many(
        self,
        documents: Iterable[object],
        ids: Optional[List[Optional[str]]] = None,
        threads: Optional[int] = None,
    ) -> List[Tuple[bool, str, Optional[str]]]: ...
    def analyze_files(self, paths: Iterable[object], threads: Optional[int] = None) -> List[Tuple[bool, str, Optional[str]]]: ...
    def segment(self, text: str) -> List[Tuple[str, int, int]]: ...
