"""Cleaners of the talent management inputs: assessment results, discipline sanctions, exclusion statuses.

Each keeps the original text in `_asal_<column>` (as every cleaner does) and derives `periode`, the year the
row begins, so a corrected file replaces what its source loaded for the same years.
"""

from __future__ import annotations

import polars as pl

from domain.kinds import KINDS
from domain.talenta import JENIS_STATUS, KATEGORI_POTENSIAL, TINGKAT_HUKUMAN
from pipelines.clean import normalise as n
from pipelines.clean.validate import make_rejects, unreadable


def _prepared(frame: pl.DataFrame, kind: str) -> pl.DataFrame:
    missing = [c for c in KINDS[kind].columns if c not in frame.columns]
    f = frame.with_columns([pl.lit(None, dtype=pl.String).alias(c) for c in missing])
    return f.with_columns([pl.col(c).alias(f"_asal_{c}") for c in KINDS[kind].columns])


def _words(col: str) -> pl.Expr:
    """Lower-case words: punctuation and repeated spaces folded ('Hukuman Disiplin  Ringan.' -> 'hukuman disiplin ringan')."""
    s = n.text(col).str.to_lowercase().str.replace_all(r"[^a-z0-9]+", " ").str.strip_chars()
    return pl.when(s == "").then(None).otherwise(s)


def _lookup(col: str, table: dict[str, str]) -> pl.Expr:
    return _words(col).replace_strict(table, default=None, return_dtype=pl.String)


def _year(col: str) -> pl.Expr:
    return pl.col(col).dt.year().cast(pl.String)


def clean_asesmen(frame: pl.DataFrame, conv: dict, typed: set[str]) -> pl.DataFrame:
    """Assessments: date parsed, score as a number (decimal comma or point, '78 %'), category as a level."""
    f = _prepared(frame, "asesmen")
    score = pl.col("nilai_potensial")
    if "nilai_potensial" in typed:
        score = score.cast(pl.Float64)
    else:
        score = n.number("nilai_potensial", conv.get("nilai_potensial"))
    f = f.with_columns(
        n.nip("nip").alias("nip"),
        n.date("tanggal_asesmen").alias("tanggal_asesmen"),
        n.text("instrumen").alias("instrumen"),
        score.alias("nilai_potensial"),
        _lookup("kategori_potensial", KATEGORI_POTENSIAL).alias("kategori_potensial"),
        n.text("asesor").alias("asesor"),
    )
    return f.with_columns(_year("tanggal_asesmen").alias("periode"))


def clean_sanksi(frame: pl.DataFrame) -> pl.DataFrame:
    """Sanctions: the level as ringan / sedang / berat (R/S/B as SIASN writes it), dates parsed."""
    f = _prepared(frame, "sanksi")
    f = f.with_columns(
        n.nip("nip").alias("nip"),
        _lookup("tingkat_hukuman", TINGKAT_HUKUMAN).alias("tingkat_hukuman"),
        n.date("tmt_hukuman").alias("tmt_hukuman"),
        n.date("akhir_hukuman").alias("akhir_hukuman"),
        n.text("jenis_hukuman").alias("jenis_hukuman"),
        n.text("nomor_sk").alias("nomor_sk"),
    )
    return f.with_columns(_year("tmt_hukuman").alias("periode"))


def clean_pengecualian(frame: pl.DataFrame) -> pl.DataFrame:
    """Statuses: the known ones as codes (cltn, tugas_belajar, pensiun, mutasi ...), any other as its words."""
    f = _prepared(frame, "pengecualian")
    f = f.with_columns(
        n.nip("nip").alias("nip"),
        pl.coalesce(_lookup("jenis_status", JENIS_STATUS), _words("jenis_status").str.replace_all(" ", "_")).alias(
            "jenis_status"
        ),
        n.date("status_mulai").alias("status_mulai"),
        n.date("status_selesai").alias("status_selesai"),
        n.text("keterangan_status").alias("keterangan_status"),
    )
    return f.with_columns(_year("status_mulai").alias("periode"))


TALENTA_KINDS = ("asesmen", "sanksi", "pengecualian")
# optional cells whose text, when filled, must be read (else the row is rejected, not loaded with a blank)
_READ = {
    "asesmen": ["nilai_potensial", "kategori_potensial"],
    "sanksi": ["akhir_hukuman"],
    "pengecualian": ["status_selesai"],
}
_SPAN = {"sanksi": ("tmt_hukuman", "akhir_hukuman"), "pengecualian": ("status_mulai", "status_selesai")}


def talenta_rejects(frame: pl.DataFrame, kind: str, file: str) -> list[pl.DataFrame]:
    """The checks of these kinds beyond their schema: unreadable optional cells, an assessment without score or
    category, a span that ends before it begins."""
    out = [unreadable(frame, _READ[kind], file, kind)]
    if kind == "asesmen":
        mask = pl.col("nilai_potensial").is_null() & pl.col("kategori_potensial").is_null()
        mask = mask & pl.col("_asal_nilai_potensial").is_null() & pl.col("_asal_kategori_potensial").is_null()
        out.append(
            make_rejects(
                frame,
                mask,
                "nilai_potensial",
                pl.lit("Isi nilai potensial atau kategori potensialnya (rendah/menengah/tinggi)."),
                pl.lit("Give the potential score or its category (low/middle/high)."),
                file,
                kind,
            )  # fmt: skip
        )
    if kind in _SPAN:
        start, end = _SPAN[kind]
        mask = pl.col(end).is_not_null() & pl.col(start).is_not_null() & (pl.col(end) < pl.col(start))
        out.append(
            make_rejects(
                frame,
                mask,
                end,
                pl.format("Tanggal akhir {} sebelum tanggal mulai {}.", pl.col(f"_asal_{end}"), pl.col(f"_asal_{start}")),
                pl.format("End date {} is before the start date {}.", pl.col(f"_asal_{end}"), pl.col(f"_asal_{start}")),
                file,
                kind,
            )  # fmt: skip
        )
    return out
