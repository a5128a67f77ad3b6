"""Show a table with localised headers and numbers, plus CSV and Excel downloads of exactly that table."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl
import streamlit as st

from ui import audit, fmt
from ui.data import q
from ui.download import to_csv, to_excel
from ui.filters import describe
from ui.i18n import col, lang, t
from warehouse.db import Filters


def localise(frame: pl.DataFrame, decimals: dict[str, int] | None = None,
             names: dict[str, str] | None = None) -> pl.DataFrame:
    """Headers in the chosen language (or `names`); float columns rounded (display format is set in the grid)."""
    decimals = decimals or {}
    out = frame.with_columns([
        pl.col(c).round(decimals.get(c, 1)) for c, d in frame.schema.items() if d in (pl.Float64, pl.Float32)
    ])
    names = names or {c: col(c) for c in out.columns}
    return out.rename({c: names.get(c, c) for c in out.columns})


def _grid_config(frame: pl.DataFrame, decimals: dict[str, int], links: dict[str, str]) -> dict:
    cfg = {}
    sep = "localized" if lang() == "en" else None
    for c, d in frame.schema.items():
        if d in (pl.Float64, pl.Float32):
            places = decimals.get(c, 1)
            # Indonesian: thousands '.', decimals ','; printf-style formats cannot do that, so show text.
            cfg[col(c)] = st.column_config.NumberColumn(col(c), format=sep or f"%.{places}f")
    for c, label in links.items():
        cfg[col(c)] = st.column_config.LinkColumn(col(c), display_text=label)
    return cfg


def display_frame(frame: pl.DataFrame, decimals: dict[str, int]) -> pl.DataFrame:
    """What the grid shows: Indonesian number text when Indonesian is chosen."""
    if lang() != "id":
        return localise(frame, decimals)
    exprs = []
    for c, d in frame.schema.items():
        if d in (pl.Float64, pl.Float32):
            places = decimals.get(c, 1)
            text = pl.col(c).round(places).map_batches(
                lambda s, p=places: pl.Series([fmt.num(v, p, "id") if v is not None else None for v in s.to_list()],
                                              dtype=pl.String),
                return_dtype=pl.String,
            )
            exprs.append(text.alias(c))
    return (frame.with_columns(exprs) if exprs else frame).rename({c: col(c) for c in frame.columns})


def about(f: Filters | None, title: str) -> list[tuple[str, str]]:
    """Rows for the Excel 'about' sheet: table, filters, as-of time and the loads behind it."""
    fresh = q("freshness")
    hist = q("load_history")
    loads = "; ".join(
        f"#{r['load_id']} {r['berkas']} ({r['status']}, {r['dimuat']})" for r in hist.head(30).iter_rows(named=True)
    )
    rows = [(("Tabel" if lang() == "id" else "Table"), title)]
    if f is not None:
        rows += describe(f)
    rows += [
        ("Data per" if lang() == "id" else "Data as of", fmt.day(fresh["waktu"], lang())),
        ("Pemuatan" if lang() == "id" else "Loads", loads),
    ]
    return rows


def show(frame: pl.DataFrame, key: str, title: str, f: Filters | None, decimals: dict[str, int] | None = None,
         links: dict[str, str] | None = None, height: int | None = None, total: int | None = None,
         full: Callable[[], pl.DataFrame] | None = None) -> None:
    """Render the table and its two download buttons; the downloads hold exactly these rows and columns.

    When the grid shows only the first rows of a longer list (`total` rows in all), `full` returns the whole
    list and the downloads hold all of it. Files are made only when a button is pressed.
    """
    decimals = decimals or {}
    links = links or {}
    if frame.is_empty():
        st.info(t("no_data"))
        return
    shown = display_frame(frame, decimals)
    audit.table_viewed(key, frame, f)
    st.dataframe(shown, hide_index=True, key=f"grid_{key}", height=height or "auto",
                 column_config=_grid_config(frame, decimals, links) if lang() == "en" else
                 {col(c): st.column_config.LinkColumn(col(c), display_text=lbl) for c, lbl in links.items()})
    # Everything the files need is fixed now: the buttons' callables run outside the page script.
    language, names, about_rows = lang(), {c: col(c) for c in frame.columns}, about(f, title) + audit.provenance()
    about_sheet = "Keterangan" if language == "id" else "About"
    partial = total is not None and total > frame.height and full is not None

    def table() -> pl.DataFrame:
        data = full() if partial else frame
        return localise(data.drop([c for c in links if c in data.columns]), decimals, names)

    c1, c2, c3 = st.columns([1, 1, 4])
    rows = total if partial else frame.height
    stamp = t("downloaded_at")
    c1.download_button(t("download_csv"), audit.logged_download(lambda: to_csv(table(), language), f"{key}.csv", f, rows),
                       file_name=f"{key}.csv", mime="text/csv", key=f"csv_{key}", on_click="ignore")
    excel = lambda: to_excel(table(), [*about_rows, (stamp, audit.now_text())], sheet=title, about_sheet=about_sheet)  # noqa: E731
    c2.download_button(
        t("download_xlsx"), audit.logged_download(excel, f"{key}.xlsx", f, rows),
        file_name=f"{key}.xlsx", key=f"xlsx_{key}", on_click="ignore",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    if partial:
        c3.caption(t("rows_partial", n=fmt.num(frame.height, 0, language), total=fmt.num(total, 0, language)))
    else:
        c3.caption(t("rows", n=fmt.num(frame.height, 0, language)))
