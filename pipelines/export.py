"""Export the warehouse as Parquet partitioned by place and period: the layout other engines read unchanged."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import duckdb

TABLES = {
    "fct_kinerja": "lokasi, periode",
    "fct_capaian": None,
    "agg_kinerja": "lokasi, periode",
    "fct_ikm": "lokasi, periode",
    "mart_pembinaan": "lokasi, periode",
    "dim_pegawai": None,
}


def export_partitioned(warehouse: Path, out: Path) -> Iterator[str]:
    """Write each table to out/<table>/lokasi=.../periode=.../*.parquet; yields one line per table."""
    out.mkdir(parents=True, exist_ok=True)
    with contextlib.closing(duckdb.connect(str(warehouse), read_only=True)) as con:
        for table, parts in TABLES.items():
            target = out / table
            if table == "fct_capaian":
                sql = ("COPY (SELECT c.*, d.lokasi FROM fct_capaian c JOIN dim_pegawai d USING (nip)) TO $p "
                       "(FORMAT parquet, PARTITION_BY (lokasi, periode), OVERWRITE_OR_IGNORE true)")
            elif parts:
                sql = f"COPY {table} TO $p (FORMAT parquet, PARTITION_BY ({parts}), OVERWRITE_OR_IGNORE true)"
            else:
                sql = f"COPY {table} TO $p (FORMAT parquet)"
                target = out / f"{table}.parquet"
            con.execute(sql, {"p": str(target)})
            yield f"{table}: {target}"
