"""Bandingkan: the same kind of OPD across the four places, and OPDs within a place, with n and 95% CI."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import charts
from ui.data import q, scope, settings
from ui.i18n import col, t
from ui.page import filters
from ui.tables import show


def run() -> None:
    f, sc = filters(), scope()
    st.title(t("page_bandingkan"))
    cfg = settings().section("banding")
    data = q("compare_opd", f, sc, cfg["min_group"], cfg["confidence"])
    if data.is_empty():
        st.info(t("no_data"))
        return
    c1, c2 = st.columns([2, 1])
    kinds = sorted(data["jenis_opd"].unique().to_list())
    kind = c1.selectbox(t("opd_kind"), ["*"] + kinds, format_func=lambda k: t("all") if k == "*" else k,
                        key="banding_jenis")
    mode = c2.segmented_control(t("compare_mode"), ["raw", "percentile"], format_func=t, default="raw",
                                key="banding_mode", required=True)
    view = data if kind == "*" else data.filter(pl.col("jenis_opd") == kind)
    view = view.with_columns((pl.col("opd") + " · " + pl.col("lokasi")).alias("kelompok")).sort("rata_hasil")
    if mode == "raw":
        st.plotly_chart(charts.ci_plot(view, "kelompok", "rata_hasil", "ci_bawah", "ci_atas",
                                       t("mean_score") + " (95% CI)", t("hasil_kerja")), key="ci")
        st.caption(t("ci_note", m=cfg["min_group"]))
    else:
        st.plotly_chart(charts.bars(view.sort("persentil"), "persentil", "kelompok", t("percentile"),
                                    t("percentile"), colour_by="lokasi", colours=charts.PLACE_COLOURS), key="pct")
    show(view.select("jenis_opd", "lokasi", "opd", "n", "rata_hasil", "ci_bawah", "ci_atas", "persentil",
                     "terlalu_kecil").sort("jenis_opd", "rata_hasil", descending=[False, True]),
         "bandingkan_opd", t("page_bandingkan"), f)
    st.caption(col("terlalu_kecil") + ": " + t("too_small"))


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
