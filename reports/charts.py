"""Vector charts for the PDFs (reportlab graphics), in the dashboard's colours (ui.charts): bars, stacked
predikat shares, lines over periods and means with their intervals."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from reports.doc import BOLD, FONT
from ui.charts import MUTU_COLOURS, PLACE_COLOURS, PREDIKAT_COLOURS, SERIES_COLOURS

INK = colors.HexColor("#333333")
RULE = colors.HexColor("#d5d9de")
Fmt = Callable[[float], str]


def colour(hex_: str) -> colors.Color:
    return colors.HexColor(hex_)


def place_colour(place: str, i: int = 0) -> colors.Color:
    """A place's colour as on screen; other series take the shared palette in order."""
    return colour(PLACE_COLOURS.get(place, SERIES_COLOURS[i % len(SERIES_COLOURS)]))


def mutu_colour(grade: str) -> colors.Color:
    return colour(MUTU_COLOURS.get(grade, "#7f7f7f"))


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _scale(lo: float, hi: float, x0: float, x1: float) -> Callable[[float], float]:
    span = (hi - lo) or 1.0
    return lambda v: x0 + (v - lo) / span * (x1 - x0)


def hbars(
    labels: list[str],
    values: list[float],
    width: float,
    fmt: Fmt,
    fills: list[colors.Color],
    lo: float = 0.0,
    hi: float | None = None,
) -> Drawing:
    """Horizontal bars, one per label, the value written at each bar's end."""
    row, label_w = 13, min(190, width * 0.38)
    d = Drawing(width, row * len(labels) + 8)
    top = hi if hi is not None else max([v for v in values if v is not None] or [1]) * 1.08
    x = _scale(lo, top, label_w, width - 45)
    for i, (lbl, v, fill) in enumerate(zip(labels, values, fills, strict=True)):
        y = d.height - (i + 1) * row
        d.add(String(label_w - 4, y + 3, _clip(lbl, 48), fontName=FONT, fontSize=7, textAnchor="end", fillColor=INK))
        if v is None:
            continue
        d.add(Rect(label_w, y + 1, max(0.5, x(v) - label_w), row - 3, fillColor=fill, strokeColor=None))
        d.add(String(x(v) + 3, y + 3, fmt(v), fontName=FONT, fontSize=7, fillColor=INK))
    return d


def stacked_shares(rows: list[tuple[str, list[float]]], names: list[str], width: float, fmt: Fmt) -> Drawing:
    """One 100% bar per row (a place or OPD), split by predikat in the predikat colours, with a legend."""
    row, label_w = 16, min(150, width * 0.3)
    d = Drawing(width, row * len(rows) + 26)
    x = _scale(0, 1, label_w, width - 5)
    for i, (lbl, shares) in enumerate(rows):
        y = d.height - (i + 1) * row
        d.add(String(label_w - 4, y + 4, _clip(lbl, 40), fontName=FONT, fontSize=7, textAnchor="end", fillColor=INK))
        left = 0.0
        for name, s in zip(names, shares, strict=True):
            s = s or 0.0
            fill = colour(PREDIKAT_COLOURS[name])
            d.add(Rect(x(left), y + 1, x(left + s) - x(left), row - 4, fillColor=fill, strokeColor=colors.white, strokeWidth=0.3))
            if s >= 0.07:
                d.add(
                    String(
                        x(left + s / 2), y + 4.5, fmt(s), fontName=FONT, fontSize=6.5, textAnchor="middle", fillColor=colors.white
                    )
                )
            left += s
    lx = label_w
    for name in names:
        d.add(Rect(lx, 3, 7, 7, fillColor=colour(PREDIKAT_COLOURS[name]), strokeColor=None))
        d.add(String(lx + 10, 4, name, fontName=FONT, fontSize=7, fillColor=INK))
        lx += 22 + stringWidth(name, FONT, 7)
    return d


