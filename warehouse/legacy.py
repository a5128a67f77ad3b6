"""Queries of the earlier regimes, kept apart from every trend: PP 46/2011 prestasi kerja (before PP 30/2019) and
the KepmenPAN 25/2004 IKM (before PermenPANRB 14/2017). Their scales and bands differ from today's, so they are
read on their own page, never joined to the 6/2022 predikat or the 14/2017 IKM.

The sidebar's period range is not applied: these results are of years before the current regime by nature.
Aggregate-only viewers get a place's figures per period from groups of at least their minimum, never an OPD's
(an OPD beside its place would give away the rest) and never a person's.
"""

from __future__ import annotations

import duckdb
import polars as pl

from warehouse.db import Filters, Scope, run, where

Con = duckdb.DuckDBPyConnection

SEBUTAN = ["Sangat Baik", "Baik", "Cukup", "Kurang", "Buruk"]  # PP 46/2011's bands, best first


def _min_group(scope: Scope) -> int:
    return scope.min_group if scope.suppresses else 0


def pp46_summary(con: Con, f: Filters, scope: Scope) -> pl.DataFrame:
    """Per place (and OPD, for viewers who may see OPDs apart) and period: employees, mean nilai prestasi kerja,
    the count in each sebutan band, and how many results the file banded otherwise than the regulation does."""
    group = ["lokasi", "periode"] if scope.suppresses else ["lokasi", "opd", "periode"]
    w, p = where(f, scope, dims=["lokasi", "opd"], period_col=None)
    bands = ", ".join(f"count(*) FILTER (WHERE sebutan = '{b}') AS \"{b}\"" for b in SEBUTAN)
    cols = ", ".join(group)
    sql = f"""
        SELECT {cols}, count(*) AS n_pegawai, avg(nilai_prestasi) AS rata_prestasi, avg(nilai_skp) AS rata_skp,
               avg(nilai_perilaku) AS rata_perilaku_pp46, {bands},
               count(*) FILTER (WHERE sebutan_berkas IS NOT NULL AND lower(trim(sebutan_berkas)) <> lower(sebutan))
                   AS n_beda_sebutan
        FROM fct_prestasi_pp46 WHERE {w}
        GROUP BY {cols} HAVING count(*) >= $min_group
        ORDER BY periode DESC, {", ".join(c for c in group if c != "periode")}"""
    return run(con, sql, {**p, "min_group": _min_group(scope)}, "pp46_summary")


def pp46_people(con: Con, f: Filters, scope: Scope) -> pl.DataFrame:
    """Each employee's PP 46/2011 result, the file's own figures beside the ones worked out here; none for an
    aggregate-only viewer, only their own team for an Atasan."""
    w, p = where(f, scope, dims=["lokasi", "opd"], period_col=None, alias="x", person="nip")
    sql = f"""
        SELECT x.periode, d.nama, x.nip, x.lokasi, x.opd, x.nilai_skp, x.nilai_perilaku, x.nilai_prestasi,
               x.sebutan, x.sebutan_berkas, x.nilai_prestasi_berkas
        FROM fct_prestasi_pp46 x LEFT JOIN dim_pegawai d USING (nip)
        WHERE {w}
        ORDER BY x.periode DESC, x.lokasi, x.opd, x.nilai_prestasi DESC, x.nip"""
    return run(con, sql, p, "pp46_people")


def ikm2004_units(con: Con, f: Filters, scope: Scope) -> pl.DataFrame:
    """The KepmenPAN 25/2004 index per service unit and survey period (units under the viewer's minimum of
    respondents left out)."""
    w, p = where(f, scope, dims=["lokasi", "opd"], period_col=None)
    sql = f"""
        SELECT periode, lokasi, unit_layanan, n_responden, ikm, ikm_konversi, mutu
        FROM fct_ikm_2004 WHERE {w} AND n_responden >= $min_group
        ORDER BY periode DESC, lokasi, unit_layanan"""
    return run(con, sql, {**p, "min_group": _min_group(scope)}, "ikm2004_units")


def has_any(con: Con) -> dict[str, int]:
    """How many rows each earlier regime holds at all (whether the page has anything to show)."""
    out = run(con, "SELECT (SELECT count(*) FROM fct_prestasi_pp46) AS pp46, (SELECT count(*) FROM fct_ikm_2004) AS ikm2004")
    return out.row(0, named=True)
