"""The SKM publication panel of Umpan balik: choose a unit and survey period, enter the unit's follow-up plan
(the unit's Head of OPD or an admin; kept in the application database with who and when), download the
publication (reports.skm)."""

from __future__ import annotations

import polars as pl
import streamlit as st

from appdb.reports import latest_plan, save_plan
from reports.context import Context, when_text
from reports.skm import publication, weakest
from ui import audit, fmt
from ui.auth import engine
from ui.data import cached
from ui.i18n import t, value_label
from warehouse import queries


def may_edit(ctx: Context, row: dict) -> bool:
    """Whether this reader sets the unit's plan: an admin of its place, or the Head of its OPD."""
    who = ctx.who
    if who is None:
        return False
    if who.role in ("admin", "superadmin"):
        return True
    return who.role == "kepala_opd" and row["lokasi"] in who.lokasi and row["opd"] in who.opd


def panel(ctx: Context) -> None:
    units = cached(queries.ikm_units, ctx.f, ctx.scope)
    with st.expander(t("skm_pub_title")):
        if units.is_empty():
            st.info(t("no_data"))
            return
        st.caption(t("skm_pub_intro"))
        labelled = fmt.with_place_label(units, "unit_layanan", "unit_label")
        names = labelled["unit_label"].unique().sort().to_list()
        c1, c2 = st.columns(2)
        chosen = c1.selectbox(t("skm_pub_unit"), names, key="skm_pub_unit")
        rows = labelled.filter(pl.col("unit_label") == chosen).sort("periode", descending=True)
        periode = c2.selectbox(
            t("skm_pub_period"), rows["periode"].to_list(), key="skm_pub_period", format_func=lambda p: fmt.period(p, ctx.lang)
        )
        row = rows.filter(pl.col("periode") == periode).row(0, named=True)
        _plan(ctx, row)
        lokasi, unit = row["lokasi"], row["unit_layanan"]
        eng = engine()
        file_name = f"publikasi_skm_{periode}.pdf"
        st.download_button(
            t("skm_pub_download"),
            audit.logged_download(lambda: publication(ctx, lokasi, unit, periode, eng), file_name, ctx.f, 0),
            file_name=file_name,
            mime="application/pdf",
            key="pdf_skm",
            on_click="ignore",
        )


def _plan(ctx: Context, row: dict) -> None:
    lokasi, unit, periode = row["lokasi"], row["unit_layanan"], row["periode"]
    low = ", ".join(value_label("unsur", u) for u in weakest(row))
    current = latest_plan(engine(), lokasi, unit, periode)
    if current is not None:
        st.caption(t("skm_pub_last", who=current["created_by_name"], when=when_text(current["created_at"], ctx.lang)))
    if not may_edit(ctx, row):
        st.caption(t("skm_pub_readonly"))
        if current is not None:
            st.text(current["rencana"])
        return
    key = f"skm_plan_{lokasi}_{unit}_{periode}"
    text = st.text_area(
        t("skm_pub_plan", u=low), value=current["rencana"] if current else "", key=key, help=t("skm_pub_plan_help")
    )
    if st.button(t("skm_pub_save"), key="skm_plan_save"):
        if not text.strip():
            st.warning(t("skm_pub_empty"))
        else:
            save_plan(engine(), ctx.who, lokasi, unit, periode, text)
            st.success(t("skm_pub_saved"))
