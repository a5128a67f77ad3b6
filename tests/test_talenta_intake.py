"""Intake of the talent-management kinds (issue 24) from fixtures in published layouts (tests/data/talenta, values
typed by hand in make_talenta.py): what loads, what is rejected and why, and what is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipelines.__main__ import main as cli
from pipelines.intake.mapping import detect_kind
from tests.conftest import make_settings
from tests.helpers import query

HERE = Path(__file__).parent / "data"
N1, N2, N5, N6, N8 = (
    "198503122010011001",
    "199001052015032002",
    "199205302019031005",
    "198112082008012006",
    "199409222020122008",
)


@pytest.fixture()
def env(tmp_path, monkeypatch):
    s = make_settings(tmp_path)
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(s.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(s.staging))

    def put(folder: str, name: str) -> str:
        shutil.copy(HERE / folder / name, tmp_path / name)
        return str(tmp_path / name)

    assert cli(["load", put("corpus", "simpeg_export_pegawai_pangkat.csv")]) == 0
    return s, put


def test_siasn_sanctions_load_with_levels_from_r_s_b_and_three_rejects_with_reasons(env, capsys):
    s, put = env
    assert cli(["load", put("talenta", "siasn_riwayat_hukdis.csv")]) == 1  # partly loaded
    out = capsys.readouterr().out
    assert "(sanksi)" in out and "ditolak/rejected 3" in out
    assert "'X'" in out and "sebelum tanggal mulai" in out and f"NIP {N1} tidak ada" in out
    got = query(s, "SELECT nip, tingkat_hukuman, CAST(tmt_hukuman AS VARCHAR) FROM stg_sanksi ORDER BY nip").rows()
    assert got == [(N6, "berat", "2023-09-01"), (N2, "ringan", "2025-02-14"), (N5, "sedang", "2025-06-03")]


def test_simpeg_sanction_report_reads_spelled_out_levels_under_its_title(env):
    s, put = env
    assert cli(["load", put("talenta", "simpeg_data_hukuman.xlsx")]) == 0
    got = query(s, "SELECT nip, tingkat_hukuman, CAST(akhir_hukuman AS VARCHAR) FROM stg_sanksi ORDER BY nip").rows()
    assert got == [(N6, "sedang", "2027-03-01"), (N8, "ringan", None)]


def test_assessments_take_jpm_with_decimal_comma_and_reject_no_score_and_out_of_range(env, capsys):
    s, put = env
    assert cli(["load", put("talenta", "asesmen_manajemen_talenta.xlsx")]) == 1
    out = capsys.readouterr().out
    assert "(asesmen)" in out and "ditolak/rejected 2" in out and "harus antara 0 dan 100" in out
    got = query(s, "SELECT nip, nilai_potensial, kategori_potensial FROM stg_asesmen ORDER BY nip").rows()
    assert got == [(N6, 71.25, "menengah"), (N2, 82.5, "tinggi"), (N5, 64.0, "rendah")]


def test_competence_recommendations_are_levels_without_a_score(env):
    s, put = env
    assert cli(["load", put("talenta", "asesmen_kompetensi_rekomendasi.csv")]) == 0
    got = query(s, "SELECT nip, nilai_potensial, kategori_potensial FROM stg_asesmen ORDER BY nip").rows()
    assert got == [(N6, None, "tinggi"), (N8, None, "menengah")]


def test_leave_history_and_kedudukan_hukum_load_as_statuses_with_codes(env):
    s, put = env
    assert cli(["load", put("talenta", "simpeg_riwayat_cuti.csv"), put("talenta", "siasn_kedudukan_hukum.csv")]) == 0
    got = query(s, "SELECT nip, jenis_status, CAST(status_selesai AS VARCHAR) FROM stg_pengecualian ORDER BY nip, jenis_status")
    assert got.rows() == [
        (N6, "pensiun", None),
        (N2, "cuti_tahunan", "2026-03-14"),
        (N5, "cltn", "2026-12-31"),
        (N8, "cuti_melahirkan", "2026-06-30"),
        (N8, "tugas_belajar", "2027-08-31"),
    ]


def test_dates_without_a_kind_of_status_are_refused_not_guessed(env, capsys):
    s, put = env
    assert cli(["load", put("talenta", "tanggal_tanpa_jenis.csv")]) == 2
    out = capsys.readouterr().out
    assert "jenis_status" in out
    for table in ("stg_pengecualian", "stg_sanksi"):
        assert query(s, f"SELECT count(*) FROM {table}").item() == 0


def test_a_sanction_file_forced_as_statuses_is_refused_naming_the_missing_column(env, capsys):
    _s, put = env
    assert cli(["load", put("talenta", "siasn_riwayat_hukdis.csv"), "--kind", "pengecualian"]) == 2
    assert "jenis_status" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("headers", "kind"),
    [
        (["NIP", "Nama", "Tingkat Hukuman", "TMT Hukuman", "Akhir Hukuman"], "sanksi"),
        (["NIP", "Tanggal Pelaksanaan", "JPM (%)", "Kategori Potensi", "Asesor"], "asesmen"),
        (["NIP", "Jenis Cuti", "Tanggal Mulai", "Tanggal Selesai"], "pengecualian"),
        # the existing kinds are still what they were
        (["NIP", "Nama", "Jabatan", "Unit Kerja", "Perangkat Daerah", "Lokasi", "TMT Jabatan"], "pegawai"),
        (["NIP", "Periode", "Indikator Kinerja", "Target", "Realisasi"], "capaian"),
        (["NIP", "Periode", "Hasil Kerja", "Perilaku Kerja", "Predikat Kinerja"], "evaluasi"),
    ],
)
def test_headers_tell_the_new_kinds_apart_from_each_other_and_the_old_ones(headers, kind):
    assert detect_kind(headers) == kind
