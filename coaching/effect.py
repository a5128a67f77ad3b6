"""Did coaching work: scores in the k periods before a case opened and the k after it closed, beside the same
change for listed employees who had no case, per OPD, per coach and overall. A comparison, not proof.

Definitions (documented for the page and the README):
- A case's periods: the period containing the day it opened (i_open) and the day it closed (i_close).
  Before = the k periods before i_open; after = the k periods after i_close. A closed case is counted once
  both windows lie inside the warehouse's periods ("too early" otherwise) and it has a score in each.
- Change = mean hasil kerja after - mean before (and the same for the ordinal predikat score 1-5).
- Left the list = not on the coaching list in the last period of the after window.
- Comparison: employees of the same place and OPD who were on the coaching list in the period before the
  case opened and never had a case, over the same two windows.
- Difference = change of the coached - change of the comparison, with a normal interval from both standard
  errors; the verdict (`kesimpulan`) reads it: 'lebih_baik' when the whole interval lies above 0, 'lebih_buruk'
  below 0, 'tidak_jelas' across 0, 'terlalu_kecil' for a group under the minimum, 'belum' with no case judged.
"""

from __future__ import annotations

from statistics import NormalDist

import polars as pl

LEVELS = {"semua": ["kelompok"], "opd": ["lokasi", "opd"], "coach": ["coach_nip", "coach_nama"]}


def z_for(confidence: float) -> float:
    """The two-sided normal quantile for a confidence level (0.95 -> 1.96)."""
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def _indexed(periods: pl.DataFrame) -> pl.DataFrame:
    return (
        periods.select("periode", pl.col("periode_mulai").cast(pl.Date))
        .unique("periode")
        .sort("periode_mulai")
        .with_row_index("i")
        .with_columns(pl.col("i").cast(pl.Int64))
    )


def _period_of(frame: pl.DataFrame, per: pl.DataFrame, when: str, name: str) -> pl.DataFrame:
    """Add column `name`: the index of the period containing the date in column `when`."""
    day = frame.with_columns(pl.col(when).dt.date().alias("_day")).sort("_day")
    out = day.join_asof(per.select(pl.col("periode_mulai").alias("_day"), pl.col("i").alias(name)), on="_day")
    return out.drop("_day")


def _windows(pairs: pl.DataFrame, scores: pl.DataFrame, listed: pl.DataFrame, k: int) -> pl.DataFrame:
    """Per (case_id, nip) pair: mean scores before and after, and whether the employee left the list."""
    s = pairs.select("case_id", "nip", "i_open", "i_close").join(scores, on="nip", how="inner")
    before = s.filter((pl.col("i") >= pl.col("i_open") - k) & (pl.col("i") < pl.col("i_open")))
    after = s.filter((pl.col("i") > pl.col("i_close")) & (pl.col("i") <= pl.col("i_close") + k))

    def means(frame: pl.DataFrame, suffix: str) -> pl.DataFrame:
        return frame.group_by("case_id", "nip").agg(
            pl.col("hasil_kerja").mean().alias(f"hasil_{suffix}"), pl.col("skor_ordinal").mean().alias(f"ordinal_{suffix}")
        )

    still = listed.select("nip", pl.col("i").alias("_end"), pl.lit(True).alias("_listed"))
    return (
        pairs.join(means(before, "sebelum"), on=["case_id", "nip"], how="left")
        .join(means(after, "sesudah"), on=["case_id", "nip"], how="left")
        .with_columns((pl.col("i_close") + k).alias("_end"))
        .join(still, on=["nip", "_end"], how="left")
        .with_columns(
            pl.col("_listed").is_null().alias("keluar_daftar"),
            (pl.col("hasil_sesudah") - pl.col("hasil_sebelum")).alias("perubahan"),
            (pl.col("ordinal_sesudah") - pl.col("ordinal_sebelum")).alias("perubahan_predikat"),
        )
        .drop("_end", "_listed")
        .filter(pl.col("perubahan").is_not_null())
    )


