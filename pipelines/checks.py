"""Cross-file checks that a single-row schema cannot see.

Unknown NIPs, periods outside the declared granularity, duplicate keys and
weights that do not sum to 100 for one employee-period.
"""

from __future__ import annotations

import polars as pl

from pipelines.validate import REJECT_SCHEMA, make_rejects

KEYS = {
    "capaian": ["nip", "periode", "indikator"],
    "perilaku": ["nip", "periode", "peran_penilai", "nip_penilai"],
    "evaluasi": ["nip", "periode"],
}


def unknown_nip(frame: pl.DataFrame, known: pl.Series, file: str, kind: str) -> pl.DataFrame:
    """Rows whose NIP is not in the employee master (this load's or the warehouse's)."""
    mask = pl.col("nip").is_not_null() & ~pl.col("nip").is_in(known.implode())
    return make_rejects(
        frame, mask, "nip",
        pl.format("NIP {} tidak ada di data pegawai; muat berkas pegawai lebih dulu.", pl.col("nip")),
        pl.format("NIP {} is not in the employee data; load the employee file first.", pl.col("nip")),
        file, kind,
    )


def wrong_granularity(frame: pl.DataFrame, granularity: str, file: str, kind: str) -> pl.DataFrame:
    """Rows whose period is not of the declared granularity (bulanan, triwulanan, tahunan)."""
    mask = pl.col("periode_jenis").is_not_null() & (pl.col("periode_jenis") != granularity)
    return make_rejects(
        frame, mask, "periode",
        pl.format("Periode {} adalah {}, sedangkan pengaturan meminta periode " + granularity + ".",
                  pl.col("periode"), pl.col("periode_jenis")),
        pl.format("Period {} is {}, but the settings declare " + granularity + " periods.",
                  pl.col("periode"), pl.col("periode_jenis")),
        file, kind,
    )


def _first(keys: list[str]) -> pl.Expr:
    return pl.struct(keys).is_first_distinct()


def duplicates(frame: pl.DataFrame, file: str, kind: str) -> pl.DataFrame:
    """Every repeat of a key after its first row (the first row is kept)."""
    keys = KEYS.get(kind)
    if not keys:
        return pl.DataFrame(schema=REJECT_SCHEMA)
    repeats = frame.filter(~_first(keys) & pl.all_horizontal([pl.col(k).is_not_null() for k in keys[:2]]))
    if repeats.is_empty():
        return pl.DataFrame(schema=REJECT_SCHEMA)
    # the row each repeat copies: looked up for the (rare) repeated keys only
    firsts = frame.join(repeats.select(keys).unique(), on=keys, nulls_equal=True).group_by(keys).agg(
        pl.col("_baris").min().alias("_pertama"))
    marked = repeats.join(firsts, on=keys, how="left", nulls_equal=True).with_columns(
        pl.concat_str(keys, separator=", ", ignore_nulls=True).alias("_kunci"))
    return make_rejects(
        marked, pl.lit(True), keys[-1] if kind == "capaian" else "nip",
        pl.format("Baris ganda: kunci ({}) sudah ada di baris {}.", pl.col("_kunci"), pl.col("_pertama")),
        pl.format("Duplicate row: key ({}) already at row {}.", pl.col("_kunci"), pl.col("_pertama")),
        file, kind,
    )


def first_rows(frame: pl.DataFrame, kind: str) -> pl.DataFrame:
    """The frame without later repeats of a key, so a duplicate does not also break the weight sum."""
    keys = KEYS.get(kind)
    return frame.filter(_first(keys)) if keys else frame


def weight_sums(frame: pl.DataFrame, total: float, tolerance: float, file: str) -> pl.DataFrame:
    """All rows of an employee-period whose weights do not sum to the total (100)."""
    marked = frame.with_columns(pl.col("bobot").sum().over("nip", "periode").round(2).alias("_jumlah"))
    mask = (pl.col("bobot").is_not_null() & pl.col("periode").is_not_null()
            & ((pl.col("_jumlah") - total).abs() > tolerance))
    return make_rejects(
        marked, mask, "bobot",
        pl.format("Jumlah bobot NIP {} periode {} adalah {}, seharusnya " + f"{total:g}.", pl.col("nip"),
                  pl.col("periode"), pl.col("_jumlah")),
        pl.format("Weights of NIP {} in period {} sum to {}, not " + f"{total:g}.", pl.col("nip"),
                  pl.col("periode"), pl.col("_jumlah")),
        file, "capaian",
    )
