"""Regulation rules, table-driven, through the real pipeline and marts (domain.md sections 3 and 4)."""

from __future__ import annotations

import pytest

from pipelines.load.transaction import load_files
from tests.conftest import make_settings
from tests.helpers import NIPS, csv, pegawai, query

MATRIX = [
    ("Di Atas", "Di Bawah", "Kurang/Misconduct"),
    ("Di Atas", "Sesuai", "Baik"),
    ("Di Atas", "Di Atas", "Sangat Baik"),
    ("Sesuai", "Di Bawah", "Kurang/Misconduct"),
    ("Sesuai", "Sesuai", "Baik"),
    ("Sesuai", "Di Atas", "Baik"),
    ("Di Bawah", "Di Bawah", "Sangat Kurang"),
    ("Di Bawah", "Sesuai", "Butuh Perbaikan"),
    ("Di Bawah", "Di Atas", "Butuh Perbaikan"),
]


def test_predikat_matrix_from_official_ratings(tmp_path):
    s = make_settings(tmp_path)
    ev = csv(
        [
            {
                "NIP": NIPS[i],
                "Periode": "2026-01",
                "Hasil Kerja": h.upper() + " EKSPEKTASI",
                "Perilaku Kerja": p.lower().replace(" ", ""),
                "Predikat": "",
            }
            for i, (h, p, _) in enumerate(MATRIX)
        ]
    )
    report = load_files([("pegawai.csv", pegawai()), ("evaluasi.csv", ev)], s)
    assert report.exit_code == 0, report.rejects
    got = query(s, "SELECT nip, predikat, sumber_predikat FROM fct_kinerja ORDER BY nip")
    expected = {NIPS[i]: m[2] for i, m in enumerate(MATRIX)}
    assert dict(zip(got["nip"], got["predikat"], strict=True)) == expected
    assert set(got["sumber_predikat"]) == {"resmi"}


def _capaian(rows):
    return csv(
        [
            {
                "NIP": NIPS[0],
                "Periode": "2026-01",
                "Indikator": f"I{i}",
                "Target": t,
                "Realisasi": r,
                "Bobot": w,
                "Arah": a,
                "Aspek": asp,
                "Rezim": rz,
            }
            for i, (t, r, w, a, asp, rz) in enumerate(rows)
        ]
    )


@pytest.mark.parametrize(
    ("row", "capaian"),
    [
        (("10", "12", "100", "naik", "", ""), 120.0),
        (("10", "15", "100", "naik", "", ""), 120.0),  # capped at 120
        (("10", "8", "100", "naik", "", ""), 80.0),
        (("4", "5", "100", "turun", "", ""), 80.0),  # lower is better: target/realisasi
        (("4", "2", "100", "turun", "", ""), 120.0),  # 200 capped
        (("4", "0", "100", "turun", "", ""), 120.0),  # zero realisation on lower-is-better: cap
        (("12", "12", "100", "", "waktu", "PP 46/2011"), 76.0),  # Perka BKN 1/2013: efficiency 0 -> 76
        (("12", "10", "100", "", "waktu", "PP 46/2011"), (1.76 * 12 - 10) / 12 * 100),  # efficiency 16.7 <= 24
        (("12", "9", "100", "", "waktu", "PP 46/2011"), 76 - ((1.76 * 12 - 9) / 12 * 100 - 100)),  # efficiency 25 > 24: 75
        (("12", "0", "100", "", "biaya", "PP 46/2011"), 0.0),  # not done scores 0
    ],
)
def test_capaian_per_indicator(tmp_path, row, capaian):
    s = make_settings(tmp_path)
    report = load_files([("pegawai.csv", pegawai()), ("capaian.csv", _capaian([row]))], s)
    assert report.exit_code == 0, report.rejects
    got = query(s, "SELECT capaian FROM fct_capaian")["capaian"][0]
    assert got == pytest.approx(capaian, abs=1e-9)


def test_weighted_hasil_kerja(tmp_path):
    s = make_settings(tmp_path)
    rows = [("10", "11", "60", "naik", "", ""), ("10", "7", "40", "naik", "", "")]
    load_files([("pegawai.csv", pegawai()), ("capaian.csv", _capaian(rows))], s)
    assert query(s, "SELECT hasil_kerja FROM fct_kinerja").item() == pytest.approx(0.6 * 110 + 0.4 * 70)


def _perilaku(nip, score, roles=("atasan",)):
    vals = ["Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif", "Kolaboratif"]
    return [{"NIP": nip, "Periode": "2026-01", "Peran Penilai": r, **{v: score for v in vals}} for r in roles]


