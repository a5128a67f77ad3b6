"""A clerk's upload: one month of one place's capaian, loaded into a copy of a scale's warehouse until it is visible.

The file is the next month after the warehouse's last, for the employees one place holds then (their indicators
of the last month, with the realisasi moved a little), written as the CSV template a clerk fills. The same file
is loaded into fresh copies of the same warehouse with the incremental build and with a full rebuild, in the
same run; "visible" is when a newly connected reader finds the month in the page marts.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from pathlib import Path

import duckdb
import polars as pl


def upload_file(warehouse: Path, out: Path) -> dict:
    """Write the upload file; returns its period, place and row count."""
    with contextlib.closing(duckdb.connect(str(warehouse), read_only=True)) as con:
        last, start = con.execute("SELECT periode, periode_mulai FROM dim_periode ORDER BY periode_mulai DESC LIMIT 1").fetchone()
        sql = "SELECT DISTINCT lokasi FROM fct_penempatan WHERE periode = $p ORDER BY 1"
        places = [r[0] for r in con.execute(sql, {"p": last}).fetchall()]
        place = "Jambi" if "Jambi" in places else places[0]
        rows = pl.from_arrow(
            con.sql(
                """SELECT c.nip, c.indikator, c.satuan, c.target, c.realisasi, c.bobot, c.arah
                   FROM stg_capaian c JOIN fct_penempatan p USING (nip, periode)
                   WHERE c.periode = $p AND p.lokasi = $l""",
                params={"p": last, "l": place},
            ).to_arrow_table()
        )
    nxt = f"{start.year + start.month // 12}-{start.month % 12 + 1:02d}"
    frame = rows.select(
        pl.col("nip").alias("NIP"),
        pl.lit(nxt).alias("Periode"),
        pl.col("indikator").alias("Indikator"),
        pl.col("satuan").alias("Satuan"),
        pl.col("target").alias("Target"),
        (pl.col("realisasi") * 1.01).round(2).alias("Realisasi"),
        pl.col("bobot").alias("Bobot"),
        pl.col("arah").alias("Arah"),
    )
    frame.write_csv(out, separator=";")
    return {"periode": nxt, "lokasi": place, "rows": frame.height}


def copy_state(base: Path, to: Path) -> tuple[Path, Path]:
    """A copy of a scale's warehouse (pointer and version files) and staging folder; returns (warehouse, staging)."""
    if to.exists():
        shutil.rmtree(to)
    to.mkdir(parents=True)
    wh = base / "warehouse.duckdb"
    vdir = base / f".{wh.name}.d"
    shutil.copytree(vdir, to / vdir.name, ignore=shutil.ignore_patterns("*.building*"))
    os.symlink(os.readlink(wh), to / wh.name)
    shutil.copytree(base / "staging", to / "staging", ignore=shutil.ignore_patterns("_spill", "_parts"))
    return to / wh.name, to / "staging"


def upload(settings, file: Path, periode: str, lokasi: str) -> dict:
    """Load the file and wait until a new reader sees the month; seconds per stage and in all."""
    from pipelines.load.transaction import load_paths

    started = time.perf_counter()
    report = load_paths([file], settings)
    loaded = time.perf_counter()
    with contextlib.closing(duckdb.connect(str(settings.warehouse), read_only=True)) as con:
        sql = "SELECT sum(n) FROM agg_kinerja WHERE periode = $p AND lokasi = $l"
        n = con.execute(sql, {"p": periode, "l": lokasi}).fetchone()[0]
    visible = time.perf_counter()
    tahap = {k: v for k, v in report.tahap.items() if isinstance(v, float)}
    plan = report.tahap.get("rencana", {})
    return {
        "visible_s": visible - started,
        "read_stage_s": sum(f.detik for f in report.files),
        "build_s": report.detik_bangun,
        "check_s": visible - loaded,
        "stages": tahap,
        "dirty": plan.get("kotor") if isinstance(plan, dict) else None,
        "rebuilt_whole": plan.get("utuh"),
        "employees_visible": int(n or 0),
        "loadavg": os.getloadavg()[0],
    }
