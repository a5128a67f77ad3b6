"""PP 46/2011 prestasi kerja results (legacy): one row per NIP and year."""

import pandera.polars as pa

from domain.periods import GRANULARITIES
from schemas.pegawai import NIP18

SEBUTAN = ["Sangat Baik", "Baik", "Cukup", "Kurang", "Buruk"]


class Pp46Clean(pa.DataFrameModel):
    """Clean PP 46/2011 results: nilai SKP and the behaviour aspects on 0-100 (SKP capaian up to 120), the
    file's own nilai perilaku, nilai prestasi kerja and sebutan kept beside what the marts compute."""

    nip: str = pa.Field(str_matches=NIP18, description="Employee's NIP")
    periode: str = pa.Field(description="Period key (usually a year)")
    periode_jenis: str = pa.Field(isin=list(GRANULARITIES))
    nilai_skp: float = pa.Field(in_range={"min_value": 0, "max_value": 120}, description="Nilai capaian SKP")
    orientasi_pelayanan: float = pa.Field(in_range={"min_value": 0, "max_value": 100})
    integritas: float = pa.Field(in_range={"min_value": 0, "max_value": 100})
    komitmen: float = pa.Field(in_range={"min_value": 0, "max_value": 100})
    disiplin: float = pa.Field(in_range={"min_value": 0, "max_value": 100})
    kerja_sama: float = pa.Field(in_range={"min_value": 0, "max_value": 100})
    kepemimpinan: float = pa.Field(
        in_range={"min_value": 0, "max_value": 100}, nullable=True, description="Structural posts only"
    )
    nilai_perilaku: float = pa.Field(in_range={"min_value": 0, "max_value": 100}, nullable=True)
    nilai_prestasi: float = pa.Field(in_range={"min_value": 0, "max_value": 120}, nullable=True)
    sebutan: str = pa.Field(isin=SEBUTAN, nullable=True, description="Sangat Baik, Baik, Cukup, Kurang, Buruk")

    class Config:
        strict = False
        coerce = True
