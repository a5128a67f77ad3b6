"""The shared sidebar filters: cascading options, kept across pages and in the URL."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import audit, fmt
from ui.data import q, scope
from ui.i18n import lang, t
from warehouse.db import Filters

PLACES = ["Bangko", "Jambi", "Belawan", "Rakumpit"]
KEYS = ["periode", "lokasi", "opd", "unit_kerja", "jenis_jabatan", "golongan", "status_asn"]


def _multi(key: str, options: list[str]) -> tuple[str, ...]:
    chosen = st.session_state.get(key) or []
    st.session_state[key] = [c for c in chosen if c in options]  # drop choices a narrower parent excluded
    return tuple(
        st.multiselect(t(key), options, key=key, placeholder=t("all"), bind="query-params", persist_state="session")
    )


def _refuse_outside(key: str, allowed: list[str]) -> None:
    """Values in the address (a shared or edited link) outside the viewer's scope are dropped and logged."""
    asked = st.query_params.get_all(key)
    outside = sorted(set(asked) - set(allowed))
    if outside:
        audit.tampered(key, outside)
        st.query_params[key] = [v for v in asked if v in allowed]
        if key in st.session_state:
            st.session_state[key] = [v for v in st.session_state[key] if v in allowed]


def sidebar() -> Filters:
    """Draw the filters and return the current selection."""
    per = q("periods")
    keys = per["periode"].to_list()
    with st.sidebar:
        st.subheader(t("filters"))
        if not keys:
            return Filters()
        default = (keys[max(0, len(keys) - 12)], keys[-1])
        if "periode" in st.session_state and not set(st.session_state["periode"]) <= set(keys):
            del st.session_state["periode"]
        dari, sampai = st.select_slider(
            t("period_range"), options=keys, value=default, key="periode",
            format_func=lambda k: fmt.period(k, lang()), bind="query-params", persist_state="session",
        )
        sc = scope()
        everything = q("filter_options", sc)  # only what the viewer's scope holds
        allowed = [p for p in PLACES if p in set(everything["lokasi"].to_list())]
        _refuse_outside("lokasi", allowed)
        _refuse_outside("opd", everything["opd"].unique().to_list())
        lok = _multi("lokasi", allowed)
        opts = q("filter_options", sc, lokasi=lok)
        opd = _multi("opd", sorted(opts["opd"].unique().to_list()))
        if opd:
            opts = opts.filter(pl.col("opd").is_in(opd))
        unit = _multi("unit_kerja", sorted(opts["unit_kerja"].unique().to_list()))
        jab = _multi("jenis_jabatan", sorted(opts["jenis_jabatan"].drop_nulls().unique().to_list()))
        gol = _multi("golongan", sorted(opts["golongan"].drop_nulls().unique().to_list()))
        sta = _multi("status_asn", sorted(opts["status_asn"].drop_nulls().unique().to_list()))
        if st.button(t("reset"), key="reset_filters"):
            for k in KEYS:
                st.session_state.pop(k, None)
            st.rerun()
    return Filters(dari, sampai, lok, opd, unit, jab, gol, sta)


def describe(f: Filters) -> list[tuple[str, str]]:
    """The filters as (label, value) pairs for a download's second sheet."""
    everything = t("all")
    return [
        (t("period_range"), f"{fmt.period(f.dari, lang())} – {fmt.period(f.sampai, lang())}"),
        *[(t(k), ", ".join(getattr(f, k)) or everything) for k in KEYS[1:]],
    ]
