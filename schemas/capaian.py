"""Indicator results (capaian): one row per NIP, period and indicator."""

import pandera.polars as pa

from domain.appraisal import REGIMES
from domain.periods import GRANULARITIES
from schemas.pegawai import NIP18


class CapaianClean(pa.DataFrameModel):
    """Clean indicator results: target and realisation per indicator per period."""

    nip: str = pa.Field(str_matches=NIP18, description="Employee NIP")
    periode: str = pa.Field(description="Period key: 2025-01, 2025-Q1 or 2025")
    periode_jenis: str = pa.Field(isin=list(GRANULARITIES), description="Granularity")
    indikator: str = pa.Field(description="Indicator name (indikator kinerja individu)")
    satuan: str = pa.Field(nullable=True, description="Unit of measure")
    target: float = pa.Field(gt=0, description="Target; must be above zero")
    realisasi: float = pa.Field(ge=0, description="Realisation; zero or more")
    bobot: float = pa.Field(gt=0, le=100, description="Weight in percent; an employee-period sums to 100")
    arah: str = pa.Field(isin=["naik", "turun"], description="naik: higher is better; turun: lower is better")
    aspek: str = pa.Field(isin=["kuantitas", "kualitas", "waktu", "biaya"], nullable=True, description="PP 46/2011 aspect")
    rezim: str = pa.Field(isin=list(REGIMES), description="Appraisal regime")

    class Config:
        strict = False
        coerce = True