@pytest.mark.parametrize(
    ("hasil_real", "perilaku", "roles", "inovasi", "nilai", "predikat"),
    [
        ("11.5", 100, ("atasan",), "Ya", 0.7 * 115 + 0.3 * 100, "Sangat Baik"),
        ("11.5", 100, ("atasan",), "Tidak", 0.7 * 115 + 0.3 * 100, "Baik"),  # 110+ without innovation is Baik
        ("9", 90, ("atasan",), "", 0.7 * 90 + 0.3 * 90, "Baik"),
        ("8", 80, ("atasan", "rekan"), "", 0.6 * 80 + 0.4 * (0.5 * 80 + 0.2 * 80) / 0.7, "Cukup"),  # 360: 60/40
        ("6", 60, ("atasan",), "", 0.7 * 60 + 0.3 * 60, "Kurang"),
        ("4", 40, ("atasan",), "", 0.7 * 40 + 0.3 * 40, "Sangat Kurang"),
    ],
)
def test_pp30_nilai_and_predikat(tmp_path, hasil_real, perilaku, roles, inovasi, nilai, predikat):
    s = make_settings(tmp_path)
    cap = _capaian([("10", hasil_real, "100", "naik", "", "PP 30/2019")])
    beh = csv(_perilaku(NIPS[0], perilaku, roles))
    files = [("pegawai.csv", pegawai()), ("capaian.csv", cap), ("perilaku.csv", beh)]
    if inovasi:
        files.append(
            (
                "evaluasi.csv",
                csv(
                    [
                        {
                            "NIP": NIPS[0],
                            "Periode": "2026-01",
                            "Hasil Kerja": "Sesuai",
                            "Perilaku Kerja": "Sesuai",
                            "Inovasi": inovasi,
                        }
                    ]
                ),
            )
        )
    assert load_files(files, s).exit_code == 0
    row = query(s, "SELECT nilai_pp30, predikat_pp30 FROM fct_kinerja").row(0)
    assert row[0] == pytest.approx(nilai)
    assert row[1] == predikat


@pytest.mark.parametrize(
    ("hasil_real", "perilaku", "predikat"),
    [
        ("5", 50, "Buruk"),
        ("6", 60, "Kurang"),
        ("7.5", 75, "Cukup"),
        ("9", 90, "Baik"),
        ("9.1", 91, "Sangat Baik"),
    ],
)
def test_pp46_bands_inclusive_upper_edges(tmp_path, hasil_real, perilaku, predikat):
    s = make_settings(tmp_path)
    cap = _capaian([("10", hasil_real, "100", "naik", "kuantitas", "PP 46/2011")])
    load_files([("pegawai.csv", pegawai()), ("capaian.csv", cap), ("perilaku.csv", csv(_perilaku(NIPS[0], perilaku)))], s)
    assert query(s, "SELECT predikat_pp46 FROM fct_kinerja").item() == predikat


def _skm(answers: list[list[int]], unit: str = "Disdukcapil Kota Jambi") -> bytes:
    names = [
        "Persyaratan",
        "Prosedur",
        "Waktu Penyelesaian",
        "Biaya/Tarif",
        "Produk",
        "Kompetensi Pelaksana",
        "Perilaku Pelaksana",
        "Penanganan Pengaduan",
        "Sarana dan Prasarana",
    ]
    return csv(
        [
            {
                "Unit Layanan": unit,
                "Lokasi": "Kota Jambi",
                "Tanggal": "15/02/2026",
                **{f"U{i + 1} {n}": a[i] for i, n in enumerate(names)},
            }
            for a in answers
        ]
    )


def test_ikm_half_up_at_a_grade_edge(tmp_path):
    # 5000 respondents whose answers total 158949: konversi = 25 x 158949 / 45000 = 88.305 exactly,
    # half-up -> 88.31 -> A. Float rounding (banker's or binary) would give 88.30 -> B.
    s = make_settings(tmp_path)
    total, n = 158949, 5000
    answers = [[4] * 9 for _ in range(n)]
    deficit = 36 * n - total
    i = 0
    while deficit > 0:
        for j in range(9):
            if deficit and answers[i][j] > 1:
                step = min(3, deficit, answers[i][j] - 1)
                answers[i][j] -= step
                deficit -= step
        i += 1
    assert sum(map(sum, answers)) == total
    assert load_files([("skm.csv", _skm(answers))], s).exit_code == 0
    row = query(s, "SELECT ikm_konversi, mutu, n_responden FROM fct_ikm").row(0)
    assert row == (pytest.approx(88.31), "A", 5000)


