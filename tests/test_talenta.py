"""The nine-box rule (PermenPANRB 3/2020, settings [talenta]) table-driven on a warehouse built from literal files:
every threshold edge on both axes, a category without a score, no assessment (no box), sanctions inside and
outside the window, kinerja over two years, an annual predikat beside periodic ones. Expected values are worked
out by hand from the default settings (sesuai from 60, di atas from 80; menengah from 60, tinggi from 80; Sangat
Baik 100, Baik 75, Butuh Perbaikan 50)."""

from __future__ import annotations

import pytest

from pipelines.load.transaction import load_files
from tests.conftest import make_settings
from tests.helpers import csv, query

NIP = [f"198001012005{m:02d}1{i:03d}" for i, m in enumerate(range(1, 13), 1)] + ["198001022005011013"]
SB, B, BP = "Sangat Baik", "Baik", "Butuh Perbaikan"

# nip index -> ({year: predikat per month}, assessment (date, score, category) or None, sanction (level, date) or None)
CASES = {
    0: ({2026: [B, B]}, ("01/03/2026", "80", ""), None),
    1: ({2026: [B]}, ("01/03/2026", "79,9", ""), None),
    2: ({2026: [B]}, ("01/03/2026", "60", ""), None),
    3: ({2026: [B]}, ("01/03/2026", "59,9", ""), None),
    4: ({2026: [SB, B, B, B, B]}, ("01/03/2026", "60", ""), None),
    5: ({2026: [B, BP, BP, B, BP]}, ("01/03/2026", "90", ""), None),
    6: ({2026: [BP, BP]}, ("01/03/2026", "", "Tinggi"), None),
    7: ({2026: [SB]}, None, None),
    8: ({2026: [SB]}, ("01/03/2026", "85", ""), ("Sedang", "01/03/2025")),
    9: ({2026: [SB]}, ("01/03/2026", "85", ""), ("Ringan", "05/01/2026")),
    10: ({2025: [SB, SB], 2026: [BP]}, ("01/06/2025", "85", ""), None),
    11: ({2026: [SB]}, ("01/03/2026", "85", ""), ("Berat", "01/06/2024")),
}
# nip index -> (nilai kinerja, kinerja level, potensial level, box, in the succession pool) in 2026
EXPECTED_2026 = {
    0: (75.0, "sesuai", "tinggi", 8, True),
    1: (75.0, "sesuai", "menengah", 5, False),
    2: (75.0, "sesuai", "menengah", 5, False),
    3: (75.0, "sesuai", "rendah", 2, False),
    4: (80.0, "di_atas", "menengah", 7, True),
    5: (60.0, "sesuai", "tinggi", 8, True),
    6: (50.0, "di_bawah", "tinggi", 6, False),
    7: (100.0, "di_atas", None, None, False),
    8: (100.0, "di_atas", "tinggi", 9, False),  # a medium sanction in 2025: out of the pool
    9: (100.0, "di_atas", "tinggi", 9, True),  # a light one does not exclude
    10: (75.0, "sesuai", "tinggi", 8, True),  # (2025: 100, 2026: 50) / 2
    11: (100.0, "di_atas", "tinggi", 9, True),  # a heavy sanction in 2024 is outside the two years
    12: (100.0, "di_atas", "tinggi", 9, True),  # the annual Sangat Baik is the year's, not the mean with the months
}


