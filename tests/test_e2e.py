"""End-to-end in headless Chromium against `streamlit run` on localhost: pages, filters, links, URLs, downloads."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import openpyxl
import polars as pl
import pytest

from tests.browser import ALL_PLACES, make_app_db, open_signed_in, serve, serve_with_accounts, wait_rendered, wait_titled

pytestmark = pytest.mark.browser


ADMIN = {"username": "e2e-admin", "role": "admin", "lokasi": ALL_PLACES}


@contextlib.contextmanager
def _serve(settings, app_db: Path | None = None):
    """The dashboard served against the given settings' warehouse, with one admin account; its application
    database (accounts, cases, awards) at `app_db` when given (a test may read it afterwards), else in a
    folder of its own, never the project's data/."""
    if app_db is None:
        with serve_with_accounts(settings, [ADMIN]) as (url, _db):
            yield url
        return
    db_url = make_app_db(app_db.parent, [ADMIN])
    with serve(settings.warehouse, settings.staging, env={"KINERJA_APP_DB": db_url}) as (url, _proc):
        yield url


@pytest.fixture(scope="module")
def server(demo_settings):
    with _serve(demo_settings) as url:
        yield url


def _open(browser, url):
    page = open_signed_in(browser, url, ADMIN["username"])
    _settle(page)
    return page


def _settle(page):
    # The running indicator only shows after a delay, and the browser draws elements after the script has
    # finished (lower ones sometimes first): wait until every chart and grid is drawn, not just for a title.
    page.wait_for_selector("[data-testid='stApp']", timeout=120_000)
    page.wait_for_selector("h1", timeout=120_000)
    wait_rendered(page)


PATHS = ["", "skor", "tren", "bandingkan", "umpan-balik", "pembinaan", "kasus", "penghargaan", "profil", "data", "panduan"]


FAILED_PAGE = "Nomor rujukan"  # in the page's own error box (ui.page.guarded), which replaces a traceback


@pytest.mark.parametrize("path", PATHS)
def test_each_page_opens_without_error(server, browser, path):
    page = _open(browser, f"{server}/{path}")
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.get_by_text(FAILED_PAGE).count() == 0
    assert page.locator("h1").first.inner_text().strip()
    page.close()


def _figure_values(page, figure):
    """One headline figure's value per place on the overview, as drawn."""
    page.wait_for_selector("table.headline", timeout=120_000)
    return [v.strip() for v in page.locator(f"table.headline tbody td[data-figure='{figure}'] .v").all_inner_texts()]


def test_shared_url_opens_the_same_filtered_view(server, browser):
    page = _open(browser, f"{server}/?lokasi=Belawan")
    values = _figure_values(page, "n")
    assert len(values) == 1
    # each figure's name carries its explanation as a tooltip, kept through Streamlit's markdown
    tips = page.locator("table.headline thead th[title]").evaluate_all("ths => ths.map(t => t.title)")
    assert len(tips) == 5 and all(len(tip) > 20 for tip in tips)
    page2 = _open(browser, page.url)
    assert _figure_values(page2, "n") == values
    page2.get_by_role("link", name="Skor").first.click()
    # a click is handled after it returns: wait for the page change before judging it (times out if it never comes)
    page2.wait_for_function("() => location.pathname.endsWith('/skor')", timeout=60_000)
    _settle(page2)
    assert "lokasi=Belawan" in page2.url  # the filter follows page changes
    page.close()
    page2.close()


def test_pages_without_figures_draw_no_filters_and_the_filters_survive_them(server, browser):
    page = _open(browser, f"{server}/?lokasi=Belawan")
    sidebar = page.locator("[data-testid='stSidebar']")
    assert sidebar.locator("[data-testid='stMultiSelect']").count() == 1
    page.get_by_role("link", name="Panduan").first.click()
    page.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').innerText.trim() === 'Panduan'")
    _settle(page)
    # the previous page's widgets are removed when the run ends: wait for that (times out if they stay)
    page.wait_for_function(
        "() => !document.querySelector(\"[data-testid='stSidebar'] [data-testid='stMultiSelect']\")", timeout=60_000
    )
    assert sidebar.get_by_text("Rentang periode").count() == 0
    page.get_by_role("link", name="Skor").first.click()
    page.wait_for_function("() => location.search.includes('lokasi=Belawan')", timeout=60_000)
    _settle(page)
    assert sidebar.locator("[data-testid='stMultiSelect']").first.inner_text().count("Belawan") == 1
    page.close()