def lines(
    series: dict[str, list[float | None]],
    periods: list[str],
    width: float,
    fmt: Fmt,
    height: float = 170,
    fine: Fmt | None = None,
) -> Drawing:
    """One line per series (places in their colours) over the periods, with a value axis and a legend; `fine`
    labels the axis when its range is narrow (one more decimal, so no two ticks read alike)."""
    fine = fine or fmt
    d = Drawing(width, height)
    vals = [v for s in series.values() for v in s if v is not None]
    if not vals:
        return d
    lo, hi = min(vals), max(vals)
    pad = (hi - lo) * 0.1 or 1.0
    lo, hi = lo - pad, hi + pad
    left, bottom, right, top = 40, 30, width - 10, height - 10
    x = _scale(0, max(1, len(periods) - 1), left, right)
    y = _scale(lo, hi, bottom, top)
    tick = fmt if hi - lo >= 8 else fine
    for k in range(5):
        v = lo + (hi - lo) * k / 4
        d.add(Line(left, y(v), right, y(v), strokeColor=RULE, strokeWidth=0.4))
        d.add(String(left - 3, y(v) - 2, tick(v), fontName=FONT, fontSize=6.5, textAnchor="end", fillColor=INK))
    step = max(1, len(periods) // 8)
    for i, p in enumerate(periods):
        if i % step == 0 or i == len(periods) - 1:
            d.add(String(x(i), bottom - 10, p, fontName=FONT, fontSize=6.5, textAnchor="middle", fillColor=INK))
    lx = left
    for j, (name, s) in enumerate(series.items()):
        c = place_colour(name, j)
        pts = [(x(i), y(v)) for i, v in enumerate(s) if v is not None]
        if len(pts) > 1:
            d.add(PolyLine([c for p in pts for c in p], strokeColor=c, strokeWidth=1.4))
        for px, py in pts:
            d.add(Circle(px, py, 1.6, fillColor=c, strokeColor=None))
        d.add(Rect(lx, 3, 8, 3, fillColor=c, strokeColor=None))
        d.add(String(lx + 11, 2, name, fontName=FONT, fontSize=7, fillColor=INK))
        lx += 24 + stringWidth(name, FONT, 7)
    return d


def intervals(rows: list[tuple[str, float, float, float, bool, str]], width: float, fmt: Fmt) -> Drawing:
    """Means with their confidence intervals, one row per OPD (label, mean, low, high, too_small, place);
    too-small groups are drawn hollow, as on screen."""
    row, label_w = 12, min(200, width * 0.4)
    d = Drawing(width, row * len(rows) + 20)
    vals = [v for _, m, lo_, hi_, _, _ in rows for v in (m, lo_, hi_) if v is not None]
    if not vals:
        return d
    lo, hi = min(vals), max(vals)
    pad = (hi - lo) * 0.05 or 1.0
    x = _scale(lo - pad, hi + pad, label_w, width - 10)
    for k in range(5):
        v = lo - pad + (hi - lo + 2 * pad) * k / 4
        d.add(Line(x(v), 12, x(v), d.height, strokeColor=RULE, strokeWidth=0.4))
        d.add(String(x(v), 2, fmt(v), fontName=FONT, fontSize=6.5, textAnchor="middle", fillColor=INK))
    for i, (lbl, m, a, b, small, place) in enumerate(rows):
        yy = d.height - (i + 1) * row + 4
        c = place_colour(place)
        d.add(String(label_w - 4, yy - 2.5, _clip(lbl, 52), fontName=FONT, fontSize=6.8, textAnchor="end", fillColor=INK))
        if a is not None and b is not None:
            d.add(Line(x(a), yy, x(b), yy, strokeColor=c, strokeWidth=1))
        if m is not None:
            d.add(Circle(x(m), yy, 2.4, fillColor=colors.white if small else c, strokeColor=c, strokeWidth=0.9))
    return d


def legend_title(text: str, width: float) -> Drawing:
    d = Drawing(width, 12)
    d.add(String(0, 2, text, fontName=BOLD, fontSize=8, fillColor=INK))
    return d
