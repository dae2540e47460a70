"""Shared fixtures: files are found from the repository root, never the working directory."""

from __future__ import annotations

from pathlib import Path
from typing import List

import pytest

import jiceng

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "sample-report.txt"
# The shared corpus lives beside the repository (../shared/corpus); a clone without it skips those tests.
CORPUS = REPO.parent / "shared" / "corpus"

SAMPLE_SPEAKERS = [
    ("王丽", "锦江区春熙路街道总府路社区"),
    ("李建国", "青羊区少城街道宽巷子社区"),
    ("陈静", "成华区猛追湾街道望平社区"),
    ("赵明", "郫都区唐昌镇战旗村"),
]


@pytest.fixture(scope="session")
def analyzer() -> jiceng.Analyzer:
    """One analyzer for the whole run, as a notebook would keep one."""
    return jiceng.Analyzer()


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def corpus_files() -> List[Path]:
    """Every .txt file of the shared corpus, sorted; empty (with a note) when there is no corpus."""
    if not CORPUS.is_dir():
        print(f"skipped: no shared corpus at {CORPUS}")
        return []
    return sorted(CORPUS.rglob("*.txt"))


def require_corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"no shared corpus at {CORPUS}")
    return CORPUS
