"""Build the warehouse: staging Parquet -> DuckDB tables -> marts, in a new file swapped in whole.

A load that fails or is killed before the final rename leaves the previous
warehouse untouched; readers holding the old file keep reading it.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import time
from pathlib import Path

import duckdb
import polars as pl

from domain.places import PLACES
from pipelines.build import incremental as incremental_build
from pipelines.build import staging
from settings import Settings
from warehouse.db import current_file
from warehouse.marts import rules_fingerprint, run_marts, version

LOAD_SCHEMA = {
    "load_id": pl.Int64,
    "waktu": pl.Datetime("us"),
    "berkas": pl.String,
    "jenis": pl.String,
    "status": pl.String,
    "sha256": pl.String,
    "diganti": pl.String,
    "replaced": pl.String,
    "dibaca": pl.Int64,
    "dimuat": pl.Int64,
    "ditolak": pl.Int64,
    "pesan": pl.String,
    "message": pl.String,
    # the places the person loading held (a dashboard admin's); every place for the command line
    "lokasi": pl.List(pl.String),
}
FILES_SCHEMA = {"jenis": pl.String, "sumber": pl.String, "path": pl.String}


def read_manifest(warehouse: Path) -> dict:
    """The staging files, load history and reject files the current warehouse was built from."""
    empty = {"files": pl.DataFrame(schema=FILES_SCHEMA), "loads": pl.DataFrame(schema=LOAD_SCHEMA), "rejects_files": []}
    if not warehouse.exists():
        return empty
    with contextlib.closing(duckdb.connect(current_file(warehouse), read_only=True)) as con:
        files = pl.from_arrow(con.sql("SELECT jenis, sumber, path FROM _manifest").to_arrow_table())
        loads = pl.from_arrow(con.sql("SELECT * FROM load_log ORDER BY load_id").to_arrow_table())
        rej = [r[0] for r in con.execute("SELECT path FROM _manifest_rejects").fetchall()]
    if "lokasi" not in loads.columns:  # a warehouse built before loads recorded their places: any place's
        loads = loads.with_columns(pl.lit(list(PLACES), pl.List(pl.String)).alias("lokasi"))
    missing = [pl.lit(None, dtype=t).alias(c) for c, t in LOAD_SCHEMA.items() if c not in loads.columns]  # older logs
    return {
        "files": files,
        "loads": loads.with_columns(missing).select(list(LOAD_SCHEMA)).cast(LOAD_SCHEMA),
        "rejects_files": rej,
    }


def built_version(warehouse: Path) -> str | None:
    """The mart definitions' fingerprint a warehouse was built with; None when missing or unmarked."""
    if not warehouse.exists():
        return None
    try:
        with contextlib.closing(duckdb.connect(current_file(warehouse), read_only=True)) as con:
            return con.execute("SELECT marts FROM _versi").fetchone()[0]
    except duckdb.Error:
        return None


def built_rules(warehouse: Path) -> str | None:
    """The rule settings' fingerprint a warehouse was built with; None when missing or unmarked."""
    if not warehouse.exists():
        return None
    try:
        with contextlib.closing(duckdb.connect(current_file(warehouse), read_only=True)) as con:
            return con.execute("SELECT aturan FROM _versi").fetchone()[0]
    except duckdb.Error:
        return None


def is_current(warehouse: Path, settings: Settings | None = None) -> bool:
    """Whether the warehouse was built by this version's mart definitions (and, given settings, with their rule
    values: a changed cap, cutoff or rule parameter must reach every mart)."""
    if built_version(warehouse) != version():
        return False
    return settings is None or built_rules(warehouse) == rules_fingerprint(settings)


def rebuild(settings: Settings) -> None:
    """Rebuild tables and marts from the staging files the current warehouse lists (no file is re-read)."""
    manifest = read_manifest(settings.warehouse)
    missing = [p for p in manifest["files"]["path"].to_list() if not (settings.staging / p).exists()]
    if missing:
        raise FileNotFoundError(2, "staging files missing", ", ".join(missing[:5]))
    build_warehouse(settings, manifest["files"], manifest["loads"], manifest["rejects_files"])


