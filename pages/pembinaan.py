"""Pembinaan: underperformers for coaching, why each is listed, what to coach on, most urgent first.

Above the list, how many are listed per OPD and per rule; the list itself leads with who, why, what to
coach on, the supervisor and the profile link, so it fits a 1366 px laptop without scrolling sideways.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from coaching import read
from domain.appraisal import COACHING_RULES
from ui import cakupan, charts, fmt, kasus
from ui.charts import sparkline
from ui.data import cached, connection, scope, settings
from ui.i18n import lang, t
from ui.page import chart, filters, profile_link
from ui.report_button import report_button
from ui.tables import indicators_and_values, show
from warehouse import queries


def rule_labels() -> dict[str, str]:
    """The three coaching rules as sentences in the chosen language, with the settings' values."""
    cfg = settings().section("pembinaan")
    return {
        "predikat": t("rule_predikat", x=cfg["predikat_trigger"]),
        "berturut": t("rule_berturut", c=fmt.num(cfg["score_cutoff"], 0, lang()), k=cfg["consecutive_periods"]),
        "tren": t("rule_tren", d=fmt.num(cfg["trend_min_drop"], 0, lang()), t=cfg["trend_periods"]),
    }


def short_labels() -> dict[str, str]:
    """The rules as short tags for the list (the caption above states them in full)."""
    cfg = settings().section("pembinaan")
    return {
        "predikat": t("tag_predikat"),
        "berturut": t("tag_berturut", c=fmt.num(cfg["score_cutoff"], 0, lang()), k=cfg["consecutive_periods"]),
        "tren": t("tag_tren", d=fmt.num(cfg["trend_min_drop"], 0, lang()), t=cfg["trend_periods"]),
    }


def reasons(frame: pl.DataFrame, labels: dict[str, str] | None = None) -> pl.DataFrame:
    """Add 'alasan' (why listed, short tags), 'fokus' (the weakest indicator and BerAKHLAK value), a text
    sparkline and a profile link."""
    labels = labels or short_labels()
    why = (
        pl.concat_list(
            # by an official predikat or by the dashboard's computed one (mart_pembinaan.sumber_predikat)
            pl.when(pl.col("aturan_predikat")).then(
                pl.col("predikat")
                + pl.when(pl.col("sumber_predikat") == "resmi")
                .then(pl.lit(f" ({t('tag_resmi')})"))
                .otherwise(pl.lit(f" ({t('tag_hitung')})"))
            ),
            pl.when(pl.col("aturan_berturut")).then(pl.lit(labels["berturut"])),
            pl.when(pl.col("aturan_tren")).then(pl.lit(labels["tren"])),
        )
        .list.drop_nulls()
        .list.join(" · ")
    )
    focus = indicators_and_values("indikator_lemah", "nilai_lemah", first=True)
    return frame.with_columns(
        why.alias("alasan"),
        focus.alias("fokus"),
        pl.col("tren").map_elements(sparkline, return_dtype=pl.String).alias("tren"),
        (pl.lit("/profil?nip=") + pl.col("nip")).alias("profil"),
    )


# who, why, what to coach on, the supervisor and the profile link first: they fit a 1366 px laptop screen
COLUMNS = [
    "nama",
    "alasan",
    "fokus",
    "nama_atasan",
    "profil",
    "status_kasus",
    "kasus",
    "opd",
    "unit_kerja",
    "lokasi",
    "hasil_kerja",
    "predikat",
    "tren",
    "jabatan",
]
WIDTHS = {"nama": 150, "alasan": 200, "fokus": 220, "nama_atasan": 140, "profil": 105, "status_kasus": 110, "kasus": 115}


def with_cases(frame: pl.DataFrame) -> pl.DataFrame:
    """Each employee's latest coaching-case status (from the application database) and a link to open one."""
    out = read.coaching_list(kasus.engine(), connection(), scope(), frame)
    # the column's header says "case status": "none yet" fits its width where "no case yet" was cut off
    labelled = kasus.labelled(out, "status_kasus", none="status_none_short")
    return labelled.with_columns((pl.lit("/kasus?nip=") + pl.col("nip")).alias("kasus"))


def _summary(f, sc, labels: dict[str, str]) -> None:
    summ = cached(queries.coaching_summary, f, sc)
    if summ.is_empty():
        return
    left, right = st.columns([3, 2])
    top = summ.head(10).with_columns((pl.col("opd") + " · " + pl.col("lokasi")).alias("kelompok"))
    with left:
        chart(
            charts.bars(
                top,
                "n",
                "kelompok",
                t("summary_opd"),
                t("people"),
                x_format=",.0f",
                keys=[[p, o] for p, o in zip(top["lokasi"], top["opd"], strict=True)],
            ),
            "coach_opd",
            ("lokasi", "opd"),
        )
    by_rule = pl.DataFrame(
        {"alasan": [labels[r] for r in COACHING_RULES], "n": [int(summ[f"n_{r}"].sum()) for r in COACHING_RULES]}
    )
    with right:
        st.plotly_chart(charts.bars(by_rule, "n", "alasan", t("summary_reason"), t("people"), x_format=",.0f"), key="coach_rule")


def run() -> None:
    f, sc = filters(), scope()
    st.title(t("page_pembinaan"))
    report_button("pembinaan")
    data = cached(queries.coaching_list, f, sc, limit=int(settings().section("tampilan")["baris_daftar"]))
    labels, tags = rule_labels(), short_labels()
    if data.is_empty():
        st.info(t("no_data"))
        return
    cakupan.warn_if_partial(f, data["periode"][0])  # a list as of a period still loading says so
    st.caption(t("coaching_intro", p=fmt.period(data["periode"][0], lang(), long=True), r="; ".join(labels.values())))
    _summary(f, sc, tags)
    con = connection()

    def full() -> pl.DataFrame:  # the whole list, for the downloads
        return with_cases(reasons(queries.coaching_list(con, f, sc, limit=None), tags)).select(COLUMNS)

    show(
        with_cases(reasons(data, tags)).select(COLUMNS),
        "pembinaan",
        t("page_pembinaan"),
        f,
        links={"profil": t("open_profile"), "kasus": t("open_case")},
        height=460,
        total=int(data["n_total"][0]),
        full=full,
        widths=WIDTHS,
    )
    st.subheader(t("open_profile"))
    names = {r["nip"]: f"{r['nama']} · {r['opd']} ({r['lokasi']})" for r in data.iter_rows(named=True)}
    nip = st.selectbox(t("pick_employee"), list(names), format_func=names.get, key="pembinaan_pick")
    profile_link(nip)
    kasus.case_link(nip)


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
