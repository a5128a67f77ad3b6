"""Sign-in in headless Chromium against `streamlit run`: local accounts (sign-in, lockout, idle timeout,
sign-out) and single sign-on end to end against a local OpenID Connect provider (oidc-provider-mock)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest

from appdb import access
from appdb.engine import make_engine
from tests.browser import PASSWORD, on_sign_in_page, serve_with_accounts, serve_with_sso, sign_in, wait_rendered

pytestmark = pytest.mark.browser

ANI = {"username": "ani", "role": "pimpinan", "display_name": "Ani Sekda", "lokasi": ("Jambi",)}
BUDI = {"username": "budi", "role": "pimpinan", "display_name": "Budi", "lokasi": ("Jambi",)}
SARI = {
    "username": "sari",
    "role": "kepala_opd",
    "display_name": "Sari (SSO)",
    "password": None,
    "email": "sari@pemkot.example",
    "lokasi": ("Jambi",),
    "opd": ("Dinas Kesehatan",),
}


def _confirm_sign_out(page, seconds: int = 120) -> None:
    """After 'Keluar': confirm on the provider's end-session page when the browser is sent there; returns once
    signed out (confirmed there, or back at the dashboard's sign-in page)."""
    for i in range(seconds * 2):
        if i and i % 40 == 0 and page.get_by_role("button", name="Keluar").count():
            page.get_by_role("button", name="Keluar").click()  # a click that landed during a rerun was dropped
        if "end_session" in page.url:
            page.get_by_role("button", name="End session").click(timeout=120_000)
            return
        signed_out = not any(c["name"].startswith("_streamlit_user") for c in page.context.cookies())
        if signed_out and page.get_by_role("button", name="Masuk dengan akun instansi (SSO)").count():
            return
        page.wait_for_timeout(500)  # polling for the navigation, not a timing assertion
    raise AssertionError(f"not signed out: still at {page.url}")


def _settings_file(text: str) -> str:
    path = Path(tempfile.mkdtemp(prefix="kinerja-settings-")) / "settings.toml"
    path.write_text(text)
    return str(path)


def _heading(page) -> str:
    wait_rendered(page)
    return page.locator("h1").first.inner_text().strip()


def _signed_in_as(page, name: str) -> None:
    page.get_by_text("Masuk sebagai").first.wait_for(timeout=120_000)
    assert name in page.locator("[data-testid='stSidebar']").inner_text()


def _wait_logged(db: str, event: str, count: int) -> None:
    """Until the access log holds `count` rows of `event` (the server has handled that many attempts)."""
    engine = make_engine(db)
    try:
        for _ in range(600):
            if len(access.entries(engine, events=(event,))) >= count:
                return
            time.sleep(0.1)
        raise AssertionError(f"{event} was not logged {count} times")
    finally:
        engine.dispose()


def test_sign_in_lockout_and_sign_out(demo_settings, browser):
    with serve_with_accounts(demo_settings, [ANI, BUDI]) as (url, db):
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(f"{url}/skor?lokasi=Jambi")
        assert on_sign_in_page(page)
        for attempt in range(1, 6):
            sign_in(page, "ani", "bukan-sandinya")
            _wait_logged(db, "signin_failed", attempt)  # one attempt at a time, as a person types
        wrong = page.get_by_text("Nama pengguna atau kata sandi salah").first.inner_text()
        sign_in(page, "ani", PASSWORD)  # locked for this browser: refused with the very same words
        _wait_logged(db, "signin_failed", 6)
        assert page.get_by_text("Nama pengguna atau kata sandi salah").first.inner_text() == wrong
        assert _heading(page) == "Masuk" and not page.get_by_text("dikunci").count()
        sign_in(page, "tidak-ada", "apa-saja-panjang")  # an account that doesn't exist: the same words again
        _wait_logged(db, "signin_failed", 7)
        assert page.get_by_text("Nama pengguna atau kata sandi salah").first.inner_text() == wrong

        sign_in(page, "budi", PASSWORD)
        _signed_in_as(page, "Budi")
        assert _heading(page) == "Skor" and "/skor" in page.url  # the shared link opened after sign-in
        page.get_by_role("button", name="Keluar").click()
        page.get_by_text("Anda sudah keluar.").wait_for(timeout=60_000)
        assert _heading(page) == "Masuk"
        page.close()
        engine = make_engine(db)
        events = [
            (r["username"], r["event"], r["outcome"])
            for r in reversed(access.entries(engine))
            if r["event"] in ("signin", "signin_failed", "signout")
        ]
        engine.dispose()
    assert events[:4] == [("ani", "signin_failed", "wrong_password")] * 4
    assert events[4:6] == [("ani", "signin_failed", "locked")] * 2  # the log, for admins, says why
    assert events[6:] == [("tidak-ada", "signin_failed", "unknown"), ("budi", "signin", "ok"), ("budi", "signout", "ok")]


def test_idle_session_is_signed_out(demo_settings, browser):
    settings = _settings_file("[auth]\nidle_minutes = 0.05\n")  # three seconds
    with serve_with_accounts(demo_settings, [BUDI], env={"KINERJA_SETTINGS": settings}) as (url, db):
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(url)
        assert on_sign_in_page(page)
        sign_in(page, "budi", PASSWORD)
        _signed_in_as(page, "Budi")
        page.wait_for_timeout(4000)  # idle past the limit (the behaviour under test is the limit itself)
        page.locator("[data-testid='stSidebarNav'] a[href$='/skor']").first.click()
        page.get_by_text("Sesi berakhir karena tidak aktif").wait_for(timeout=60_000)
        assert _heading(page) == "Masuk"
        page.close()
        engine = make_engine(db)
        assert [r["event"] for r in access.entries(engine, events=("timeout",))] == ["timeout"]
        engine.dispose()


def test_single_sign_on_end_to_end(demo_settings, browser):
    users = [{"sub": "sari", "email": SARI["email"], "name": "Sari"}, {"sub": "tamu", "email": "tamu@luar.example"}]
    with serve_with_sso(demo_settings.warehouse, demo_settings.staging, [SARI], users) as (url, db, _proc):
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(url)
        assert on_sign_in_page(page)
        page.get_by_role("button", name="Masuk dengan akun instansi (SSO)").click()
        page.get_by_role("button", name="sari").click()  # the provider's sign-in form
        _signed_in_as(page, "Sari (SSO)")
        assert _heading(page) == "Ringkasan"
        lokasi = page.locator("[data-testid='stSidebar']").inner_text()
        assert "Bangko" not in lokasi  # Jambi only: the scope came from the app database by e-mail
        # st.logout sends the browser to the provider's end-session page, which asks to confirm
        page.get_by_role("button", name="Keluar").click()
        _confirm_sign_out(page)
        page.goto(url)
        page.get_by_role("button", name="Masuk dengan akun instansi (SSO)").wait_for(timeout=120_000)
        assert _heading(page) == "Masuk"

        page.get_by_role("button", name="Masuk dengan akun instansi (SSO)").click()
        page.get_by_role("button", name="tamu").click()
        page.get_by_text("belum terdaftar").wait_for(timeout=120_000)
        page.close()
        engine = make_engine(db)
        rows = [
            (r["username"], r["event"], r["outcome"])
            for r in reversed(access.entries(engine))
            if r["event"] in ("signin", "signin_failed", "signout")
        ]
        engine.dispose()
    assert rows == [("sari", "signin", "ok"), ("sari", "signout", "ok"), ("tamu@luar.example", "signin_failed", "unknown")]
