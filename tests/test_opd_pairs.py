"""Two places' OPDs of one name stay two: the sidebar offers (place, OPD) pairs labelled with their place, the
queries filter the chosen place's OPD only, and links made before the pairs (a bare OPD name) still work. Units
kerja likewise, as (place, OPD, unit) triples."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import app_headline, query
from warehouse import queries as Q
from warehouse.db import Filters, Scope, connect

HARNESS = str(Path(__file__).with_name("app_page.py"))
OPD = "Dinas Kesehatan"


def _reference(s, places: list[str]) -> dict[str, int]:
    """Employee-periods per place of the OPD in the chosen places, straight from the facts."""
    sql = """SELECT t.lokasi, count(*) AS n FROM fct_kinerja k JOIN fct_penempatan t USING (nip, periode)
             WHERE t.opd = $opd AND list_contains($places, t.lokasi) GROUP BY t.lokasi"""
    return dict(query(s, sql, {"opd": OPD, "places": places}).rows())


def test_a_pair_filters_one_places_opd(demo_settings):
    con = connect(str(demo_settings.warehouse))
    both = query(demo_settings, "SELECT DISTINCT lokasi FROM dim_filter WHERE opd = $o ORDER BY lokasi", {"o": OPD})
    places = both["lokasi"].to_list()
    assert len(places) >= 2, "the demo must hold the name in two places for this test"
    one = places[0]
    got = Q.scores_by(con, Filters(opd=(OPD,), opd_lokasi=((one, OPD),)), Scope(), ["lokasi"])
    assert dict(got.select("lokasi", "n").rows()) == _reference(demo_settings, [one])
    # by name alone (links made before the pairs): every place's OPD of that name
    got = Q.scores_by(con, Filters(opd=(OPD,)), Scope(), ["lokasi"])
    assert dict(got.select("lokasi", "n").rows()) == _reference(demo_settings, places)
    # a restricted viewer's cells honour the pair too
    cells = Q._cells(con, Filters(opd=(OPD,), opd_lokasi=((one, OPD),)), Scope(aggregate_only=True, min_group=2))
    chosen = cells.filter("_in").select("lokasi", "opd").unique().rows()
    assert chosen == [(one, OPD)]


@pytest.fixture()
def app(demo_settings, monkeypatch, tmp_path):
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(demo_settings.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(demo_settings.staging))
    monkeypatch.setenv("KINERJA_APP_DB", f"sqlite:///{tmp_path / 'app.db'}")
    from ui.data import settings

    settings.clear()

    def make(page: str, **params) -> AppTest:
        at = AppTest.from_file(HARNESS, default_timeout=60)
        at.session_state["_page"] = page
        for k, v in params.items():
            at.query_params[k] = v
        at.run()
        assert not at.exception, at.exception
        return at

    yield make
    settings.clear()


def test_the_sidebar_lists_each_places_opd_with_its_place(app, demo_settings):
    at = app("ringkasan", opd=[f"Jambi::{OPD}"])
    box = at.sidebar.multiselect(key="opd")
    labels = [box.format_func(o) for o in box.options]
    assert f"{OPD} (Jambi)" in labels and f"{OPD} (Bangko)" in labels
    assert OPD not in labels  # never the bare, ambiguous name
    assert box.value == [f"Jambi::{OPD}"]
    assert list(app_headline(at)["rows"]) == ["Jambi"]
    assert at.query_params["opd"] in (f"Jambi::{OPD}", [f"Jambi::{OPD}"])  # the code stays in the address


def test_an_older_link_with_a_bare_name_still_works(app, demo_settings):
    at = app("ringkasan", opd=[OPD])
    box = at.sidebar.multiselect(key="opd")
    places = query(demo_settings, "SELECT DISTINCT lokasi FROM dim_filter WHERE opd = $o", {"o": OPD})["lokasi"].to_list()
    assert sorted(box.value) == sorted(f"{p}::{OPD}" for p in places)
    assert sorted(app_headline(at)["rows"]) == sorted(places)


UNIT = "Bidang Bina Marga"  # a unit of Dinas PUPR in three places of the demo


def test_a_unit_triple_filters_one_places_unit(demo_settings):
    con = connect(str(demo_settings.warehouse))
    where = "SELECT DISTINCT lokasi, opd FROM dim_filter WHERE unit_kerja = $u ORDER BY lokasi"
    homes = query(demo_settings, where, {"u": UNIT}).rows()
    assert len(homes) >= 2, "the demo must hold the unit name in two places for this test"
    (lok, opd), others = homes[0], homes[1:]
    ref = """SELECT t.lokasi, count(*) AS n FROM fct_kinerja k JOIN fct_penempatan t USING (nip, periode)
             WHERE t.unit_kerja = $u AND list_contains($places, t.lokasi) GROUP BY t.lokasi"""
    one = Filters(unit_kerja=(UNIT,), unit_lokasi=((lok, opd, UNIT),))
    got = Q.scores_by(con, one, Scope(), ["lokasi"])
    assert dict(got.select("lokasi", "n").rows()) == dict(query(demo_settings, ref, {"u": UNIT, "places": [lok]}).rows())
    # by name alone: every place's unit of that name
    got = Q.scores_by(con, Filters(unit_kerja=(UNIT,)), Scope(), ["lokasi"])
    everywhere = [lok, *[lk for lk, _ in others]]
    assert dict(got.select("lokasi", "n").rows()) == dict(query(demo_settings, ref, {"u": UNIT, "places": everywhere}).rows())
    # the people lists narrow the same way
    listed = Q.coaching_list(con, one, Scope(), limit=10_000)
    assert set(listed["lokasi"].to_list()) <= {lok}


def test_the_sidebar_lists_each_unit_with_its_opd_and_place(app, demo_settings):
    homes = query(demo_settings, "SELECT DISTINCT lokasi, opd FROM dim_filter WHERE unit_kerja = $u", {"u": UNIT}).rows()
    at = app("ringkasan", unit_kerja=[UNIT])  # an older link: the bare name chooses every place's unit
    box = at.sidebar.multiselect(key="unit_kerja")
    labels = [box.format_func(o) for o in box.options]
    assert {f"{UNIT} ({opd}, {lok})" for lok, opd in homes} <= set(labels)
    assert UNIT not in labels
    assert sorted(box.value) == sorted(f"{lok}::{opd}::{UNIT}" for lok, opd in homes)
    assert sorted(app_headline(at)["rows"]) == sorted({lok for lok, _ in homes})
    # a unit of one place's OPD: only that place
    lok, opd = sorted(homes)[0]
    at = app("ringkasan", unit_kerja=[f"{lok}::{opd}::{UNIT}"])
    assert list(app_headline(at)["rows"]) == [lok]
    assert at.sidebar.multiselect(key="unit_kerja").value == [f"{lok}::{opd}::{UNIT}"]
