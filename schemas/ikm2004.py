"""KepmenPAN 25/2004 survey responses (the legacy index): one row per respondent, fourteen unsur."""

import pandera.polars as pa
import polars as pl

from domain.places import PLACES

_U = {"ge": 1, "le": 4}


class Ikm2004Clean(pa.DataFrameModel):
    """One legacy survey response: fourteen unsur (domain.survey.UNSUR_2004) answered 1-4."""

    unit_layanan: str = pa.Field(description="Public service unit")
    lokasi: str = pa.Field(isin=list(PLACES))
    opd: str = pa.Field(nullable=True)
    tanggal: pl.Date = pa.Field(description="Survey date (or the first day of the period the file names)")
    periode: str = pa.Field(description="Quarter key derived from the date")
    u1: int = pa.Field(**_U, description="Prosedur pelayanan")
    u2: int = pa.Field(**_U, description="Persyaratan pelayanan")
    u3: int = pa.Field(**_U, description="Kejelasan petugas pelayanan")
    u4: int = pa.Field(**_U, description="Kedisiplinan petugas pelayanan")
    u5: int = pa.Field(**_U, description="Tanggung jawab petugas pelayanan")
    u6: int = pa.Field(**_U, description="Kemampuan petugas pelayanan")
    u7: int = pa.Field(**_U, description="Kecepatan pelayanan")
    u8: int = pa.Field(**_U, description="Keadilan mendapatkan pelayanan")
    u9: int = pa.Field(**_U, description="Kesopanan dan keramahan petugas")
    u10: int = pa.Field(**_U, description="Kewajaran biaya pelayanan")
    u11: int = pa.Field(**_U, description="Kepastian biaya pelayanan")
    u12: int = pa.Field(**_U, description="Kepastian jadwal pelayanan")
    u13: int = pa.Field(**_U, description="Kenyamanan lingkungan")
    u14: int = pa.Field(**_U, description="Keamanan pelayanan")
    jenis_kelamin: str = pa.Field(isin=["L", "P"], nullable=True)
    usia: float = pa.Field(in_range={"min_value": 10, "max_value": 110}, nullable=True)

    class Config:
        strict = False
        coerce = True
