"""Export the warehouse as Parquet partitioned by place and period: the layout other engines read unchanged.

Every table the dashboard's queries name is written, so the dashboard itself can run on the export
(settings `[gudang] parquet_dir`, see warehouse.db.connect).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import duckdb

from warehouse.db import current_file

# table -> partition columns (None: one file). Facts and marts with a place and a period are partitioned.
TABLES: dict[str, str | None] = {
    "fct_kinerja": "lokasi, periode",
    "fct_capaian": "lokasi, periode",
    "fct_perilaku": "periode",
    "agg_kinerja": "lokasi, periode",
    "agg_indikator": "lokasi, periode",
    "agg_sebaran": "lokasi, periode",
    "mart_pembinaan": "lokasi, periode",
    "mart_penghargaan": "lokasi, periode",
    "fct_distribusi": "lokasi, periode",
    "fct_penilai": "lokasi, periode",
    "fct_ikm": "lokasi, periode",
    "stg_skm": "lokasi, periode",
    "fct_umpan_balik_petugas": None,
    "fct_riwayat_pegawai": None,  # one file in NIP order: a profile reads one or two row groups
    "dim_pegawai": None,
    "dim_periode": None,
    "dim_filter": None,
    "meta": None,
    "load_log": None,
    "rejects": None,
}


def export_partitioned(warehouse: Path, out: Path) -> Iterator[str]:
    """Write each table to out/<table>/lokasi=.../periode=.../*.parquet (or out/<table>.parquet); one line each."""
    out.mkdir(parents=True, exist_ok=True)
    with contextlib.closing(duckdb.connect(current_file(warehouse), read_only=True)) as con:
        for table, parts in TABLES.items():
            source = table
            if table in ("fct_capaian", "fct_kinerja"):  # the place comes from the employee
                source = f"(SELECT c.*, d.lokasi FROM {table} c JOIN dim_pegawai d USING (nip))"
            if parts:
                target = out / table
                sql = (f"COPY {source} TO $p (FORMAT parquet, PARTITION_BY ({parts}), OVERWRITE_OR_IGNORE true)")
            else:
                target = out / f"{table}.parquet"
                sql = f"COPY {source} TO $p (FORMAT parquet)"
            con.execute(sql, {"p": str(target)})
            yield f"{table}: {target}"
