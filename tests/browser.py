"""Browser-test helpers: `streamlit run` of the dashboard on a free localhost port, waiting until a page is
fully drawn, a dashboard served with its own application database and accounts, signing in through the real
form, and a local OpenID Connect provider. The benchmark imports these too (tests never import bench/)."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from appdb.accounts import SYSTEM, Policy, create_user
from appdb.engine import make_engine, migrate

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
# Fully rendered: the script has finished (the app's script state, which Streamlit's own browser tests read: the
# running indicator shows only after a delay, so a page whose title was drawn before a slow query passed for done),
# the page title is drawn, every Plotly chart has drawn its SVG and every visible data grid its canvas (a grid in a
# closed expander is drawn when opened).
_DONE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
  if (!document.querySelector('h1')) return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]');
  for (const c of charts) { if (!c.querySelector('.main-svg')) return false; }
  const grids = document.querySelectorAll('[data-testid="stDataFrame"]');
  for (const g of grids) { if (g.checkVisibility() && !g.querySelector('canvas')) return false; }
  return true;
}"""


def edit_grid_cell(page, grid, position: dict, text: str, taken, option: str | None = None, attempts: int = 5) -> None:
    """Edit one cell of a data editor as a user does: double-click it, type into the cell's editor once it is open
    (keys pressed before that go to whatever had the focus), pick `option` in a selectbox column or press Enter in
    a text one, then call `taken()`, which waits until the edit shows. A rerun that redraws the grid while it is
    edited drops the edit: the whole edit is then done again."""
    editor = page.locator("[id^='gdg-overlay-'] input:visible, [id^='gdg-overlay-'] textarea:visible").first
    for attempt in range(attempts):
        try:
            grid.dblclick(position=position)
            editor.wait_for(state="visible", timeout=10_000)
            if option is None:
                editor.fill(text)
                editor.press("Enter")
            else:
                editor.press_sequentially(text)
                page.get_by_role("option", name=option, exact=True).click(timeout=10_000)
            taken()
            return
        except Exception:
            if attempt == attempts - 1:
                raise
            page.keyboard.press("Escape")
            wait_rendered(page)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_rendered(page, timeout_ms: int = 120_000) -> None:
    """Until the page's script has finished and every chart and grid on it is drawn."""
    page.wait_for_function(_DONE, timeout=timeout_ms, polling=50)


def wait_titled(page, title: str) -> None:
    """Until the page's heading reads `title` and the page is fully rendered."""
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
    log: Path | None = None,
) -> Iterator[tuple[str, subprocess.Popen]]:
    """`streamlit run` of the dashboard (or another script) on a free localhost port against a warehouse,
    until it answers its health check; stopped on exit. Yields the base URL and the process. `env` adds
    environment variables (e.g. KINERJA_APP_DB), `args` Streamlit options, `port` a chosen port (default: free),
    `log` a file that receives the server's output (default: discarded)."""
    port = port or free_port()
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
        stderr=log.open("ab") if log is not None else subprocess.DEVNULL,
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
        create_user(engine, acc.pop("username"), acc.pop("role"), acc.pop("password", PASSWORD), Policy(), actor=SYSTEM, **acc)
    engine.dispose()
    return url


@contextlib.contextmanager
def serve_with_accounts(
    settings,
    accounts: list[dict],
    env: dict | None = None,
    args: list[str] | None = None,
    port: int | None = None,
    log: Path | None = None,
) -> Iterator[tuple[str, str]]:
    """The dashboard on the settings' warehouse with a fresh application database; yields (base URL, app DB URL)."""
    folder = Path(tempfile.mkdtemp(prefix="kinerja-appdb-"))
    url = make_app_db(folder, accounts)
    env = {"KINERJA_APP_DB": url, **(env or {})}
    with serve(settings.warehouse, settings.staging, env=env, args=args, port=port, log=log) as (base, _proc):
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


@contextlib.contextmanager
def oidc_provider(users: list[dict]) -> Iterator[str]:
    """oidc-provider-mock in its own process on a free localhost port, with one-click users; yields its URL."""
    port = free_port()
    args = [sys.executable, "-m", "oidc_provider_mock", "--port", str(port), "--host", "127.0.0.1"]
    for user in users:
        args += ["--user-claims", json.dumps(user)]
    proc = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONWARNINGS": "ignore"}
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/.well-known/openid-configuration", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@contextlib.contextmanager
def serve_with_sso(
    warehouse: Path, staging: Path, accounts: list[dict], users: list[dict], mode: str = "both"
) -> Iterator[tuple[str, str, subprocess.Popen]]:
    """The dashboard with single sign-on against a local provider holding `users` (claims; each gets a one-click
    button named by its `sub`), `[auth] mode` set to `mode`, and an application database with `accounts`.
    Yields (base URL, app DB URL, server process). A browser context signed in once stays signed in for
    every new tab (Streamlit's auth cookie), as for a real SSO deployment."""
    port = free_port()
    folder = Path(tempfile.mkdtemp(prefix="kinerja-sso-"))
    with oidc_provider(users) as issuer:
        secrets_file = folder / "secrets.toml"
        secrets_file.write_text(
            "[auth]\n"
            f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            f'cookie_secret = "{secrets.token_urlsafe(32)}"\n'
            'client_id = "dasbor-kinerja"\nclient_secret = "rahasia-uji"\n'
            f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n'
        )
        settings_file = folder / "settings.toml"
        settings_file.write_text(f'[auth]\nmode = "{mode}"\n')
        db = make_app_db(folder, accounts)
        with serve(
            warehouse,
            staging,
            env={"KINERJA_APP_DB": db, "KINERJA_SETTINGS": str(settings_file)},
            args=["--secrets.files", str(secrets_file)],
            port=port,
        ) as (url, proc):
            yield url, db, proc


def sign_in_sso(page, url: str, sub: str) -> None:
    """Open `url`, press the SSO button and choose the provider's user `sub`; returns once the page is drawn."""
    page.goto(url)
    page.get_by_role("button", name="Masuk dengan akun instansi (SSO)").click(timeout=120_000)
    page.get_by_role("button", name=sub).click(timeout=120_000)
    page.get_by_text("Masuk sebagai").first.wait_for(timeout=120_000)
    wait_rendered(page)
