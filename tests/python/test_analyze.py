"""One document: speakers of the sample report, spans into the text, attribute access, bytes and encodings."""

from __future__ import annotations

import codecs
import pickle
from pathlib import Path
from typing import Iterator, Tuple

import pytest

import jiceng
from conftest import SAMPLE, SAMPLE_SPEAKERS, corpus_files


def spans(a: jiceng.Analysis) -> Iterator[Tuple[str, int, int]]:
    """Every item of an analysis that has a text and a span."""
    for s in a.statements:
        if s.speaker is not None:
            yield s.speaker.text, s.speaker.start, s.speaker.end
    for theme in a.themes:
        for m in theme.evidence:
            yield m.text, m.start, m.end
    for item in (*a.places, *a.plan_items, *a.formulas):
        yield item.text, item.start, item.end
    for formula in a.formulas:
        for m in formula.members:
            yield m.text, m.start, m.end


def test_sample_report_speakers(analyzer: jiceng.Analyzer, sample_text: str) -> None:
    a = analyzer.analyze(sample_text, id="sample")
    assert a.ok and a.id == "sample" and a.chars == len(sample_text) and a.text == sample_text
    assert [(s.speaker.name, s.speaker.organization) for s in a.statements if s.speaker] == SAMPLE_SPEAKERS
    # The title and lead before the first header are a statement of nobody.
    assert a.statements[0].speaker is None and len(a.statements) == 5
    assert all(s.speaker is not None and s.speaker.role == "党委书记" for s in a.statements[1:])
    assert [sp.name for sp in a.speakers] == ["王丽", "李建国", "陈静", "赵明"]
    # The header shapes of the sample: name first, unit first, and a ——访 headline.
    assert a.statements[1].speaker.text == "王丽 锦江区春熙路街道总府路社区党委书记"
    assert a.statements[2].speaker.text == "青羊区少城街道宽巷子社区党委书记 李建国"
    assert "陈静" in a.statements[3].speaker.text


def test_every_span_points_into_the_text(analyzer: jiceng.Analyzer, sample_text: str) -> None:
    a = analyzer.analyze(sample_text)
    checked = 0
    for text, start, end in spans(a):
        assert sample_text[start:end] == text
        checked += 1
    assert checked >= 4
    for s in a.statements:
        assert 0 <= s.start <= s.end <= len(sample_text)
        assert s.speaker is None or s.start <= s.speaker.start < s.speaker.end <= s.end
    # Statements are in order and do not overlap.
    assert all(x.end <= y.start for x, y in zip(a.statements, a.statements[1:]))


def test_spans_on_every_corpus_file() -> None:
    files = corpus_files()
    if not files:
        pytest.skip("no shared corpus")
    for result in jiceng.analyze_files(files):
        assert result.ok, result
        assert result.text is not None
        for text, start, end in spans(result):
            assert result.text[start:end] == text, (result.id, start, end)


def test_offsets_are_python_character_offsets(analyzer: jiceng.Analyzer) -> None:
    # Astral characters (one Python character, four UTF-8 bytes) and full-width text before the header.
    text = "𠀀😀ＡＢＣ\n王丽 锦江区春熙路街道总府路社区党委书记\n一是深化完整社区建设。"
    first, said = analyzer.analyze(text).statements
    assert first.speaker is None and text[first.start:first.end] == "𠀀😀ＡＢＣ"
    speaker = said.speaker
    assert speaker is not None and text[speaker.start:speaker.end] == speaker.text
    assert speaker.start == text.index("王丽")


def test_items_have_attribute_access(analyzer: jiceng.Analyzer, sample_text: str) -> None:
    a = analyzer.analyze(sample_text)
    s = a.statements[1]
    assert isinstance(s, jiceng.Statement) and isinstance(s.speaker, jiceng.Speaker)
    assert isinstance(s.themes, tuple) and isinstance(s.places, tuple)
    for name in ("themes", "places", "plan_items", "formulas", "keyphrases"):
        assert isinstance(getattr(a, name), tuple)
    for theme in a.themes:
        assert isinstance(theme, jiceng.Theme) and theme.count == len(theme.evidence)
        assert all(isinstance(m, jiceng.Mention) for m in theme.evidence)
    for phrase in a.keyphrases:
        assert isinstance(phrase, jiceng.Keyphrase) and 0 <= phrase.weight <= 1
    with pytest.raises(AttributeError):
        s.start = 3  # type: ignore[misc]


def test_text_without_speaker_is_one_statement(analyzer: jiceng.Analyzer) -> None:
    a = analyzer.analyze("今年社区将继续推进垃圾分类。")
    assert len(a.statements) == 1 and a.statements[0].speaker is None and a.speakers == ()
    empty = analyzer.analyze("")
    assert empty.chars == 0 and empty.text == ""


def test_module_functions_use_a_default_analyzer(sample_text: str) -> None:
    a = jiceng.analyze(sample_text, id="x")
    assert a.to_dict() == jiceng.Analyzer().analyze(sample_text, id="x").to_dict()
    assert jiceng.analyze_file(SAMPLE).speakers == a.speakers
    assert [r.ok for r in jiceng.analyze_many([sample_text, 1])] == [True, False]
    assert [r.ok for r in jiceng.analyze_files([SAMPLE, SAMPLE.with_suffix(".missing")])] == [True, False]
    words = jiceng.segment("以党建引领推进完整社区建设")
    assert ("党建引领", 1, 5) in words
    assert all("以党建引领推进完整社区建设"[start:end] == word for word, start, end in words)