# The big facts may stay in the staging Parquet: the warehouse then holds views over those files (sorted
# by NIP, so one employee's rows are a few row groups) besides the marts the pages read.
ON_FILES = {"capaian", "perilaku"}
# Copied facts are stored in these orders, so row-group min/max skip all but a few groups for one
# employee in one period (the profile asks for one period at a time), one range of periods (the marts built
# in batches of periods) or one date range (survey page). Period first: a staging file holds its periods
# together, so the sort is cheaper than by NIP first (10,7 million indicator rows at province: 5,6 s against 7,6 s).
ORDER_BY = {"skm": "tanggal", "capaian": "periode, nip", "perilaku": "periode, nip"}


def _sql_list(paths: list[str]) -> str:
    return "[" + ", ".join("'" + p.replace("'", "''") + "'" for p in paths) + "]"


def _on_files(kind: str, files: list[str], settings: Settings) -> bool:
    """Whether a fact stays in its staging files (a view) rather than being copied into the warehouse.

    Copying costs build time and disk but makes one employee's lookups a few milliseconds; above
    `[gudang] facts_on_files_above` rows the copy costs minutes, so the view is kept.
    """
    if kind not in ON_FILES:
        return False
    limit = int(settings.section("gudang").get("facts_on_files_above", 50_000_000))
    return pl.scan_parquet(files).select(pl.len()).collect().item() > limit


def staging_table(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    paths: list[Path],
    on_files: bool = False,
    periods: list[str] | None = None,
    table: str | None = None,
) -> None:
    """The kind's staging table (staging.TABLES: stg_pegawai, stg_capaian, stg_perilaku, stg_evaluasi, stg_skm):
    all staging files of a kind, the latest load winning on a duplicate key.

    Sources rarely overlap (each file holds its own place or periods), so the costly
    de-duplication runs only over the employee-periods that more than one source holds. Given `periods`, only
    those periods' rows (every key holds its period, so they de-duplicate alone), into `table` when given.
    """
    table = table or staging.TABLES[kind]
    if not paths:
        empty = staging.empty(kind)  # noqa: F841  (read by DuckDB's replacement scan)
        con.execute(f"CREATE TABLE {table} AS SELECT * FROM empty")
        return
    files = [str(p) for p in paths]
    src = "read_parquet($files, union_by_name = true)"
    if periods is not None:
        con.execute("SET VARIABLE stg_periode = $p::VARCHAR[]", {"p": periods})
        src = f"(SELECT * FROM {src} WHERE list_contains(getvariable('stg_periode'), periode))"
    keys = staging.KEYS[kind]
    order = f" ORDER BY {ORDER_BY[kind]}" if kind in ORDER_BY else ""

    def plain() -> None:  # no duplicates to settle: the files as they are, viewed or copied in order
        if on_files:
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet({_sql_list(files)}, union_by_name = true)")
            return
        by_period = _one_period_each(con, files) if ORDER_BY.get(kind, "").startswith("periode") else None
        if by_period is None:
            con.execute(f"CREATE TABLE {table} AS SELECT * FROM {src}{order}", {"files": files})
            return
        # every file holds one period, in NIP order: copied file by file in period order, the rows come out in
        # period order without sorting them (10,7 million indicator rows at province: 4,4 s against 5,9 s)
        kept = con.execute("SELECT current_setting('preserve_insertion_order')").fetchone()[0]
        con.execute("SET preserve_insertion_order = true")
        try:
            con.execute(f"CREATE TABLE {table} AS SELECT * FROM {src}", {"files": by_period})
        finally:
            con.execute(f"SET preserve_insertion_order = {bool(kept)}")

    if not keys or len(files) == 1:
        plain()
        return
    latest = f"QUALIFY row_number() OVER (PARTITION BY {', '.join(keys)} ORDER BY _muat DESC) = 1"
    if kind == "pegawai":
        con.execute(f"CREATE TABLE {table} AS SELECT * FROM {src} {latest}", {"files": files})
        return
    overlap = [
        r[0]
        for r in con.execute(
            f"SELECT periode FROM {src} GROUP BY periode HAVING count(DISTINCT _sumber) > 1", {"files": files}
        ).fetchall()
    ]
    if not overlap:
        plain()
        return
    # employee-periods that two sources both hold; only their rows are de-duplicated
    con.execute(
        f"""CREATE TEMP TABLE _bentrok AS SELECT nip, periode FROM {src}
            WHERE list_contains($overlap, periode) GROUP BY nip, periode HAVING count(DISTINCT _sumber) > 1""",
        {"files": files, "overlap": overlap},
    )
    con.execute(
        f"""CREATE TABLE {table} AS
            SELECT * FROM {src} ANTI JOIN _bentrok USING (nip, periode)
            UNION ALL
            SELECT * FROM (SELECT * FROM {src} SEMI JOIN _bentrok USING (nip, periode) {latest}){order}""",
        {"files": files},
    )
    con.execute("DROP TABLE _bentrok")


