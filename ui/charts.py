"""Plotly chart builders: one colour per predikat and per place, the same on every page.

Every label is in the chosen language with its number format (Plotly `separators`), periods read "Okt 2026",
figures from small groups carry ui.small's mark ✕ (lines: a hollow point), and partial periods are marked on the
chart itself.
"""

from __future__ import annotations

import re

import plotly.graph_objects as go
import polars as pl

from ui import fmt, small
from ui.i18n import lang, t, value_label

PREDIKAT_COLOURS = {
    "Sangat Baik": "#1a7f37",
    "Baik": "#57b26a",
    "Butuh Perbaikan": "#f2c12e",
    "Kurang/Misconduct": "#e8793a",
    "Sangat Kurang": "#c62828",
}
PREDIKAT_COUNT_COLS = {
    "Sangat Baik": "n_sangat_baik",
    "Baik": "n_baik",
    "Butuh Perbaikan": "n_butuh_perbaikan",
    "Kurang/Misconduct": "n_kurang",
    "Sangat Kurang": "n_sangat_kurang",
}
PLACE_COLOURS = {"Bangko": "#1f5fa8", "Jambi": "#8e44ad", "Belawan": "#00897b", "Rakumpit": "#d35400"}
MUTU_COLOURS = {"A": "#1a7f37", "B": "#57b26a", "C": "#f2c12e", "D": "#c62828"}
# Ten colours a reader can tell apart (Okabe-Ito plus four), for series that are not places or predikat.
SERIES_COLOURS = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#000000", "#8c564b", "#7f7f7f", "#bcbd22"]
GREY = "#c8c8c8"
# Plotly's own toolbar speaks English only and sat over chart titles; Streamlit's element toolbar keeps full screen.
PLOTLY_CONFIG = {"displayModeBar": False, "displaylogo": False}
# Where a page draws a chart without PLOTLY_CONFIG, the toolbar's buttons are removed from the figure itself.
MODEBAR_BUTTONS = [
    "zoom", "pan", "select", "lasso", "zoomin", "zoomout", "autoscale", "resetscale", "toimage", "togglespikelines",
    "hoverclosest", "hovercompare", "togglehover", "resetviews", "zoomInGeo", "zoomOutGeo", "resetGeo",
]  # fmt: skip
PARTIAL_SHARE = 0.8  # a period with fewer than this share of the usual n is marked partial


def plain(text: object) -> str:
    """Text from files as Plotly text: Plotly draws tags in labels, hovers and titles (<a href>, <span style>)
    and fills in %{...} in hover templates, so '&', '<', '>' and '%' become entities, which it shows literally.
    A line break stays one (Plotly's own <br>)."""
    escaped = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("%", "&#37;")
    return escaped.replace("\n", "<br>")


def _plain_values(values):
    """A trace's labels with every text escaped (numbers, dates and missing values as they are)."""
    if values is None or isinstance(values, str):
        return plain(values) if isinstance(values, str) else values
    try:
        items = list(values)
    except TypeError:
        return values
    if not any(isinstance(v, str) for v in items):
        return values
    return [plain(v) if isinstance(v, str) else v for v in items]


def _plain_traces(fig: go.Figure) -> None:
    """Every label a trace draws from data (categories, bar and cell text, legend names) as text; hover
    templates are the builders' own and stay markup, customdata stays raw (clicks narrow filters with it)."""
    for trace in fig.data:
        for attr in ("x", "y", "text", "name", "labels"):
            if attr in trace and trace[attr] is not None:
                trace[attr] = _plain_values(trace[attr])


