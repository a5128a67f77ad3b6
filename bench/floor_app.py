"""The render floor: the dashboard's own frame around a page holding only a title, `charts` small Plotly charts and
`grids` small grids (query parameters). A dashboard page can be no faster to draw than this page with the same
number of charts and grids, served and measured in the same run.

The frame is drawn as the dashboard (dashboard.py: main) draws it for a signed-in admin, with the same widgets and
where possible the same helpers: the language switch in the sidebar; the sidebar navigation, the dashboard's four
sections and eighteen pages with their titles, icons and addresses (each a real page drawing this floor); the
account box (ui.auth.account_lines: the name and role, the sign-out button; the 20-second session check as an
empty fragment); the two filters always drawn (ui.filters: the period range over 24 monthly periods, the place
filter over the four places) with the switch for the others; and the freshness line above the page. Nothing of it
is computed: no warehouse query, no sign-in or session check, no access log; the sign-out button signs nothing
out. `filters=0` leaves the filters out, as on the pages the shared filters don't act on (ui.page.UNFILTERED).

The same floor answers at the root address (`/`, Ringkasan's) and at a page address (`/lantai`, a hidden page):
Streamlit's browser code, opened at a page address, first looks for the server under that address and tries the
root 100 ms later, a cost every dashboard page but the first pays and the root floor does not."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import plotly.graph_objects as go
import polars as pl
import streamlit as st

# `streamlit run bench/floor_app.py` puts bench/ on the path, not the project's folder
if (root := str(Path(__file__).resolve().parent.parent)) not in sys.path:
    sys.path.insert(0, root)

import ui.text_arsip  # noqa: E402, F401  (registers page titles)
import ui.text_reports  # noqa: E402, F401
import ui.text_talenta  # noqa: E402, F401
from domain.places import PLACES  # noqa: E402
from ui.auth import account_lines  # noqa: E402
from ui.filters import default_range, more_open, period_range, place_filter  # noqa: E402
from ui.i18n import t  # noqa: E402
from ui.page import address, freshness_line  # noqa: E402

st.set_page_config(page_title="Dasbor Kinerja ASN", page_icon="📊", layout="wide")
st.set_option("client.disableDataExport", True)

# The navigation an admin sees (dashboard.py: _pages; Tim saya is listed for an Atasan only), section title key ->
# (page title key, icon); tests/test_scale.py checks that it draws the dashboard's navigation
NAV: dict[str, list[tuple[str, str]]] = {
    "section_analysis": [
        ("page_ringkasan", ":material/home:"),
        ("page_skor", ":material/bar_chart:"),
        ("page_tren", ":material/trending_up:"),
        ("page_bandingkan", ":material/balance:"),
        ("page_umpan_balik", ":material/forum:"),
        ("page_kalibrasi", ":material/tune:"),
        ("page_talenta", ":material/grid_view:"),
        ("page_kepatuhan", ":material/task_alt:"),
        ("page_arsip", ":material/history:"),
    ],
    "section_people": [
        ("page_pembinaan", ":material/support:"),
        ("page_kasus", ":material/assignment:"),
        ("page_penghargaan", ":material/military_tech:"),
        ("page_profil", ":material/person:"),
    ],
    "section_admin": [
        ("page_data", ":material/database:"),
        ("page_akun", ":material/manage_accounts:"),
        ("page_log_akses", ":material/policy:"),
    ],
    "section_help": [
        ("page_langganan", ":material/mail:"),
        ("page_panduan", ":material/menu_book:"),
    ],
}
PERIODS = [f"{y}-{m:02d}" for y in (2025, 2026) for m in range(1, 13)]  # 24 monthly periods, as in the warehouse
# what queries.freshness answers, made up
FRESH = {"waktu": datetime(2026, 12, 7, 21, 13), "dari": PERIODS[0], "sampai": PERIODS[-1], "n_periode": 24, "ditolak": 0}
USER = ("Bench", "admin")  # the benchmark's account (bench/render.py: BENCH_ADMIN)


def floor() -> None:
    charts = int(st.query_params.get("charts", 0))
    grids = int(st.query_params.get("grids", 0))
    st.title(st.query_params.get("title", "Lantai"))
    for i in range(charts):
        st.plotly_chart(go.Figure(go.Scatter(x=list(range(12)), y=[(i + k) % 7 for k in range(12)])), key=f"c{i}")
    for i in range(grids):
        st.dataframe(pl.DataFrame({"a": list(range(10)), "b": [k * 1.5 for k in range(10)]}), key=f"g{i}")


@st.fragment(run_every=20)
def _session_check() -> None:
    """Where the account box checks every 20 s that the session still holds (ui.auth.watch_session): nothing here."""


def main() -> None:
    st.sidebar.radio(
        t("language"), ["Bahasa Indonesia", "English"], key="lang", horizontal=True, bind="query-params", persist_state="session"
    )
    pages = {
        t(section): [
            st.Page(floor, title=t(key), icon=icon, url_path=address(key), default=key == "page_ringkasan")
            for key, icon in entries
        ]
        for section, entries in NAV.items()
    }
    pages[t("section_analysis")].append(st.Page(floor, title="Lantai", url_path="lantai", visibility="hidden"))
    nav = st.navigation(pages, expanded=True)
    with st.sidebar:
        account_lines(*USER)  # pressed, it signs nothing out: the run just goes on
        _session_check()
    if st.query_params.get("filters", "1") != "0":
        with st.sidebar:
            st.subheader(t("filters"))
            period_range(PERIODS, default_range(PERIODS, PERIODS[-1]))
            place_filter(list(PLACES))
            more_open()  # switched on, nothing more is drawn
    slot = st.empty()  # the freshness line, filled after the page as in the dashboard
    nav.run()
    slot.caption(freshness_line(FRESH))


main()
