"""End-to-end in headless Chromium against `streamlit run` on localhost: pages, filters, links, URLs, downloads."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import openpyxl
import polars as pl
import pytest

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(demo_settings):
    port = _free_port()
    env = {**os.environ, "KINERJA_WAREHOUSE": str(demo_settings.warehouse),
           "KINERJA_STAGING": str(demo_settings.staging)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.port", str(port),
         "--server.headless", "true", "--browser.gatherUsageStats", "false", "--server.address", "127.0.0.1"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=1).status == 200:
                break
        except OSError:
            time.sleep(0.5)
    yield url
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _open(browser, url):
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page.goto(url)
    _settle(page)
    return page


def _settle(page):
    page.wait_for_selector("[data-testid='stApp']", timeout=120_000)
    page.wait_for_selector("h1", timeout=120_000)
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000)


PATHS = ["", "skor", "tren", "bandingkan", "umpan-balik", "pembinaan", "penghargaan", "profil", "data"]


@pytest.mark.parametrize("path", PATHS)
def test_each_page_opens_without_error(server, browser, path):
    page = _open(browser, f"{server}/{path}")
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("h1").first.inner_text().strip()
    page.close()


def _metric_values(page, label):
    page.wait_for_selector("[data-testid='stMetric']", timeout=120_000)
    out = []
    for m in page.locator("[data-testid='stMetric']").all():
        if m.locator("[data-testid='stMetricLabel']").inner_text().strip() == label:
            out.append(m.locator("[data-testid='stMetricValue']").inner_text().strip())
    return out


def test_shared_url_opens_the_same_filtered_view(server, browser):
    page = _open(browser, f"{server}/?lokasi=Belawan")
    values = _metric_values(page, "Pegawai dinilai")
    assert len(values) == 1
    page2 = _open(browser, page.url)
    assert _metric_values(page2, "Pegawai dinilai") == values
    page2.get_by_role("link", name="Skor").first.click()
    _settle(page2)
    assert "lokasi=Belawan" in page2.url  # the filter follows page changes
    page.close()
    page2.close()


def test_coaching_list_links_to_profile(server, browser):
    page = _open(browser, f"{server}/pembinaan")
    page.get_by_role("link", name="Buka profil").last.click()
    _settle(page)
    assert "/profil" in page.url and "nip=" in page.url
    assert page.locator("h2").first.inner_text().strip()
    assert page.locator("[data-testid='stException']").count() == 0
    page.close()


def test_downloads_match_the_screen(server, browser, demo_settings):
    page = _open(browser, f"{server}/skor?lokasi=Jambi")
    page.wait_for_selector("[data-testid='stDownloadButton']", timeout=120_000)
    with page.expect_download() as info:
        page.get_by_role("button", name="Unduh CSV").first.click()
    text = Path(info.value.path()).read_bytes().decode("utf-8-sig")  # the file starts with a BOM for Excel
    csv = pl.read_csv(io.StringIO(text), separator=";", decimal_comma=True)
    assert set(csv["Lokasi"]) == {"Jambi"}
    with page.expect_download() as info:
        page.get_by_role("button", name="Unduh Excel").first.click()
    wb = openpyxl.load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()))
    assert wb.sheetnames[1] == "Keterangan"
    rows = list(wb.worksheets[0].iter_rows(values_only=True))
    assert rows[0][0] == "Lokasi" and len(rows) - 1 == csv.height
    about = dict(wb.worksheets[1].iter_rows(values_only=True))
    assert about["Lokasi"] == "Jambi"
    page.close()
