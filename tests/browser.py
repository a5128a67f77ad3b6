"""Browser-test helpers: a dashboard served with its own application database and accounts, and signing in
through the real form (the benchmark may import these too)."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

from appdb.accounts import Policy, create_user
from appdb.engine import make_engine, migrate
from bench.render import serve, wait_rendered

PASSWORD = "kata-sandi-uji-123"
ALL_PLACES = ("Bangko", "Jambi", "Belawan", "Rakumpit")
# In the application database every test session gets (tests/conftest.py): for servers started with serve().
TEST_ADMIN = {"username": "admin-uji", "role": "admin", "lokasi": ALL_PLACES}


def make_app_db(folder: Path, accounts: list[dict]) -> str:
    """A migrated SQLite application database in `folder` with these accounts (password PASSWORD unless given)."""
    url = f"sqlite:///{folder / 'app.db'}"
    engine = make_engine(url)
    migrate(engine)
    for acc in accounts:
        acc = dict(acc)
        create_user(engine, acc.pop("username"), acc.pop("role"), acc.pop("password", PASSWORD), Policy(), **acc)
    engine.dispose()
    return url


@contextlib.contextmanager
def serve_with_accounts(
    settings, accounts: list[dict], env: dict | None = None, args: list[str] | None = None, port: int | None = None
) -> Iterator[tuple[str, str]]:
    """The dashboard on the settings' warehouse with a fresh application database; yields (base URL, app DB URL)."""
    folder = Path(tempfile.mkdtemp(prefix="kinerja-appdb-"))
    url = make_app_db(folder, accounts)
    with serve(settings.warehouse, settings.staging, env={"KINERJA_APP_DB": url, **(env or {})}, args=args, port=port) as (
        base,
        _proc,
    ):
        yield base, url


def sign_in(page, username: str, password: str = PASSWORD) -> None:
    """Fill and send the sign-in form (Indonesian labels); returns once the server has taken the attempt
    (the form clears itself on submit, or the page changes)."""
    user = page.get_by_role("textbox", name="Nama pengguna", exact=True)
    user.fill(username)
    page.get_by_role("textbox", name="Kata sandi", exact=True).fill(password)
    page.get_by_role("button", name="Masuk", exact=True).click()
    page.wait_for_function(
        """() => { const i = document.querySelector('input[aria-label="Nama pengguna"]');
                   return !i || i.value === ''; }""",
        timeout=120_000,
    )
    wait_rendered(page)


def on_sign_in_page(page) -> bool:
    page.wait_for_selector("h1", timeout=120_000)
    wait_rendered(page)
    return page.locator("h1").first.inner_text().strip() == "Masuk"


def open_signed_in(browser, url: str, username: str, password: str = PASSWORD, viewport=(1400, 1000)):
    """A new tab at `url`, signed in when the sign-in page shows; waits until the page is drawn."""
    page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]}, accept_downloads=True)
    page.goto(url)
    page.wait_for_selector("[data-testid='stApp']", timeout=120_000)
    if on_sign_in_page(page):
        sign_in(page, username, password)
        page.wait_for_function(
            "() => { const h = document.querySelector('h1'); return h && h.innerText.trim() !== 'Masuk'; }", timeout=120_000
        )
    wait_rendered(page)
    return page


def sign_in_if_asked(page, username: str = TEST_ADMIN["username"], password: str = PASSWORD) -> None:
    """After a goto: sign in when the sign-in page shows (as the test session's admin by default)."""
    page.wait_for_selector("[data-testid='stApp']", timeout=120_000)
    if on_sign_in_page(page):
        sign_in(page, username, password)
        page.wait_for_function(
            "() => { const h = document.querySelector('h1'); return h && h.innerText.trim() !== 'Masuk'; }", timeout=120_000
        )
    wait_rendered(page)
