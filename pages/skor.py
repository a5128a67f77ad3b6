"""Skor: score distributions by OPD and place, predikat mix, a place x OPD heatmap, indicators against target."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import charts
from ui.data import q, scope, settings
from ui.i18n import t
from ui.page import filters
from ui.tables import show


def run() -> None:
    f, sc = filters(), scope()
    st.title(t("page_skor"))
    levels = q("scores_levels", f, sc, ["lokasi", "opd"], (("lokasi", "opd"), ("lokasi",)))
    by_opd, by_place = levels[("lokasi", "opd")], levels[("lokasi",)]
    if by_opd.is_empty():
        st.info(t("no_data"))
        return
    dist = q("score_distribution", f, sc)
    left, right = st.columns(2)
    width = settings().section("sebaran")["bin_width"]
    left.plotly_chart(charts.histogram(dist, t("score_dist"), t("hasil_kerja"), width), key="hist")
    right.plotly_chart(charts.predikat_stacked(by_place, "lokasi", t("predikat_mix") + " · " + t("lokasi")),
                       key="mix_place")
    st.plotly_chart(charts.heatmap(by_opd, t("heatmap")), key="heat")
    labelled = by_opd.with_columns((pl.col("lokasi") + " · " + pl.col("opd")).alias("kelompok"))
    st.plotly_chart(charts.predikat_stacked(labelled, "kelompok", t("predikat_mix") + " · OPD"), key="mix_opd")
    show(by_opd.select("lokasi", "opd", "n", "rata_hasil", "sd_hasil", "rata_perilaku", *charts.PREDIKAT_COUNT_COLS.values())
         .rename({v: k for k, v in charts.PREDIKAT_COUNT_COLS.items()}), "skor_opd", t("page_skor"), f)
    st.subheader(t("indicators"))
    ind = q("indicator_capaian", f, sc)
    if ind.height:
        st.plotly_chart(charts.bars(ind.head(25), "rata_capaian", "indikator", t("indicators"),
                                    "% " + t("hasil_kerja").split(" (")[0], ref=100.0), key="ind")
        show(ind.select("indikator", "satuan", "arah", "n", "rata_target", "rata_realisasi", "rata_capaian",
                        "share_capai"), "capaian_indikator", t("indicators"), f, decimals={"share_capai": 3})
    st.subheader(t("leniency"))
    len_ = q("rater_leniency", f, sc)
    show(len_.head(15).select("nama_penilai", "lokasi", "opd", "n_dinilai", "rata_perilaku_diberikan",
                              "rata_hasil_dinilai", "z"), "penilai_longgar", t("leniency"), f, decimals={"z": 2})


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