def _layout(
    fig: go.Figure,
    title: str,
    x: str = "",
    y: str = "",
    height: int = 420,
    legend_right: bool = False,
    notes: list[str] | None = None,
) -> go.Figure:
    """Title (with the chart's marks explained beneath it), number separators, legend and grid."""
    sep = ",." if lang() == "id" else ".,"
    notes = [plain(n) for n in (notes or []) if n]
    _plain_traces(fig)
    title, x, y = plain(title), plain(x), plain(y)
    top = (95 if len(fig.data) > 1 and not legend_right else 60) + (18 if notes else 0)
    legend = (
        {"orientation": "v", "x": 1.02, "y": 1, "xanchor": "left", "yanchor": "top"}
        if legend_right
        else {"orientation": "h", "x": 0, "y": 1.0, "xanchor": "left", "yanchor": "bottom"}
    )
    fig.update_layout(
        title={
            "text": title,
            "x": 0,
            "y": 0.98,
            "yanchor": "top",
            "font": {"size": 17},
            "subtitle": {"text": " · ".join(notes), "font": {"size": 12, "color": "#555"}},
        },
        height=height,
        separators=sep,
        margin={"l": 10, "r": 10, "t": top, "b": 10},
        legend=legend,
        font={"size": 14},
        plot_bgcolor="white",
        xaxis_title=x,
        yaxis_title=y,
        hoverlabel={"namelength": -1},
        modebar={"remove": MODEBAR_BUTTONS, "bgcolor": "rgba(0,0,0,0)"},
    )
    fig.update_xaxes(gridcolor="#eee")
    fig.update_yaxes(gridcolor="#eee")
    return fig


def _rounded(values: list, digits: int) -> list:
    """A chart's numbers rounded as its labels show them: the figure sent to the browser holds no more."""
    return [round(v, digits) if isinstance(v, float) else v for v in values]


def _digits(number_format: str) -> int:
    """The decimals of a d3 number format ('.1f' -> 1, ',.0f' -> 0, '.0%' -> 2)."""
    found = re.search(r"\.(\d+)", number_format)
    places = int(found.group(1)) if found else 0
    return places + 2 if number_format.endswith("%") else places


def _n(v: int | float | None) -> str:
    return fmt.num(v, 0, lang())


def predikat_stacked(
    frame: pl.DataFrame, group: str, title: str, labels: list[str] | None = None, keys: list[list[str]] | None = None
) -> go.Figure:
    """Stacked horizontal bars of predikat shares per group, of the employee-period scores with a predikat; each
    label says how many employees (`n_pegawai`, with the small-group mark) and scores it holds, and how many scores
    have no predikat. `keys` travel with each bar for click narrowing."""
    fig = go.Figure()
    rated = sum(frame[c] for c in PREDIKAT_COUNT_COLS.values())
    missing = (frame["n"] - rated).to_list()
    names = labels or [str(g) for g in frame[group].to_list()]
    people = frame["n_pegawai"].to_list() if "n_pegawai" in frame.columns else [None] * frame.height
    ylabels = [_stack_label(g, r, m, e) for g, r, m, e in zip(names, rated.to_list(), missing, people, strict=True)]
    any_small = any(small.is_small(e) for e in people)
    denom = rated.to_list()
    for name, c in PREDIKAT_COUNT_COLS.items():
        share = _rounded([v / d if d else None for v, d in zip(frame[c].to_list(), denom, strict=True)], 3)
        fig.add_bar(
            y=ylabels,
            x=share,
            name=name,
            orientation="h",
            marker_color=PREDIKAT_COLOURS[name],
            customdata=keys,
            hovertemplate="%{y}<br>" + name + ": %{x:.1%}<extra></extra>",
        )
    fig.update_layout(barmode="stack", legend_traceorder="normal", bargap=0.25)
    fig.update_xaxes(tickformat=".0%", range=[0, 1.001], dtick=0.25)
    fig.update_yaxes(autorange="reversed")
    notes = [small.note() if any_small else ""]
    return _layout(fig, title, "", "", height=max(320, 36 * len(ylabels) + 150), notes=notes)


def _stack_label(name: str, rated: int, missing: int, people: int | None) -> str:
    """'Bappeda', a line break, '2 pegawai; 24 nilai ✕', with the scores without a predikat when there are any."""
    counts = [small.employees(people)] if people is not None else []
    counts.append(t("n_scores_short", n=_n(rated)))
    if missing:
        counts.append(f"{t('no_predikat').lower()} {_n(missing)}")
    # two lines: a bar's name (with where its predikat come from) over its counts, so a half-width chart at
    # 1366 px keeps both readable instead of cutting the name off
    return f"{name}\n{'; '.join(counts)}" + (f" {small.MARK}" if small.is_small(people) else "")


