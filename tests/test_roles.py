"""Each role's pages through the sign-in seam (AppTest): what each sees, what is refused, and what is logged."""

from __future__ import annotations

import os

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from appdb import access
from appdb.accounts import SYSTEM, Policy, create_user
from appdb.engine import open_app_db
from appdb.principal import Principal
from tests.helpers import app_headline, query
from tests.test_app import ADMIN, HARNESS, app  # noqa: F401  (the fixture)
from ui import fmt

PIMPINAN = Principal("pimpinan-jambi", "pimpinan", "Sekda", lokasi=("Jambi",))
AGREGAT = Principal("inspektorat", "agregat", "Inspektorat", lokasi=("Jambi", "Bangko", "Belawan", "Rakumpit"))
NAMES = {"Nama", "NIP", "Atasan", "Penilai", "Kritik dan saran"}
PLACES = ["Bangko", "Jambi", "Belawan", "Rakumpit"]


def _log(event: str | None = None) -> list[dict]:
    engine = open_app_db(os.environ["KINERJA_APP_DB"])
    return access.entries(engine, events=(event,) if event else ())


def _grids(at) -> list[pl.DataFrame]:
    return [pl.from_pandas(d.value) for d in at.dataframe]


def test_without_a_principal_only_the_sign_in_page_shows(app):
    at = app("pembinaan", principal=None)
    assert at.title[0].value == "Masuk"
    assert not app_headline(at)["rows"] and len(at.sidebar.multiselect) == 0
    # the demo warehouse lists the demo accounts, one per role, and nothing else
    assert [list(d.value.columns) for d in at.dataframe] == [["Nama pengguna", "Peran", "Nama tampilan"]]
    assert len(at.dataframe[0].value) == 5


def test_sign_in_form_signs_in_and_locks_after_repeated_failures(app):
    engine = open_app_db(os.environ["KINERJA_APP_DB"])
    create_user(engine, "ani", "pimpinan", "rahasia-panjang", Policy(), actor=SYSTEM, lokasi=["Jambi"])
    at = app("ringkasan", principal=None)
    for _ in range(5):
        at.text_input(key="signin_user").input("ani")
        at.text_input(key="signin_password").input("salah-sekali")
        at.button[0].click().run()
    # a locked account answers exactly as a wrong password does (nothing tells a stranger it exists or is locked)
    assert at.error[0].value.startswith("Nama pengguna atau kata sandi salah")
    at.text_input(key="signin_user").input("ani")
    at.text_input(key="signin_password").input("rahasia-panjang")
    at.button[0].click().run()
    assert at.title[0].value == "Masuk", "a locked account stays out even with the right password"
    outcomes = [r["outcome"] for r in _log("signin_failed")]
    assert outcomes == ["locked", "locked", "wrong_password", "wrong_password", "wrong_password", "wrong_password"]


def test_pimpinan_sees_only_their_place(app, demo_settings):
    at = app("skor", principal=PIMPINAN)
    assert at.sidebar.multiselect(key="lokasi").options == ["Jambi"]
    places = set()
    for grid in _grids(at):
        if "Lokasi" in grid.columns:
            places |= set(grid["Lokasi"].to_list())
    assert places <= {"Jambi"}
    at = app("ringkasan", principal=PIMPINAN)
    assert list(app_headline(at)["rows"]) == ["Jambi"]  # one place's headline


def test_aggregate_viewer_never_sees_a_name_or_a_small_group(app):
    for page in ("ringkasan", "skor", "tren", "bandingkan", "umpan_balik", "pembinaan", "penghargaan", "profil"):
        at = app(page, principal=AGREGAT)
        for grid in _grids(at):
            assert not NAMES & set(grid.columns), page
            for n_col in ("n", "Responden"):
                if n_col in grid.columns:
                    sizes = pl.Series(grid[n_col]).cast(pl.String).str.replace_all(r"\.", "").cast(pl.Int64)
                    assert sizes.null_count() == 0 and (sizes.len() == 0 or sizes.min() >= 5), (page, grid)
    at = app("pembinaan", principal=AGREGAT)
    assert not at.dataframe  # the list holds people: nothing for an aggregate viewer


