"""The staging layer: validated rows as Parquet, one file per (kind, source) generation.

The warehouse's `_manifest` table names the staging files it was built from, so
the warehouse file is the single commit point: files no manifest names are
leftovers of a load that never committed and are removed by the next load.
"""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl

COLUMNS: dict[str, dict[str, pl.DataType]] = {
    "pegawai": {
        "nip": pl.String, "nama": pl.String, "jenis_kelamin": pl.String, "status_asn": pl.String,
        "golongan": pl.String, "jenis_jabatan": pl.String, "jabatan": pl.String, "lokasi": pl.String,
        "instansi": pl.String, "opd": pl.String, "unit_kerja": pl.String, "nip_atasan": pl.String,
        "tanggal_lahir": pl.Date, "tmt_pengangkatan": pl.Date,
    },
    "capaian": {
        "nip": pl.String, "periode": pl.String, "periode_jenis": pl.String, "periode_mulai": pl.Date,
        "indikator": pl.String, "satuan": pl.String, "target": pl.Float64, "realisasi": pl.Float64,
        "bobot": pl.Float64, "arah": pl.String, "aspek": pl.String, "rezim": pl.String,
    },
    "perilaku": {
        "nip": pl.String, "periode": pl.String, "periode_jenis": pl.String, "periode_mulai": pl.Date,
        "peran_penilai": pl.String, "nip_penilai": pl.String,
        "berorientasi_pelayanan": pl.Float64, "akuntabel": pl.Float64, "kompeten": pl.Float64,
        "harmonis": pl.Float64, "loyal": pl.Float64, "adaptif": pl.Float64, "kolaboratif": pl.Float64,
    },
    "evaluasi": {
        "nip": pl.String, "periode": pl.String, "periode_jenis": pl.String, "periode_mulai": pl.Date,
        "rating_hasil_kerja": pl.String, "rating_perilaku": pl.String, "predikat": pl.String,
        "predikat_organisasi": pl.String, "inovasi": pl.Boolean,
    },
    "skm": {
        "unit_layanan": pl.String, "lokasi": pl.String, "opd": pl.String, "tanggal": pl.Date,
        "periode": pl.String, **{f"u{i}": pl.Int64 for i in range(1, 10)},
        "jenis_kelamin": pl.String, "usia": pl.Float64, "pendidikan": pl.String, "pekerjaan": pl.String,
        "layanan": pl.String, "kritik_saran": pl.String, "nip_petugas": pl.String,
    },
}
META = {"_sumber": pl.String, "_muat": pl.Int64}

KEYS = {
    "pegawai": ["nip"],
    "capaian": ["nip", "periode", "indikator"],
    "perilaku": ["nip", "periode", "peran_penilai", "nip_penilai"],
    "evaluasi": ["nip", "periode"],
    "skm": None,  # survey responses have no natural key; replaced by source and period
}

# Staging files are sorted so that DuckDB's row-group min/max skip most of a table for one
# employee or one date range.
# Survey responses are not sorted here: the warehouse build orders them by date in one out-of-core pass.
SORT = {"pegawai": ["nip"], "capaian": ["nip", "periode"], "perilaku": ["nip", "periode"],
        "evaluasi": ["nip", "periode"], "skm": []}

_VERSION_TAIL = re.compile(
    r"([ _\-.]*(v\d+|rev(isi)?\d*|perbaikan\d*|koreksi\d*|final|terbaru|\(\d+\)|copy))+$", re.I
)


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
    out = frame.select(*present, pl.lit(source).alias("_sumber"), pl.lit(load_seq, dtype=pl.Int64).alias("_muat"),
                       *order)
    if order:
        return out.sort("_urut").drop("_urut")
    if not SORT[kind]:
        return out
    from pipelines.checks import sorted_by

    return sorted_by(out, SORT[kind])


def empty(kind: str) -> pl.DataFrame:
    """An empty staging frame of a kind."""
    return pl.DataFrame(schema={**COLUMNS[kind], **META})


def merge_source(old: pl.LazyFrame | None, new: pl.LazyFrame, kind: str) -> pl.LazyFrame:
    """A corrected file replaces what its source loaded for the periods it holds; other periods stay."""
    if old is None or kind == "pegawai":
        return new
    periods = new.select(pl.col("periode").unique()).collect()["periode"]
    return pl.concat([old.filter(~pl.col("periode").is_in(periods.implode())), new], how="vertical_relaxed")
