"""Umpan balik masyarakat: IKM and mutu per service unit, NRR per unsur, respondents, comments.

Two sections (all units; one unit in detail), the chosen one and the unit in the URL.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

import ui.text_umpan_detail  # noqa: F401  (registers the labels)
from domain.survey import UNSUR
from domain.words import STOP_WORDS
from ui import cakupan, charts, fmt, urlstate
from ui.data import cached, scope, settings
from ui.i18n import col, lang, t, value_label
from ui.page import chart, filters
from ui.report_button import report_button
from ui.tables import display_frame, show
from warehouse import queries


def _unit_bars(latest: pl.DataFrame, min_n: int, ref: float, quarter: str = "") -> None:
    """IKM per unit in one quarter (`quarter` names it); units with fewer than `min_n` respondents say so in their label."""
    lg = lang()
    label = [
        f"{u} ({m}; n={fmt.num(n, 0, lg)}{' ⚠' if n < min_n else ''})"
        for u, m, n in zip(latest["unit_label"], latest["mutu"], latest["n_responden"], strict=True)
    ]
    shown = latest.with_columns(pl.Series("u", label))
    chart(
        charts.bars(
            shown,
            "ikm_konversi",
            "u",
            f"{t('ikm_units')} · {quarter}" if quarter else t("ikm_units"),
            "IKM",
            colour_by="mutu",
            colours=charts.MUTU_COLOURS,
            ref=ref,
            x_format=".2f",
            x_range=[25, 100],
            keys=[[p, o] for p, o in zip(latest["lokasi"], latest["opd"], strict=True)],
        ),
        "ikm_bar",
        ("lokasi", "opd"),
    )
    if latest["n_responden"].min() < min_n:
        st.caption("⚠ " + t("small_mark", m=min_n))


def _respondents(profile: pl.DataFrame) -> None:
    """Four small count tables (sex, education, occupation, service) of one unit and survey period."""
    fields = list(queries.SKM_PROFILE_FIELDS)
    for row in (fields[:2], fields[2:]):
        for c, field in zip(st.columns(2), row, strict=True):
            counts = profile.filter(pl.col("kolom") == field).select(pl.col("nilai").alias(field), "jumlah")
            c.dataframe(display_frame(counts), hide_index=True, key=f"resp_{field}", placeholder="–")


def _words(sc, key: tuple, when: str, max_score: int) -> None:
    st.subheader(t("skm_words_of", p=when))
    words = cached(queries.skm_complaint_words, sc, *key, max_score, sorted(STOP_WORDS))
    if words.is_empty():
        st.caption(t("skm_words_none"))
        return
    st.caption(t("skm_words_note", k=fmt.num(words["n_semua_keluhan"][0], 0, lang()), m=max_score))
    title = t("skm_words_of", p=when)
    show(words.drop("n_semua_keluhan"), "kata_keluhan", title, None, percent=("share_keluhan",), widths={"kata": 160})


def _comments(f, sc, key: tuple, when: str, max_score: int, groups: pl.DataFrame) -> None:
    st.subheader(t("skm_comments_of", p=when))
    text = st.text_input(t("search"), key="skm_search")
    if text:
        groups = cached(queries.skm_comment_groups, sc, *key, max_score, text)
    lg = lang()
    st.caption(t("skm_comments_note", g=fmt.num(groups.height, 0, lg), c=fmt.num(int(groups["jumlah"].sum()), 0, lg)))
    shown = groups.with_columns(pl.when(pl.col("keluhan")).then(pl.lit(t("yes"))).otherwise(pl.lit(t("no"))).alias("keluhan"))
    show(shown.select("kritik_saran", "jumlah", "keluhan", "terakhir", "u3", "u7", "u9"), "kritik_saran", t("comments"), f,
         decimals={"u3": 1, "u7": 1, "u9": 1}, widths={"kritik_saran": "large"})  # fmt: skip
    st.caption(t("scale_note") + " " + ", ".join(col(u) for u in ("u3", "u7", "u9")))


def _detail(f, sc, units: pl.DataFrame, latest: pl.DataFrame, min_n: int) -> None:
    """One unit in one survey period: every count below is of that unit's respondents in that period."""
    lg = lang()
    left, right = st.columns([3, 1])
    with left:
        unit = urlstate.choice(
            st.selectbox, "skm_unit", latest["unit_label"].to_list(), latest["unit_label"][0], label=t("service_unit")
        )
    mine = units.filter(pl.col("unit_label") == unit).sort("periode", descending=True)
    with right:
        periode = urlstate.choice(st.selectbox, "skm_periode", mine["periode"].to_list(), mine["periode"][0],
                                  label=t("skm_period"), format_func=lambda p: fmt.period(p, lg))  # fmt: skip
    row = mine.filter(pl.col("periode") == periode).row(0, named=True)
    n, when = row["n_responden"], fmt.period(row["periode"], lg)
    if n < min_n:
        st.warning(t("small_sample", n=n, m=min_n))
    nrr = pl.DataFrame({"unsur": [value_label("unsur", k) for k in UNSUR], "nrr": [row[f"nrr_{k}"] for k in UNSUR]}).sort("nrr")
    title = f"{t('nrr')} · {unit} · {when} (n={fmt.num(n, 0, lg)})"
    st.plotly_chart(charts.bars(nrr, "nrr", "unsur", title, "NRR", ref=3.0, x_format=".2f", x_range=[1, 4]), key="nrr")
    key = (row["lokasi"], row["unit_layanan"], row["periode"])
    profile = cached(queries.skm_respondent_profile, sc, *key)
    seen = int(profile.filter(pl.col("kolom") == "layanan")["jumlah"].sum())
    if seen == 0:
        st.info(t("skm_withheld"))
        return
    st.subheader(t("skm_profile_of", p=when, n=fmt.num(seen, 0, lg)))
    if seen != n:
        st.caption(t("skm_partial_view", k=fmt.num(seen, 0, lg), n=fmt.num(n, 0, lg)))
    _respondents(profile)
    max_score = int(settings().section("skm").get("keluhan_nilai_maks", 2))
    _words(sc, key, when, max_score)
    _comments(f, sc, key, when, max_score, cached(queries.skm_comment_groups, sc, *key, max_score))


def run() -> None:
    f, sc = filters(), scope()
    st.title(t("page_umpan_balik"))
    report_button("umpan_balik")
    units = fmt.with_place_label(cached(queries.ikm_units, f, sc), "unit_layanan", "unit_label")
    if units.is_empty():
        st.info(t("no_data"))
        return
    skm = settings().section("skm")
    min_n = skm["min_respondents"]
    latest = units.sort("periode").group_by("unit_label", maintain_order=True).last().sort("ikm_konversi")
    section = urlstate.section("skm_bagian", ["unit", "rincian"])
    if section == "unit":
        # one quarter for every unit, named with its months and respondents (ui.cakupan): never a mix of quarters
        quarter, words, newer = cakupan.ikm_shown_quarter(f)
        st.caption(" ".join([t("ikm_units_newer", q=newer) if newer else "", t("click_narrow")]).strip())
        one = units.filter(pl.col("periode") == quarter).sort("ikm_konversi") if quarter else latest
        _unit_bars(one if one.height else latest, min_n, skm["b_min"], words if one.height else "")
        show(
            units.select("lokasi", "unit_layanan", "periode", "n_responden", "ikm_konversi", "mutu").sort(
                "periode", "ikm_konversi", descending=[True, False]
            ),
            "ikm_unit",
            t("ikm_units"),
            f,
            decimals={"ikm_konversi": 2},
        )
    else:
        _detail(f, sc, units, latest, min_n)


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
