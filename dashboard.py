"""Dasbor Kinerja ASN: the router. Page config, language, shared filters, navigation. No queries, no charts."""

from __future__ import annotations

import streamlit as st
from streamlit.logger import get_logger

from pages import (
    akun,
    arsip,
    bandingkan,
    data,
    kalibrasi,
    kasus,
    kepatuhan,
    langganan,
    log_akses,
    panduan,
    pembinaan,
    penghargaan,
    profil,
    ringkasan,
    skor,
    talenta,
    tim_saya,
    tren,
    umpan_balik,
)
from ui import fmt
from ui.auth import account_box, current_principal, sign_in_page
from ui.data import cached, parquet_dir, scope, settings, version
from ui.filters import REFUSED, sidebar
from ui.i18n import t
from ui.page import PAGES, UNFILTERED, address, freshness_line, guarded
from warehouse import queries

log = get_logger(__name__)

# An emoji icon is drawn by the browser itself; a ":material/...:" page icon would be fetched from Google's font CDN at
# every page open (nothing may leave the office network).
st.set_page_config(page_title="Dasbor Kinerja ASN", page_icon="📊", layout="wide")
# Grids offer no CSV download of their own: every download goes through the logged buttons (ui/tables.py).
st.set_option("client.disableDataExport", True)


@st.cache_resource(show_spinner=False)
def _checked(ver: str) -> str:
    """Once per warehouse file: build the demo on the very first start (the embedded default), or rebuild
    the marts from staging when the file was built by an older version of the app."""
    from pipelines.demo.first_run import ensure_warehouse

    return ensure_warehouse(settings())


def _ensure_warehouse() -> None:
    if parquet_dir():
        return
    try:
        with st.spinner(t("preparing")):
            _checked(version())
    except FileNotFoundError as exc:  # an older warehouse whose staging files are gone; paths only in the log
        log.error("Warehouse %s cannot be rebuilt: staging file %s is missing", settings().warehouse, exc.filename)
        st.error(t("rebuild_failed"))
        st.stop()


def _freshness(slot) -> None:
    slot.caption(freshness_line(cached(queries.freshness)))


def main() -> None:
    _ensure_warehouse()
    st.sidebar.radio(
        t("language"), ["Bahasa Indonesia", "English"], key="lang", horizontal=True, bind="query-params", persist_state="session"
    )
    page = lambda mod, key, icon, default=False: st.Page(  # noqa: E731
        mod.run, title=t(key), icon=icon, url_path=address(key), default=default
    )
    who = current_principal()
    if who is None:
        # every page stays routable (hidden), so a shared link opens its page once signed in
        st.navigation(_pages(page, None), position="hidden")
        sign_in_page()
        return
    nav = st.navigation(_pages(page, who), expanded=True)  # every page listed: no "view more" to find Akun
    st.session_state["_page_path"] = nav.url_path
    account_box(who)
    _scope_notes(who)
    if nav.url_path not in UNFILTERED:
        st.session_state["_filters"] = sidebar()
        _refused_notice()
    slot = st.empty()  # filled after the page: a load on the Data page shows in the same run
    guarded(nav.run, nav.url_path or "ringkasan")
    guarded(lambda: _freshness(slot), "freshness")


def _refused_notice() -> None:
    """Values of a link outside the viewer's scope, said on the page itself (the sidebar's note may be out of
    sight): the page shows what the viewer may see, and why the link's choice is not there."""
    for key, values in st.session_state.pop(REFUSED, []):
        st.warning(t("link_refused_page", what=t(key), values=fmt.md(", ".join(values))), icon=":material/block:")


def _scope_notes(who) -> None:
    if scope().lokasi == ():
        st.warning(t("no_scope"))
    if not who.sees_people:
        st.sidebar.caption(t("aggregate_note", k=scope().min_group))
    elif scope().atasan is not None:
        st.sidebar.caption(t("atasan_note", k=scope().min_group))


def _pages(page, who) -> dict:
    """The pages this principal may open (all of them, hidden, before sign-in)."""
    groups = {
        t("section_analysis"): [
            page(ringkasan, "page_ringkasan", ":material/home:", True),
            page(skor, "page_skor", ":material/bar_chart:"),
            page(tren, "page_tren", ":material/trending_up:"),
            page(bandingkan, "page_bandingkan", ":material/balance:"),
            page(umpan_balik, "page_umpan_balik", ":material/forum:"),
            page(kalibrasi, "page_kalibrasi", ":material/tune:"),
            page(talenta, "page_talenta", ":material/grid_view:"),
            page(kepatuhan, "page_kepatuhan", ":material/task_alt:"),
            page(arsip, "page_arsip", ":material/history:"),
        ],
        t("section_people"): [
            page(pembinaan, "page_pembinaan", ":material/support:"),
            page(kasus, "page_kasus", ":material/assignment:"),
            page(penghargaan, "page_penghargaan", ":material/military_tech:"),
            page(profil, "page_profil", ":material/person:"),
            page(tim_saya, "page_tim_saya", ":material/groups:"),
        ],
        t("section_admin"): [
            page(data, "page_data", ":material/database:"),
            page(akun, "page_akun", ":material/manage_accounts:"),
            page(log_akses, "page_log_akses", ":material/policy:"),
        ],
        t("section_help"): [
            page(langganan, "page_langganan", ":material/mail:"),
            page(panduan, "page_panduan", ":material/menu_book:"),
        ],
    }
    if who is not None and not who.sees_people:
        del groups[t("section_people")]
    elif who is not None and who.role != "atasan":  # Tim saya lists an Atasan's own staff
        groups[t("section_people")] = [p for p in groups[t("section_people")] if p.url_path != "tim-saya"]
    if who is not None and not who.is_admin:
        del groups[t("section_admin")]
    for group in groups.values():
        for p in group:
            PAGES[p.url_path] = p
    return groups


guarded(main, "router")