def test_coaching_list_links_to_profile(server, browser):
    page = _open(browser, f"{server}/pembinaan")
    page.get_by_role("link", name="Buka profil").last.click()
    page.wait_for_function("() => location.pathname.endsWith('/profil')", timeout=60_000)
    _settle(page)
    assert "/profil" in page.url and "nip=" in page.url
    assert page.locator("h2").first.inner_text().strip()
    assert page.locator("[data-testid='stException']").count() == 0
    page.close()


def test_downloads_match_the_screen(server, browser, demo_settings):
    page = _open(browser, f"{server}/skor?skor_bagian=opd&lokasi=Jambi")
    # the buttons under the OPD table (keyed widgets carry their key as a class), not whichever is drawn first
    csv_button = page.locator(".st-key-csv_skor_opd").get_by_role("button", name="Unduh CSV")
    csv_button.wait_for(timeout=120_000)
    with page.expect_download() as info:
        csv_button.click()
    text = Path(info.value.path()).read_bytes().decode("utf-8-sig")  # the file starts with a BOM for Excel
    csv = pl.read_csv(io.StringIO(text), separator=";", decimal_comma=True)
    assert set(csv["Lokasi"]) == {"Jambi"}
    with page.expect_download() as info:
        page.locator(".st-key-xlsx_skor_opd").get_by_role("button", name="Unduh Excel").click()
    wb = openpyxl.load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()))
    assert wb.sheetnames[1] == "Keterangan"
    rows = list(wb.worksheets[0].iter_rows(values_only=True))
    assert rows[0][0] == "Lokasi" and len(rows) - 1 == csv.height
    about = dict(wb.worksheets[1].iter_rows(values_only=True))
    assert about["Lokasi"] == "Jambi"
    page.close()


def test_shared_link_to_a_page_works_on_a_freshly_started_server(demo_settings, browser):
    # the very first visit after a restart is a deep link: it must show that page, filtered, not a blank one
    with _serve(demo_settings) as url:
        page = _open(browser, f"{url}/skor?skor_bagian=opd&lokasi=Jambi")
        page.wait_for_selector("[data-testid='stDataFrame']", timeout=120_000)
        assert page.locator("h1").first.inner_text().strip() == "Skor"
        assert "Page not found" not in page.locator("body").inner_text()
        assert "skor_bagian=opd" in page.url
        assert page.locator("[data-testid='stSidebar']").get_by_text("Jambi").count() > 0  # filter applied
        assert page.locator("[data-testid='stException']").count() == 0
        assert "lokasi=Jambi" in page.url
        page.close()


def test_no_request_leaves_the_server(server, browser):
    """Nothing is fetched from elsewhere at runtime (fonts, icons, tiles): offices may have no internet, and
    every outside request would tell a third party who opened what."""
    page = open_signed_in(browser, f"{server}/", ADMIN["username"])
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    for path in PATHS:
        page.goto(f"{server}/{path}")
        _settle(page)
    assert asked  # the pages did load something
    outside = sorted({u for u in asked if not u.startswith(server) and not u.startswith("data:")})
    assert outside == []
    page.close()


def test_no_deploy_button_or_developer_menu(server, browser):
    page = _open(browser, f"{server}/")
    assert page.locator("[data-testid='stAppDeployButton']").count() == 0
    assert page.get_by_text("Deploy", exact=True).count() == 0
    page.close()


def test_reset_button_clears_the_filters_and_the_url(server, browser):
    page = _open(browser, f"{server}/?lokasi=Jambi")
    assert len(_figure_values(page, "n")) == 1
    page.get_by_role("button", name="Atur ulang filter").click()
    page.wait_for_function("() => !location.search.includes('lokasi=')", timeout=60_000)
    # the address changes before the rerun has drawn the unfiltered page: wait for its four places
    page.wait_for_function(
        "() => document.querySelectorAll('table.headline tbody tr').length >= 4",
        timeout=60_000,
    )
    _settle(page)
    assert len(_figure_values(page, "n")) == 4
    page.close()


def test_switching_language_keeps_the_view_and_its_codes(server, browser):
    page = _open(browser, f"{server}/tren?tren_group=opd&lokasi=Jambi")
    page.locator("[data-testid='stSidebar']").get_by_text("English", exact=True).click()
    page.wait_for_function(
        "() => document.querySelector('h1') && document.querySelector('h1').innerText.includes('Trends')", timeout=60_000
    )
    _settle(page)
    assert "tren_group=opd" in page.url and "lokasi=Jambi" in page.url
    assert page.locator("[data-testid='stSidebar']").get_by_text("Jambi").count() > 0
    page.close()


