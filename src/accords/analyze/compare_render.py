"""Renderings of a comparison as plain text: CSV, JSON and a self-contained HTML page.

The HTML page has no external assets (no CDN, no scripts): a colour-coded matrix whose cells
show their quotes and sources as tooltips, the generated paragraph on top, then the pair
similarities and each agreement's distinctive provisions.
"""

from __future__ import annotations

import csv
import io
import json
from html import escape

from accords.analyze.compare import Cell, Comparison, to_dict

_COLOURS = {"present": "#b7e1b0", "value": "#9fd3c7", "absent": "#f4b6b0", "conflict": "#f7d488",
            "unknown": "#eeeeee"}


def visible_codes(cmp: Comparison, all_codes: bool) -> list[str]:
    """Code ids to show: all, or those with at least one known or conflicting cell."""
    return [c.id for c in cmp.codes
            if all_codes or any(cmp.cells[(a, c.id)].state != "unknown" for a in cmp.agreements)]


def to_csv(cmp: Comparison, all_codes: bool = False) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["code", "label", "pillar", *cmp.agreements])
    by_id = {c.id: c for c in cmp.codes}
    for cid in visible_codes(cmp, all_codes):
        code = by_id[cid]
        w.writerow([cid, code.label, code.pillar, *[cmp.cells[(a, cid)].display for a in cmp.agreements]])
    return buf.getvalue()


def to_json(cmp: Comparison, all_codes: bool = False) -> str:
    return json.dumps(to_dict(cmp, all_codes), ensure_ascii=False, indent=2, default=str) + "\n"


def _tooltip(cell: Cell) -> str:
    lines = [f"{cell.code}: {cell.display}"]
    if cell.derived_from:
        lines.append(f"(from the agreement's {cell.derived_from})")
    for e in cell.evidence:
        quote = f"“{e.quote}”" if e.quote else "(no quote)"
        lines.append(f"{quote} — {e.source or 'unknown source'}" + (f" [{e.status}]" if e.status else ""))
    return "\n".join(lines)


def to_html(cmp: Comparison, all_codes: bool = False, title: str = "Comparison of agreements") -> str:
    labels = [cmp.labels[a] for a in cmp.agreements]
    head = "".join(f"<th title='{escape(a)}'>{escape(lbl)}</th>" for a, lbl in zip(cmp.agreements, labels,
                                                                                   strict=True))
    by_id = {c.id: c for c in cmp.codes}
    rows = []
    for cid in visible_codes(cmp, all_codes):
        code = by_id[cid]
        tds = []
        for a in cmp.agreements:
            cell = cmp.cells[(a, cid)]
            tds.append(f"<td class='{cell.state}' title='{escape(_tooltip(cell), quote=True)}'>"
                       f"{escape(cell.display)}{'*' if cell.evidence else ''}</td>")
        rows.append(f"<tr><th class='code' title='{escape(code.definition, quote=True)}'>"
                    f"{escape(code.label)}<br><small>{escape(cid)}</small></th>{''.join(tds)}</tr>")
    pairs = "".join(
        f"<tr><td>{escape(cmp.labels[p.a])}</td><td>{escape(cmp.labels[p.b])}</td>"
        f"<td>{'' if p.score is None else f'{p.score:.2f}'}</td>"
        f"<td>{'' if p.jaccard is None else f'{p.jaccard:.2f}'}</td><td>{p.agree}/{p.known_both}</td></tr>"
        for p in cmp.pairs)
    dist = "".join(
        f"<li><b>{escape(cmp.labels[a])}</b>: "
        + escape("; ".join(f"{d.code} {d.kind} ({d.cell.display})" for d in ds)) + "</li>"
        for a, ds in cmp.distinctive.items() if ds)
    style = "".join(f"td.{k}{{background:{v}}}" for k, v in _COLOURS.items())
    legend = " ".join(f"<span class='{k}'>{k}</span>" for k in _COLOURS)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>
body{{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}}
table{{border-collapse:collapse;margin:1rem 0}} th,td{{border:1px solid #ccc;padding:.25rem .5rem;font-size:.85rem}}
th.code{{text-align:left;font-weight:normal}} td{{text-align:center;cursor:help}}
p.summary{{max-width:60rem;font-size:1.05rem;line-height:1.5}}
.legend span{{padding:.1rem .4rem;margin-right:.3rem}}
{style}
{"".join(f".legend .{k}{{background:{v}}}" for k, v in _COLOURS.items())}
</style></head><body>
<h1>{escape(title)}</h1>
<p class="summary">{escape(cmp.paragraph)}</p>
<p class="legend">{legend} — hover a cell for its quotes and sources (* = quoted evidence).
Codebook {escape(cmp.codebook_version)}{' · pillar ' + escape(cmp.pillar) if cmp.pillar else ''}.</p>
<table><thead><tr><th>provision</th>{head}</tr></thead><tbody>
{''.join(rows)}
</tbody></table>
<h2>Similarity</h2>
<p>{escape(cmp.similarity_method)}</p>
<table><thead><tr><th>a</th><th>b</th><th>agreement rate</th><th>Jaccard</th><th>agree/known</th></tr></thead>
<tbody>{pairs}</tbody></table>
<h2>Distinctive provisions</h2><ul>{dist}</ul>
</body></html>
"""