def _one_period_each(con: duckdb.DuckDBPyConnection, files: list[str]) -> list[str] | None:
    """The files in order of the one period each holds (by their Parquet statistics), or None when a file
    holds several periods or has no statistics for it."""
    rows = con.execute(
        """SELECT file_name, min(stats_min_value) AS dari, max(stats_max_value) AS sampai, bool_and(stats_min_value IS NOT NULL)
           FROM parquet_metadata($files) WHERE path_in_schema = 'periode' GROUP BY file_name""",
        {"files": files},
    ).fetchall()
    if len(rows) != len(set(files)) or not all(ok and dari == sampai for _f, dari, sampai, ok in rows):
        return None
    period = {f: dari for f, dari, _s, _ok in rows}
    return sorted(files, key=lambda f: (period[f], f))


def _add_missing_columns(con: duckdb.DuckDBPyConnection, kind: str) -> None:
    """Staging files written before a column existed (a roster's per_tanggal) get it as NULL, so the marts can
    name it; a view over files on disk (the largest facts) is left as it is."""
    table = staging.TABLES[kind]
    if con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = $t", {"t": table}).fetchone()[0] == 0:
        return
    have = {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}
    for col, dtype in staging.COLUMNS[kind].items():
        if col not in have:
            sql_type = {pl.Date: "DATE", pl.Float64: "DOUBLE", pl.Int64: "BIGINT", pl.Boolean: "BOOLEAN"}.get(dtype, "VARCHAR")
            con.execute(f"ALTER TABLE {table} ADD COLUMN {col} {sql_type}")


def _build_config(settings: Settings) -> dict:
    """Memory cap and spill folder for the build, from settings [gudang]."""
    cfg = settings.section("gudang")
    spill = settings.staging / "_spill"
    spill.mkdir(parents=True, exist_ok=True)
    # Insertion order is not kept for results without ORDER BY (DuckDB may then write a table from both threads
    # at once); every mart that reads by position or relies on its storage order says ORDER BY.
    out = {"temp_directory": str(spill), "preserve_insertion_order": False}
    fraction = float(cfg.get("build_memory_fraction", 0.4))
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    out["memory_limit"] = f"{max(1, int(total * fraction / 2**30))}GB"
    if cfg.get("threads"):
        out["threads"] = int(cfg["threads"])
    return out


