"""Behaviour ratings (perilaku): one row per NIP, period, rater (role and NIP)."""

import pandera.polars as pa

from domain.appraisal import RATER_ROLES
from domain.periods import GRANULARITIES
from schemas.pegawai import NIP18


class PerilakuClean(pa.DataFrameModel):
    """Clean BerAKHLAK ratings on 0-100 by one rater (one column per value of domain.appraisal.BERAKHLAK)."""

    nip: str = pa.Field(str_matches=NIP18, description="Rated employee's NIP")
    periode: str = pa.Field(description="Period key")
    periode_jenis: str = pa.Field(isin=list(GRANULARITIES))
    peran_penilai: str = pa.Field(isin=list(RATER_ROLES), description="Rater role")
    nip_penilai: str = pa.Field(str_matches=NIP18, nullable=True, description="Rater's NIP when known")
    berorientasi_pelayanan: float = pa.Field(in_range={"min_value": 0, "max_value": 100})
    akuntabel: float = pa.Field(in_range={"min_value": 0, "max_value": 100})
    kompeten: float = pa.Field(in_range={"min_value": 0, "max_value": 100})
    harmonis: float = pa.Field(in_range={"min_value": 0, "max_value": 100})
    loyal: float = pa.Field(in_range={"min_value": 0, "max_value": 100})
    adaptif: float = pa.Field(in_range={"min_value": 0, "max_value": 100})
    kolaboratif: float = pa.Field(in_range={"min_value": 0, "max_value": 100})

    class Config:
        strict = False
        coerce = True
