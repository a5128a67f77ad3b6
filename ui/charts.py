"""Plotly chart builders: one colour per predikat and per place, the same on every page."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from ui import fmt
from ui.i18n import col, lang, t

PREDIKAT_COLOURS = {
    "Sangat Baik": "#1a7f37", "Baik": "#57b26a", "Butuh Perbaikan": "#f2c12e",
    "Kurang/Misconduct": "#e8793a", "Sangat Kurang": "#c62828",
}
PREDIKAT_COUNT_COLS = {
    "Sangat Baik": "n_sangat_baik", "Baik": "n_baik", "Butuh Perbaikan": "n_butuh_perbaikan",
    "Kurang/Misconduct": "n_kurang", "Sangat Kurang": "n_sangat_kurang",
}
PLACE_COLOURS = {"Bangko": "#1f5fa8", "Jambi": "#8e44ad", "Belawan": "#00897b", "Rakumpit": "#d35400"}
MUTU_COLOURS = {"A": "#1a7f37", "B": "#57b26a", "C": "#f2c12e", "D": "#c62828"}


def _layout(fig: go.Figure, title: str, x: str = "", y: str = "", height: int = 420) -> go.Figure:
    sep = ",." if lang() == "id" else ".,"
    fig.update_layout(
        title={"text": title, "x": 0, "font": {"size": 17}}, height=height, separators=sep,
        margin={"l": 10, "r": 10, "t": 60, "b": 10}, legend={"orientation": "h", "y": -0.18},
        font={"size": 14}, plot_bgcolor="white",
        xaxis_title=x, yaxis_title=y,
    )
    fig.update_xaxes(gridcolor="#eee")
    fig.update_yaxes(gridcolor="#eee")
    return fig


def predikat_stacked(frame: pl.DataFrame, group: str, title: str) -> go.Figure:
    """Stacked horizontal bars of predikat shares per group (of those with a predikat), with that n in the label."""
    fig = go.Figure()
    labels = [f"{g} (n={fmt.num(n, 0, lang())})" for g, n in zip(frame[group], frame["n_predikat"], strict=True)]
    for name, c in PREDIKAT_COUNT_COLS.items():
        share = (frame[c] / frame["n_predikat"]).to_list()
        fig.add_bar(y=labels, x=share, name=name, orientation="h", marker_color=PREDIKAT_COLOURS[name],
                    hovertemplate="%{y}<br>" + name + ": %{x:.1%}<extra></extra>")
    fig.update_layout(barmode="stack")
    fig.update_xaxes(tickformat=".0%", range=[0, 1])
    # the axis reads 0%-100%: no axis title, so the legend below has the space
    return _layout(fig, title, "", "", height=max(320, 28 * len(labels) + 140))


def line_by(frame: pl.DataFrame, x: str, y: str, group: str, title: str, y_title: str,
            colours: dict[str, str] | None = None, x_labels: bool = True) -> go.Figure:
    """One line per group over periods."""
    fig = go.Figure()
    for g in frame[group].unique(maintain_order=True).to_list():
        part = frame.filter(pl.col(group) == g).sort(x)
        xs = [fmt.period(v, lang()) for v in part[x].to_list()] if x_labels else part[x].to_list()
        custom = part["n"].to_list() if "n" in part.columns else None
        fig.add_scatter(x=xs, y=part[y].to_list(), name=str(g), mode="lines+markers", customdata=custom,
                        line={"color": (colours or {}).get(g)},
                        hovertemplate=f"{g}<br>%{{x}}: %{{y:.1f}}" + ("<br>n=%{customdata}" if custom else "")
                        + "<extra></extra>")
    return _layout(fig, title, t("periode"), y_title)


def heatmap(frame: pl.DataFrame, title: str) -> go.Figure:
    """Place x OPD heatmap of mean hasil kerja, n shown on hover."""
    rows = sorted(frame["opd"].unique().to_list())
    cols = [p for p in PLACE_COLOURS if p in frame["lokasi"].to_list()]
    z, text, ns = [], [], []
    for o in rows:
        zr, tr, nr = [], [], []
        for p in cols:
            cell = frame.filter((pl.col("opd") == o) & (pl.col("lokasi") == p))
            v = cell["rata_hasil"][0] if cell.height else None
            zr.append(v)
            tr.append(fmt.num(v, 1, lang()) if v is not None else "")
            nr.append(int(cell["n"][0]) if cell.height else 0)
        z.append(zr)
        text.append(tr)
        ns.append(nr)
    fig = go.Figure(go.Heatmap(z=z, x=cols, y=rows, text=text, texttemplate="%{text}", customdata=ns,
                               colorscale="RdYlGn", zmid=100, colorbar={"title": col("rata_hasil")},
                               hovertemplate="%{y} · %{x}<br>%{z:.1f}<br>n=%{customdata}<extra></extra>"))
    return _layout(fig, title, col("lokasi"), "", height=max(360, 26 * len(rows) + 140))


def histogram(frame: pl.DataFrame, title: str, x_title: str, width: float) -> go.Figure:
    """Score histogram per place, overlaid, from binned counts (lokasi, bin, n)."""
    fig = go.Figure()
    for p, c in PLACE_COLOURS.items():
        part = frame.filter(pl.col("lokasi") == p)
        if part.height:
            fig.add_bar(x=(part["bin"] + width / 2).to_list(), y=part["n"].to_list(), width=width,
                        name=f"{p} (n={fmt.num(int(part['n'].sum()), 0, lang())})", marker_color=c, opacity=0.6)
    fig.update_layout(barmode="overlay", bargap=0)
    return _layout(fig, title, x_title, t("n"))


def ci_plot(frame: pl.DataFrame, label: str, value: str, lo: str, hi: str, title: str, x_title: str,
            small_col: str = "terlalu_kecil") -> go.Figure:
    """Means with confidence intervals; groups too small to compare drawn hollow and marked ✕."""
    fig = go.Figure()
    for p, c in PLACE_COLOURS.items():
        part = frame.filter(pl.col("lokasi") == p)
        if part.is_empty():
            continue
        small = part[small_col].to_list()
        labels = [f"{a} (n={fmt.num(n, 0, lang())}){' ✕' if s else ''}" for a, n, s in
                  zip(part[label], part["n_hasil"], small, strict=True)]
        fig.add_scatter(
            x=part[value].to_list(), y=labels, mode="markers", name=p,
            marker={"color": c, "size": 11, "symbol": ["circle-open" if s else "circle" for s in small]},
            error_x={"type": "data", "symmetric": False,
                     "array": (part[hi] - part[value]).to_list(), "arrayminus": (part[value] - part[lo]).to_list()},
            hovertemplate="%{y}<br>%{x:.1f}<extra>" + p + "</extra>",
        )
    return _layout(fig, title, x_title, "", height=max(360, 26 * frame.height + 140))


def bars(frame: pl.DataFrame, x: str, y: str, title: str, x_title: str, colour_by: str | None = None,
         colours: dict | None = None, ref: float | None = None) -> go.Figure:
    """Horizontal bars, optionally coloured by a category, with an optional reference line."""
    cols = [(colours or {}).get(v, "#1f5fa8") for v in frame[colour_by].to_list()] if colour_by else "#1f5fa8"
    fig = go.Figure(go.Bar(x=frame[x].to_list(), y=frame[y].to_list(), orientation="h", marker_color=cols,
                           hovertemplate="%{y}: %{x:.2f}<extra></extra>"))
    if ref is not None:
        fig.add_vline(x=ref, line_dash="dash", line_color="#555")
    return _layout(fig, title, x_title, "", height=max(320, 28 * frame.height + 140))


def sparkline(values: list[float]) -> str:
    """A tiny text trend for tables: ▁▂▃▄▅▆▇█."""
    vals = [v for v in values if v is not None]
    if not vals:
        return ""
    lo, hi = min(vals), max(vals)
    blocks = "▁▂▃▄▅▆▇█"
    return "".join(blocks[int((v - lo) / (hi - lo) * 7) if hi > lo else 3] for v in vals)
