"""Loads a leader can rely on: a bad file replaces nothing, every cell is read on its own, every refusal and
reject names its cause in both languages, and loads are serialised with their own load ids.

Each case checks the exit code, the message, that rows read = rows loaded + rows rejected (counted from the
fixture, not from the pipeline) and, where nothing should change, that the warehouse did not.
"""

from __future__ import annotations

import io
import threading

import polars as pl
import pytest
import xlsxwriter

from pipelines.__main__ import main as cli
from pipelines.load.transaction import load_files, writer_lock
from tests.conftest import make_settings
from tests.helpers import NIPS, csv, pegawai, query

ROSTER_HEADER = ["NIP", "Nama", "Lokasi", "Perangkat Daerah", "Unit Kerja", "Status ASN", "Golongan"]


def _capaian(rows: list[str], sep: str = ";") -> bytes:
    head = sep.join(["NIP", "Periode", "Indikator", "Target", "Realisasi", "Bobot"])
    return ("\n".join([head, *rows]) + "\n").encode()


def _roster_xlsx(nips_as_numbers: list[str]) -> bytes:
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf)
    ws = wb.add_worksheet("Pegawai")
    for c, h in enumerate(ROSTER_HEADER):
        ws.write(0, c, h)
    for r, nip in enumerate(nips_as_numbers, start=1):
        ws.write_number(r, 0, int(nip))  # what a clerk gets by typing a NIP into a General cell
        for c, v in enumerate([f"Pegawai {r}", "Jambi", "Dinas A", "Bidang", "PNS", "III/a"], start=1):
            ws.write(r, c, v)
    wb.close()
    return buf.getvalue()


def _scored(tmp_path):
    """A warehouse with nine employees of two OPDs, each with one scored period."""
    s = make_settings(tmp_path)
    roster = pl.concat(
        [
            pl.read_csv(pegawai(NIPS[:5], opd="Dinas A"), separator=";", infer_schema=False),
            pl.read_csv(pegawai(NIPS[5:], opd="Dinas B"), separator=";", infer_schema=False),
        ]
    )
    cap = _capaian([f"{n};2026-01;Layanan;10;9;100" for n in NIPS])
    report = load_files([("pegawai.csv", roster.write_csv(separator=";").encode()), ("capaian.csv", cap)], s)
    assert report.exit_code == 0
    return s


def _snapshot(s) -> tuple:
    return (
        query(s, "SELECT * FROM dim_pegawai ORDER BY nip").rows(),
        query(s, "SELECT nip, periode, hasil_kerja FROM fct_kinerja ORDER BY nip, periode").rows(),
    )


def test_header_only_roster_replaces_nothing(tmp_path):
    s = _scored(tmp_path)
    before = _snapshot(s)
    report = load_files([("pegawai.csv", (";".join(ROSTER_HEADER) + "\n").encode())], s)
    f = report.files[0]
    assert report.exit_code == 2 and f.status == "ditolak"
    assert (f.dibaca, f.dimuat, f.ditolak) == (0, 0, 0)
    assert "Tidak ada baris data" in f.pesan and "No data rows" in f.message
    assert _snapshot(s) == before


def test_roster_of_excel_number_nips_is_rejected_row_by_row_and_replaces_nothing(tmp_path):
    s = _scored(tmp_path)
    before = _snapshot(s)
    report = load_files([("pegawai.xlsx", _roster_xlsx(NIPS))], s)
    f = report.files[0]
    assert report.exit_code == 2 and f.status == "ditolak"
    assert (f.dibaca, f.dimuat, f.ditolak) == (len(NIPS), 0, len(NIPS))
    assert report.rejects["baris"].sort().to_list() == list(range(2, 2 + len(NIPS)))  # the sheet's row numbers
    assert report.rejects["reason"].str.contains("Excel keeps only 15 digits").all()
    assert report.rejects["alasan"].str.contains("Format kolom NIP sebagai Teks").all()
    assert _snapshot(s) == before


