"""A load rebuilds what it touches: after every load of an office's year (movers, a leaver, a promotion, a joiner, a
roster loaded late, a late correction), each table of the incrementally built warehouse holds exactly the rows a
full build from the same staging files holds; and a load of one month rebuilds that month only."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

import duckdb
import polars as pl
import pytest

from pipelines.__main__ import main as cli
from pipelines.build.build import build_warehouse, read_manifest
from pipelines.build.incremental import partition_of, reach_of, whole_when_changed
from pipelines.intake.prepare import ReadOptions
from pipelines.load.transaction import load_files
from settings import Settings
from tests.conftest import make_settings
from tests.helpers import csv
from tests.test_history import MONTHS, _capaian, _loads
from warehouse.marts import BATCHED, HERE, PER_PERIOD, period_batches


def full_build(s: Settings) -> Path:
    """A full build (no base) from the staging files the current warehouse names, into a warehouse of its own."""
    raw = copy.deepcopy(s.raw)
    out = Path(tempfile.mkdtemp(dir=s.warehouse.parent)) / "penuh.duckdb"
    raw["paths"]["warehouse"] = str(out)
    m = read_manifest(s.warehouse)
    build_warehouse(Settings(raw), m["files"], m["loads"], m["rejects_files"], incremental=False)
    return out


def _tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() ORDER BY 1")
    return [r[0] for r in rows.fetchall()]


def _rounded(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """The table's rows with floating-point columns rounded (sums taken in another order differ in the last bits)."""
    cols = []
    for name, dtype, *_ in con.execute(f"DESCRIBE {table}").fetchall():
        q = f'"{name}"'
        if dtype in ("DOUBLE", "FLOAT"):
            cols.append(f"round({q}, 6) AS {q}")
        elif dtype in ("DOUBLE[]", "FLOAT[]"):
            cols.append(f"list_transform({q}, lambda x: round(x, 6)) AS {q}")
        else:
            cols.append(q)
    return f"SELECT {', '.join(cols)} FROM {table}"


def differences(incremental: Path, full: Path) -> dict[str, int]:
    """Per table, how many rows one warehouse holds that the other does not (as multisets); empty when equal."""
    con = duckdb.connect(str(incremental), read_only=True)
    try:
        con.execute(f"ATTACH '{full}' AS penuh (READ_ONLY)")
        mine = _tables(con)
        theirs = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = 'penuh'").fetchall()]
        out = {t: -1 for t in set(mine) ^ set(theirs)}
        for t in sorted(set(mine) & set(theirs)):
            a = _rounded(con, t)
            b = _rounded(con, f"penuh.{t}")
            n = con.execute(f"SELECT count(*) FROM (({a} EXCEPT ALL {b}) UNION ALL ({b} EXCEPT ALL {a}))").fetchone()[0]
            if n:
                out[t] = n
        return out
    finally:
        con.close()


def test_the_marts_that_declare_a_partition_are_the_period_ones():
    declared = {f.stem for f in HERE.glob("*.sql") if partition_of(f.read_text(encoding="utf-8"))}
    assert {"40_fct_kinerja", "41_fct_penempatan", "45_agg_kinerja", "50_agg_indikator"} <= declared
    # the roster is rebuilt whole; windows over many periods say which settings set how far back they look
    assert not declared & {"10_dim_pegawai_riwayat", "12_dim_pegawai"}
    for stem in ("80_mart_pembinaan", "85_mart_penghargaan"):
        assert stem in declared and reach_of(next(HERE.glob(f"{stem}.sql")).read_text(encoding="utf-8"))


def test_a_partition_is_declared_in_the_header_only():
    assert partition_of("-- x. Grain: one row\n-- partition: periode (why)\nCREATE TABLE x AS SELECT 1") == "periode"
    assert partition_of("-- x\nCREATE TABLE x AS\n-- partition: periode\nSELECT 1") is None
    assert partition_of("CREATE TABLE x AS SELECT 1") is None


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    """The office's year loaded through the CLI; after each load, the incremental warehouse against a full build."""
    tmp = tmp_path_factory.mktemp("inc_year")
    s = make_settings(tmp)
    mp = pytest.MonkeyPatch()
    mp.setenv("KINERJA_WAREHOUSE", str(s.warehouse))
    mp.setenv("KINERJA_STAGING", str(s.staging))
    out = []
    try:
        for name, content, extra in _loads():
            path = tmp / name
            path.write_text(content, encoding="utf-8")
            assert cli(["load", str(path), *extra]) == 0, name
            out.append((name, differences(s.warehouse, full_build(s))))
    finally:
        mp.undo()
    return s, out


