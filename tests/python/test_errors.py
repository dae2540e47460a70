"""The exception hierarchy, user dictionaries, and argument checks of the constructor."""

from __future__ import annotations

from pathlib import Path

import pytest

import jiceng
from jiceng import _jiceng


def test_hierarchy() -> None:
    assert issubclass(jiceng.JicengError, ValueError)
    assert issubclass(jiceng.DecodeError, jiceng.JicengError)
    assert issubclass(jiceng.DataError, jiceng.JicengError)
    assert jiceng.JicengError is _jiceng.JicengError
    assert jiceng.JicengError.__module__ == "jiceng"
    for cls in (jiceng.JicengError, jiceng.DecodeError, jiceng.DataError):
        assert cls.__doc__


def test_bad_dictionary_raises_data_error_naming_the_line() -> None:
    with pytest.raises(jiceng.DataError, match="line 2") as caught:
        jiceng.Analyzer(dictionary="好词 12\n坏词 many\n")
    assert isinstance(caught.value, ValueError)


def test_dictionary_from_text_path_and_bytes(tmp_path: Path) -> None:
    text = "邻里议事厅 10 n\n"
    path = tmp_path / "user.txt"
    path.write_bytes(text.encode("gbk"))  # a GBK dictionary is decoded like a document
    for dictionary in (text, path, str(path), text.encode("utf-8")):
        words = jiceng.Analyzer(dictionary=dictionary).segment("邻里议事厅开放")
        assert ("邻里议事厅", 0, 5) in words, dictionary
    with pytest.raises(FileNotFoundError):
        jiceng.Analyzer(dictionary=str(tmp_path / "typo.txt"))
    with pytest.raises(TypeError, match="dictionary must be"):
        jiceng.Analyzer(dictionary=42)  # type: ignore[arg-type]
    with pytest.raises(jiceng.DecodeError):
        jiceng.Analyzer(dictionary=bytes(range(256)) * 8)


def test_lone_surrogates_are_a_jiceng_error(analyzer: jiceng.Analyzer) -> None:
    with pytest.raises(jiceng.JicengError, match="UTF-8"):
        analyzer.analyze("社区\ud800")
    [failure] = analyzer.analyze_many(["社区\ud800"])
    assert not failure.ok and "UTF-8" in failure.error


def test_public_names_have_docstrings() -> None:
    for name in jiceng.__all__:
        obj = getattr(jiceng, name)
        if name != "__version__":
            assert obj.__doc__ and obj.__doc__.strip(), name
    for name in ("analyze", "analyze_many", "analyze_file", "analyze_files", "segment", "__init__"):
        assert getattr(jiceng.Analyzer, name).__doc__ or name == "__init__"
    for name in ("id", "chars", "text", "statements", "speakers", "themes", "places", "plan_items", "formulas",
                 "keyphrases", "to_dict", "to_json"):
        assert getattr(jiceng.Analysis, name).__doc__, name
    assert isinstance(jiceng.__version__, str) and jiceng.__version__.count(".") == 2
