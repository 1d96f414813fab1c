"""Executes one notebook headless and saves it with its outputs; prints what each cell's kernel reply said.

Usage: /usr/bin/python3 notebooks/execute.py NOTEBOOK OUTPUT [TIMEOUT_S]

nbconvert's own --execute either stops at the first failing cell without saving anything, or
(--allow-errors) saves it without saying which cells failed: tslab reports a compile error as a
stderr stream, not as an "error" output. nbclient's hooks give each cell's execute_reply, so the
caller (notebooks/run.mjs) can fail on any error and on any cell that did not run.
The kernel starts in the notebook's folder, as Jupyter and VS Code start it.
"""
import json
import os
import sys

import nbformat
from nbclient import NotebookClient


def main() -> int:
    source, target = sys.argv[1], sys.argv[2]
    timeout = int(sys.argv[3]) if len(sys.argv) > 3 else 600
    notebook = nbformat.read(source, as_version=4)
    replies = {}

    def on_cell_executed(cell, cell_index, execute_reply):
        content = execute_reply.get("content", {})
        replies[cell_index] = {
            "status": content.get("status", "unknown"),
            "ename": content.get("ename"),
            "evalue": content.get("evalue"),
        }

    client = NotebookClient(
        notebook,
        kernel_name=notebook.metadata.get("kernelspec", {}).get("name", "owbench-tslab"),
        timeout=timeout,
        startup_timeout=120,
        # Keep going after a failing cell so the saved notebook shows every failure; the caller fails the run.
        allow_errors=True,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(source))}},
        on_cell_executed=on_cell_executed,
    )
    client.execute()
    os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
    temporary = f"{target}.tmp-{os.getpid()}"
    nbformat.write(notebook, temporary)
    os.replace(temporary, target)

    cells = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        reply = replies.get(index)
        cells.append({
            "index": index,
            "status": reply["status"] if reply else "skipped",
            "ename": reply and reply["ename"],
            "evalue": reply and reply["evalue"],
            "outputs": [output.get("output_type") for output in cell.outputs],
            "stderr": "".join(output.get("text", "") for output in cell.outputs if output.get("name") == "stderr"),
            "source": cell.source,
        })
    json.dump({"notebook": source, "output": target, "cells": cells}, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
