"""Rezim terdahulu: PP 46/2011 prestasi kerja and the KepmenPAN 25/2004 IKM, read apart from today's figures."""

from __future__ import annotations

import streamlit as st

import ui.text_arsip  # noqa: F401  (registers the labels)
from ui import fmt
from ui.data import cached, scope, settings
from ui.i18n import lang, t
from ui.page import filters
from ui.tables import show
from warehouse import legacy


def run() -> None:
    f, sc = filters(), scope()
    st.title(t("page_arsip"))
    st.caption(t("arsip_intro"))
    held = cached(legacy.has_any)
    if not held["pp46"] and not held["ikm2004"]:
        st.info(t("arsip_empty"))
        return
    _pp46(f, sc)
    _ikm2004(f, sc)


def _pp46(f, sc) -> None:
    st.subheader(t("arsip_pp46"))
    cfg = settings().section("pp46")
    num = lambda v: fmt.num(v, 0, lang())  # noqa: E731
    st.caption(
        t(
            "arsip_pp46_rule",
            s=num(cfg["bobot_skp"] * 100),
            p=num(cfg["bobot_perilaku"] * 100),
            b=num(cfg["buruk_max"]),
            k=num(cfg["kurang_max"]),
            c=num(cfg["cukup_max"]),
            g=num(cfg["baik_max"]),
        )
    )
    if sc.aggregate_only:
        st.caption(t("arsip_pp46_withheld", k=sc.min_group))
    summary = cached(legacy.pp46_summary, f, sc)
    if summary.is_empty():
        st.info(t("arsip_none_small", k=sc.min_group) if sc.suppresses else t("arsip_pp46_none"))
        return
    show(summary, "arsip_pp46", t("arsip_pp46"), f, decimals={"rata_prestasi": 2, "rata_skp": 2, "rata_perilaku_pp46": 2})
    differ = int(summary["n_beda_sebutan"].sum())
    if differ:
        st.caption(t("arsip_pp46_beda", n=fmt.num(differ, 0, lang())))
    if not sc.aggregate_only:
        people = cached(legacy.pp46_people, f, sc)
        if not people.is_empty():
            st.markdown(f"**{t('arsip_pp46_people')}**")
            show(
                people,
                "arsip_pp46_pegawai",
                t("arsip_pp46_people"),
                f,
                decimals={"nilai_skp": 2, "nilai_perilaku": 2, "nilai_prestasi": 2, "nilai_prestasi_berkas": 2},
                height=420,
            )


def _ikm2004(f, sc) -> None:
    st.subheader(t("arsip_ikm2004"))
    st.caption(t("arsip_ikm2004_rule"))
    units = cached(legacy.ikm2004_units, f, sc)
    if units.is_empty():
        st.info(t("arsip_none_small", k=sc.min_group) if sc.suppresses else t("arsip_ikm2004_none"))
        return
    show(units, "arsip_ikm2004", t("arsip_ikm2004"), f, decimals={"ikm": 3, "ikm_konversi": 2})


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
