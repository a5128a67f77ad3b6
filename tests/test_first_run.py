"""First real load, nobody locked out (issue 21): the first administrator is made on the sign-in page while no real
account exists (with the setup code from the server's log, once, logged, safe against a race), and neither the
Data page nor the load command switches the demo accounts off before a real administrator exists."""

from __future__ import annotations

import os
import threading

import pytest
import sqlalchemy as sa

from appdb import access
from appdb.accounts import (
    FIRST_ADMIN_KEY,
    SYSTEM,
    AccountError,
    Policy,
    authenticate,
    create_first_admin,
    create_user,
    first_run_open,
    setup_code,
    signing_secret,
)
from appdb.demo import demo_accounts, ensure_demo_accounts, load_locks_out
from appdb.engine import open_app_db
from appdb.principal import Principal
from appdb.tables import app_meta, users
from domain.places import PLACES
from pipelines.__main__ import main as cli
from tests.conftest import make_settings
from tests.helpers import csv, pegawai
from tests.test_app import app  # noqa: F401, F811  (the fixture)
from ui import fmt

POLICY = Policy()
DEMO_FILES = ["pegawai.xlsx", "capaian_jambi.csv", "perilaku.parquet"]


def _demo(engine) -> None:
    ensure_demo_accounts(engine, demo_accounts("199001012015011001", "Dinas Kesehatan"))


def test_first_admin_needs_the_setup_code_is_an_admin_of_every_place_and_is_logged_once(app_engine):
    secret = signing_secret(app_engine)
    _demo(app_engine)  # demo accounts are not real accounts: the form is still offered
    assert first_run_open(app_engine)
    with pytest.raises(AccountError) as wrong:
        create_first_admin(app_engine, "kepala-bkpsdm", "rahasia-panjang", POLICY, code="AAAA-BBBB-CCCC", secret=secret)
    assert wrong.value.code == "setup_code_wrong" and first_run_open(app_engine)
    with pytest.raises(AccountError) as demo_name:
        create_first_admin(app_engine, "demo-saya", "rahasia-panjang", POLICY, code=setup_code(secret), secret=secret)
    assert demo_name.value.code == "name_reserved"
    who = create_first_admin(
        app_engine, "Kepala-BKPSDM", "rahasia-panjang", POLICY, code=setup_code(secret).lower(), secret=secret
    )
    assert (who.username, who.role, set(who.lokasi)) == ("kepala-bkpsdm", "admin", set(PLACES))
    signed, outcome = authenticate(app_engine, "kepala-bkpsdm", "rahasia-panjang", POLICY)
    assert outcome == "ok" and signed.role == "admin" and set(signed.lokasi) == set(PLACES) and not signed.unrestricted
    assert not first_run_open(app_engine)
    with pytest.raises(AccountError) as again:
        create_first_admin(app_engine, "orang-lain", "rahasia-panjang", POLICY, code=setup_code(secret), secret=secret)
    assert again.value.code == "first_run_closed"
    rows = [r for r in access.entries(app_engine, events=("user_change",)) if r["detail"]["action"] == "first_admin"]
    assert len(rows) == 1 and rows[0]["username"] == "kepala-bkpsdm"
    assert set(rows[0]["detail"]["lokasi"]) == set(PLACES) and rows[0]["detail"]["role"] == "admin"


def test_not_offered_once_any_real_account_exists(app_engine):
    create_user(app_engine, "ani", "pimpinan", "rahasia-panjang", POLICY, actor=SYSTEM, lokasi=["Jambi"])
    assert not first_run_open(app_engine)
    secret = signing_secret(app_engine)
    with pytest.raises(AccountError) as closed:
        create_first_admin(app_engine, "budi", "rahasia-panjang", POLICY, code=setup_code(secret), secret=secret)
    assert closed.value.code == "first_run_closed"
    with app_engine.connect() as con:  # the refused attempt left no marker behind
        assert con.execute(sa.select(app_meta).where(app_meta.c.key == FIRST_ADMIN_KEY)).first() is None