def test_roster_that_drops_scored_employees_needs_confirmation(tmp_path):
    s = _scored(tmp_path)
    before = _snapshot(s)
    smaller = pegawai(NIPS[:3], opd="Dinas A")  # drops NIPS[3:5] (Dinas A) and NIPS[5:] (Dinas B)
    report = load_files([("pegawai.csv", smaller)], s)
    f = report.files[0]
    assert report.exit_code == 2 and f.status == "ditolak"
    assert "6 pegawai" in f.pesan and "Dinas B (4)" in f.pesan and "Dinas A (2)" in f.pesan
    assert "6 employees" in f.message and "--replace" in f.message
    assert _snapshot(s) == before
    confirmed = load_files([("pegawai.csv", smaller)], s, replace=True)
    assert confirmed.exit_code == 0
    assert query(s, "SELECT count(*) FROM dim_pegawai").item() == 3


def test_roster_adding_employees_needs_no_confirmation(tmp_path):
    s = _scored(tmp_path)
    report = load_files([("pegawai.csv", pegawai(NIPS, opd="Dinas A"))], s)
    assert report.exit_code == 0


def test_one_odd_number_cell_does_not_change_the_rest_of_the_file(tmp_path):
    s = make_settings(tmp_path)
    comma_csv = (
        "NIP,Periode,Indikator,Target,Realisasi,Bobot\n"
        f'{NIPS[0]},2026-01,A,"1,234.5",1000,60.0\n'
        f"{NIPS[0]},2026-01,B,10,9,40.0\n"
        f"{NIPS[1]},2026-01,A,20,18,100\n"
    ).encode()
    report = load_files([("pegawai.csv", pegawai()), ("capaian.csv", comma_csv)], s)
    assert report.exit_code == 0, report.rejects
    got = query(s, "SELECT nip, indikator, target, bobot FROM stg_capaian ORDER BY nip, indikator").rows()
    assert got == [(NIPS[0], "A", 1234.5, 60.0), (NIPS[0], "B", 10.0, 40.0), (NIPS[1], "A", 20.0, 100.0)]


def test_a_decimal_point_cell_in_a_decimal_comma_file_keeps_its_value(tmp_path):
    s = make_settings(tmp_path)
    data = _capaian([f"{NIPS[0]};2026-01;A;10,5;9,25;60", f"{NIPS[0]};2026-01;B;10.5;1.234;40"])
    report = load_files([("pegawai.csv", pegawai()), ("capaian.csv", data)], s)
    assert report.exit_code == 0
    got = query(s, "SELECT indikator, target, realisasi FROM stg_capaian ORDER BY indikator").rows()
    # '1.234' follows the column's decimal comma: a thousands separator
    assert got == [("A", 10.5, 9.25), ("B", 10.5, 1234.0)]


@pytest.mark.parametrize(
    ("kind", "data", "column", "value", "words_id", "words_en"),
    [
        ("capaian", _capaian([f"{NIPS[0]};2026-01;A;10;9;seratus"]), "bobot", "seratus", "tidak dikenal", "not recognised"),
        (
            "capaian",
            _capaian([f"{NIPS[0]};2026-01;A;sepuluh;9;100"]),
            "target",
            "sepuluh",
            "tidak dapat dibaca",
            "cannot be read",
        ),
        (
            "evaluasi",
            csv(
                [
                    {
                        "NIP": NIPS[0],
                        "Periode": "2026-01",
                        "Rating Hasil Kerja": "Sesuai Ekspektasi",
                        "Rating Perilaku": "Sesuai Ekspektasi",
                        "Predikat": "Istimewa",
                    }
                ]
            ),
            "predikat",
            "Istimewa",
            "Sangat Baik",
            "Sangat Baik",
        ),
    ],
)
def test_text_outside_a_columns_vocabulary_is_rejected_not_filled_in(tmp_path, kind, data, column, value, words_id, words_en):
    s = make_settings(tmp_path)
    load_files([("pegawai.csv", pegawai())], s)
    report = load_files([(f"{kind}.csv", data)], s, kind=kind)
    f = report.files[0]
    assert (f.dibaca, f.dimuat, f.ditolak) == (1, 0, 1)
    rej = report.rejects.filter(pl.col("kolom") == column)
    assert rej.height == 1 and rej["nilai"][0] == value and rej["baris"][0] == 2
    assert words_id in rej["alasan"][0] and words_en in rej["reason"][0]
    assert query(s, f"SELECT count(*) FROM stg_{kind}").item() == 0


