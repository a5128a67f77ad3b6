"""Pipeline behaviour on small dirty files: formats, rejects, refusals, idempotency, atomicity, replacement."""

from __future__ import annotations

import io

import polars as pl
import pytest

from pipelines.__main__ import main as cli
from pipelines.build import build, incremental
from pipelines.load.transaction import load_files, load_paths
from tests.conftest import make_settings
from tests.helpers import NIPS, csv, pegawai, query

CAPAIAN_DIRTY = (
    "Laporan capaian kinerja;;;;;\n"
    "NIP;Periode;Indikator Kinerja;Target;Realisasi;Bobot (%)\n"
    f"{NIPS[0][:8]} {NIPS[0][8:14]} {NIPS[0][14]} {NIPS[0][15:]};Januari 2026;Waktu layanan;1.000,5;1.100,5;100\n"
    f"{NIPS[1]};Jan 2026;Akurasi;10;n/a;100\n"
    f"{NIPS[2]};Bulan 13;Akurasi;10;9;100\n"
    f"999999999999999999;2026-01;Akurasi;10;9;100\n"
    f"{NIPS[3]};2026-01;A;10;9;60\n"
    f"{NIPS[3]};2026-01;B;10;9;30\n"
    f"{NIPS[4]};TW1 2026;A;10;9;100\n"
)


def test_dirty_csv_cp1252_semicolon_decimal_comma(tmp_path):
    s = make_settings(tmp_path)
    data = CAPAIAN_DIRTY.replace("Waktu layanan", "Waktu layanan â€“ dokumen").encode("cp1252", errors="replace")
    report = load_files([("pegawai.csv", pegawai()), ("capaian.csv", data)], s)
    assert report.exit_code == 1
    cap = query(s, "SELECT nip, target, realisasi FROM fct_capaian")
    assert cap.rows() == [(NIPS[0], 1000.5, 1100.5)]
    rej = report.rejects.sort("baris")
    by_row = {r["baris"]: r for r in rej.iter_rows(named=True)}
    assert by_row[4]["kolom"] == "realisasi" and "n/a" in by_row[4]["alasan"]
    assert by_row[5]["kolom"] == "periode" and "Bulan 13" in by_row[5]["alasan"]
    assert by_row[6]["kolom"] == "nip"
    assert by_row[7]["kolom"] == "bobot" and "90" in by_row[7]["alasan"]
    assert by_row[9]["kolom"] == "periode" and "triwulanan" in by_row[9]["alasan"]
    assert all(r["reason"] for r in rej.iter_rows(named=True))  # English reason for every reject
    assert query(s, "SELECT count(*) FROM rejects").item() == rej.height


def test_excel_with_title_rows_and_parquet(tmp_path):
    s = make_settings(tmp_path)
    peg = pl.read_csv(io.BytesIO(pegawai()), separator=";", infer_schema=False)
    xlsx = tmp_path / "pegawai.xlsx"
    peg.write_excel(xlsx, position="A4")
    beh = pl.DataFrame(
        {
            "nip": [NIPS[0]],
            "period": ["2026-01"],
            "rater_role": ["Atasan"],
            **{
                v: [80.0]
                for v in ["berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif"]
            },
        }
    )
    buf = io.BytesIO()
    beh.write_parquet(buf)
    report = load_files([("pegawai.xlsx", xlsx.read_bytes()), ("perilaku.parquet", buf.getvalue())], s)
    assert report.exit_code == 0, report.rejects
    assert query(s, "SELECT count(*) FROM dim_pegawai").item() == len(NIPS)
    assert query(s, "SELECT perilaku FROM fct_perilaku_pegawai").item() == pytest.approx(80.0)


def test_file_missing_required_columns_is_refused_with_names(tmp_path):
    s = make_settings(tmp_path)
    bad = b"NIP;Periode;Indikator\n123;2026-01;x\n"
    report = load_files([("capaian.csv", bad)], s, kind="capaian")
    assert report.exit_code == 2
    f = report.files[0]
    assert f.status == "ditolak" and "target" in f.pesan and "realisasi" in f.pesan and "Indikator" in f.pesan
    assert "missing" in f.message