def test_after_every_load_of_the_year_every_table_equals_a_full_build(year):
    _s, out = year
    assert [(name, d) for name, d in out if d] == []


def _batch_rows(s: Settings, rows: int) -> Settings:
    raw = copy.deepcopy(s.raw)
    raw["gudang"]["build_batch_rows"] = rows
    return Settings(raw)


def test_the_marts_come_out_the_same_built_period_by_period_or_all_periods_at_once(year):
    s, _out = year
    one_by_one, at_once = full_build(_batch_rows(s, 1)), full_build(_batch_rows(s, 10**12))
    assert differences(one_by_one, at_once) == {}
    con = duckdb.connect(str(at_once), read_only=True)
    try:  # every month of the year is there, built in the one stretch
        assert con.execute("SELECT count(DISTINCT periode) FROM fct_kinerja").fetchone()[0] == len(MONTHS)
    finally:
        con.close()


def test_batches_of_periods_hold_consecutive_periods_within_the_row_cap():
    con = duckdb.connect()
    periods = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]
    sizes = {"2026-01": 4, "2026-02": 4, "2026-03": 9, "2026-04": 1, "2026-05": 2}
    con.execute("CREATE TABLE stg_capaian AS SELECT * FROM (VALUES ('x')) t(periode) WHERE false")
    for p, n in sizes.items():
        con.execute("INSERT INTO stg_capaian SELECT $p FROM range($n)", {"p": p, "n": n})
    con.execute("CREATE TABLE stg_perilaku AS SELECT '2026-05' AS periode FROM range(1)")
    con.execute("CREATE TABLE stg_evaluasi AS SELECT * FROM stg_perilaku WHERE false")
    batched = f"{BATCHED}\nCREATE TABLE x AS SELECT 1"

    def batches(sql, rows, subset=periods):
        return period_batches(con, sql, subset, _batch_rows(make_settings(Path(tempfile.mkdtemp())), rows))

    assert batches(batched, 8) == [("2026-01", "2026-02"), ("2026-03", "2026-03"), ("2026-04", "2026-05")]
    assert batches(batched, 100) == [("2026-01", "2026-05")]
    assert batches(batched, 1) == [(p, p) for p in periods]
    # periods computed apart (an incremental build's dirty ones) never share a stretch across one left out
    assert batches(batched, 100, ["2026-01", "2026-02", "2026-04"]) == [("2026-01", "2026-02"), ("2026-04", "2026-04")]
    assert batches(f"{PER_PERIOD}\nCREATE TABLE x AS SELECT 1", 100) == [(p, p) for p in periods]


def test_one_months_capaian_rebuilds_that_month_and_copies_the_rest(tmp_path):
    s = make_settings(tmp_path)
    loads = {name: (content, extra) for name, content, extra in _loads()}
    first = load_files([("pegawai_01.csv", loads["pegawai_01.csv"][0].encode())], s, opts=_as_of(loads, "pegawai_01.csv"))
    assert first.tahap["rencana"] == {"utuh": "semua"}  # nothing to build on: a full build
    for m in (1, 2):
        load_files([(f"capaian_{m:02d}.csv", loads[f"capaian_{m:02d}.csv"][0].encode())], s)
    report = load_files([("capaian_03.csv", loads["capaian_03.csv"][0].encode())], s)
    plan = report.tahap["rencana"]
    assert plan["kotor"] == [MONTHS[2]]
    assert {"fct_kinerja", "fct_penempatan", "agg_kinerja", "agg_indikator"} <= set(plan["sebagian"])
    assert "fct_talenta" in plan["utuh"]
    assert plan["tetap"] == ["dim_pegawai_riwayat", "dim_pegawai"]  # no roster came: the copy's roster history holds
    assert plan["jangkauan"]["mart_pembinaan"] == [MONTHS[2]]  # the latest month: no later window to reach
    # with the roster and the statuses as before, the marts that read them across periods are partitioned too
    assert {"fct_selisih", "fct_kalibrasi", "fct_kepatuhan", "agg_cakupan"} <= set(plan["sebagian"])
    assert differences(s.warehouse, full_build(s)) == {}
    # a correction of one month again dirties that month only
    fixed = load_files([("capaian_02_revisi.csv", _capaian(2, corrected=True).encode())], s)
    assert fixed.tahap["rencana"]["kotor"] == [MONTHS[1]]
    assert differences(s.warehouse, full_build(s)) == {}


