"""`jiceng.to_frames`: long-format tables with the document, statement and speaker on every row."""

from __future__ import annotations

import sys

import pandas as pd
import pytest

import jiceng
from conftest import SAMPLE_SPEAKERS
from test_html import TEXT, rich

WHO = ["id", "statement", "speaker", "role", "organization", "county"]


def test_columns(analyzer: jiceng.Analyzer, sample_text: str) -> None:
    frames = jiceng.to_frames(analyzer.analyze_many([sample_text, 3], ids=["sample", "bad"]))
    assert set(frames) == {"statements", "themes", "places", "plan_items", "formulas", "failures"}
    assert list(frames["statements"].columns) == WHO + ["start", "end", "speaker_start", "speaker_end", "text"]
    assert list(frames["themes"].columns) == WHO + ["theme", "label", "category", "count", "score", "text", "start",
                                                    "end"]
    assert list(frames["places"].columns) == WHO + ["text", "name", "kind", "code", "path", "start", "end"]
    assert list(frames["plan_items"].columns) == WHO + ["list", "ordinal", "marker", "text", "start", "end"]
    assert list(frames["formulas"].columns) == WHO + ["text", "parts", "members", "start", "end"]
    assert frames["failures"].to_dict("records") == [{"id": "bad", "error": frames["failures"].error[0]}]


def test_statement_rows(analyzer: jiceng.Analyzer, sample_text: str) -> None:
    a = analyzer.analyze(sample_text, id="sample")
    statements = jiceng.to_frames([a])["statements"]
    said = statements.dropna(subset=["speaker"])
    assert list(zip(said.speaker, said.organization)) == SAMPLE_SPEAKERS
    assert set(said.role) == {"党委书记"} and set(statements.id) == {"sample"}
    # The title and lead before the first header: a row with no speaker.
    assert pd.isna(statements.speaker[0]) and pd.isna(statements.speaker_start[0])
    assert list(statements.statement) == [0, 1, 2, 3, 4] and str(statements.statement.dtype) == "Int64"
    for row, s in zip(statements.itertuples(), a.statements):
        assert (row.start, row.end, row.text) == (s.start, s.end, sample_text[s.start:s.end])
        if s.speaker is not None:
            assert (row.speaker_start, row.speaker_end) == (s.speaker.start, s.speaker.end)


def test_theme_rows_follow_their_statement(analyzer: jiceng.Analyzer, sample_text: str) -> None:
    a = analyzer.analyze(sample_text, id="sample")
    themes = jiceng.to_frames(a)["themes"]  # one analysis works too
    assert len(themes) == sum(max(1, len(t.evidence)) for t in a.themes)
    for row in themes.itertuples():
        if pd.isna(row.statement):
            continue
        statement = a.statements[row.statement]
        assert statement.start <= row.start < statement.end
        assert row.speaker == statement.speaker.name if statement.speaker else pd.isna(row.speaker)
        assert sample_text[row.start:row.end] == row.text
    # The journalist's question: which speaker talks of which theme, without reshaping.
    counts = themes.groupby(["speaker", "theme"]).size()
    assert counts.sum() == themes.speaker.notna().sum()


def test_items_are_assigned_to_statements_by_span() -> None:
    data = rich(TEXT)
    # A title before the first statement: a place there belongs to no statement.
    data["places"].append({"text": "标题", "name": "标题", "kind": "landmark", "start": 1, "end": 3, "code": None,
                           "path": ["四川省"]})
    frames = jiceng.to_frames([jiceng.Analysis(data, TEXT)])
    places = frames["places"]
    assert list(places.statement.isna()) == [False, False, True]
    assert list(places.speaker[:2]) == ["王丽", "王丽"] and pd.isna(places.speaker[2])
    assert places.path[2] == ("四川省",)
    [formula] = frames["formulas"].to_dict("records")
    assert formula["parts"] == ((1, "核"), (2, "翼")) and formula["speaker"] == "王丽"
    [item] = frames["plan_items"].to_dict("records")
    assert (item["marker"], item["ordinal"], item["organization"]) == ("一是", 1, "锦江区春熙路街道总府路社区")
    assert jiceng.to_frames([])["places"].columns.tolist() == places.columns.tolist()


def test_wrong_items_and_missing_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(TypeError, match="to_frames\\(\\) takes analyses"):
        jiceng.to_frames(["text"])  # type: ignore[list-item]
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if pandas were not installed
    with pytest.raises(ImportError, match=r"pip install jiceng\[pandas\]"):
        jiceng.to_frames([])


def test_every_row_has_the_county_of_its_statement(analyzer: jiceng.Analyzer, sample_text: str) -> None:
    frames = jiceng.to_frames(analyzer.analyze(sample_text, id="sample"))
    said = frames["statements"].dropna(subset=["speaker"])
    counties = dict(zip(said["speaker"], said["county"]))
    assert counties == {"王丽": "锦江区", "李建国": "青羊区", "陈静": "成华区", "赵明": "郫都区"}
    table = frames["themes"].groupby(["county", "theme"]).size()
    assert table[("郫都区", "rural_revitalization")] >= 1
