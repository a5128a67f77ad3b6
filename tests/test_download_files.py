"""Downloads say what they hold: every filter and page control in the Excel 'Keterangan' sheet, file names with
place, period and view, values as the screen reads them (Ya/Tidak, 'Okt 2026', times in WIB)."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from pathlib import Path

import openpyxl
import polars as pl
import pytest

from tests.browser import ALL_PLACES, ARGS, CHROMIUM, open_signed_in, serve_with_accounts, wait_rendered
from ui.download import file_name, local_time, readable, to_csv
from warehouse.db import Filters

PERIODS = {"periode", "dari", "sampai"}


def _frame() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "aktif": [True, False, None],
            "periode": ["2026-10", "2026-Q4", "2026"],
            "dimuat": [datetime(2026, 12, 4, 12, 56, 36, tzinfo=UTC), datetime(2026, 1, 31, 20, 0, tzinfo=UTC), None],
            "rata": [81.25, 100.0, None],
        }
    )


def test_values_read_as_on_screen_in_indonesian():
    out = readable(_frame(), "id", "Asia/Jakarta", PERIODS)
    assert out["aktif"].to_list() == ["Ya", "Tidak", None]
    assert out["periode"].to_list() == ["Okt 2026", "TW IV 2026", "2026"]
    # 12.56 UTC is 19.56 in Jakarta (UTC+7); 20.00 UTC on 31 January is 03.00 on 1 February there
    assert out["dimuat"].to_list() == ["04/12/2026 19.56 WIB", "01/02/2026 03.00 WIB", None]
    text = to_csv(out, "id").decode("utf-8-sig")
    assert text.splitlines()[1] == "Ya;Okt 2026;04/12/2026 19.56 WIB;81,25"
    assert "true" not in text.lower() and "2026-10" not in text and "T12:56" not in text


def test_values_read_as_on_screen_in_english_and_another_zone():
    out = readable(_frame(), "en", "Asia/Makassar", PERIODS)
    assert out["aktif"].to_list() == ["Yes", "No", None]
    assert out["periode"].to_list() == ["Oct 2026", "Q4 2026", "2026"]
    assert out["dimuat"].to_list()[0] == "04/12/2026 20:56 WITA"


def test_download_time_is_local():
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4} \d{2}\.\d{2} WIB", local_time(None, "Asia/Jakarta", "id"))


def test_file_names_carry_places_period_and_view():
    f = Filters(dari="2026-01", sampai="2026-10", lokasi=("Jambi", "Bangko"))
    assert file_name("bandingkan_opd", f, "Persentil dalam lokasi", "id") == (
        "bandingkan_opd_Jambi-Bangko_Jan-2026_Okt-2026_Persentil-dalam-lokasi"
    )
    assert file_name("skor_opd", Filters(dari="2026-10", sampai="2026-10"), None, "en") == "skor_opd_all-places_Oct-2026"


@pytest.mark.browser
def test_bandingkan_files_carry_the_view_the_kind_and_the_small_group_mark(demo_settings):
    from playwright.sync_api import sync_playwright

    admin = {"username": "unduh-admin", "role": "admin", "lokasi": ALL_PLACES}
    with serve_with_accounts(demo_settings, [admin]) as (base, _db), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = open_signed_in(browser, f"{base}/bandingkan?banding_mode=percentile&lokasi=Jambi", admin["username"])
        wait_rendered(page)
        page.get_by_text(re.compile(r"^Tabel \(.*\) dan unduhan$")).first.click()
        button = page.locator(".st-key-csv_bandingkan_opd").get_by_role("button")
        button.wait_for(timeout=120_000)
        # the grid's own English toolbar (with a download that skips the log) stays hidden under the pointer
        grid = page.locator("[data-testid='stDataFrame']").first
        grid.hover()
        page.wait_for_timeout(500)
        assert page.get_by_role("button", name=re.compile("Download as CSV|Search|Fullscreen")).filter(visible=True).count() == 0
        # no chart toolbar in English either
        assert page.locator(".modebar-btn").filter(visible=True).count() == 0
        with page.expect_download() as info:
            button.click()
        name = info.value.suggested_filename
        assert name.startswith("bandingkan_opd_Jambi_") and name.endswith("_Persentil-dalam-lokasi.csv"), name
        csv = pl.read_csv(io.StringIO(Path(info.value.path()).read_bytes().decode("utf-8-sig")), separator=";")
        marks = dict(zip(csv["OPD"], csv["Kelompok kecil"].fill_null(""), strict=True))
        counts = dict(zip(csv["OPD"], csv["Pegawai"], strict=True))
        assert any(counts[o] < 10 for o in counts)
        assert all(("✕" in marks[o]) == (counts[o] < 10) for o in counts)
        with page.expect_download() as info:
            page.locator(".st-key-xlsx_bandingkan_opd").get_by_role("button").click()
        assert info.value.suggested_filename == name.removesuffix(".csv") + ".xlsx"
        wb = openpyxl.load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()))
        about = dict(wb["Keterangan"].iter_rows(values_only=True))
        assert about["Lokasi"] == "Jambi"
        assert about["Pilihan halaman: Tampilan"] == "Persentil dalam lokasi"
        assert about["Pilihan halaman: Jenis OPD"] == "Semua"
        assert about["Waktu unduh"].endswith(" WIB")
        browser.close()


def test_a_focus_written_in_indonesian_reads_the_english_way_in_english():
    from ui.fmt import capaian_in_text

    assert capaian_in_text("Waktu layanan (75,0); Akuntabel", "en") == "Waktu layanan (75.0); Akuntabel"
    assert capaian_in_text("Waktu layanan (75.0)", "id") == "Waktu layanan (75,0)"
