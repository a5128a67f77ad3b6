"""Employees (pegawai): one row per NIP."""

import pandera.polars as pa
import polars as pl
from pandera.typing.polars import Series  # noqa: F401  (kept for typed access in callers)

from domain.places import PLACES

NIP18 = r"^\d{18}$"


class PegawaiClean(pa.DataFrameModel):
    """Clean employee master: one row per NIP."""

    nip: str = pa.Field(str_matches=NIP18, unique=True, description="NIP, 18 digits, separators removed")
    nip_valid: bool = pa.Field(eq=True, description="NIP decodes to a valid birth date, TMT, sex and sequence")
    nama: str = pa.Field(description="Full name")
    jenis_kelamin: str = pa.Field(isin=["L", "P"], nullable=True, description="L or P (from the file, else the NIP)")
    status_asn: str = pa.Field(isin=["PNS", "PPPK"], description="PNS or PPPK (from the file, else the NIP)")
    golongan: str = pa.Field(nullable=True, description="Golongan ruang: III/a for PNS, I..XVII for PPPK")
    jenis_jabatan: str = pa.Field(nullable=True, description="JPT, Administrator, Pengawas, Pelaksana, Fungsional")
    jabatan: str = pa.Field(nullable=True, description="Position title")
    lokasi: str = pa.Field(isin=list(PLACES), description="One of the four places (domain.places)")
    instansi: str = pa.Field(nullable=True, description="Pemkab Merangin, Pemkot Jambi, Pemkot Medan, Pemkot Palangka Raya")
    opd: str = pa.Field(description="Perangkat daerah (Dinas, Badan, Kecamatan ...)")
    unit_kerja: str = pa.Field(nullable=True, description="Bidang, seksi, UPTD, kelurahan")
    nip_atasan: str = pa.Field(str_matches=NIP18, nullable=True, description="Direct superior's NIP")
    tanggal_lahir: pl.Date = pa.Field(nullable=True, description="Birth date decoded from NIP digits 1-8")
    per_tanggal: pl.Date = pa.Field(
        nullable=True, description="The roster's as-of date (a snapshot); blank: the context's, else the load date"
    )

    class Config:
        strict = False
        coerce = True
