"""Aggregates for the SKM publication (PermenPANRB 14/2017): how many respondents of one service unit and survey
period fall in each group of sex, age, education and occupation. Counts only: no response, no comment, no officer."""

from __future__ import annotations

import polars as pl

from warehouse.db import Filters, Scope, run, where

# Age groups of the published profile (years, inclusive); older than the last: one group.
AGE_EDGES = (25, 35, 45, 55)
PROFILE_FIELDS = ("jenis_kelamin", "usia", "pendidikan", "pekerjaan")


def _age_group() -> str:
    lows = (0, *(hi + 1 for hi in AGE_EDGES[:-1]))
    cases = " ".join(f"WHEN usia <= {int(hi)} THEN '{int(lo)}-{int(hi)}'" for lo, hi in zip(lows, AGE_EDGES, strict=True))
    return f"CASE WHEN usia IS NULL THEN NULL {cases} ELSE '{AGE_EDGES[-1] + 1}+' END"


def respondent_profile(con, scope: Scope, lokasi: str, unit: str, periode: str) -> pl.DataFrame:
    """One row per profile field (`kategori`) and value (`nilai`, None when not given) with its count `n`, for the
    respondents of one unit of one place in one survey period within the viewer's places and OPDs."""
    w, p = where(Filters(), scope, dims=["lokasi", "opd"], period_col=None)
    p.update(lokasi=lokasi, unit=unit, periode=periode)
    sql = f"""
        WITH r AS (
            SELECT jenis_kelamin, {_age_group()} AS usia, pendidikan, pekerjaan FROM stg_skm
            WHERE {w} AND lokasi = $lokasi AND unit_layanan = $unit AND periode = $periode
        )
        UNPIVOT (SELECT * FROM r) ON jenis_kelamin, usia, pendidikan, pekerjaan INTO NAME kategori VALUE nilai"""
    # UNPIVOT drops NULLs: count those apart, per field
    counted = run(con, f"SELECT kategori, nilai, count(*) AS n FROM ({sql}) GROUP BY ALL", p, "skm_profile")
    total_sql = (
        f"SELECT count(*) AS n FROM stg_skm WHERE {w} AND lokasi = $lokasi AND unit_layanan = $unit AND periode = $periode"
    )
    total = int(run(con, total_sql, p, "skm_profile_n").item())
    given = counted.group_by("kategori").agg(pl.col("n").sum().alias("given"))
    missing = (
        pl.DataFrame({"kategori": list(PROFILE_FIELDS)})
        .join(given, on="kategori", how="left")
        .with_columns((total - pl.col("given").fill_null(0)).alias("n"), pl.lit(None, dtype=pl.String).alias("nilai"))
    )
    missing = missing.filter(pl.col("n") > 0).select("kategori", "nilai", pl.col("n").cast(pl.Int64))
    return pl.concat([counted.with_columns(pl.col("n").cast(pl.Int64)), missing]).sort("kategori", "nilai", nulls_last=True)
