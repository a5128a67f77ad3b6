"""Scale-out, run as a whole (issue 25): one PostgreSQL application database, a Parquet export in a shared
folder, three dashboard processes on three ports reading it, and a CLI load followed by a re-export.

Every process shows the new data at its next interaction; people signed in on different processes write their
sign-ins, views and coaching cases into the one PostgreSQL; no dashboard process has the warehouse file open.
Real servers throughout: Debian's PostgreSQL (tests/appdb_fixtures.py), `streamlit run`, headless Chromium.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from appdb.accounts import SYSTEM, Policy, create_user
from appdb.coaching import cases
from appdb.engine import make_engine, migrate
from appdb.tables import access_log
from tests.browser import PASSWORD, open_signed_in, serve, wait_rendered
from tests.helpers import query
from warehouse.db import current_file

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
ALL = ("Bangko", "Jambi", "Belawan", "Rakumpit")
PEOPLE = [
    {"username": "admin-satu", "role": "admin", "lokasi": ALL},
    {"username": "admin-dua", "role": "admin", "lokasi": ALL},
    {"username": "admin-tiga", "role": "admin", "lokasi": ALL},
]


def _cli(env: dict, *args: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "pipelines", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def _open_files(pid: int) -> set[str]:
    """The files a process (and its threads) holds open, resolved."""
    out = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):
            out.add(os.path.realpath(fd))
    return out


def _caption(page) -> str:
    page.get_by_text("Data dimuat terakhir").first.wait_for(timeout=120_000)
    return page.get_by_text("Data dimuat terakhir").first.inner_text()


def test_three_dashboards_on_one_export_and_one_postgresql(demo_settings, postgres_server, browser, tmp_path):
    # the shared folder: a copy of the demo warehouse, its staging files and its Parquet export
    shared = tmp_path / "shared"
    (shared / "staging").parent.mkdir(parents=True)
    shutil.copytree(demo_settings.staging, shared / "staging")
    warehouse = shared / "wh.duckdb"
    shutil.copy(current_file(demo_settings.warehouse), warehouse)
    export = shared / "export"
    env = {**os.environ, "KINERJA_WAREHOUSE": str(warehouse), "KINERJA_STAGING": str(shared / "staging")}
    _cli(env, "export", str(export))
    settings_file = tmp_path / "server.toml"
    settings_file.write_text(f'[gudang]\nparquet_dir = "{export}"\n[kasus]\ndemo_history = false\n')

    # the one application database, on PostgreSQL, with one account per reader
    app_db = postgres_server.create_database()
    engine = make_engine(app_db)
    migrate(engine)
    for p in PEOPLE:
        acc = dict(p)
        create_user(engine, acc.pop("username"), acc.pop("role"), PASSWORD, Policy(), actor=SYSTEM, **acc)

    last = query(demo_settings, "SELECT max(periode) FROM dim_periode").item()
    y, m = map(int, last.split("-"))
    nxt = f"{y + m // 12}-{m % 12 + 1:02d}"
    nips = query(demo_settings, "SELECT nip FROM dim_pegawai WHERE lokasi = 'Jambi' ORDER BY nip")["nip"].to_list()
    new_month = tmp_path / "capaian_bulan_baru.csv"
    new_month.write_text(
        "NIP;Periode;Indikator;Target;Realisasi;Bobot\n" + "".join(f"{n};{nxt};Layanan;10;9;100\n" for n in nips)
    )

    server_env = {"KINERJA_APP_DB": app_db, "KINERJA_SETTINGS": str(settings_file)}
    with contextlib.ExitStack() as stack:
        servers = [stack.enter_context(serve(warehouse, shared / "staging", env=server_env)) for _ in range(3)]
        assert len({url for url, _ in servers}) == 3  # three ports
        pages = []
        for (url, _proc), who in zip(servers, PEOPLE, strict=True):
            page = open_signed_in(browser, f"{url}/ringkasan", who["username"])
            wait_rendered(page)
            pages.append(page)
        before = [_caption(p) for p in pages]
        assert all(f"({len(query(demo_settings, 'SELECT * FROM dim_periode'))} periode)" in c for c in before), before

        # no dashboard holds the warehouse file: they read the export
        for _url, proc in servers:
            held = _open_files(proc.pid)
            assert str(warehouse.resolve()) not in held and not any(h.endswith(".duckdb.wal") for h in held), held

        # a load by the command line, then a re-export: each process shows it at its next interaction
        _cli(env, "load", "--kind", "capaian", str(new_month))
        _cli(env, "export", str(export))
        for page in pages:
            page.get_by_role("link", name="Skor").first.click()
            page.wait_for_function(
                "n => document.body.innerText.includes(n)",
                arg=f"({len(query(demo_settings, 'SELECT * FROM dim_periode')) + 1} periode)",
                timeout=120_000,
            )

        # people on two processes each open a coaching case (the coaching list's link): both land in the one
        # PostgreSQL
        listed = query(
            demo_settings, "SELECT nip FROM mart_pembinaan WHERE periode = (SELECT max(periode) FROM mart_pembinaan) LIMIT 2"
        )["nip"].to_list()
        for page, (url, _proc), nip in zip(pages[1:], servers[1:], listed, strict=True):
            page.goto(f"{url}/kasus?nip={nip}")
            page.get_by_role("button", name="Buka kasus", exact=True).click(timeout=120_000)
            page.get_by_text("dibuka untuk", exact=False).first.wait_for(timeout=120_000)
        for page in pages:
            page.close()

    with engine.connect() as con:
        opened = con.execute(sa.select(cases.c.nip, cases.c.opened_by).order_by(cases.c.opened_by)).all()
    assert [(n, who) for n, who in opened] == list(zip(listed, ["admin-dua", "admin-tiga"], strict=True))
    with engine.connect() as con:
        rows = con.execute(
            sa.select(access_log.c.username, access_log.c.event).where(access_log.c.event.in_(["signin", "view"]))
        ).all()
    signed = {u for u, e in rows if e == "signin"}
    assert signed == {p["username"] for p in PEOPLE}  # every process wrote into the one log
    assert {u for u, e in rows if e == "view"} >= {"admin-dua", "admin-tiga"}  # the coaching list they opened
    engine.dispose()
