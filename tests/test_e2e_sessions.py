"""Sessions in headless Chromium against `streamlit run`: a refresh and a second tab keep the session; signing
out in one tab or disabling the account ends the others at their next interaction; an idle tab clears its
screen by itself at the time-out, without anyone touching it."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from appdb import access
from appdb.accounts import SYSTEM, update_user
from appdb.engine import make_engine
from tests.browser import PASSWORD, on_sign_in_page, serve_with_accounts, sign_in, wait_rendered

pytestmark = pytest.mark.browser

BUDI = {"username": "budi", "role": "pimpinan", "display_name": "Budi Santoso", "lokasi": ("Jambi",)}
SIGNED_IN = "Masuk sebagai"


def _signed_in(page) -> bool:
    wait_rendered(page)
    return page.locator("[data-testid='stSidebar']").get_by_text(SIGNED_IN).count() > 0


def _heading(page) -> str:
    wait_rendered(page)
    return page.locator("h1").first.inner_text().strip()


def _open_skor(page) -> None:
    """An interaction: the Skor link in the sidebar."""
    page.locator("[data-testid='stSidebarNav'] a[href$='/skor']").first.click()


def _events(db: str, event: str) -> list[dict]:
    engine = make_engine(db)
    try:
        return access.entries(engine, events=(event,))
    finally:
        engine.dispose()


def test_refresh_and_second_tab_keep_the_session_and_sign_out_ends_both(demo_settings, browser):
    with serve_with_accounts(demo_settings, [BUDI]) as (url, db):
        context = browser.new_context(viewport={"width": 1366, "height": 768})
        page = context.new_page()
        page.goto(f"{url}/skor?lokasi=Jambi")
        assert on_sign_in_page(page)
        sign_in(page, "budi", PASSWORD)
        page.get_by_text(SIGNED_IN).first.wait_for(timeout=120_000)
        page.wait_for_function("() => document.cookie.includes('kinerja_sesi=')", timeout=60_000)
        page.reload()
        page.get_by_text(SIGNED_IN).first.wait_for(timeout=120_000)
        assert _heading(page) == "Skor" and "Budi Santoso" in page.locator("[data-testid='stSidebar']").inner_text()

        other = context.new_page()  # a second tab of the same browser
        other.goto(url)
        other.get_by_text(SIGNED_IN).first.wait_for(timeout=120_000)
        assert _heading(other) == "Ringkasan"
        assert len(_events(db, "signin")) == 1  # one sign-in, resumed twice

        other.get_by_role("button", name="Keluar").click()
        other.get_by_text("Anda sudah keluar.").wait_for(timeout=60_000)
        _open_skor(page)  # the first tab's next interaction
        page.get_by_text("Sesi Anda diakhiri").wait_for(timeout=60_000)
        assert _heading(page) == "Masuk" and not _signed_in(page)
        page.reload()  # the ended session's cookie doesn't bring it back
        assert on_sign_in_page(page) and not _signed_in(page)
        page.context.close()


def test_a_disabled_accounts_open_tab_is_signed_out_at_its_next_interaction(demo_settings, browser):
    with serve_with_accounts(demo_settings, [BUDI]) as (url, db):
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(url)
        assert on_sign_in_page(page)
        sign_in(page, "budi", PASSWORD)
        page.get_by_text(SIGNED_IN).first.wait_for(timeout=120_000)
        engine = make_engine(db)
        update_user(engine, "budi", actor=SYSTEM, active=False)  # an admin disables the account meanwhile
        engine.dispose()
        _open_skor(page)
        page.get_by_text("Sesi Anda diakhiri").wait_for(timeout=60_000)
        assert _heading(page) == "Masuk" and not _signed_in(page)
        page.reload()
        assert on_sign_in_page(page) and not _signed_in(page)
        page.context.close()


def test_an_idle_tab_clears_its_screen_by_itself(demo_settings, browser):
    settings = Path(tempfile.mkdtemp(prefix="kinerja-settings-")) / "settings.toml"
    settings.write_text("[auth]\nidle_minutes = 0.05\nsession_check_seconds = 1\n")  # three seconds; checked each second
    with serve_with_accounts(demo_settings, [BUDI], env={"KINERJA_SETTINGS": str(settings)}) as (url, db):
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(f"{url}/skor")
        assert on_sign_in_page(page)
        sign_in(page, "budi", PASSWORD)
        page.get_by_text(SIGNED_IN).first.wait_for(timeout=120_000)
        # nobody touches the tab: it must go back to the sign-in page on its own, names and figures gone
        page.get_by_text("Sesi berakhir karena tidak aktif").wait_for(timeout=120_000)
        assert _heading(page) == "Masuk" and not _signed_in(page)
        assert "Budi Santoso" not in page.locator("body").inner_text()
        assert page.locator("[data-testid='stPlotlyChart']").count() == 0
        fresh = browser.new_page(viewport={"width": 1366, "height": 768})
        fresh.goto(url)
        assert on_sign_in_page(fresh)  # the page left is exactly the sign-in page (its demo-account list only)
        assert page.locator("[data-testid='stDataFrame']").count() == fresh.locator("[data-testid='stDataFrame']").count()
        assert [r["username"] for r in _events(db, "timeout")] == ["budi"]
        fresh.context.close()
        page.context.close()
