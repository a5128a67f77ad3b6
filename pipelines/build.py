"""Build the warehouse: staging Parquet -> DuckDB tables -> marts, in a new file swapped in whole.

A load that fails or is killed before the final rename leaves the previous
warehouse untouched; readers holding the old file keep reading it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import duckdb
import polars as pl

from pipelines import staging
from settings import Settings
from warehouse.marts import run_marts

LOAD_SCHEMA = {
    "load_id": pl.Int64, "waktu": pl.Datetime("us"), "berkas": pl.String, "jenis": pl.String,
    "status": pl.String, "sha256": pl.String, "dibaca": pl.Int64, "dimuat": pl.Int64,
    "ditolak": pl.Int64, "pesan": pl.String, "message": pl.String,
}
FILES_SCHEMA = {"jenis": pl.String, "sumber": pl.String, "path": pl.String}


def read_manifest(warehouse: Path) -> dict:
    """The staging files, load history and reject files the current warehouse was built from."""
    empty = {"files": pl.DataFrame(schema=FILES_SCHEMA), "loads": pl.DataFrame(schema=LOAD_SCHEMA),
             "rejects_files": []}
    if not warehouse.exists():
        return empty
    with contextlib.closing(duckdb.connect(str(warehouse), read_only=True)) as con:
        files = pl.from_arrow(con.sql("SELECT jenis, sumber, path FROM _manifest").to_arrow_table())
        loads = pl.from_arrow(con.sql("SELECT * FROM load_log ORDER BY load_id").to_arrow_table())
        rej = [r[0] for r in con.execute("SELECT path FROM _manifest_rejects").fetchall()]
    return {"files": files, "loads": loads.cast(LOAD_SCHEMA), "rejects_files": rej}


def _staging_table(con: duckdb.DuckDBPyConnection, kind: str, paths: list[Path]) -> None:
    """stg_<kind>: all staging files of a kind, the latest load winning on a duplicate key."""
    if paths:
        files = [str(p) for p in paths]
        con.execute(f"CREATE TABLE stg_{kind}_all AS SELECT * FROM read_parquet($files, union_by_name = true)",
                    {"files": files})
    else:
        empty = staging.empty(kind)  # noqa: F841  (read by DuckDB's replacement scan)
        con.execute(f"CREATE TABLE stg_{kind}_all AS SELECT * FROM empty")
    keys = staging.KEYS[kind]
    if keys:
        part = ", ".join(keys)
        con.execute(
            f"CREATE TABLE stg_{kind} AS SELECT * EXCLUDE (rn) FROM ("
            f"SELECT *, row_number() OVER (PARTITION BY {part} ORDER BY _muat DESC) AS rn FROM stg_{kind}_all)"
            " WHERE rn = 1"
        )
        con.execute(f"DROP TABLE stg_{kind}_all")
    else:
        con.execute(f"ALTER TABLE stg_{kind}_all RENAME TO stg_{kind}")


def build_warehouse(settings: Settings, files: pl.DataFrame, loads: pl.DataFrame, rejects: list[str]) -> None:
    """Build every table and mart into a temporary file, then atomically replace the warehouse."""
    target = settings.warehouse
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.building")
    for leftover in (tmp, Path(str(tmp) + ".wal")):
        leftover.unlink(missing_ok=True)
    stg = settings.staging
    con = duckdb.connect(str(tmp))
    try:
        for kind in staging.COLUMNS:
            paths = [stg / p for p in files.filter(pl.col("jenis") == kind)["path"].to_list()]
            _staging_table(con, kind, paths)
        manifest = files  # noqa: F841
        con.execute("CREATE TABLE _manifest AS SELECT * FROM manifest")
        rej_paths = [str(stg / p) for p in rejects]
        con.execute("CREATE TABLE _manifest_rejects (path VARCHAR)")
        con.executemany("INSERT INTO _manifest_rejects VALUES (?)", [[p] for p in rejects])
        if rej_paths:
            con.execute("CREATE TABLE rejects AS SELECT * FROM read_parquet($p, union_by_name = true)",
                        {"p": rej_paths})
        else:
            con.execute("CREATE TABLE rejects (berkas VARCHAR, jenis VARCHAR, baris BIGINT, kolom VARCHAR,"
                        " nilai VARCHAR, alasan VARCHAR, reason VARCHAR, load_id BIGINT)")
        load_log = loads  # noqa: F841
        con.execute("CREATE TABLE load_log AS SELECT * FROM load_log")
        run_marts(con, settings)
        con.execute("CHECKPOINT")
    except BaseException:
        con.close()
        tmp.unlink(missing_ok=True)
        raise
    con.close()
    os.replace(tmp, target)
