"""Issue 19 in a real browser against `streamlit run`: what a page shows when it fails (a reference number,
never a traceback or a server path), and text from files drawn as text (no Markdown, no HTML, no request)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from tests.browser import ARGS, CHROMIUM, TEST_ADMIN, open_signed_in, serve_with_accounts
from tests.conftest import make_settings
from warehouse.db import current_file

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _copy(demo_settings, tmp: Path):
    """A copy of the demo warehouse (one file) with settings pointing at it and at the demo's staging."""
    s = make_settings(tmp)
    shutil.copy(current_file(demo_settings.warehouse), s.warehouse)
    s.raw["paths"]["staging"] = str(demo_settings.staging)
    return s


def test_a_failing_page_shows_a_reference_number_and_logs_the_details(demo_settings, browser, tmp_path):
    """Attack 10/11 of issue 19: a failing page showed users a raw traceback with server paths."""
    s = _copy(demo_settings, tmp_path)
    with duckdb.connect(str(s.warehouse)) as con:  # a table Ringkasan reads goes missing: its query fails
        con.execute("DROP TABLE agg_kinerja")
    log = tmp_path / "server.log"
    with serve_with_accounts(s, [TEST_ADMIN], log=log) as (url, _db):
        page = open_signed_in(browser, url, TEST_ADMIN["username"])
        page.wait_for_selector("[data-testid='stAlertContentError']", timeout=120_000)
        text = page.locator("[data-testid='stMain']").inner_text()
        page.close()
    assert "Nomor rujukan" in text
    ref = text.split("Nomor rujukan: ", 1)[1][:8]
    for leak in ("Traceback", "agg_kinerja", "QueryError", "Catalog", ".py", str(Path.cwd()), "/tmp", 'File "'):
        assert leak not in text, leak
    server_log = log.read_text(encoding="utf-8", errors="replace")
    assert f"Error reference {ref}" in server_log and "agg_kinerja" in server_log and "Traceback" in server_log
