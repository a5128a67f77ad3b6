"""Admins are bounded by their own places, on SQLite and a real PostgreSQL: they create, change, reset, disable
and even see only accounts whose places are all theirs, and never give a place, OPD or role beyond what they
hold; a superadmin is made only by the command line. A property test tries random admin scopes and writes."""

from __future__ import annotations

import io
import itertools
import tempfile
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from appdb import access
from appdb.__main__ import main as cli
from appdb.accounts import SYSTEM, AccountError, Policy, authenticate, create_user, list_users, set_password, update_user
from appdb.engine import make_engine, migrate
from appdb.principal import Principal
from appdb.tables import ROLES, users

POLICY = Policy(min_length=10)
PLACES = ("Bangko", "Jambi", "Belawan", "Rakumpit")
BANGKO = Principal("admin-bangko", "admin", lokasi=("Bangko",))


def _accounts(engine) -> dict[str, dict]:
    with engine.connect() as con:
        return {r.username: dict(r._mapping) for r in con.execute(sa.select(users))}


@pytest.fixture
def seeded(app_engine):
    """The attack's setting: an admin of Bangko, and accounts of Jambi and of all places made by the CLI."""
    for name, role, places in [
        ("admin-bangko", "admin", ["Bangko"]),
        ("pimpinan-jambi", "pimpinan", ["Jambi"]),
        ("admin-semua", "admin", list(PLACES)),
        ("pimpinan-bangko", "pimpinan", ["Bangko"]),
    ]:
        create_user(app_engine, name, role, "rahasia-panjang", POLICY, actor=SYSTEM, lokasi=places)
    return app_engine


def test_an_admin_of_one_place_cannot_make_an_admin_of_all_places(seeded):
    with pytest.raises(AccountError) as err:
        create_user(seeded, "admin-baru", "admin", "rahasia-panjang", POLICY, actor=BANGKO, lokasi=list(PLACES))
    assert err.value.code == "not_allowed"
    with pytest.raises(AccountError):  # nor one without a place (which no admin of a place could then manage)
        create_user(seeded, "admin-baru", "admin", "rahasia-panjang", POLICY, actor=BANGKO)
    assert "admin-baru" not in _accounts(seeded)
    # within its own place it may hand its place on, to an admin too
    create_user(seeded, "admin-baru", "admin", "rahasia-panjang", POLICY, actor=BANGKO, lokasi=["Bangko"])
    assert _accounts(seeded)["admin-baru"]["lokasi"] == ["Bangko"]


def test_accounts_of_other_places_are_invisible_and_untouchable(seeded):
    assert [u["username"] for u in list_users(seeded, actor=BANGKO)] == ["admin-bangko", "pimpinan-bangko"]
    before = _accounts(seeded)
    for write in (
        lambda: update_user(seeded, "pimpinan-jambi", actor=BANGKO, active=False),
        lambda: update_user(seeded, "admin-semua", actor=BANGKO, lokasi=["Bangko"]),
        lambda: set_password(seeded, "pimpinan-jambi", "sandi-baru-panjang", POLICY, actor=BANGKO),
    ):
        with pytest.raises(AccountError) as err:
            write()
        assert err.value.code == "no_such_user"  # answered as if it didn't exist
    assert _accounts(seeded) == before
    assert authenticate(seeded, "pimpinan-jambi", "rahasia-panjang", POLICY)[1] == "ok"


def test_an_admin_cannot_widen_an_account_of_its_place(seeded):
    for changes in ({"lokasi": ["Bangko", "Jambi"]}, {"lokasi": []}):
        with pytest.raises(AccountError):
            update_user(seeded, "pimpinan-bangko", actor=BANGKO, **changes)
    with pytest.raises(AccountError):  # its own account neither
        update_user(seeded, "admin-bangko", actor=BANGKO, lokasi=list(PLACES))
    assert _accounts(seeded)["pimpinan-bangko"]["lokasi"] == ["Bangko"]
    assert _accounts(seeded)["admin-bangko"]["lokasi"] == ["Bangko"]
    assert update_user(seeded, "pimpinan-bangko", actor=BANGKO, role="kepala_opd", opd=["Dinas Kesehatan"]) == {
        "role": "kepala_opd",
        "opd": ["Dinas Kesehatan"],
    }


