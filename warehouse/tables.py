"""The tables the dashboard reads: what `python -m pipelines export` writes and a Parquet-backed connection
opens, with the columns each table is partitioned by."""

from __future__ import annotations

# table -> partition columns (None: one file). Facts and marts with a place and a period are partitioned.
TABLES: dict[str, str | None] = {
    "fct_kinerja": "lokasi, periode",
    "fct_capaian": "lokasi, periode",
    "fct_perilaku": "periode",
    "agg_kinerja": "lokasi, periode",
    "agg_kinerja_opd": "lokasi, periode",  # agg_kinerja per period, place and OPD only
    "agg_indikator": "lokasi, periode",
    "agg_sebaran": "lokasi, periode",
    "agg_sebaran_opd": "lokasi, periode",
    "agg_indikator_opd": "lokasi, periode",
    "mart_pembinaan": "lokasi, periode",
    "mart_penghargaan": "lokasi, periode",
    "fct_distribusi": "lokasi, periode",
    "fct_penilai": "lokasi, periode",
    "fct_ikm": "lokasi, periode",
    "agg_cakupan": None,  # how complete each period is per place and OPD (small)
    "agg_cakupan_ikm": None,
    "fct_prestasi_pp46": None,  # PP 46/2011 results, a legacy regime kept apart
    "fct_ikm_2004": None,  # the KepmenPAN 25/2004 index, a legacy regime kept apart from fct_ikm
    "stg_skm": "lokasi, periode",
    "fct_skm_komentar": "lokasi, periode",  # responses with a comment: grouping key, lowest score, words
    "fct_umpan_balik_petugas": None,
    "fct_riwayat_pegawai": None,  # one file in NIP order: a profile reads one or two row groups
    "dim_pegawai": None,
    "dim_pegawai_riwayat": None,
    "fct_penempatan": "lokasi, periode",
    "fct_kinerja_tempat": "lokasi, periode",  # employee-periods with a result and their placement then
    "fct_kinerja_rentang": None,  # stretches of periods with a result per employee and placement (small)
    "dim_periode_hasil": None,
    "dim_periode": None,
    "dim_filter": None,
    "meta": None,
    "load_log": None,
    "rejects": None,
}
