"""The earlier regimes' page (PP 46/2011 prestasi kerja, KepmenPAN 25/2004 IKM): loaded from the corpus through the
CLI, read through the page's own queries and the page itself. Expected values are worked out by hand from the
corpus listing (tests/data/corpus/make_corpus.py), never by the pipeline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from appdb.principal import Principal
from pipelines.__main__ import main as cli
from tests.conftest import make_settings
from tests.helpers import query
from warehouse import legacy
from warehouse.db import Scope, connect

CORPUS = Path(__file__).parent / "data" / "corpus"
HARNESS = str(Path(__file__).with_name("app_page.py"))
N3, N6, N7 = "197811202005011003", "198112082008012006", "197603152000031007"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("arsip")
    s = make_settings(tmp)
    mp = pytest.MonkeyPatch()
    mp.setenv("KINERJA_WAREHOUSE", str(s.warehouse))
    mp.setenv("KINERJA_STAGING", str(s.staging))
    names = ["duk_kecamatan_rakumpit.xlsx", "pp46_nominatif_prestasi_kerja.xlsx", "ikm_14_unsur_kepmenpan_25_2004.xlsx"]
    for n in names:
        shutil.copy(CORPUS / n, tmp / n)
    assert cli(["load", *(str(tmp / n) for n in names)]) == 0
    yield s
    mp.undo()


def _read(s, fn, scope):
    from warehouse.db import Filters

    con = connect(str(s.warehouse))
    try:
        return fn(con, Filters(), scope)
    finally:
        con.close()


def test_pp46_summary_per_opd_and_period_for_a_viewer_of_people(loaded):
    out = _read(loaded, legacy.pp46_summary, Scope())
    opd = query(loaded, "SELECT DISTINCT opd FROM fct_prestasi_pp46").item()
    # by hand (test_corpus): 83,3 Baik, 91,2 Sangat Baik, 75,68 Baik -> mean 83,39; no file band differs
    assert out.select("lokasi", "opd", "periode", "n_pegawai", "Sangat Baik", "Baik", "Cukup", "Kurang", "Buruk").rows() == [
        ("Rakumpit", opd, "2019", 3, 1, 2, 0, 0, 0)
    ]
    assert out["rata_prestasi"].item() == pytest.approx((83.3 + 91.2 + 75.68) / 3)


def test_pp46_for_an_aggregate_viewer_is_the_place_only_from_groups_of_their_minimum(loaded):
    three = Scope(aggregate_only=True, min_group=3)
    out = _read(loaded, legacy.pp46_summary, three)
    assert "opd" not in out.columns and out.select("lokasi", "periode", "n_pegawai").rows() == [("Rakumpit", "2019", 3)]
    assert _read(loaded, legacy.pp46_summary, Scope(aggregate_only=True, min_group=4)).is_empty()
    assert _read(loaded, legacy.pp46_people, three).is_empty()


def test_pp46_people_carry_the_files_own_band_beside_the_rule(loaded):
    out = _read(loaded, legacy.pp46_people, Scope())
    assert sorted(out.select("nip", "nilai_prestasi", "sebutan").rows()) == sorted(
        [(N7, 83.3, "Baik"), (N3, 91.2, "Sangat Baik"), (N6, 75.68, "Baik")]
    )
    assert out["nama"].null_count() == 0


def test_pp46_outside_the_viewers_places_is_not_shown(loaded):
    assert _read(loaded, legacy.pp46_summary, Scope(lokasi=("Jambi",))).is_empty()
    assert _read(loaded, legacy.pp46_people, Scope(lokasi=("Jambi",))).is_empty()


def test_ikm_2004_units(loaded):
    out = _read(loaded, legacy.ikm2004_units, Scope())
    # by hand (test_corpus): 147 / 3 = 49 x 0,071 = 3,479 -> 86,98, A
    assert out.select("lokasi", "periode", "n_responden", "mutu").rows() == [("Jambi", "2015-Q3", 3, "A")]
    assert float(out["ikm_konversi"].item()) == pytest.approx(86.98)
    assert _read(loaded, legacy.ikm2004_units, Scope(aggregate_only=True, min_group=5)).is_empty()


def _page(loaded, monkeypatch, tmp_path, principal, lang=None):
    monkeypatch.setenv("KINERJA_APP_DB", f"sqlite:///{tmp_path / 'app.db'}")
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(loaded.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(loaded.staging))
    from ui.data import settings

    settings.clear()
    at = AppTest.from_file(HARNESS, default_timeout=60)
    at.session_state["_page"] = "arsip"
    at.session_state["_principal"] = principal
    if lang:
        at.session_state["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    settings.clear()
    return at


def test_the_page_shows_both_regimes_and_people_to_an_admin(loaded, monkeypatch, tmp_path):
    admin = Principal("admin-uji", "admin", "Admin", ("Bangko", "Jambi", "Belawan", "Rakumpit"))
    at = _page(loaded, monkeypatch, tmp_path, admin)
    assert at.title[0].value == "Rezim terdahulu"
    heads = [h.value for h in at.subheader]
    assert "Prestasi kerja PP 46/2011" in heads and "IKM KepmenPAN 25/2004 (14 unsur)" in heads
    assert len(at.dataframe) == 3  # summary, per employee, IKM units
    people = at.dataframe[1].value
    assert "Nilai prestasi kerja" in people.columns and len(people) == 3


def test_the_page_withholds_people_from_an_aggregate_viewer_and_speaks_english(loaded, monkeypatch, tmp_path):
    viewer = Principal("inspektorat", "agregat", "Inspektorat", ("Bangko", "Jambi", "Belawan", "Rakumpit"))
    at = _page(loaded, monkeypatch, tmp_path, viewer, lang="English")
    assert at.title[0].value == "Earlier regimes"
    frames = [d.value for d in at.dataframe]
    assert all("NIP" not in f.columns and "Name" not in f.columns for f in frames)
    assert any("Per-employee detail is not shown" in c.value for c in at.caption)
