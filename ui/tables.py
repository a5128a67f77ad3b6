"""Show a table with localised headers and numbers, plus CSV and Excel downloads of exactly that table."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import polars as pl
import streamlit as st

from ui import audit, fmt, text_tampilan  # noqa: F401  (text_tampilan: its labels)
from ui.data import cached, scope
from ui.download import file_name, local_time, readable, to_csv, to_excel, zone
from ui.filters import describe
from ui.i18n import VALUES, col, lang, t, value_label
from warehouse import queries
from warehouse.db import Filters

# Columns whose stored codes or words have a label in each language (ui.i18n.VALUES).
VALUE_COLUMNS = {
    "jenis_kelamin",
    "peran_penilai",
    "sumber_predikat",
    "arah",
    "jenis_jabatan",
    "status",
    "pekerjaan",
    "pendidikan",
    "nilai_berakhlak",
    "ukuran",
    "jenis",
    "rating_hasil_kerja",
    "rating_perilaku",
}
PERIOD_COLUMNS = {"periode", "dari", "sampai", "periode_lalu"}


def _labelled(frame: pl.DataFrame) -> pl.DataFrame:
    """Vocabulary codes replaced by their labels in the chosen language."""
    exprs = []
    for c in frame.columns:
        if c in VALUE_COLUMNS and frame.schema[c] == pl.String:
            mapping = {v: value_label(c, v) for v in frame[c].drop_nulls().unique().to_list()}
            exprs.append(pl.col(c).replace_strict(mapping, default=None, return_dtype=pl.String))
    return frame.with_columns(exprs) if exprs else frame


def as_shown(frame: pl.DataFrame, decimals: dict[str, int] | None = None, percent: tuple[str, ...] = ()) -> pl.DataFrame:
    """Every float rounded to the precision it is shown with (a share in `percent` shown as 28,8% keeps 0.288):
    what reaches the browser or a file holds no more than the screen says."""
    decimals = decimals or {}
    digits = {c: decimals.get(c, 1) + (2 if c in percent else 0) for c, d in frame.schema.items() if d.is_float()}
    return frame.with_columns(pl.col(c).round(d) for c, d in digits.items()) if digits else frame


def localise(
    frame: pl.DataFrame,
    decimals: dict[str, int] | None = None,
    names: dict[str, str] | None = None,
    percent: tuple[str, ...] = (),
) -> pl.DataFrame:
    """For the downloads: headers and vocabularies in the chosen language, floats rounded as shown, numbers kept
    numbers."""
    out = as_shown(_labelled(frame), decimals, percent)
    names = names or {c: col(c) for c in out.columns}
    return out.rename({c: names.get(c, c) for c in out.columns})


def formatters(frame: pl.DataFrame, decimals: dict[str, int], percent: tuple[str, ...] = ()) -> dict[str, Callable]:
    """One display function per column: numbers the chosen language's way, shares as %, periods and dates spelled."""
    lg = lang()
    out: dict[str, Callable] = {}
    for c, d in frame.schema.items():
        if c in percent:
            out[c] = lambda v, p=decimals.get(c, 1): fmt.pct(_none(v), p, lg)
        elif d.is_float():
            out[c] = lambda v, p=decimals.get(c, 1): fmt.num(_none(v), p, lg)
        elif d.is_integer():
            out[c] = lambda v: fmt.num(_none(v), 0, lg)
        elif c in PERIOD_COLUMNS and d == pl.String:
            out[c] = lambda v: fmt.period(_none(v), lg)
        else:
            out[c] = lambda v: fmt.value(_none(v), lg)
    return out


def _none(v):
    """pandas hands missing values over as NaN, NaT or pd.NA: all None here."""
    try:
        return None if v is None or pd.isna(v) else v
    except (TypeError, ValueError):  # a list cell
        return v


def display_frame(frame: pl.DataFrame, decimals: dict[str, int] | None = None, percent: tuple[str, ...] = ()):
    """What the grid shows: a pandas Styler over the real values (so columns sort as numbers and periods in
    time order) whose display text is localised; headers and vocabularies in the chosen language."""
    decimals = decimals or {}
    labelled = as_shown(_labelled(frame), decimals, percent)
    shown = labelled.to_pandas()
    shown.columns = [col(c) for c in frame.columns]
    funcs = formatters(labelled, decimals, percent)
    return shown.style.format({col(c): fn for c, fn in funcs.items()})


def indicators_and_values(indicators: str, values: str, first: bool = False) -> pl.Expr:
    """One text of indicator names with their capaian and BerAKHLAK values in the chosen language, from the
    marts' lists ("Waktu layanan (85.3)", "akuntabel"); with `first`, only the first of each."""
    ind, val = pl.col(indicators).fill_null([]), pl.col(values).fill_null([])
    if first:
        ind, val = ind.list.head(1), val.list.head(1)
    text = ind.list.join(", ")
    if lang() == "id":  # the marts write capaian with a decimal point: "(85.3)" -> "(85,3)"
        text = text.str.replace_all(fmt.CAPAIAN_IN_TEXT, "($1,$2)")
    names = {k: value_label("nilai_berakhlak", k) for k in VALUES["nilai_berakhlak"]}
    vals = val.list.eval(pl.element().replace(names)).list.join(", ")
    return pl.concat_str([text, vals], separator="; ").str.strip_chars("; ")


