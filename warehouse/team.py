"""An Atasan's own staff: the people below them in the nip_atasan chain at the last period in range."""

from __future__ import annotations

import duckdb
import polars as pl

from warehouse.db import Filters, Scope, run, where

COLUMNS = ["nip", "nama", "langsung", "jabatan", "unit_kerja", "periode", "hasil_kerja", "perilaku", "predikat"]


def team(con: duckdb.DuckDBPyConnection, f: Filters, scope: Scope) -> pl.DataFrame:
    """One row per person below the scope's Atasan in the last period in range (the chain through the
    supervisor each had then, fct_penempatan), with that period's scores and predikat and whether they report
    to the Atasan directly (`langsung`); direct staff first, then by name. Empty for a scope without an Atasan."""
    if scope.atasan is None:
        return pl.DataFrame(schema=dict.fromkeys(COLUMNS, pl.String)).cast({"langsung": pl.Boolean})
    w, p = where(f, scope, dims=["lokasi", "opd", "unit_kerja", "golongan"], alias="r", person="nip")
    sql = f"""
        WITH mine AS (SELECT * FROM fct_riwayat_pegawai r WHERE {w}),
        last AS (SELECT max(periode) AS periode FROM mine)
        SELECT m.nip, d.nama, m.nip_atasan = $s_atasan AS langsung, m.jabatan, m.unit_kerja, m.periode,
               m.hasil_kerja, m.perilaku, m.predikat
        FROM mine m JOIN dim_pegawai d USING (nip)
        WHERE m.periode = (SELECT periode FROM last)
        ORDER BY langsung DESC, d.nama, m.nip"""
    return run(con, sql, p, "team")
