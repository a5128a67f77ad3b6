"""Kalibrasi: are superiors lenient or harsh, do self and peer ratings run above the superior's, who moved two or
more predikat levels since the last cycle, and the distribution curve check beside them."""

from __future__ import annotations

import plotly.express as px
import polars as pl
import streamlit as st

from ui import (
    fmt,
    text_talenta,  # noqa: F401  (registers the labels)
)
from ui import talenta as ut
from ui.data import cached, scope, settings
from ui.i18n import lang, t, value_label
from ui.page import chart, filters
from ui.tables import show
from warehouse import queries, talenta


def _raters(f, sc, cfg) -> None:
    args = (int(cfg["min_dinilai"]), float(cfg["batas_selisih"]), float(cfg["confidence"]))
    if sc.aggregate_only:
        st.subheader(t("kal_summary"))
        show(cached(talenta.calibration_summary, f, sc, *args), "kalibrasi_opd", t("kal_summary"), f)
        return
    st.subheader(t("kal_raters"))
    data = cached(talenta.rater_calibration, f, sc, *args)
    flag = (
        pl.when(pl.col("ditandai") & (pl.col("selisih_unit") > 0))
        .then(pl.lit(t("kal_flag_lenient")))
        .when(pl.col("ditandai"))
        .then(pl.lit(t("kal_flag_harsh")))
        .when(pl.col("sedikit"))
        .then(pl.lit(t("kal_few")))
        .otherwise(pl.lit(""))
    )
    cols = ["nama_penilai", "tanda", "n_dinilai", "rata_diberi", "rata_unit", "selisih_unit", "ci", "rata_lain"]
    shown = data.with_columns(flag.alias("tanda")).select(*cols, "share_sangat_baik", "opd", "lokasi")
    widths = {"tanda": "medium", "nama_penilai": 150}
    show(shown, "kalibrasi_penilai", t("kal_raters"), f, percent=("share_sangat_baik",), height=380, widths=widths)


def _gaps(f, sc) -> None:
    st.subheader(t("kal_gaps"))
    st.caption(t("kal_gaps_note"))
    show(cached(talenta.rating_gaps, f, sc), "kalibrasi_selisih", t("kal_gaps"), f, percent=("share_diri_lebih",))
    dist = cached(talenta.gap_distribution, f, sc)
    if not dist.is_empty():
        names = {"diri": t("kal_self"), "rekan": t("kal_peer")}
        dist = dist.with_columns(pl.col("jenis").replace_strict(names, return_dtype=pl.String))
        fig = px.bar(dist.to_pandas(), x="bin", y="n", color="jenis", barmode="group", title=t("kal_dist"))
        fig.update_layout(height=340, xaxis_title=t("kal_gaps_note").split(".")[0], yaxis_title="n", legend_title="")
        chart(fig, "kalibrasi_sebaran")


def _movers(f, sc, k: int) -> None:
    st.subheader(t("kal_movers", k=k))
    if sc.aggregate_only:
        return
    data = cached(talenta.big_movers, f, sc, k)
    if data.is_empty():
        st.info(t("kal_none_movers"))
        return
    cols = ["nama", "predikat_lalu", "predikat", "lompatan", "periode_lalu", "periode", "opd", "unit_kerja", "lokasi"]
    show(
        ut.period_columns(data.select(cols), ("periode_lalu", "periode")),
        "kalibrasi_lompatan",
        t("kal_movers", k=k),
        f,
        height=300,
    )


def run() -> None:
    f, sc = filters(), scope()
    cfg = settings().section("kalibrasi")
    st.title(t("page_kalibrasi"))
    conf = fmt.pct(float(cfg["confidence"]), 0, lang())
    st.caption(t("kal_intro", b=fmt.num(cfg["batas_selisih"], 1, lang()), c=conf, n=int(cfg["min_dinilai"])))
    _raters(f, sc, cfg)
    _gaps(f, sc)
    _movers(f, sc, int(cfg["lompatan_predikat"]))
    st.subheader(t("kal_curve"))
    curve = cached(queries.distribution_breaks, f, sc)
    if curve.height:  # which rule each unit breaks, in words (as Ringkasan's curve table says it)
        names = {c: value_label("pelanggaran", c) for c in curve["pelanggaran"].explode().drop_nulls().unique().to_list()}
        rule = pl.col("pelanggaran").list.eval(pl.element().replace_strict(names, default=pl.element())).list.join("; ")
        curve = curve.with_columns(rule)
    cols = ["periode", "unit_kerja", "opd", "lokasi", "predikat_organisasi", "n", "pelanggaran"]
    shown = ut.period_columns(curve.select([c for c in cols if c in curve.columns]), ("periode",))
    show(shown, "kalibrasi_kurva", t("kal_curve"), f, height=260, widths={"pelanggaran": "large"})


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