def _partial(periods: list[str], ns: list[int | None]) -> list[bool]:
    """Periods whose n is under PARTIAL_SHARE of the median n over the shown periods (still being loaded,
    or a gap in a source)."""
    vals = sorted(v for v in ns if v)
    if not vals:
        return [False] * len(periods)
    median = vals[len(vals) // 2]
    return [bool(v is not None and v < PARTIAL_SHARE * median) for v in ns]


def line_by(
    frame: pl.DataFrame,
    x: str,
    y: str,
    group: str,
    title: str,
    y_title: str,
    colours: dict[str, str] | None = None,
    highlight: list[str] | None = None,
    min_n: int | None = None,
    y_format: str = ".1f",
    labels: dict[str, str] | None = None,
    partial: set[str] | None = None,
    partial_note: str | None = None,
    marks: dict[str, str] | None = None,
) -> go.Figure:
    """One line per group over periods. Points from fewer than `min_n` are hollow; partial periods are shaded:
    `partial` (with `partial_note`) names them from the warehouse's coverage (ui.cakupan), else those with n well
    under the usual. `marks` draws a dashed line with its label at a period (e.g. where the predikat source
    changes). With `highlight`, only those groups get colour, the rest are grey."""
    fig = go.Figure()
    groups = frame[group].unique(maintain_order=True).to_list()
    if highlight:
        groups = [g for g in groups if g not in highlight] + [g for g in groups if g in highlight]
    palette = iter(SERIES_COLOURS * 3)
    period_keys = sorted(frame[x].unique().to_list())
    has_n = "n" in frame.columns
    if partial is not None:
        partial = {p: True for p in partial}
    elif has_n:
        totals = frame.group_by(x).agg(pl.col("n").sum()).sort(x)
        partial = dict(zip(totals[x], _partial(totals[x].to_list(), totals["n"].to_list()), strict=True))
    else:
        partial = {}
    for g in groups:
        part = frame.filter(pl.col(group) == g).sort(x)
        xs = [fmt.period(v, lang()) for v in part[x].to_list()]
        ns = part["n"].to_list() if has_n else [None] * part.height
        grey = bool(highlight) and g not in highlight
        colour = GREY if grey else (colours or {}).get(g) or next(palette)
        small_points = [min_n is not None and small.is_small(v, min_n) for v in ns]
        name = (labels or {}).get(g, str(g))
        fig.add_scatter(
            x=xs,
            y=_rounded(part[y].to_list(), _digits(y_format)),
            name=name,
            mode="lines+markers",
            customdata=[[_n(v)] for v in ns],
            line={"color": colour, "width": 1 if grey else 2.5},
            marker={"symbol": "circle", "size": 8, "color": colour},
            showlegend=not grey,
            hovertemplate=f"{plain(name)}<br>%{{x}}: %{{y:{y_format}}}"
            + ("<br>n=%{customdata[0]}" if has_n else "")
            + "<extra></extra>",
        )
        _hollow(fig, xs, part[y].to_list(), small_points, colour, name, y_format)
    notes = [_mark_partial(fig, [i for i, p in enumerate(period_keys) if partial.get(p)], partial_note)]
    for i, p in enumerate(period_keys):
        if p in (marks or {}):
            fig.add_vline(x=i - 0.5, line_dash="dash", line_color="#8a5a00", line_width=1.5)
            fig.add_annotation(
                x=i - 0.5,
                y=1,
                yref="paper",
                text=plain(marks[p]),
                showarrow=False,
                xanchor="left",
                yanchor="bottom",
                font={"size": 11, "color": "#8a5a00"},
            )
    if min_n is not None and has_n and frame["n"].min() < min_n:
        notes.append("○ " + small.note(min_n).removeprefix(small.MARK + " "))
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=[fmt.period(p, lang()) for p in period_keys])
    return _layout(fig, title, t("periode"), y_title, legend_right=bool(highlight), notes=notes)


