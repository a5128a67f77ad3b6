"""Streamlit AppTest for every page: no exception, key elements present, filters change figures as the warehouse says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from appdb.principal import Principal
from tests.helpers import app_headline, query

HARNESS = str(Path(__file__).with_name("app_page.py"))
PAGES = [
    "ringkasan",
    "skor",
    "tren",
    "bandingkan",
    "pembinaan",
    "kasus",
    "penghargaan",
    "umpan_balik",
    "arsip",
    "profil",
    "data",
    "akun",
    "log_akses",
    "panduan",
]


ADMIN = Principal(username="admin-test", role="admin", display_name="Admin", lokasi=("Bangko", "Jambi", "Belawan", "Rakumpit"))


@pytest.fixture()
def app(demo_settings, monkeypatch, tmp_path):
    monkeypatch.setenv("KINERJA_APP_DB", f"sqlite:///{tmp_path / 'app.db'}")
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(demo_settings.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(demo_settings.staging))
    monkeypatch.setenv("KINERJA_APP_DB", f"sqlite:///{tmp_path / 'app.db'}")

    def make(page: str, principal: Principal | None = ADMIN, **state) -> AppTest:
        at = AppTest.from_file(HARNESS, default_timeout=60)
        at.session_state["_page"] = page
        at.session_state["_principal"] = principal  # None: nobody signed in
        for k, v in state.items():
            at.session_state[k] = v
        at.run()
        assert not at.exception, at.exception
        return at

    from ui.data import settings

    settings.clear()
    yield make
    settings.clear()


def _unnamed_legend_entries(at) -> list[str]:
    """Traces a chart's legend would list without a name (Plotly then writes 'trace 0')."""
    unnamed = []
    for el in at.get("plotly_chart"):
        spec = json.loads(el.proto.spec)
        if spec.get("layout", {}).get("showlegend") is False:
            continue
        listed = [tr for tr in spec.get("data", []) if tr.get("showlegend") is not False]
        if len(listed) > 1 or any(tr.get("showlegend") is True for tr in listed):
            unnamed += [f"{tr.get('type', 'scatter')} trace" for tr in listed if not tr.get("name")]
    return unnamed


@pytest.mark.parametrize("page", [*PAGES, "kalibrasi", "talenta", "kepatuhan"])
def test_every_page_renders(app, page):
    at = app(page)
    assert at.title[0].value
    assert _unnamed_legend_entries(at) == []
    # the period and the place are always drawn; OPD, unit, position, grade and status wait behind a switch
    assert [m.key for m in at.sidebar.multiselect] == ["lokasi"]
    assert at.sidebar.toggle(key="filters_more").value is False


def _figure(at, figure):
    """One headline figure's value for each place shown, in the table's order."""
    return [cells[figure][0] for cells in app_headline(at)["rows"].values()]


def test_overview_figures_follow_the_place_filter(app, demo_settings):
    at = app("ringkasan")
    last = query(demo_settings, "SELECT max(periode) FROM agg_kinerja").item()
    per_place = query(
        demo_settings, "SELECT lokasi, sum(n) n FROM agg_kinerja WHERE periode = $p GROUP BY lokasi ORDER BY lokasi", {"p": last}
    )
    shown = _figure(at, "n")
    assert sorted(int(v.replace(".", "")) for v in shown) == sorted(per_place["n"].to_list())
    at.sidebar.multiselect(key="lokasi").set_value(["Rakumpit"]).run()
    assert not at.exception
    only = _figure(at, "n")
    expected = per_place.filter(per_place["lokasi"] == "Rakumpit")["n"].item()
    assert [int(v.replace(".", "")) for v in only] == [expected]


def test_english_switch_changes_labels_and_number_format(app):
    at = app("ringkasan", lang="English")
    assert at.title[0].value == "Overview"
    assert app_headline(at)["columns"]["n"][0] == "Appraised"
    assert _figure(at, "n")


def test_coaching_list_says_why_and_what(app):
    at = app("pembinaan")
    grid = at.dataframe[0].value
    assert {"Alasan", "Fokus pembinaan", "Atasan"} <= set(grid.columns)
    assert (grid["Alasan"].str.len() > 0).all()


def test_profile_by_url(app, demo_settings):
    nip = query(demo_settings, "SELECT nip FROM dim_pegawai ORDER BY nip LIMIT 1").item()
    at = AppTest.from_file(HARNESS, default_timeout=60)
    at.session_state["_page"] = "profil"
    at.session_state["_principal"] = ADMIN
    at.query_params["nip"] = nip
    at.run()
    assert not at.exception
    name = query(demo_settings, "SELECT nama FROM dim_pegawai WHERE nip = $n", {"n": nip}).item()
    assert at.header[0].value == name


def test_overview_sends_curve_breaks_to_their_own_section(app, demo_settings):
    """The headline section counts the units breaking the curve in the default range (the last 12 periods) and
    points to the curve section, which lists exactly those unit-periods."""
    breaks = query(
        demo_settings,
        """SELECT lokasi, opd, unit_kerja, periode FROM fct_distribusi
           WHERE melanggar AND periode IN (SELECT periode FROM dim_periode ORDER BY periode DESC LIMIT 12)""",
    )
    assert breaks.height, "the demo is meant to hold a unit breaking the curve"
    at = app("ringkasan")
    assert len(at.dataframe) == 1  # headline section: the biggest changes only
    units = breaks.select("lokasi", "opd", "unit_kerja").n_unique()
    warning = " ".join(w.value for w in at.warning)
    assert f": {units} ({breaks.height} unit-periode)" in warning
    at.segmented_control(key="ringkasan_bagian").set_value("kurva").run()
    assert not at.exception
    grid = at.dataframe[0].value
    shown = sorted(zip(grid["Lokasi"], grid["OPD"], grid["Unit kerja"], strict=True))
    assert shown == sorted(breaks.select("lokasi", "opd", "unit_kerja").iter_rows())


def test_lists_show_the_settings_number_of_rows_and_say_how_many_in_all(demo_settings, monkeypatch, tmp_path):
    override = tmp_path / "region.toml"
    override.write_text("[tampilan]\nbaris_daftar = 3\n")
    monkeypatch.setenv("KINERJA_SETTINGS", str(override))
    monkeypatch.setenv("KINERJA_APP_DB", f"sqlite:///{tmp_path / 'app.db'}")
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(demo_settings.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(demo_settings.staging))
    from ui.data import settings

    settings.clear()
    try:
        for page, mart in (("pembinaan", "mart_pembinaan"), ("penghargaan", "mart_penghargaan")):
            total = query(
                demo_settings,
                f"SELECT count(*) FROM {mart} WHERE periode = (SELECT max(periode) FROM agg_kinerja)",
            ).item()
            assert total > 3
            at = AppTest.from_file(HARNESS, default_timeout=60)
            at.session_state["_page"] = page
            at.session_state["_principal"] = ADMIN
            at.run()
            assert not at.exception
            assert at.dataframe[0].value.shape[0] == 3
            captions = " ".join(c.value for c in at.caption)
            assert f"3 teratas dari {total:,} baris".replace(",", ".") in captions
    finally:
        settings.clear()
