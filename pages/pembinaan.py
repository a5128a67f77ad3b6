"""Pembinaan: underperformers for coaching, why each is listed, what to coach on, most urgent first."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import fmt
from ui.charts import sparkline
from ui.data import q, scope, settings
from ui.i18n import lang, t
from ui.page import filters, profile_link
from ui.tables import show

VALUES_ID = {"berorientasi_pelayanan": "Berorientasi Pelayanan", "akuntabel": "Akuntabel", "kompeten": "Kompeten",
             "harmonis": "Harmonis", "loyal": "Loyal", "adaptif": "Adaptif", "kolaboratif": "Kolaboratif"}


def reasons(frame: pl.DataFrame) -> pl.DataFrame:
    """Add 'alasan' (why listed), 'fokus' (what to coach on), a text sparkline and a profile link."""
    cfg = settings().section("pembinaan")
    r1 = t("rule_predikat", x=cfg["predikat_trigger"])
    r2 = t("rule_berturut", c=fmt.num(cfg["score_cutoff"], 0, lang()), k=cfg["consecutive_periods"])
    r3 = t("rule_tren", d=fmt.num(cfg["trend_min_drop"], 0, lang()), t=cfg["trend_periods"])
    why = pl.concat_list(
        pl.when(pl.col("aturan_predikat")).then(pl.lit(r1) + " (" + pl.col("predikat") + ")"),
        pl.when(pl.col("aturan_berturut")).then(pl.lit(r2)),
        pl.when(pl.col("aturan_tren")).then(pl.lit(r3)),
    ).list.drop_nulls().list.join("; ")
    focus = pl.concat_list(
        pl.col("indikator_lemah").fill_null([]),
        pl.col("nilai_lemah").fill_null([]).list.eval(pl.element().replace(VALUES_ID)),
    ).list.join(", ")
    return frame.with_columns(
        why.alias("alasan"), focus.alias("fokus"),
        pl.col("tren").map_elements(sparkline, return_dtype=pl.String).alias("tren"),
        (pl.lit("/profil?nip=") + pl.col("nip")).alias("profil"),
    )


def run() -> None:
    f, sc = filters(), scope()
    st.title(t("page_pembinaan"))
    data = q("coaching_list", f, sc)
    cfg = settings().section("pembinaan")
    rules = "; ".join([t("rule_predikat", x=cfg["predikat_trigger"]),
                       t("rule_berturut", c=fmt.num(cfg["score_cutoff"], 0, lang()), k=cfg["consecutive_periods"]),
                       t("rule_tren", d=fmt.num(cfg["trend_min_drop"], 0, lang()), t=cfg["trend_periods"])])
    if data.is_empty():
        st.info(t("no_data"))
        return
    st.caption(t("coaching_intro", p=fmt.period(data["periode"][0], lang()), r=rules))
    table = reasons(data).select("nama", "lokasi", "opd", "unit_kerja", "jabatan", "hasil_kerja", "predikat",
                                 "alasan", "fokus", "nama_atasan", "tren", "profil")
    show(table, "pembinaan", t("page_pembinaan"), f, links={"profil": t("open_profile")}, height=560)
    st.subheader(t("open_profile"))
    names = {r["nip"]: f"{r['nama']} · {r['opd']} ({r['lokasi']})" for r in data.iter_rows(named=True)}
    nip = st.selectbox(t("pick_employee"), list(names), format_func=names.get, key="pembinaan_pick")
    profile_link(nip)