def _hollow(fig: go.Figure, xs: list, ys: list, marks: list[bool], colour: str, name: str, y_format: str) -> None:
    """Points from small groups drawn hollow over their line (the legend keeps the filled marker), marked ✕ on
    hover."""
    chosen = [(x, y) for x, y, m in zip(xs, ys, marks, strict=True) if m and y is not None]
    if not chosen:
        return
    fig.add_scatter(
        x=[x for x, _ in chosen],
        y=_rounded([y for _, y in chosen], _digits(y_format)),
        mode="markers",
        marker={"symbol": "circle", "size": 8, "color": "white", "line": {"color": colour, "width": 2}},
        showlegend=False,
        name=f"{name} {small.MARK}",
        hovertemplate=f"{plain(name)} {small.MARK}<br>%{{x}}: %{{y:{y_format}}}<extra></extra>",
    )


def _mark_partial(fig: go.Figure, positions: list[int], note: str | None = None) -> str:
    """Shade partial periods (positions on a category axis); the note saying what the shading means."""
    for i in positions:
        fig.add_vrect(x0=i - 0.5, x1=i + 0.5, fillcolor="#999", opacity=0.18, line_width=0, layer="below")
    return (note or ("▒ " + t("partial", p=int(PARTIAL_SHARE * 100)))) if positions else ""


def heatmap(frame: pl.DataFrame, title: str, min_n: int | None = None) -> go.Figure:
    """Place × OPD heatmap of mean hasil kerja, employees and scores on hover; cells from small groups (ui.small,
    by `n_pegawai` where the frame has it) marked ✕."""
    counted = "n_pegawai" if "n_pegawai" in frame.columns else "n"
    rows = sorted(frame["opd"].unique().to_list())
    cols = [p for p in PLACE_COLOURS if p in frame["lokasi"].to_list()]
    cells = {(r["opd"], r["lokasi"]): r for r in frame.iter_rows(named=True)}
    z, text, custom = [], [], []
    for o in rows:
        zr, tr, cr = [], [], []
        for p in cols:
            cell = cells.get((o, p))
            v = round(cell["rata_hasil"], 1) if cell and cell["rata_hasil"] is not None else None
            n = int(cell["n"]) if cell else 0
            people = cell[counted] if cell else None
            zr.append(v)
            tr.append(small.value_text(fmt.num(v, 1, lang()), people, min_n) if v is not None else "")
            counts = (small.employees(people) + " · " if counted != "n" else "") + small.employee_periods(n)
            cr.append([counts, fmt.num(v, 1, lang()) if v is not None else "–", p, o])
        z.append(zr)
        text.append(tr)
        custom.append(cr)
    values = [v for zr in z for v in zr if v is not None]
    span = max([5.0, *[abs(v - 100) for v in values]])  # 100 (capaian met) stays the scale's middle
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=cols,
            y=rows,
            text=text,
            texttemplate="%{text}",
            hoverinfo="skip",
            colorscale="RdYlGn",
            zmin=100 - span,
            zmax=100 + span,
            colorbar={"thickness": 14},
        )
    )
    # Plotly cannot select heatmap cells, so an invisible marker on each cell takes the hover and the click.
    cells_xy = [(p, o, c) for o, row in zip(rows, custom, strict=True) for p, c in zip(cols, row, strict=True)]
    fig.add_scatter(
        x=[p for p, _, _ in cells_xy],
        y=[o for _, o, _ in cells_xy],
        mode="markers",
        marker={"symbol": "square", "size": 22, "opacity": 0},
        showlegend=False,
        customdata=[c for _, _, c in cells_xy],
        hovertemplate="%{y} · %{x}<br>%{customdata[1]}<br>%{customdata[0]}<extra></extra>",
    )
    marked = any(small.is_small(v, min_n) for v in frame[counted].to_list())
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top")
    return _layout(fig, title, "", "", height=max(360, 24 * len(rows) + 170), notes=[small.note(min_n)] if marked else None)


