"""The Data page's mapping step in AppTest: upload real layouts, see what was detected, edit, dry run, save a
profile, reuse it, load; the values that land in the warehouse."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pipelines.load.transaction import load_files
from tests import real_files as rf
from tests.conftest import make_settings
from tests.helpers import query as _query

HARNESS = str(Path(__file__).with_name("app_page.py"))
PEOPLE = rf.nips(14)


@pytest.fixture()
def page(tmp_path, monkeypatch):
    s = make_settings(tmp_path)
    load_files([("siasn.csv", rf.siasn_roster(PEOPLE)[0])], s)
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(s.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(s.staging))
    from ui.data import settings

    settings.clear()

    def make() -> AppTest:
        at = AppTest.from_file(HARNESS, default_timeout=90)
        at.session_state["_page"] = "data"
        at.run()
        assert not at.exception, at.exception
        return at

    yield s, make
    settings.clear()


def query(settings, sql, params=None):
    """The warehouse as a fresh reader sees it: the page's cached connection is released first (in one process
    DuckDB hands back an already open database for a path, so a held connection would show the old file)."""
    import gc

    from ui.data import _connection

    _connection.clear()
    gc.collect()
    return _query(settings, sql, params)


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def _editor(at, prefix: str):
    return next(d for d in at.dataframe if d.key and d.key.startswith(prefix)).value


def _button(at, key):
    return next(b for b in at.button if b.key == key)


def test_ekinerja_upload_shows_detection_and_loads_predikat(page):
    s, make = page
    at = make()
    data, expected = rf.ekinerja_penilaian(PEOPLE)
    at.file_uploader[0].set_value(("Laporan_Penilaian_SKP.xlsx", data, "application/octet-stream")).run()
    assert not at.exception, at.exception
    text = _markdown(at)
    assert "Evaluasi (predikat resmi)" in text and "baris 7" in text
    ctx = at.dataframe[0].value  # the context that will be used, shown before loading
    assert "2025-01" in ctx.to_string() and "Jambi" in ctx.to_string()
    editor = _editor(at, "cols_")
    assert "hasil_akhir" in editor.to_string() and "Predikat" in editor.to_string()
    assert any("kolom yang diabaikan" in c.value.lower() for c in at.caption)
    _button(at, "load_btn").click().run()
    assert not at.exception, at.exception
    got = dict(query(s, "SELECT nip, predikat FROM fct_kinerja WHERE periode = '2025-01'").rows())
    assert got == {n: p for n, p in expected.items() if p is not None}


def test_google_forms_context_dry_run_profile_and_reuse(page):
    s, make = page
    at = make()
    data, want = rf.google_forms()
    at.selectbox(key="ctx_lokasi").set_value("Jambi")
    at.text_input(key="ctx_unit").set_value("Disdukcapil Kota Jambi")
    at.file_uploader[0].set_value(("Survei SKM (Jawaban).csv", data, "text/csv")).run()
    assert not at.exception, at.exception
    assert "Survei kepuasan masyarakat" in _markdown(at)
    assert "Sangat mudah" in _editor(at, "vals_").to_string()  # labels and their scores
    dry = next(b for b in at.button if b.key and b.key.startswith("dry_"))
    dry.click().run()
    assert not at.exception, at.exception
    assert any("tidak ada baris yang akan ditolak" in m.value for m in at.success)
    name_box = next(x for x in at.text_input if x.key and x.key.startswith("pname_"))
    name_box.set_value("Google Forms SKM Disdukcapil").run()
    next(b for b in at.button if b.key and b.key.startswith("save_")).click().run()
    assert not at.exception, at.exception
    assert any("Google Forms SKM Disdukcapil" in m.value for m in at.success)
    _button(at, "load_btn").click().run()
    assert query(s, "SELECT sum(n_responden) FROM fct_ikm").item() == want["n"]

    # the next month's file of the same layout is recognised by its profile
    again = make()
    again.selectbox(key="ctx_lokasi").set_value("Jambi")
    again.file_uploader[0].set_value(("Survei SKM (Jawaban) Februari.csv", data.replace(b"/2025", b"/2026"), "text/csv")).run()
    assert "profil 'Google Forms SKM Disdukcapil'" in _markdown(again)
    _button(again, "load_btn").click().run()
    assert not again.exception, again.exception
    assert [m.value for m in again.success] == ["Semua baris dimuat."], [e.value for e in again.error]
    units = query(s, "SELECT DISTINCT unit_layanan FROM fct_ikm").to_series().to_list()
    assert units == ["Disdukcapil Kota Jambi"]  # the unit came back from the profile
    assert query(s, "SELECT count(DISTINCT periode) FROM fct_ikm").item() == 2


def test_editing_a_target_changes_what_loads(page):
    s, make = page
    at = make()
    data, _ = rf.skm_legacy()
    at.file_uploader[0].set_value(("skm_lama.csv", data, "text/csv")).run()
    frame = _editor(at, "cols_")
    assert "U8 Penanganan pengaduan" in frame.to_string()  # U9 header keyed by name to u8
    refused = make()
    bad, _ = rf.google_forms(scale5=True)
    refused.selectbox(key="ctx_lokasi").set_value("Jambi")
    refused.text_input(key="ctx_unit").set_value("X")
    refused.file_uploader[0].set_value(("survei.csv", bad, "text/csv")).run()
    assert not refused.exception
    dry = next(b for b in refused.button if b.key and b.key.startswith("dry_"))
    dry.click().run()
    assert any("14/2017" in e.value for e in refused.error)


def test_an_unsure_mapping_is_shown_with_why_and_the_confirmed_step_loads_it(page):
    s, make = page
    at = make()
    corpus = Path(__file__).parent / "data" / "corpus" / "pegawai_kolom_nomor_pegawai.csv"
    at.file_uploader[0].set_value((corpus.name, corpus.read_bytes(), "text/csv")).run()
    assert not at.exception, at.exception
    warned = " ".join(w.value for w in at.warning)
    assert "Nomor Pegawai" in warned and "nip" in warned  # the column taken from its values, to check
    assert "Nomor Pegawai" in _editor(at, "cols_").to_string()
    _button(at, "load_btn").click().run()  # loading from the step confirms the plan shown
    assert not at.exception, at.exception
    got = query(s, "SELECT nip FROM dim_pegawai WHERE nama = 'SRI WAHYUNI'").item()
    assert got == "199001052015032002"


def test_a_workbook_of_one_sheet_per_unit_loads_every_unit_from_the_mapping_step(page):
    s, make = page
    at = make()
    corpus = Path(__file__).parent / "data" / "corpus" / "olah_data_skm_puskesmas.xlsx"
    at.file_uploader[0].set_value((corpus.name, corpus.read_bytes(), "application/octet-stream")).run()
    assert not at.exception, at.exception
    assert "PKM Rakumpit" in at.dataframe[0].value.to_string()  # the unit the sheet's name gives, shown
    _button(at, "load_btn").click().run()
    assert not at.exception, at.exception
    got = dict(query(s, "SELECT unit_layanan, sum(n_responden)::INT FROM fct_ikm GROUP BY 1").rows())
    assert got == {"PKM Rakumpit": 4, "Pustu Petuk Bukit": 3, "Pustu Mungku Baru": 2}  # every unit sheet, every row
