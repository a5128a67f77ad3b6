"""Bandingkan: the same kind of OPD across the four places, and OPDs within a place, with n employees and a
confidence interval; small groups carry ui.small's mark in every view, table and download."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import charts, fmt, small, urlstate
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
    # the place only where two places share the OPD's name (points are coloured by place as well)
    view = fmt.with_place_label(view, "opd", "kelompok").sort("rata_hasil")
    level = fmt.num(cfg["confidence"] * 100, 0, lang())
    if not bench:
        st.caption(t("click_narrow"))
    if mode == "raw":
        chart(
            charts.ci_plot(view, "kelompok", "rata_hasil", "ci_bawah", "ci_atas", t("mean_score_ci", c=level), score_axis()),
            "ci",
            narrow,
        )
        st.caption(t("ci_note", c=level, m=cfg["min_group"]))
    else:
        ranked = view.sort("persentil", descending=True)
        ranked = ranked.with_columns(
            pl.Series("label", [small.label(k, n) for k, n in zip(ranked["kelompok"], ranked["n"], strict=True)])
        )
        chart(
            charts.bars(
                ranked,
                "persentil",
                "label",
                t("percentile"),
                t("percentile"),
                colour_by="lokasi",
                colours=charts.PLACE_COLOURS,
                x_format=".0f",
                keys=[[p, o] for p, o in zip(ranked["lokasi"], ranked["opd"], strict=True)],
                marks=[small.is_small(n) for n in ranked["n"].to_list()],
                x_range=[0, 112],
            ),
            "pct",
            narrow,
        )
        st.caption(t("percentile_note"))
    if not bench:
        people_link(f)
    table = st.expander(t("table_and_downloads", n=fmt.num(view.height, 0, lang())), icon=":material/table:")
    rows = view.select(
        "jenis_opd",
        "lokasi",
        "opd",
        pl.col("n").alias("n_pegawai"),
        pl.col("n_pegawai_periode").alias("n_nilai"),
        "rata_hasil",
        "ci_bawah",
        "ci_atas",
        "persentil",
    ).sort("jenis_opd", "rata_hasil", descending=[False, True])
    controls = [(t("opd_kind"), t("all") if kind == "*" else kind), (t("compare_mode"), t(mode))]
    show(
        small.mark_rows(rows, min_n=cfg["min_group"]),
        "bandingkan_opd",
        t("page_bandingkan"),
        f,
        decimals={"persentil": 0},
        container=table,
        controls=controls,
        view=t(mode) if kind == "*" else f"{kind}_{t(mode)}",
    )
    table.caption(t("n_counts_note") + " " + t("ci_columns_note"))


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
