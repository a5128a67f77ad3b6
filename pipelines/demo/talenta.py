"""Demo talent-management data: assessments, sanctions, exclusion statuses and self-ratings, so the Kalibrasi,
Talenta and Kepatuhan pages show something. Stories: most staff assessed in August 2025 (JPM following ability),
a few sanctions (some medium or heavy, which keep a strong performer out of the succession pool), a few people on
CLTN or study leave in 2026 (no SKP then, excused), a few others simply without an SKP in the last two months, and
self-ratings that run above the superior's.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import polars as pl

from domain.appraisal import BERAKHLAK


def asesmen(rng: np.random.Generator, peg: pl.DataFrame) -> pl.DataFrame:
    """Assessment results for about 70% of staff: JPM (%) from ability, a category beside it."""
    f = peg.filter(pl.Series(rng.random(peg.height) < 0.7))
    jpm = (72 + 9 * f["kemampuan"] + pl.Series(rng.normal(0, 6, f.height))).clip(35, 98).round(1)
    cat = pl.when(jpm >= 80).then(pl.lit("Tinggi")).when(jpm >= 60).then(pl.lit("Menengah")).otherwise(pl.lit("Rendah"))
    day = pl.Series(rng.integers(4, 28, f.height))
    return f.select(
        "nip",
        pl.date(2025, 8, day).alias("tanggal_asesmen"),
        pl.lit("Assessment Center").alias("instrumen"),
        jpm.alias("nilai_potensial"),
        pl.select(cat).to_series().alias("kategori_potensial"),
        pl.lit("UPT Penilaian Kompetensi BKPSDM").alias("asesor"),
    )


def sanksi(rng: np.random.Generator, peg: pl.DataFrame) -> pl.DataFrame:
    """Sanctions for about 2% of staff, a third of them medium or heavy; the strongest few included."""
    strong = peg.sort("kemampuan", descending=True).head(6)["nip"]
    pick = pl.Series(rng.random(peg.height) < 0.02) | peg["nip"].is_in(strong.implode())
    f = peg.filter(pick)
    level = pl.Series(rng.choice(["ringan", "ringan", "sedang", "berat"], f.height))
    start = pl.Series(rng.integers(0, 600, f.height))
    tmt = pl.lit(date(2025, 1, 6)) + pl.duration(days=start)
    return f.select(
        "nip",
        level.alias("tingkat_hukuman"),
        tmt.alias("tmt_hukuman"),
        (tmt + pl.duration(days=180)).alias("akhir_hukuman"),
        pl.Series(["Teguran tertulis"] * f.height).alias("jenis_hukuman"),
    )


def pengecualian(rng: np.random.Generator, peg: pl.DataFrame) -> pl.DataFrame:
    """About 1.5% of staff on CLTN or study leave from some month of 2026 (their SKP then is missing, excused)."""
    f = peg.filter(pl.Series(rng.random(peg.height) < 0.015))
    month = pl.Series(rng.integers(3, 10, f.height))
    kind = pl.Series(rng.choice(["Cuti di Luar Tanggungan Negara", "Tugas Belajar"], f.height))
    return f.select(
        "nip",
        kind.alias("jenis_status"),
        pl.date(2026, month, 1).alias("status_mulai"),
        pl.date(2027, month, 1).alias("status_selesai"),
    )


def missing_skp(rng: np.random.Generator, peg: pl.DataFrame, excused: pl.DataFrame) -> pl.DataFrame:
    """(nip, periode_mulai) pairs without an SKP: the excused from their status' start, and about 1% of others in
    the last two months (2026-09, 2026-10) who are simply late."""
    months = pl.DataFrame({"periode_mulai": [date(2026, m, 1) for m in range(1, 11)]})
    off = (
        excused.join(months, how="cross").filter(pl.col("periode_mulai") >= pl.col("status_mulai")).select("nip", "periode_mulai")
    )
    late = peg.filter(pl.Series(rng.random(peg.height) < 0.01)).select("nip")
    late = late.join(pl.DataFrame({"periode_mulai": [date(2026, 9, 1), date(2026, 10, 1)]}), how="cross")
    return pl.concat([off, late]).unique()


def self_ratings(rng: np.random.Generator, perilaku: pl.DataFrame, last: list[str]) -> pl.DataFrame:
    """Self-ratings (peran 'diri') for about 40% of staff in the last periods: the superior's score plus a few points."""
    sup = perilaku.filter((pl.col("peran_penilai") == "atasan") & pl.col("periode").is_in(last))
    keep = sup.select("nip").unique().sort("nip")
    keep = keep.filter(pl.Series(rng.random(keep.height) < 0.4))
    f = sup.join(keep, on="nip")
    lift = pl.Series(rng.normal(6, 4, f.height))
    return f.with_columns(
        pl.lit("diri").alias("peran_penilai"),
        pl.lit(None, dtype=pl.String).alias("nip_penilai"),
        *[(pl.col(v) + lift).clip(40, 100).round(0).alias(v) for v in BERAKHLAK],
    )
