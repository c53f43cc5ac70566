"""Interactive charts (HTML) with plotly, self-contained: the plotly.js library is embedded."""

from __future__ import annotations

from pathlib import Path

from accords.analyze.charts.data import ChartData
from accords.analyze.charts.mpl import COLORS


def render(data: ChartData, out: Path) -> None:
    import plotly.graph_objects as go

    fig = go.Figure()
    if data.kind == "cumulative":
        for name, ys in data.series.items():
            fig.add_trace(go.Scatter(x=[d.isoformat() for d in data.dates[name]], y=ys, name=name,
                                     mode="lines+markers", line={"shape": "hv", "color": COLORS.get(name)},
                                     hovertemplate="%{x}: %{y:,.2f} " + data.unit + "<extra>" + name + "</extra>"))
        fig.update_yaxes(title_text=f"cumulative, {data.unit}")
        fig.update_xaxes(title_text="date of the entry")
    else:
        labels = data.categories[::-1]
        for name, values in data.series.items():
            fig.add_trace(go.Bar(y=labels, x=values[::-1], name=name, orientation="h",
                                 marker_color=COLORS.get(name),
                                 hovertemplate="%{y}: %{x:,.3f} " + data.unit + "<extra>" + name + "</extra>"))
        fig.update_layout(barmode="stack" if data.kind == "donors" else "group")
        fig.update_xaxes(title_text=data.unit)
    foot = "<br>".join([data.source_note, *data.notes])
    fig.update_layout(
        title={"text": f"<b>{data.title}</b><br><sup>{data.unit}; {data.rates_note}</sup>"},
        template="plotly_white", height=max(450, 28 * len(data.categories) + 220),
        margin={"b": 110},
        annotations=[{"text": foot, "xref": "paper", "yref": "paper", "x": 0, "y": -0.12,
                      "showarrow": False, "align": "left", "font": {"size": 10, "color": "#555"},
                      "yanchor": "top", "xanchor": "left"}],
    )
    # include_plotlyjs=True embeds the library: the file opens offline, no CDN request.
    out.write_text(fig.to_html(include_plotlyjs=True, full_html=True), encoding="utf-8")
