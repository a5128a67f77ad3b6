"""Page render time in headless Chromium against `streamlit run`, and the dashboard process's memory."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from bench.measure import summary, tree_rss

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PATHS = ["", "skor", "tren", "bandingkan", "umpan-balik", "pembinaan", "penghargaan", "profil", "data", "panduan"]

# Fully rendered: the script has finished (no running indicator), the page title is drawn, every
# Plotly chart has drawn its SVG and every data grid its canvas.
_DONE = """() => {
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
  if (!document.querySelector('h1')) return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]');
  for (const c of charts) { if (!c.querySelector('.main-svg')) return false; }
  const grids = document.querySelectorAll('[data-testid="stDataFrame"]');
  for (const g of grids) { if (!g.querySelector('canvas')) return false; }
  return true;
}"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


TITLES = {
    "": "Ringkasan",
    "skor": "Skor",
    "tren": "Tren",
    "bandingkan": "Bandingkan",
    "umpan-balik": "Umpan balik masyarakat",
    "pembinaan": "Pembinaan",
    "penghargaan": "Penghargaan",
    "profil": "Profil pegawai",
    "data": "Data",
    "panduan": "Panduan",
}


def wait_rendered(page, timeout_ms: int = 120_000) -> None:
    """Until the page's script has finished and every chart and grid on it is drawn."""
    page.wait_for_function(_DONE, timeout=timeout_ms, polling=50)


def _wait(page, title: str) -> None:
    page.wait_for_function(
        "(t) => { const h = document.querySelector('h1'); return h && h.innerText.trim() === t && (" + _DONE + ")(); }",
        arg=title,
        timeout=300_000,
        polling=20,
    )


@contextlib.contextmanager
def serve(
    warehouse: Path,
    staging: Path,
    script: Path = ROOT / "dashboard.py",
    env: dict | None = None,
    args: list[str] | None = None,
    port: int | None = None,
) -> Iterator[tuple[str, subprocess.Popen]]:
    """`streamlit run` of the dashboard (or another script) on a free localhost port against a warehouse,
    until it answers its health check; stopped on exit. Yields the base URL and the process. `env` adds
    environment variables (e.g. KINERJA_APP_DB), `args` Streamlit options, `port` a chosen port (default: free)."""
    port = port or _free_port()
    env = {**os.environ, "KINERJA_WAREHOUSE": str(warehouse), "KINERJA_STAGING": str(staging), **(env or {})}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(script),
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.address",
            "127.0.0.1",
            *(args or []),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).status == 200:
                    break
            except OSError:
                time.sleep(0.5)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def _shape(tab) -> dict[str, int]:
    """How many Plotly charts and data grids the page drew."""
    return {
        "charts": tab.locator("[data-testid='stPlotlyChart']").count(),
        "grids": tab.locator("[data-testid='stDataFrame']").count(),
    }


def _floor_times(ctx, floor_url: str, shape: dict[str, int], runs: int) -> dict:
    """The floor page with the same number of charts and grids, opened in a new tab like the page."""
    times = []
    for _ in range(runs + 1):
        tab = ctx.new_page()
        started = time.perf_counter()
        tab.goto(f"{floor_url}/?charts={shape['charts']}&grids={shape['grids']}&title=Lantai")
        _wait(tab, "Lantai")
        times.append((time.perf_counter() - started) * 1000)
        tab.close()
    return summary(times[1:])


def render(warehouse: Path, runs: int, nip: str) -> dict:
    """Milliseconds until each page is fully rendered, two ways.

    open: the page's address opened in a new tab (a new session; the browser has the app's scripts
    cached, as for anyone who has used the dashboard before); the very first open after the server
    starts (cold caches everywhere) is kept apart. Beside each page, its floor: a minimal Streamlit page
    (bench/floor_app.py) with the same number of Plotly charts and grids, served and opened the same way
    in the same run; `floor_ratio` is the page's median over the floor's. switch: moving to the page from the sidebar in a
    session that is already open, which is how a leader goes from page to page.
    """
    from playwright.sync_api import sync_playwright

    out: dict = {"pages": {}}
    with (
        serve(warehouse, warehouse.parent / "staging") as (url, proc),
        serve(warehouse, warehouse.parent / "staging", ROOT / "bench" / "floor_app.py") as (floor_url, _floor),
    ):
        out["idle_rss_bytes"] = tree_rss(proc.pid)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
            opened: dict[str, list[float]] = {}
            floor: dict[str, dict] = {}
            errors = 0
            for path in PATHS:
                target = f"{url}/{path}" + (f"?nip={nip}" if path == "profil" else "")
                opened[path] = []
                for _ in range(runs + 1):
                    tab = ctx.new_page()
                    started = time.perf_counter()
                    tab.goto(target)
                    _wait(tab, TITLES[path])
                    opened[path].append((time.perf_counter() - started) * 1000)
                    errors += tab.locator("[data-testid='stException']").count()
                    shape = _shape(tab)
                    tab.close()
                floor[path] = {**shape, **_floor_times(ctx, floor_url, shape, runs)}
            switched: dict[str, list[float]] = {path: [] for path in PATHS}
            tab = ctx.new_page()
            tab.goto(f"{url}/data")
            _wait(tab, TITLES["data"])
            for _ in range(runs):
                for path in PATHS:
                    if path == "profil":
                        continue  # reached from a list's link, not the sidebar; measured by "open"
                    link = tab.locator(f"[data-testid='stSidebarNav'] a[href$='/{path}']").first
                    started = time.perf_counter()
                    link.click()
                    _wait(tab, TITLES[path])
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
                    "floor_ratio": page_ms["median"] / floor[path]["median"] if floor[path]["median"] else None,
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