@pytest.fixture(scope="module")
def wh(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ninebox")
    monthly = make_settings(tmp)
    annual = make_settings(tmp, **{"periode.granularity": "tahunan"})
    roster = csv([{"NIP": n, "Nama": f"P{i}", "Lokasi": "Jambi", "Perangkat Daerah": "Disdukcapil"} for i, n in enumerate(NIP)])
    evals, asesmen, sanksi = [], [], []
    for i, (years, test, sanction) in CASES.items():
        for year, preds in years.items():
            evals += [{"NIP": NIP[i], "Periode": f"{year}-{m:02d}", "Predikat": p} for m, p in enumerate(preds, 1)]
        if test:
            asesmen.append({"NIP": NIP[i], "Tanggal Asesmen": test[0], "JPM (%)": test[1], "Kategori Potensi": test[2]})
        if sanction:
            sanksi.append({"NIP": NIP[i], "Tingkat Hukuman": sanction[0], "TMT Hukuman": sanction[1]})
    evals += [{"NIP": NIP[12], "Periode": f"2026-{m:02d}", "Predikat": BP} for m in (1, 2)]
    asesmen.append({"NIP": NIP[12], "Tanggal Asesmen": "01/03/2026", "JPM (%)": "85", "Kategori Potensi": ""})
    files = [("pegawai.csv", roster), ("evaluasi.csv", csv(evals)), ("asesmen.csv", csv(asesmen)), ("sanksi.csv", csv(sanksi))]
    report = load_files(files, monthly)
    assert report.exit_code == 0 and report.rejects.is_empty(), report.rejects
    yearly = csv([{"NIP": NIP[12], "Periode": "2026", "Predikat": SB}])
    report = load_files([("evaluasi_tahunan.csv", yearly)], annual)
    assert report.exit_code == 0 and report.rejects.is_empty(), report.rejects
    return annual


@pytest.mark.parametrize("i", sorted(EXPECTED_2026))
def test_nine_box_of_each_case_in_2026(wh, i):
    got = query(
        wh,
        "SELECT nilai_kinerja, kinerja_level, potensial_level, kotak, kelompok_suksesi FROM fct_talenta "
        "WHERE nip = $nip AND tahun = '2026'",
        {"nip": NIP[i]},
    ).rows()
    assert len(got) == 1
    (nilai, kinerja, potensial, kotak, pool) = got[0]
    e = EXPECTED_2026[i]
    assert (round(nilai, 6), kinerja, potensial, kotak, pool) == e


def test_the_year_before_uses_only_what_was_known_then(wh):
    # case 10 in 2025: two Sangat Baik months (100) and the June 2025 assessment (85): box 9
    got = query(wh, "SELECT nilai_kinerja, kotak FROM fct_talenta WHERE nip = $n AND tahun = '2025'", {"n": NIP[10]}).rows()
    assert got == [(100.0, 9)]


def test_sanctioned_people_are_candidates_with_the_sanction_stated(wh):
    got = query(wh, "SELECT nip, tingkat_hukuman FROM fct_talenta WHERE calon_suksesi AND NOT kelompok_suksesi").rows()
    assert got == [(NIP[8], "sedang")]


def test_grain_one_row_per_employee_and_year(wh):
    dup = query(wh, "SELECT nip, tahun, count(*) AS n FROM fct_talenta GROUP BY ALL HAVING n > 1")
    assert dup.is_empty()


def test_a_status_excuses_exactly_the_periods_it_overlaps(tmp_path):
    """CLTN from 1 February excuses February, not January; study leave ending 31 January excuses January, not
    February; annual leave never excuses."""
    s = make_settings(tmp_path)
    roster = csv(
        [{"NIP": n, "Nama": f"P{i}", "Lokasi": "Jambi", "Perangkat Daerah": "Disdukcapil"} for i, n in enumerate(NIP[:2])]
    )
    evals = csv([{"NIP": NIP[i], "Periode": p, "Predikat": B} for i in (0, 1) for p in ("2026-01", "2026-02")])
    status = csv(
        [
            {"NIP": NIP[0], "Jenis Cuti": "Cuti di Luar Tanggungan Negara", "Tanggal Mulai": "01/02/2026", "Tanggal Selesai": ""},
            {"NIP": NIP[0], "Jenis Cuti": "Cuti Tahunan", "Tanggal Mulai": "05/01/2026", "Tanggal Selesai": "09/01/2026"},
            {"NIP": NIP[1], "Jenis Cuti": "Tugas Belajar", "Tanggal Mulai": "01/09/2024", "Tanggal Selesai": "31/01/2026"},
        ]
    )
    report = load_files([("pegawai.csv", roster), ("evaluasi.csv", evals), ("status.csv", status)], s)
    assert report.exit_code == 0 and report.rejects.is_empty(), report.rejects
    got = query(s, "SELECT periode, nip, dikecualikan, alasan_pengecualian FROM fct_kepatuhan ORDER BY periode, nip").rows()
    assert got == [
        ("2026-01", NIP[0], False, None),
        ("2026-01", NIP[1], True, "tugas_belajar"),
        ("2026-02", NIP[0], True, "cltn"),
        ("2026-02", NIP[1], False, None),
    ]


def test_compliance_counts_an_skp_realised_only_above_zero(tmp_path):
    """e-Kinerja exports a realisation of zero until it is filled in: an SKP whose indicators are all at zero is an
    SKP without realisasi; one indicator above zero realises it; an official evaluation alone counts as both; an
    employee on the roster with neither has no SKP."""
    s = make_settings(tmp_path)
    roster = csv(
        [{"NIP": n, "Nama": f"P{i}", "Lokasi": "Jambi", "Perangkat Daerah": "Disdukcapil"} for i, n in enumerate(NIP[:4])]
    )
    rows = [
        {"NIP": NIP[0], "Periode": "2026-01", "Indikator": "Layanan", "Target": "10", "Realisasi": "0", "Bobot": "60"},
        {"NIP": NIP[0], "Periode": "2026-01", "Indikator": "Laporan", "Target": "4", "Realisasi": "0", "Bobot": "40"},
        {"NIP": NIP[1], "Periode": "2026-01", "Indikator": "Layanan", "Target": "10", "Realisasi": "0", "Bobot": "60"},
        {"NIP": NIP[1], "Periode": "2026-01", "Indikator": "Laporan", "Target": "4", "Realisasi": "3", "Bobot": "40"},
    ]
    evals = csv([{"NIP": NIP[2], "Periode": "2026-01", "Predikat": B}])
    report = load_files([("pegawai.csv", roster), ("capaian.csv", csv(rows)), ("evaluasi.csv", evals)], s)
    assert report.exit_code == 0 and report.rejects.is_empty(), report.rejects
    got = query(s, "SELECT nip, ada_skp, ada_realisasi, ada_rating FROM fct_kepatuhan ORDER BY nip").rows()
    assert got == [
        (NIP[0], True, False, False),
        (NIP[1], True, True, False),
        (NIP[2], True, True, True),
        (NIP[3], False, False, False),
    ]
