"""Demo accounts, one per role, that exist only while the warehouse holds nothing but the demo data."""

from __future__ import annotations

import re

import sqlalchemy as sa

from appdb.accounts import DEMO_PREFIX, SYSTEM, AccountError, Policy, create_user, real_admin_exists, update_user
from appdb.tables import users
from domain.places import PLACES
from pipelines.demo.catalog import DEMO_FILE_PATTERN

DEMO_PASSWORD = "dasbor-demo"
PREFIX = DEMO_PREFIX
# the files `python -m pipelines demo` writes (declared beside the generator)
_DEMO_FILE = re.compile(DEMO_FILE_PATTERN)


def is_demo_load(files: list[str]) -> bool:
    """Whether every file ever loaded is one the demo generator wrote (and at least one was loaded)."""
    return bool(files) and all(_DEMO_FILE.match(f) for f in files)


def demo_accounts(atasan_nip: str | None, opd: str | None) -> list[dict]:
    """One account per role; the Atasan is the warehouse's busiest supervisor, the Kepala OPD heads `opd` in Jambi."""
    return [
        dict(username="demo-admin", role="admin", display_name="Admin BKPSDM (demo)", lokasi=PLACES),
        dict(username="demo-pimpinan", role="pimpinan", display_name="Sekda Kota Jambi (demo)", lokasi=("Jambi",)),
        dict(
            username="demo-kepala-opd",
            role="kepala_opd",
            display_name=f"Kepala {opd or 'OPD'} (demo)",
            lokasi=("Jambi",),
            opd=(opd,) if opd else (),
        ),
        dict(username="demo-atasan", role="atasan", display_name="Atasan langsung (demo)", nip=atasan_nip),
        dict(username="demo-agregat", role="agregat", display_name="Inspektorat (demo)", lokasi=PLACES),
    ]


def ensure_demo_accounts(engine: sa.Engine, accounts: list[dict]) -> None:
    """Create the demo accounts that are missing, and re-enable ones a real load had disabled."""
    policy = Policy(min_length=len(DEMO_PASSWORD))
    for acc in accounts:
        try:
            create_user(engine, password=DEMO_PASSWORD, policy=policy, actor=SYSTEM, **acc)
        except AccountError as exc:
            if exc.code != "user_exists":
                raise
            update_user(engine, acc["username"], actor=SYSTEM, active=True)


def disable_demo_accounts(engine: sa.Engine) -> int:
    """Switch every demo account off (real data is loaded): their passwords are printed on screen in demo mode."""
    with engine.begin() as con:
        # the version moves on, so open demo sessions end at their next check
        off = dict(active=False, session_version=users.c.session_version + 1)
        return con.execute(
            sa.update(users).where(users.c.username.startswith(PREFIX), users.c.active.is_(True)).values(**off)
        ).rowcount


def demo_accounts_active(engine: sa.Engine) -> bool:
    """Whether any demo account can still sign in."""
    with engine.connect() as con:
        found = con.execute(sa.select(users.c.id).where(users.c.username.startswith(PREFIX), users.c.active.is_(True)).limit(1))
        return found.first() is not None


def load_locks_out(engine: sa.Engine, loaded: list[str], new: list[str]) -> bool:
    """Whether loading files named `new` (after `loaded`) would switch the demo accounts off while they are the
    only way in: the warehouse would no longer be demo data, a demo account is active, and no real (non-demo)
    administrator exists. A load that would lock everyone out is refused until one exists."""
    if is_demo_load([*loaded, *new]) or not demo_accounts_active(engine):
        return False
    return not real_admin_exists(engine)