def test_loading_the_same_file_twice_changes_nothing(tmp_path):
    s = make_settings(tmp_path)
    files = [("pegawai.csv", pegawai()), ("capaian.csv", CAPAIAN_DIRTY.encode())]
    load_files(files, s)
    tables = ["dim_pegawai", "fct_capaian", "fct_kinerja", "rejects"]
    before = {t: query(s, f"SELECT * FROM {t} ORDER BY ALL") for t in tables}
    again = load_files(files, s)
    assert {f.status for f in again.files} == {"sama"}
    for t in tables:
        assert query(s, f"SELECT * FROM {t} ORDER BY ALL").equals(before[t]), t


def test_failed_load_leaves_previous_warehouse_intact(tmp_path, monkeypatch):
    s = make_settings(tmp_path)
    load_files([("pegawai.csv", pegawai())], s)
    before = query(s, "SELECT * FROM dim_pegawai ORDER BY nip")

    def boom(*_a, **_k):
        raise RuntimeError("killed halfway")

    monkeypatch.setattr(build, "run_marts", boom)
    monkeypatch.setattr(incremental, "run_marts_incremental", boom)  # the build on the current version
    with pytest.raises(RuntimeError):
        load_files([("pegawai2.csv", pegawai([NIPS[0]], lokasi="Bangko"))], s)
    assert query(s, "SELECT * FROM dim_pegawai ORDER BY nip").equals(before)
    monkeypatch.undo()
    # the next load works and does not pick up the failed load's staging
    load_files([("capaian.csv", CAPAIAN_DIRTY.encode())], s)
    assert query(s, "SELECT count(*) FROM dim_pegawai WHERE lokasi = 'Bangko'").item() == 0


def test_corrected_file_replaces_its_periods_only(tmp_path):
    s = make_settings(tmp_path)

    def cap(rows):
        return ("NIP;Periode;Indikator;Target;Realisasi;Bobot\n" + "\n".join(rows)).encode()

    first = cap([f"{NIPS[0]};2026-01;A;10;5;100", f"{NIPS[0]};2026-02;A;10;6;100"])
    fixed = cap([f"{NIPS[0]};2026-02;A;10;9;100"])
    load_files([("pegawai.csv", pegawai()), ("capaian_jambi.csv", first)], s)
    load_files([("capaian_jambi_revisi.csv", fixed)], s)
    got = query(s, "SELECT periode, realisasi FROM fct_capaian ORDER BY periode").rows()
    assert got == [("2026-01", 5.0), ("2026-02", 9.0)]
    history = query(s, "SELECT berkas, status FROM load_log ORDER BY load_id").rows()
    assert [h[0] for h in history] == ["pegawai.csv", "capaian_jambi.csv", "capaian_jambi_revisi.csv"]


def test_unknown_nip_and_duplicates_are_rejected(tmp_path):
    s = make_settings(tmp_path)
    data = (
        "NIP;Periode;Indikator;Target;Realisasi;Bobot\n"
        f"{NIPS[0]};2026-01;A;10;5;100\n{NIPS[0]};2026-01;A;10;6;100\n"
        "198001012005011999;2026-01;A;10;6;100\n"
    ).encode()
    report = load_files([("pegawai.csv", pegawai()), ("c.csv", data)], s)
    kinds = {(r["baris"], r["kolom"]) for r in report.rejects.iter_rows(named=True)}
    assert (3, "indikator") in kinds and (4, "nip") in kinds
    assert query(s, "SELECT realisasi FROM fct_capaian").item() == 5.0


def test_cli_exit_codes(tmp_path, monkeypatch, capsys):
    s = make_settings(tmp_path)
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(s.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(s.staging))
    (tmp_path / "pegawai.csv").write_bytes(pegawai())
    (tmp_path / "capaian.csv").write_text(CAPAIAN_DIRTY, encoding="utf-8")
    (tmp_path / "aneh.csv").write_text("a;b\n1;2\n", encoding="utf-8")
    assert cli(["load", str(tmp_path / "pegawai.csv")]) == 0
    assert cli(["load", str(tmp_path / "capaian.csv"), "--rejects", str(tmp_path / "rej.csv")]) == 1
    assert pl.read_csv(tmp_path / "rej.csv").height >= 4
    assert cli(["load", str(tmp_path / "aneh.csv")]) == 2
    assert "tidak dikenali" in capsys.readouterr().out