def histogram(frame: pl.DataFrame, title: str, x_title: str, width: float, people: dict[str, int] | None = None) -> go.Figure:
    """Score distribution per place as outlines (share of the place's employee-period scores per bin), so places
    of different size and overlapping bins stay readable; the legend says how many employees (`people`, with the
    small-group mark) and scores each place holds."""
    fig = go.Figure()
    for p, c in PLACE_COLOURS.items():
        part = frame.filter(pl.col("lokasi") == p).sort("bin")
        if part.is_empty():
            continue
        total = int(part["n"].sum())
        fig.add_scatter(
            x=(part["bin"] + width / 2).to_list(),
            y=_rounded((part["n"] / total).to_list(), 3),
            mode="lines",
            line={"color": c, "shape": "hvh", "width": 2.5},
            name=_stack_label(p, total, 0, (people or {}).get(p)),
            customdata=[
                [_n(v), fmt.num(b, 1, lang()), fmt.num(b + width, 1, lang())]
                for v, b in zip(part["n"].to_list(), part["bin"].to_list(), strict=True)
            ],
            hovertemplate=p + "<br>%{customdata[1]}–%{customdata[2]}: %{y:.1%} (n=%{customdata[0]})<extra></extra>",
        )
    fig.update_yaxes(tickformat=".0%", rangemode="tozero")
    fig.update_layout(showlegend=True)  # one place too: its legend entry says how many employees
    fig = _layout(fig, title, x_title, t("share_of_place"), height=520)
    # below the axis: four long entries wrap to several rows on a laptop and must not run into the title
    return fig.update_layout(
        legend={"orientation": "h", "x": 0, "y": -0.22, "xanchor": "left", "yanchor": "top"}, margin={"t": 60, "b": 130}
    )


def ci_plot(
    frame: pl.DataFrame, label: str, value: str, lo: str, hi: str, title: str, x_title: str, small_col: str = "terlalu_kecil"
) -> go.Figure:
    """Means with confidence intervals; groups too small to compare drawn hollow and marked ✕.
    Each point carries its place and OPD for click narrowing."""
    fig = go.Figure()
    for p, c in PLACE_COLOURS.items():
        part = frame.filter(pl.col("lokasi") == p)
        if part.is_empty():
            continue
        marks = [bool(s) or small.is_small(n) for s, n in zip(part[small_col].to_list(), part["n"].to_list(), strict=True)]
        labels = [
            small.label(a, n, 0) + (f" {small.MARK}" if s else "") for a, n, s in zip(part[label], part["n"], marks, strict=True)
        ]
        fig.add_scatter(
            x=_rounded(part[value].to_list(), 1),
            y=labels,
            mode="markers",
            name=p,
            customdata=[[p, o] for o in part["opd"].to_list()],
            marker={"color": c, "size": 11, "symbol": ["circle-open" if s else "circle" for s in marks]},
            error_x={
                "type": "data",
                "symmetric": False,
                "array": _rounded((part[hi] - part[value]).to_list(), 1),
                "arrayminus": _rounded((part[value] - part[lo]).to_list(), 1),
            },
            hovertemplate="%{y}<br>%{x:.1f}<extra>" + p + "</extra>",
        )
    marked = any(frame[small_col].to_list()) or any(small.is_small(n) for n in frame["n"].to_list())
    return _layout(fig, title, x_title, "", height=max(360, 18 * frame.height + 150), notes=[small.note()] if marked else None)