def test_opd_bounded_admin_gives_only_its_opds(seeded):
    kesehatan = Principal("admin-dinkes", "admin", lokasi=("Bangko",), opd=("Dinas Kesehatan",))
    with pytest.raises(AccountError):
        create_user(seeded, "k1", "kepala_opd", None, POLICY, actor=kesehatan, lokasi=["Bangko"], opd=["Dinas Pendidikan"])
    with pytest.raises(AccountError):  # an OPD-bounded admin can't give "every OPD" by leaving it empty
        create_user(seeded, "k1", "pimpinan", None, POLICY, actor=kesehatan, lokasi=["Bangko"])
    create_user(seeded, "k1", "kepala_opd", None, POLICY, actor=kesehatan, lokasi=["Bangko"], opd=["Dinas Kesehatan"])


def test_superadmin_only_from_the_command_line(seeded, app_db_url, monkeypatch):
    everywhere = Principal("admin-semua", "admin", lokasi=PLACES)
    with pytest.raises(AccountError):
        create_user(seeded, "root", "superadmin", "rahasia-panjang", POLICY, actor=everywhere, lokasi=list(PLACES))
    with pytest.raises(AccountError):
        update_user(seeded, "pimpinan-jambi", actor=everywhere, role="superadmin")
    signed_in_super = Principal("root", "superadmin", source="local")  # even a superadmin in the dashboard
    with pytest.raises(AccountError):
        create_user(seeded, "root2", "superadmin", "rahasia-panjang", POLICY, actor=signed_in_super)
    monkeypatch.setenv("KINERJA_APP_DB", app_db_url)
    monkeypatch.setattr("sys.stdin", io.StringIO("sandi-root-panjang\n"))
    assert cli(["add-user", "root", "--role", "superadmin", "--password-stdin"]) == 0
    assert _accounts(seeded)["root"]["role"] == "superadmin"
    who, _ = authenticate(seeded, "root", "sandi-root-panjang", POLICY)
    assert who.unrestricted and who.is_admin
    # a superadmin's account is out of reach of every admin, and of itself in the dashboard
    assert "root" not in [u["username"] for u in list_users(seeded, actor=everywhere)]
    assert "root" not in [u["username"] for u in list_users(seeded, actor=who)]
    assert "pimpinan-jambi" in [u["username"] for u in list_users(seeded, actor=who)]


def test_account_writes_are_logged_with_the_role_and_places_given(seeded):
    create_user(seeded, "spv", "atasan", None, POLICY, actor=BANGKO, lokasi=["Bangko"], nip="198001012005011001")
    update_user(seeded, "spv", actor=BANGKO, active=False, context={"page": "akun", "session": "abc"})
    rows = access.entries(seeded, events=("user_change",))
    assert rows[0]["detail"] == {
        "action": "disable",
        "user": "spv",
        "role": "atasan",
        "lokasi": ["Bangko"],
        "changed": ["active"],
    }
    assert rows[0]["username"] == "admin-bangko" and rows[0]["page"] == "akun" and rows[0]["session"] == "abc"
    assert rows[1]["detail"] == {
        "action": "add",
        "user": "spv",
        "role": "atasan",
        "lokasi": ["Bangko"],
        "nip": "198001012005011001",
    }


def test_an_atasan_made_for_one_place_sees_only_that_place():
    """An admin of Bangko could name a Jambi supervisor's NIP: the account's place bounds what it sees."""
    spv = Principal("spv", "atasan", lokasi=("Bangko",), nip="198001012005011001")
    assert spv.scope(5).lokasi == ("Bangko",) and spv.scope(5).atasan == "198001012005011001"


