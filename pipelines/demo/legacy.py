"""Demo files of the earlier regimes, as offices keep them from before PP 30/2019 and PermenPANRB 14/2017: a PP
46/2011 prestasi kerja list for 2017 and 2018 (PNS appointed by 2016) and a KepmenPAN 25/2004 IKM survey of 2016
(fourteen unsur) for the demo's service units. Seeded: the same files every time."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import polars as pl

from pipelines.demo.generate import DemoData

SEED = 20110046
YEARS = (2017, 2018)
STRUCTURAL = {"JPT", "Administrator", "Pengawas"}  # posts rated on kepemimpinan under PP 46/2011


def _band(v: float) -> str:
    """PP 46/2011's sebutan (the settings' defaults: <= 50, 60, 75, 90)."""
    return "Buruk" if v <= 50 else "Kurang" if v <= 60 else "Cukup" if v <= 75 else "Baik" if v <= 90 else "Sangat Baik"


def pp46_frame(data: DemoData) -> pl.DataFrame:
    rng = np.random.default_rng(SEED)
    peg = data.pegawai.filter(
        (pl.col("status_asn") == "PNS") & (pl.col("nip").str.slice(8, 4).cast(pl.Int32, strict=False) <= 2016)
    ).sort("nip")
    rows = []
    for year in YEARS:
        for r in peg.iter_rows(named=True):
            skp = float(np.clip(rng.normal(82, 6), 55, 98).round(2))
            aspects = [float(np.clip(rng.normal(skp, 4), 50, 100).round(0)) for _ in range(5)]
            lead = float(np.clip(rng.normal(skp, 4), 50, 100).round(0)) if r["jenis_jabatan"] in STRUCTURAL else None
            rated = [*aspects, *([lead] if lead is not None else [])]
            perilaku = round(sum(rated) / len(rated), 2)
            prestasi = round(0.6 * skp + 0.4 * perilaku, 2)
            rows.append((r["nip"], r["nama"], str(year), skp, *aspects, lead, perilaku, prestasi, _band(prestasi)))
    cols = ["NIP", "Nama", "Tahun Penilaian", "Nilai SKP", "Orientasi Pelayanan", "Integritas", "Komitmen", "Disiplin"]
    cols += ["Kerja Sama", "Kepemimpinan", "Nilai Perilaku Kerja", "Nilai Prestasi Kerja", "Sebutan"]
    return pl.DataFrame(rows, schema=cols, orient="row")


def ikm2004_frame(data: DemoData) -> pl.DataFrame:
    rng = np.random.default_rng(SEED + 1)
    units = data.skm.select("unit_layanan", "lokasi").unique().sort("lokasi", "unit_layanan")
    rows = []
    for unit, lokasi in units.iter_rows():
        lean = rng.uniform(2.6, 3.5)  # the unit's usual answer
        for start in (date(2016, 4, 1), date(2016, 10, 1)):
            for _ in range(int(rng.integers(25, 45))):
                day = start + timedelta(days=int(rng.integers(0, 90)))
                answers = np.clip(np.rint(rng.normal(lean, 0.6, 14)), 1, 4).astype(int).tolist()
                rows.append((day.strftime("%d/%m/%Y"), unit, lokasi, *answers))
    return pl.DataFrame(rows, schema=["Tanggal", "Unit Layanan", "Lokasi", *[f"U{i}" for i in range(1, 15)]], orient="row")


def write_legacy_files(data: DemoData, out: Path) -> list[Path]:
    """pp46_prestasi_kerja_2017_2018.xlsx and ikm_kepmenpan_25_2004_tahun_2016.csv beside the other demo files."""
    pp46 = out / "pp46_prestasi_kerja_2017_2018.xlsx"
    pp46_frame(data).write_excel(pp46, worksheet="Nominatif PPK")
    ikm = out / "ikm_kepmenpan_25_2004_tahun_2016.csv"
    ikm2004_frame(data).write_csv(ikm, separator=";")
    return [pp46, ikm]
