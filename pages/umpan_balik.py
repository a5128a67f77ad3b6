"""Umpan balik masyarakat: IKM and mutu per service unit, NRR per unsur, respondents, comments.

Two sections (all units; one unit in detail), the chosen one and the unit in the URL.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from domain.survey import UNSUR
from ui import cakupan, charts, fmt, urlstate
from ui.data import cached, scope, settings
from ui.i18n import col, lang, t, value_label
from ui.page import chart, filters
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


def _respondents(resp: pl.DataFrame) -> None:
    fields = ["jenis_kelamin", "pendidikan", "pekerjaan", "layanan"]
    for row in (fields[:2], fields[2:]):
        for c, field in zip(st.columns(2), row, strict=True):
            counts = resp.group_by(field).len().sort("len", descending=True).rename({"len": "jumlah"})
            c.dataframe(display_frame(counts), hide_index=True, key=f"resp_{field}", placeholder="–")


def _detail(f, sc, units: pl.DataFrame, latest: pl.DataFrame, min_n: int) -> None:
    lg = lang()
    unit = urlstate.choice(
        st.selectbox, "skm_unit", latest["unit_label"].to_list(), latest["unit_label"][0], label=t("service_unit")
    )
    row = units.filter(pl.col("unit_label") == unit).sort("periode").row(-1, named=True)
    if row["n_responden"] < min_n:
        st.warning(t("small_sample", n=row["n_responden"], m=min_n))
    nrr = pl.DataFrame({"unsur": [value_label("unsur", k) for k in UNSUR], "nrr": [row[f"nrr_{k}"] for k in UNSUR]}).sort("nrr")
    title = f"{t('nrr')} · {unit} · {fmt.period(row['periode'], lg)} (n={fmt.num(row['n_responden'], 0, lg)})"
    st.plotly_chart(charts.bars(nrr, "nrr", "unsur", title, "NRR", ref=3.0, x_format=".2f", x_range=[1, 4]), key="nrr")
    resp = cached(queries.skm_responses, f, sc, unit=row["unit_layanan"], unit_lokasi=row["lokasi"])
    st.subheader(t("profile"))
    _respondents(resp)
    st.subheader(t("comments"))
    text = st.text_input(t("search"), key="skm_search")
    comments = cached(
        queries.skm_responses, f, sc, unit=row["unit_layanan"], text=text or None, unit_lokasi=row["lokasi"]
    ).filter(pl.col("kritik_saran").is_not_null() & (pl.col("kritik_saran") != ""))
    show(
        comments.select("tanggal", "layanan", "kritik_saran", "u3", "u7", "u9"),
        "kritik_saran",
        t("comments"),
        f,
        widths={"kritik_saran": "large"},
    )
    st.caption(t("scale_note") + " " + ", ".join(col(u) for u in ("u3", "u7", "u9")))


def run() -> None:
    f, sc = filters(), scope()
    st.title(t("page_umpan_balik"))
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