def test_every_reject_has_a_reason_in_both_languages(tmp_path):
    s = make_settings(tmp_path)
    data = _capaian(
        [
            f"{NIPS[0]};2026-13;A;10;9;100",
            f"{NIPS[1]};2026-01;A;-1;9;100",
            "123;2026-01;A;10;9;100",
            f"{NIPS[2]};2026-01;A;10;9;seratus",
            f"{NIPS[3]};2026-01;A;10;9;60",
            f"{NIPS[4]};;A;10;9;100",
        ]
    )
    report = load_files([("pegawai.csv", pegawai()), ("capaian.csv", data)], s)
    assert report.rejects.height >= 6
    assert (
        report.rejects.select((pl.col("alasan").str.len_chars() > 10) & (pl.col("reason").str.len_chars() > 10)).to_series().all()
    )
    f = report.files[1]
    assert f.dibaca == 6 and f.dimuat + f.ditolak == 6


def test_cli_prints_messages_whole_and_neutralises_the_rejects_file(tmp_path, capsys, monkeypatch):
    s = make_settings(tmp_path)
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(s.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(s.staging))
    (tmp_path / "pegawai.csv").write_bytes(pegawai())
    (tmp_path / "capaian.csv").write_bytes(_capaian([f"{NIPS[0]};2026-01;A;10;9;=1+2"]))
    code = cli(["load", str(tmp_path / "pegawai.csv"), str(tmp_path / "capaian.csv"), "--rejects", str(tmp_path / "rejects.csv")])
    out = capsys.readouterr().out
    assert code == 2  # every row of capaian.csv rejected: the file replaced nothing
    assert "Semua 1 baris ditolak (lihat baris yang ditolak). Tidak ada data yang diganti." in out
    assert "All 1 rows were rejected (see the rejected rows). Nothing was replaced." in out
    rejects = pl.read_csv(tmp_path / "rejects.csv", infer_schema=False)
    assert rejects["nilai"].to_list() == ["'=1+2"]  # shown as text by a spreadsheet, never run
    assert not rejects.select(pl.all().str.starts_with("=").any()).row(0) == (True,) * rejects.width


def test_cli_file_not_found_in_both_languages(tmp_path, capsys):
    assert cli(["load", str(tmp_path / "tidak_ada.csv")]) == 2
    err = capsys.readouterr().err
    assert "Berkas tidak ditemukan" in err and "File not found" in err


def test_concurrent_loads_get_their_own_ids_and_all_their_rows(tmp_path):
    s = make_settings(tmp_path)
    load_files([("pegawai.csv", pegawai())], s)
    waits: list[str] = []
    release = threading.Event()
    results = {}

    def slow_progress(frac, _msg):
        if frac == 0.0:
            release.wait(30)  # hold the lock until the second load has asked for it

    def first():
        results["a"] = load_files([("capaian_a.csv", _capaian([f"{NIPS[0]};2026-01;A;10;9;100"]))], s, progress=slow_progress)

    def second():
        results["b"] = load_files(
            [("capaian_b.csv", _capaian([f"{NIPS[1]};2026-01;A;10;9;100"]))],
            s,
            on_wait=lambda pesan, message: (waits.append(message), release.set()),
        )

    ta = threading.Thread(target=first)
    ta.start()
    while not (s.staging / ".lock.info").exists() or "capaian_a.csv" not in (s.staging / ".lock.info").read_text():
        threading.Event().wait(0.01)
    tb = threading.Thread(target=second)
    tb.start()
    ta.join(60)
    tb.join(60)
    assert results["a"].load_id != results["b"].load_id
    assert len(waits) == 1 and "capaian_a.csv" in waits[0]
    assert query(s, "SELECT nip FROM stg_capaian ORDER BY nip")["nip"].to_list() == [NIPS[0], NIPS[1]]
    assert query(s, "SELECT DISTINCT load_id FROM load_log ORDER BY 1")["load_id"].to_list() == [1, 2, 3]


