"""The quickstart notebook runs top to bottom in a real Jupyter kernel and shows what it promises."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Dict, List

import nbformat
from ipykernel.kernelspec import write_kernel_spec
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

from conftest import REPO

NOTEBOOK = REPO / "examples" / "quickstart.ipynb"


def run_notebook(tmp_path: Path) -> List[Any]:
    """Executes the notebook from its own folder, as Jupyter would, and returns its code cells with outputs."""
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # A last cell, not saved, tells which interpreter ran the notebook.
    nb.cells.append(nbformat.v4.new_code_cell("import sys, jiceng\nprint(sys.executable)\nprint(jiceng.__file__)"))
    # The kernel spec is written here, pointing at this interpreter: a "python3" kernel installed elsewhere on the
    # machine (another venv, ~/.local) would run some other jiceng, or none.
    write_kernel_spec(str(tmp_path / "kernels" / "python3"))
    specs = KernelSpecManager(kernel_dirs=[str(tmp_path / "kernels")], ensure_native_kernel=False)
    km = KernelManager(kernel_name="python3", kernel_spec_manager=specs)
    client = NotebookClient(nb, km=km, timeout=120, resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    return [cell for cell in nb.cells if cell.cell_type == "code"]


def data(cell: Any, kind: str) -> str:
    """Everything a cell showed as ``kind`` (``text/html``, ``text/plain``) or printed, joined."""
    shown: List[str] = []
    for output in cell.outputs:
        assert output.output_type != "error", "\n".join(output.get("traceback", []))
        if output.output_type == "stream":
            shown.append(output.text)
        else:
            bundle: Dict[str, Any] = output.get("data", {})
            shown.append(bundle.get(kind, ""))
    return "".join(shown)


def test_quickstart_notebook_runs_and_shows_its_results(tmp_path: Path) -> None:
    saved = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(saved)
    # Stored clean: the test, not the file, holds the outputs.
    assert all(not c.get("outputs") for c in saved.cells if c.cell_type == "code")

    cells = run_notebook(tmp_path)
    load, analyse, speakers, themes, plans, which = cells
    assert "王丽" in data(load, "text/plain")
    highlighted = data(analyse, "text/html")
    assert highlighted.startswith('<div class="jiceng-analysis"') and "王丽" in highlighted
    for name in ("王丽", "李建国", "陈静", "赵明"):
        assert name in data(speakers, "text/html")
    table = data(themes, "text/html")
    assert "complete_community" in table and "锦江区" in table and "郫都区" in table  # by county
    shown = data(plans, "text/plain")
    assert "一是" in shown and "三是" in shown and "首先" not in shown  # 陈静's items

    executable, package = data(which, "text/plain").split()
    assert executable == sys.executable
    import jiceng

    assert Path(package).resolve() == Path(jiceng.__file__).resolve()
