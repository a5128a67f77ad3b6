"""Talent management inputs (PermenPANRB 3/2020): assessment results, discipline sanctions, exclusion statuses."""

import pandera.polars as pa
import polars as pl

from domain.talenta import KATEGORI_POTENSIAL, TINGKAT_HUKUMAN
from schemas.pegawai import NIP18

LEVELS = sorted(set(KATEGORI_POTENSIAL.values()))
TINGKAT = sorted(set(TINGKAT_HUKUMAN.values()))


class AsesmenClean(pa.DataFrameModel):
    """One assessment of one employee: its date, instrument, score (0-100, e.g. JPM %) and/or category."""

    nip: str = pa.Field(str_matches=NIP18, description="Assessed employee's NIP")
    periode: str = pa.Field(description="Year of the assessment (derived)")
    tanggal_asesmen: pl.Date = pa.Field(description="Date of the assessment")
    instrumen: str = pa.Field(nullable=True, description="Method or instrument (assessment center, CAT, ...)")
    nilai_potensial: float = pa.Field(
        in_range={"min_value": 0, "max_value": 100}, nullable=True, description="Score 0-100 (e.g. job person match %)"
    )
    kategori_potensial: str = pa.Field(isin=LEVELS, nullable=True, description="rendah / menengah / tinggi")
    asesor: str = pa.Field(nullable=True, description="Assessor or assessing body")

    class Config:
        strict = False
        coerce = True


class SanksiClean(pa.DataFrameModel):
    """One discipline sanction (hukuman disiplin, PP 94/2021): level and the dates it runs."""

    nip: str = pa.Field(str_matches=NIP18, description="Sanctioned employee's NIP")
    periode: str = pa.Field(description="Year the sanction starts (derived)")
    tingkat_hukuman: str = pa.Field(isin=TINGKAT, description="ringan / sedang / berat")
    tmt_hukuman: pl.Date = pa.Field(description="Date the sanction starts")
    akhir_hukuman: pl.Date = pa.Field(nullable=True, description="Date it ends (empty: not stated)")
    jenis_hukuman: str = pa.Field(nullable=True, description="The sanction as written (teguran lisan, ...)")

    class Config:
        strict = False
        coerce = True


class PengecualianClean(pa.DataFrameModel):
    """One status that may excuse an employee from an SKP (CLTN, tugas belajar, pensiun, mutasi ...)."""

    nip: str = pa.Field(str_matches=NIP18, description="Employee's NIP")
    periode: str = pa.Field(description="Year the status begins (derived)")
    jenis_status: str = pa.Field(description="cltn, tugas_belajar, pensiun, mutasi, ... or the text as written")
    status_mulai: pl.Date = pa.Field(description="Date the status begins")
    status_selesai: pl.Date = pa.Field(nullable=True, description="Date it ends (empty: open)")

    class Config:
        strict = False
        coerce = True
