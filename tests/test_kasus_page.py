"""The coaching-case page and the lists that lead to it, in Streamlit's AppTest against the demo warehouse."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from appdb.engine import open_app_db
from appdb.principal import Principal
from coaching import cases as C
from coaching import views
from coaching.scope import Within
from tests.helpers import query
from tests.test_readable import _grids, raw_codes, screen_text
from ui import fmt
from ui.i18n import T

HARNESS = str(Path(__file__).with_name("app_page.py"))
ANI = Principal("ani", "admin", "Ani Lestari", ("Bangko", "Jambi", "Belawan", "Rakumpit"))

EVERYTHING = Within.everything()  # the explicitly unrestricted reach (what the command line holds)


@pytest.fixture()
def app(demo_settings, monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("KINERJA_APP_DB", url)
    # these tests start from an empty case list (tests/test_kasus_workflow.py covers the demo's history)
    (tmp_path / "no_history.toml").write_text("[kasus]\ndemo_history = false\n")
    monkeypatch.setenv("KINERJA_SETTINGS", str(tmp_path / "no_history.toml"))
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(demo_settings.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(demo_settings.staging))
    from ui.data import settings

    settings.clear()

    def make(page: str, params: dict | None = None, **state) -> AppTest:
        at = AppTest.from_file(HARNESS, default_timeout=90)
        at.session_state["_page"] = page
        for k, v in state.items():
            at.session_state[k] = v
        for k, v in (params or {}).items():
            at.query_params[k] = v
        at.run()
        assert not at.exception, at.exception
        return at

    make.engine = lambda: open_app_db(url)
    yield make
    settings.clear()


def _listed(demo_settings) -> dict:
    last = query(demo_settings, "SELECT max(periode) FROM mart_pembinaan").item()
    return query(
        demo_settings,
        "SELECT m.nip, m.nama, m.indikator_lemah, d.nip_atasan, d.nama_atasan FROM mart_pembinaan m "
        "JOIN dim_pegawai d USING (nip) WHERE periode = $p AND d.nip_atasan IS NOT NULL ORDER BY urgensi DESC LIMIT 1",
        {"p": last},
    ).row(0, named=True)


def _button(at, label):
    return next(b for b in at.button if b.label == label)


def test_coaching_list_shows_case_status_and_a_link(app):
    at = app("pembinaan")
    grid = at.dataframe[0].value
    assert {"Status kasus", "Kasus"} <= set(grid.columns)
    assert set(grid["Status kasus"]) == {"Belum ada"}  # short: the header says what is missing
    assert grid["Kasus"].str.startswith("/kasus?nip=").all()


def test_open_a_prefilled_case_add_a_session_and_close_it(app, demo_settings):
    who = _listed(demo_settings)
    at = app("kasus", {"nip": who["nip"]}, _principal=ANI)
    assert at.title[0].value == "Kasus pembinaan"
    focus = at.text_area(key="kasus_new_focus").value
    # weakest indicator pre-filled, its capaian written the Indonesian way
    assert fmt.capaian_in_text(who["indikator_lemah"][0], "id") in focus and not re.search(r"\(\d+\.\d+\)", focus)
    assert at.text_input(key="kasus_new_coach_nip").placeholder == fmt.mask_nip(who["nip_atasan"])  # supervisor
    _button(at, "Buka kasus").click().run()
    assert not at.exception, at.exception
    engine = app.engine()
    frame = views.case_frame(engine)
    assert frame.height == 1
    case = frame.row(0, named=True)
    assert (case["nip"], case["coach_nip"], case["status"]) == (who["nip"], who["nip_atasan"], "baru")
    cid = case["id"]
    assert C.get_case(engine, cid)["fokus"][0] == fmt.capaian_in_text(who["indikator_lemah"][0], "id")
    at.text_area(key=f"kasus_disc_{cid}").input("Target layanan dibahas")
    at.text_input(key=f"kasus_next_{cid}").input("Pendampingan mingguan")
    _button(at, "Simpan catatan sesi").click().run()
    assert [s["dibahas"] for s in C.sessions(engine, cid)] == ["Target layanan dibahas"]
    assert C.get_case(engine, cid)["status"] == "berjalan"  # the first note starts the coaching
    at.text_area(key=f"kasus_outcome_{cid}").input("Capaian naik ke target")
    _button(at, "Selesaikan kasus").click().run()
    assert not at.exception, at.exception
    done = C.get_case(engine, cid)
    assert (done["status"], done["hasil"]) == ("selesai", "Capaian naik ke target")
    assert [e["event"] for e in C.events(engine, cid)] == ["dibuka", "status", "sesi", "status"]
    assert {e["actor"] for e in C.events(engine, cid)} == {"Ani Lestari (ani)"}  # the signed-in user
    trail = next(d.value for d in at.dataframe if "Sebelum" in d.value.columns)
    cells = " ".join(map(str, trail[["Sebelum", "Sesudah"]].to_numpy().ravel()))
    assert "Status: Berjalan" in cells and "Status: Selesai" in cells
    assert "None" not in cells and "coach_nip" not in cells and who["nip_atasan"] not in cells
    assert fmt.mask_nip(who["nip_atasan"]) in cells
    # the case list holds days as dates (they sort as dates) and shows them spelled out; nothing raw on screen
    value, shown = next((v, s) for v, s in _grids(at) if "Batas waktu" in v.columns)
    assert value["Batas waktu"].dtype.kind == "M" and value["Dibuka"].dtype.kind == "M"
    assert list(shown["Batas waktu"]) == [fmt.day(done["due_date"], "id")]
    assert list(shown["Dibuka"]) == [fmt.day(done["opened_at"].date(), "id")]
    hits = raw_codes(screen_text(at))
    assert hits == [], "\n".join(hits)
    at2 = app("pembinaan")
    grid = at2.dataframe[0].value
    assert "Selesai" in set(grid["Status kasus"])


def test_second_editor_is_told_and_keeps_the_text(app, demo_settings):
    who = _listed(demo_settings)
    engine = app.engine()
    cid = C.open_case(engine, nip=who["nip"], actor="Budi", nama=who["nama"], within=EVERYTHING)["id"]
    at = app("kasus", {"nip": who["nip"]}, _principal=ANI)
    assert at.selectbox(key="kasus_pick").value == cid
    C.transition(engine, cid, "dijadwalkan", expected_version=1, actor="Budi", within=EVERYTHING)  # meanwhile, elsewhere
    at.text_area(key=f"kasus_disc_{cid}").input("Catatan Ani")
    _button(at, "Simpan catatan sesi").click().run()
    assert any("diubah orang lain" in w.value for w in at.warning)
    assert C.sessions(engine, cid) == []
    assert at.text_area(key=f"kasus_disc_{cid}").value == "Catatan Ani"  # nothing lost
    _button(at, "Simpan catatan sesi").click().run()  # saved against the state now shown
    assert [s["dibahas"] for s in C.sessions(engine, cid)] == ["Catatan Ani"]
    assert C.get_case(engine, cid)["status"] == "berjalan"  # scheduled, then the first note: coaching runs


def test_edit_focus_coach_and_due_date_of_an_open_case(app, demo_settings):
    import datetime as dt

    who = _listed(demo_settings)
    engine = app.engine()
    plan = [{"aksi": "Dialog kinerja", "tanggal": "2026-12-01"}]
    cid = C.open_case(engine, nip=who["nip"], actor="Budi", nama=who["nama"], fokus=["Disiplin"], coach_nip=who["nip_atasan"],
                      coach_nama="Pak Lama", rencana=plan, due_date=dt.date(2026, 12, 31), within=EVERYTHING)["id"]  # fmt: skip
    at = app("kasus", {"nip": who["nip"]}, _principal=ANI)
    assert at.text_area(key=f"kasus_edit_focus_{cid}").value == "Disiplin"
    assert at.text_input(key=f"kasus_edit_coach_{cid}").value == "Pak Lama"
    _button(at, "Simpan perubahan").click().run()  # nothing changed: nothing recorded
    assert any(i.value == "Tidak ada yang berubah." for i in at.info)
    assert [e["event"] for e in C.events(engine, cid)] == ["dibuka"]

    at.text_area(key=f"kasus_edit_focus_{cid}").input("Disiplin\nPelayanan")
    at.text_input(key=f"kasus_edit_coach_{cid}").input("Bu Baru")
    at.date_input(key=f"kasus_edit_due_{cid}").set_value(dt.date(2027, 1, 15))
    _button(at, "Simpan perubahan").click().run()
    assert not at.exception, at.exception
    case = C.get_case(engine, cid)
    assert (case["fokus"], case["coach_nama"], case["due_date"]) == (["Disiplin", "Pelayanan"], "Bu Baru", dt.date(2027, 1, 15))
    assert case["coach_nip"] == who["nip_atasan"] and case["rencana"] == plan  # untouched fields stay
    last = C.events(engine, cid)[-1]
    assert (last["event"], last["actor"], set(last["after"])) == (
        "rencana",
        "Ani Lestari (ani)",
        {"fokus", "coach_nama", "due_date"},
    )
    trail = next(d.value for d in at.dataframe if "Sebelum" in d.value.columns)
    row = trail[trail["Perubahan"] == "Rencana"].iloc[0]
    assert "31 Desember 2026" in row["Sebelum"] and "15 Januari 2027" in row["Sesudah"]  # days as the UI writes them
    assert "Pak Lama" in row["Sebelum"] and "Bu Baru" in row["Sesudah"]
    assert any("Bu Baru" in c.value for c in at.caption)  # the facts show the new coach

    # meanwhile, elsewhere
    C.update_plan(engine, cid, expected_version=case["version"], actor="Budi", coach_nama="Pak Lain", within=EVERYTHING)
    at.text_input(key=f"kasus_edit_coach_{cid}").input("Bu Ketiga")
    _button(at, "Simpan perubahan").click().run()
    assert any("diubah orang lain" in w.value for w in at.warning)
    assert C.get_case(engine, cid)["coach_nama"] == "Pak Lain"
    assert at.text_input(key=f"kasus_edit_coach_{cid}").value == "Bu Ketiga"  # the typed text is kept


def test_refused_transition_says_why_in_english(app, demo_settings):
    who = _listed(demo_settings)
    engine = app.engine()
    cid = C.open_case(engine, nip=who["nip"], actor="Budi", nama=who["nama"], within=EVERYTHING)["id"]
    at = app("kasus", {"nip": who["nip"]}, _principal=ANI, lang="English")
    assert at.title[0].value == "Coaching cases"
    _button(at, "Cancel the case").click().run()  # no reason given
    assert any("needs a reason" in e.value for e in at.error)
    assert C.get_case(engine, cid)["status"] == "baru"


def test_recognition_records_an_award_and_shows_it(app, demo_settings):
    at = app("penghargaan", _principal=ANI)
    nip = at.selectbox(key="penghargaan_pick").value
    at.text_input(key="award_by").input("Kepala Dinas")
    _button(at, "Catat penghargaan").click().run()
    assert not at.exception
    rows = views.award_frame(app.engine())
    assert rows.select("nip", "jenis", "diberikan_oleh").rows() == [(nip, "Piagam penghargaan", "Kepala Dinas")]
    name = query(demo_settings, "SELECT nama FROM dim_pegawai WHERE nip = $n", {"n": nip}).item()
    grid = at.dataframe[0].value
    shown = grid.loc[grid["Nama"] == name, "Penghargaan diterima"].tolist()
    assert shown and shown[0].startswith("Piagam penghargaan (")


@pytest.mark.parametrize(("tab", "expect"), [("Per OPD", "Kasus terbuka"), ("Kasus saya", "kasus_coach"),
                                             ("Apakah berhasil?", "bukan bukti")])  # fmt: skip
def test_each_tab_draws_its_view(app, demo_settings, tab, expect):
    who = _listed(demo_settings)
    C.open_case(app.engine(), nip=who["nip"], actor="Budi", nama=who["nama"], coach_nip=who["nip_atasan"],
                coach_nama=who["nama_atasan"], within=EVERYTHING)  # fmt: skip
    at = app("kasus", kasus_tab=tab)
    texts = [i.value for i in at.info] + [c for d in at.dataframe for c in d.value.columns] + [s.key for s in at.selectbox]
    assert any(expect in x for x in texts), texts


def test_a_one_row_table_says_row_in_english(app, demo_settings):
    who = _listed(demo_settings)
    C.open_case(app.engine(), nip=who["nip"], actor="Budi", nama=who["nama"], coach_nip=who["nip_atasan"],
                coach_nama=who["nama_atasan"], within=EVERYTHING)  # fmt: skip
    captions = [c.value for c in app("kasus", lang="English").caption]
    assert "1 row" in captions and "1 rows" not in captions
    assert "1 baris" in [c.value for c in app("kasus").caption]


def _demo_atasan(demo_settings) -> Principal:
    """The demo's Atasan account (the busiest supervisor), as the sign-in page would create it."""
    from warehouse import queries
    from warehouse.db import connect

    with connect(str(demo_settings.warehouse)) as con:
        boss = queries.demo_roles(con)["atasan"]
    return Principal("demo-atasan", "atasan", "Atasan langsung (demo)", nip=boss)