@pytest.mark.parametrize(
    ("answer", "konversi", "mutu"),
    [
        ([4] * 9, 100.0, "A"),
        ([3] * 9, 75.0, "C"),
        ([2] * 9, 50.0, "D"),
        ([4, 4, 4, 4, 3, 3, 3, 3, 3], 86.11, "B"),  # 25 x 31/9 = 86.111...
    ],
)
def test_ikm_grades(tmp_path, answer, konversi, mutu):
    s = make_settings(tmp_path)
    load_files([("skm.csv", _skm([answer] * 3))], s)
    row = query(s, "SELECT ikm_konversi, mutu, sampel_kecil FROM fct_ikm").row(0)
    assert row == (pytest.approx(konversi), mutu, True)


def test_ikm_legacy_weights_only_when_asked(tmp_path):
    answer = [[4, 4, 4, 4, 3, 3, 3, 3, 3]] * 4
    exact, legacy = make_settings(tmp_path / "a"), make_settings(tmp_path / "b", **{"skm.weights": "legacy_0111"})
    for s in (exact, legacy):
        load_files([("skm.csv", _skm(answer))], s)
    assert query(exact, "SELECT ikm_konversi FROM fct_ikm").item() == pytest.approx(86.11)
    assert query(legacy, "SELECT ikm_konversi FROM fct_ikm").item() == pytest.approx(86.03)  # 31 x 0.111 x 25


def test_distribution_curve_flags_baik_unit_without_butuh_perbaikan(tmp_path):
    s = make_settings(tmp_path)
    ev = csv(
        [
            {
                "NIP": nip,
                "Periode": "2026-01",
                "Hasil Kerja": "Sesuai",
                "Perilaku Kerja": "Sesuai",
                "Predikat": "Baik",
                "Predikat Organisasi": "Baik",
            }
            for nip in NIPS
        ]
    )
    load_files([("pegawai.csv", pegawai()), ("evaluasi.csv", ev)], s)
    row = query(s, "SELECT melanggar, pelanggaran FROM fct_distribusi").row(0)
    assert row[0] is True
    assert set(row[1]) == {"maks_baik", "min_butuh_atau_kurang"}


def test_each_regimes_words_carry_the_ordinal_of_their_rank():
    """The 1-5 ordinal table the marts join (PREDIKAT_ORDER) agrees with each regime's order, best = 5."""
    from domain.appraisal import PREDIKAT_BY_REGIME, PREDIKAT_ORDER

    ordinal = {word: o for word, _rank, o in PREDIKAT_ORDER}
    for words in PREDIKAT_BY_REGIME.values():
        assert [ordinal[w] for w in words] == [5, 4, 3, 2, 1]


def test_a_pp30_period_scores_by_the_pp30_predikat(tmp_path):
    """A PP 30/2019 'Baik' without innovation is 4 even where the 6/2022 matrix would say Sangat Baik (5)."""
    s = make_settings(tmp_path)
    cap = _capaian([("10", "12", "100", "naik", "", "PP 30/2019")])  # hasil kerja 120: Di Atas Ekspektasi
    beh = csv(_perilaku(NIPS[0], 95))  # Di Atas Ekspektasi: the 6/2022 matrix says Sangat Baik
    report = load_files([("pegawai.csv", pegawai(NIPS[:1])), ("capaian.csv", cap), ("perilaku.csv", beh)], s)
    assert report.exit_code == 0, report.summary()
    got = query(s, "SELECT predikat, predikat_pp30, skor_ordinal FROM fct_kinerja").row(0)
    assert got == ("Sangat Baik", "Baik", 4)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Periode: 01 Januari 2026 s/d 31 Maret 2026", "2026-Q1"),
        ("April 2026 - Juni 2026", "2026-Q2"),
        ("1 Maret 2026 sampai 31 Maret 2026", "2026-03"),
        ("Januari - Desember 2026", "2026"),
        ("01 Januari 2026 s/d 30 Juni 2026", None),  # a half year: asked for, never filed under January
        ("Oktober 2025 s.d. Maret 2026", None),
        ("Laporan Januari 2026, dicetak 5 Februari 2026", "2026-01"),  # two months, no range: the first
    ],
)
def test_a_period_written_as_a_range_of_dates_is_the_month_quarter_or_year_it_covers(text, key):
    from domain.periods import key_from_words

    assert key_from_words(text, 2026) == key