def about(f: Filters | None, title: str, controls: list[tuple[str, str]] | None = None) -> list[tuple[str, str]]:
    """Rows for the Excel 'about' sheet: table, every sidebar filter, the page's own controls (view, kind,
    section), as-of time and the loads behind it."""
    fresh = cached(queries.freshness)
    hist = cached(queries.loads_seen, scope())  # the loads the viewer may see, never another place's file names
    loads = "; ".join(
        f"#{r['load_id']} {r['berkas']} ({r['status']}, {r['dimuat']})" for r in hist.head(30).iter_rows(named=True)
    )
    rows = [(("Tabel" if lang() == "id" else "Table"), title)]
    if f is not None:
        rows += describe(f)
    rows += [(f"{t('page_controls')}: {k}", v) for k, v in controls or []]
    rows += [
        ("Data per" if lang() == "id" else "Data as of", local_time(fresh["waktu"], zone(), lang()) if fresh["waktu"] else "–"),
        ("Pemuatan" if lang() == "id" else "Loads", loads),
    ]
    return rows


def show(
    frame: pl.DataFrame,
    key: str,
    title: str,
    f: Filters | None,
    decimals: dict[str, int] | None = None,
    links: dict[str, str] | None = None,
    height: int | None = None,
    total: int | None = None,
    full: Callable[[], pl.DataFrame] | None = None,
    percent: tuple[str, ...] = (),
    widths: dict[str, str | int] | None = None,
    container=None,
    controls: list[tuple[str, str]] | None = None,
    view: str | None = None,
) -> None:
    """Render the table and its two download buttons; the downloads hold exactly these rows and columns.

    Numbers stay numbers (they sort as numbers) and are displayed the chosen language's way; `percent` names
    columns holding shares (0.288 shows as 28,8%). When the grid shows only the first rows of a longer list
    (`total` rows in all), `full` returns the whole list and the downloads hold all of it. Files are made only
    when a button is pressed. The Excel file's second sheet lists every filter and the page's `controls`; file
    names carry the places, the period range and the `view`; values read as on screen (Ya/Tidak, "Okt 2026",
    times in the configured zone).
    """
    decimals = decimals or {}
    links = links or {}
    box = container or st
    if frame.is_empty():
        box.info(t("no_data"))
        return
    audit.table_viewed(key, frame, f)
    widths = widths or {}
    config: dict = {
        col(c): st.column_config.LinkColumn(col(c), display_text=lbl, width=widths.get(c, "small")) for c, lbl in links.items()
    }
    for c, w in widths.items():
        config.setdefault(col(c), st.column_config.Column(col(c), width=w))
    _no_grid_toolbar(box)
    box.dataframe(
        display_frame(frame, decimals, percent),
        hide_index=True,
        key=f"grid_{key}",
        height=height or "auto",
        column_config=config,
        placeholder="–",
    )
    # Everything the files need is fixed now: the buttons' callables run outside the page script.
    language, names, about_rows = lang(), {c: col(c) for c in frame.columns}, about(f, title, controls) + audit.provenance()
    tz, stem = zone(), file_name(key, f, view, language)
    about_sheet = "Keterangan" if language == "id" else "About"
    partial = total is not None and total > frame.height and full is not None

    def table() -> pl.DataFrame:
        data = full() if partial else frame
        shown = readable(data.drop([c for c in links if c in data.columns]), language, tz, PERIOD_COLUMNS)
        return localise(shown, decimals, names, percent)

    c1, c2, c3 = box.columns([1, 1, 4])
    rows = total if partial else frame.height
    stamp = t("downloaded_at")
    c1.download_button(
        t("download_csv"),
        audit.logged_download(lambda: to_csv(table(), language), f"{stem}.csv", f, rows),
        file_name=f"{stem}.csv",
        mime="text/csv",
        key=f"csv_{key}",
        on_click="ignore",
    )
    excel = lambda: to_excel(
        table(), [*about_rows, (stamp, local_time(None, tz, language))], sheet=title, about_sheet=about_sheet
    )  # noqa: E731
    c2.download_button(
        t("download_xlsx"),
        audit.logged_download(excel, f"{stem}.xlsx", f, rows),
        file_name=f"{stem}.xlsx",
        key=f"xlsx_{key}",
        on_click="ignore",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    if partial:
        c3.caption(t("rows_partial", n=fmt.num(frame.height, 0, language), total=fmt.num(total, 0, language)))
    else:
        c3.caption(t("rows_one") if frame.height == 1 else t("rows", n=fmt.num(frame.height, 0, language)))


def _no_grid_toolbar(box) -> None:
    """The grid's own toolbar (search, full screen, and a CSV download that skips the log and the formula guard)
    speaks English only: hidden; the buttons below the grid are the downloads."""
    box.html(
        "<style>[data-testid='stElementContainer']:has([data-testid='stDataFrame']) [data-testid='stElementToolbar'],"
        " [data-testid='stDataFrame'] [data-testid='stElementToolbar'] { display: none; }</style>"
    )