def _as_of(loads: dict, name: str) -> ReadOptions:
    extra = loads[name][1]
    return ReadOptions(context={"per_tanggal": extra[1]} if extra else {})


def test_a_mover_on_a_later_roster_dirties_the_periods_from_her_move(tmp_path):
    s = make_settings(tmp_path)
    nips = ["198001012005011001", "198001012005011002"]

    def roster(opd_of_second: str) -> bytes:
        return csv(
            [
                {"NIP": n, "Nama": f"P{i}", "Lokasi": "Jambi", "Perangkat Daerah": "Dinas A" if i == 0 else opd_of_second}
                for i, n in enumerate(nips)
            ]
        )

    load_files([("pegawai.csv", roster("Dinas A"))], s, opts=ReadOptions(context={"per_tanggal": "2026-01-31"}))
    cap = [
        {"NIP": n, "Periode": f"2026-{m:02d}", "Indikator": "X", "Target": "10", "Realisasi": str(5 + m), "Bobot": "100"}
        for n in nips
        for m in range(1, 7)
    ]
    load_files([("capaian.csv", csv(cap))], s)
    moved = load_files([("pegawai.csv", roster("Dinas B"))], s, opts=ReadOptions(context={"per_tanggal": "2026-04-15"}))
    assert moved.tahap["rencana"]["kotor"] == ["2026-04", "2026-05", "2026-06"]
    # who is on the roster when changed: the roster history and the marts that read the stretches' ends are
    # rebuilt whole this time
    assert {"dim_pegawai_riwayat", "fct_kepatuhan", "agg_cakupan"} <= set(moved.tahap["rencana"]["utuh"])
    assert differences(s.warehouse, full_build(s)) == {}
    con = duckdb.connect(str(s.warehouse), read_only=True)
    try:
        sql = "SELECT periode, opd FROM fct_penempatan WHERE nip = $n ORDER BY 1"
        got = pl.from_arrow(con.sql(sql, params={"n": nips[1]}).arrow())
    finally:
        con.close()
    assert got["opd"].to_list() == ["Dinas A"] * 3 + ["Dinas B"] * 3


def test_a_status_loaded_later_excuses_months_it_brings_no_results_for(tmp_path):
    """Study leave from February, loaded after March's results: compliance of February and March changes though the
    load's own period (the year it began) holds no month's results; the statuses are not as before, so the
    compliance mart is rebuilt whole, and equals a full build."""
    s = make_settings(tmp_path)
    nips = ["198001012005011001", "198001012005011002"]
    roster = csv([{"NIP": n, "Nama": f"P{i}", "Lokasi": "Jambi", "Perangkat Daerah": "Dinas A"} for i, n in enumerate(nips)])
    load_files([("pegawai.csv", roster)], s, opts=ReadOptions(context={"per_tanggal": "2026-01-01"}))
    cap = [
        {"NIP": n, "Periode": f"2026-{m:02d}", "Indikator": "X", "Target": "10", "Realisasi": "9", "Bobot": "100"}
        for n in nips
        for m in range(1, 4)
    ]
    load_files([("capaian.csv", csv(cap))], s)
    status = csv([{"NIP": nips[1], "Jenis Cuti": "Tugas Belajar", "Tanggal Mulai": "01/02/2026", "Tanggal Selesai": ""}])
    report = load_files([("status.csv", status)], s)
    assert report.exit_code == 0, report.summary()
    assert "fct_kepatuhan" in report.tahap["rencana"]["utuh"]
    assert differences(s.warehouse, full_build(s)) == {}
    con = duckdb.connect(str(s.warehouse), read_only=True)
    try:
        got = con.execute("SELECT periode, dikecualikan FROM fct_kepatuhan WHERE nip = ? ORDER BY 1", [nips[1]]).fetchall()
    finally:
        con.close()
    assert got == [("2026-01", False), ("2026-02", True), ("2026-03", True)]


