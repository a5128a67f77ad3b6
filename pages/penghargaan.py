"""Penghargaan: consistent top performers and what they excelled at."""

from __future__ import annotations

import polars as pl
import streamlit as st

from coaching import read
from ui import cakupan, fmt, kasus
from ui.charts import sparkline
from ui.data import cached, connection, scope, settings
from ui.i18n import lang, t
from ui.page import filters, profile_link
from ui.report_button import report_button
from ui.tables import indicators_and_values, show
from warehouse import queries


def recognition_reason(window: int) -> pl.Expr:
    """Why listed: 'Sangat Baik 5 dari 6 periode (5 resmi)', from the mart's counts (official ones said apart)."""
    return pl.format(t("recog_reason", n=window), pl.col("n_sb"), pl.col("n_sb_resmi"), pl.col("n_sb") - pl.col("n_sb_resmi"))


def run() -> None:
    f, sc = filters(), scope()
    st.title(t("page_penghargaan"))
    report_button("penghargaan")
    data = cached(queries.recognition_list, f, sc, limit=int(settings().section("tampilan")["baris_daftar"]))
    cfg = settings().section("penghargaan")
    if data.is_empty():
        st.info(t("no_data"))
        return
    cakupan.warn_if_partial(f, data["periode"][0])  # a list as of a period still loading says so
    n = cfg["min_periods"]
    st.caption(
        t(
            "recog_intro",
            p=fmt.period(data["periode"][0], lang(), long=True),
            s=int(cfg["min_share_sangat_baik"] * n),
            n=n,
            m=fmt.num(cfg["min_score"], 0, lang()),
        )
    )
    con = connection()

    def shape(frame: pl.DataFrame) -> pl.DataFrame:  # with the awards already given (application database)
        return (
            read.recognition_list(kasus.engine(), con, sc, frame)
            .with_columns(
                indicators_and_values("indikator_unggul", "nilai_unggul", first=True).alias("unggul"),
                pl.col("tren").map_elements(sparkline, return_dtype=pl.String).alias("tren"),
                (pl.lit("/profil?nip=") + pl.col("nip")).alias("profil"),
                pl.col("penghargaan_diterima").fill_null("–"),
                recognition_reason(n).alias("alasan"),
            )
            .select(
                "nama",
                "alasan",
                "unggul",
                "rata_hasil",
                "rata_perilaku",
                "tren",
                "profil",  # before the awards received, so the link shows at 1366 px
                "penghargaan_diterima",
                "opd",
                "unit_kerja",
                "lokasi",
                "jabatan",
            )
        )

    show(
        shape(data),
        "penghargaan",
        t("page_penghargaan"),
        f,
        links={"profil": t("open_profile")},
        height=520,
        total=int(data["n_total"][0]),
        full=lambda: shape(queries.recognition_list(con, f, sc, limit=None)),
        widths={"nama": 160, "alasan": 200, "unggul": 230},
    )
    names = {r["nip"]: f"{r['nama']} · {r['opd']} ({r['lokasi']})" for r in data.iter_rows(named=True)}
    nip = st.selectbox(t("pick_employee"), list(names), format_func=names.get, key="penghargaan_pick")
    profile_link(nip)
    kasus.messages()
    kasus.award_form(data.filter(pl.col("nip") == nip).row(0, named=True))


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