# The property: random admin scopes against random writes. One SQLite file for all examples (a fresh one per
# example would cost a migration each); usernames never repeat.
_names = (f"u{i}" for i in itertools.count())
_places = st.lists(st.sampled_from(PLACES), max_size=4, unique=True)
_actor = st.builds(
    lambda role, places: Principal("aktor", role, lokasi=tuple(places)),
    st.sampled_from(["admin", "admin", "admin", "pimpinan", "kepala_opd", "superadmin"]),
    _places,
)
_write = st.tuples(st.sampled_from(["create", "edit", "disable", "reset"]), st.sampled_from((*ROLES, "superadmin")), _places)


@pytest.fixture(scope="module")
def property_engine():
    engine = make_engine(f"sqlite:///{Path(tempfile.mkdtemp(prefix='kinerja-prop-')) / 'app.db'}")
    migrate(engine)
    yield engine
    engine.dispose()


def _held(actor: Principal, places) -> bool:
    """What the rule allows: every place given is the actor's, and there is one (superadmins: all)."""
    if actor.role == "superadmin":
        return True
    return actor.role == "admin" and bool(places) and set(places) <= set(actor.lokasi)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actor=_actor, existing_places=_places, existing_role=st.sampled_from(ROLES), write=_write)
def test_no_account_write_exceeds_the_actors_places(property_engine, actor, existing_places, existing_role, write):
    engine, name = property_engine, next(_names)
    action, role, places = write
    create_user(engine, name, existing_role, None, POLICY, actor=SYSTEM, lokasi=existing_places)
    before = _accounts(engine)[name]
    try:
        if action == "create":
            name = next(_names)
            create_user(engine, name, role, None, POLICY, actor=actor, lokasi=places)
        elif action == "edit":
            update_user(engine, name, actor=actor, role=role, lokasi=places)
        elif action == "disable":
            update_user(engine, name, actor=actor, active=False)
        else:
            set_password(engine, name, "sandi-baru-panjang", POLICY, actor=actor)
    except AccountError:
        after = _accounts(engine)
        assert (name not in after) if action == "create" else after[name] == before  # nothing written
        return
    after = _accounts(engine)[name]
    # a write went through: the account was within the actor's places before (unless new) and is after
    if action != "create":
        assert _held(actor, before["lokasi"])
    assert _held(actor, after["lokasi"])
    assert after["role"] != "superadmin"  # never from a principal of the dashboard
    seen = {u["username"] for u in list_users(engine, actor=actor)}
    assert name in seen and all(_held(actor, u["lokasi"]) for u in _accounts(engine).values() if u["username"] in seen)


def test_an_admin_reads_only_the_access_log_of_the_accounts_it_manages(seeded):
    """The log names who viewed whose data: an admin of Bangko reads Bangko's accounts' rows and its own, never
    Jambi's, nor failed sign-ins with made-up names (only an admin of every place reads those)."""
    from appdb.accounts import log_visibility

    for who, role, places in [("pimpinan-jambi", "pimpinan", ("Jambi",)), ("pimpinan-bangko", "pimpinan", ("Bangko",))]:
        access.record(seeded, "profile", Principal(who, role, lokasi=places), page="profil", detail={"nip": who})
    access.record(seeded, "signin_failed", None, username="tebakan")
    names, unknown = log_visibility(seeded, BANGKO)
    seen = {r["username"] for r in access.entries(seeded, names=names, unknown=unknown)}
    assert "pimpinan-bangko" in seen and "pimpinan-jambi" not in seen and "tebakan" not in seen
    everyone = Principal("admin-semua", "admin", lokasi=PLACES)
    names, unknown = log_visibility(seeded, everyone)
    seen_all = {r["username"] for r in access.entries(seeded, names=names, unknown=unknown)}
    assert {"pimpinan-bangko", "pimpinan-jambi", "tebakan"} <= seen_all