def test_the_demo_atasan_neither_sees_nor_writes_a_case_of_another_place(app, demo_settings):
    """Attack 1 of issue 19: demo-atasan (people in Bangko) read a Jambi case and saved a note into it."""
    atasan = _demo_atasan(demo_settings)
    other = query(
        demo_settings,
        "SELECT nip, nama FROM dim_pegawai WHERE lokasi = 'Jambi' AND lokasi <> (SELECT lokasi FROM dim_pegawai WHERE nip = $b)"
        " ORDER BY nip LIMIT 1",
        {"b": atasan.nip},
    ).row(0, named=True)
    mine = query(demo_settings, "SELECT nip, nama FROM dim_pegawai WHERE nip_atasan = $b ORDER BY nip LIMIT 1", {"b": atasan.nip})
    engine = app.engine()
    jambi = C.open_case(engine, nip=other["nip"], actor="Budi", nama=other["nama"], fokus=["Rahasia Jambi"], within=EVERYTHING)
    own = C.open_case(engine, nip=mine["nip"][0], actor="Budi", nama=mine["nama"][0], within=EVERYTHING)
    for params in ({}, {"kasus": str(jambi["id"])}, {"nip": other["nip"]}):
        at = app("kasus", params, _principal=atasan)
        text = " ".join(screen_text(at)) + " ".join(str(d.value.to_dict()) for d in at.dataframe)
        assert other["nama"] not in text and "Rahasia Jambi" not in text, params
        assert at.selectbox(key="kasus_pick").value == own["id"]  # their own people's case, never the Jambi one
        assert f"kasus_disc_{jambi['id']}" not in [a.key for a in at.text_area]  # no form to write into it
    assert any(w.value == t_id("not_found") for w in at.warning)  # the Jambi NIP in the link: like a missing one
    assert C.sessions(engine, jambi["id"]) == [] and C.get_case(engine, jambi["id"])["version"] == 1


def t_id(key: str) -> str:
    """A UI text in Bahasa Indonesia."""
    return T[key][0]
