"""Tren: scores and predikat shares over periods by place or OPD, period-over-period change, IKM over time."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import cakupan, charts, fmt, urlstate
from ui.data import cached, scope, settings
from ui.i18n import col, lang, t
from ui.page import filters, score_axis
from ui.report_button import report_button
from ui.tables import show
from warehouse import queries

TOP_OPD = 8


def _shares(per: pl.DataFrame) -> pl.DataFrame:
    """Predikat shares per period among employee-periods with a predikat."""
    counts = list(charts.PREDIKAT_COUNT_COLS.values())
    total = per.group_by("periode").agg(pl.col(c).sum() for c in counts).with_columns(pl.sum_horizontal(counts).alias("n"))
    return total.unpivot(index=["periode", "n"], on=counts, variable_name="kode", value_name="jumlah").with_columns(
        (pl.col("jumlah") / pl.when(pl.col("n") > 0).then(pl.col("n")) * 100).alias("persen"),
        pl.col("kode").replace_strict({v: k for k, v in charts.PREDIKAT_COUNT_COLS.items()}).alias("predikat"),
    )


def run() -> None:
    f, sc = filters(), scope()
    st.title(t("page_tren"))
    report_button("tren")
    c1, c2 = st.columns(2)
    with c1:
        section = urlstate.section("tren_bagian", ["skor", "predikat", "ikm"], prefix="sec_tren_")
    with c2:
        group = urlstate.choice(
            st.segmented_control,
            "tren_group",
            ["lokasi", "opd"],
            "lokasi",
            label=t("group_by"),
            format_func=col,
            required=True,
            disabled=section == "ikm",
        )
    # an OPD is always grouped with its place: two places' same-named OPDs stay two lines
    per = cached(queries.scores_by, f, sc, [group, "periode"] if group == "lokasi" else ["lokasi", group, "periode"])
    if group != "lokasi":
        per = fmt.with_place_label(per, group, group)
    if per.is_empty():
        st.info(t("no_data"))
        return
    min_n = settings().section("banding")["min_group"]
    # partial periods from the warehouse's coverage of the places shown (ui.cakupan), the same on every chart
    partial = cakupan.partial_keys(f, per["lokasi"].unique().to_list())
    highlight = None
    if group == "opd" and per["opd"].n_unique() > TOP_OPD:
        highlight = per.group_by("opd").agg(pl.col("n").sum()).sort("n", descending=True).head(TOP_OPD)["opd"].to_list()
    if section == "skor":
        if highlight:
            st.caption(t("top_opd", k=TOP_OPD))
        colours = charts.PLACE_COLOURS if group == "lokasi" else None
        st.plotly_chart(
            charts.line_by(
                per,
                "periode",
                "rata_hasil",
                group,
                t("trend_score"),
                score_axis(),
                colours,
                highlight=highlight,
                min_n=min_n,
                partial=partial,
                partial_note=cakupan.note(),
            ),
            key="trend_score",
        )
        change = per.sort(group, "periode").with_columns(
            (pl.col("rata_hasil") - pl.col("rata_hasil").shift(1).over(group)).alias("perubahan")
        )
        st.subheader(t("change_pop"))
        change = cakupan.mark_column(change, f)
        cols = [group, "periode", "n", "rata_hasil", "perubahan", "cakupan"]
        show(change.select(cols), "tren_perubahan", t("change_pop"), f, height=320)
    elif section == "predikat":
        changes = cakupan.source_changes(f)  # where official predikat replace computed ones, or the reverse
        fig = charts.line_by(
            _shares(per),
            "periode",
            "persen",
            "predikat",
            t("trend_predikat"),
            "%",
            charts.PREDIKAT_COLOURS,
            partial=partial,
            partial_note=cakupan.note(),
            marks={p: t("source_changes") for p in changes},
        )
        st.plotly_chart(fig, key="trend_pred")
        for p, items in sorted(changes.items()):
            st.caption(f"┆ {fmt.period(p, lang())}: {t('source_changes')} — {'; '.join(items)}. {t('help_source')}")
    else:
        ikm = cached(queries.ikm_by_place, f, sc)
        if ikm.is_empty():
            st.info(t("no_data"))
            return
        st.plotly_chart(
            charts.line_by(
                ikm.rename({"n_responden": "n"}),
                "periode",
                "ikm_konversi",
                "lokasi",
                t("trend_ikm"),
                "IKM",
                charts.PLACE_COLOURS,
                min_n=settings().section("skm")["min_respondents"],
                y_format=".2f",
                partial=cakupan.ikm_partial_keys(f),
                partial_note=cakupan.ikm_note(),
            ),
            key="trend_ikm",
        )


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
