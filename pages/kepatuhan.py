"""Kepatuhan SKP: per OPD and period, who has an SKP, a realisasi and a predikat ("sudah / belum"), those
legitimately excused counted apart, the list of those missing (for roles that see people), and the trend."""

from __future__ import annotations

from dataclasses import replace

import plotly.express as px
import polars as pl
import streamlit as st

from ui import (
    cakupan,
    fmt,
    text_talenta,  # noqa: F401  (registers the labels)
)
from ui import talenta as ut
from ui.data import cached, connection, scope, settings
from ui.i18n import col, lang, t
from ui.page import chart, filters
from ui.tables import show
from warehouse import talenta


def _headline(by_opd: pl.DataFrame) -> None:
    due = int(by_opd["n_wajib"].sum())
    cols = st.columns(4)
    for box, (key, c) in zip(
        cols, [("kep_sudah_skp", "n_skp"), ("kep_sudah_realisasi", "n_realisasi"), ("kep_sudah_rating", "n_rating")], strict=False
    ):
        have = int(by_opd[c].sum())
        box.metric(
            t(key),
            fmt.pct(have / due if due else None, 1, lang()),
            f"{t('belum')}: {fmt.num(due - have, 0, lang())}",
            delta_color="off",
            delta_arrow="off",
        )
    cols[3].metric(col("n_dikecualikan"), fmt.num(int(by_opd["n_dikecualikan"].sum()), 0, lang()))


def _trend(f, sc) -> None:
    trend = cached(talenta.compliance_trend, f, sc)
    if trend.is_empty():
        return
    trend = ut.period_columns(trend.sort("periode_mulai"), ("periode",))  # labels in the language, in time order
    long = trend.unpivot(index=["periode"], on=["share_skp", "share_realisasi", "share_rating"])
    names = {c: col(c) for c in ("share_skp", "share_realisasi", "share_rating")}
    long = long.with_columns(pl.col("variable").replace_strict(names))
    fig = px.line(
        long.to_pandas(), x="periode", y="value", color="variable", line_dash="variable", markers=True, title=t("kep_trend")
    )
    fig.update_layout(height=320, yaxis_tickformat=".1%", xaxis_title="", yaxis_title="", legend_title="")
    fig.update_xaxes(type="category")
    chart(fig, "kepatuhan_tren")


def run() -> None:
    f, sc = filters(), scope()
    st.title(t("page_kepatuhan"))
    excused = ", ".join(ut.level(x) for x in settings().section("kepatuhan")["dikecualikan"])
    st.caption(t("kep_intro", x=excused))
    periods = talenta.compliance_periods(connection())
    if not periods:
        st.info(t("no_data"))
        return
    # the period the rest of the dashboard shows (the sidebar's end: the latest complete one) unless chosen; a
    # period still loading is offered, marked, for chasing who is missing, and warned about when chosen
    partial = cakupan.partial_keys(replace(f, dari=None, sampai=None))
    start = f.sampai if f.sampai in periods else periods[0]
    periode = st.selectbox(
        t("kep_period"),
        periods,
        index=periods.index(start),
        format_func=lambda p: fmt.period(p, lang(), long=True) + (f" ({t('partial_short')})" if p in partial else ""),
        key="kep_periode",
    )
    cakupan.warn_if_partial(f, periode)
    by_opd = cached(talenta.compliance_by_opd, f, sc, periode)
    if by_opd.is_empty():
        st.info(t("no_data"))
        return
    _headline(by_opd)
    if sc.suppresses:
        st.caption(t("kep_small", k=sc.min_group))
    st.subheader(t("kep_by_opd"))
    cols = ["opd", "lokasi", "n_wajib", "share_skp", "share_realisasi", "share_rating", "n_dikecualikan"]
    show(
        by_opd.select(cols),
        "kepatuhan_opd",
        t("kep_by_opd"),
        f,
        percent=("share_skp", "share_realisasi", "share_rating"),
        height=320,
    )
    if not sc.aggregate_only:
        words = {True: t("sudah"), False: t("belum")}
        missing = cached(talenta.compliance_missing, f, sc, periode).with_columns(
            pl.col(c).replace_strict(words, return_dtype=pl.String) for c in ("ada_skp", "ada_realisasi", "ada_rating")
        )
        st.subheader(t("kep_missing"))
        show(
            missing.select("nama", "ada_skp", "ada_realisasi", "ada_rating", "opd", "unit_kerja", "jabatan", "lokasi"),
            "kepatuhan_belum",
            t("kep_missing"),
            f,
            height=300,
        )
        excl = cached(talenta.compliance_excluded, f, sc, periode)
        if excl.height:
            st.subheader(t("kep_excluded"))
            show(
                ut.words_column(excl.drop("nip"), "alasan_pengecualian"),
                "kepatuhan_dikecualikan",
                t("kep_excluded"),
                f,
                height=220,
            )
    _trend(f, sc)


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
