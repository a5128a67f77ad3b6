"""Tren: scores and predikat shares over periods by place or OPD, period-over-period change, IKM over time."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import charts
from ui.data import q, scope
from ui.i18n import col, t
from ui.page import filters
from ui.tables import show


def run() -> None:
    f, sc = filters(), scope()
    st.title(t("page_tren"))
    group = st.segmented_control(t("group_by"), ["lokasi", "opd"], format_func=col, default="lokasi",
                                 key="tren_group", required=True)
    per = q("scores_by", f, sc, [group, "periode"])
    if per.is_empty():
        st.info(t("no_data"))
        return
    if group == "opd" and per["opd"].n_unique() > 12:
        top = per.group_by("opd").agg(pl.col("n").sum()).sort("n", descending=True).head(12)["opd"]
        per = per.filter(pl.col("opd").is_in(top.implode()))
        st.caption("12 OPD terbesar ditampilkan; persempit filter untuk OPD lain." )
    colours = charts.PLACE_COLOURS if group == "lokasi" else None
    st.plotly_chart(charts.line_by(per, "periode", "rata_hasil", group, t("trend_score"), t("hasil_kerja"),
                                   colours), key="trend_score")
    total = per.group_by("periode").agg(pl.col(c).sum() for c in ["n", *charts.PREDIKAT_COUNT_COLS.values()])
    long = total.unpivot(index=["periode", "n"], on=list(charts.PREDIKAT_COUNT_COLS.values()),
                         variable_name="kode", value_name="jumlah").with_columns(
        (pl.col("jumlah") / pl.col("n") * 100).alias("persen"),
        pl.col("kode").replace_strict({v: k for k, v in charts.PREDIKAT_COUNT_COLS.items()}).alias("predikat"))
    st.plotly_chart(charts.line_by(long, "periode", "persen", "predikat", t("trend_predikat"), "%",
                                   charts.PREDIKAT_COLOURS), key="trend_pred")
    change = per.sort(group, "periode").with_columns(
        (pl.col("rata_hasil") - pl.col("rata_hasil").shift(1).over(group)).alias("perubahan"))
    show(change.select(group, "periode", "n", "rata_hasil", "perubahan"), "tren_perubahan", t("change_pop"), f)
    ikm = q("ikm_by_place", f, sc)
    if ikm.height:
        st.plotly_chart(charts.line_by(ikm.rename({"n_responden": "n"}), "periode", "ikm_konversi", "lokasi",
                                       t("trend_ikm"), "IKM", charts.PLACE_COLOURS), key="trend_ikm")


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
