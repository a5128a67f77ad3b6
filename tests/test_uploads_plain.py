"""Uploads speak plainly (issue 21): a library's error becomes what to do; a kind below its confidence is asked,
never assumed; a column mapped by hand reads 100%; the demo accounts' guard speaks before the load; empty states
say why they are empty."""

from __future__ import annotations

import io
import zipfile

import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from appdb.accounts import SYSTEM, Policy, create_user
from appdb.demo import demo_accounts, ensure_demo_accounts
from appdb.engine import open_app_db
from appdb.principal import Principal
from pipelines.intake.errors import FileRefused
from pipelines.intake.readers import read_table
from pipelines.load.transaction import load_files
from tests.conftest import make_settings
from tests.helpers import NIPS, csv, pegawai
from tests.test_app import HARNESS

LIBRARY_WORDS = ("calamine", "error", "Error", "Context", "polars", "ComputeError", "Traceback", "bytes")


def _xlsx() -> bytes:
    buf = io.BytesIO()
    pl.DataFrame({"NIP": NIPS[:3], "Nama": ["A", "B", "C"]}).write_excel(buf)
    return buf.getvalue()


def _broken_zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    return buf.getvalue()


BROKEN = {
    "corrupt workbook": ("laporan.xlsx", b"PK\x03\x04" + b"\x00garbage" * 200, "Excel"),
    "cut-off workbook": ("rekap.xlsx", _xlsx()[:700], "Excel"),
    "a zip, not a workbook": ("pegawai.xlsx", _broken_zip(), "Excel"),
    "cut-off parquet": ("perilaku.parquet", b"PAR1" + b"\x01" * 300 + b"PAR1", "Parquet"),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_file_no_library_can_read_is_refused_with_what_to_do(case, tmp_path):
    name, data, word = BROKEN[case]
    with pytest.raises(FileRefused) as refused:
        read_table(name, data)
    for text in (refused.value.pesan, refused.value.message):
        assert not [w for w in LIBRARY_WORDS if w in text], text
    assert word in refused.value.pesan and "muat lagi" in refused.value.pesan and "load it again" in refused.value.message
    report = load_files([(name, data)], make_settings(tmp_path))  # the load says the same, file by file
    assert report.exit_code == 2 and report.files[0].pesan.startswith(refused.value.pesan[:40])


ATTENDANCE = csv(
    [
        {"NIP": n, "Nama": f"Pegawai {i}", "Lokasi": "Jambi", "Perangkat Daerah": "Dinas Sosial", "Hadir": 20, "Izin": 1}
        | {"Sakit": 0, "Alpa": 0}
        for i, n in enumerate(NIPS[:6])
    ]
)


def test_an_attendance_recap_is_not_loaded_as_a_roster(tmp_path):
    report = load_files([("rekap_kehadiran.csv", ATTENDANCE)], make_settings(tmp_path))
    assert report.exit_code == 2 and report.files[0].dimuat == 0
    assert "daftar hadir" in report.files[0].pesan


@pytest.fixture()
def data_page(tmp_path, monkeypatch):
    s = make_settings(tmp_path)
    roster = io.BytesIO()
    pl.read_csv(pegawai(), separator=";", infer_schema=False).write_excel(roster)
    assert load_files([("pegawai.xlsx", roster.getvalue())], s).exit_code == 0  # a demo file's name: demo data so far
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(s.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(s.staging))
    url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("KINERJA_APP_DB", url)
    from ui.data import settings

    settings.clear()

    def make(who: Principal | None = None) -> AppTest:
        at = AppTest.from_file(HARNESS, default_timeout=90)
        at.session_state["_page"] = "data"
        if who is not None:
            at.session_state["_principal"] = who
        at.run()
        assert not at.exception, at.exception
        return at

    yield open_app_db(url), make
    settings.clear()


def _load_button(at):
    return next(b for b in at.button if b.key == "load_btn")


def test_an_unsure_kind_is_asked_and_holds_the_load(data_page):
    _engine, make = data_page
    at = make()
    assert any(i.value.startswith("Belum ada baris yang ditolak") for i in at.info)  # not "widen the period range"
    at.file_uploader[0].set_value(("rekap_kehadiran.csv", ATTENDANCE, "text/csv")).run()
    assert not at.exception
    pick = next(s for s in at.selectbox if s.key and s.key.startswith("kindsel_"))
    assert pick.value is None, "nothing assumed"
    assert any("daftar hadir" in w.value for w in at.warning)
    assert any(w.value.startswith("Pilih dulu jenis data untuk") for w in at.warning)
    assert _load_button(at).disabled
    pick.select("capaian").run()  # the person says what it is: the load may go (and judges it as that)
    assert not at.exception and not _load_button(at).disabled


def test_a_column_mapped_by_hand_reads_full_confidence(data_page):
    _engine, make = data_page
    at = make()
    odd = csv([{"NIP": n, "Nama": f"P{i}", "Kantor": "Jambi", "Bagian X": "Dinas Sosial"} for i, n in enumerate(NIPS[:6])])
    at.file_uploader[0].set_value(("pegawai_baru.csv", odd, "text/csv")).run()
    editor = next(d for d in at.dataframe if d.key and d.key.startswith("cols_"))
    frame = pl.from_pandas(editor.value)
    row = frame["Kolom di berkas"].to_list().index("Bagian X")
    assert frame["Keyakinan"][row] < 100
    # what the browser sends after the person picks "OPD" for that row (AppTest applies no cell edits itself)
    at.session_state[editor.key] = {"edited_rows": {row: {"Dimuat sebagai": "OPD"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    frame = pl.from_pandas(next(d for d in at.dataframe if d.key and d.key.startswith("cols_")).value)
    assert frame["Keyakinan"][row] == 100


def test_the_data_page_refuses_a_lockout_before_the_load_and_not_after_a_real_admin(data_page):
    engine, make = data_page
    ensure_demo_accounts(engine, demo_accounts(None, None))
    demo_admin = Principal("demo-admin", "admin", lokasi=("Bangko", "Jambi", "Belawan", "Rakumpit"))
    at = make(demo_admin)
    at.file_uploader[0].set_value(("pegawai_merangin.csv", pegawai(), "text/csv")).run()
    assert any("belum ada akun administrator sungguhan" in w.value for w in at.warning)
    assert _load_button(at).disabled
    create_user(engine, "budi", "admin", "rahasia-panjang", Policy(), actor=SYSTEM, lokasi=["Jambi"])
    at.run()
    assert not any("belum ada akun administrator sungguhan" in w.value for w in at.warning)
    assert any("akun demo dimatikan" in i.value for i in at.info) and not _load_button(at).disabled


def test_skor_penilai_says_it_is_withheld_for_the_aggregate_viewer(monkeypatch, demo_settings):
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(demo_settings.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(demo_settings.staging))
    at = AppTest.from_file(HARNESS, default_timeout=90)
    at.session_state["_page"] = "skor"
    at.session_state["_principal"] = Principal("insp", "agregat", lokasi=("Bangko", "Jambi", "Belawan", "Rakumpit"))
    at.query_params["skor_bagian"] = "penilai"
    at.run()
    assert not at.exception
    assert [i.value for i in at.info] and "peran Anda" in at.info[0].value and not at.dataframe
