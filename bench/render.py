"""Page render time in headless Chromium against `streamlit run`, and the dashboard process's memory."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from bench.measure import say, summary, tree_rss
from tests.browser import (
    ALL_PLACES,
    ARGS,
    CHROMIUM,
    ROOT,
    make_app_db,
    serve,
    serve_with_sso,
    sign_in_sso,
    wait_titled,
)
from ui.page import UNFILTERED

BENCH_USER = {"sub": "bench", "email": "bench@bkpsdm.example", "name": "Bench"}
BENCH_ADMIN = {
    "username": "bench",
    "role": "admin",
    "display_name": "Bench",
    "password": None,
    "email": BENCH_USER["email"],
    "lokasi": ALL_PLACES,
}
PATHS = [
    "",
    "skor",
    "tren",
    "bandingkan",
    "umpan-balik",
    "pembinaan",
    "kasus",
    "penghargaan",
    "profil",
    "data",
    "akun",
    "log-akses",
    "panduan",
]

TITLES = {
    "": "Ringkasan",
    "skor": "Skor",
    "tren": "Tren",
    "bandingkan": "Bandingkan",
    "umpan-balik": "Umpan balik masyarakat",
    "pembinaan": "Pembinaan",
    "kasus": "Kasus pembinaan",
    "penghargaan": "Penghargaan",
    "profil": "Profil pegawai",
    "data": "Data",
    "akun": "Akun pengguna",
    "log-akses": "Log akses",
    "panduan": "Panduan",
}


def _shape(tab) -> dict[str, int]:
    """How many Plotly charts and data grids the page shows (not those in a closed expander)."""
    return {
        "charts": tab.locator("[data-testid='stPlotlyChart']:visible").count(),
        "grids": tab.locator("[data-testid='stDataFrame']:visible").count(),
    }


def _floor_time(ctx, floor_url: str, shape: dict[str, int], path: str = "", filters: bool = True) -> float:
    """One open of the floor page (the dashboard's frame, with the sidebar filters unless `filters` is false) with
    the same number of charts and grids, in a new tab like the page; at the root address, or with `path` at a page
    address. Done as a page is: the script finished and the heading, every chart and every grid drawn."""
    tab = ctx.new_page()
    started = time.perf_counter()
    query = f"charts={shape['charts']}&grids={shape['grids']}&title=Lantai" + ("" if filters else "&filters=0")
    tab.goto(f"{floor_url}/{path}?{query}")
    wait_titled(tab, "Lantai")
    ms = (time.perf_counter() - started) * 1000
    tab.close()
    return ms


def render(warehouse: Path, runs: int, nip: str) -> dict:
    """Milliseconds until each page is fully rendered, two ways.

    The dashboard runs as deployed with single sign-on (a local OpenID Connect provider, an admin who sees
    every place), and the browser has signed in once, so each new tab is signed in by Streamlit's auth cookie
    and pays what a signed-in leader's new tab pays: the identity check, the account lookup and the access log.

    open: the page's address opened in a new tab (a new session; the browser has the app's scripts
    cached, as for anyone who has used the dashboard before); the very first open after the server
    starts (cold caches everywhere) is kept apart. Beside each page, its floor (bench/floor_app.py): the
    dashboard's own frame as the router draws it for this admin (the navigation, the language switch, the
    account box, the freshness line and, on the pages the router draws them on, the period and place filters),
    computed from nothing, around the same number of Plotly charts and grids; served and opened the same way in
    the same run, each floor open right after a page open; `floor_ratio` is the median of those pairs' ratios,
    `deep_floor_ratio` the same against the floor opened at a page address (`/lantai`).

    switch: moving to the page from the sidebar in a session that is already open, which is how a leader goes
    from page to page.
    """
    from playwright.sync_api import sync_playwright

    out: dict = {"pages": {}}
    with (
        serve_with_sso(warehouse, warehouse.parent / "staging", [BENCH_ADMIN], [BENCH_USER]) as (url, _db, proc),
        serve(warehouse, warehouse.parent / "staging", ROOT / "bench" / "floor_app.py") as (floor_url, _floor),
    ):
        out["idle_rss_bytes"] = tree_rss(proc.pid)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
            first = ctx.new_page()
            sign_in_sso(first, url, BENCH_USER["sub"])
            first.close()
            opened: dict[str, list[float]] = {}
            floor: dict[str, dict] = {}
            errors = 0
            pair_ratios: dict[str, list[float]] = {}
            deep_ratios: dict[str, list[float]] = {}
            for path in PATHS:
                target = f"{url}/{path}" + (f"?nip={nip}" if path == "profil" else "")
                opened[path], floors, pair_ratios[path], deep, deep_ratios[path] = [], [], [], [], []
                shape = None
                filtered = path not in UNFILTERED  # the router draws the sidebar filters on this page
                # page and floor opened in turn, so a slow spell of the machine falls on both alike
                for i in range(runs + 1):
                    tab = ctx.new_page()
                    started = time.perf_counter()
                    tab.goto(target)
                    wait_titled(tab, TITLES[path])
                    opened[path].append((time.perf_counter() - started) * 1000)
                    errors += tab.locator("[data-testid='stException']").count()
                    shape = shape or _shape(tab)
                    tab.close()
                    floors.append(_floor_time(ctx, floor_url, shape, filters=filtered))
                    # a page at a page address beside the same floor at a page address (Ringkasan is at the root)
                    deep.append(_floor_time(ctx, floor_url, shape, "lantai", filtered) if path else floors[-1])
                    if i:
                        pair_ratios[path].append(opened[path][-1] / floors[-1])
                        deep_ratios[path].append(opened[path][-1] / deep[-1])
                floor[path] = {**shape, **summary(floors[1:]), "deep": summary(deep[1:])}
                say(
                    f"  opened {path or 'ringkasan':12s} median {sorted(opened[path][1:])[runs // 2]:6.0f} ms, "
                    f"floor ({shape['charts']} charts, {shape['grids']} grids) {floor[path]['median']:6.0f} ms, "
                    f"ratio {sorted(pair_ratios[path])[runs // 2]:.2f}"
                )
            switched: dict[str, list[float]] = {path: [] for path in PATHS}
            tab = ctx.new_page()
            tab.goto(f"{url}/data")
            wait_titled(tab, TITLES["data"])
            for _ in range(runs):
                for path in PATHS:
                    if path == "profil":
                        continue  # reached from a list's link, not the sidebar; measured by "open"
                    link = tab.locator(f"[data-testid='stSidebarNav'] a[href$='/{path}']").first
                    started = time.perf_counter()
                    link.click()
                    wait_titled(tab, TITLES[path])
                    switched[path].append((time.perf_counter() - started) * 1000)
                    errors += tab.locator("[data-testid='stException']").count()
            tab.close()
            for path in PATHS:
                page_ms = summary(opened[path][1:])
                out["pages"][path or "ringkasan"] = {
                    "first_ms": opened[path][0],
                    **page_ms,
                    "switch": summary(switched[path]),
                    "floor": floor[path],
                    # median of the ratios of page and floor opened one after the other
                    "floor_ratio": summary(pair_ratios[path])["median"],
                    # the same against the floor opened at a page address, as the page is
                    "deep_floor_ratio": summary(deep_ratios[path])["median"],
                }
            out["errors"] = errors
            ctx.close()
            browser.close()
        out["rss_bytes"] = tree_rss(proc.pid)
    return out


def script_times(warehouse: Path, runs: int, nip: str) -> dict[str, dict]:
    """The server's share of a render: each page script alone, run in this process by Streamlit's AppTest
    (the test suite's harness) with the query cache warm after the first run, as in the app."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    os.environ["KINERJA_WAREHOUSE"] = str(warehouse)
    os.environ["KINERJA_STAGING"] = str(warehouse.parent / "staging")
    os.environ["KINERJA_APP_DB"] = make_app_db(Path(tempfile.mkdtemp(prefix="kinerja-bench-appdb-")), [BENCH_ADMIN])
    st.cache_data.clear()
    st.cache_resource.clear()
    out: dict[str, dict] = {}
    for path in PATHS:
        name = (path or "ringkasan").replace("-", "_")
        times = []
        for _ in range(runs + 1):
            at = AppTest.from_file(str(ROOT / "tests" / "app_page.py"), default_timeout=300)
            at.session_state["_page"] = name
            if name == "profil":
                at.query_params["nip"] = nip
            started = time.perf_counter()
            at.run()
            times.append((time.perf_counter() - started) * 1000)
            if at.exception:
                raise RuntimeError(f"{name}: {at.exception[0].message}")
        out[path or "ringkasan"] = summary(times[1:])
    return out
