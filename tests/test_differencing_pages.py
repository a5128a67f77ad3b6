"""Issue 19, attacks 4 and 5 through the pages (AppTest): a link carrying the filters that split an OPD changes
nothing for the aggregate viewer or an Atasan (the values are dropped from the address and logged), every
analysis page draws without them, and an Atasan's survey comments are about its own people only."""

from __future__ import annotations

import os

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from appdb import access
from appdb.engine import open_app_db
from appdb.principal import Principal
from tests.helpers import query
from tests.test_app import HARNESS, app  # noqa: F401  (the fixture)

PLACES = ("Bangko", "Jambi", "Belawan", "Rakumpit")
AGREGAT = Principal("inspektorat", "agregat", "Inspektorat", lokasi=PLACES)
SPLITTING = {"unit_kerja", "jenis_jabatan", "golongan", "status_asn"}


def _atasan(demo_settings) -> Principal:
    boss = query(
        demo_settings, "SELECT nip_atasan FROM dim_pegawai WHERE nip_atasan IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    ).item()
    return Principal("spv", "atasan", "Atasan", nip=boss)


def _grids(at) -> list[pl.DataFrame]:
    return [pl.from_pandas(d.value) for d in at.dataframe]


@pytest.mark.parametrize("who", ["agregat", "atasan"])
@pytest.mark.parametrize("page", ["ringkasan", "skor", "tren", "bandingkan", "umpan_balik"])
def test_a_link_with_splitting_filters_changes_nothing(app, demo_settings, who, page):  # noqa: F811
    principal = AGREGAT if who == "agregat" else _atasan(demo_settings)
    plain = app(page, principal=principal)
    at = AppTest.from_file(HARNESS, default_timeout=60)
    at.session_state["_page"] = page
    at.session_state["_principal"] = principal
    at.query_params["jenis_jabatan"] = ["JPT"]
    at.query_params["golongan"] = ["IV/a"]
    at.run()
    assert not at.exception
    assert not SPLITTING & {w.key for w in at.sidebar.multiselect}, "a filter that splits an OPD is offered"
    assert [g.to_dicts() for g in _grids(at)] == [g.to_dicts() for g in _grids(plain)]
    engine = open_app_db(os.environ["KINERJA_APP_DB"])
    denied = [r["detail"] for r in access.entries(engine, events=("denied",)) if r["username"] == principal.username]
    assert {"jenis_jabatan": ["JPT"]} in denied and {"golongan": ["IV/a"]} in denied


CHAIN = """WITH RECURSIVE chain(nip) AS (SELECT nip FROM dim_pegawai WHERE nip_atasan = $b
           UNION SELECT d.nip FROM dim_pegawai d JOIN chain c ON d.nip_atasan = c.nip)"""


def test_an_atasan_reads_comments_about_its_own_people_only(app, demo_settings):  # noqa: F811  (app: the environment)
    principal = _atasan(demo_settings)
    # the service unit of the Atasan's OPD with the most comments about people who are not its own
    unit = query(
        demo_settings,
        f"""{CHAIN} SELECT unit_layanan FROM stg_skm
            WHERE (lokasi, opd) IN (SELECT lokasi, opd FROM dim_pegawai WHERE nip = $b) AND kritik_saran <> ''
              AND nip_petugas IS DISTINCT FROM NULL AND nip_petugas NOT IN (SELECT nip FROM chain)
            GROUP BY 1 ORDER BY count(*) DESC LIMIT 1""",
        {"b": principal.nip},
    ).item()
    at = AppTest.from_file(HARNESS, default_timeout=60)
    at.session_state["_page"] = "umpan_balik"
    at.session_state["_principal"] = principal
    at.query_params["skm_bagian"] = "rincian"
    at.query_params["skm_unit"] = unit
    at.run()
    assert not at.exception and at.selectbox(key="skm_unit").value == unit
    # the demo's comments repeat a few texts: count them, in the unit shown, by whom they are about
    counts = query(
        demo_settings,
        f"""{CHAIN} SELECT count(*) FILTER (WHERE nip_petugas IN (SELECT nip FROM chain)) AS mine, count(*) AS every
            FROM stg_skm WHERE unit_layanan = $u AND kritik_saran <> ''""",
        {"b": principal.nip, "u": unit},
    ).row(0, named=True)
    shown = [c for g in _grids(at) if "Kritik dan saran" in g.columns for c in g["Kritik dan saran"].to_list()]
    assert counts["every"] > counts["mine"], "the unit has comments about others: the test can tell"
    assert len(shown) <= counts["mine"], "comments about people who are not the Atasan's own reached it"


def test_the_atasan_minimum_is_a_setting(app, demo_settings, monkeypatch, tmp_path):  # noqa: F811
    from ui.data import settings
    from ui.i18n import T

    principal = _atasan(demo_settings)
    assert app("tren", principal=principal).dataframe, "with the default minimum the Atasan's unit is shown"
    override = tmp_path / "settings.toml"
    override.write_text("[privacy]\natasan_min_group = 1000\n")
    monkeypatch.setenv("KINERJA_SETTINGS", str(override))
    settings.clear()
    withheld = app("tren", principal=principal)
    assert not withheld.dataframe and withheld.info[0].value == T["no_data"][0]
