"""Scale-out on Dask: run :meth:`jiceng.Analyzer.analyze_many` on every partition of a Dask bag or DataFrame.

>>> import dask.bag as db                                      # doctest: +SKIP
>>> from jiceng.dask import analyze_bag                        # doctest: +SKIP
>>> results = analyze_bag(db.from_sequence(texts, npartitions=8)).compute()   # doctest: +SKIP

Each worker process builds its analyzer once (from the options of the one given, so a custom taxonomy or
dictionary travels with the task) and reuses it for every partition it runs; within a partition the documents run
in parallel in Rust with the GIL released. Results are :class:`~jiceng.Analysis` objects, or
:class:`~jiceng.Failure` for a document that could not be analysed, in the order of the input. Needs
``pip install "dask[distributed]"`` (plain ``dask`` for the local schedulers).
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Tuple, Union, cast

from ._analyzer import Analyzer
from ._model import Result

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe

#: An item of a bag: a text, or an ``(id, text)`` pair.
Item = Union[str, bytes, Tuple[Optional[str], Union[str, bytes]]]


def analyze_bag(bag: "dask.bag.Bag", analyzer: Optional[Analyzer] = None, threads: Optional[int] = None) -> "dask.bag.Bag":
    """A bag of results from a bag of texts or ``(id, text)`` pairs, one ``analyze_many`` call per partition.

    ``analyzer`` (default: the built-in taxonomy and dictionary) is shipped to the workers by its options;
    ``threads`` is the Rust threads per partition (default: all cores of the worker).
    """
    options = json.dumps((analyzer or Analyzer())._options, ensure_ascii=False, sort_keys=True)
    # dask's map_partitions is untyped; the result is a Bag.
    return cast("dask.bag.Bag", bag.map_partitions(_analyze_partition, options, threads))  # type: ignore[no-untyped-call]


def analyze_frame(
    frame: "dask.dataframe.DataFrame",
    text: str = "text",
    id: Optional[str] = "id",
    analyzer: Optional[Analyzer] = None,
    threads: Optional[int] = None,
) -> "dask.bag.Bag":
    """A bag of results from a Dask DataFrame with a column of texts (and optionally one of ids)."""
    columns = [id, text] if id is not None else [text]
    rows = frame[columns].to_bag(index=False)
    if id is None:
        rows = rows.map(lambda row: (None, row[0]))
    return analyze_bag(rows, analyzer, threads)


def _analyze_partition(items: Iterable[Item], options: str, threads: Optional[int]) -> List[Result]:
    ids: List[Optional[str]] = []
    texts: List[Union[str, bytes]] = []
    for item in items:
        if isinstance(item, tuple):
            ids.append(item[0])
            texts.append(item[1])
        else:
            ids.append(None)
            texts.append(item)
    return _worker_analyzer(options).analyze_many(texts, ids=ids, threads=threads)


@lru_cache(maxsize=4)
def _worker_analyzer(options: str) -> Analyzer:
    """One analyzer per worker process and set of options, built on first use."""
    settings: Dict[str, Any] = json.loads(options)
    return Analyzer(**settings)
