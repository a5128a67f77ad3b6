"""The corpus (tests/data/corpus, sources in its README): files in layouts offices really have, loaded through the
CLI as a clerk would. Expected values are written here by hand from the files' listing (make_corpus.py), never
computed by the pipeline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipelines.__main__ import main as cli
from tests.conftest import make_settings
from tests.helpers import query

CORPUS = Path(__file__).parent / "data" / "corpus"
N1, N2, N3, N4 = "198503122010011001", "199001052015032002", "197811202005011003", "198807142012122004"
N5, N6, N7, N8 = "199205302019031005", "198112082008012006", "197603152000031007", "199409222020122008"


@pytest.fixture()
def env(tmp_path, monkeypatch):
    """Settings in a temporary folder; `put(name)` copies a corpus file there (names as the office has them)."""
    s = make_settings(tmp_path)
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(s.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(s.staging))

    def put(name: str) -> str:
        shutil.copy(CORPUS / name, tmp_path / name)
        return str(tmp_path / name)

    return s, put


def _count(s, table: str) -> int:
    try:
        return query(s, f"SELECT count(*) FROM {table}").item()
    except Exception:  # noqa: BLE001 - no warehouse yet: nothing was loaded
        return 0


# ---- never a silent misload


def test_berakhlak_360_recap_is_never_loaded_as_a_roster(env, capsys):
    s, put = env
    assert cli(["load", put("berakhlak_360_rekap.xlsx")]) == 2
    out = capsys.readouterr().out
    assert _count(s, "dim_pegawai") == 0 and _count(s, "stg_perilaku") == 0
    assert "pegawai)" not in out.split("\n")[0]  # the file is not taken for a roster


def test_the_recap_sheet_with_its_context_is_still_not_a_roster(env, capsys):
    s, put = env
    path = put("berakhlak_360_rekap.xlsx")
    assert cli(["load", path, "--sheet", "REKAP", "--opd", "Dinas Sosial", "--lokasi", "Jambi"]) == 2
    out = capsys.readouterr().out
    assert "(perilaku)" in out or "data perilaku" in out  # taken for what it resembles: behaviour scores
    assert _count(s, "dim_pegawai") == 0


def test_a_list_of_scores_with_nip_and_name_is_not_taken_for_a_roster(env, capsys):
    s, put = env
    path = Path(put("pegawai_kolom_nomor_pegawai.csv")).with_name("nilai_tpp.csv")
    rows = [
        "NIP;Nama;OPD;Lokasi;Nilai A;Nilai B;Nilai C",
        f"{N1};BUDI;Dinas Sosial;Jambi;80;75;90",
        f"{N2};SRI;Dinas Sosial;Jambi;70;65;88",
        f"{N3};AGUS;Dinas Sosial;Jambi;91;85;79",
    ]
    path.write_text("\n".join(rows), encoding="utf-8")
    assert cli(["load", str(path)]) == 2
    out = capsys.readouterr().out
    assert "bukan daftar pegawai" in out and "Nilai A, Nilai B, Nilai C" in out
    assert _count(s, "dim_pegawai") == 0
    assert cli(["load", str(path), "--kind", "pegawai"]) == 0  # the user says it is a roster: confirmed


def test_a_column_known_only_by_its_values_is_asked_for_with_the_command_that_confirms_it(env, capsys):
    s, put = env
    path = put("pegawai_kolom_nomor_pegawai.csv")
    assert cli(["load", path]) == 2
    out = capsys.readouterr().out
    assert "Nomor Pegawai → nip (0,50)" in out  # the mapping it would use, with its confidence
    assert "keyakinan 0,50, perlu 0,75" in out
    assert '--kind pegawai --map "Nomor Pegawai=nip"' in out  # the exact options that confirm it
    assert _count(s, "dim_pegawai") == 0
    assert cli(["load", path, "--kind", "pegawai", "--map", "Nomor Pegawai=nip"]) == 0
    got = dict(query(s, "SELECT nip, golongan FROM dim_pegawai").rows())
    assert got == {N1: "III/a", N2: "III/b", N3: "III/c"}


def test_map_naming_a_header_the_file_lacks_is_refused_naming_its_headers(env, capsys):
    _s, put = env
    path = put("pegawai_kolom_nomor_pegawai.csv")
    assert cli(["load", path, "--kind", "pegawai", "--map", "Nomor Induk=nip"]) == 2
    out = capsys.readouterr().out
    assert "Nomor Induk" in out and "Nomor Pegawai" in out


def test_save_profile_then_the_layout_loads_by_itself(env, capsys):
    s, put = env
    path = put("pegawai_kolom_nomor_pegawai.csv")
    args = ["load", path, "--kind", "pegawai", "--map", "Nomor Pegawai=nip", "--save-profile", "Daftar Nomor Pegawai"]
    assert cli(args) == 0
    (Path(path).parent / "lagi.csv").write_bytes(Path(path).read_bytes().replace(b"BUDI", b"BUDIMAN"))
    assert cli(["load", str(Path(path).parent / "lagi.csv")]) == 0
    assert "profil 'Daftar Nomor Pegawai'" in capsys.readouterr().out
    assert query(s, "SELECT nama FROM dim_pegawai WHERE nip = $n", {"n": N1}).item() == "BUDIMAN SANTOSO"


# ---- every sheet, every row


def _ikm_per_unit(s) -> dict[str, tuple[int, str]]:
    rows = query(
        s,
        "SELECT unit_layanan, sum(n_responden)::INT, round(sum(ikm_konversi * n_responden) / sum(n_responden), 2)::VARCHAR "
        "FROM fct_ikm GROUP BY unit_layanan",
    ).rows()
    return {u: (n, v) for u, n, v in rows}


def test_olah_data_skm_reads_every_unit_sheet_and_every_respondent(env, capsys):
    s, put = env
    assert cli(["load", put("olah_data_skm_puskesmas.xlsx")]) == 0
    out = capsys.readouterr().out
    # by hand: PKM Rakumpit 4 respondents, answers 27+30+33+36 = 126 over 36 -> 3.5 x 25 = 87.50;
    # Petuk Bukit 27+27+36 = 90 over 27 -> 83.33; Mungku Baru 30+32 = 62 over 18 -> 86.11
    assert _ikm_per_unit(s) == {"PKM Rakumpit": (4, "87.5"), "Pustu Petuk Bukit": (3, "83.33"), "Pustu Mungku Baru": (2, "86.11")}
    assert query(s, "SELECT DISTINCT lokasi, periode FROM fct_ikm").rows() == [("Rakumpit", "2026-Q3")]
    assert "'REKAP'" in out and "Σ Nilai/Unsur" in out  # the skipped sheet and the dropped footers are named


def test_roster_sheets_per_opd_all_read_with_the_opd_from_the_sheet_name(env, capsys):
    s, put = env
    assert cli(["load", put("data_pegawai_per_opd.xlsx")]) == 0
    assert "'Petunjuk' (petunjuk)" in capsys.readouterr().out
    got = dict(query(s, "SELECT nip, opd FROM dim_pegawai").rows())
    assert got == {
        N1: "Dinas Sosial",
        N2: "Dinas Sosial",
        N3: "Dinas Perhubungan",
        N4: "Dinas Perhubungan",
        N5: "Dinas Perhubungan",
    }
    assert query(s, "SELECT DISTINCT lokasi FROM dim_pegawai").item() == "Jambi"


def test_duk_jabatan_under_a_merged_header_and_no_signature_rows(env):
    s, put = env
    assert cli(["load", put("duk_kecamatan_rakumpit.xlsx")]) == 0
    got = query(s, "SELECT nip, jabatan, golongan FROM dim_pegawai").rows_by_key("nip", unique=True)
    assert got == {
        N7: ("Camat Rakumpit", "III/d"),
        N3: ("Sekretaris Camat", "III/c"),
        N6: ("Kepala Seksi Pemerintahan", "III/b"),
        N1: ("Pengadministrasi Perkantoran", "III/a"),
        N4: ("Pengelola Layanan Operasional", "II/c"),
    }
    assert query(s, "SELECT DISTINCT lokasi FROM dim_pegawai").item() == "Rakumpit"


def test_app_report_keeps_every_respondent_under_its_column_numbers(env):
    s, put = env
    assert cli(["load", put("skm_aplikasi_laporan_bernomor.xlsx")]) == 0
    # by hand: answer sums 33 + 27 + 26 + 36 + 31 = 153 over 45 answers -> 3.4 x 25 = 85.00
    assert _ikm_per_unit(s) == {"Kantor Camat Bangko": (5, "85.0")}


# ---- headers and values by meaning


def test_google_form_indonesian_locale_headers_by_meaning_dates_day_first(env):
    s, put = env
    assert cli(["load", put("skm_google_form_locale_id.csv")]) == 0
    # by hand: Disdukcapil 36 + 27 + 31 = 94 over 27 answers -> 87.04; DPMPTSP 26 over 9 -> 72.22
    assert _ikm_per_unit(s) == {"Disdukcapil Kota Jambi": (3, "87.04"), "DPMPTSP Kota Jambi": (1, "72.22")}
    # '3/10/2026, 09.12.44' is 3 October: the fourth quarter (month first would put two answers in Q1/Q2)
    assert query(s, "SELECT DISTINCT periode, lokasi FROM fct_ikm").rows() == [("2026-Q4", "Jambi")]
    u5 = query(s, "SELECT list(u5 ORDER BY tanggal) FROM stg_skm").item()
    assert list(u5) == [4, 3, 3, 3]  # 'Kesesuaian Pelayanan' is the produk/spesifikasi unsur


def test_google_form_english_locale_is_read_month_first_and_says_so(env, capsys):
    s, put = env
    assert cli(["load", put("skm_google_form_locale_en.csv")]) == 0
    assert "'9/28/2026'" in capsys.readouterr().out  # the value that proves the order is named
    dates = query(s, "SELECT list(tanggal::VARCHAR ORDER BY tanggal) FROM stg_skm").item()
    assert list(dates) == ["2026-09-05", "2026-09-12", "2026-09-28"]
    # by hand: 36 + 27 + 27 = 90 over 27 answers -> 83.33, Belawan from the unit's name
    assert _ikm_per_unit(s) == {"Kantor Camat Medan Belawan": (3, "83.33")}
    assert query(s, "SELECT DISTINCT periode, lokasi FROM fct_ikm").rows() == [("2026-Q3", "Belawan")]


def _roster_then(put, name: str) -> list[str]:
    return ["load", put("data_pegawai_per_opd.xlsx"), put(name)]


def test_indikator_kinerja_individu_is_the_indicator(env):
    s, put = env
    assert cli(_roster_then(put, "ekinerja_capaian_iki.xlsx")) == 0
    got = query(s, "SELECT nip, indikator, target, realisasi, bobot FROM stg_capaian ORDER BY nip, bobot DESC").rows()
    assert got == [
        (N1, "Jumlah dokumen kependudukan diterbitkan", 120.0, 132.0, 60.0),
        (N1, "Persentase pengaduan ditindaklanjuti", 90.0, 85.0, 40.0),
        (N2, "Jumlah laporan keuangan disusun", 4.0, 4.0, 100.0),
    ]
    assert query(s, "SELECT DISTINCT periode FROM stg_capaian").item() == "2026-05"


def test_rencana_hasil_kerja_with_target_and_realisasi_kuantitas(env):
    s, put = env
    assert cli(_roster_then(put, "skp_rencana_hasil_kerja.csv")) == 0
    got = query(s, "SELECT nip, indikator, target, realisasi FROM stg_capaian ORDER BY nip, target DESC").rows()
    assert got == [
        (N3, "Terlaksananya uji kendaraan bermotor", 250.0, 262.0),
        (N3, "Tersusunnya laporan bulanan", 1.0, 1.0),
        (N4, "Terlayaninya izin trayek", 40.0, 31.0),
    ]


def test_monthly_predikat_list_and_its_total_line(env):
    s, put = env
    assert cli(_roster_then(put, "predikat_kinerja_bulanan.csv")) == 0
    got = dict(query(s, "SELECT nip, predikat FROM fct_kinerja WHERE periode = '2026-05'").rows())
    assert got == {N1: "Sangat Baik", N2: "Baik", N3: "Butuh Perbaikan"}


def test_simpeg_export_golongan_out_of_pangkat_text_and_spaced_nips(env):
    s, put = env
    assert cli(["load", put("simpeg_export_pegawai_pangkat.csv")]) == 0
    got = query(s, "SELECT nip, golongan, opd, lokasi FROM dim_pegawai").rows_by_key("nip", unique=True)
    assert got == {
        N2: ("III/b", "Dinas Kesehatan", "Bangko"),
        N5: ("II/c", "Dinas Kesehatan", "Bangko"),
        N8: ("III/a", "Dinas Kesehatan", "Bangko"),
        N6: ("IV/a", "Dinas Kesehatan", "Bangko"),
    }


def test_behaviour_on_0_100_loads(env):
    s, put = env
    assert cli(_roster_then(put, "perilaku_berakhlak_0_100.csv")) == 0
    got = query(s, "SELECT nip, peran_penilai, akuntabel FROM stg_perilaku ORDER BY nip").rows()
    assert got == [(N3, "rekan", 90.0), (N1, "atasan", 80.0), (N2, "atasan", 72.0)]


# ---- scales named


def test_berakhlak_360_on_1_10_is_refused_naming_both_scales(env, capsys):
    s, put = env
    assert cli(["load", put("data_pegawai_per_opd.xlsx"), put("berakhlak_360_rekap.xlsx")]) == 2
    out = capsys.readouterr().out
    assert "1-10; yang diharapkan 0-100" in out and "--kind perilaku --skala 1-10" in out
    assert _count(s, "stg_perilaku") == 0


def test_berakhlak_360_loads_with_its_documented_conversion(env, capsys):
    s, put = env
    assert cli(["load", put("data_pegawai_per_opd.xlsx"), put("berakhlak_360_rekap.xlsx"), "--skala", "1-10"]) == 0
    out = capsys.readouterr().out
    assert "'REKAP'" in out and "'PETUNJUK'" in out  # named as skipped
    got = query(s, "SELECT nip, peran_penilai, berorientasi_pelayanan, loyal, periode FROM stg_perilaku ORDER BY ALL").rows()
    # by hand from the sheets (x 10); the rekan sheet's all-0 row for N2 is "not rated" and left out
    assert got == [
        (N3, "atasan", 90.0, 90.0, "2026-06"),
        (N3, "rekan", 80.0, 90.0, "2026-06"),
        (N1, "atasan", 80.0, 100.0, "2026-06"),
        (N1, "rekan", 70.0, 90.0, "2026-06"),
        (N2, "atasan", 60.0, 80.0, "2026-06"),
    ]


def test_skm_on_1_5_is_refused_naming_both_scales(env, capsys):
    s, put = env
    assert cli(["load", put("skm_skala_1_5.csv")]) == 2
    out = capsys.readouterr().out
    assert "1-5; yang diharapkan 1-4" in out and "Tidak ada konversi terdokumentasi" in out
    assert _count(s, "stg_skm") == 0


def test_skm_answers_a_d_refused_then_loaded_with_the_conversion(env, capsys):
    s, put = env
    path = put("skm_jawaban_huruf_a_d.csv")
    assert cli(["load", path]) == 2
    assert "a-d; yang diharapkan 1-4" in capsys.readouterr().out
    assert _count(s, "stg_skm") == 0
    assert cli(["load", path, "--skala", "a-d"]) == 0
    # by hand: d = 4, c = 3: 36 + 27 + 31 = 94 over 27 answers -> 87.04
    assert _ikm_per_unit(s) == {"Kantor Kelurahan Bagan Deli": (3, "87.04")}
    assert query(s, "SELECT DISTINCT lokasi FROM fct_ikm").item() == "Belawan"


# ---- legacy layouts and kinds that must not be taken for another


def test_14_unsur_ikm_loads_as_the_legacy_index_never_into_14_2017_skm(env, capsys):
    s, put = env
    assert cli(["load", put("ikm_14_unsur_kepmenpan_25_2004.xlsx")]) == 0
    assert "(ikm2004)" in capsys.readouterr().out
    assert _count(s, "stg_skm") == 0 and _count(s, "fct_ikm") == 0  # never on the 14/2017 trend
    got = query(s, "SELECT unit_layanan, lokasi, periode, n_responden, ikm_konversi::VARCHAR, mutu FROM fct_ikm_2004")
    # by hand: unsur sums 10 (odd) and 11 (even) over 3 respondents: sum NRR = 147 / 3 = 49;
    # 49 x 0,071 = 3,479; x 25 = 86,975 -> 86,98 (half-up), A from 81,26
    assert got.rows() == [("Kantor Kecamatan Telanaipura, Kota Jambi", "Jambi", "2015-Q3", 3, "86.98", "A")]


def test_14_unsur_ikm_forced_as_skm_is_refused_naming_the_decree(env, capsys):
    s, put = env
    assert cli(["load", put("ikm_14_unsur_kepmenpan_25_2004.xlsx"), "--kind", "skm"]) == 2
    assert "KepmenPAN 25/2004" in capsys.readouterr().out
    assert _count(s, "stg_skm") == 0


def test_pp46_recap_loads_as_pp46_results_with_their_scores_and_bands(env, capsys):
    s, put = env
    assert cli(["load", put("duk_kecamatan_rakumpit.xlsx"), put("pp46_nominatif_prestasi_kerja.xlsx")]) == 0
    assert "(pp46)" in capsys.readouterr().out
    assert _count(s, "stg_evaluasi") == 0 and _count(s, "stg_perilaku") == 0  # never 6/2022 results
    got = query(s, "SELECT nip, periode, nilai_perilaku, nilai_prestasi, sebutan FROM fct_prestasi_pp46").rows()
    # by hand: N7 aspects 80 82 81 79 80 78 -> 80; 0.6 x 85.5 + 0.4 x 80 = 83.3 Baik; N3 five aspects -> 91.2,
    # 0.6 x 91.2 + 0.4 x 91.2 = 91.2 Sangat Baik; N6 -> 75.2, 45.6 + 30.08 = 75.68 Baik (above 75)
    assert sorted(got) == [
        (N7, "2019", 80.0, 83.3, "Baik"),
        (N3, "2019", 91.2, 91.2, "Sangat Baik"),
        (N6, "2019", 75.2, 75.68, "Baik"),
    ]


def test_pp46_recap_forced_as_6_2022_evaluation_is_refused_naming_pp46(env, capsys):
    s, put = env
    assert cli(["load", put("pp46_nominatif_prestasi_kerja.xlsx"), "--kind", "evaluasi"]) == 2
    assert "PP 46/2011" in capsys.readouterr().out
    assert _count(s, "stg_evaluasi") == 0


@pytest.mark.parametrize(
    ("name", "forced", "table"),
    [
        ("skm_aplikasi_laporan_bernomor.xlsx", "pegawai", "dim_pegawai"),
        ("predikat_kinerja_bulanan.csv", "capaian", "stg_capaian"),
        ("ekinerja_capaian_iki.xlsx", "perilaku", "stg_perilaku"),
        ("perilaku_berakhlak_0_100.csv", "evaluasi", "stg_evaluasi"),
        ("simpeg_export_pegawai_pangkat.csv", "skm", "stg_skm"),
        ("perilaku_berakhlak_0_100.csv", "pp46", "stg_pp46"),
        ("pp46_nominatif_prestasi_kerja.xlsx", "perilaku", "stg_perilaku"),
        ("skm_aplikasi_laporan_bernomor.xlsx", "ikm2004", "stg_ikm2004"),
    ],
)
def test_a_file_of_another_kind_is_refused_never_loaded_as_this_one(env, capsys, name, forced, table):
    s, put = env
    assert cli(["load", put(name), "--kind", forced]) == 2
    assert "ditolak" in capsys.readouterr().out
    assert _count(s, table) == 0


# ---- more layouts


def test_attendance_sheet_with_nip_and_name_is_not_a_roster(env, capsys):
    s, put = env
    assert cli(["load", put("absensi_harian_pegawai.xlsx"), "--opd", "Dinas Sosial", "--lokasi", "Jambi"]) == 2
    assert "NIP berulang" in capsys.readouterr().out
    assert _count(s, "dim_pegawai") == 0


def test_survey_sheets_per_semester_take_the_period_from_the_sheet_name(env):
    s, put = env
    assert cli(["load", put("skm_per_semester.xlsx")]) == 0
    got = query(
        s, "SELECT periode, sum(n_responden)::INT, round(avg(ikm_konversi), 2)::VARCHAR FROM fct_ikm GROUP BY 1 ORDER BY 1"
    )
    # by hand: semester I answers 3 and 4 -> 3.5 x 25 = 87.5; semester II 2, 3, 4 -> 3 x 25 = 75
    assert got.rows() == [("2026-Q1", 2, "87.5"), ("2026-Q3", 3, "75.0")]


def test_predikat_list_with_spelled_out_headers(env):
    s, put = env
    assert cli(_roster_then(put, "penilaian_skp_judul_lengkap.xlsx")) == 0
    got = dict(query(s, "SELECT nip, predikat FROM fct_kinerja WHERE periode = '2026-01'").rows())
    assert got == {N1: "Baik", N4: "Kurang/Misconduct", N5: "Sangat Baik"}


def test_siasn_dotted_nips_and_satuan_kerja_as_the_opd(env):
    s, put = env
    assert cli(["load", put("siasn_nip_bertitik.csv")]) == 0
    got = query(s, "SELECT nip, opd, unit_kerja, lokasi, jabatan FROM dim_pegawai").rows_by_key("nip", unique=True)
    assert got == {
        N1: ("Kecamatan Medan Belawan", "Kelurahan Bagan Deli", "Belawan", "Pengadministrasi Umum"),
        N3: ("Kecamatan Medan Belawan", "Kelurahan Belawan I", "Belawan", "Lurah"),
        N2: ("Kecamatan Medan Belawan", "Kelurahan Belawan II", "Belawan", "Sekretaris Lurah"),
    }


def test_capaian_windows_1252_with_decimal_commas(env):
    s, put = env
    assert cli(_roster_then(put, "capaian_desimal_koma.csv")) == 0
    got = query(s, "SELECT indikator, target, realisasi, periode FROM stg_capaian ORDER BY target").rows()
    assert got == [
        ("Rata-rata waktu penyelesaian izin", 3.0, 2.5, "2026-06"),
        ("Kepuasan pemohon izin", 80.0, 82.75, "2026-06"),
    ]


def test_answers_written_with_their_number_and_label(env):
    s, put = env
    assert cli(["load", put("skm_jawaban_label_bernomor.csv")]) == 0
    # by hand: 36 + 27 + (4 x 3 + 5 x 4 = 32) = 95 over 27 answers -> 87.96; Bangko from 'Kabupaten Merangin'
    assert _ikm_per_unit(s) == {"MPP Kabupaten Merangin": (3, "87.96")}
    assert query(s, "SELECT DISTINCT lokasi, periode FROM fct_ikm").rows() == [("Bangko", "2026-Q1")]


def test_a_summary_of_averages_is_not_loaded_as_respondents(env, capsys):
    s, put = env
    assert cli(["load", put("skm_nrr_per_unit_saja.xlsx")]) == 2
    assert "NRR" in capsys.readouterr().out
    assert _count(s, "stg_skm") == 0


def test_pppk_roster_by_its_ni_pppk_column(env):
    s, put = env
    assert cli(["load", put("pppk_daftar_pegawai.csv"), "--opd", "Dinas Pendidikan"]) == 0
    got = query(s, "SELECT nip, golongan, lokasi FROM dim_pegawai ORDER BY nip").rows()
    assert got == [("198511302023211002", "VII", "Bangko"), ("199003152023212001", "IX", "Bangko")]


def test_form_without_a_unit_asks_for_it_then_loads(env, capsys):
    s, put = env
    path = put("skm_form_tanpa_unit.csv")
    assert cli(["load", path]) == 2
    out = capsys.readouterr().out
    assert "unit_layanan" in out and "--unit" in out
    assert cli(["load", path, "--unit", "Disdukcapil Kota Jambi", "--lokasi", "Jambi"]) == 0
    # by hand: 36 + 27 = 63 over 18 answers -> 87.5, February: 2026-Q1
    assert _ikm_per_unit(s) == {"Disdukcapil Kota Jambi": (2, "87.5")}
    assert query(s, "SELECT DISTINCT periode FROM fct_ikm").item() == "2026-Q1"


def test_360_export_one_row_per_rater(env):
    s, put = env
    assert cli(_roster_then(put, "perilaku_360_per_penilai.csv")) == 0
    got = query(s, "SELECT nip, nip_penilai, peran_penilai, harmonis FROM stg_perilaku ORDER BY nip, harmonis").rows()
    assert got == [(N1, N2, "rekan", 86.0), (N1, N3, "atasan", 92.0), (N2, N3, "atasan", 78.0)]


def test_semicolon_windows_1252_survey(env):
    s, put = env
    assert cli(["load", put("skm_titik_koma_windows1252.csv")]) == 0
    # by hand: 27 + 34 + 24 = 85 over 27 answers -> 78.70
    assert _ikm_per_unit(s) == {"Kantor Camat Danau Sipin, Kota Jambi": (3, "78.7")}
    assert query(s, "SELECT DISTINCT lokasi, periode FROM fct_ikm").rows() == [("Jambi", "2026-Q1")]


def test_english_headed_evaluation_export(env):
    s, put = env
    assert cli(_roster_then(put, "evaluation_export_english.csv")) == 0
    got = dict(query(s, "SELECT nip, predikat FROM fct_kinerja WHERE periode = '2026-02'").rows())
    assert got == {N2: "Baik", N3: "Sangat Kurang"}


def test_sheets_named_by_month_alone_take_the_year_from_their_title(env):
    s, put = env
    assert cli(_roster_then(put, "perilaku_per_bulan_lembar.xlsx")) == 0
    got = query(s, "SELECT nip, periode, loyal FROM stg_perilaku ORDER BY periode, nip").rows()
    assert got == [(N1, "2026-01", 88.0), (N2, "2026-01", 76.0), (N1, "2026-02", 90.0), (N2, "2026-02", 79.0)]


def test_a_recap_with_abbreviated_value_headers_is_not_taken_for_a_roster(env, capsys):
    s, put = env
    path = Path(put("pegawai_kolom_nomor_pegawai.csv")).with_name("rekap_360.csv")
    rows = [
        "NIP;Nama;Jabatan;OPD;Lokasi;BP;AK;KO;HA;LO;AD;KL;Rata-rata",
        f"{N1};BUDI;Analis;Dinas Sosial;Jambi;8,5;7;9;8;10;7;8;8,21",
        f"{N2};SRI;Bendahara;Dinas Sosial;Jambi;6;6;7;7;8;6;7;6,71",
        f"{N3};AGUS;Penguji;Dinas Sosial;Jambi;9;9;9;9;9;9;9;9",
    ]
    path.write_text("\n".join(rows), encoding="utf-8")
    assert cli(["load", str(path)]) == 2
    assert "bukan daftar pegawai" in capsys.readouterr().out
    assert _count(s, "dim_pegawai") == 0


def test_14_unsur_ikm_headed_by_the_unsur_names_is_the_legacy_index(env):
    s, put = env
    path = Path(put("pegawai_kolom_nomor_pegawai.csv")).with_name("ikm_2012_kecamatan.csv")
    names = [
        "Prosedur Pelayanan",
        "Persyaratan Pelayanan",
        "Kejelasan Petugas",
        "Kedisiplinan Petugas",
        "Tanggung Jawab Petugas",
        "Kemampuan Petugas",
        "Kecepatan Pelayanan",
        "Keadilan Mendapatkan Pelayanan",
        "Kesopanan dan Keramahan Petugas",
        "Kewajaran Biaya",
        "Kepastian Biaya",
        "Kepastian Jadwal",
        "Kenyamanan Lingkungan",
        "Keamanan Pelayanan",
    ]
    rows = [
        ";".join(["Tanggal", "Unit Pelayanan", *names]),
        ";".join(["05/03/2012", "Kantor Camat Bangko", *["4"] * 14]),
        ";".join(["06/03/2012", "Kantor Camat Bangko", *["3"] * 14]),
    ]
    path.write_text("\n".join(rows), encoding="utf-8")
    assert cli(["load", str(path)]) == 0
    assert _count(s, "stg_skm") == 0
    # by hand: sum NRR = 14 x 3.5 = 49; 49 x 0,071 x 25 = 86,975 -> 86,98
    got = query(s, "SELECT unit_layanan, lokasi, periode, ikm_konversi::VARCHAR FROM fct_ikm_2004").rows()
    assert got == [("Kantor Camat Bangko", "Bangko", "2012-Q1", "86.98")]


def test_a_360_workbook_with_a_list_of_people_never_loads_that_list_as_the_roster(env, capsys):
    s, put = env
    path = put("berakhlak_360_input_dan_rekap.xlsx")
    assert cli(["load", path]) == 2
    out = capsys.readouterr().out
    assert "'Data Pegawai'" in out and "--kind perilaku --skala 1-10" in out
    assert _count(s, "dim_pegawai") == 0 and _count(s, "stg_perilaku") == 0
    assert cli(["load", put("data_pegawai_per_opd.xlsx")]) == 0
    assert cli(["load", path, "--kind", "perilaku", "--skala", "1-10"]) == 0
    got = query(s, "SELECT nip, nip_penilai, peran_penilai, kompeten, harmonis FROM stg_perilaku ORDER BY nip").rows()
    # by hand (x 10); the rekan row of all 0 is not rated and left out
    assert got == [(N1, N3, "atasan", 90.0, 80.0), (N2, N3, "atasan", 70.0, 60.0)]
    assert _count(s, "dim_pegawai") == 5  # the roster is the one loaded, not the 360 workbook's list


def test_a_form_of_five_labelled_choices_is_refused_naming_both_scales(env, capsys):
    s, put = env
    assert cli(["load", put("skm_form_lima_pilihan.csv"), "--lokasi", "Jambi"]) == 2
    out = capsys.readouterr().out
    assert "skala 1-5 (lima pilihan) ('Netral')" in out and "yang diharapkan 1-4" in out
    assert _count(s, "stg_skm") == 0


# ---- a survey report that shows one survey twice (the processing table and the decree's form)


def test_a_report_showing_one_survey_twice_loads_its_respondents_once(env, capsys):
    s, put = env
    assert cli(["load", put("skm_laporan_dua_lembar.xlsx")]) == 0
    out = capsys.readouterr().out
    # by hand: answers 30 + 26 + 33 + 24 + 36 + 27 = 176 over 6 x 9 = 54 -> 3.259 x 25 = 81.48, six respondents once
    assert _ikm_per_unit(s) == {"UPT Puskesmas Rakumpit": (6, "81.48")}
    # the unit from 'UNIT PELAYANAN : ...', never a sheet's name; the quarter from the first sheet's date range
    assert query(s, "SELECT DISTINCT lokasi, periode FROM fct_ikm").rows() == [("Rakumpit", "2026-Q1")]
    assert "'Data Lengkap'" in out and "Format Permenpan" in out and "Nilai /Unsur" in out


def test_a_half_year_written_as_dates_is_asked_for_never_filed_under_a_month_or_the_decree_year(env, capsys):
    s, put = env
    path = put("skm_laporan_dua_lembar_semester.xlsx")
    assert cli(["load", path]) != 0
    out = capsys.readouterr().out
    assert "--periode" in out and "01 Januari 2026 s/d 30 Juni 2026" in out
    assert _count(s, "fct_ikm") == 0
    assert cli(["load", path, "--periode", "2026-Q1"]) == 0
    assert query(s, "SELECT DISTINCT periode FROM fct_ikm").rows() == [("2026-Q1",)]
    assert _ikm_per_unit(s) == {"UPT Puskesmas Rakumpit": (6, "81.48")}


def test_a_siasn_export_never_takes_a_birth_date_for_the_rosters_as_of_date(env, capsys):
    """SIASN 'data utama' columns (NIP BARU, GOL AKHIR NAMA, JABATAN NAMA, UNOR NAMA, UNOR INDUK NAMA, LOKASI KERJA
    NAMA, TANGGAL LAHIR ...): the roster is as of the day it is loaded (the file names no date), never 1990."""
    s, put = env
    head = ["NIP BARU", "NAMA", "TANGGAL LAHIR", "JENIS KELAMIN", "GOL AKHIR NAMA", "TMT GOLONGAN", "JENIS JABATAN NAMA"]
    head += ["JABATAN NAMA", "LOKASI KERJA NAMA", "UNOR NAMA", "UNOR INDUK NAMA"]
    rows = [
        [N1, "BUDI SANTOSO", "12-03-1985", "M", "III/c", "01-04-2022", "Jabatan Fungsional", "Pranata Komputer Ahli Muda"]
        + ["Kota Jambi", "Bidang Aplikasi Informatika", "Dinas Komunikasi dan Informatika"],
        [N2, "SRI WAHYUNI", "05-01-1990", "F", "III/c", "01-10-2023", "Jabatan Fungsional", "Dokter Ahli Pertama"]
        + ["Kabupaten Merangin", "UPTD Puskesmas Bangko", "Dinas Kesehatan"],
    ]
    path = Path(put("perilaku_berakhlak_0_100.csv")).with_name("siasn_data_utama.csv")
    path.write_text("\n".join(",".join(r) for r in [head, *rows]) + "\n", encoding="utf-8")
    assert cli(["load", str(path)]) == 0
    got = query(s, "SELECT nip, lokasi, opd, golongan, berlaku_dari FROM dim_pegawai_riwayat ORDER BY nip").rows()
    assert [r[:4] for r in got] == [
        (N1, "Jambi", "Dinas Komunikasi dan Informatika", "III/c"),
        (N2, "Bangko", "Dinas Kesehatan", "III/c"),
    ]
    assert all(r[4].year >= 2026 for r in got)


def test_a_period_over_a_month_and_a_year_column_with_the_indicator_beside_its_result(env):
    """An e-Kinerja-style realisation export: 'Bulan' (Januari) and 'Tahun' (2026) apart, 'Rencana Hasil Kerja'
    beside the 'Indikator Kinerja Individu' that measures it (the indicator is the key, not the result)."""
    s, put = env
    roster = Path(put("perilaku_berakhlak_0_100.csv")).with_name("roster.csv")
    roster.write_text(f"NIP,NAMA,OPD,LOKASI\n{N1},BUDI,Dinas Kominfo,Jambi\n{N2},SRI,Dinas Kesehatan,Bangko\n")
    rows = [
        "NIP;Nama;Bulan;Tahun;Rencana Hasil Kerja;Indikator Kinerja Individu;Target;Realisasi;Satuan",
        f"{N1};BUDI;Januari;2026;Layanan aplikasi;Aplikasi dipelihara;4;4;Aplikasi",
        f"{N1};BUDI;Januari;2026;Layanan aplikasi;Gangguan ditangani;10;9;Laporan",
        f"{N1};BUDI;Februari;2026;Layanan aplikasi;Aplikasi dipelihara;4;3;Aplikasi",
        f"{N2};SRI;1;2026;Pelayanan pasien;Pasien dilayani;300;320;Orang",
    ]
    cap = roster.with_name("realisasi_skp.csv")
    cap.write_text("\n".join(rows) + "\n")
    assert cli(["load", str(roster), str(cap)]) == 0
    got = query(s, "SELECT nip, periode, indikator, target, realisasi FROM fct_capaian ORDER BY ALL").rows()
    assert got == [
        (N1, "2026-01", "Aplikasi dipelihara", 4.0, 4.0),
        (N1, "2026-01", "Gangguan ditangani", 10.0, 9.0),
        (N1, "2026-02", "Aplikasi dipelihara", 4.0, 3.0),
        (N2, "2026-01", "Pasien dilayani", 300.0, 320.0),
    ]


# ---- HTML tables saved as '.xls', as PHP applications export them


def test_a_survey_report_saved_as_an_html_xls_reads_its_merged_header_and_drops_its_footers(env, capsys):
    s, put = env
    assert cli(["load", put("skm_responden_html.xls")]) == 0
    out = capsys.readouterr().out
    # by hand: 30 + 27 + 36 + 26 = 119 over 4 x 9 = 36 -> 3.3056 x 25 = 82.64; dates July to September
    assert _ikm_per_unit(s) == {"Disdukcapil Kota Jambi": (4, "82.64")}
    assert query(s, "SELECT DISTINCT lokasi, periode FROM fct_ikm").rows() == [("Jambi", "2026-Q3")]
    assert "Jumlah Nilai" in out and "NRR" in out


def test_a_simpeg_report_saved_as_an_html_xls_is_a_roster(env):
    s, put = env
    assert cli(["load", put("pegawai_laporan_html.xls")]) == 0
    got = query(s, "SELECT nip, lokasi, opd, golongan FROM dim_pegawai ORDER BY nip").rows()
    assert got == [
        (N3, "Jambi", "Dinas Kesehatan", "III/d"),
        (N1, "Jambi", "Dinas Komunikasi dan Informatika", "III/c"),
        (N2, "Jambi", "Dinas Kesehatan", "III/b"),
    ]
