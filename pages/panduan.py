"""Panduan: how every figure is computed, with the values of the settings in force (never hard-coded here)."""

from __future__ import annotations

import polars as pl
import streamlit as st

from domain.appraisal import MATRIX, PREDIKAT_BY_REGIME
from domain.appraisal import RATING as RATINGS
from domain.periods import HARI, WEEKDAYS
from ui import fmt, guide_talenta, urlstate
from ui.cakupan import cakupan_min
from ui.data import settings
from ui.download import zone
from ui.guide import GUIDE
from ui.i18n import lang, t, value_label


def g(key: str, **kw) -> str:
    """A guide text in the chosen language, filled with values."""
    pair = GUIDE[key]
    return (pair[1] if lang() == "en" else pair[0]).format(**kw)


def _n(v: float, decimals: int = 0) -> str:
    return fmt.num(v, decimals, lang())


def _pct(v: float) -> str:
    return fmt.pct(v, 0, lang())


def _matrix() -> pl.DataFrame:
    cells = {(h, p): pred for h, p, pred in MATRIX}
    return pl.DataFrame({g("matrix_rows"): RATINGS, **{p: [cells.get((h, p), "–") for h in RATINGS] for p in RATINGS}})


def _ordinal() -> pl.DataFrame:
    """The 1-5 ordinal per regime: which predikat of the regime in force gives which number."""
    return pl.DataFrame(
        {
            g("ordinal_regime"): list(PREDIKAT_BY_REGIME),
            **{str(5 - i): [words[i] for words in PREDIKAT_BY_REGIME.values()] for i in range(5)},
        }
    )


def _hasil() -> str:
    s = settings()
    cap, rating, roles = s.section("capaian"), s.section("rating"), s.section("perilaku")
    role_text = ", ".join(f"{value_label('peran_penilai', r)} {_pct(w)}" for r, w in roles.items() if w)
    return g(
        "hasil",
        cap=_n(cap["cap"]),
        weight_total=_n(cap["weight_total"]),
        roles=role_text,
        **{k: _n(v) for k, v in rating.items()},
    )


def _ikm() -> str:
    skm = settings().section("skm")
    weights = "1/9 " + ("tiap unsur" if lang() == "id" else "each") if skm["weights"] == "equal" else skm["weights"]
    return g(
        "ikm",
        weights=weights,
        konversi=_n(skm["konversi"]),
        a_min=_n(skm["a_min"], 2),
        b_min=_n(skm["b_min"], 2),
        c_min=_n(skm["c_min"], 2),
        min_respondents=_n(skm["min_respondents"]),
    )


def _kurva() -> str:
    k = settings().section("kurva")
    return g("kurva", **{key: (_pct(v) if isinstance(v, float) else _n(v)) for key, v in k.items()})


def _coach() -> str:
    s = settings()
    c, r = s.section("pembinaan"), s.section("penghargaan")
    return g(
        "coach",
        predikat_trigger=c["predikat_trigger"],
        score_cutoff=_n(c["score_cutoff"]),
        consecutive_periods=c["consecutive_periods"],
        trend_min_drop=_n(c["trend_min_drop"]),
        trend_periods=c["trend_periods"],
        min_sb=int(r["min_share_sangat_baik"] * r["min_periods"]),
        min_periods=r["min_periods"],
        min_score=_n(r["min_score"]),
    )


def _reports() -> str:
    s = settings()
    rep, alert = s.section("laporan"), s.section("peringatan")
    days = HARI if lang() == "id" else WEEKDAYS

    def said(text_key: str, setting: str) -> str:  # an alert switched off is not described
        return g(text_key) if alert.get(setting, True) else ""

    return g(
        "reports",
        instansi=rep.get("instansi", ""),
        weekday=days[int(rep.get("hari_mingguan", 0)) % 7],
        monthday=int(rep.get("tanggal_bulanan", 1)),
        hour=f"{int(rep.get('jam_kirim', 7)):02d}.00" if lang() == "id" else f"{int(rep.get('jam_kirim', 7)):02d}:00",
        zone=fmt.ZONE_LABELS.get(zone(), zone()),
        tries=int(rep.get("percobaan_maks", 3)),
        retry=int(rep.get("retry_minutes", 15)),
        ikm_min=_n(float(alert.get("ikm_min", 76.61)), 2),
        ikm_drop=said("reports_ikm_drop", "ikm_turun_mutu"),
        bawah=_n(float(alert.get("bawah_naik_poin", 10.0)), 1),
        kurva=said("reports_kurva", "kurva"),
        kasus=said("reports_kasus", "kasus_terlambat"),
        ditolak=_n(int(alert.get("ditolak_min", 100))),
    )


SECTIONS = ["penilaian", "aturan", "talenta"]  # views of about one and a half screens each, the choice in the URL


def run() -> None:
    st.title(t("page_panduan"))
    st.markdown(g("intro"))
    section = urlstate.section("panduan_bagian", SECTIONS)
    if section == "talenta":
        guide_talenta.render()
        return
    if section == "aturan":
        st.header(g("h_kurva"))
        st.markdown(_kurva())
        st.header(g("h_coach"))
        st.markdown(_coach())
        st.header(g("h_reports"))
        st.markdown(_reports())
        st.header(g("h_read"))
        b = settings().section("banding")
        st.markdown(
            g(
                "read",
                min_group=_n(b["min_group"]),
                confidence=_pct(b["confidence"]),
                partial=_n(cakupan_min() * 100),
                z=fmt.num(b.get("leniency_min_z", 1.0), 1, lang()),
                k=_n(b["min_dinilai"]),
            )
        )
        return
    st.header(g("h_hasil"))
    st.markdown(_hasil())
    st.subheader(g("h_matrix"))
    st.dataframe(_matrix(), hide_index=True, key="matriks")
    st.subheader(g("h_ordinal"))
    st.caption(t("ordinal_note") + " " + g("ordinal"))
    st.dataframe(_ordinal(), hide_index=True, key="ordinal")
    st.header(g("h_ikm"))
    st.markdown(_ikm())


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
