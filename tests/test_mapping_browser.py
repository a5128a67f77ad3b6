"""The mapping step in headless Chromium against `streamlit run`: upload a Google Forms export, give the
context it lacks, edit a column's target, dry run, save a profile, then load the next month's file by it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines.load.transaction import load_files, profiles_dir
from tests import real_files as rf
from tests.browser import ARGS, CHROMIUM, edit_grid_cell, serve, sign_in_if_asked
from tests.conftest import make_settings
from tests.helpers import query

pytestmark = pytest.mark.browser


def _idle(page):
    page.wait_for_timeout(300)  # the running indicator shows only after a moment; not a timing assertion
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=120_000, polling=100)


def _upload(page, name: str, data: bytes, tmp: Path):
    path = tmp / name
    path.write_bytes(data)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(path))
    page.get_by_text("Pemetaan kolom:").first.wait_for(timeout=120_000)
    _idle(page)


def _context(page, unit: str | None):
    page.get_by_label("Lokasi", exact=True).first.click()
    page.get_by_role("option", name="Jambi", exact=True).click()
    _idle(page)
    if unit:
        box = page.get_by_label("Unit kerja / unit layanan")
        box.fill(unit)
        box.press("Enter")
        _idle(page)


def test_mapping_step_edit_dry_run_profile_reuse(tmp_path):
    from playwright.sync_api import sync_playwright

    s = make_settings(tmp_path)
    load_files([("siasn.csv", rf.siasn_roster(rf.nips(10))[0])], s)
    data, want = rf.google_forms()
    with serve(s.warehouse, s.staging) as (url, _proc), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        try:
            _steps(page, url, s, data, tmp_path)
        except Exception:
            page.screenshot(path=str(tmp_path / "failed.png"), full_page=True)
            print("screenshot:", tmp_path / "failed.png")
            raise
        finally:
            browser.close()
    got = query(s, "SELECT periode, sum(n_responden) FROM fct_ikm GROUP BY 1 ORDER BY 1").rows()
    loads = query(s, "SELECT berkas, status, dimuat, pesan FROM load_log").rows()
    assert got == [("2025-Q1", want["n"]), ("2026-Q1", want["n"])], loads
    assert query(s, "SELECT count(usia) FROM stg_skm").item() == 0  # the edited column did not load


def _steps(page, url, s, data, tmp_path):
    page.goto(f"{url}/data")
    sign_in_if_asked(page)  # the dashboard asks for sign-in first
    page.wait_for_selector("h1", timeout=120_000)
    _upload(page, "Survei SKM (Jawaban).csv", data, tmp_path)
    _context(page, "Disdukcapil Kota Jambi")
    assert page.get_by_text("Survei kepuasan masyarakat (SKM)").first.is_visible()

    # edit: 'Usia' (third row of the column table) is not to be loaded
    grid = page.locator("[data-testid='stDataFrame']").filter(has=page.locator("canvas")).nth(1)
    grid.scroll_into_view_if_needed()

    def taken():
        _idle(page)
        page.get_by_text("Kolom yang diabaikan: Usia").wait_for(timeout=15_000)

    # 'Dimuat sebagai' of the 'Usia' row (35 px header and rows)
    edit_grid_cell(page, grid, {"x": 300, "y": 35 * 3 + 17}, "(diab", taken, option="(diabaikan)")

    page.get_by_role("button", name="Uji coba (tanpa menyimpan)").click()
    page.get_by_text("Uji coba: tidak ada baris yang akan ditolak.").wait_for(timeout=120_000)

    page.get_by_placeholder("Nama profil").fill("SKM Google Forms Disdukcapil")
    page.get_by_placeholder("Nama profil").press("Enter")
    _idle(page)
    page.get_by_role("button", name="Simpan sebagai profil").click()
    page.get_by_text("Profil 'SKM Google Forms Disdukcapil' disimpan").wait_for(timeout=60_000)
    saved = json.loads(next(profiles_dir(s).glob("*.json")).read_text())
    assert saved["columns"]["Usia"] is None and saved["context"]["unit"] == "Disdukcapil Kota Jambi"

    # this file and the next of its layout: recognised by the saved profile, each loads in one click
    for name, content in (
        ("Survei SKM (Jawaban).csv", data),
        ("Survei SKM (Jawaban) Februari.csv", data.replace(b"/2025", b"/2026")),
    ):
        _load_with_profile(page, url, name, content, tmp_path)


def _load_with_profile(page, url, name, content, tmp_path):
    page.goto(f"{url}/data")
    sign_in_if_asked(page)  # the dashboard asks for sign-in first
    page.wait_for_selector("h1", timeout=120_000)
    _upload(page, name, content, tmp_path)
    _context(page, None)
    page.get_by_text("profil 'SKM Google Forms Disdukcapil'").first.wait_for(timeout=60_000)
    _idle(page)
    for attempt in range(3):  # a click that lands while a rerun is being drawn can be lost in headless Chromium
        page.get_by_role("button", name="Muat ke gudang data").click()
        try:
            page.get_by_text(f"{name}: profil 'SKM Google Forms Disdukcapil'").first.wait_for(timeout=30_000)
            break
        except Exception:
            if attempt == 2:
                raise
    page.get_by_text("Semua baris dimuat.").wait_for(timeout=60_000)
