"""Accounts, principals and the access log on SQLite and on a real PostgreSQL; the command-line tool."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import sqlalchemy as sa

from appdb import access
from appdb.__main__ import main as cli
from appdb.accounts import (
    SYSTEM,
    AccountError,
    Policy,
    authenticate,
    create_user,
    find_user,
    list_users,
    set_password,
    signing_secret,
    update_user,
)
from appdb.demo import disable_demo_accounts, ensure_demo_accounts, is_demo_load
from appdb.principal import Principal
from appdb.tables import signin_throttle, users
from warehouse.db import Scope

POLICY = Policy(min_length=10, max_failed=3, lockout_minutes=15)


def test_password_shorter_than_the_minimum_is_refused(app_engine):
    with pytest.raises(AccountError) as err:
        create_user(app_engine, "ani", "pimpinan", "short", POLICY, actor=SYSTEM, lokasi=["Jambi"])
    assert err.value.code == "password_too_short"
    assert list_users(app_engine, actor=SYSTEM) == []


def test_hash_is_argon2_and_sign_in_works(app_engine):
    create_user(app_engine, "Ani", "pimpinan", "rahasia-panjang", POLICY, actor=SYSTEM, lokasi=["Jambi"])
    with app_engine.connect() as con:
        stored = con.execute(sa.select(users.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and "rahasia" not in stored
    who, why = authenticate(app_engine, "ani", "rahasia-panjang", POLICY)
    assert why == "ok" and who == Principal("ani", "pimpinan", "ani", ("Jambi",), (), None, "local")
    assert authenticate(app_engine, "ani", "salah-sekali!!", POLICY) == (None, "wrong_password")
    assert authenticate(app_engine, "budi", "rahasia-panjang", POLICY) == (None, "unknown")


def test_lockout_after_repeated_failures_even_with_the_right_password(app_engine):
    create_user(app_engine, "ani", "admin", "rahasia-panjang", POLICY, actor=SYSTEM, lokasi=["Jambi"])
    reasons = [authenticate(app_engine, "ani", "salah-salah-salah", POLICY, client="10.0.0.9")[1] for _ in range(3)]
    assert reasons == ["wrong_password", "wrong_password", "locked"]
    assert authenticate(app_engine, "ani", "rahasia-panjang", POLICY, client="10.0.0.9") == (None, "locked")
    with app_engine.begin() as con:  # the lock has run out
        con.execute(sa.update(signin_throttle).values(locked_until=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)))
    assert authenticate(app_engine, "ani", "rahasia-panjang", POLICY, client="10.0.0.9")[1] == "ok"


def test_a_stranger_guessing_cannot_lock_the_owner_out(app_engine):
    """The lock is per account and client: guesses from one address lock that address only."""
    create_user(app_engine, "ani", "admin", "rahasia-panjang", POLICY, actor=SYSTEM, lokasi=["Jambi"])
    for _ in range(10):
        authenticate(app_engine, "ani", "tebakan-salah", POLICY, client="203.0.113.7")
    assert authenticate(app_engine, "ani", "rahasia-panjang", POLICY, client="203.0.113.7") == (None, "locked")
    assert authenticate(app_engine, "ani", "rahasia-panjang", POLICY, client="10.1.2.3")[1] == "ok"


def test_unknown_and_locked_names_fail_like_a_wrong_password(app_engine):
    """Names that don't exist are counted and locked the same way, so the lock tells nothing either."""
    create_user(app_engine, "ani", "admin", "rahasia-panjang", POLICY, actor=SYSTEM, lokasi=["Jambi"])
    real = [authenticate(app_engine, "ani", "salah-salah-salah", POLICY, client="c")[1] for _ in range(4)]
    ghost = [authenticate(app_engine, "hantu", "salah-salah-salah", POLICY, client="c")[1] for _ in range(4)]
    assert real[2:] == ghost[2:] == ["locked", "locked"]


def test_reset_lifts_the_lock_and_disable_refuses(app_engine):
    create_user(app_engine, "ani", "admin", "rahasia-panjang", POLICY, actor=SYSTEM, lokasi=["Jambi"])
    for _ in range(3):
        authenticate(app_engine, "ani", "x" * 12, POLICY)
    set_password(app_engine, "ani", "sandi-baru-yang-panjang", POLICY, actor=SYSTEM)
    assert authenticate(app_engine, "ani", "sandi-baru-yang-panjang", POLICY)[1] == "ok"
    update_user(app_engine, "ani", actor=SYSTEM, active=False)
    assert authenticate(app_engine, "ani", "sandi-baru-yang-panjang", POLICY) == (None, "disabled")
    with pytest.raises(AccountError):
        update_user(app_engine, "nobody", actor=SYSTEM, active=False)
    with pytest.raises(AccountError):
        update_user(app_engine, "ani", actor=SYSTEM, password_hash="x")


def test_sso_accounts_are_found_by_email_or_nip_and_have_no_password(app_engine):
    create_user(app_engine, "sari", "atasan", None, POLICY, actor=SYSTEM, email="Sari@Pemkot.go.id", nip="198001012005011001")
    assert find_user(app_engine, email="sari@pemkot.go.id").username == "sari"
    assert find_user(app_engine, nip="198001012005011001").username == "sari"
    assert authenticate(app_engine, "sari", "", POLICY) == (None, "unknown")


