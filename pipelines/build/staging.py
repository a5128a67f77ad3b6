"""The staging layer: validated rows as Parquet, one file per (kind, source) generation.

The warehouse's `_manifest` table names the staging files it was built from, so
the warehouse file is the single commit point: files no manifest names are
leftovers of a load that never committed and are removed by the next load.
"""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl

from domain.kinds import KINDS, META

# Each kind's staging columns, key and sort order are declared once, in domain.kinds. Staging files are sorted so
# that DuckDB's row-group min/max skip most of a table for one employee or one date range; survey responses are
# not sorted here: the warehouse build orders them by date in one out-of-core pass.
COLUMNS = {name: kind.types for name, kind in KINDS.items()}
KEYS = {name: kind.key for name, kind in KINDS.items()}
SORT = {name: kind.sort for name, kind in KINDS.items()}
# The warehouse table each kind's staging files become (made by pipelines.build.build.staging_table), written
# out so a search for a table's name finds where it is made.
TABLES = {
    "pegawai": "stg_pegawai",
    "capaian": "stg_capaian",
    "perilaku": "stg_perilaku",
    "evaluasi": "stg_evaluasi",
    "skm": "stg_skm",
    "pp46": "stg_pp46",
    "ikm2004": "stg_ikm2004",
    "asesmen": "stg_asesmen",
    "sanksi": "stg_sanksi",
    "pengecualian": "stg_pengecualian",
}

_VERSION_TAIL = re.compile(r"([ _\-.]*(v\d+|rev(isi)?\d*|perbaikan\d*|koreksi\d*|final|terbaru|\(\d+\)|copy))+$", re.I)


def source_key(file_name: str) -> str:
    """A file's source: its stem without version tails, so 'capaian_jan_revisi.xlsx' replaces 'capaian_jan.csv'."""
    stem = Path(file_name).stem
    stem = _VERSION_TAIL.sub("", stem)
    return re.sub(r"[^a-z0-9]+", "_", stem.lower()).strip("_") or "berkas"


def shape(kind: str, frame: pl.DataFrame, source: str, load_seq: int) -> pl.DataFrame:
    """Select and type the staging columns of a kind, tagged with source and load number, in SORT order."""
    cols = COLUMNS[kind]
    present = [pl.col(c).cast(t) if c in frame.columns else pl.lit(None, dtype=t).alias(c) for c, t in cols.items()]
    order = ["_urut"] if "_urut" in frame.columns else []  # key order found by checks.mark_first
    out = frame.select(*present, pl.lit(source).alias("_sumber"), pl.lit(load_seq, dtype=pl.Int64).alias("_muat"), *order)
    if order:
        return out.sort("_urut").drop("_urut")
    if not SORT[kind]:
        return out
    from pipelines.clean.checks import sorted_by

    return sorted_by(out, SORT[kind])


def empty(kind: str) -> pl.DataFrame:
    """An empty staging frame of a kind."""
    return pl.DataFrame(schema={**COLUMNS[kind], **META})


PLACE = "_tempat"  # a row's place while sources are merged: its own column, or its employee's on the roster


def _placed(frame: pl.LazyFrame, kind: str, places: pl.DataFrame) -> pl.LazyFrame:
    """Rows with their place (PLACE): the survey's and the roster's own, an appraisal row's by its NIP
    (`places`: nip -> lokasi); '' where none is known."""
    if "lokasi" in COLUMNS[kind]:
        return frame.with_columns(pl.col("lokasi").fill_null("").alias(PLACE))
    lookup = places.lazy().select("nip", pl.col("lokasi").alias(PLACE)).unique("nip", keep="last")
    return frame.join(lookup, on="nip", how="left", maintain_order="left").with_columns(pl.col(PLACE).fill_null(""))


def merge_source(
    old: pl.LazyFrame | None, new: pl.LazyFrame, kind: str, places: pl.DataFrame | None = None
) -> tuple[pl.LazyFrame, pl.DataFrame]:
    """A corrected file replaces what its source loaded for the places and periods its rows hold (a roster: its
    snapshot of the same places at the same as-of date; other dates are history and stay); another place's rows
    under the same source never change.

    Returns the merged rows and what they replaced: per place (and period) the old rows replaced (n) and, for a
    roster, how many of those employees it no longer lists (n_keluar).
    """
    places = places if places is not None else pl.DataFrame(schema={"nip": pl.String, "lokasi": pl.String})
    keys = [PLACE, "per_tanggal"] if kind == "pegawai" else [PLACE, "periode"]
    covered = _placed(new, kind, places).select(keys).unique().collect()
    if old is None:
        return new, covered.with_columns(
            pl.lit(0, dtype=pl.UInt32).alias("n"), pl.lit(0, dtype=pl.UInt32).alias("n_keluar")
        ).clear()
    old_placed = _placed(old, kind, places)
    kept = old_placed.join(covered.lazy(), on=keys, how="anti", maintain_order="left")
    replaced = old_placed.join(covered.lazy(), on=keys, how="semi")
    if kind == "pegawai":  # and of those, who the new roster no longer lists
        replaced = replaced.with_columns(
            pl.col("nip").is_in(new.select("nip").collect()["nip"].implode()).not_().alias("_keluar")
        )
    else:
        replaced = replaced.with_columns(pl.lit(False).alias("_keluar"))
    removed = replaced.group_by(keys).agg(pl.len().alias("n"), pl.col("_keluar").sum().alias("n_keluar")).sort(keys).collect()
    merged = pl.concat([kept.drop(PLACE), new], how="vertical_relaxed")
    return merged, removed
