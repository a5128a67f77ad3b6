"""Measurements that need a process of their own: a load (its peak memory) and a page's data after a fresh start.

Run by `bench.run` as `python -m bench.probe load ...` or `python -m bench.probe fresh ...`; prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path


def _settings(warehouse: Path, staging: Path):
    from settings import load_settings

    s = load_settings()
    s.raw.setdefault("paths", {})
    s.raw["paths"]["warehouse"] = str(warehouse)
    s.raw["paths"]["staging"] = str(staging)
    return s


def load(files: list[Path], warehouse: Path, staging: Path) -> dict:
    """Load files into a new warehouse through the full pipeline; time and peak memory per kind."""
    from bench.measure import RssSampler
    from pipelines.load.transaction import load_paths

    for p in (warehouse, staging):
        if p.is_dir():
            shutil.rmtree(p)
        elif p.exists():
            p.unlink()
    s = _settings(warehouse, staging)
    with RssSampler() as sampler:
        started = time.perf_counter()

        def progress(_frac: float, msg: str) -> None:
            if msg.startswith("Membangun"):
                sampler.mark("build")

        report = load_paths(files, s, progress=progress)
        total = time.perf_counter() - started
    # Files of a load are read a few at a time: each kind's time is the span from its first file's start to
    # its last file's end, and its peak memory the highest sample in that span.
    spans: dict[str, tuple[float, float]] = {}
    for f in report.files:
        if f.selesai:
            a, b = spans.get(f.jenis, (f.mulai, f.selesai))
            spans[f.jenis] = (min(a, f.mulai), max(b, f.selesai))
    peaks = {k: sampler.peak_between(a, b) for k, (a, b) in spans.items()}
    return {
        "total_s": total,
        "build_s": report.detik_bangun,
        "peak_bytes": sampler.peak,
        "build_peak_bytes": sampler.peaks.get("build", 0),
        "kind_peak_bytes": peaks,
        "kind_seconds": {k: b - a for k, (a, b) in spans.items()},
        "warehouse_bytes": warehouse.stat().st_size,
        "loadavg": os.getloadavg()[0],
        "build_stages": {k: v for k, v in report.tahap.items() if isinstance(v, float)},
        "files": [
            {
                "berkas": f.berkas,
                "jenis": f.jenis,
                "status": f.status,
                "dimuat": f.dimuat,
                "ditolak": f.ditolak,
                "detik": f.detik,
                "detik_validasi": f.detik_validasi,
            }
            for f in report.files
        ],
    }


def fresh(warehouse: Path, page: str, which: str, nip: str, unit: str | None) -> dict:
    """A page's data in a process that has just started: connect, then every query the page makes."""
    started = time.perf_counter()
    from bench import pages
    from warehouse.db import connect

    imported = time.perf_counter()
    con = connect(str(warehouse))
    f = pages.filters(con)[which]
    t0 = time.perf_counter()
    pages.page_data(con, page, f, pages.Context(nip=nip, unit=unit))
    done = time.perf_counter()
    return {"ms": (done - t0) * 1000, "connect_ms": (t0 - imported) * 1000, "import_ms": (imported - started) * 1000}


def upload(base: Path, scratch: Path, file: Path, periode: str, lokasi: str, full: bool) -> dict:
    """One clerk's upload into a fresh copy of a scale's warehouse, incremental or with a full rebuild."""
    from bench.upload import copy_state
    from bench.upload import upload as run

    warehouse, staging = copy_state(base, scratch)
    s = _settings(warehouse, staging)
    s.raw.setdefault("gudang", {})["incremental"] = not full
    try:
        return run(s, file, periode, lokasi)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.probe")
    sub = p.add_subparsers(dest="cmd", required=True)
    ld = sub.add_parser("load")
    ld.add_argument("warehouse", type=Path)
    ld.add_argument("staging", type=Path)
    ld.add_argument("files", type=Path, nargs="+")
    fr = sub.add_parser("fresh")
    fr.add_argument("warehouse", type=Path)
    fr.add_argument("page")
    fr.add_argument("which")
    fr.add_argument("nip")
    fr.add_argument("--unit")
    up = sub.add_parser("upload")
    up.add_argument("base", type=Path)
    up.add_argument("scratch", type=Path)
    up.add_argument("file", type=Path)
    up.add_argument("periode")
    up.add_argument("lokasi")
    up.add_argument("--full", action="store_true")
    a = p.parse_args(argv)
    if a.cmd == "upload":
        out = upload(a.base, a.scratch, a.file, a.periode, a.lokasi, a.full)
    elif a.cmd == "load":
        out = load(a.files, a.warehouse, a.staging)
    else:
        out = fresh(a.warehouse, a.page, a.which, a.nip, a.unit)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
