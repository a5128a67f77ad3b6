"""Official results (evaluasi, e-Kinerja style): one row per NIP and period."""

import pandera.polars as pa

from domain.appraisal import PREDIKAT, PREDIKAT_ORG, RATING
from domain.periods import GRANULARITIES
from schemas.pegawai import NIP18


class EvaluasiClean(pa.DataFrameModel):
    """Official ratings and predikat; where present they win over computed ones."""

    nip: str = pa.Field(str_matches=NIP18)
    periode: str = pa.Field(description="Period key")
    periode_jenis: str = pa.Field(isin=list(GRANULARITIES))
    rating_hasil_kerja: str = pa.Field(
        isin=RATING, nullable=True, description="Di Atas / Sesuai / Di Bawah Ekspektasi; empty when only a predikat is given"
    )
    rating_perilaku: str = pa.Field(isin=RATING, nullable=True)
    predikat: str = pa.Field(isin=PREDIKAT, nullable=True, description="Official predikat; derived by the matrix when empty")
    predikat_organisasi: str = pa.Field(isin=PREDIKAT_ORG, nullable=True, description="The unit's own predikat")
    inovasi: bool = pa.Field(description="A recorded new idea/innovation (PP 30/2019 Sangat Baik)")

    class Config:
        strict = False
        coerce = True
