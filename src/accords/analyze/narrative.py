"""The plain-English paragraph of a comparison, built from claims that cite matrix cells.

Every sentence is a :class:`~accords.analyze.compare.Claim` carrying the (agreement, code)
cells it rests on, so a reader (or a test) can trace each statement back to the matrix and
from there to its quotes. Nothing is said that the cells do not show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accords.codebook import Code, Codebook

if TYPE_CHECKING:
    from accords.analyze.compare import Cell, Claim, Comparison, Distinct

MAX_LISTED = 5
MAX_AGREEMENTS = 4


def _phrase(code: Code, cell: Cell | None = None) -> str:
    label = code.label
    text = label[0].lower() + label[1:] if label[1:2].islower() else label
    if cell is not None and cell.state == "value":
        return f"{text} ({cell.display})"
    return text


_THE = ("United ", "Netherlands", "EU", "European Union", "Czech Republic")


def _the(label: str, start: bool = False) -> str:
    """'the United Kingdom', 'the EU'; capitalised at the start of a sentence."""
    if not label.startswith(_THE):
        return label
    return ("The " if start else "the ") + label


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _listing(items: list[str], total: int) -> str:
    more = total - len(items)
    return _join(items + ([f"{more} more"] if more > 0 else []))


def claims_for(cmp: Comparison, codebook: Codebook) -> tuple[Claim, ...]:
    from accords.analyze.compare import Claim

    ids = cmp.agreements
    if len(ids) < 2:
        return ()
    out: list[Claim] = []
    names = {a: _the(lbl) for a, lbl in cmp.labels.items()}
    n = len(ids)

    # What all of them share: known and present in every agreement, with equal values.
    shared: list[tuple[Code, Cell]] = []
    for code in cmp.codes:
        row = [cmp.cells[(a, code.id)] for a in ids]
        if all(c.has for c in row):
            values = {c.value for c in row if c.state == "value"}
            if len(values) <= 1 and (not values or all(c.state == "value" for c in row)):
                shared.append((code, row[0]))
    if shared:
        subject = "Both agreements" if n == 2 else f"All {n} agreements"
        listed = [_phrase(code, cell) for code, cell in shared[:MAX_LISTED]]
        out.append(Claim(f"{subject} provide for {_listing(listed, len(shared))}.",
                         tuple((a, code.id) for code, _ in shared for a in ids)))

    # How alike they are.
    scored = [p for p in cmp.pairs if p.score is not None]
    if scored:
        best = max(scored, key=lambda p: (p.score or 0.0, p.known_both))
        def cited(a: str, b: str) -> tuple[tuple[str, str], ...]:
            return tuple((x, c.id) for c in cmp.codes for x in (a, b)
                         if cmp.cells[(a, c.id)].known and cmp.cells[(b, c.id)].known)
        first = _the(cmp.labels[best.a], start=True)
        lead = (f"{first} and {names[best.b]} agree" if n == 2
                else f"{first} and {names[best.b]} are the most alike: they agree")
        out.append(Claim(f"{lead} on {best.agree} of the {best.known_both} provisions known in both.",
                         cited(best.a, best.b)))
        if n > 2:
            worst = min(scored, key=lambda p: (p.score or 0.0, -p.known_both))
            if (worst.a, worst.b) != (best.a, best.b) and (worst.score or 0.0) < (best.score or 0.0):
                out.append(Claim(
                    f"{_the(cmp.labels[worst.a], start=True)} and {names[worst.b]} differ most, "
                    f"agreeing on {worst.agree} "
                    f"of {worst.known_both}.", cited(worst.a, worst.b)))

    # What sets each one apart.
    shown = 0
    for a in ids:
        items = list(cmp.distinctive.get(a, ()))
        if not items or shown >= MAX_AGREEMENTS:
            continue
        shown += 1
        parts = [_distinct_phrase(d, codebook.by_id[d.code]) for d in items[:3]]
        others = "the others" if n > 2 else names[next(x for x in ids if x != a)]
        refs = tuple((x, d.code) for d in items[:3] for x in ids if cmp.cells[(x, d.code)].known)
        out.append(Claim(f"Unlike {others}, {names[a]} {_listing(parts, len(items))}.", refs))

    unknown = [(a, c.id) for c in cmp.codes for a in ids if not cmp.cells[(a, c.id)].known]
    if unknown:
        total = len(ids) * len(cmp.codes)
        verb = "is" if len(unknown) == 1 else "are"
        out.append(Claim(f"{len(unknown)} of {total} cells {verb} unknown, so these findings cover only "
                         "what the sources record.", tuple(unknown)))
    return tuple(out)


def _distinct_phrase(d: Distinct, code: Code) -> str:
    if d.kind == "only":
        return f"includes {_phrase(code, d.cell)}"
    if d.kind == "lacks":
        return f"has no {_phrase(code)}"
    return f"sets {_phrase(code)} at {d.cell.display}"
