"""Do two builds show the same thing? For a speed change that must not change any output.

    .venv/bin/python benchmarks/compare_builds.py /tmp/before /tmp/after [--pdf-text]

Each argument is a build's `--out` folder (its `latest` run is read) or a run folder.
Compared, variant by variant:
- every executed notebook's cells: type, source and outputs (every MIME type's content,
  each output's metadata). Left out: execution counts (a warm kernel counts on across
  the notebooks it ran, which depends on scheduling), cell and notebook metadata
  (papermill's timings), and the id of each run in the run record (a fresh uuid per
  `setup`; the record's other fields are compared, and each id is replaced by its order
  of appearance, so that which cells share a run still counts). Run records on the
  cells before `setup` are left out whole (the output that carries one): they are stale,
  a warm kernel's previous run still recording, marked with the parameters of whichever
  notebook that kernel ran last, which depends on scheduling; and a kernel whose reset
  ends that recording writes none there (before 3290e73 the reset never ran), so a
  build of either code compares with one of the other;
- every HTML file, byte for byte but for the id of papermill's injected-parameters
  cell (a random one per run);
- with `--pdf-text`, each PDF's text (`pdftotext -layout`; a PDF's bytes carry its date).
Prints each difference (the first lines of a diff) and exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import subprocess
import sys
from pathlib import Path


def run_dir(path: Path) -> Path:
    return (path / "latest").resolve() if (path / "latest").exists() else path


def normalised(notebook: Path) -> list[str]:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    runs: dict[str, str] = {}
    cells = []
    set_up = False
    for cell in nb["cells"]:
        # The cell that calls `setup` is recorded by the run it starts.
        set_up = set_up or (cell["cell_type"] == "code" and "setup(" in "".join(cell["source"]))
        outputs = []
        for out in cell.get("outputs", []):
            out = {k: v for k, v in out.items() if k != "execution_count"}
            record = out.get("metadata", {}).get("ipdossier_run")
            if record and not set_up:
                continue
            if record:
                record["run"] = runs.setdefault(record["run"], f"run-{len(runs) + 1}")
            outputs.append(out)
        cells.append({"type": cell["cell_type"], "source": cell["source"], "outputs": outputs})
    # One line per cell and output, so that a diff says where.
    lines = []
    for i, c in enumerate(cells):
        lines.append(f"cell {i} {c['type']} {json.dumps(c['source'], ensure_ascii=False)}")
        lines += [f"  {json.dumps(o, sort_keys=True, ensure_ascii=False)}" for o in c["outputs"]]
    return lines


INJECTED_ID = re.compile(r'(celltag_injected-parameters" id="cell-id=)[0-9a-f-]+"')


def html_lines(path: Path) -> list[str]:
    return INJECTED_ID.sub(r'\1…"', path.read_text(encoding="utf-8")).splitlines()


def pdf_text(pdf: Path) -> list[str]:
    result = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout.splitlines()


def diff(name: str, a: list[str], b: list[str]) -> list[str]:
    lines = list(difflib.unified_diff(a, b, "before", "after", lineterm="", n=0))
    return [f"{name}:", *(line[:300] for line in lines[:12])] if lines else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--pdf-text", action="store_true")
    args = parser.parse_args()
    before, after = run_dir(args.before), run_dir(args.after)
    kinds = ["*/notebooks/*.ipynb", "**/*.html"] + (["**/*.pdf"] if args.pdf_text else [])
    problems: list[str] = []
    counts: dict[str, int] = {}
    for pattern in kinds:
        names = {p.relative_to(before) for p in before.glob(pattern)}
        others = {p.relative_to(after) for p in after.glob(pattern)}
        for missing in sorted(names ^ others):
            problems.append(f"{missing}: only in {'before' if missing in names else 'after'}")
        for rel in sorted(names & others):
            a, b = before / rel, after / rel
            counts[rel.suffix] = counts.get(rel.suffix, 0) + 1
            if rel.suffix == ".ipynb":
                problems += diff(str(rel), normalised(a), normalised(b))
            elif rel.suffix == ".pdf":
                problems += diff(str(rel), pdf_text(a), pdf_text(b))
            elif a.read_bytes() != b.read_bytes():
                problems += diff(str(rel), html_lines(a), html_lines(b))
    compared = ", ".join(f"{n} {suffix}" for suffix, n in sorted(counts.items()))
    print("\n".join(problems) if problems else f"identical: {compared}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