def test_two_sources_holding_the_same_row_keep_the_latest_load(tmp_path):
    s = make_settings(tmp_path)

    def cap(rows):
        return ("NIP;Periode;Indikator;Target;Realisasi;Bobot\n" + "\n".join(rows)).encode()

    load_files(
        [
            ("pegawai.csv", pegawai()),
            ("capaian_bidang_a.csv", cap([f"{NIPS[0]};2026-01;A;10;5;100", f"{NIPS[1]};2026-01;A;10;7;100"])),
        ],
        s,
    )
    # another office sends NIP 0 again for the same period: the later load wins, NIP 1 is untouched
    load_files([("capaian_kantor_lain.csv", cap([f"{NIPS[0]};2026-01;A;10;8;100"]))], s)
    got = query(s, "SELECT nip, realisasi FROM fct_capaian ORDER BY nip").rows()
    assert got == [(NIPS[0], 8.0), (NIPS[1], 7.0)]


def test_files_from_disk_load_one_at_a_time_employees_first(tmp_path):
    s = make_settings(tmp_path)
    (tmp_path / "a_capaian.csv").write_bytes(
        f"NIP;Periode;Indikator;Target;Realisasi;Bobot\n{NIPS[0]};2026-01;A;10;5;100\n".encode()
    )
    (tmp_path / "z_pegawai.csv").write_bytes(pegawai())
    # the capaian file comes first by name, yet its NIP is known because the roster is loaded first
    report = load_paths([tmp_path / "a_capaian.csv", tmp_path / "z_pegawai.csv"], s)
    assert report.exit_code == 0
    assert [f.jenis for f in report.files] == ["pegawai", "capaian"]
    assert all(f.detik > 0 for f in report.files)
    assert not list((s.staging / "_parts").glob("*.parquet"))  # parts became staging files or were removed


def test_mark_first_finds_repeats_wherever_they_are_and_keeps_key_order():
    from pipelines.clean.checks import first_rows, mark_first

    frame = pl.DataFrame(
        {
            "_baris": [2, 3, 4, 5, 6, 7],
            "nip": [NIPS[1], NIPS[0], NIPS[1], "abc", NIPS[0], "abd"],
            "periode": ["2026-01"] * 6,
            "indikator": ["A", "A", "A", "A", "B", "A"],
        }
    )
    marked = mark_first(frame, "capaian")
    assert marked["_baris"].to_list() == [2, 3, 4, 5, 6, 7]  # the frame's own order is kept
    assert marked["_pertama"].to_list() == [2, 3, 2, 5, 6, 7]  # row 4 repeats row 2; invalid NIPs stay apart
    assert first_rows(marked, "capaian")["_baris"].to_list() == [2, 3, 5, 6, 7]
    order = marked.sort("_urut")
    assert order["nip"].to_list()[-4:] == [NIPS[0], NIPS[0], NIPS[1], NIPS[1]]  # NIP order, numbers sorted


def test_warehouse_from_older_mart_definitions_is_rebuilt_from_its_staging(tmp_path):
    import duckdb

    from pipelines.demo.first_run import ensure_warehouse

    s = make_settings(tmp_path)
    load_files([("pegawai.csv", pegawai()), ("capaian.csv", CAPAIAN_DIRTY.encode())], s)
    assert ensure_warehouse(s) == "ok"
    kinerja = query(s, "SELECT * FROM fct_kinerja ORDER BY ALL")
    with duckdb.connect(str(s.warehouse)) as con:  # as an older version would have left it
        con.execute("DROP TABLE _versi")
        con.execute("DROP TABLE dim_periode")
    assert not build.is_current(s.warehouse)
    assert ensure_warehouse(s) == "rebuilt"
    assert build.is_current(s.warehouse)
    assert query(s, "SELECT count(*) FROM dim_periode").item() == 1
    assert query(s, "SELECT * FROM fct_kinerja ORDER BY ALL").equals(kinerja)
    assert query(s, "SELECT count(*) FROM load_log").item() == 2  # the load history is kept
    assert ensure_warehouse(s) == "ok"