def bars(
    frame: pl.DataFrame,
    x: str,
    y: str,
    title: str,
    x_title: str,
    colour_by: str | None = None,
    colours: dict | None = None,
    ref: float | None = None,
    x_format: str = ".1f",
    keys: list[list[str]] | None = None,
    text: bool = True,
    x_range: list[float] | None = None,
    marks: list[bool] | None = None,
    ref_label: str | None = None,
) -> go.Figure:
    """Horizontal bars, optionally coloured by a category, with an optional (labelled) reference line and the
    value printed on each bar, ✕ after the values of small groups (`marks`). `keys` travel with each bar for click
    narrowing. Counts get whole-number ticks."""
    cols = [(colours or {}).get(v, "#1f5fa8") for v in frame[colour_by].to_list()] if colour_by else "#1f5fa8"
    values = _rounded(frame[x].to_list(), _digits(x_format))
    marks = marks or [False] * frame.height
    top = max([abs(v) for v in values if v is not None] or [0])
    fig = go.Figure(
        go.Bar(
            x=values,
            y=frame[y].to_list(),
            orientation="h",
            marker_color=cols,
            customdata=keys,
            texttemplate=[f"%{{x:{x_format}}}" + (f" {small.MARK}" if m else "") for m in marks] if text else None,
            # a value too short to hold its text (a percentile of 0 included) shows it beside the bar
            textposition=["outside" if v is None or abs(v) < 0.2 * top else "inside" for v in values] if text else None,
            textangle=0,  # never turned sideways
            cliponaxis=False,
            hovertemplate=f"%{{y}}: %{{x:{x_format}}}<extra></extra>",
            showlegend=False,  # the bars themselves are no legend entry; the colours' meanings are, below
        )
    )
    if colour_by and colours:  # what the colours mean (places, quality grades): one legend entry each
        for name in [v for v in colours if v in set(frame[colour_by].to_list())]:
            fig.add_bar(x=[None], y=[None], orientation="h", name=name, marker_color=colours[name], hoverinfo="skip")
        fig.update_layout(barmode="overlay")  # the legend's entries take no room beside the one real bar
    if ref is not None:  # below the bars, so it never runs through their values; always said what it is
        fig.add_vline(x=ref, line_dash="dash", line_color="#555", layer="below")
        refd = _digits(x_format) if not x_format.endswith("%") else 0
        label = ref_label or t("ref_line", v=fmt.num(ref, refd, lang()))
        fig.add_annotation(
            x=ref, y=1, yref="paper", yanchor="bottom", text=plain(label), showarrow=False, font={"size": 12, "color": "#555"}
        )
    if x_range is not None:
        fig.update_xaxes(range=x_range)
    elif text and top:  # room for the values printed beside short bars
        low = min([0.0, *[v * 1.15 for v in values if v is not None]])
        fig.update_xaxes(range=[low, max(top, ref or 0) * 1.15])
    if all(isinstance(v, int) for v in values if v is not None):
        fig.update_xaxes(tickformat=",d", dtick=1 if top <= 8 else None)
    fig.update_yaxes(autorange="reversed")
    return _layout(
        fig, title, x_title, "", height=max(320, 22 * frame.height + 150), notes=[small.note()] if any(marks) else None
    )


def grouped_bars(
    frame: pl.DataFrame, category: str, value: str, group: str, title: str, x_title: str, category_kind: str, group_kind: str
) -> go.Figure:
    """Bars per category (e.g. BerAKHLAK value), one colour per group (e.g. rater role), side by side."""
    fig = go.Figure()
    palette = iter(SERIES_COLOURS * 3)
    for g in frame[group].unique(maintain_order=True).to_list():
        part = frame.filter(pl.col(group) == g)
        name = value_label(group_kind, g)
        fig.add_bar(
            y=[value_label(category_kind, c) for c in part[category].to_list()],
            x=_rounded(part[value].to_list(), 1),
            orientation="h",
            name=name,
            marker_color=next(palette),
            hovertemplate="%{y} · " + name + ": %{x:.1f}<extra></extra>",
        )
    fig.update_layout(barmode="group")
    fig.update_xaxes(range=[0, 100])
    fig.update_yaxes(autorange="reversed")
    n_cat = frame[category].n_unique()
    return _layout(fig, title, x_title, "", height=max(360, 22 * n_cat * max(1, frame[group].n_unique()) + 150))


def sparkline(values: list[float]) -> str:
    """A tiny text trend for tables: ▁▂▃▄▅▆▇█."""
    vals = [v for v in values if v is not None]
    if not vals:
        return ""
    lo, hi = min(vals), max(vals)
    blocks = "▁▂▃▄▅▆▇█"
    return "".join(blocks[int((v - lo) / (hi - lo) * 7) if hi > lo else 3] for v in vals)
