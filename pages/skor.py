"""Skor: score distributions by OPD and place, predikat mix, a place x OPD heatmap, indicators against target.

Four sections, one at a time (each about two screens); the chosen section is in the URL.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import cakupan, charts, fmt, small, urlstate
from ui.data import cached, scope, settings
from ui.i18n import lang, t
from ui.page import chart, filters, people_link, score_axis
from ui.report_button import report_button
from ui.tables import show
from warehouse import queries

SECTIONS = ["sebaran", "opd", "indikator", "penilai"]


def _source_labels(frame: pl.DataFrame, names: list[str]) -> list[str]:
    """Each bar's name with where its predikat come from ("Jambi · predikat 100% resmi")."""
    return [f"{n} · {cakupan.source_words(r, p)}" for n, r, p in zip(names, frame["n_resmi"], frame["n"], strict=True)]


def _distribution(f, sc, by_place: pl.DataFrame) -> None:
    by_place = small.with_employees(by_place, cached(queries.employee_counts, f, sc)[("lokasi",)], ["lokasi"])
    dist = cached(queries.score_distribution, f, sc)
    width = settings().section("sebaran")["bin_width"]
    left, right = st.columns(2)
    with left:
        span = f"{fmt.period(f.dari, lang())} – {fmt.period(f.sampai, lang())}" if f.dari and f.dari != f.sampai else ""
        span = span or fmt.period(f.sampai, lang())
        people = dict(zip(by_place["lokasi"].to_list(), by_place["n_pegawai"].to_list(), strict=True))
        chart(charts.histogram(dist, f"{t('score_dist')} · {span}", score_axis(), width, people), "hist")
    with right:
        chart(
            charts.predikat_stacked(
                by_place,
                "lokasi",
                t("predikat_mix") + " · " + t("lokasi"),
                labels=_source_labels(by_place, by_place["lokasi"].to_list()),
                keys=[[p] for p in by_place["lokasi"].to_list()],
            ),
            "mix_place",
            ("lokasi",),
        )
    st.caption(t("skor_basis") + " " + t("n_counts_note"))


def _by_opd(f, sc, by_opd: pl.DataFrame, min_n: int) -> None:
    st.caption(t("click_narrow") + " " + t("n_counts_note"))
    by_opd = small.with_employees(by_opd, cached(queries.employee_counts, f, sc)[("lokasi", "opd")], ["lokasi", "opd"])
    chart(charts.heatmap(by_opd, t("heatmap"), min_n), "heat", ("lokasi", "opd"))
    # the place only where two places share the OPD's name (the chart is per OPD across places)
    labels = fmt.with_place_label(by_opd, "opd", "_label")["_label"].to_list()
    keys = [[p, o] for p, o in zip(by_opd["lokasi"], by_opd["opd"], strict=True)]
    chart(
        charts.predikat_stacked(by_opd, "opd", t("predikat_mix") + " · OPD", labels=labels, keys=keys),
        "mix_opd",
        ("lokasi", "opd"),
    )
    people_link(f)
    rated = sum(pl.col(c) for c in charts.PREDIKAT_COUNT_COLS.values())
    table = by_opd.select(
        "lokasi",
        "opd",
        "n_pegawai",
        pl.col("n").alias("n_nilai"),
        "rata_hasil",
        "sd_hasil",
        "rata_perilaku",
        *[(pl.col(c) / rated).alias(k) for k, c in charts.PREDIKAT_COUNT_COLS.items()],
        (pl.col("n_resmi") / pl.when(pl.col("n") > 0).then(pl.col("n"))).alias("share_resmi"),
    )
    table = small.mark_rows(table, min_n=min_n)
    controls = [(t("section"), t("sec_opd"))]
    show(table, "skor_opd", t("page_skor"), f, percent=(*charts.PREDIKAT_COUNT_COLS, "share_resmi"), controls=controls)


def _indicators(f, sc) -> None:
    ind = cached(queries.indicator_capaian, f, sc)
    if ind.is_empty():
        st.info(t("no_data"))
        return
    st.plotly_chart(
        charts.bars(
            ind.head(25), "rata_capaian", "indikator", t("indicators"), t("capaian_axis"), ref=100.0, ref_label=t("target_line")
        ),
        key="ind",
        config=charts.PLOTLY_CONFIG,
    )
    show(
        ind.select("indikator", "satuan", "arah", "n", "rata_target", "rata_realisasi", "rata_capaian", "share_capai"),
        "capaian_indikator",
        t("indicators"),
        f,
        percent=("share_capai",),
        controls=[(t("section"), t("indicators"))],
    )


def _raters(f, sc) -> None:
    if sc.aggregate_only:  # each row names a rater: withheld for this role, and said so (not "no data")
        st.info(t("withheld_for_role"), icon=":material/visibility_off:")
        return
    cfg = settings().section("banding")
    z_min = float(cfg.get("leniency_min_z", 1.0))
    lg = lang()
    st.caption(t("leniency_note", z=fmt.num(z_min, 1, lg), k=fmt.num(cfg["min_dinilai"], 0, lg)))
    len_ = cached(queries.rater_leniency, f, sc, cfg["min_dinilai"])
    lenient = len_.filter(pl.col("z") >= z_min)
    if lenient.is_empty() and not len_.is_empty():
        st.info(t("leniency_none", z=fmt.num(z_min, 1, lg)))
        return
    show(
        lenient.head(15).select(
            "nama_penilai", "lokasi", "opd", "n_dinilai", "rata_perilaku_diberikan", "rata_hasil_dinilai", "z"
        ),
        "penilai_longgar",
        t("leniency"),
        f,
        decimals={"z": 2},
        controls=[(t("section"), t("leniency"))],
    )


def run() -> None:
    f, sc = filters(), scope()
    st.title(t("page_skor"))
    report_button("skor")
    c1, c2 = st.columns([3, 2])
    with c1:
        section = urlstate.section("skor_bagian", SECTIONS)
    with c2:  # the predikat mix compares places: which predikat it counts
        sumber = cakupan.source_control() if section in ("sebaran", "opd") else "terbaik"
    levels = cached(queries.scores_levels, f, sc, ["lokasi", "opd"], (("lokasi", "opd"), ("lokasi",)), sumber=sumber)
    by_opd, by_place = levels[("lokasi", "opd")], levels[("lokasi",)]
    if by_opd.is_empty():
        st.info(t("no_data"))
        return
    if section in ("sebaran", "opd"):
        cakupan.source_caption(f, sumber, by_place["lokasi"].to_list())
    if section == "sebaran":
        _distribution(f, sc, by_place)
    elif section == "opd":
        _by_opd(f, sc, by_opd, settings().section("banding")["min_group"])
    elif section == "indikator":
        st.subheader(t("indicators"))
        _indicators(f, sc)
    else:
        st.subheader(t("leniency"))
        _raters(f, sc)


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