def case_changes(
    closed: pl.DataFrame, all_case_nips: list[str], periods: pl.DataFrame, scores: pl.DataFrame, listed: pl.DataFrame, k: int
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Per closed case and per comparison pair: before, after, change, left the list; the cases too early to
    judge; and every closed case with its group keys.

    `closed`: id, nip, lokasi, opd, coach_nip, coach_nama, opened_at, closed_at. `scores`: nip, periode,
    hasil_kerja, skor_ordinal. `listed`: nip, periode, lokasi, opd (every period the list flagged someone).
    """
    per = _indexed(periods)
    last = per.height - 1
    sc = scores.join(per.select("periode", "i"), on="periode", how="inner")
    li = listed.join(per.select("periode", "i"), on="periode", how="inner")
    c = _period_of(
        _period_of(closed.rename({"id": "case_id"}), per, "opened_at", "i_open"), per, "closed_at", "i_close"
    ).with_columns(pl.lit("Semua").alias("kelompok"))
    ready = (pl.col("i_open") - k >= 0) & (pl.col("i_close") + k <= last)
    every = c
    early = c.filter(~ready | pl.col("i_open").is_null())
    c = c.filter(ready)
    mine = _windows(c, sc, li, k)
    # comparison: same place and OPD, listed in the period before the case opened, never had a case
    anchor = c.select("case_id", "lokasi", "opd", "i_open", "i_close", (pl.col("i_open") - 1).alias("i"))
    others = li.filter(~pl.col("nip").is_in(pl.Series(all_case_nips, dtype=pl.String).implode()))
    pairs = anchor.join(others.select("nip", "lokasi", "opd", "i"), on=["lokasi", "opd", "i"], how="inner")
    groups = c.select("case_id", "kelompok", "coach_nip", "coach_nama")
    comp = _windows(pairs.drop("i").join(groups, on="case_id"), sc, li, k)
    return mine, comp, early, every


def _stats(frame: pl.DataFrame, keys: list[str], z: float, suffix: str = "") -> pl.DataFrame:
    d = pl.col("perubahan")
    n = d.count()
    half = z * d.std() / n.sqrt()
    return frame.group_by(keys).agg(
        n.alias(f"n{suffix}"),
        pl.col("hasil_sebelum").mean().alias(f"hasil_sebelum{suffix}"),
        pl.col("hasil_sesudah").mean().alias(f"hasil_sesudah{suffix}"),
        d.mean().alias(f"perubahan{suffix}"),
        (d.mean() - half).alias(f"ci_bawah{suffix}"),
        (d.mean() + half).alias(f"ci_atas{suffix}"),
        pl.col("perubahan_predikat").mean().alias(f"perubahan_predikat{suffix}"),
        pl.col("keluar_daftar").mean().alias(f"share_keluar{suffix}"),
    )


def effect_by(
    mine: pl.DataFrame, comp: pl.DataFrame, early: pl.DataFrame, every: pl.DataFrame, level: str, z: float, min_group: int
) -> pl.DataFrame:
    """One row per group of the level ('semua', 'opd' or 'coach') with a closed case: coached vs comparison,
    n, CI, cases too early to judge, too-small mark."""
    keys = LEVELS[level]
    # one comparison employee counts once per group and pair of windows, however many cases share them
    comp = comp.unique([*keys, "nip", "i_open", "i_close"])
    a = _stats(mine, keys, z)
    b = _stats(comp, keys, z, "_pembanding")
    wait = early.group_by(keys).agg(pl.len().alias("n_belum"))
    out = every.select(keys).unique().join(a, on=keys, how="left").join(b, on=keys, how="left").join(wait, on=keys, how="left")
    return (
        out.with_columns(
            pl.col("n").fill_null(0),
            pl.col("n_pembanding").fill_null(0),
            pl.col("n_belum").fill_null(0),
        )
        .with_columns(
            (pl.col("perubahan") - pl.col("perubahan_pembanding")).alias("selisih"),
            ((pl.col("n") < min_group) | (pl.col("n_pembanding") < min_group)).alias("terlalu_kecil"),
            _half_width(z).alias("_half"),
        )
        .with_columns(
            (pl.col("selisih") - pl.col("_half")).alias("ci_bawah_selisih"),
            (pl.col("selisih") + pl.col("_half")).alias("ci_atas_selisih"),
        )
        .with_columns(_verdict().alias("kesimpulan"))
        .drop("_half")
        .sort(keys)
    )


def _half_width(z: float) -> pl.Expr:
    """Half the interval of the difference: z times the root of both groups' squared standard errors (each
    recovered from its own interval, which is mean +- z * se)."""
    se = (pl.col("ci_atas") - pl.col("ci_bawah")) / (2 * z)
    se_b = (pl.col("ci_atas_pembanding") - pl.col("ci_bawah_pembanding")) / (2 * z)
    return z * (se.pow(2) + se_b.pow(2)).sqrt()


def _verdict() -> pl.Expr:
    """What the row says, as a code the page puts in words (see the module docstring)."""
    return (
        pl.when(pl.col("n") == 0)
        .then(pl.lit("belum"))
        .when(pl.col("terlalu_kecil"))
        .then(pl.lit("terlalu_kecil"))
        .when(pl.col("ci_bawah_selisih") > 0)
        .then(pl.lit("lebih_baik"))
        .when(pl.col("ci_atas_selisih") < 0)
        .then(pl.lit("lebih_buruk"))
        .otherwise(pl.lit("tidak_jelas"))
    )


def effectiveness(
    closed: pl.DataFrame,
    all_case_nips: list[str],
    periods: pl.DataFrame,
    scores: pl.DataFrame,
    listed: pl.DataFrame,
    k: int,
    min_group: int,
    confidence: float,
) -> dict[str, pl.DataFrame]:
    """The did-it-work tables per level, from closed cases, every case's NIP and warehouse facts."""
    mine, comp, early, every = case_changes(closed, all_case_nips, periods, scores, listed, k)
    z = z_for(confidence)
    return {level: effect_by(mine, comp, early, every, level, z, min_group) for level in LEVELS}
