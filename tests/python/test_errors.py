"""The exception hierarchy, user dictionaries, and argument checks of the constructor."""

from __future__ import annotations

import pickle
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


def test_max_document_bytes_refuses_larger_documents(tmp_path: Path) -> None:
    analyzer = jiceng.Analyzer(max_document_bytes=100)
    assert analyzer.analyze("一是推进完整社区建设。").ok
    text = "一是推进完整社区建设。" * 10
    with pytest.raises(jiceng.JicengError, match="exceeds the limit of 100 bytes"):
        analyzer.analyze(text)
    with pytest.raises(jiceng.JicengError, match="exceeds the limit of 100 bytes"):
        analyzer.analyze(text.encode("gbk"))
    path = tmp_path / "large.txt"
    path.write_text(text, encoding="utf-8")
    (failure,) = analyzer.analyze_files([path])
    assert not failure.ok and "exceeds the limit" in failure.error
    clone = pickle.loads(pickle.dumps(analyzer))
    with pytest.raises(jiceng.JicengError):
        clone.analyze(text)
    for bad in (-1, "100", 1.5, True):
        with pytest.raises(TypeError, match="max_document_bytes"):
            jiceng.Analyzer(max_document_bytes=bad)  # type: ignore[arg-type]


def test_invalid_bytes_are_replaced_and_reported_as_warnings(tmp_path: Path) -> None:
    parts = ["枫树社区党委书记刘晓表示,", "要在锦江区成龙路街道推进", "完整社区建设。"]
    data = b"\xff".join(p.encode("gbk") for p in parts)
    for a in (jiceng.analyze(data), jiceng.analyze_many([data])[0]):
        assert isinstance(a, jiceng.Analysis)
        assert a.text == "\ufffd".join(parts)
        (warning,) = a.warnings
        assert isinstance(warning, jiceng.InputWarning)
        assert (warning.kind, warning.count) == ("replaced_bytes", 2)
        assert warning.message == "2 invalid byte sequences in gb18030 replaced by U+FFFD"
        assert a.to_dict()["warnings"][0]["count"] == 2
        assert "成龙路街道" in [p.name for p in a.places]
    path = tmp_path / "damaged.txt"
    path.write_bytes(data)
    assert jiceng.analyze_file(path).warnings[0].count == 2
    clean = jiceng.analyze("".join(parts))
    assert clean.warnings == () and "warnings" not in clean.to_dict()
