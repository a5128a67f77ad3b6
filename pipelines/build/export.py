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
from warehouse.tables import TABLES


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
                sql = f"COPY {source} TO $p (FORMAT parquet, PARTITION_BY ({parts}), OVERWRITE_OR_IGNORE true)"
            else:
                target = out / f"{table}.parquet"
                sql = f"COPY {source} TO $p (FORMAT parquet)"
            con.execute(sql, {"p": str(target)})
            yield f"{table}: {target}"
