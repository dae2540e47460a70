"""Batches: per-document failures, input order, thread counts, and the GIL released while Rust works."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import List

import pytest

import jiceng
from conftest import SAMPLE, corpus_files


def corpus_texts(sample_text: str) -> List[str]:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in corpus_files()]
    return texts or [sample_text, sample_text[:300], ""]


def test_a_bad_item_becomes_a_failure_and_the_others_are_kept(analyzer: jiceng.Analyzer, sample_text: str) -> None:
    binary = bytes(range(256)) * 8
    results = analyzer.analyze_many([sample_text, 42, binary, sample_text.encode("gbk"), None, Path("x.txt")],
                                    ids=["a", "b", "c", "d", "e", "f"])
    assert [r.ok for r in results] == [True, False, False, True, False, False]
    assert [r.id for r in results] == ["a", "b", "c", "d", "e", "f"]
    good, number, undecodable, gbk, none, path = results
    assert isinstance(number, jiceng.Failure) and "expected a text" in number.error and "int" in number.error
    assert "not decodable" in undecodable.error
    assert "NoneType" in none.error
    assert "analyze_files" in path.error  # a path in a list of texts gets a hint
    assert number.to_dict() == {"id": "b", "error": number.error}
    assert gbk.text == sample_text and gbk.speakers == good.speakers


def test_unreadable_and_undecodable_files_become_failures(analyzer: jiceng.Analyzer, tmp_path: Path) -> None:
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    missing = tmp_path / "missing.txt"
    results = analyzer.analyze_files([SAMPLE, missing, binary, tmp_path, 3.5])
    assert [r.ok for r in results] == [True, False, False, False, False]
    assert results[1].id == str(missing) and "No such file" in results[1].error
    assert results[2].id == str(binary) and "not decodable" in results[2].error
    assert results[3].id == str(tmp_path)  # a folder cannot be read as a file
    assert results[4].id is None and "expected a path" in results[4].error


def test_batch_equals_a_loop_and_keeps_input_order(analyzer: jiceng.Analyzer, sample_text: str) -> None:
    texts = corpus_texts(sample_text)
    ids = [f"doc{i}" for i in range(len(texts))]
    batch = analyzer.analyze_many(texts, ids=ids)
    assert batch == [analyzer.analyze(t, id=i) for t, i in zip(texts, ids)]
    # Any iterable works, e.g. a generator or a pandas column.
    assert analyzer.analyze_many(t for t in texts) == analyzer.analyze_many(texts)


def test_thread_counts_give_identical_results(analyzer: jiceng.Analyzer, sample_text: str) -> None:
    texts = corpus_texts(sample_text) * 2
    one = analyzer.analyze_many(texts, threads=1)
    two = analyzer.analyze_many(texts, threads=2)
    default = analyzer.analyze_many(texts)
    assert [a.to_dict() for a in one] == [a.to_dict() for a in two] == [a.to_dict() for a in default]
    files = [SAMPLE, *corpus_files()]
    assert analyzer.analyze_files(files, threads=1) == analyzer.analyze_files(files, threads=2)


def test_several_python_threads_share_one_analyzer(analyzer: jiceng.Analyzer, sample_text: str) -> None:
    texts = corpus_texts(sample_text) * 3
    expected = [analyzer.analyze(t).to_dict() for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda t: analyzer.analyze(t).to_dict(), texts))
    assert got == expected


def test_the_gil_is_released_during_a_batch(analyzer: jiceng.Analyzer, sample_text: str) -> None:
    # A pure-Python thread records when it runs. Were the GIL held for the batch, it could not run at all between
    # the call's start and end (Rust does not check Python's switch interval), so no tick would fall inside.
    ticks: List[float] = []
    stop = threading.Event()

    def tick() -> None:
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    ticker = threading.Thread(target=tick)
    ticker.start()
    try:
        time.sleep(0.05)
        texts = [sample_text] * 1000
        for _ in range(4):  # grow the batch until it lasts long enough to tell, however fast the machine
            start = time.perf_counter()
            analyzer._native.analyze_many(texts, None, 1)  # the compiled call alone: no Python work inside
            end = time.perf_counter()
            if end - start > 0.3:
                break
            texts *= 4
    finally:
        stop.set()
        ticker.join()
    inside = [t for t in ticks if start + 0.05 < t < end - 0.05]
    assert len(inside) >= 10, f"{len(inside)} ticks while a {end - start:.2f} s batch ran"


def test_wrong_arguments_raise_type_error(analyzer: jiceng.Analyzer) -> None:
    with pytest.raises(TypeError, match="not a single str: for one text use analyze"):
        analyzer.analyze_many("一段文字")
    with pytest.raises(TypeError, match="as a list"):
        analyzer.analyze_many(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="2 ids for 1 texts"):
        analyzer.analyze_many(["a"], ids=["x", "y"])
    with pytest.raises(TypeError, match="id must be a str"):
        analyzer.analyze_many(["a"], ids=[1])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="threads must be a positive int"):
        analyzer.analyze_many(["a"], threads="2")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="threads must be at least 1"):
        analyzer.analyze_many(["a"], threads=0)
    with pytest.raises(TypeError, match="for one file use analyze_file"):
        analyzer.analyze_files(str(SAMPLE))
    with pytest.raises(TypeError, match="not int"):
        analyzer.analyze(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="use analyze_file"):
        analyzer.analyze(SAMPLE)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="id must be a str"):
        analyzer.analyze("a", id=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="takes a path"):
        analyzer.analyze_file(3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="segment\\(\\) takes a str"):
        analyzer.segment(b"abc")  # type: ignore[arg-type]
