"""Build tiny input files in memory for pipeline and rule tests."""

from __future__ import annotations

import duckdb
import polars as pl

NIPS = [f"1980010120050{m}1{i:03d}" for m, i in [(1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 6), (7, 7), (8, 8),
                                                 (9, 9)]]


def csv(rows: list[dict], sep: str = ";") -> bytes:
    """A CSV file's bytes from dict rows."""
    return pl.DataFrame(rows).write_csv(separator=sep).encode("utf-8")


def pegawai(nips: list[str] = NIPS, lokasi: str = "Jambi", opd: str = "Disdukcapil") -> bytes:
    return csv([{"NIP": n, "Nama": f"Pegawai {i}", "Lokasi": lokasi, "Perangkat Daerah": opd,
                 "Unit Kerja": "Bidang A", "Status ASN": "PNS", "Golongan": "III/a"} for i, n in enumerate(nips)])


def query(settings, sql: str, params: dict | None = None) -> pl.DataFrame:
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        return pl.from_arrow(con.sql(sql, params=params).to_arrow_table())
