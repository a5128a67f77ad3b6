"""Validation: pandera's clean model plus cross-file checks, failures turned into rejects.

A reject is one (row, column) problem: file, row number as the spreadsheet shows
it, column, the original value and a reason in Indonesian and English. A row with
any reject does not load; every other row does.
"""

from __future__ import annotations

import re

import polars as pl
from pandera.errors import SchemaErrors

from schemas import CLEAN

REJECT_SCHEMA = {
    "berkas": pl.String,
    "jenis": pl.String,
    "baris": pl.Int64,
    "kolom": pl.String,
    "nilai": pl.String,
    "alasan": pl.String,
    "reason": pl.String,
}

_HINT = {
    "periode": (
        "contoh yang diterima: 2025-01, Januari 2025, 01/2025, TW1 2025, 2025-Q1",
        "accepted e.g. 2025-01, Januari 2025, 01/2025, TW1 2025, 2025-Q1",
    ),
    "tanggal": ("gunakan dd/mm/yyyy, misalnya 31/01/2026", "use dd/mm/yyyy, e.g. 31/01/2026"),
    "nip": (
        "NIP harus 18 digit: tanggal lahir, TMT, jenis kelamin 1/2, nomor urut",
        "a NIP has 18 digits: birth date, TMT, sex 1/2, sequence",
    ),
}


def _reason(column: str, check: str, value: str | None) -> tuple[str, str]:
    """Turn a pandera check name into a sentence a clerk understands, in both languages."""
    hint_id, hint_en = _HINT.get(column, ("", ""))
    tail_id = f" ({hint_id})" if hint_id else ""
    tail_en = f" ({hint_en})" if hint_en else ""
    if check == "not_nullable":
        if value not in (None, ""):
            return (f"Nilai '{value}' tidak dapat dibaca{tail_id}.", f"Value '{value}' cannot be read{tail_en}.")
        return ("Kolom wajib diisi, tetapi kosong.", "Required column is empty.")
    if m := re.match(r"isin\((.*)\)", check):
        allowed = m.group(1).strip("[]").replace("'", "")
        return (
            f"Nilai '{value}' tidak dikenal; yang diterima: {allowed}.",
            f"Value '{value}' is not recognised; accepted: {allowed}.",
        )
    if m := re.match(r"in_range\((.*), (.*)\)", check):
        return (
            f"Nilai '{value}' harus antara {m.group(1)} dan {m.group(2)}.",
            f"Value '{value}' must be between {m.group(1)} and {m.group(2)}.",
        )
    if m := re.match(r"greater_than_or_equal_to\((.*)\)", check):
        return (f"Nilai '{value}' tidak boleh kurang dari {m.group(1)}.", f"Value '{value}' must be at least {m.group(1)}.")
    if m := re.match(r"greater_than\((.*)\)", check):
        return (f"Nilai '{value}' harus lebih dari {m.group(1)}.", f"Value '{value}' must be above {m.group(1)}.")
    if m := re.match(r"less_than_or_equal_to\((.*)\)", check):
        return (f"Nilai '{value}' tidak boleh lebih dari {m.group(1)}.", f"Value '{value}' must be at most {m.group(1)}.")
    if check.startswith("str_matches") or check.startswith("equal_to"):
        return (f"Nilai '{value}' tidak sah{tail_id}.", f"Value '{value}' is not valid{tail_en}.")
    if check == "field_uniqueness" or check.startswith("unique"):
        return (f"Nilai '{value}' muncul lebih dari sekali.", f"Value '{value}' appears more than once.")
    if check.startswith("coerce_dtype"):
        return (f"Nilai '{value}' bukan jenis data yang benar.", f"Value '{value}' has the wrong type.")
    return (f"Nilai '{value}' gagal pemeriksaan {check}.", f"Value '{value}' failed check {check}.")


# Derived columns report their problem against the column the clerk typed.
_SOURCE_COLUMN = {"nip_valid": "nip", "periode_jenis": "periode"}


def schema_rejects(kind: str, frame: pl.DataFrame, file: str) -> pl.DataFrame:
    """Run the clean pandera model with lazy=True and return every failure as a reject."""
    model = CLEAN[kind]
    try:
        model.validate(frame, lazy=True)
        return pl.DataFrame(schema=REJECT_SCHEMA)
    except SchemaErrors as err:
        fc = err.failure_cases
    fc = fc.filter(pl.col("index").is_not_null())
    rows = []
    baris = frame["_baris"]
    for rec in fc.iter_rows(named=True):
        col = _SOURCE_COLUMN.get(rec["column"], rec["column"])
        idx = int(rec["index"])
        asal = f"_asal_{col}"
        value = frame[asal][idx] if asal in frame.columns else rec["failure_case"]
        value = None if value is None else str(value)
        if rec["check"] == "not_nullable" and rec["column"] in ("nip_valid", "periode_jenis"):
            continue  # reported once, on the column the clerk typed
        alasan, reason = _reason(col, rec["check"], value)
        rows.append((file, kind, int(baris[idx]), col, value, alasan, reason))
    return pl.DataFrame(rows, schema=REJECT_SCHEMA, orient="row").unique(maintain_order=True)


def make_rejects(
    frame: pl.DataFrame, mask: pl.Expr, column: str, alasan: pl.Expr, reason: pl.Expr, file: str, kind: str
) -> pl.DataFrame:
    """Rejects for the rows where `mask` holds, with reasons built from row values."""
    return frame.filter(mask).select(
        pl.lit(file).alias("berkas"),
        pl.lit(kind).alias("jenis"),
        pl.col("_baris").alias("baris"),
        pl.lit(column).alias("kolom"),
        pl.col(f"_asal_{column}").cast(pl.String).alias("nilai"),
        alasan.alias("alasan"),
        reason.alias("reason"),
    )


def unreadable(frame: pl.DataFrame, cols: list[str], file: str, kind: str) -> pl.DataFrame:
    """Cells whose text was there but could not be read (a nullable column would otherwise take it as empty)."""
    out = [pl.DataFrame(schema=REJECT_SCHEMA)]
    for c in cols:
        if c not in frame.columns or f"_asal_{c}" not in frame.columns:
            continue
        orig = pl.col(f"_asal_{c}").cast(pl.String).str.strip_chars()
        mask = pl.col(c).is_null() & orig.is_not_null() & (orig != "")
        out.append(
            make_rejects(
                frame,
                mask,
                c,
                pl.format("Nilai '{}' tidak dikenali.", orig),
                pl.format("Value '{}' is not recognised.", orig),
                file,
                kind,
            )
        )
    return pl.concat(out, how="vertical_relaxed")


def evaluation_incomplete(frame: pl.DataFrame, file: str, kind: str) -> pl.DataFrame:
    """Evaluations with neither both ratings nor a predikat: nothing to tell the employee's predikat from."""
    mask = pl.col("predikat").is_null() & (pl.col("rating_hasil_kerja").is_null() | pl.col("rating_perilaku").is_null())
    return make_rejects(
        frame,
        mask,
        "rating_hasil_kerja",
        pl.lit("Isi kedua rating (hasil kerja dan perilaku kerja) atau predikat."),
        pl.lit("Give both ratings (work results and behaviour) or a predikat."),
        file,
        kind,
    )
