"""Bandingkan: the same kind of OPD across the four places, and OPDs within a place, with n and 95% CI."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import charts, fmt, urlstate
from ui.data import benchmark, cached, scope, settings
from ui.i18n import lang, t
from ui.page import chart, filters, people_link, score_axis
from ui.report_button import report_button
from ui.tables import show
from warehouse import queries


def run() -> None:
    f, sc = filters(), scope()
    st.title(t("page_bandingkan"))
    report_button("bandingkan")
    f, sc, bench = benchmark(f, sc)  # a pimpinan: every place as aggregates, or their own data
    narrow = () if bench else ("lokasi", "opd")  # another place's OPD is not a filter of their own data
    cfg = settings().section("banding")
    data = cached(queries.compare_opd, f, sc, cfg["min_group"], cfg["confidence"])
    if data.is_empty():
        st.info(t("no_data"))
        return
    c1, c2 = st.columns([2, 1])
    kinds = sorted(data["jenis_opd"].unique().to_list())
    with c1:
        kind = urlstate.choice(
            st.selectbox,
            "banding_jenis",
            ["*", *kinds],
            "*",
            label=t("opd_kind"),
            format_func=lambda k: t("all") if k == "*" else k,
        )
    with c2:
        mode = urlstate.choice(
            st.segmented_control,
            "banding_mode",
            ["raw", "percentile"],
            "raw",
            label=t("compare_mode"),
            format_func=t,
            required=True,
        )
    view = data if kind == "*" else data.filter(pl.col("jenis_opd") == kind)
    view = view.with_columns((pl.col("opd") + " · " + pl.col("lokasi")).alias("kelompok")).sort("rata_hasil")
    if not bench:
        st.caption(t("click_narrow"))
    if mode == "raw":
        chart(
            charts.ci_plot(view, "kelompok", "rata_hasil", "ci_bawah", "ci_atas", t("mean_score") + " (95% CI)", score_axis()),
            "ci",
            narrow,
        )
        st.caption(t("ci_note", m=cfg["min_group"]))
    else:
        ranked = view.sort("persentil", descending=True)
        chart(
            charts.bars(
                ranked,
                "persentil",
                "kelompok",
                t("percentile"),
                t("percentile"),
                colour_by="lokasi",
                colours=charts.PLACE_COLOURS,
                x_format=".0f",
                keys=[[p, o] for p, o in zip(ranked["lokasi"], ranked["opd"], strict=True)],
            ),
            "pct",
            narrow,
        )
    if not bench:
        people_link(f)
    table = st.expander(t("table_and_downloads", n=fmt.num(view.height, 0, lang())), icon=":material/table:")
    show(
        view.select(
            "jenis_opd",
            "lokasi",
            "opd",
            "n",
            "n_pegawai_periode",
            "rata_hasil",
            "ci_bawah",
            "ci_atas",
            "persentil",
            "terlalu_kecil",
        ).sort("jenis_opd", "rata_hasil", descending=[False, True]),
        "bandingkan_opd",
        t("page_bandingkan"),
        f,
        decimals={"persentil": 0},
        container=table,
    )
    table.caption(t("too_small_note", m=cfg["min_group"]))


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