def versions_dir(target: Path) -> Path:
    """Where the warehouse's versions live: `<dir>/.<name>.d/` beside the pointer `target`."""
    return target.parent / f".{target.name}.d"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_leftovers(target: Path) -> list[Path]:
    """Remove what a killed or failed build left behind (half-built files of processes that are gone,
    their write-ahead logs, an old-style `.building` beside the pointer); returns what was removed."""
    removed = []
    candidates = list(versions_dir(target).glob("*.building*")) + list(target.parent.glob(f".{target.name}.*.building*"))
    for p in candidates:
        pid = re.search(r"[._](\d+)\.building", p.name)
        if pid and int(pid.group(1)) == os.getpid():
            continue
        if pid and _pid_alive(int(pid.group(1))) and versions_dir(target) in p.parents:
            continue  # a build still running in another process (the load lock normally prevents this)
        with contextlib.suppress(OSError):
            p.unlink()
            removed.append(p)
    for p in orphan_versions(target):
        with contextlib.suppress(OSError):
            p.unlink()
            removed.append(p)
    return removed


def swap_in(target: Path, version_file: Path) -> None:
    """Point `target` at a finished version file with one atomic rename of a symlink.

    Every version has its own file name and is never written after it is finished, so a process that
    opened one keeps reading a complete warehouse, and a process opening the pointer always gets a file
    it has never opened before (DuckDB hands back an already open database for a path it knows).
    """
    link = target.with_name(f".{target.name}.{os.getpid()}.link")
    link.unlink(missing_ok=True)
    os.symlink(os.path.relpath(version_file, target.parent), link)
    os.replace(link, target)


def prune_versions(target: Path, keep: set[Path]) -> None:
    """Remove version files other than `keep` (the new current one and the one readers may still be on)."""
    keep = {p.resolve() for p in keep}
    for p in versions_dir(target).glob("*.duckdb"):
        if p.resolve() not in keep:
            with contextlib.suppress(OSError):
                p.unlink()


def orphan_versions(target: Path) -> list[Path]:
    """Finished version files a killed load never pointed the warehouse at (newer than the current one)."""
    if not target.exists():
        return []
    current = target.resolve()
    since = current.stat().st_mtime_ns
    return [p for p in versions_dir(target).glob("*.duckdb") if p.resolve() != current and p.stat().st_mtime_ns > since]


def build_warehouse(
    settings: Settings, files: pl.DataFrame, loads: pl.DataFrame, rejects: list[str], incremental: bool | None = None
) -> dict:
    """Build every table and mart into a new version file, then atomically point the warehouse at it.

    With `incremental` (default: setting `[gudang] incremental`, on), the new version starts as a copy of the
    current version's file, and only what this build changes is rewritten in it: the staged rows and the
    period-partitioned marts' rows of the periods it touches, the marts rebuilt whole (pipelines.build.incremental).
    A version built by other mart definitions or rules is never a base: then the new version starts empty and
    everything is built. Readers keep the current version until the swap. Returns seconds per stage and what was
    rebuilt.
    """
    if incremental is None:
        incremental = bool(settings.section("gudang").get("incremental", True))
    target = settings.warehouse
    vdir = versions_dir(target)
    vdir.mkdir(parents=True, exist_ok=True)
    stamp = f"{time.time_ns() // 1000}_{os.getpid()}"
    tmp = vdir / f"v{stamp}.building"
    stg = settings.staging
    times: dict = {}
    clock = time.perf_counter()
    try:
        con, based = _open_build(settings, target, tmp, incremental)
    except BaseException:
        _remove_build(tmp)
        raise
    times["kopi"], clock = time.perf_counter() - clock, time.perf_counter()
    try:
        kind_paths = {k: [stg / p for p in files.filter(pl.col("jenis") == k)["path"].to_list()] for k in staging.COLUMNS}
        incremental_build.signature(con, {staging.TABLES[k]: [str(p) for p in ps] for k, ps in kind_paths.items()})
        dirty = incremental_build.staged_dirty(con) if based else {}
        times["sidik"], clock = time.perf_counter() - clock, time.perf_counter()
        for kind, paths in kind_paths.items():
            on = bool(paths) and _on_files(kind, [str(p) for p in paths], settings)
            table = staging.TABLES[kind]
            if on or table not in dirty or not incremental_build.stage_from_base(con, kind, paths, dirty[table], staging_table):
                incremental_build.drop(con, table)  # a copied version holds the previous one
                staging_table(con, kind, paths, on)
            _add_missing_columns(con, kind)
        for table in ("_manifest", "_manifest_rejects", "rejects", "load_log"):
            incremental_build.drop(con, table)
        manifest = files  # noqa: F841
        con.execute("CREATE TABLE _manifest AS SELECT * FROM manifest")
        rej_paths = [str(stg / p) for p in rejects]
        con.execute("CREATE TABLE _manifest_rejects (path VARCHAR)")
        con.executemany("INSERT INTO _manifest_rejects VALUES (?)", [[p] for p in rejects])
        if rej_paths:
            con.execute("CREATE TABLE rejects AS SELECT * FROM read_parquet($p, union_by_name = true)", {"p": rej_paths})
        else:
            con.execute(
                "CREATE TABLE rejects (berkas VARCHAR, jenis VARCHAR, baris BIGINT, kolom VARCHAR,"
                " nilai VARCHAR, alasan VARCHAR, reason VARCHAR, load_id BIGINT)"
            )
        load_log = loads  # noqa: F841
        con.execute("CREATE TABLE load_log AS SELECT * FROM load_log")
        times["staging"], clock = time.perf_counter() - clock, time.perf_counter()
        if based:
            times["rencana"] = incremental_build.run_marts_incremental(con, settings, times)
            con.execute(f"DETACH {incremental_build.PREV}")
        else:
            run_marts(con, settings)
            times["rencana"] = {"utuh": "semua"}
        times["marts"], clock = time.perf_counter() - clock, time.perf_counter()
        fault_point("build_marts")
        con.execute("CHECKPOINT")
        con.close()
        times["checkpoint"], clock = time.perf_counter() - clock, time.perf_counter()
        final = vdir / f"v{stamp}.duckdb"
        os.replace(tmp, final)
        fault_point("before_swap")
        previous = target.resolve() if target.exists() else final
        swap_in(target, final)
    except BaseException:
        with contextlib.suppress(Exception):
            con.close()
        _remove_build(tmp)
        raise
    prune_versions(target, {final, previous})
    return times