def test_signing_secret_is_generated_once(app_engine):
    first = signing_secret(app_engine)
    assert len(first) >= 40 and signing_secret(app_engine) == first


def test_access_log_appends_filters_and_purges_by_retention(app_engine):
    who = Principal("ani", "admin", lokasi=("Jambi",))
    access.record(app_engine, "signin", who)
    access.record(app_engine, "signin_failed", None, username="budi", outcome="wrong_password")
    access.record(app_engine, "download", who, page="skor", rows=12, detail={"file": "skor.csv"})
    with pytest.raises(ValueError):
        access.record(app_engine, "made-up", who)
    rows = access.entries(app_engine)
    assert [r["event"] for r in rows] == ["download", "signin_failed", "signin"]
    assert rows[0]["detail"] == {"file": "skor.csv"} and rows[0]["rows"] == 12 and rows[0]["role"] == "admin"
    assert [r["username"] for r in access.entries(app_engine, username="budi")] == ["budi"]
    assert len(access.entries(app_engine, events=("signin", "signout"))) == 1
    assert access.purge(app_engine, 0) == 0
    assert access.purge(app_engine, 365) == 0  # nothing that old
    assert len(access.entries(app_engine)) == 3


def test_principal_scopes_fail_closed():
    assert Principal("a", "admin").scope(5) == Scope.nothing()
    assert Principal("a", "admin", lokasi=("Jambi",)).scope(5) == Scope(lokasi=("Jambi",))
    assert Principal("k", "kepala_opd", lokasi=("Jambi",)).scope(5) == Scope.nothing()
    assert Principal("k", "kepala_opd", lokasi=("Jambi",), opd=("Dinas Kesehatan",)).scope(5) == Scope(
        lokasi=("Jambi",), opd=("Dinas Kesehatan",)
    )
    assert Principal("t", "atasan").scope(5) == Scope.nothing()
    assert Principal("t", "atasan", nip="1").scope(5) == Scope(atasan="1", min_group=5)  # its unit as a whole only
    assert Principal("t", "atasan", nip="1").scope(5, 8).min_group == 8  # [privacy] atasan_min_group
    assert Principal("g", "agregat", lokasi=("Jambi",)).scope(5) == Scope(lokasi=("Jambi",), aggregate_only=True, min_group=5)
    assert Principal("g", "agregat", lokasi=("Jambi",)).scope(0).min_group == 2  # never single people
    assert Principal("x", "superuser", lokasi=("Jambi",)).scope(5) == Scope.nothing()


def test_demo_accounts_exist_only_with_demo_data(app_engine):
    assert is_demo_load(["pegawai.xlsx", "capaian_jambi.csv", "skm_bangko.csv", "perilaku.parquet"])
    assert not is_demo_load(["pegawai.xlsx", "pegawai_merangin_2026.xlsx"]) and not is_demo_load([])
    ensure_demo_accounts(app_engine, [dict(username="demo-admin", role="admin", lokasi=("Jambi",))])
    assert authenticate(app_engine, "demo-admin", "dasbor-demo", POLICY)[1] == "ok"
    assert disable_demo_accounts(app_engine) == 1
    assert authenticate(app_engine, "demo-admin", "dasbor-demo", POLICY)[1] == "disabled"


def test_every_file_the_demo_writes_is_recognised_as_the_demo(tmp_path):
    """The demo accounts show while the warehouse holds only demo files: every file the generator writes (the
    appraisal, survey, talent and earlier regimes' files) must be one, or `make run` offers no demo account."""
    from pipelines.demo.files import write_demo_files
    from pipelines.demo.generate import generate
    from pipelines.demo.legacy import write_legacy_files

    data = generate(employees=40, periods=3)
    written = write_demo_files(data, tmp_path) + write_legacy_files(data, tmp_path)
    names = [p.name for p in written]
    assert {"hasil_asesmen_talenta.xlsx", "pp46_prestasi_kerja_2017_2018.xlsx"} <= set(names)
    assert is_demo_load(names)
    assert not is_demo_load([*names, "riwayat_hukuman_disiplin_merangin.csv"])


def test_command_line_adds_lists_disables_and_logs(app_db_url, monkeypatch, capsys):
    monkeypatch.setenv("KINERJA_APP_DB", app_db_url)
    monkeypatch.setattr("sys.stdin", io.StringIO("sandi-admin-panjang\n"))
    assert cli(["add-user", "Admin1", "--role", "admin", "--lokasi", "Jambi", "--lokasi", "Bangko", "--password-stdin"]) == 0
    assert cli(["set-scope", "admin1", "--opd", "Dinas Kesehatan"]) == 0
    assert cli(["list-users"]) == 0
    out = capsys.readouterr().out
    assert "admin1" in out and "lokasi=Bangko,Jambi" in out and "opd=Dinas Kesehatan" in out
    monkeypatch.setattr("sys.stdin", io.StringIO("pendek\n"))
    assert cli(["reset-password", "admin1", "--password-stdin"]) == 2
    assert cli(["disable", "admin1"]) == 0
    from appdb.engine import open_app_db

    engine = open_app_db(app_db_url)
    assert authenticate(engine, "admin1", "sandi-admin-panjang", POLICY)[1] == "disabled"
    changes = [r["detail"]["action"] for r in access.entries(engine, events=("user_change",))]
    assert changes == ["disable", "edit", "add"]
