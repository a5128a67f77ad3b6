"""Sessions on SQLite and a real PostgreSQL: a token only this installation could have signed, ended by
sign-out, by disabling the account or changing what it may see, by a password reset, by idling or by age."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from appdb import sessions
from appdb.accounts import SYSTEM, Policy, authenticate, create_user, set_password, update_user
from appdb.tables import auth_sessions

SECRET = "rahasia-instalasi-uji"
POLICY = Policy()


@pytest.fixture
def ani(app_engine):
    create_user(app_engine, "ani", "pimpinan", "rahasia-panjang", POLICY, actor=SYSTEM, lokasi=["Jambi"])
    return authenticate(app_engine, "ani", "rahasia-panjang", POLICY)[0]


def _token(engine, who, hours: float = 12) -> str:
    return sessions.issue(engine, SECRET, who, hours)


def test_a_token_resumes_its_session_and_only_this_secret_signs_one(app_engine, ani):
    token = _token(app_engine, ani)
    assert sessions.check(app_engine, SECRET, token, 600).usable == ani
    assert sessions.check(app_engine, "another-secret", token, 600).status == "invalid"
    sid, exp, sig = token.split(".")
    assert sessions.check(app_engine, SECRET, f"{sid}.{int(exp) + 86400}.{sig}", 600).status == "invalid"
    assert sessions.check(app_engine, SECRET, "garbage", 600).status == "invalid"


@pytest.mark.parametrize(
    "change",
    [
        lambda e: update_user(e, "ani", actor=SYSTEM, active=False),
        lambda e: update_user(e, "ani", actor=SYSTEM, role="kepala_opd", opd=["Dinas Kesehatan"]),
        lambda e: update_user(e, "ani", actor=SYSTEM, lokasi=["Jambi", "Bangko"]),
        lambda e: set_password(e, "ani", "sandi-baru-panjang", POLICY, actor=SYSTEM),
    ],
    ids=["disabled", "role", "scope", "password"],
)
def test_account_changes_end_its_sessions(app_engine, ani, change):
    tokens = [_token(app_engine, ani) for _ in range(2)]  # two browsers
    change(app_engine)
    assert [sessions.check(app_engine, SECRET, t, 600).status for t in tokens] == ["revoked", "revoked"]


def test_a_change_that_doesnt_touch_access_keeps_sessions(app_engine, ani):
    token = _token(app_engine, ani)
    update_user(app_engine, "ani", actor=SYSTEM, display_name="Ani S.")
    assert sessions.check(app_engine, SECRET, token, 600).status == "ok"


def test_sign_out_ends_that_session_only(app_engine, ani):
    here, there = _token(app_engine, ani), _token(app_engine, ani)
    assert sessions.revoke(app_engine, SECRET, here)
    assert sessions.check(app_engine, SECRET, here, 600).status == "revoked"
    assert sessions.check(app_engine, SECRET, there, 600).status == "ok"


def test_idle_and_old_sessions_end(app_engine, ani):
    idle, old = _token(app_engine, ani), _token(app_engine, ani)
    past = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=31)
    with app_engine.begin() as con:
        con.execute(sa.update(auth_sessions).values(last_seen=past))
    assert sessions.check(app_engine, SECRET, idle, 30 * 60, touch=False).status == "idle"
    assert sessions.check(app_engine, SECRET, idle, 0).status == "ok"  # no idle limit set
    with app_engine.begin() as con:
        con.execute(sa.update(auth_sessions).values(expires_at=past, last_seen=dt.datetime.now(dt.UTC)))
    assert sessions.check(app_engine, SECRET, old, 30 * 60).status == "expired"
