"""Instructions the extraction pipeline spends per 100,000 words, counted by valgrind's callgrind:
``python benchmarks/bench_instructions.py [--python PY] [--words N]``.

Why a second speed benchmark: words per second (bench_extract.py, where the target is) drift by about
10% between runs on a shared VM and by about 30% between VMs of the same kind (the plain regex floor
measured 4.1M words/s on one and 2.9M on the next). An instruction count does not drift: for the same
build, corpus and interpreter it is the same on every run, whatever else the machine is doing. So a
change to the pipeline is judged here, and the target is checked there.

Two child processes run under callgrind. Both first extract every document once (compiling every
pattern and loading every gazetteer), then one extracts N more words of the benchmark corpus
(bench_extract.py's: every gold set and the seed, repeated) and the other none. The difference is the
steady-state cost of N words; startup and first-use compilation cancel out. It is printed beside the
figure recorded in benchmarks/baseline_instructions.json (``--record NOTE`` rewrites that entry).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BASELINE = HERE / "baseline_instructions.json"


def _bench() -> Any:
    """bench_extract, whose corpus this measures (documents(), stream())."""
    sys.path.insert(0, str(HERE))
    import bench_extract

    return bench_extract


def child(words: int) -> None:
    """Warm every pattern with one pass over the documents, then extract ``words`` more words."""
    from accords.extract.pipeline import extract_bytes

    bench = _bench()

    for name, raw, published in bench.documents():
        json.dumps(extract_bytes(raw, name, published, limit=50_000_000).data)
    for name, raw, published, _n in list(bench.stream(words)):
        json.dumps(extract_bytes(raw, name, published, limit=50_000_000).data)


def collected(python: str, words: int) -> int:
    """Instructions of one child run under callgrind."""
    with tempfile.TemporaryDirectory() as tmp:
        argv = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/out", python, __file__,
                "--child", str(words)]
        run = subprocess.run(argv, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    found = re.search(r"Collected : (\d+)", run.stderr)
    if run.returncode != 0 or not found:
        last = (run.stderr.strip().splitlines() or ["no output"])[-1]
        raise SystemExit(f"error: the callgrind run failed ({last}); run it by hand: {' '.join(argv)}")
    return int(found.group(1))


def build_of(python: str) -> str:
    out = subprocess.run([python, "-c", "from accords.extract import compiled; print(compiled())"],
                         capture_output=True, text=True)
    return "compiled" if out.stdout.strip() == "True" else "interpreted"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", help="interpreter to measure (default: .venv-compiled's when it exists)")
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--record", metavar="NOTE", help="write the figure to the baseline file, with NOTE "
                        "(say which commit and machine)")
    parser.add_argument("--child", type=int, default=-1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child >= 0:
        child(args.child)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("error: valgrind is not installed; install it (apt-get install valgrind) and run again")
    compiled_python = HERE.parent / ".venv-compiled" / "bin" / "python"
    python = args.python or (str(compiled_python) if compiled_python.exists() else sys.executable)
    build = build_of(python)
    print(f"callgrind: {build} core ({python}), warm, {args.words:,} words; two runs of a few minutes, side by side")
    with ThreadPoolExecutor(2) as pool:  # (the two runs side by side: callgrind counts, it does not time)
        big, small = pool.map(lambda n: collected(python, n), (args.words, 0))
    net = big - small
    per_100k = net * 100_000 / args.words
    documents = len(_bench().documents())
    print(f"pipeline (load -> JSON): {per_100k / 1e6:,.0f}M instructions per 100,000 words "
          f"({documents} corpus documents)")
    recorded = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    base = recorded.get(build)
    if base:
        change = (per_100k - base["per_100k_words"]) / base["per_100k_words"]
        print(f"  baseline: {base['per_100k_words'] / 1e6:,.0f}M ({base['note']}; {base['documents']} documents): "
              f"{change:+.1%}")
    if args.record:
        recorded[build] = {"per_100k_words": round(per_100k), "documents": documents,
                           "python": platform.python_version(),
                           "note": args.record}
        BASELINE.write_text(json.dumps(recorded, indent=2) + "\n")
        print(f"  recorded in {BASELINE.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
