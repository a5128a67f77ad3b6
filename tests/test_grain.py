"""Every mart's stated grain, tested like a dbt `unique` test: no two rows share the key its header names."""

from __future__ import annotations

import re

from tests.helpers import query
from warehouse.marts import HERE

_FILTER_DIMS = ("lokasi", "opd", "unit_kerja", "jenis_jabatan", "golongan", "status_asn")
# table -> the key its header comment states ("Grain: one row per ...")
MART_KEYS: dict[str, tuple[str, ...]] = {
    "dim_pegawai_riwayat": ("nip", "berlaku_dari"),
    "dim_pegawai": ("nip",),
    "fct_penempatan": ("nip", "periode"),
    "fct_kinerja_tempat": ("nip", "periode"),
    "dim_periode_hasil": ("periode",),
    "fct_kinerja_rentang": ("nip", *_FILTER_DIMS, "periode_awal"),
    "fct_capaian": ("nip", "periode", "indikator"),
    "fct_perilaku": ("nip", "periode", "peran_penilai"),
    "fct_perilaku_pegawai": ("nip", "periode"),
    "fct_kinerja": ("nip", "periode"),
    "fct_riwayat_pegawai": ("nip", "periode"),
    "agg_kinerja": ("periode", *_FILTER_DIMS),
    "agg_sebaran": ("periode", *_FILTER_DIMS, "bin"),
    "agg_indikator": ("periode", *_FILTER_DIMS, "indikator"),
    "fct_ikm": ("unit_layanan", "lokasi", "periode"),
    "agg_cakupan": ("periode", "lokasi", "opd"),
    "agg_cakupan_ikm": ("lokasi", "unit_layanan", "periode"),
    "fct_prestasi_pp46": ("nip", "periode"),
    "fct_ikm_2004": ("unit_layanan", "lokasi", "periode"),
    "fct_umpan_balik_petugas": ("nip", "periode"),
    "fct_distribusi": ("lokasi", "opd", "unit_kerja", "periode"),
    "mart_pembinaan": ("nip", "periode"),
    "mart_penghargaan": ("nip", "periode"),
    "fct_penilai": ("nip_penilai", "periode"),
    "fct_talenta": ("nip", "tahun"),
    "fct_kepatuhan": ("nip", "periode"),
    "fct_selisih": ("nip", "periode"),
    "fct_kalibrasi": ("nip", "periode", "nip_penilai"),
    "dim_periode": ("periode",),
    "dim_filter": _FILTER_DIMS,
    "agg_kinerja_opd": ("periode", "lokasi", "opd"),
    "agg_sebaran_opd": ("periode", "lokasi", "opd", "bin"),
    "agg_indikator_opd": ("periode", "lokasi", "opd", "indikator"),
    "meta": (),  # one row
    # one row per survey response with a comment: responses have no key (two people may answer alike), so the
    # check is that it holds exactly the rows of its source, below
    "fct_skm_komentar": None,
}
# tables whose grain is a row of their source: the source rows they must match one for one
ROW_GRAIN = {"fct_skm_komentar": "stg_skm WHERE trim(coalesce(kritik_saran, '')) <> ''"}


def mart_tables() -> dict[str, str]:
    """Each table or view the mart files create, with the header comment of its statement."""
    out = {}
    for f in sorted(HERE.glob("*.sql")):
        text = f.read_text(encoding="utf-8")
        for m in re.finditer(r"((?:--[^\n]*\n)*)CREATE (?:TABLE|VIEW) (\w+)", text):
            out[m.group(2)] = m.group(1)
    return out


def assert_unique_grain(settings) -> None:
    """No mart has two rows on its stated key (nor a NULL in it); meta has exactly one row. One query for all."""
    parts = []
    for table, key in MART_KEYS.items():
        if key is None:
            source = ROW_GRAIN[table]
            parts.append(f"SELECT '{table}' AS t, (SELECT count(*) FROM {table}) <> (SELECT count(*) FROM {source}) AS bad")
            continue
        if not key:
            parts.append(f"SELECT '{table}' AS t, count(*) <> 1 AS bad FROM {table}")
            continue
        cols, nulls = ", ".join(key), " OR ".join(f"{c} IS NULL" for c in key)
        parts.append(
            f"SELECT '{table}' AS t, (SELECT count(*) FROM (SELECT {cols} FROM {table} GROUP BY ALL "
            f"HAVING count(*) > 1)) + (SELECT count(*) FROM {table} WHERE {nulls}) > 0 AS bad"
        )
    bad = query(settings, " UNION ALL ".join(parts)).filter("bad")["t"].to_list()
    assert bad == [], f"rows not unique on the stated grain (or NULL in the key): {bad}"


def test_every_mart_states_a_grain_and_has_a_key_here():
    tables = mart_tables()
    assert set(tables) == set(MART_KEYS)
    for table, header in tables.items():
        assert "Grain: one row" in header, table


def test_every_mart_is_unique_on_its_stated_grain_in_the_demo(demo_settings):
    assert_unique_grain(demo_settings)


def test_the_grain_check_finds_a_repeated_key(tmp_path):
    import duckdb
    import pytest

    from pipelines.load.transaction import load_files
    from tests.conftest import make_settings
    from tests.helpers import pegawai

    s = make_settings(tmp_path)
    load_files([("pegawai.csv", pegawai())], s)
    assert_unique_grain(s)
    with duckdb.connect(str(s.warehouse)) as con:
        con.execute("INSERT INTO dim_pegawai SELECT * FROM dim_pegawai LIMIT 1")
    with pytest.raises(AssertionError, match="dim_pegawai"):
        assert_unique_grain(s)
