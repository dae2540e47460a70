"""Pickling: analyzers (by their options) and analyses travel to other processes, as Dask or Spark ship them."""

from __future__ import annotations

import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import List

import jiceng


def test_analysis_and_failure_round_trip(analyzer: jiceng.Analyzer, sample_text: str) -> None:
    a = analyzer.analyze(sample_text, id="doc")
    b = pickle.loads(pickle.dumps(a))
    assert b == a and b.text == sample_text and b.speakers == a.speakers and b.id == "doc"
    built = jiceng.Analysis(a.to_dict())
    assert pickle.loads(pickle.dumps(built)).to_dict() == a.to_dict()
    failure = jiceng.Failure("x", "boom")
    assert pickle.loads(pickle.dumps(failure)) == failure


def test_analyzer_round_trips_with_its_dictionary(tmp_path: Path) -> None:
    dictionary = tmp_path / "user.dict"
    dictionary.write_text("邻里议事厅 10 n\n", encoding="utf-8")
    analyzer = jiceng.Analyzer(dictionary=dictionary)
    data = pickle.dumps(analyzer)
    dictionary.unlink()  # the pickle carries the dictionary's text, not its path
    clone = pickle.loads(data)
    assert isinstance(clone, jiceng.Analyzer) and repr(clone) == "Analyzer(dictionary=<1 lines>)"
    assert ("邻里议事厅", 0, 5) in clone.segment("邻里议事厅开放")
    assert pickle.loads(pickle.dumps(jiceng.Analyzer())).segment("社区") == [("社区", 0, 2)]


def _speakers(analyzer: jiceng.Analyzer, text: str) -> List[str]:
    return [s.name for s in analyzer.analyze(text).speakers]


def test_analyzer_and_results_cross_processes(analyzer: jiceng.Analyzer, sample_text: str) -> None:
    # "spawn" starts a fresh interpreter: everything it gets has been through pickle.
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        speakers = pool.submit(_speakers, analyzer, sample_text).result(timeout=120)
        assert speakers == ["王丽", "李建国", "陈静", "赵明"]
        assert pool.submit(jiceng.analyze, sample_text).result(timeout=120) == analyzer.analyze(sample_text)
