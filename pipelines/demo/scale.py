"""The demo generator at any scale, written period by period so national data never sits in memory whole.

Writes the files a large agency would send: one roster, one indicator file and
one behaviour file per period, the official results for Kota Jambi and the
survey responses. Indicator files are Parquet, or Indonesian CSV (semicolon,
decimal comma, spaced NIP) when `capaian_csv` is set. A `generated.json` records
the parameters, so a cache folder is reused when they match.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np
import polars as pl

from pipelines.demo import generate as demo
from pipelines.demo.files import _decimal_comma, _spaced_nip

Progress = Callable[[str], None]


def _capaian_csv(frame: pl.DataFrame, path: Path) -> None:
    out = frame.select(
        _spaced_nip("nip").alias("NIP"),
        pl.col("periode").alias("Periode"),
        pl.col("indikator").alias("Indikator Kinerja"),
        pl.col("satuan").alias("Satuan"),
        pl.col("target").alias("Target"),
        pl.col("realisasi").alias("Realisasi"),
        pl.col("bobot").alias("Bobot (%)"),
        pl.col("arah")
        .replace_strict({"naik": "Semakin tinggi semakin baik", "turun": "Semakin rendah semakin baik"})
        .alias("Arah"),
    )
    _decimal_comma(out, ["Target", "Realisasi", "Bobot (%)"]).write_csv(path, separator=";")


def write_scaled(
    out: Path,
    employees: int,
    periods: int,
    seed: int = 20261123,
    skm_responses: int | None = None,
    capaian_csv: bool = False,
    progress: Progress | None = None,
) -> list[Path]:
    """Generate a scale into `out` (reused when already generated with the same parameters); returns the files."""
    say = progress or (lambda _m: None)
    params = {
        "employees": employees,
        "periods": periods,
        "seed": seed,
        "skm_responses": skm_responses,
        "capaian_csv": capaian_csv,
        "format": 2,
    }
    stamp = out / "generated.json"
    if stamp.exists():
        saved = json.loads(stamp.read_text())
        if saved.get("params") == params:
            return [out / p for p in saved["files"]]
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    rng = np.random.default_rng(seed)
    say(f"pegawai: {employees:,}")
    peg = demo._pegawai(rng, employees)
    assign = demo._assignments(rng, peg)
    months = demo.months(periods)
    files: list[str] = ["pegawai.parquet"]
    peg.drop("kemampuan").write_parquet(out / "pegawai.parquet")
    evaluasi = []
    for t, start in enumerate(months):
        key = start.strftime("%Y_%m")
        cap = demo._capaian(rng, peg, assign, [start], t0=t, n_total=periods)
        name = f"capaian_{key}.csv" if capaian_csv else f"capaian_{key}.parquet"
        if capaian_csv:
            _capaian_csv(cap, out / name)
        else:
            cap.drop("periode_mulai").write_parquet(out / name)
        files.append(name)
        beh = demo._perilaku(rng, peg, [start], t0=t, n_total=periods)
        beh.write_parquet(out / f"perilaku_{key}.parquet")
        files.append(f"perilaku_{key}.parquet")
        if t >= periods - 6:
            evaluasi.append(demo._evaluasi(peg, cap, [start]))
        say(f"periode {start:%Y-%m}: {cap.height:,} capaian, {beh.height:,} perilaku")
        del cap, beh
    pl.concat(evaluasi).write_parquet(out / "evaluasi_jambi.parquet")
    files.append("evaluasi_jambi.parquet")
    skm = demo._skm(rng, peg, months, responses=skm_responses)
    skm.write_parquet(out / "skm.parquet")
    files.append("skm.parquet")
    say(f"skm: {skm.height:,}")
    stamp.write_text(json.dumps({"params": params, "files": files}, indent=1))
    return [out / f for f in files]