def test_atasan_coaching_list_holds_only_people_below_them(app, demo_settings):
    boss = query(
        demo_settings, "SELECT nip_atasan FROM dim_pegawai WHERE nip_atasan IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    ).item()
    below = set(query(demo_settings, "SELECT nama FROM dim_pegawai WHERE nip_atasan = $b", {"b": boss})["nama"])
    at = app("pembinaan", principal=Principal("atasan", "atasan", nip=boss))
    for grid in _grids(at):
        assert set(grid["Nama"].to_list()) <= below | set(
            query(
                demo_settings,
                "SELECT nama FROM dim_pegawai WHERE nip_atasan IN (SELECT nip FROM dim_pegawai WHERE nip_atasan = $b)",
                {"b": boss},
            )["nama"]
        )


@pytest.mark.parametrize("page", ["data", "akun", "log_akses"])
def test_admin_pages_refuse_other_roles(app, page):
    at = app(page, principal=PIMPINAN)
    assert at.error[0].value == "Halaman ini hanya untuk Admin BKPSDM."
    assert not at.dataframe and not at.get("file_uploader")


def test_profile_of_a_nip_outside_scope_is_like_a_missing_one_and_is_logged(app, demo_settings):
    outside = query(demo_settings, "SELECT nip FROM dim_pegawai WHERE lokasi <> 'Jambi' ORDER BY nip LIMIT 1").item()
    shown = []
    for nip in (outside, "199901012020011999"):
        at = AppTest.from_file(HARNESS, default_timeout=60)
        at.session_state["_page"] = "profil"
        at.session_state["_principal"] = PIMPINAN
        at.query_params["nip"] = nip
        at.run()
        assert not at.exception
        shown.append(([w.value for w in at.warning], [h.value for h in at.header]))
    assert shown[0] == shown[1] and shown[0][1] == []
    denied = {r["detail"]["nip"]: r["outcome"] for r in _log("denied")}
    assert denied == {outside: "denied", "199901012020011999": "not_found"}


def test_another_place_in_the_address_is_dropped_and_logged(app):
    at = AppTest.from_file(HARNESS, default_timeout=60)
    at.session_state["_page"] = "ringkasan"
    at.session_state["_principal"] = PIMPINAN
    at.query_params["lokasi"] = ["Belawan", "Jambi"]
    at.run()
    assert not at.exception
    assert list(app_headline(at)["rows"]) == ["Jambi"]  # Jambi only
    assert at.sidebar.multiselect(key="lokasi").value == ["Jambi"]
    rows = _log("denied")
    assert rows[0]["detail"] == {"lokasi": ["Belawan"]} and rows[0]["username"] == "pimpinan-jambi"


def test_views_of_personal_data_are_logged_once_with_filters_and_rows(app):
    at = app("pembinaan", principal=ADMIN)
    at.run()  # a rerun showing the same list again adds nothing
    views = _log("view")
    assert len(views) == 1
    v = views[0]
    assert v["page"] == "pembinaan" and v["role"] == "admin" and v["rows"] == at.dataframe[0].value.shape[0]
    assert v["detail"]["table"] == "pembinaan" and "dari" in v["detail"]["filters"]
    at = app("ringkasan", principal=ADMIN)
    assert len(_log("view")) == 1  # aggregates only: not personal data


def test_akun_page_offers_and_shows_only_the_admins_own_places(app):
    """An admin of Bangko: the form offers Bangko only and no superadmin role; Jambi's accounts don't show."""
    engine = open_app_db(os.environ["KINERJA_APP_DB"])
    for name, places in [("pimpinan-jambi", ["Jambi"]), ("pimpinan-bangko", ["Bangko"]), ("admin-semua", PLACES)]:
        create_user(engine, name, "pimpinan" if "pimpinan" in name else "admin", None, Policy(), actor=SYSTEM, lokasi=places)
    at = app("akun", principal=Principal("admin-bangko", "admin", "Admin Bangko", ("Bangko",)))
    assert at.multiselect(key="new_lokasi").options == ["Bangko"]
    assert "Superadmin (baris perintah)" not in at.selectbox(key="new_role").options
    assert at.selectbox(key="edit_pick").options == ["pimpinan-bangko"]
    assert _grids(at)[0]["Pengguna"].to_list() == ["pimpinan-bangko"]
    # the change form is drawn for the account chosen, with its values; none is chosen at first
    assert at.selectbox(key="edit_pick").value is None
    assert not [w for w in at.text_input if w.key.startswith("edit_")]
    at.selectbox(key="edit_pick").set_value("pimpinan-bangko").run()
    assert at.multiselect(key="edit_pimpinan-bangko_lokasi").value == ["Bangko"]
    assert at.selectbox(key="edit_pimpinan-bangko_role").value == "pimpinan"


def test_a_unit_of_another_place_in_the_address_is_dropped_logged_and_said(app, demo_settings):
    """Attack 11 of issue 19: out-of-scope units dropped from a link were neither logged nor said."""
    units = query(
        demo_settings,
        "SELECT lokasi, min(unit_kerja) AS unit FROM dim_pegawai WHERE lokasi IN ('Jambi', 'Belawan')"
        " GROUP BY lokasi ORDER BY lokasi",
    )
    other, own = units["unit"].to_list()  # Belawan's, Jambi's
    at = AppTest.from_file(HARNESS, default_timeout=60)
    at.session_state["_page"] = "skor"
    at.session_state["_principal"] = PIMPINAN
    at.query_params["unit_kerja"] = [other, own]
    at.run()
    assert not at.exception
    # the unit of the viewer's place is kept, as that place's unit of the name (never another place's twin)
    homes = query(demo_settings, "SELECT DISTINCT opd FROM dim_pegawai WHERE lokasi = 'Jambi' AND unit_kerja = $u", {"u": own})
    kept = sorted(f"Jambi::{o}::{own}" for o in homes["opd"].to_list())
    assert other not in str(at.query_params["unit_kerja"])
    assert sorted(at.sidebar.multiselect(key="unit_kerja").value) == kept
    said = [w.value for w in at.sidebar.warning]
    assert said == [f"Tautan ini memuat filter Unit kerja di luar wewenang Anda; diabaikan: {fmt.md(other)}."]
    rows = _log("denied")
    assert rows[0]["detail"] == {"unit_kerja": [other]} and rows[0]["username"] == "pimpinan-jambi"
