"""``accords eval``: score extractions against gold files (precision, recall, F1 per key).

Each gold file ``NNN_slug.gold.json`` sits beside its document ``NNN_slug.<ext>``; the
document is extracted with the gold's ``published`` date (or ``--published``) and scored with
the rules of :mod:`accords.extract.evaluate`. ``--pred`` scores a saved extraction instead.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import typer
from rich.progress import Progress

from accords.cli.common import Format, console, format_option, parse_date, render, render_json
from accords.errors import ExtractionError, InputError
from accords.extract.evaluate import KEYS, Report, quote_problems, score_document, unwrap

GOLD_SUFFIX = ".gold.json"
DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".pdf", ".docx")
COLUMNS = ["key", "tp", "pred", "gold", "precision", "recall", "f1"]


def gold_files(paths: list[Path]) -> list[Path]:
    """The gold files named, with directories expanded to their ``*.gold.json`` files."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(path.glob(f"*{GOLD_SUFFIX}"))
        elif path.is_file():
            found.append(path)
        else:
            raise InputError(f"no such gold file or directory: {path}", "check the path")
    if not found:
        raise InputError("no gold files found", f"give *{GOLD_SUFFIX} files or a directory holding them")
    return found


def read_json(path: Path, what: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {what} {path}: {exc}", "check the path and that it is UTF-8 JSON") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{what} {path} is not valid JSON: {exc}", "fix the file or regenerate it") from None
    if not isinstance(data, dict):
        raise InputError(f"{what} {path} holds no JSON object", "the format is in shared/corpus/README.md")
    return data


def document_for(gold_path: Path) -> Path:
    """The document beside a gold file: the same stem without ``.gold``, any supported extension."""
    name = gold_path.name
    stem = name[: -len(GOLD_SUFFIX)] if name.endswith(GOLD_SUFFIX) else gold_path.stem
    for suffix in DOCUMENT_SUFFIXES:
        candidate = gold_path.with_name(stem + suffix)
        if candidate.is_file():
            return candidate
    raise InputError(f"no document found beside {gold_path}",
                     f"put {stem}.<{'|'.join(s.lstrip('.') for s in DOCUMENT_SUFFIXES)}> next to it, or use --pred")


def published_for(gold: dict[str, Any], fallback: str | None) -> str | None:
    """The gold's own ``published`` (even ``null``) wins; ``fallback`` serves files without one."""
    if "published" in gold:
        value = gold["published"]
        return parse_date(str(value), "published date in the gold file").isoformat() if value else None
    return parse_date(fallback, "--published").isoformat() if fallback else None


def extract_for_gold(gold_path: Path, gold: dict[str, Any], published: str | None) -> tuple[dict[str, Any], str]:
    """Run the pipeline on the gold's document; returns the extraction JSON and the loaded text."""
    try:
        from accords.extract.pipeline import extract_path
    except ImportError as exc:  # the pipeline lands in its own issue
        raise ExtractionError(f"the extraction pipeline is not available: {exc}",
                              "score a saved extraction with --pred PRED.json") from None
    result = extract_path(document_for(gold_path), published=published)
    return result.data, result.text


def evaluate_files(golds: list[Path], pred: Path | None, published: str | None,
                   show_progress: bool) -> tuple[Report, list[Report], list[str]]:
    """Score every gold file: the summed report, one report per file, and any span mismatches."""
    if pred is not None and len(golds) != 1:
        raise InputError("--pred scores one saved extraction against one gold file",
                         "give exactly one GOLD file with --pred")
    per_document: list[Report] = []
    span_problems: list[str] = []
    with Progress(console=console(stderr=True), transient=True, disable=not show_progress) as progress:
        task = progress.add_task("scoring", total=len(golds))
        for gold_path in golds:
            gold = read_json(gold_path, "gold file")
            label = gold_path.name.removesuffix(GOLD_SUFFIX)
            if pred is not None:
                prediction = read_json(pred, "prediction")
            else:
                prediction, text = extract_for_gold(gold_path, gold, published_for(gold, published))
                span_problems += [f"{label}: {p}" for p in quote_problems(text, prediction)]
            per_document.append(score_document(unwrap(gold), prediction, label))
            progress.advance(task)
    return sum(per_document, Report()), per_document, span_problems


def document_rows(reports: list[Report]) -> list[dict[str, Any]]:
    """One row per document: its F1 on each key it was scored on, and overall."""
    rows = []
    for r in reports:
        row: dict[str, Any] = {"document": r.documents[0] if r.documents else ""}
        row.update({k: round(s.f1, 2) for k, s in r.scores.items()})
        row["overall"] = round(r.overall.f1, 2)
        rows.append(row)
    return rows


def _print_details(report: Report) -> None:
    for d in report.details:
        item = json.dumps(d.item, ensure_ascii=False)
        typer.echo(f"{d.kind.upper():5s} {d.label} {d.key}: {item[:240]}")


def register(app: typer.Typer) -> None:
    """Add ``accords eval`` to the root app."""

    @app.command("eval")
    def eval_command(
        gold: list[Path] = typer.Argument(..., help="Gold files (*.gold.json) or directories holding them."),
        fmt: Format = format_option(),
        verbose: bool = typer.Option(False, "--verbose", "-v", help="List every miss and extra."),
        pred: Optional[Path] = typer.Option(  # noqa: UP045 - typer needs Optional on 3.11
            None, "--pred", help="Score this saved extraction JSON against the one GOLD file."),
        published: Optional[str] = typer.Option(  # noqa: UP045
            None, "--published", help="Reference date YYYY-MM-DD for gold files that do not set one."),
        min_f1: Optional[float] = typer.Option(  # noqa: UP045
            None, "--min-f1", help="Exit 1 if any key's F1 is below this, or a span is wrong (for CI)."),
        by_document: bool = typer.Option(False, "--by-document", help="Also show F1 per document."),
    ) -> None:
        """Score extractions against gold files: precision, recall and F1 per key and overall."""
        golds = gold_files(gold)
        report, per_document, span_problems = evaluate_files(golds, pred, published,
                                                             show_progress=fmt == Format.table)
        if fmt == Format.json:
            body = report.as_dict()
            if not verbose:
                body.pop("details")
            if by_document:
                body["by_document"] = document_rows(per_document)
            body["span_problems"] = span_problems
            render_json(body)
        else:
            rows = report.rows()
            if fmt == Format.table:
                rows = [{**r, **{k: f"{r[k]:.2f}" for k in ("precision", "recall", "f1")}} for r in rows]
            render(rows, fmt, COLUMNS,
                   title=f"accords eval: {len(golds)} gold file{'s' if len(golds) != 1 else ''}")
            if by_document:
                render(document_rows(per_document), fmt, ["document", *KEYS, "overall"], title="F1 per document")
            if verbose:
                _print_details(report)
            for problem in span_problems:
                console(stderr=True).print(f"span mismatch: {problem}", markup=False, highlight=False)
        if min_f1 is not None:
            low = report.below(min_f1)
            if low:
                names = ", ".join(f"{s.key}={s.f1:.2f}" for s in low)
                console(stderr=True).print(f"F1 below {min_f1}: {names}", markup=False, highlight=False)
            if low or span_problems:
                raise typer.Exit(1)
