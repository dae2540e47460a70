"""Documentation examples are tests: the Python README's code blocks and the package docstring's doctest."""

from __future__ import annotations

import doctest
import re

import jiceng
from conftest import REPO


def test_python_readme_examples_run() -> None:
    readme = (REPO / "python" / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert len(blocks) >= 4
    namespace: dict = {}
    for block in blocks:  # in order: later blocks use names of earlier ones
        exec(compile(block, "python/README.md", "exec"), namespace)


def test_root_readme_python_example_runs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert blocks
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})


def test_package_docstring() -> None:
    failures, tried = doctest.testmod(jiceng, verbose=False)
    assert tried > 0 and failures == 0