def test_outdated_warehouse_whose_staging_is_gone_is_kept_not_replaced_by_the_demo(tmp_path, monkeypatch, capsys):
    import shutil

    import duckdb

    from pipelines.demo.first_run import ensure_warehouse

    s = make_settings(tmp_path)
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(s.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(s.staging))
    load_files([("pegawai.csv", pegawai())], s)
    with duckdb.connect(str(s.warehouse)) as con:
        con.execute("UPDATE _versi SET marts = 'older'")
    shutil.rmtree(s.staging / "pegawai")
    before = query(s, "SELECT * FROM dim_pegawai ORDER BY nip")
    with pytest.raises(FileNotFoundError, match="staging files missing"):
        ensure_warehouse(s)
    assert query(s, "SELECT * FROM dim_pegawai ORDER BY nip").equals(before)
    assert cli(["demo", "--if-missing"]) == 2  # `make run` stops with the reason instead of replacing the data
    assert "berkas staging tidak ada (pegawai/" in capsys.readouterr().err
    assert query(s, "SELECT * FROM dim_pegawai ORDER BY nip").equals(before)


def test_large_facts_stay_in_staging_files_with_the_same_results(tmp_path):
    small = make_settings(tmp_path / "copied")
    large = make_settings(tmp_path / "on_files", **{"gudang.facts_on_files_above": 0})
    for s in (small, large):
        load_files([("pegawai.csv", pegawai()), ("capaian.csv", CAPAIAN_DIRTY.encode())], s)
    kinds = "SELECT view_name FROM duckdb_views() WHERE NOT internal AND view_name LIKE 'stg_%' ORDER BY 1"
    assert query(small, kinds).height == 0
    assert query(large, kinds)["view_name"].to_list() == ["stg_capaian"]  # no behaviour file was loaded
    for sql in ("SELECT * FROM fct_capaian ORDER BY ALL", "SELECT * FROM fct_kinerja ORDER BY ALL"):
        assert query(small, sql).equals(query(large, sql))


def _capaian_for(periode: str, realisasi: str) -> bytes:
    rows = [
        {
            "NIP": nip,
            "Periode": periode,
            "Indikator Kinerja": "Akurasi",
            "Target": "10",
            "Realisasi": realisasi,
            "Bobot (%)": "100",
        }
        for nip in NIPS[:3]
    ]
    rows.append(
        {
            "NIP": "999999999999999999",
            "Periode": periode,
            "Indikator Kinerja": "Akurasi",
            "Target": "10",
            "Realisasi": "9",
            "Bobot (%)": "100",
        }
    )  # unknown NIP: rejected in every file
    return csv(rows)


def test_files_read_several_at_a_time_give_the_same_load_as_one_by_one(tmp_path):
    files = [
        ("capaian_feb.csv", _capaian_for("2026-02", "8,5")),
        ("pegawai.csv", pegawai()),
        ("capaian_jan.csv", _capaian_for("2026-01", "9")),
        ("capaian_mar.csv", _capaian_for("2026-03", "n/a")),
    ]
    one = make_settings(tmp_path / "one", **{"muat.workers": 1})
    many = make_settings(tmp_path / "many", **{"muat.workers": 3})
    reports = [load_files(files, s) for s in (one, many)]
    # the roster goes first (the others check their NIPs against it), the rest keep the order given
    for report in reports:
        assert [f.berkas for f in report.files] == ["pegawai.csv", "capaian_feb.csv", "capaian_jan.csv", "capaian_mar.csv"]
        assert [f.ditolak for f in report.files] == [0, 1, 1, 4]
    assert reports[0].rejects.sort("berkas", "baris", "kolom").equals(reports[1].rejects.sort("berkas", "baris", "kolom"))
    sql = "SELECT nip, periode, capaian FROM fct_capaian ORDER BY ALL"
    assert query(one, sql).equals(query(many, sql)) and query(one, sql).height == 6