def test_a_correction_reaches_the_coaching_windows_after_it_and_no_further(tmp_path):
    """Eight months of falling scores; March corrected: the coaching list's windows (3 months below the cutoff, a
    6-month trend) carry March into March-August, not January or February; the recognition list's (6 months) too.
    A new September reaches September alone. Each time, every table equals a full build."""
    s = make_settings(tmp_path)
    nips = ["198001012005011001", "198001012005011002"]
    roster = csv([{"NIP": n, "Nama": f"P{i}", "Lokasi": "Jambi", "Perangkat Daerah": "Dinas A"} for i, n in enumerate(nips)])
    load_files([("pegawai.csv", roster)], s, opts=ReadOptions(context={"per_tanggal": "2026-01-01"}))

    def month(m: int, realisasi: int) -> bytes:
        return csv(
            [
                {
                    "NIP": n,
                    "Periode": f"2026-{m:02d}",
                    "Indikator": "X",
                    "Target": "100",
                    "Realisasi": str(realisasi - i),
                    "Bobot": "100",
                }
                for i, n in enumerate(nips)
            ]
        )

    for m in range(1, 9):
        load_files([(f"capaian_{m:02d}.csv", month(m, 100 - 4 * m))], s)
    fixed = load_files([("capaian_03.csv", month(3, 120))], s, replace=True)
    reach = fixed.tahap["rencana"]["jangkauan"]
    assert fixed.tahap["rencana"]["kotor"] == ["2026-03"]
    assert reach["mart_pembinaan"] == [f"2026-{m:02d}" for m in range(3, 9)]
    assert reach["mart_penghargaan"] == [f"2026-{m:02d}" for m in range(3, 9)]
    assert differences(s.warehouse, full_build(s)) == {}
    later = load_files([("capaian_09.csv", month(9, 60))], s)
    assert later.tahap["rencana"]["jangkauan"]["mart_pembinaan"] == ["2026-09"]
    assert differences(s.warehouse, full_build(s)) == {}


def test_whole_when_changed_is_read_from_the_header_only():
    sql = "-- x\n-- partition: periode\n-- whole when changed: dim_pegawai_riwayat, stg_pengecualian\nCREATE TABLE x AS SELECT 1"
    assert whole_when_changed(sql) == {"dim_pegawai_riwayat", "stg_pengecualian"}
    assert whole_when_changed("-- x\nCREATE TABLE x AS\n-- whole when changed: a\nSELECT 1") == set()


def test_changed_rules_rebuild_everything(tmp_path):
    s = make_settings(tmp_path)
    loads = {name: (content, extra) for name, content, extra in _loads()}
    load_files([("pegawai_01.csv", loads["pegawai_01.csv"][0].encode())], s, opts=_as_of(loads, "pegawai_01.csv"))
    load_files([("capaian_01.csv", loads["capaian_01.csv"][0].encode())], s)
    stricter = make_settings(tmp_path, **{"capaian.cap": 110.0})
    report = load_files([("capaian_02.csv", loads["capaian_02.csv"][0].encode())], stricter)
    assert report.tahap["rencana"] == {"utuh": "semua"}
    assert differences(stricter.warehouse, full_build(stricter)) == {}


def _part(path: Path, periods: list[str], nips: list[str]) -> Path:
    rows = [(n, p, f"I{k}", path.stem, 1) for p in periods for n in nips for k in range(2)]
    frame = pl.DataFrame(rows, schema=["nip", "periode", "indikator", "_sumber", "_muat"], orient="row")
    frame.sort("nip", "periode").write_parquet(path)
    return path


@pytest.mark.parametrize("mixed", [False, True])
def test_staged_facts_come_out_in_period_order_whatever_the_file_order(tmp_path, mixed):
    """One period per file: copied file by file in period order (no sort); a file holding two periods: sorted. Either
    way every row is there once and the table runs period by period, NIP order within each file."""
    from pipelines.build.build import staging_table

    nips = ["199001012020011001", "198001012010011002", "197001012000011003"]
    files = [_part(tmp_path / "c.parquet", ["2025-03"], nips), _part(tmp_path / "a.parquet", ["2025-01"], nips[:2])]
    files.append(_part(tmp_path / "b.parquet", ["2025-02", "2025-04"] if mixed else ["2025-02"], nips[1:]))
    con = duckdb.connect(config={"preserve_insertion_order": False, "threads": 2})
    staging_table(con, "capaian", files, table="t")
    got = con.execute("SELECT nip, periode, indikator FROM t").fetchall()
    want = con.execute("SELECT nip, periode, indikator FROM read_parquet($f)", {"f": [str(f) for f in files]}).fetchall()
    assert sorted(got) == sorted(want)
    periods = [r[1] for r in got]
    assert periods == sorted(periods)
    for p in set(periods):
        in_p = [r[0] for r in got if r[1] == p]
        assert in_p == sorted(in_p)  # one file per period here, so NIP order holds within each
    assert con.execute("SELECT current_setting('preserve_insertion_order')").fetchone()[0] is False
