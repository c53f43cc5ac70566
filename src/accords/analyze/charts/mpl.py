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


def _hbars(ax: Any, data: ChartData, stacked: bool) -> None:
    labels = data.categories
    n = len(labels)
    ys = list(range(n))[::-1]  # first (largest) on top
    names = list(data.series)
    height = 0.8 if stacked else 0.8 / max(len(names), 1)
    left = [0.0] * n
    for i, name in enumerate(names):
        values = data.series[name]
        pos = ys if stacked else [y + 0.4 - height * (i + 0.5) for y in ys]
        edge = "#999999" if name.startswith("gap") else "white"
        bars = ax.barh(pos, values, height=height, left=left if stacked else None,
                       color=COLORS.get(name), label=name, edgecolor=edge, linewidth=0.6)
        if not stacked:
            zero = "0" if data.kind == "fulfilment" else ""
            ax.bar_label(bars, labels=[_fmt(v, zero) for v in values], padding=2, fontsize=7)
        if stacked:
            left = [a + b for a, b in zip(left, values, strict=True)]
    if stacked:
        for y, total in zip(ys, left, strict=True):
            ax.text(total, y, " " + _fmt(total), va="center", fontsize=7.5)
    ax.set_yticks(ys, [data.labels.get(x, x) for x in labels])
    ax.set_xlabel(data.unit)
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
    per_row = 0.32 if data.kind == "donors" else 0.42 if data.kind == "pledged-vs-delivered" else 0.9
    height = 4.5 if data.kind == "cumulative" else min(max(2.6 + per_row * rows, 4.0), 16.0)
    fig, ax = plt.subplots(figsize=(10, height))
    try:
        if not data.series:
            ax.text(0.5, 0.5, "No converted entries to show", ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
        elif data.kind == "cumulative":
            _lines(ax, data)
        else:
            _hbars(ax, data, stacked=data.kind == "donors")
        _frame(fig, ax, data)
        fig.tight_layout(rect=(0, 0.04, 1, 1))
        metadata = {"Title": data.title} if out.suffix.lower() == ".png" else {"Title": data.title, "Date": None}
        fig.savefig(out, dpi=130, metadata=metadata)
    finally:
        plt.close(fig)
