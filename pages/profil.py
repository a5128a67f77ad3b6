"""Profil pegawai: one employee's history, indicators against targets, BerAKHLAK by rater, public feedback."""

from __future__ import annotations

import polars as pl
import streamlit as st

from domain.appraisal import PREDIKAT_ORDER
from pages.tim_saya import pick_from_team
from ui import audit, charts, fmt, kasus, text_tampilan, urlstate  # noqa: F401  (text_tampilan: its labels)
from ui.data import cached, employee_exists, scope, settings
from ui.i18n import VALUES, lang, t, value_label
from ui.page import filters
from ui.report_button import report_button
from ui.tables import show
from ui.talenta import profile_boxes
from warehouse import queries
from warehouse.queries import detail_periods


def _pick() -> str | None:
    nip = st.query_params.get("nip")
    text = st.text_input(t("search_employee"), key="profil_search")
    if text:
        found = cached(queries.employee_search, scope(), text)
        if found.height:
            names = {r["nip"]: f"{r['nama']} · {r['opd']} ({r['lokasi']})" for r in found.iter_rows(named=True)}
            nip = st.selectbox(t("pick_employee"), list(names), format_func=names.get, key="profil_pick")
            st.query_params["nip"] = nip
    elif not nip and (nip := pick_from_team()):  # an Atasan picks among their own staff
        st.query_params["nip"] = nip
    return nip


def _details(detail: dict, periode: str, f, nip: str, lg: str) -> None:
    """Indicators against target and BerAKHLAK by rater role in the chosen period."""
    st.subheader(f"{t('indicators')} · {fmt.period(periode, lg)}")
    ind = detail.get("indicators", pl.DataFrame())
    if ind.is_empty():
        st.caption(t("no_indicators"))
    else:
        show(
            ind.select("periode", "indikator", "satuan", "arah", "target", "realisasi", "bobot", "capaian"),
            f"indikator_{nip[-6:]}",
            t("indicators"),
            f,
        )
    st.subheader(f"{t('behaviour_roles')} · {fmt.period(periode, lg)}")
    beh = detail.get("behaviour", pl.DataFrame())
    if beh.is_empty():
        st.caption(t("no_behaviour"))
        return
    vals = list(VALUES["nilai_berakhlak"])
    longb = beh.unpivot(index="peran_penilai", on=vals, variable_name="nilai_berakhlak", value_name="skor_nilai")
    fig = charts.grouped_bars(
        longb, "nilai_berakhlak", "skor_nilai", "peran_penilai", t("value_scores"), "0–100", "nilai_berakhlak", "peran_penilai"
    )
    st.plotly_chart(fig, key="p_beh")


def _why_pp30_differs(hist: pl.DataFrame, lg: str) -> None:
    """Where a period's predikat and its PP 30/2019 predikat stand on different steps, say why they differ."""
    step = {word: rank for word, _, rank in PREDIKAT_ORDER}
    differs = hist.filter(
        pl.col("predikat").replace_strict(step, default=None) != pl.col("predikat_pp30").replace_strict(step, default=None)
    )
    if differs.is_empty():
        return
    cfg = settings().section("pp30")
    a, b, c, d = (fmt.num(cfg[k] * 100, 0, lg) for k in ("bobot_skp", "bobot_perilaku", "bobot_skp_360", "bobot_perilaku_360"))
    periods = ", ".join(fmt.period(p, lg) for p in differs.sort("periode")["periode"].to_list()[-6:])
    st.caption(f"{t('pp30_differs', a=a, b=b, c=c, d=d)} ({periods})")


def run() -> None:
    f, sc, lg = filters(), scope(), lang()
    st.title(t("page_profil"))
    nip = _pick()
    if not nip:
        st.info(t("search_employee"))
        return
    prof = cached(queries.employee_profile, sc, nip)
    audit.profile_viewed(nip, prof is not None, prof is not None or employee_exists(nip))
    if prof is None:
        st.warning(t("not_found"))
        return
    report_button("profil", nip)
    e = prof["employee"].row(0, named=True)
    shown_nip = fmt.mask_nip(nip) if settings().section("privacy")["mask_nip"] else nip
    st.header(fmt.md(e["nama"]))
    kasus.case_link(nip)
    parts = [
        f"NIP {shown_nip}",
        e["jabatan"],
        e["unit_kerja"],
        e["opd"],
        e["lokasi"],
        " ".join(v for v in (e["status_asn"], e["golongan"]) if v),
        f"{t('atasan')}: {e['nama_atasan'] or '–'}",
    ]
    st.caption(" · ".join(fmt.md(p) for p in parts if p))
    if not e.get("aktif", True):
        st.caption(t("left_since", d=fmt.day(e["keluar_per"], lg)))
    if prof["elsewhere"]:
        st.caption(t("periods_elsewhere", n=prof["elsewhere"]))
    hist = prof["history"]
    if hist.is_empty():
        st.info(t("no_data"))
        return
    long = hist.unpivot(index="periode", on=["hasil_kerja", "perilaku"], variable_name="ukuran", value_name="nilai")
    names = {k: value_label("ukuran", k) for k in ("hasil_kerja", "perilaku")}
    st.plotly_chart(
        charts.line_by(long, "periode", "nilai", "ukuran", t("history"), t("score_0_cap"), labels=names), key="p_hist"
    )
    show(
        hist.select(
            "periode",
            "opd",
            "golongan",
            "hasil_kerja",
            "perilaku",
            "rating_hasil_kerja",
            "rating_perilaku",
            "predikat",
            "sumber_predikat",
            "nilai_pp30",
            "predikat_pp30",
        ).sort("periode", descending=True),
        f"profil_{nip[-6:]}",
        t("history"),
        f,
    )
    _why_pp30_differs(hist, lg)
    options, default = detail_periods(hist)
    if default is not None:
        periode = urlstate.choice(
            st.selectbox, "profil_periode", options, default, label=t("detail_period"), format_func=lambda k: fmt.period(k, lg)
        )
        _details(cached(queries.employee_detail, sc, nip, periode) or {}, periode, f, nip, lg)
    profile_boxes(nip)
    st.subheader(t("placements"))
    show(prof["placements"], f"penempatan_{nip[-6:]}", t("placements"), f)
    st.subheader(t("public_about"))
    fb = prof["feedback"]
    if fb.is_empty():
        st.caption(t("none_feedback"))
    else:
        show(
            fb.select("periode", "n_responden", "ikm_konversi", "nrr_kompetensi", "nrr_perilaku"),
            f"umpan_balik_{nip[-6:]}",
            t("public_about"),
            f,
            decimals={"ikm_konversi": 2, "nrr_kompetensi": 2, "nrr_perilaku": 2},
        )


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