def test_analyze_file_id_and_text(analyzer: jiceng.Analyzer, sample_text: str) -> None:
    a = analyzer.analyze_file(SAMPLE)
    assert a.id == str(SAMPLE) and a.text == sample_text
    assert analyzer.analyze_file(str(SAMPLE)).id == str(SAMPLE)
    assert a.speakers == analyzer.analyze(sample_text).speakers


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16", "utf-8-sig"])
def test_encodings_give_the_same_result(analyzer: jiceng.Analyzer, sample_text: str, tmp_path: Path,
                                        encoding: str) -> None:
    path = tmp_path / f"sample-{encoding}.txt"
    path.write_bytes(sample_text.encode(encoding))  # Python's utf-16 writes a BOM
    if encoding == "utf-16":
        assert path.read_bytes()[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    a = analyzer.analyze_file(path)
    expected = analyzer.analyze(sample_text, id=str(path))
    assert a.text == sample_text
    assert a.to_dict() == expected.to_dict()
    # Bytes given directly are decoded the same way.
    assert analyzer.analyze(sample_text.encode(encoding), id=str(path)) == expected


def test_undecodable_bytes_raise_decode_error(analyzer: jiceng.Analyzer, tmp_path: Path) -> None:
    binary = bytes(range(256)) * 8
    with pytest.raises(jiceng.DecodeError, match="not decodable"):
        analyzer.analyze(binary)
    path = tmp_path / "binary.txt"
    path.write_bytes(binary)
    with pytest.raises(jiceng.DecodeError):
        analyzer.analyze_file(path)
    with pytest.raises(FileNotFoundError):
        analyzer.analyze_file(tmp_path / "missing.txt")


def test_repr(analyzer: jiceng.Analyzer, sample_text: str) -> None:
    a = analyzer.analyze(sample_text, id="doc")
    assert repr(a).startswith("<Analysis id='doc' chars=646 statements=5 ")
    assert repr(analyzer) == "Analyzer()"
    assert type(a).__module__ == "jiceng" and type(a).__name__ == "Analysis"


def test_analysis_rebuilds_from_cli_json(analyzer: jiceng.Analyzer, sample_text: str) -> None:
    a = analyzer.analyze(sample_text, id="doc")
    assert jiceng.Analysis(a.to_dict(), sample_text) == a
    assert jiceng.Analysis(a.to_json(), sample_text) == a
    assert jiceng.Analysis(a.to_dict()).text is None
    with pytest.raises(ValueError, match="characters"):
        jiceng.Analysis(a.to_dict(), sample_text + "!")
    with pytest.raises(ValueError, match="error record"):
        jiceng.Analysis({"id": "x", "error": "boom"})
    # to_dict gives a fresh copy every time.
    d = a.to_dict()
    d["statements"].clear()
    assert len(a.to_dict()["statements"]) == 5


def test_a_taxonomy_from_a_dict_adds_a_theme_with_evidence() -> None:
    text = "社区将发展夜间经济,开办夜市,推进党建引领。"
    analyzer = jiceng.Analyzer(
        taxonomy={"themes": [{"id": "night_economy", "label": "夜间经济", "category": "发展", "keywords": ["夜市"]}]}
    )
    themes = {t.id: t for t in analyzer.analyze(text).themes}
    assert "night_economy" in themes and "party_building" in themes
    evidence = themes["night_economy"].evidence[0]
    assert (evidence.text, text[evidence.start:evidence.end]) == ("夜市", "夜市")
    assert any(t["id"] == "night_economy" for t in analyzer.taxonomy()["themes"])
    assert len(jiceng.Analyzer().taxonomy()["themes"]) == 23


def test_a_taxonomy_file_can_replace_the_builtin_one(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('replace = true\n[[themes]]\nid = "night_economy"\nlabel = "夜间经济"\ncategory = "发展"\nkeywords = ["夜市"]\n', encoding="utf-8")
    analyzer = jiceng.Analyzer(taxonomy=path)
    assert [t.id for t in analyzer.analyze("开办夜市,推进党建引领。").themes] == ["night_economy"]
    clone = pickle.loads(pickle.dumps(analyzer))
    assert [t["id"] for t in clone.taxonomy()["themes"]] == ["night_economy"]


def test_a_malformed_taxonomy_names_its_line_and_field() -> None:
    with pytest.raises(jiceng.DataError, match=r"line 2.*keyword"):
        jiceng.Analyzer(taxonomy='[[themes]]\nkeyword = ["夜市"]\n')
    with pytest.raises(TypeError, match="taxonomy must be"):
        jiceng.Analyzer(taxonomy=42)  # type: ignore[arg-type]


def test_user_places_and_home_region() -> None:
    analyzer = jiceng.Analyzer(places=[("锦绣花园", "estate", "枫树社区")], home_region="none")
    a = analyzer.analyze("枫树社区锦绣花园开展活动。金凤社区也来了。")
    places = {p.text: p for p in a.places}
    assert places["锦绣花园"].kind == "estate"
    assert places["锦绣花园"].path[-2:] == ["枫树社区", "锦绣花园"] or tuple(places["锦绣花园"].path[-2:]) == ("枫树社区", "锦绣花园")
    assert places["金凤社区"].code is None
    clone = pickle.loads(pickle.dumps(analyzer))
    assert clone.analyze("枫树社区锦绣花园").to_dict()["places"][1]["kind"] == "estate"
    with pytest.raises(jiceng.DataError, match="line 1"):
        jiceng.Analyzer(places=[("锦绣花园", "palace")])
