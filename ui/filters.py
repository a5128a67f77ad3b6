"""The shared sidebar filters: cascading options, kept across pages and in the URL."""

from __future__ import annotations

import polars as pl
import streamlit as st

from domain.places import PLACES
from ui import audit, cakupan, fmt, urlstate
from ui.data import cached, scope
from ui.i18n import lang, t, value_label
from warehouse import queries
from warehouse.db import LIMITED_DIMS, Filters

KEYS = ["periode", "lokasi", "opd", "unit_kerja", "jenis_jabatan", "golongan", "status_asn"]
MORE = KEYS[2:]  # drawn behind a switch, on request or whenever one of them holds a value
MORE_TOGGLE = "filters_more"


PENDING = "_pending_filters"  # narrowing asked for by a chart click, applied before the widgets are drawn


def _multi(key: str, options: list[str], translate: bool = False) -> tuple[str, ...]:
    urlstate.restore(key, options, [], multi=True)
    chosen = st.multiselect(
        t(key),
        options,
        key=key,
        placeholder=t("all"),
        persist_state="session",
        format_func=(lambda v: value_label(key, v)) if translate else str,
    )
    urlstate.publish(key, chosen, [])
    return tuple(chosen)


def narrow(**values: list[str]) -> None:
    """Ask for the sidebar filters to be set to these values (a chart click) and rerun the page."""
    st.session_state[PENDING] = values
    st.session_state["_narrowed"] = st.session_state.get("_narrowed", 0) + 1
    st.rerun()


def _apply_pending() -> None:
    for k, v in (st.session_state.pop(PENDING, None) or {}).items():
        st.session_state[k] = list(v)
        if k == "lokasi":  # a new place: a remembered OPD or unit elsewhere would empty the view
            st.session_state.pop("unit_kerja", None)


def reset() -> None:
    """Every filter back to its default, the URL too; the less used filters folded away again."""
    urlstate.clear(KEYS)
    st.session_state.pop(MORE_TOGGLE, None)


def _more_open() -> bool:
    """Whether to draw the less used filters. Each drawn filter costs the browser time on every new tab, and
    most views use the period and the place only, so the other five are drawn when asked for; but a filter
    in force (from the address, a chart click or an earlier choice) is never hidden: while one holds a value
    they stay open and the switch is locked."""
    held = any(st.session_state.get(k) for k in MORE) or any(st.query_params.get_all(k) for k in MORE)
    if held:
        st.session_state[MORE_TOGGLE] = True
    return st.toggle(
        t("more_filters"),
        key=MORE_TOGGLE,
        disabled=held,
        help=t("more_filters_held") if held else t("more_filters_help"),
        persist_state="session",
    )


def _refuse_outside(key: str, allowed: list[str]) -> None:
    """Values in the address (a shared or edited link) outside the viewer's scope are dropped, logged and said
    on screen (the values named as the link gave them: whether they exist anywhere is not told)."""
    asked = st.query_params.get_all(key)
    outside = sorted(set(asked) - set(allowed))
    if outside:
        audit.tampered(key, outside)
        st.query_params[key] = [v for v in asked if v in allowed]
        if key in st.session_state:
            st.session_state[key] = [v for v in st.session_state[key] if v in allowed]
        st.warning(t("link_outside", what=t(key), values=fmt.md(", ".join(outside))), icon=":material/block:")


def _splitting(opts: pl.DataFrame) -> tuple[tuple[str, ...], ...]:
    """The filters that split an OPD (unit, jabatan, golongan, status): for viewers who may see people."""
    return (
        _multi("unit_kerja", sorted(opts["unit_kerja"].unique().to_list())),
        _multi("jenis_jabatan", sorted(opts["jenis_jabatan"].drop_nulls().unique().to_list()), translate=True),
        _multi("golongan", sorted(opts["golongan"].drop_nulls().unique().to_list())),
        _multi("status_asn", sorted(opts["status_asn"].drop_nulls().unique().to_list())),
    )


def sidebar() -> Filters:
    """Draw the filters and return the current selection."""
    per = cached(queries.periods)
    keys = per["periode"].to_list()
    _apply_pending()
    with st.sidebar:
        st.subheader(t("filters"))
        if not keys:
            return Filters()
        # the default range ends at the latest complete period (ui.cakupan), never at a month still loading
        end = cakupan.default_end(Filters(), keys) or keys[-1]
        default = (keys[max(0, keys.index(end) - 11)], end)
        urlstate.restore("periode", keys, default, pair=True)
        dari, sampai = st.select_slider(
            t("period_range"),
            options=keys,
            value=default,
            key="periode",
            format_func=lambda k: fmt.period(k, lang()),
            persist_state="session",
            help=t("period_help"),
        )
        urlstate.publish("periode", (dari, sampai), default)
        for line in cakupan.range_notes(keys, end):
            st.caption(line)
        sc = scope()
        everything = cached(queries.filter_options, sc)  # only what the viewer's scope holds
        allowed = [p for p in PLACES if p in set(everything["lokasi"].to_list())]
        _refuse_outside("lokasi", allowed)
        _refuse_outside("opd", everything["opd"].unique().to_list())
        _refuse_outside("unit_kerja", everything["unit_kerja"].drop_nulls().unique().to_list())
        if sc.suppresses:  # no filter that splits an OPD for a viewer whose small groups are withheld
            for key in LIMITED_DIMS:
                _refuse_outside(key, [])
        lok = _multi("lokasi", allowed)
        opd = unit = jab = gol = sta = ()
        if _more_open():
            opts = cached(queries.filter_options, sc, lokasi=lok)
            opd = _multi("opd", sorted(opts["opd"].unique().to_list()))
            if opd:
                opts = opts.filter(pl.col("opd").is_in(opd))
            if not sc.suppresses:
                unit, jab, gol, sta = _splitting(opts)
        if lok or opd or unit or jab or gol or sta or (dari, sampai) != default:  # nothing to reset otherwise
            st.button(t("reset"), key="reset_filters", on_click=reset, icon=":material/restart_alt:")
    return Filters(dari, sampai, lok, opd, unit, jab, gol, sta)


def describe(f: Filters) -> list[tuple[str, str]]:
    """The filters as (label, value) pairs for a download's second sheet."""
    everything = t("all")
    return [
        (t("period_range"), f"{fmt.period(f.dari, lang())} – {fmt.period(f.sampai, lang())}"),
        *[(t(k), ", ".join(getattr(f, k)) or everything) for k in KEYS[1:]],
    ]