def test_a_cli_load_says_it_waits_and_for_whom(tmp_path):
    import os
    import subprocess
    import sys

    s = make_settings(tmp_path)
    (tmp_path / "pegawai.csv").write_bytes(pegawai())
    env = {**os.environ, "KINERJA_WAREHOUSE": str(s.warehouse), "KINERJA_STAGING": str(s.staging)}
    with writer_lock(s.staging, who="operator-uji", files=["upload.xlsx"]):
        proc = subprocess.Popen(
            [sys.executable, "-m", "pipelines", "load", str(tmp_path / "pegawai.csv")],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        first = proc.stderr.readline()  # blocks until the CLI reports that it waits
    out, err = proc.communicate(timeout=120)
    assert "Menunggu pemuatan lain selesai: upload.xlsx oleh operator-uji" in first
    assert proc.returncode == 0
    assert query(s, "SELECT count(*) FROM dim_pegawai").item() == len(NIPS)


def test_parquet_nips_as_integers_load_and_as_floats_are_rejected(tmp_path):
    s = make_settings(tmp_path)
    load_files([("pegawai.csv", pegawai())], s)

    def parquet(nips, period) -> bytes:
        buf = io.BytesIO()
        pl.DataFrame(
            {
                "nip": nips,
                "periode": [period] * len(nips),
                "indikator": ["A"] * len(nips),
                "target": [10.0] * len(nips),
                "realisasi": [9.0] * len(nips),
                "bobot": [100.0] * len(nips),
            }
        ).write_parquet(buf)
        return buf.getvalue()

    exact = load_files([("capaian_int.parquet", parquet([int(n) for n in NIPS[:2]], "2026-01"))], s)
    assert exact.exit_code == 0 and exact.files[0].dimuat == 2  # an int64 holds all 18 digits
    lossy = load_files([("capaian_float.parquet", parquet([float(n) for n in NIPS[:2]], "2026-02"))], s)
    assert lossy.files[0].status == "ditolak" and lossy.files[0].ditolak == 2
    assert lossy.rejects["reason"].str.contains("only 15 digits").all()


def test_an_admin_loads_only_for_their_own_places(tmp_path):
    from pipelines.intake.prepare import ReadOptions

    s = make_settings(tmp_path)
    roster = pl.concat([
        pl.read_csv(pegawai(NIPS[:5], lokasi="Jambi"), separator=";", infer_schema=False),
        pl.read_csv(pegawai(NIPS[5:], lokasi="Bangko"), separator=";", infer_schema=False),
    ])  # fmt: skip
    assert load_files([("pegawai.csv", roster.write_csv(separator=";").encode())], s).exit_code == 0
    jambi = ReadOptions(places=("Jambi",))
    cap = _capaian([f"{n};2026-01;Layanan;10;9;100" for n in NIPS])
    report = load_files([("capaian.csv", cap)], s, opts=jambi)
    f = report.files[0]
    assert (f.dibaca, f.dimuat, f.ditolak) == (len(NIPS), 5, len(NIPS) - 5)
    assert set(report.rejects["kolom"]) == {"nip"}
    assert report.rejects["reason"].str.contains("outside what you may load").all()
    assert query(s, "SELECT nip FROM stg_capaian ORDER BY nip")["nip"].to_list() == NIPS[:5]
    extra = pegawai(NIPS[:2], lokasi="Belawan")  # a Jambi admin can't move people to or add them in Belawan
    moved = load_files([("pegawai_belawan.csv", extra)], s, opts=ReadOptions(places=("Jambi",)))
    assert moved.files[0].status == "ditolak"
    assert moved.rejects["alasan"].str.contains("di luar wewenang Anda").all()
