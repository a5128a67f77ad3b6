"""Umpan balik masyarakat: IKM and mutu per service unit, NRR per unsur, respondents, comments."""

from __future__ import annotations

import polars as pl
import streamlit as st

from pipelines.sources import UNSUR
from ui import charts, fmt
from ui.data import q, scope, settings
from ui.i18n import lang, t
from ui.page import filters
from ui.tables import show


def run() -> None:
    f, sc, lg = filters(), scope(), lang()
    st.title(t("page_umpan_balik"))
    units = q("ikm_units", f, sc)
    if units.is_empty():
        st.info(t("no_data"))
        return
    min_n = settings().section("skm")["min_respondents"]
    latest = units.sort("periode").group_by("unit_layanan", maintain_order=True).last().sort("ikm_konversi")
    st.plotly_chart(charts.bars(latest.with_columns((pl.col("unit_layanan") + " (" + pl.col("mutu") + ")").alias("u")),
                                "ikm_konversi", "u", t("ikm_units"), "IKM", colour_by="mutu",
                                colours=charts.MUTU_COLOURS, ref=settings().section("skm")["b_min"]), key="ikm_bar")
    show(units.select("lokasi", "unit_layanan", "periode", "n_responden", "ikm_konversi", "mutu")
         .sort("periode", "ikm_konversi", descending=[True, False]), "ikm_unit", t("ikm_units"), f,
         decimals={"ikm_konversi": 2})
    unit = st.selectbox(t("service_unit"), latest["unit_layanan"].to_list(), key="skm_unit")
    row = units.filter(pl.col("unit_layanan") == unit).sort("periode").row(-1, named=True)
    if row["n_responden"] < min_n:
        st.warning(t("small_sample", n=row["n_responden"], m=min_n))
    nrr = pl.DataFrame({"unsur": [f"{k.upper()} {v}" for k, v in UNSUR.items()],
                        "nrr": [row[f"nrr_{k}"] for k in UNSUR]}).sort("nrr")
    st.plotly_chart(charts.bars(nrr, "nrr", "unsur", f"{t('nrr')} · {unit} · {fmt.period(row['periode'], lg)}",
                                "NRR", ref=3.0), key="nrr")
    resp = q("skm_responses", f, sc, unit=unit)
    st.subheader(t("profile"))
    cols = st.columns(4)
    for c, field in zip(cols, ["jenis_kelamin", "pendidikan", "pekerjaan", "layanan"], strict=True):
        c.dataframe(resp.group_by(field).len().sort("len", descending=True).rename({"len": "n"}), hide_index=True)
    st.subheader(t("comments"))
    text = st.text_input(t("search"), key="skm_search")
    comments = q("skm_responses", f, sc, unit=unit, text=text or None).filter(
        pl.col("kritik_saran").is_not_null() & (pl.col("kritik_saran") != ""))
    show(comments.select("tanggal", "unit_layanan", "layanan", "kritik_saran", "u3", "u7", "u9"),
         "kritik_saran", t("comments"), f)


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
