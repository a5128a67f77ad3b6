"""Penghargaan: consistent top performers and what they excelled at."""

from __future__ import annotations

import polars as pl
import streamlit as st

from pages.pembinaan import VALUES_ID
from ui import fmt
from ui.charts import sparkline
from ui.data import connection, q, scope, settings
from ui.i18n import lang, t
from ui.page import filters, profile_link
from ui.tables import show
from warehouse import queries


def run() -> None:
    f, sc = filters(), scope()
    st.title(t("page_penghargaan"))
    data = q("recognition_list", f, sc)
    cfg = settings().section("penghargaan")
    if data.is_empty():
        st.info(t("no_data"))
        return
    n = cfg["min_periods"]
    st.caption(t("recog_intro", p=fmt.period(data["periode"][0], lang()), s=int(cfg["min_share_sangat_baik"] * n),
                 n=n, m=fmt.num(cfg["min_score"], 0, lang())))
    con = connection()

    def shape(frame: pl.DataFrame) -> pl.DataFrame:
        return frame.with_columns(
            pl.concat_list(pl.col("indikator_unggul").fill_null([]),
                           pl.col("nilai_unggul").fill_null([]).list.eval(pl.element().replace(VALUES_ID)))
            .list.join(", ").alias("unggul"),
            pl.col("tren").map_elements(sparkline, return_dtype=pl.String).alias("tren"),
            (pl.lit("/profil?nip=") + pl.col("nip")).alias("profil"),
        ).select("nama", "lokasi", "opd", "unit_kerja", "jabatan", "rata_hasil", "rata_perilaku", "unggul", "tren",
                 "profil")

    show(shape(data), "penghargaan", t("page_penghargaan"), f, links={"profil": t("open_profile")}, height=520,
         total=int(data["n_total"][0]), full=lambda: shape(queries.recognition_list(con, f, sc, limit=None)))
    names = {r["nip"]: f"{r['nama']} · {r['opd']} ({r['lokasi']})" for r in data.iter_rows(named=True)}
    nip = st.selectbox(t("pick_employee"), list(names), format_func=names.get, key="penghargaan_pick")
    profile_link(nip)


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