def test_of_two_people_racing_only_one_becomes_the_administrator(app_engine):
    secret = signing_secret(app_engine)
    code = setup_code(secret)
    start, outcomes = threading.Barrier(6), []

    def attempt(name: str) -> None:
        start.wait()
        try:
            create_first_admin(app_engine, name, "rahasia-panjang", POLICY, code=code, secret=secret)
            outcomes.append(("ok", name))
        except AccountError as exc:
            outcomes.append((exc.code, name))

    threads = [threading.Thread(target=attempt, args=(f"admin-{i}",)) for i in range(6)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    winners = [n for o, n in outcomes if o == "ok"]
    assert len(winners) == 1 and sorted(o for o, _ in outcomes) == ["first_run_closed"] * 5 + ["ok"]
    with app_engine.connect() as con:
        assert con.execute(sa.select(users.c.username)).scalars().all() == winners


def test_demo_names_are_kept_for_the_demo_accounts(app_engine):
    admin = Principal("adm", "admin", lokasi=tuple(PLACES))
    with pytest.raises(AccountError) as exc:
        create_user(app_engine, "demo-admin2", "admin", "rahasia-panjang", POLICY, actor=admin, lokasi=PLACES)
    assert exc.value.code == "name_reserved"


def test_a_real_load_locks_out_until_a_real_admin_exists(app_engine):
    _demo(app_engine)
    assert not load_locks_out(app_engine, DEMO_FILES, ["skm_bangko.csv"]), "more demo files switch nothing off"
    assert load_locks_out(app_engine, DEMO_FILES, ["pegawai_merangin.xlsx"])
    create_user(app_engine, "ani", "pimpinan", "rahasia-panjang", POLICY, actor=SYSTEM, lokasi=["Jambi"])
    assert load_locks_out(app_engine, DEMO_FILES, ["pegawai_merangin.xlsx"]), "a pimpinan cannot manage accounts"
    create_user(app_engine, "budi", "admin", "rahasia-panjang", POLICY, actor=SYSTEM, lokasi=["Bangko"])
    assert not load_locks_out(app_engine, DEMO_FILES, ["pegawai_merangin.xlsx"])


def test_the_load_command_refuses_before_reading_and_loads_with_the_flag(tmp_path, monkeypatch, capsys):
    s = make_settings(tmp_path)
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(s.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(s.staging))
    url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("KINERJA_APP_DB", url)
    _demo(open_app_db(url))
    roster = tmp_path / "pegawai_merangin.csv"
    roster.write_bytes(pegawai())
    assert cli(["load", str(roster)]) == 4
    err = capsys.readouterr().err
    assert "Ditolak sebelum dimuat" in err and "--matikan-demo" in err and "python -m appdb add-user" in err
    assert not s.warehouse.exists(), "nothing was read or loaded"
    assert cli(["load", str(roster), "--matikan-demo"]) == 0
    assert s.warehouse.exists()
    # with a real administrator, the next real file loads without the flag
    create_user(open_app_db(url), "budi", "admin", "rahasia-panjang", POLICY, actor=SYSTEM, lokasi=["Jambi"])
    capaian = tmp_path / "capaian_merangin.csv"
    capaian.write_bytes(csv([{"nip": "199001012015011001", "periode": "2026-10", "capaian": 90}]))
    assert cli(["load", str(capaian)]) != 4


def test_first_admin_made_on_the_sign_in_page_then_signs_in(app):  # noqa: F811
    engine = open_app_db(os.environ["KINERJA_APP_DB"])
    at = app("ringkasan", principal=None)
    assert any(h.value.startswith("Penyiapan pertama") for h in at.subheader)
    at.text_input(key="first_code").input("0000-0000-0000")
    at.text_input(key="first_user").input("kepala-bkpsdm")
    at.text_input(key="first_password").input("rahasia-panjang")
    at.text_input(key="first_again").input("rahasia-panjang")
    at.button[1].click().run()
    assert at.error[0].value.startswith("Kode penyiapan salah") and first_run_open(engine)
    at.text_input(key="first_code").input(setup_code(signing_secret(engine)))
    at.button[1].click().run()
    assert not at.exception and not first_run_open(engine)
    assert fmt.md("kepala-bkpsdm") in at.info[0].value
    assert not any(h.value.startswith("Penyiapan pertama") for h in at.subheader), "offered once only"
    at.text_input(key="signin_user").input("kepala-bkpsdm")
    at.text_input(key="signin_password").input("rahasia-panjang")
    at.button[0].click().run()
    assert at.title[0].value != "Masuk"