def test_clicking_a_heatmap_cell_narrows_to_that_opd(server, browser):
    page = _open(browser, f"{server}/skor?skor_bagian=opd&lokasi=Jambi")
    drag = page.locator("[data-testid='stPlotlyChart']").first.locator(".nsewdrag").first
    box = drag.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + 12)  # the top row's cell
    page.wait_for_function("() => location.search.includes('opd=')", timeout=60_000)
    _settle(page)
    assert page.get_by_role("link", name="Lihat pegawai", exact=False).count() == 1
    page.close()


def test_upload_widget_speaks_the_chosen_language(server, browser):
    page = _open(browser, f"{server}/data")
    page.wait_for_selector("[data-testid='stFileUploaderDropzone'] button", timeout=60_000)
    shown = page.evaluate("""() => {
        const label = document.querySelector(
            "[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer']");
        const english = label.querySelector("p");
        const i = document.querySelector("[data-testid='stFileUploaderDropzoneInstructions'] div");
        const hint = document.querySelector("[data-testid='stFileUploaderDropzoneInstructions'] span");
        return [getComputedStyle(label, '::after').content, getComputedStyle(i, '::after').content,
                english ? getComputedStyle(english).display : "none", hint ? getComputedStyle(hint).display : "none"];
    }""")
    # the translation is drawn in place of Streamlit's English words, which are hidden (nothing overlaps)
    assert "Pilih berkas" in shown[0] and "per berkas" in shown[1], shown
    assert shown[2:] == ["none", "none"], shown
    page.close()


def _shown_choice(page) -> str:
    return page.locator("[data-testid='stMain'] [data-testid='stSelectbox'] input").first.get_attribute("value")


def _switch_language(page, name: str, title: str) -> None:
    page.locator("[data-testid='stSidebar']").get_by_text(name, exact=True).click()
    page.wait_for_function(
        "(t) => document.querySelector('h1') && document.querySelector('h1').innerText.trim() === t", arg=title, timeout=60_000
    )
    _settle(page)


def test_a_selectbox_follows_the_language_and_keeps_its_choice(server, browser):
    page = _open(browser, f"{server}/bandingkan")
    assert _shown_choice(page) == "Semua"
    _switch_language(page, "English", "Compare")
    page.wait_for_function(
        "() => document.querySelector(\"[data-testid='stMain'] [data-testid='stSelectbox'] input\").value === 'All'",
        timeout=60_000,
    )
    box = page.locator("[data-testid='stMain'] [data-testid='stSelectbox']").first
    box.click()
    page.get_by_role("option", name="Kecamatan", exact=True).click()
    page.wait_for_function("() => location.search.includes('banding_jenis=Kecamatan')", timeout=60_000)
    _settle(page)
    _switch_language(page, "Bahasa Indonesia", "Bandingkan")
    assert _shown_choice(page) == "Kecamatan" and "banding_jenis=Kecamatan" in page.url
    box.click()
    page.get_by_role("option", name="Semua", exact=True).click()
    page.wait_for_function("() => !location.search.includes('banding_jenis')", timeout=60_000)
    _settle(page)
    _switch_language(page, "English", "Compare")
    assert _shown_choice(page) == "All" and "banding_jenis" not in page.url
    page.close()


def test_pages_sharing_a_control_open_from_each_other_and_keep_its_choice(server, browser):
    """Ringkasan and Skor both draw the predikat-source control: switching between them in one session drew
    the second page with no source chosen, and it failed."""
    page = _open(browser, f"{server}/skor")
    for title in ("Ringkasan", "Skor", "Ringkasan", "Skor"):
        page.get_by_role("link", name=title).first.click()
        wait_titled(page, title)
        assert page.get_by_text(FAILED_PAGE).count() == 0, title
    page.get_by_text("Resmi saja", exact=True).first.click()
    page.wait_for_function("() => location.search.includes('sumber=resmi')", timeout=60_000)
    wait_rendered(page)
    page.get_by_role("link", name="Ringkasan").first.click()
    wait_titled(page, "Ringkasan")
    assert page.get_by_text(FAILED_PAGE).count() == 0
    assert "sumber=resmi" in page.url
    page.close()
