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


def _multi(key: str, options: list[str], translate: bool = False, labels: dict[str, str] | None = None) -> tuple[str, ...]:
    urlstate.restore(key, options, [], multi=True)
    shown = (lambda v: labels.get(v, v)) if labels else (lambda v: value_label(key, v)) if translate else str
    chosen = st.multiselect(
        t(key),
        options,
        key=key,
        placeholder=t("all"),
        persist_state="session",
        format_func=shown,
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


def more_open() -> bool:
    """The switch for the less used filters, and whether to draw them. Each drawn filter costs the browser time
    on every new tab, and most views use the period and the place only, so the other five are drawn when asked
    for; but a filter in force (from the address, a chart click or an earlier choice) is never hidden: while one
    holds a value they stay open and the switch is locked."""
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


REFUSED = "_refused_in_link"  # (filter, values) refused from the address in this run, for the page's notice


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
        st.session_state.setdefault(REFUSED, []).append((key, outside))  # hook: the router says it on the page too


OPD_SEP = "::"  # an OPD choice is one place's: "Jambi::Dinas Kesehatan" in the widget and the URL


def _opd_choices(opts: pl.DataFrame) -> tuple[list[str], dict[str, str]]:
    """The OPD options as (place, OPD) codes, ordered by name then place, labelled by name, with the place added
    where two places' OPDs share the name ("Dinas Kesehatan (Jambi)")."""
    pairs = opts.select("lokasi", "opd").unique()
    shared = set(pairs.group_by("opd").len().filter(pl.col("len") > 1)["opd"].to_list())
    order = {p: i for i, p in enumerate(PLACES)}
    rows = sorted(pairs.rows(), key=lambda r: (r[1], order.get(r[0], 99), r[0]))
    codes = [f"{lok}{OPD_SEP}{opd}" for lok, opd in rows]
    labels = {c: f"{opd} ({lok})" if opd in shared else opd for c, (lok, opd) in zip(codes, rows, strict=True)}
    return codes, labels


def _expand_names(values: list[str], codes: list[str]) -> list[str]:
    """OPD names from an older link or a chart click, as the codes of every place's OPD of that name in `codes`."""
    out: list[str] = []
    for v in values:
        found = [v] if OPD_SEP in v else [c for c in codes if c.split(OPD_SEP, 1)[1] == v]
        out += [c for c in found if c not in out]
    return out


def _legacy_opd(codes: list[str]) -> None:
    """Before the OPD widget restores itself: bare OPD names (links made before the pairs, chart clicks) become
    their pairs, in the URL and in the remembered choice, so both keep working."""
    asked = st.query_params.get_all("opd")
    if any(OPD_SEP not in v for v in asked):
        st.query_params["opd"] = _expand_names(asked, codes)
    held = st.session_state.get("opd")
    if held and any(OPD_SEP not in v for v in held):
        st.session_state["opd"] = _expand_names(list(held), codes)


def _opd(opts: pl.DataFrame) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The OPD filter: the chosen names and the chosen (place, OPD) pairs."""
    codes, labels = _opd_choices(opts)
    _legacy_opd(codes)
    chosen = _multi("opd", codes, labels=labels)
    pairs = tuple(tuple(c.split(OPD_SEP, 1)) for c in chosen)
    return tuple(sorted({o for _, o in pairs})), pairs


def _unit_choices(opts: pl.DataFrame) -> tuple[list[str], dict[str, str]]:
    """The unit kerja options as (place, OPD, unit) codes, ordered by name then OPD and place, labelled by name,
    with the OPD (and the place, where it differs) added where units share a name ("Sekretariat (Dinas
    Kesehatan, Jambi)"): a unit is one OPD's in one place."""
    rows = opts.select("lokasi", "opd", "unit_kerja").drop_nulls().unique().rows()
    order = {p: i for i, p in enumerate(PLACES)}
    rows = sorted(rows, key=lambda r: (r[2], r[1], order.get(r[0], 99), r[0]))
    by_name: dict[str, list[tuple[str, str, str]]] = {}
    for r in rows:
        by_name.setdefault(r[2], []).append(r)
    codes, labels = [], {}
    for lok, opd, unit in rows:
        code = OPD_SEP.join((lok, opd, unit))
        codes.append(code)
        twins = by_name[unit]
        if len(twins) == 1:
            labels[code] = unit
        elif len({(lk, o) for lk, o, _ in twins if o == opd}) > 1 or len({lk for lk, _, _ in twins}) > 1:
            labels[code] = f"{unit} ({opd}, {lok})"
        else:
            labels[code] = f"{unit} ({opd})"
    return codes, labels


def _legacy_units(codes: list[str]) -> None:
    """Bare unit names (links made before the triples, chart clicks) become the codes of every unit of that name
    among `codes`, in the URL and in the remembered choice."""
    asked = st.query_params.get_all("unit_kerja")
    if any(OPD_SEP not in v for v in asked):
        st.query_params["unit_kerja"] = _expand_units(asked, codes)
    held = st.session_state.get("unit_kerja")
    if held and any(OPD_SEP not in v for v in held):
        st.session_state["unit_kerja"] = _expand_units(list(held), codes)


def _expand_units(values: list[str], codes: list[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        found = [v] if OPD_SEP in v else [c for c in codes if c.split(OPD_SEP)[-1] == v]
        out += [c for c in found if c not in out]
    return out


def _units(opts: pl.DataFrame) -> tuple[tuple[str, ...], tuple[tuple[str, str, str], ...]]:
    """The unit kerja filter: the chosen names and the chosen (place, OPD, unit) triples."""
    codes, labels = _unit_choices(opts)
    _legacy_units(codes)
    chosen = _multi("unit_kerja", codes, labels=labels)
    triples = tuple(tuple(c.split(OPD_SEP, 2)) for c in chosen)
    return tuple(sorted({u for _, _, u in triples})), triples  # type: ignore[return-value]


def _splitting(opts: pl.DataFrame) -> tuple[tuple, ...]:
    """The filters that split an OPD (unit, jabatan, golongan, status): for viewers who may see people."""
    return (
        *_units(opts),
        _multi("jenis_jabatan", sorted(opts["jenis_jabatan"].drop_nulls().unique().to_list()), translate=True),
        _multi("golongan", sorted(opts["golongan"].drop_nulls().unique().to_list())),
        _multi("status_asn", sorted(opts["status_asn"].drop_nulls().unique().to_list())),
    )


def default_range(keys: list[str], end: str) -> tuple[str, str]:
    """The period range shown when nothing is chosen: the twelve periods up to `end`."""
    return keys[max(0, keys.index(end) - 11)], end


def period_range(keys: list[str], default: tuple[str, str]) -> tuple[str, str]:
    """The period range slider over the period codes `keys`, shown as month names, kept in the URL as codes."""
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
    return dari, sampai


def place_filter(allowed: list[str]) -> tuple[str, ...]:
    """The place filter over the places the viewer may see."""
    return _multi("lokasi", allowed)


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
        default = default_range(keys, end)
        dari, sampai = period_range(keys, default)
        for line in cakupan.range_notes(keys, end):
            st.caption(line)
        sc = scope()
        everything = cached(queries.filter_options, sc)  # only what the viewer's scope holds
        allowed = [p for p in PLACES if p in set(everything["lokasi"].to_list())]
        _refuse_outside("lokasi", allowed)
        pairs_all = everything.select("lokasi", "opd").unique().rows()
        _refuse_outside("opd", sorted({o for _, o in pairs_all} | {f"{lk}{OPD_SEP}{o}" for lk, o in pairs_all}))
        units_all = everything.select("lokasi", "opd", "unit_kerja").drop_nulls().unique().rows()
        _refuse_outside("unit_kerja", sorted({u for *_, u in units_all} | {OPD_SEP.join(r) for r in units_all}))
        if sc.suppresses:  # no filter that splits an OPD for a viewer whose small groups are withheld
            for key in LIMITED_DIMS:
                _refuse_outside(key, [])
        lok = place_filter(allowed)
        opd = unit = jab = gol = sta = pairs = triples = ()
        if more_open():
            opts = cached(queries.filter_options, sc, lokasi=lok)
            opd, pairs = _opd(opts)
            if pairs:
                chosen = pl.DataFrame(list(pairs), schema=["lokasi", "opd"], orient="row")
                opts = opts.join(chosen, on=["lokasi", "opd"], how="semi")
            if not sc.suppresses:
                unit, triples, jab, gol, sta = _splitting(opts)
        if lok or opd or unit or jab or gol or sta or (dari, sampai) != default:  # nothing to reset otherwise
            st.button(t("reset"), key="reset_filters", on_click=reset, icon=":material/restart_alt:")
    return Filters(dari, sampai, lok, opd, unit, jab, gol, sta, opd_lokasi=pairs, unit_lokasi=triples)


def describe(f: Filters) -> list[tuple[str, str]]:
    """The filters as (label, value) pairs for a download's second sheet."""
    everything = t("all")
    shared = {o for _, o in f.opd_lokasi if sum(1 for _, x in f.opd_lokasi if x == o) > 1}
    opds = [f"{o} ({lk})" if o in shared or len(f.lokasi) != 1 else o for lk, o in f.opd_lokasi]
    twins = {u for _, _, u in f.unit_lokasi if sum(1 for *_, x in f.unit_lokasi if x == u) > 1}
    units = [f"{u} ({o}, {lk})" if u in twins else u for lk, o, u in f.unit_lokasi]
    named = {"opd": opds, "unit_kerja": units}
    return [
        (t("period_range"), f"{fmt.period(f.dari, lang())} – {fmt.period(f.sampai, lang())}"),
        *[(t(k), ", ".join(named.get(k) or getattr(f, k)) or everything) for k in KEYS[1:]],
    ]
