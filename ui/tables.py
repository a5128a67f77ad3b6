"""Show a table with localised headers and numbers, plus CSV and Excel downloads of exactly that table."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import fmt
from ui.data import q
from ui.download import to_csv, to_excel
from ui.filters import describe
from ui.i18n import col, lang, t
from warehouse.db import Filters


def localise(frame: pl.DataFrame, decimals: dict[str, int] | None = None) -> pl.DataFrame:
    """Headers in the chosen language; float columns rounded (their display format is set in the grid)."""
    decimals = decimals or {}
    out = frame.with_columns([
        pl.col(c).round(decimals.get(c, 1)) for c, d in frame.schema.items() if d in (pl.Float64, pl.Float32)
    ])
    return out.rename({c: col(c) for c in out.columns})


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
         links: dict[str, str] | None = None, height: int | None = None) -> None:
    """Render the table and its two download buttons; the downloads hold exactly these rows and columns."""
    decimals = decimals or {}
    if frame.is_empty():
        st.info(t("no_data"))
        return
    shown = display_frame(frame, decimals)
    st.dataframe(shown, hide_index=True, key=f"grid_{key}", height=height or "auto",
                 column_config=_grid_config(frame, decimals, links or {}) if lang() == "en" else
                 {col(c): st.column_config.LinkColumn(col(c), display_text=lbl) for c, lbl in (links or {}).items()})
    out = localise(frame.drop(list((links or {}).keys())), decimals)
    c1, c2, c3 = st.columns([1, 1, 4])
    c1.download_button(t("download_csv"), to_csv(out, lang()), file_name=f"{key}.csv", mime="text/csv",
                       key=f"csv_{key}", on_click="ignore")
    c2.download_button(
        t("download_xlsx"),
        to_excel(out, about(f, title), sheet=title, about_sheet="Keterangan" if lang() == "id" else "About"),
        file_name=f"{key}.xlsx", key=f"xlsx_{key}", on_click="ignore",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    c3.caption(t("rows", n=fmt.num(frame.height, 0, lang())))