def _open_build(settings: Settings, target: Path, tmp: Path, incremental: bool) -> tuple[duckdb.DuckDBPyConnection, bool]:
    """The new version's connection, and whether it builds on the current version: then it is a copy of the
    current version's file (a file copy, far cheaper than copying its tables row by row) with the current version
    attached read-only beside it to compare with. Otherwise an empty file."""
    if incremental and target.exists():
        shutil.copyfile(target.resolve(), tmp)
        con = duckdb.connect(str(tmp), config=_build_config(settings))
        try:
            if _attach_base(con, settings, target):
                return con, True
        except BaseException:
            con.close()
            raise
        con.close()
        _remove_build(tmp)
    return duckdb.connect(str(tmp), config=_build_config(settings)), False


def _attach_base(con: duckdb.DuckDBPyConnection, settings: Settings, target: Path) -> bool:
    """Attach the current version read-only as the incremental build's base; False (nothing attached) when there
    is none or it was built by other mart definitions or rules."""
    if not target.exists():
        return False
    path = str(target.resolve()).replace("'", "''")
    con.execute(f"ATTACH '{path}' AS {incremental_build.PREV} (READ_ONLY)")
    if incremental_build.base_ok(con, settings):
        return True
    con.execute(f"DETACH {incremental_build.PREV}")
    return False


def _remove_build(tmp: Path) -> None:
    for p in (tmp, Path(f"{tmp}.wal"), Path(f"{tmp}.tmp")):
        with contextlib.suppress(OSError):
            if p.is_dir():
                shutil.rmtree(p)
            else:
                p.unlink()


def fault_point(name: str) -> None:
    """Test hook: `KINERJA_KILL_AT=<name>` kills this process with SIGKILL here (to prove a killed load
    leaves the previous warehouse whole and its leftovers are cleaned by the next load)."""
    if os.environ.get("KINERJA_KILL_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
