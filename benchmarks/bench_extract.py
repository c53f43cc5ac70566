"""Extraction throughput and memory: ``python benchmarks/bench_extract.py [--words N]``.

Builds a corpus of at least N words (default 1,000,000) by repeating the project's own gold
documents (every tests/gold* set: dev, tuning and held-out, about 65 documents in every style and
format) and the shared seed brief (``--corpus dev``: only tests/gold and the seed, the corpus of the
figures before 2026-11-28 session 3), then streams it document by document through the whole
pipeline (load -> JSON) on one process and prints words per second. Beside it, in the same run:
a plain regex scan over the same texts (the floor of the cost) and spaCy ``en_core_web_sm`` NER if
it is importable (a baseline only, never a dependency). Peak RSS is measured in fresh child
processes for 100k and 1M words, to show that memory does not grow with the corpus.

The extraction core can also be built compiled with mypyc (``make compiled`` makes
``.venv-compiled``; see setup.py). When that environment exists, the same pipeline run is repeated
in it, in a child process, and printed beside the interpreted figure: same corpus, same output.
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import re
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
CORPUS = "all"  # or "dev" (set by --corpus)
REPEAT = 3  # runs of the whole corpus per build; the fastest is reported (set by --repeat)
SEED = Path("/work/shared/corpus/000_e695dc1c15014f9b.txt")
SUFFIXES = {".txt", ".md", ".html", ".pdf", ".docx"}
FLOOR = re.compile(r"(?:[$€£¥]|USD|EUR|GBP)\s?\d[\d.,]*\s?(?:billion|million|bn|m)?|\b\d{1,2} [A-Z][a-z]+ \d{4}\b"
                   r"|\b(?:Japan|Ukraine|Germany|France|Poland|United Kingdom|U\.S\.)\b")


def documents() -> list[tuple[str, bytes, str | None]]:
    """(name, raw bytes, published) for every source document."""
    docs = []
    folders = [GOLD] if CORPUS == "dev" else sorted(p for p in GOLD.parent.glob("gold*") if p.is_dir())
    for path in (p for folder in folders for p in sorted(folder.glob("*"))):
        if path.suffix in SUFFIXES and path.name != "README.md":
            gold = path.with_name(path.name.split(".")[0] + ".gold.json")
            published = json.loads(gold.read_text()).get("published") if gold.exists() else None
            docs.append((path.name, path.read_bytes(), published))
    if SEED.exists():
        docs.append((SEED.name, SEED.read_bytes(), "2024-07-15"))
    if not docs:
        raise SystemExit("no documents found in tests/gold or the shared corpus")
    return docs


def stream(target_words: int) -> Iterator[tuple[str, bytes, str | None, int]]:
    """Documents, repeated until ``target_words`` words have gone by (words of the loaded text)."""
    from accords.extract.load import load_bytes

    counted = [(name, raw, pub, len(load_bytes(raw, name).text.split())) for name, raw, pub in documents()]
    total = 0
    for name, raw, pub, words in itertools.cycle(counted):
        if total >= target_words:
            return
        total += words
        yield name, raw, pub, words


def run_pipeline(target_words: int, chain: list[str] | None = None) -> tuple[int, float, float]:
    """Words done, wall-clock seconds and CPU seconds of this process (the CPU figure is the
    steadier one on a shared machine: other processes' load does not count against it)."""
    from accords.extract.pipeline import extract_bytes

    words = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for name, raw, published, n in stream(target_words):
        extract_bytes(raw, name, published, limit=50_000_000, chain=chain).to_json()
        words += n
    return words, time.perf_counter() - t0, time.process_time() - c0


def run_stages(target_words: int) -> tuple[int, dict[str, float]]:
    """The pipeline again, timing each stage: where the time goes (load, each stage, output)."""
    from accords.extract import pipeline
    from accords.extract.load import load_bytes
    from accords.extract.types import Doc

    spent = {name: 0.0 for name in ["load", *pipeline.CHAIN, "assemble+json"]}
    clock = time.perf_counter
    words = 0
    for name, raw, published, n in stream(target_words):
        t = clock()
        doc = Doc(loaded=load_bytes(raw, name, 50_000_000), given=pipeline._as_date(published))
        spent["load"] += clock() - t
        for stage in pipeline.CHAIN:
            t = clock()
            doc = pipeline.REGISTRY[stage].fn(doc)
            spent[stage] += clock() - t
        t = clock()
        pipeline.Extraction(text="", sha256="", media_type="", data=pipeline.assemble(doc)).to_json()
        spent["assemble+json"] += clock() - t
        words += n
    return words, spent


def run_floor(target_words: int) -> tuple[int, float]:
    from accords.extract.load import load_bytes

    texts = {name: load_bytes(raw, name).text for name, raw, _ in documents()}
    words = 0
    t0 = time.perf_counter()
    for name, _raw, _pub, n in stream(target_words):
        sum(1 for _ in FLOOR.finditer(texts[name]))
        words += n
    return words, time.perf_counter() - t0


def run_spacy(target_words: int) -> str:
    try:
        import spacy  # type: ignore[import-not-found,unused-ignore]

        nlp = spacy.load("en_core_web_sm", disable=["parser", "lemmatizer", "tagger", "attribute_ruler"])
    except Exception:
        return "not installed"
    from accords.extract.load import load_bytes

    texts = {name: load_bytes(raw, name).text for name, raw, _ in documents()}
    words = 0
    t0 = time.perf_counter()
    for name, _raw, _pub, n in stream(min(target_words, 200_000)):
        _ = [e.label_ for e in nlp(texts[name]).ents]
        words += n
    return f"{words / (time.perf_counter() - t0):,.0f} words/s (en_core_web_sm NER, {words:,} words)"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def child(words: int, warm: bool = False) -> None:
    """Run the pipeline over ``words`` words and print JSON with the peak RSS."""
    from accords.extract import compiled

    if warm:
        run_pipeline(20_000)
    runs = [run_pipeline(words) for _ in range(max(1, REPEAT))]
    done, seconds, cpu = min(runs, key=lambda r: r[1])
    print(json.dumps({"words": done, "seconds": seconds, "cpu_seconds": cpu, "peak_rss_mb": peak_rss_mb(),
                      "compiled": compiled(), "all": [r[0] / r[1] for r in runs], "python": interpreter()}))


def in_child(python: str, words: int, warm: bool = False) -> dict[str, Any]:
    argv = [python, __file__, "--child", str(words), "--corpus", CORPUS, "--repeat", str(REPEAT if warm else 1)] \
        + (["--warm"] if warm else [])
    out = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def interpreter() -> str:
    """Which CPython runs this: the same compiled core runs several per cent faster in an
    interpreter built with PGO and LTO (Debian's) than in a default source build (see Makefile)."""
    return f"Python {platform.python_version()}, {sys.executable}"


def compiled_python(given: str | None) -> str | None:
    """The interpreter of the compiled build: --compiled, else .venv-compiled if it exists (and is
    not the interpreter already running)."""
    if given:
        return given
    default = ROOT / ".venv-compiled" / "bin" / "python"
    if default.exists() and Path(sys.prefix).resolve() != default.parent.parent.resolve():
        return str(default)
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--child", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--no-memory", action="store_true", help="skip the 100k/1M peak-RSS runs")
    parser.add_argument("--compiled", metavar="PYTHON", help="interpreter of a compiled build "
                        "(default: .venv-compiled/bin/python when it exists)")
    parser.add_argument("--corpus", choices=["all", "dev"], default="all",
                        help="all gold sets and the seed (default), or only tests/gold and the seed")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the corpus per build; the fastest "
                        "is reported, as timeit does: slower runs measure the machine's other load (default 3)")
    parser.add_argument("--warm", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    global CORPUS, REPEAT
    CORPUS, REPEAT = args.corpus, args.repeat
    if args.child:
        child(args.child, args.warm)
        return
    from accords.extract import compiled

    docs = documents()
    print(f"corpus ({CORPUS}): {len(docs)} documents repeated to >= {args.words:,} words")
    run_pipeline(20_000)  # warm up: compile patterns, load gazetteers
    runs = [run_pipeline(args.words) for _ in range(max(1, REPEAT))]
    words, seconds, cpu = min(runs, key=lambda r: r[1])
    core = "compiled core (mypyc)" if compiled() else "interpreted core"
    print(f"pipeline (load -> JSON, one process, {core}; {interpreter()}):\n  {words / seconds:,.0f} words/s "
          f"({words:,} words in {seconds:.1f} s, fastest of {len(runs)}: "
          f"{', '.join(f'{w / t:,.0f}' for w, t, _ in runs)}); CPU time: {words / cpu:,.0f} words/s")
    other = compiled_python(args.compiled)
    if other:
        r = in_child(other, args.words, warm=True)
        label = "compiled core (mypyc)" if r["compiled"] else "NOT compiled (rebuild: make compiled)"
        print(f"  the same, {label}: {r['words'] / r['seconds']:,.0f} words/s "
              f"(fastest of {len(r['all'])}: {', '.join(f'{x:,.0f}' for x in r['all'])}; "
              f"CPU time: {r['words'] / r['cpu_seconds']:,.0f} words/s; {r['python']})")
    from accords.extract.pipeline import CHAIN

    no_codes = [name for name in CHAIN if name != "provisions"]
    pwords, pseconds, pcpu = run_pipeline(args.words, no_codes)
    print(f"  the same without the provisions stage: {pwords / pseconds:,.0f} words/s "
          f"(CPU time: {pwords / pcpu:,.0f} words/s)")
    swords, spent = run_stages(min(args.words, 300_000))
    total = sum(spent.values())
    print(f"  per stage ({swords:,} words; share of the time, words/s of the stage alone):")
    for stage, seconds in spent.items():
        print(f"    {stage:<14} {seconds / total:6.1%}  {swords / seconds:>12,.0f} words/s")
    fwords, fseconds = run_floor(args.words)
    print(f"plain regex scan (floor):             {fwords / fseconds:,.0f} words/s")
    print(f"spaCy en_core_web_sm NER:             {run_spacy(args.words)}")
    if not args.no_memory:
        for size in (100_000, 1_000_000):
            for python in [sys.executable] + ([other] if other else []):
                result = in_child(python, size)
                kind = "compiled" if result["compiled"] else "interpreted"
                print(f"peak RSS for {result['words']:>9,} words, {kind:<11}: {result['peak_rss_mb']:.0f} MB "
                      f"({result['words'] / result['seconds']:,.0f} words/s; "
                      f"CPU time: {result['words'] / result['cpu_seconds']:,.0f} words/s)")


if __name__ == "__main__":
    main()
