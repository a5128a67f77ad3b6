"""Load users' files: read, normalise, validate, stage, then rebuild the warehouse atomically.

The only writer of the warehouse. One load at a time (a lock file); readers are
never blocked because the new warehouse is built beside the old one and swapped
in with one rename.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from pipelines import checks, staging
from pipelines.build import build_warehouse, read_manifest
from pipelines.clean import clean, fill_equal_weights
from pipelines.errors import FileRefused
from pipelines.readers import read_any
from pipelines.sources import KINDS, detect_kind, header_map
from pipelines.validate import REJECT_SCHEMA, schema_rejects
from schemas import raw_schema
from settings import Settings

ORDER = ["pegawai", "capaian", "perilaku", "evaluasi", "skm"]
Progress = Callable[[float, str], None]


@dataclass
class FileResult:
    """What happened to one file."""

    berkas: str
    jenis: str | None
    status: str  # dimuat | sebagian | ditolak | sama
    dibaca: int = 0
    dimuat: int = 0
    ditolak: int = 0
    pesan: str = ""
    message: str = ""
    sha256: str = ""


@dataclass
class LoadReport:
    """A whole load: one result per file and every rejected row."""

    load_id: int
    files: list[FileResult] = field(default_factory=list)
    rejects: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=REJECT_SCHEMA))

    @property
    def exit_code(self) -> int:
        """0 all loaded, 1 some rows rejected, 2 a file refused."""
        if any(f.status == "ditolak" for f in self.files):
            return 2
        return 1 if any(f.ditolak for f in self.files) else 0

    def summary(self) -> pl.DataFrame:
        """One row per file: kind, status, rows read, loaded, rejected, message."""
        return pl.DataFrame([f.__dict__ for f in self.files]).drop("sha256") if self.files else pl.DataFrame()


@contextlib.contextmanager
def writer_lock(staging_dir: Path) -> Iterator[None]:
    """One loader at a time; a second waits rather than failing."""
    staging_dir.mkdir(parents=True, exist_ok=True)
    with (staging_dir / ".lock").open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _refused(name: str, exc: FileRefused, kind: str | None, digest: str) -> FileResult:
    return FileResult(name, kind, "ditolak", pesan=exc.pesan, message=exc.message, sha256=digest)


def _frame_for(name: str, data: bytes, kind: str | None) -> tuple[str, pl.DataFrame]:
    """Read a file and map its headers; refuse it whole when the kind or columns are wrong."""
    raw = read_any(name, data)
    headers = [c for c in raw.columns if c != "_baris"]
    kind = kind or detect_kind(headers)
    if kind is None:
        raise FileRefused(
            name,
            "Jenis data tidak dikenali dari judul kolom. Kolom yang ditemukan: "
            f"{', '.join(headers[:20])}. Pilih jenisnya (pegawai, capaian, perilaku, evaluasi, skm).",
            f"Cannot tell the kind of data from the headers. Columns found: {', '.join(headers[:20])}. "
            "Give the kind (pegawai, capaian, perilaku, evaluasi, skm).",
        )
    mapping = header_map(KINDS[kind], headers)
    missing = [c for c in KINDS[kind].required if c not in mapping.values()]
    if missing:
        raise FileRefused(
            name,
            f"Kolom wajib untuk data {kind} tidak ada: {', '.join(missing)}. Kolom yang ditemukan: {', '.join(headers)}.",
            f"Required {kind} columns are missing: {', '.join(missing)}. Columns found: {', '.join(headers)}.",
        )
    frame = raw.select("_baris", *[pl.col(h).alias(c) for h, c in mapping.items()])
    return kind, raw_schema(kind).validate(frame)


def _validate(kind: str, frame: pl.DataFrame, name: str, known: set[str], settings: Settings) -> pl.DataFrame:
    rejects = [schema_rejects(kind, frame, name)]
    if kind in ("capaian", "perilaku", "evaluasi"):
        rejects.append(checks.unknown_nip(frame, known, name, kind))
        rejects.append(checks.wrong_granularity(frame, settings.section("periode")["granularity"], name, kind))
        rejects.append(checks.duplicates(frame, name, kind))
    if kind == "capaian":
        cap = settings.section("capaian")
        rejects.append(checks.weight_sums(checks.first_rows(frame, kind), cap["weight_total"], cap["weight_tolerance"],
                                          name))
    return pl.concat(rejects, how="vertical_relaxed").unique(maintain_order=True)


def _known_nips(con_path: Path, batch: list[pl.DataFrame]) -> set[str]:
    known: set[str] = set()
    for f in batch:
        known.update(f["nip"].drop_nulls().to_list())
    if con_path.exists():
        with contextlib.closing(duckdb.connect(str(con_path), read_only=True)) as con:
            known.update(r[0] for r in con.execute("SELECT nip FROM dim_pegawai").fetchall())
    return known


def load_files(
    files: list[tuple[str, bytes]],
    settings: Settings,
    kind: str | None = None,
    source: str | None = None,
    progress: Progress | None = None,
) -> LoadReport:
    """Load (name, bytes) pairs into the warehouse; returns what happened to each file."""
    tick = progress or (lambda _f, _m: None)
    stg_dir, warehouse = settings.staging, settings.warehouse
    with writer_lock(stg_dir):
        manifest = read_manifest(warehouse)
        load_id = int(manifest["loads"]["load_id"].max() or 0) + 1 if manifest["loads"].height else 1
        report = LoadReport(load_id)
        prepared: list[tuple[str, str, str, pl.DataFrame]] = []
        for i, (name, data) in enumerate(files):
            tick(0.05 + 0.3 * i / max(len(files), 1), f"Membaca {name}")
            digest = hashlib.sha256(data).hexdigest()
            try:
                k, frame = _frame_for(name, data, kind)
            except FileRefused as exc:
                report.files.append(_refused(name, exc, kind, digest))
                continue
            prepared.append((name, digest, k, clean(k, frame, settings.raw)))
        prepared.sort(key=lambda p: ORDER.index(p[2]))
        known = _known_nips(warehouse, [f for _, _, k, f in prepared if k == "pegawai"])
        new_files: dict[tuple[str, str], pl.DataFrame] = {}
        already = set(manifest["loads"].filter(pl.col("status") != "ditolak")["sha256"].to_list())
        for j, (name, digest, k, frame) in enumerate(prepared):
            tick(0.35 + 0.35 * j / max(len(prepared), 1), f"Memeriksa {name}")
            if digest in already:
                report.files.append(FileResult(name, k, "sama", frame.height, 0, 0,
                                               "Berkas yang sama sudah dimuat; tidak ada perubahan.",
                                               "The same file was loaded before; nothing changed.", digest))
                continue
            if k == "capaian":
                frame = fill_equal_weights(frame)
            rejects = _validate(k, frame, name, known, settings)
            bad = rejects["baris"].unique()
            good = frame.filter(~pl.col("_baris").is_in(bad.implode()))
            src = source or staging.source_key(name)
            if k == "pegawai":
                known.update(good["nip"].to_list())
            shaped = staging.shape(k, good, src, load_id)
            key = (k, src)
            new_files[key] = pl.concat([new_files[key], shaped]) if key in new_files else shaped
            status = "dimuat" if rejects.is_empty() else "sebagian"
            report.files.append(FileResult(name, k, status, frame.height, good.height, bad.len(), sha256=digest))
            report.rejects = pl.concat([report.rejects, rejects], how="vertical_relaxed")
        tick(0.75, "Membangun gudang data")
        _commit(settings, manifest, new_files, report)
        tick(1.0, "Selesai")
        return report


def _load_rows(report: LoadReport) -> pl.DataFrame:
    now = datetime.now().replace(microsecond=0)
    return pl.DataFrame(
        [
            {"load_id": report.load_id, "waktu": now, "berkas": f.berkas, "jenis": f.jenis, "status": f.status,
             "sha256": f.sha256, "dibaca": f.dibaca, "dimuat": f.dimuat, "ditolak": f.ditolak,
             "pesan": f.pesan, "message": f.message}
            for f in report.files
        ],
        schema={"load_id": pl.Int64, "waktu": pl.Datetime("us"), "berkas": pl.String, "jenis": pl.String,
                "status": pl.String, "sha256": pl.String, "dibaca": pl.Int64, "dimuat": pl.Int64,
                "ditolak": pl.Int64, "pesan": pl.String, "message": pl.String},
    )


def _commit(settings: Settings, manifest: dict, new_files: dict, report: LoadReport) -> None:
    """Write new staging files, build a new warehouse beside the old, then swap it in."""
    stg = settings.staging
    files = manifest["files"]
    stamp = f"{report.load_id}_{int(time.time() * 1000)}"
    for (kind, src), frame in new_files.items():
        old_row = files.filter((pl.col("jenis") == kind) & (pl.col("sumber") == src))
        old = pl.read_parquet(stg / old_row["path"][0]) if old_row.height else None
        merged = staging.merge_source(old, frame, kind)
        rel = f"{kind}/{src}__{stamp}.parquet"
        (stg / kind).mkdir(parents=True, exist_ok=True)
        merged.write_parquet(stg / rel)
        files = pl.concat([
            files.filter(~((pl.col("jenis") == kind) & (pl.col("sumber") == src))),
            pl.DataFrame({"jenis": [kind], "sumber": [src], "path": [rel]}),
        ])
    rej_rel = f"_rejects/{stamp}.parquet"
    (stg / "_rejects").mkdir(parents=True, exist_ok=True)
    report.rejects.with_columns(pl.lit(report.load_id).alias("load_id")).write_parquet(stg / rej_rel)
    loads = pl.concat([manifest["loads"], _load_rows(report)], how="vertical_relaxed")
    rejects = manifest["rejects_files"] + [rej_rel]
    build_warehouse(settings, files, loads, rejects)
    _sweep(stg, files, rejects)


def _sweep(stg: Path, files: pl.DataFrame, rejects: list[str]) -> None:
    """Remove staging files that the committed warehouse no longer names."""
    keep = set(files["path"].to_list()) | set(rejects)
    for p in stg.rglob("*.parquet"):
        rel = p.relative_to(stg).as_posix()
        if rel not in keep:
            with contextlib.suppress(OSError):
                os.remove(p)


def load_paths(paths: list[Path], settings: Settings, **kw) -> LoadReport:
    """Load files from disk."""
    return load_files([(p.name, p.read_bytes()) for p in paths], settings, **kw)
