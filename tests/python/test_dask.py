"""Scale-out on Dask: a real LocalCluster with two worker processes gives the same results as a local run."""

from __future__ import annotations

import pytest

import jiceng
import jiceng.dask
from conftest import SAMPLE

distributed = pytest.importorskip("distributed")
import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with distributed.Client(cluster) as client:
        yield client
    cluster.close()


def documents() -> list:  # type: ignore[type-arg]
    sample = SAMPLE.read_text(encoding="utf-8")
    return [(f"doc-{i}", sample if i % 3 else "社區黨總支書記李華表示,要做好服務。") for i in range(12)] + [("bad", bytes(range(256)) * 4)]


def test_a_bag_on_a_cluster_equals_a_local_run(client) -> None:  # type: ignore[no-untyped-def]
    docs = documents()
    results = jiceng.dask.analyze_bag(db.from_sequence(docs, npartitions=4), threads=1).compute()
    local = jiceng.analyze_many([t for _, t in docs], ids=[i for i, _ in docs])
    assert [r.ok for r in results] == [r.ok for r in local]
    assert [r.to_dict() for r in results if r.ok] == [r.to_dict() for r in local if r.ok]
    assert results[-1].id == "bad" and not results[-1].ok
    assert len(client.scheduler_info()["workers"]) == 2


def test_a_custom_taxonomy_travels_to_the_workers(client) -> None:  # type: ignore[no-untyped-def]
    analyzer = jiceng.Analyzer(
        taxonomy={"themes": [{"id": "night_economy", "label": "夜间经济", "category": "发展", "keywords": ["夜间经济"]}]}
    )
    frame = dd.from_pandas(pd.DataFrame({"id": ["a", "b"], "text": [SAMPLE.read_text(encoding="utf-8"), "开办夜市。"]}), npartitions=2)
    results = jiceng.dask.analyze_frame(frame, analyzer=analyzer).compute()
    assert [r.id for r in results] == ["a", "b"]
    assert "night_economy" in [t.id for t in results[0].themes]
