"""Executes Mizan's notebooks headlessly with nbclient and a real ipykernel, parameters injected.

usage: python run_notebooks.py NOTEBOOK_DIR EXECUTED_DIR key=value [key=value ...] [--only NAME]

For each *.ipynb in NOTEBOOK_DIR: a cell tagged "injected-parameters" holding the given values (Python literals of
strings) is inserted after the cell tagged "parameters" (papermill convention), the notebook runs in NOTEBOOK_DIR as
its working directory, and the executed copy is saved to EXECUTED_DIR. Fails (exit 1) when a cell raises, when a
cell tagged "figure" produced no image/png output, when a cell that draws (plt./nb.plot_/nb.heatmap) is not tagged
"figure", or when a notebook has no figure cell. Prints one line per notebook with its time.
"""
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

DRAWS = re.compile(r"\bplt\.(subplots|figure|show)\b|\bnb\.(plot_trend|heatmap)\(")


def inject(nb, params: dict) -> None:
    idx = next((i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])), None)
    if idx is None:
        raise AssertionError("no cell tagged 'parameters'")
    first_code = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    if idx != first_code:
        raise AssertionError("the cell tagged 'parameters' is not the first code cell")
    src = "# Injected parameters\n" + "\n".join(f"{k} = {v!r}" for k, v in params.items())
    cell = nbformat.v4.new_code_cell(src)
    cell.metadata["tags"] = ["injected-parameters"]
    nb.cells.insert(idx + 1, cell)


def check(nb, name: str) -> list[str]:
    problems = []
    figures = 0
    for i, c in enumerate(nb.cells):
        if c.cell_type != "code":
            continue
        tags = c.metadata.get("tags", [])
        for o in c.get("outputs", []):
            if o.output_type == "error":
                problems.append(f"{name} cell {i}: {o.ename}: {o.evalue}")
        if "figure" in tags:
            figures += 1
            if not any(o.output_type in ("display_data", "execute_result") and "image/png" in o.get("data", {})
                       for o in c.get("outputs", [])):
                problems.append(f"{name} cell {i}: tagged 'figure' but produced no image/png")
        elif DRAWS.search(c.source):
            problems.append(f"{name} cell {i}: draws a figure but is not tagged 'figure'")
    if figures == 0:
        problems.append(f"{name}: no cell tagged 'figure'")
    return problems


def main(argv):
    nb_dir, out_dir = Path(argv[0]).resolve(), Path(argv[1]).resolve()
    params, only = {}, None
    rest = argv[2:]
    while rest:
        a = rest.pop(0)
        if a == "--only":
            only = rest.pop(0)
        else:
            k, v = a.split("=", 1)
            params[k] = None if v == "" else v
    out_dir.mkdir(parents=True, exist_ok=True)
    problems = []
    paths = sorted(nb_dir.glob("*.ipynb"))
    if not paths:
        problems.append(f"no notebooks in {nb_dir}")
    for path in paths:
        if only and only not in path.name:
            continue
        nb = nbformat.read(path, as_version=4)
        inject(nb, params)
        t0 = time.time()
        client = NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(nb_dir)}})
        try:
            client.execute()
        except CellExecutionError as e:
            problems.append(f"{path.name}: a cell failed:\n{e}")
        nbformat.write(nb, out_dir / path.name)
        found = check(nb, path.name)
        problems += found
        print(f"{path.name}: {'OK' if not found else 'FAILED'} in {time.time() - t0:.1f}s -> {out_dir / path.name}", flush=True)
    for p in problems:
        print("PROBLEM:", p, flush=True)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
