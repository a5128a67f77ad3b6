"""Fresh data everywhere, at once: after a load by the CLI or an upload, the next interaction of every open
session shows the new data, without a restart, and two uploads in one server each keep all their rows.

Real processes: the CLI load runs as its own process while the dashboard runs (in AppTest, and as
`streamlit run` driven by Chromium).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pipelines.load.transaction import load_files
from tests.conftest import make_settings
from tests.helpers import NIPS, pegawai, query
from warehouse import queries
from warehouse.db import connect

ROOT = Path(__file__).resolve().parents[1]
HARNESS = str(Path(__file__).with_name("app_page.py"))


def _capaian(period: str, nips: list[str] = NIPS) -> bytes:
    return ("NIP;Periode;Indikator;Target;Realisasi;Bobot\n" + "".join(f"{n};{period};Layanan;10;9;100\n" for n in nips)).encode()


def _cli_load(s, path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "KINERJA_WAREHOUSE": str(s.warehouse), "KINERJA_STAGING": str(s.staging)}
    proc = subprocess.run(
        [sys.executable, "-m", "pipelines", "load", str(path)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc


@pytest.fixture()
def small(tmp_path):
    s = make_settings(tmp_path / "data")
    assert load_files([("pegawai.csv", pegawai()), ("capaian_jan.csv", _capaian("2026-01"))], s).exit_code == 0
    (tmp_path / "capaian_feb.csv").write_bytes(_capaian("2026-02"))
    return s, tmp_path / "capaian_feb.csv"


def test_an_open_connection_keeps_its_version_and_a_new_one_sees_the_load(small):
    s, feb = small
    old = connect(str(s.warehouse))  # what a dashboard process holds while another process loads
    assert queries.freshness(old)["n_periode"] == 1
    _cli_load(s, feb)
    assert queries.freshness(old)["n_periode"] == 1  # whole and readable: the file it opened never changes
    new = connect(str(s.warehouse))  # same process, same path: must not be handed the database opened before
    assert queries.freshness(new)["n_periode"] == 2
    old.close()
    new.close()


def test_a_cli_load_shows_at_the_next_run_of_a_running_app(small, monkeypatch):
    s, feb = small
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(s.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(s.staging))
    from ui.data import settings

    settings.clear()
    at = AppTest.from_file(HARNESS, default_timeout=60)
    at.session_state["_page"] = "data"
    at.run()
    assert not at.exception

    def history_files(app) -> set[str]:
        cells = set()
        for d in app.dataframe:
            df = d.value
            for c in df.columns:
                cells |= {str(v) for v in df[c].tolist()}
        return cells

    assert "capaian_jan.csv" in history_files(at)  # the load history is on screen

    assert "capaian_feb.csv" not in history_files(at)
    _cli_load(s, feb)
    at.run()  # the next interaction of the same session
    assert not at.exception
    assert "capaian_feb.csv" in history_files(at)
    settings.clear()


def _caption(page) -> str:
    page.wait_for_selector("text=Data dimuat terakhir", timeout=120_000)
    return page.get_by_text("Data dimuat terakhir").first.inner_text()


@pytest.mark.browser
def test_a_cli_load_shows_in_an_open_browser_session_without_a_restart(small):
    from playwright.sync_api import sync_playwright

    from tests.browser import ARGS, CHROMIUM, serve, sign_in_if_asked

    s, feb = small
    with serve(s.warehouse, s.staging) as (url, _proc), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(f"{url}/skor")
        sign_in_if_asked(page)
        assert "(1 periode)" in _caption(page)
        _cli_load(s, feb)
        page.get_by_role("link", name="Ringkasan").first.click()  # the next interaction, same session
        page.wait_for_function("() => document.body.innerText.includes('(2 periode)')", timeout=120_000)
        fresh = browser.new_page()  # and a new session
        fresh.goto(url)
        sign_in_if_asked(fresh)
        assert "(2 periode)" in _caption(fresh)
        browser.close()


@pytest.mark.browser
def test_two_uploads_in_one_server_each_keep_their_load_and_rows(small, tmp_path):
    from playwright.sync_api import sync_playwright

    from tests.browser import ARGS, CHROMIUM, serve, sign_in_if_asked

    s, _feb = small
    files = {}
    for month, nips in (("2026-03", NIPS[:4]), ("2026-04", NIPS[4:])):
        files[month] = tmp_path / f"capaian_{month}.csv"
        files[month].write_bytes(_capaian(month, nips))
    with serve(s.warehouse, s.staging) as (url, _proc), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pages = []
        for month in files:
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.goto(f"{url}/data")
            sign_in_if_asked(page)
            page.locator("input[type='file']").first.set_input_files(str(files[month]))
            page.wait_for_selector(f"text=capaian_{month}.csv", timeout=60_000)
            pages.append(page)
        for page in pages:  # both press Muat at once
            page.get_by_role("button", name=re.compile("^Muat")).first.click()
        for page in pages:  # the outcome, not the "waiting for the other load" notice
            page.wait_for_selector("[data-testid='stAlert'] >> text=Semua baris dimuat", timeout=180_000)
        browser.close()
    log = query(s, "SELECT load_id, berkas FROM load_log ORDER BY load_id").rows()
    ids = {b: i for i, b in log}
    assert ids["capaian_2026-03.csv"] != ids["capaian_2026-04.csv"]
    got = query(s, "SELECT periode, count(*) AS n FROM fct_kinerja GROUP BY periode ORDER BY periode").rows()
    assert dict(got)["2026-03"] == 4 and dict(got)["2026-04"] == len(NIPS) - 4
