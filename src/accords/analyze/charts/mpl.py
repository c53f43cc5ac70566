"""Static charts (SVG, PNG) with matplotlib: title, unit, rate dates and source on every chart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from accords.analyze.charts.data import ChartData

COLORS = {
    "military": "#4c72b0", "financial": "#dd8452", "humanitarian": "#55a868",
    "reconstruction": "#c44e52", "unspecified": "#8c8c8c",
    "pledged": "#4c72b0", "allocated": "#dd8452", "delivered": "#55a868", "expected": "#8172b3",
    "gap (pledged - delivered)": "#e5e5e5",
}


def _fmt(v: float, zero: str = "") -> str:
    if v == 0:
        return zero
    return f"{v:,.1f}" if v >= 1 else f"{v:,.2f}" if v >= 0.01 else f"{v:,.3f}"


def _frame(fig: Any, ax: Any, data: ChartData) -> None:
    ax.set_title(data.title, loc="left", fontsize=13, fontweight="bold", pad=22)
    ax.text(0, 1.01, f"{data.unit}; {data.rates_note}", transform=ax.transAxes, fontsize=8.5,
            color="#444444", va="bottom")
    foot = " · ".join([data.source_note, *data.notes])
    fig.text(0.01, 0.005, foot, fontsize=7.5, color="#555555", va="bottom", wrap=True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x" if data.kind != "cumulative" else "y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)


def _stacked(ax: Any, data: ChartData) -> None:
    labels = data.categories
    ys = list(range(len(labels)))[::-1]  # first (largest) on top
    left = [0.0] * len(labels)
    for name, values in data.series.items():
        ax.barh(ys, values, height=0.8, left=left, color=COLORS.get(name), label=name,
                edgecolor="white", linewidth=0.4)
        left = [a + b for a, b in zip(left, values, strict=True)]
    for y, total in zip(ys, left, strict=True):
        ax.text(total, y, " " + _fmt(total), va="center", fontsize=7.5)
    ax.set_yticks(ys, [data.labels.get(x, x) for x in labels])


BULLET = {"pledged": 0.8, "allocated": 0.5, "delivered": 0.26}


def _bullets(ax: Any, data: ChartData) -> None:
    """Stages overlaid on one centred row per item: pledged wide, allocated narrower, delivered
    narrowest, so each bar sits on its own label and delivery reads as progress against the pledge."""
    labels = data.categories
    ys = list(range(len(labels)))[::-1]
    stages = [s for s in BULLET if s in data.series]
    for name in stages:
        ax.barh(ys, data.series[name], height=BULLET[name], color=COLORS.get(name), label=name,
                edgecolor="white", linewidth=0.4)
    for i, y in enumerate(ys):
        end = max(data.series[s][i] for s in stages) if stages else 0.0
        parts = [f"{s} {_fmt(data.series[s][i], '0')}" for s in stages
                 if data.series[s][i] or data.kind == "fulfilment"]
        gap = data.series.get("gap (pledged - delivered)")
        if gap is not None:
            parts.append(f"gap {_fmt(gap[i], '0')}")
        ax.text(end, y, "  " + " · ".join(parts), va="center", fontsize=7.5)
    ax.set_yticks(ys, [data.labels.get(x, x) for x in labels])
    widest = max((max(v) for v in data.series.values() if v), default=0.0)
    if widest > 0:
        ax.set_xlim(0, widest * 1.7)  # room for the value text right of the longest bar


def _hbars(ax: Any, data: ChartData) -> None:
    if data.kind == "donors":
        _stacked(ax, data)
    else:
        _bullets(ax, data)
    ax.set_xlabel(data.unit)
    if data.kind == "donors":
        ax.margins(x=0.12)
    ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))


def _lines(ax: Any, data: ChartData) -> None:
    for name, ys in data.series.items():
        xs = data.dates[name]
        ax.step(xs, ys, where="post", label=name, color=COLORS.get(name), linewidth=2)
        ax.plot(xs, ys, "o", color=COLORS.get(name), markersize=3)
        ax.annotate(_fmt(ys[-1]), (xs[-1], ys[-1]), textcoords="offset points", xytext=(4, 0),
                    fontsize=8, color=COLORS.get(name))
    ax.set_ylabel(f"cumulative, {data.unit}")
    ax.set_xlabel("date of the entry (its announcement date, or the mid-point of its period)")
    ax.legend(frameon=False, fontsize=9, loc="upper left")


def render(data: ChartData, out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    # Text stays text in SVG: searchable, selectable, readable by screen readers.
    matplotlib.rcParams["svg.fonttype"] = "none"
    rows = max(len(data.categories), 1)
    per_row = 0.32 if data.kind != "fulfilment" else 0.6
    height = 4.5 if data.kind == "cumulative" else min(max(2.6 + per_row * rows, 3.2), 16.0)
    fig, ax = plt.subplots(figsize=(10, height))
    try:
        if not data.series:
            ax.text(0.5, 0.5, "No converted entries to show", ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
        elif data.kind == "cumulative":
            _lines(ax, data)
        else:
            _hbars(ax, data)
        _frame(fig, ax, data)
        fig.tight_layout(rect=(0, 0.04, 1, 1))
        metadata = {"Title": data.title} if out.suffix.lower() == ".png" else {"Title": data.title, "Date": None}
        fig.savefig(out, dpi=130, metadata=metadata)
    finally:
        plt.close(fig)
