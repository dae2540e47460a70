"""`Analysis.to_dict()` equals what the CLI prints for the same file: the same serde JSON, by construction."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any, List

import pytest

import jiceng
from conftest import REPO, SAMPLE, corpus_files


def cli(*paths: Path) -> List[Any]:
    """Runs `jiceng analyze --format jsonl` through cargo (building the binary if needed)."""
    if shutil.which("cargo") is None:
        pytest.skip("cargo is not available to build the CLI")
    done = subprocess.run(
        ["cargo", "run", "-q", "--release", "--", "analyze", "--format", "jsonl", *map(str, paths)],
        cwd=REPO, capture_output=True, text=True, timeout=900,
    )
    assert done.returncode in (0, 1), done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_to_dict_equals_the_cli_json(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    files = [SAMPLE, *corpus_files()[:6], missing]
    printed = cli(*files)
    results = jiceng.analyze_files(files)
    assert [r.to_dict() for r in results] == printed
    assert printed[0]["id"] == str(SAMPLE) and printed[-1]["id"] == str(missing)
    # The single-file call gives the same object.
    assert jiceng.analyze_file(SAMPLE).to_dict() == printed[0]


def test_export_tables_equal_to_frames(tmp_path: Path) -> None:
    """`jiceng export` and `jiceng.to_frames` give the same long tables (the columns both have)."""
    import csv
    import io

    import pandas as pd

    if shutil.which("cargo") is None:
        pytest.skip("cargo is not available to build the CLI")
    results = tmp_path / "results.jsonl"
    results.write_text("\n".join(json.dumps(r) for r in cli(SAMPLE)) + "\n", encoding="utf-8")
    frames = jiceng.to_frames(jiceng.analyze_file(SAMPLE))
    for table in ["plan_items", "places", "themes"]:
        done = subprocess.run(
            ["cargo", "run", "-q", "--release", "--", "export", str(results), "--table", table],
            cwd=REPO, capture_output=True, text=True, timeout=900, check=True,
        )
        exported = list(csv.DictReader(io.StringIO(done.stdout)))
        frame = frames[table]
        assert len(exported) == len(frame), table
        for column in ["id", "statement", "speaker", "county", "text", "start", "end"]:
            expected = ["" if pd.isna(v) else str(v) for v in frame[column].astype(object)]
            assert [row[column] for row in exported] == expected, (table, column)
