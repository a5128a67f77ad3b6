"""Public satisfaction survey responses (SKM, PermenPANRB 14/2017): one row per respondent."""

import pandera.polars as pa
import polars as pl

from domain.places import PLACES
from schemas.pegawai import NIP18

_U = {"ge": 1, "le": 4}


class SkmClean(pa.DataFrameModel):
    """One survey response: nine unsur answered 1-4."""

    unit_layanan: str = pa.Field(description="Public service unit (Disdukcapil, Puskesmas ...)")
    lokasi: str = pa.Field(isin=list(PLACES))
    opd: str = pa.Field(nullable=True)
    tanggal: pl.Date = pa.Field(description="Survey date")
    periode: str = pa.Field(description="Quarter key derived from the date, e.g. 2025-Q1")
    u1: int = pa.Field(**_U, description="Persyaratan")
    u2: int = pa.Field(**_U, description="Sistem, Mekanisme, dan Prosedur")
    u3: int = pa.Field(**_U, description="Waktu Penyelesaian")
    u4: int = pa.Field(**_U, description="Biaya/Tarif")
    u5: int = pa.Field(**_U, description="Produk Spesifikasi Jenis Pelayanan")
    u6: int = pa.Field(**_U, description="Kompetensi Pelaksana")
    u7: int = pa.Field(**_U, description="Perilaku Pelaksana")
    u8: int = pa.Field(**_U, description="Penanganan Pengaduan, Saran dan Masukan")
    u9: int = pa.Field(**_U, description="Sarana dan Prasarana")
    jenis_kelamin: str = pa.Field(isin=["L", "P"], nullable=True)
    usia: float = pa.Field(in_range={"min_value": 10, "max_value": 110}, nullable=True)
    nip_petugas: str = pa.Field(str_matches=NIP18, nullable=True, description="Serving officer when the form names one")

    class Config:
        strict = False
        coerce = True
