"""Writes the corpus files beside this script, as offices' applications and hand-made workbooks lay them out.

Run once (`uv run python tests/data/corpus/make_corpus.py`); the files are committed, so the tests read bytes,
not this script. Every value is written here by hand (no random numbers) so the expected values in
tests/test_corpus.py can be worked out by hand from this listing. README.md names each layout's source.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

HERE = Path(__file__).parent

# Valid PNS NIPs (birth date, TMT CPNS, sex, sequence).
N1, N2, N3, N4 = "198503122010011001", "199001052015032002", "197811202005011003", "198807142012122004"
N5, N6, N7, N8 = "199205302019031005", "198112082008012006", "197603152000031007", "199409222020122008"


def spaced(nip: str) -> str:
    """A NIP as printed: '19850312 201001 1 001'."""
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


def save(wb: openpyxl.Workbook, name: str) -> None:
    wb.save(HERE / name)


def text(name: str, rows: list[list[str]], sep: str = ",", encoding: str = "utf-8") -> None:
    def cell(v: str) -> str:
        v = str(v)
        return f'"{v}"' if (sep in v or '"' in v) else v

    (HERE / name).write_bytes(("\r\n".join(sep.join(cell(c) for c in r) for r in rows) + "\r\n").encode(encoding))


def merge(ws, r1: int, c1: int, r2: int, c2: int) -> None:
    ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)


# ---------------------------------------------------------------- rosters


def duk_rakumpit() -> None:
    """A DUK (daftar urut kepangkatan): titles, a two-row merged header (PANGKAT / JABATAN groups whose
    sub-headers repeat 'NAMA' and 'TMT'), column numbers, a signature block."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DUK 2026"
    ws["A1"] = "DAFTAR URUT KEPANGKATAN PEGAWAI NEGERI SIPIL"
    ws["A2"] = "UNIT KERJA : KECAMATAN RAKUMPIT"
    ws["A3"] = "PEMERINTAH KOTA PALANGKA RAYA"
    ws["A4"] = "KEADAAN : 1 JANUARI 2026"
    top = ["NO", "NAMA", "NIP", "PANGKAT", None, "JABATAN", None, "MASA KERJA", None, "PENDIDIKAN", "KET"]
    sub = [None, None, None, "GOL/RUANG", "TMT", "NAMA", "TMT", "THN", "BLN", None, None]
    for c, (a, b) in enumerate(zip(top, sub, strict=True), 1):
        ws.cell(6, c, a)
        ws.cell(7, c, b)
    for c in (1, 2, 3, 10, 11):
        merge(ws, 6, c, 7, c)
    merge(ws, 6, 4, 6, 5)
    merge(ws, 6, 6, 6, 7)
    merge(ws, 6, 8, 6, 9)
    for c in range(1, 12):
        ws.cell(8, c, c)
    people = [
        (N7, "Drs. SUPRIYANTO", "III/d", "01-04-2018", "Camat Rakumpit", "02-01-2023", 25, 9, "S1"),
        (N3, "HENDRA GUNAWAN, S.Sos", "III/c", "01-10-2019", "Sekretaris Camat", "15-03-2022", 20, 11, "S1"),
        (N6, "RATNA SARI, SE", "III/b", "01-04-2020", "Kepala Seksi Pemerintahan", "01-07-2021", 17, 11, "S1"),
        (N1, "YOHANES ANDI", "III/a", "01-04-2021", "Pengadministrasi Perkantoran", "01-01-2020", 16, 0, "D3"),
        (N4, "MARIA ULFA", "II/c", "01-10-2022", "Pengelola Layanan Operasional", "01-01-2021", 13, 0, "SMA"),
    ]
    for i, (nip, nama, gol, tmt, jab, tmtj, thn, bln, pend) in enumerate(people):
        ws.append([i + 1, nama, spaced(nip), gol, tmt, jab, tmtj, thn, bln, pend, None])
    ws.append([])
    ws.cell(16, 9, "Rakumpit, 2 Januari 2026")
    ws.cell(17, 9, "CAMAT RAKUMPIT")
    ws.cell(20, 9, "Drs. SUPRIYANTO")
    ws.cell(21, 9, f"NIP. {spaced(N7)}")
    save(wb, "duk_kecamatan_rakumpit.xlsx")


def simpeg_pangkat_text() -> None:
    """A SIMPEG export: semicolons, NIPs printed with spaces, golongan inside the pangkat text."""
    rows = [
        ["No", "NIP", "Nama Lengkap", "Pangkat/Gol", "Jabatan", "Unit Kerja", "Perangkat Daerah", "Instansi"],
        [
            "1",
            spaced(N2),
            "SITI AMINAH, S.Kep",
            "Penata Muda Tk. I (III/b)",
            "Perawat Ahli Pertama",
            "Puskesmas Bangko",
            "Dinas Kesehatan",
            "Pemerintah Kabupaten Merangin",
        ],
        [
            "2",
            spaced(N5),
            "ARIF RAHMAN",
            "Pengatur (II/c)",
            "Pengelola Data",
            "Puskesmas Bangko",
            "Dinas Kesehatan",
            "Pemerintah Kabupaten Merangin",
        ],
        [
            "3",
            spaced(N8),
            "DEWI LESTARI, S.Farm",
            "Penata Muda (III/a)",
            "Apoteker Ahli Pertama",
            "Puskesmas Bangko",
            "Dinas Kesehatan",
            "Pemerintah Kabupaten Merangin",
        ],
        [
            "4",
            spaced(N6),
            "RATNA SARI, SE",
            "Pembina (IV/a)",
            "Kepala Puskesmas",
            "Puskesmas Bangko",
            "Dinas Kesehatan",
            "Pemerintah Kabupaten Merangin",
        ],
    ]
    text("simpeg_export_pegawai_pangkat.csv", rows, sep=";")


def roster_unusual_nip_header() -> None:
    """A hand-kept list whose NIP column is headed 'Nomor Pegawai' (no vocabulary names it; its values do)."""
    rows = [
        ["No", "Nama", "Nomor Pegawai", "Pangkat / Gol. Ruang", "Jabatan", "OPD", "Lokasi"],
        ["1", "BUDI SANTOSO", N1, "Penata Muda (III/a)", "Analis Kebijakan", "Dinas Sosial", "Kota Jambi"],
        ["2", "SRI WAHYUNI", N2, "Penata Muda Tk. I (III/b)", "Pengelola Keuangan", "Dinas Sosial", "Kota Jambi"],
        ["3", "AGUS SALIM", N3, "Penata (III/c)", "Penguji Kendaraan", "Dinas Sosial", "Kota Jambi"],
    ]
    text("pegawai_kolom_nomor_pegawai.csv", rows)


def roster_per_opd_sheets() -> None:
    """One sheet per OPD, the OPD only in the sheet name; an instruction sheet first."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Petunjuk"
    ws["A1"] = "Isi satu lembar per perangkat daerah. Jangan ubah judul kolom."
    ws["A2"] = "Kolom NIP diisi 18 digit tanpa spasi."
    for sheet, people in (
        ("Dinas Sosial", [(N1, "BUDI SANTOSO", "III/a"), (N2, "SRI WAHYUNI", "III/b")]),
        ("Dinas Perhubungan", [(N3, "AGUS SALIM", "III/c"), (N4, "NUR HASANAH", "II/c"), (N5, "RIZKI PRATAMA", "II/a")]),
    ):
        s = wb.create_sheet(sheet)
        s.append(["DATA PEGAWAI PEMERINTAH KOTA JAMBI"])
        s.append([])
        s.append(["NIP", "NAMA", "GOL", "JABATAN"])
        for nip, nama, gol in people:
            s.append([nip, nama, gol, "Pelaksana"])
    save(wb, "data_pegawai_per_opd.xlsx")


# ---------------------------------------------------------------- BerAKHLAK 360 recap (1-10, 0 = not rated)

BERAKHLAK_HEADERS = ["Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif", "Kolaboratif"]
RATED = {  # sheet -> nip -> seven scores on 1-10 (0 = not rated)
    "PENILAIAN ATASAN": {N1: [8, 7, 9, 8, 10, 7, 8], N2: [6, 6, 7, 7, 8, 6, 7], N3: [9, 9, 9, 9, 9, 9, 9]},
    "PENILAIAN REKAN KERJA": {N1: [7, 7, 8, 9, 9, 8, 8], N2: [0, 0, 0, 0, 0, 0, 0], N3: [8, 8, 7, 9, 9, 8, 9]},
}


def berakhlak_360() -> None:
    """A BerAKHLAK 360 recap: instructions, one sheet per rater group, and a summary sheet of averages."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PETUNJUK"
    ws["A1"] = "PETUNJUK PENGISIAN PENILAIAN PERILAKU BerAKHLAK 360 DERAJAT"
    ws["A2"] = "1. Beri nilai 1 sampai 10 untuk setiap nilai dasar."
    ws["A3"] = "2. Isi 0 bila tidak menilai."
    names = {N1: "BUDI SANTOSO", N2: "SRI WAHYUNI", N3: "AGUS SALIM"}
    for sheet, scores in RATED.items():
        s = wb.create_sheet(sheet)
        s.append([f"{sheet} - BULAN JUNI 2026"])
        s.append(["OPD : Dinas Sosial Kota Jambi"])
        s.append([])
        s.append(["NO", "NIP", "NAMA", *BERAKHLAK_HEADERS, "RATA-RATA"])
        for i, (nip, v) in enumerate(scores.items(), 1):
            s.append([i, nip, names[nip], *v, round(sum(v) / 7, 2)])
    rek = wb.create_sheet("REKAP")
    rek.append(["REKAPITULASI NILAI PERILAKU BerAKHLAK"])
    rek.append(["NIP", "NAMA", "JABATAN", *BERAKHLAK_HEADERS, "NILAI AKHIR"])
    for nip in names:
        rated = [RATED[s][nip] for s in RATED if any(RATED[s][nip])]
        avg = [round(sum(r[i] for r in rated) / len(rated), 2) for i in range(7)]
        rek.append([nip, names[nip], "Pelaksana", *avg, round(sum(avg) / 7, 2)])
    save(wb, "berakhlak_360_rekap.xlsx")


def perilaku_0_100() -> None:
    """Our own behaviour layout on 0-100, rater role named per row."""
    rows = [
        ["NIP", "Periode", "Peran Penilai", *BERAKHLAK_HEADERS],
        [N1, "2026-06", "Atasan", "85", "80", "90", "85", "95", "80", "85"],
        [N2, "2026-06", "Atasan", "70", "72", "75", "74", "80", "70", "71"],
        [N3, "2026-06", "Rekan kerja", "88", "90", "86", "92", "94", "85", "90"],
    ]
    text("perilaku_berakhlak_0_100.csv", rows)


# ---------------------------------------------------------------- capaian and evaluasi


def ekinerja_iki() -> None:
    """Indicators under 'Indikator Kinerja Individu', a title block and an 'Jumlah' footer."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Capaian IKI"
    ws["A1"] = "CAPAIAN INDIKATOR KINERJA INDIVIDU"
    ws["A2"] = "Periode : Mei 2026"
    ws.append([])
    ws.append(["No", "NIP", "Nama", "Indikator Kinerja Individu", "Satuan", "Target", "Realisasi", "Bobot (%)"])
    data = [
        (N1, "BUDI SANTOSO", "Jumlah dokumen kependudukan diterbitkan", "dokumen", 120, 132, 60),
        (N1, "BUDI SANTOSO", "Persentase pengaduan ditindaklanjuti", "%", 90, 85, 40),
        (N2, "SRI WAHYUNI", "Jumlah laporan keuangan disusun", "laporan", 4, 4, 100),
    ]
    for i, r in enumerate(data, 1):
        ws.append([i, *r])
    ws.append(["Jumlah", None, None, None, None, 214, 221, 200])
    save(wb, "ekinerja_capaian_iki.xlsx")


def skp_rhk() -> None:
    """An SKP worksheet flattened: 'Rencana Hasil Kerja', 'Target Kuantitas', 'Realisasi Kuantitas', month names."""
    rows = [
        ["NIP Pegawai", "Nama Pegawai", "Bulan", "Rencana Hasil Kerja", "Target Kuantitas", "Realisasi Kuantitas", "Satuan"],
        [N3, "AGUS SALIM", "Mei 2026", "Terlaksananya uji kendaraan bermotor", "250", "262", "kendaraan"],
        [N3, "AGUS SALIM", "Mei 2026", "Tersusunnya laporan bulanan", "1", "1", "laporan"],
        [N4, "NUR HASANAH", "Mei 2026", "Terlayaninya izin trayek", "40", "31", "izin"],
    ]
    text("skp_rencana_hasil_kerja.csv", rows)


def predikat_bulanan() -> None:
    """A unit's monthly predikat list with its totals under the table."""
    rows = [
        ["NIP", "Nama", "Bulan Penilaian", "Hasil Kerja", "Perilaku Kerja", "Predikat Kinerja"],
        [N1, "BUDI SANTOSO", "Mei 2026", "Diatas Ekspektasi", "Diatas Ekspektasi", "Sangat Baik"],
        [N2, "SRI WAHYUNI", "Mei 2026", "Sesuai Ekspektasi", "Sesuai Ekspektasi", "Baik"],
        [N3, "AGUS SALIM", "Mei 2026", "Dibawah Ekspektasi", "Sesuai Ekspektasi", "Butuh Perbaikan"],
        [],
        ["Jumlah pegawai: 3"],
    ]
    text("predikat_kinerja_bulanan.csv", rows)


def pp46_nominatif() -> None:
    """A PP 46/2011 'penilaian prestasi kerja' nominatif: nilai SKP, six aspects, nilai prestasi, sebutan."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Nominatif PPK 2019"
    ws["A1"] = "DAFTAR NOMINATIF PENILAIAN PRESTASI KERJA PNS TAHUN 2019"
    top = [
        "NO",
        "NIP",
        "NAMA",
        "NILAI SKP",
        "PERILAKU KERJA",
        None,
        None,
        None,
        None,
        None,
        "NILAI PERILAKU",
        "NILAI PRESTASI KERJA",
        "SEBUTAN",
    ]
    sub = [
        None,
        None,
        None,
        None,
        "ORIENTASI PELAYANAN",
        "INTEGRITAS",
        "KOMITMEN",
        "DISIPLIN",
        "KERJA SAMA",
        "KEPEMIMPINAN",
        None,
        None,
        None,
    ]
    for c, (a, b) in enumerate(zip(top, sub, strict=True), 1):
        ws.cell(3, c, a)
        ws.cell(4, c, b)
    merge(ws, 3, 5, 3, 10)
    rows = [
        (N7, "Drs. SUPRIYANTO", 85.5, 80, 82, 81, 79, 80, 78, 80.0, 83.3, "Baik"),
        (N3, "HENDRA GUNAWAN", 91.2, 90, 92, 91, 93, 90, None, 91.2, 91.2, "Sangat Baik"),
        (N6, "RATNA SARI", 76.0, 75, 76, 74, 75, 76, None, 75.2, 75.68, "Baik"),
    ]
    for i, r in enumerate(rows, 1):
        ws.append([i, *r])
    save(wb, "pp46_nominatif_prestasi_kerja.xlsx")


# ---------------------------------------------------------------- SKM

UNITS = {  # sheet -> rows of (jenis kelamin code, umur, pendidikan code, pekerjaan code, nine answers)
    "PKM Rakumpit": [
        (1, 35, 3, 2, [3, 3, 3, 3, 3, 3, 3, 3, 3]),
        (2, 41, 4, 1, [3, 3, 3, 3, 3, 3, 4, 4, 4]),
        (1, 29, 3, 3, [4, 4, 4, 4, 3, 3, 4, 4, 3]),
        (2, 52, 2, 2, [4, 4, 4, 4, 4, 4, 4, 4, 4]),
    ],
    "Pustu Petuk Bukit": [
        (2, 33, 3, 2, [3, 3, 3, 3, 3, 3, 3, 3, 3]),
        (1, 45, 2, 1, [3, 3, 3, 3, 3, 3, 3, 3, 3]),
        (2, 38, 4, 4, [4, 4, 4, 4, 4, 4, 4, 4, 4]),
    ],
    "Pustu Mungku Baru": [(1, 27, 3, 2, [3, 3, 4, 3, 3, 4, 3, 4, 3]), (2, 60, 1, 1, [4, 4, 3, 4, 3, 3, 3, 4, 4])],
}


def olah_data_skm() -> None:
    """An 'olah data SKM' workbook: a REKAP sheet, one sheet per unit, a two-row header over U1-U9, the first
    respondent right under it (every cell a number), then Σ / NRR / NRR tertimbang / IKM footers."""
    wb = openpyxl.Workbook()
    rek = wb.active
    rek.title = "REKAP"
    rek["A1"] = "REKAPITULASI IKM PUSKESMAS RAKUMPIT TRIWULAN III 2026"
    rek.append(["NO", "UNIT LAYANAN", "JUMLAH RESPONDEN", "IKM", "MUTU"])
    rek.append([1, "PKM Rakumpit", 4, 87.5, "A"])
    rek.append([2, "Pustu Petuk Bukit", 3, 83.33, "B"])
    rek.append([3, "Pustu Mungku Baru", 2, 86.11, "B"])
    for sheet, rows in UNITS.items():
        ws = wb.create_sheet(sheet)
        ws["A1"] = "PENGOLAHAN DATA SURVEI KEPUASAN MASYARAKAT PER RESPONDEN"
        ws["A2"] = "Kecamatan Rakumpit - Periode : Triwulan III 2026"
        top = ["NO. RES", "JK", "UMUR", "PDDK", "PKJN", "NILAI UNSUR PELAYANAN", *[None] * 8]
        for c, h in enumerate(top, 1):
            ws.cell(4, c, h)
            ws.cell(5, c, f"U{c - 5}" if c > 5 else None)
        merge(ws, 4, 6, 4, 14)
        for c in range(1, 6):
            merge(ws, 4, c, 5, c)
        for i, (jk, umur, pd, pk, a) in enumerate(rows, 1):
            ws.append([i, jk, umur, pd, pk, *a])
        sums = [sum(r[4][u] for r in rows) for u in range(9)]
        ws.append(["Σ Nilai/Unsur", None, None, None, None, *sums])
        ws.append(["NRR/Unsur", None, None, None, None, *[round(x / len(rows), 3) for x in sums]])
        ws.append(["NRR tertimbang/unsur", None, None, None, None, *[round(x / len(rows) * 0.111, 3) for x in sums]])
        ws.append(["IKM Unit pelayanan", None, None, None, None, round(sum(sums) / len(rows) / 9 * 25, 2)])
    save(wb, "olah_data_skm_puskesmas.xlsx")


FORM_QUESTIONS = [
    "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
    "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
    "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
    "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
    "Kesesuaian Pelayanan",
    "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
    "Bagaimana pendapat saudara perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
    "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
    "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
]
LABELS = {  # the 14/2017 questionnaire's answers per unsur, 1..4
    0: ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    1: ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"],
    2: ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"],
    3: ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"],
    4: ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    5: ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"],
    6: ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"],
    7: ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"],
    8: ["Buruk", "Cukup", "Baik", "Sangat Baik"],
}


def google_form_id() -> None:
    """A Google Form's responses from an Indonesian-locale sheet: 'Cap waktu' as '3/10/2026, 09.12.44',
    'Unit layanan yang Anda kunjungi', 'Kesesuaian Pelayanan', answers as labels."""
    head = ["Cap waktu", "Unit layanan yang Anda kunjungi", "Jenis Kelamin", "Usia", *FORM_QUESTIONS, "Kritik dan saran"]
    answers = [
        ("3/10/2026, 09.12.44", "Disdukcapil Kota Jambi", [4, 4, 4, 4, 4, 4, 4, 4, 4]),
        ("5/10/2026, 10.01.02", "Disdukcapil Kota Jambi", [3, 3, 3, 3, 3, 3, 3, 3, 3]),
        ("14/10/2026, 13.45.00", "Disdukcapil Kota Jambi", [3, 4, 3, 4, 3, 4, 3, 4, 3]),
        ("20/10/2026, 08.30.10", "DPMPTSP Kota Jambi", [2, 3, 3, 3, 3, 3, 3, 3, 3]),
    ]
    rows = [head]
    for ts, unit, a in answers:
        rows.append([ts, unit, "Laki-laki", "34", *[LABELS[u][v - 1] for u, v in enumerate(a)], ""])
    text("skm_google_form_locale_id.csv", rows)


def google_form_en() -> None:
    """The same form from an English-locale sheet: 'Timestamp' month first ('9/28/2026 14:02:11')."""
    head = ["Timestamp", "Unit Layanan", "Jenis Kelamin", *FORM_QUESTIONS]
    answers = [
        ("9/5/2026 10:00:00", [4, 4, 4, 4, 4, 4, 4, 4, 4]),
        ("9/28/2026 14:02:11", [3, 3, 3, 3, 3, 3, 3, 3, 3]),
        ("9/12/2026 9:15:40", [3, 3, 3, 3, 3, 3, 3, 3, 3]),
    ]
    rows = [head] + [
        [ts, "Kantor Camat Medan Belawan", "Perempuan", *[LABELS[u][v - 1] for u, v in enumerate(a)]] for ts, a in answers
    ]
    text("skm_google_form_locale_en.csv", rows)


def skm_scale5() -> None:
    """A form with the nine unsur rated 1-5 (not the 14/2017 questionnaire)."""
    head = ["Tanggal", "Unit Layanan", "Lokasi", *[f"U{i}" for i in range(1, 10)]]
    rows = [
        head,
        ["02/03/2026", "Puskesmas Putri Ayu", "Kota Jambi", "5", "4", "4", "5", "3", "4", "4", "5", "4"],
        ["03/03/2026", "Puskesmas Putri Ayu", "Kota Jambi", "4", "4", "3", "4", "4", "4", "3", "4", "4"],
        ["04/03/2026", "Puskesmas Putri Ayu", "Kota Jambi", "3", "4", "4", "4", "4", "3", "4", "4", "3"],
    ]
    text("skm_skala_1_5.csv", rows)


def skm_abcd() -> None:
    """The printed questionnaire keyed in as its letters a-d."""
    head = ["No", "Tanggal", "Unit Layanan", "Lokasi", *[f"U{i}" for i in range(1, 10)]]
    rows = [
        head,
        ["1", "02/02/2026", "Kantor Kelurahan Bagan Deli", "Belawan", *"d d d d d d d d d".split()],
        ["2", "03/02/2026", "Kantor Kelurahan Bagan Deli", "Belawan", *"c c c c c c c c c".split()],
        ["3", "04/02/2026", "Kantor Kelurahan Bagan Deli", "Belawan", *"c d c d c d c d c".split()],
    ]
    text("skm_jawaban_huruf_a_d.csv", rows)


def skm_app_numbered() -> None:
    """A survey app's report: the header, then a row of column numbers (1) ... (15), footers Jumlah/NRR/IKM."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Laporan Responden"
    ws["A1"] = "LAPORAN DATA RESPONDEN SKM"
    ws["A2"] = "Unit Layanan : Kantor Camat Bangko"
    ws["A3"] = "Periode : Triwulan II 2026"
    ws["A4"] = "Kabupaten Merangin"
    head = ["No", "Tanggal", "JK", "Pendidikan", "Pekerjaan", *[f"U{i}" for i in range(1, 10)], "Saran"]
    ws.append(head)
    ws.append([f"({i})" for i in range(1, len(head) + 1)])
    data = [
        [4, 4, 3, 4, 4, 3, 4, 4, 3],
        [3, 3, 3, 3, 3, 3, 3, 3, 3],
        [2, 3, 3, 3, 2, 3, 3, 3, 4],
        [4, 4, 4, 4, 4, 4, 4, 4, 4],
        [3, 4, 3, 4, 3, 4, 3, 4, 3],
    ]
    for i, a in enumerate(data, 1):
        ws.append([i, f"{10 + i}/05/2026", "L" if i % 2 else "P", "SMA", "Petani", *a, None])
    ws.append(["Jumlah", None, None, None, None, *[sum(r[u] for r in data) for u in range(9)]])
    ws.append(["NRR", None, None, None, None, *[sum(r[u] for r in data) / 5 for u in range(9)]])
    ws.append(["IKM", None, None, None, None, 86.67])
    save(wb, "skm_aplikasi_laporan_bernomor.xlsx")


UNSUR14 = [
    "Prosedur pelayanan",
    "Persyaratan pelayanan",
    "Kejelasan petugas pelayanan",
    "Kedisiplinan petugas pelayanan",
    "Tanggung jawab petugas pelayanan",
    "Kemampuan petugas pelayanan",
    "Kecepatan pelayanan",
    "Keadilan mendapatkan pelayanan",
    "Kesopanan dan keramahan petugas",
    "Kewajaran biaya pelayanan",
    "Kepastian biaya pelayanan",
    "Kepastian jadwal pelayanan",
    "Kenyamanan lingkungan",
    "Keamanan pelayanan",
]


def ikm_14_unsur() -> None:
    """A KepmenPAN 25/2004 IKM: fourteen unsur U1-U14 (weight 0,071)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data IKM"
    ws["A1"] = "INDEKS KEPUASAN MASYARAKAT (KEPMENPAN NO. 25 TAHUN 2004)"
    ws["A2"] = "Unit Pelayanan : Kantor Kecamatan Telanaipura, Kota Jambi"
    ws["A3"] = "Periode : Semester II 2015"
    ws.append(["No. Resp", *[f"U{i}" for i in range(1, 15)]])
    data = [[3] * 14, [4] * 14, [3, 4] * 7]
    for i, a in enumerate(data, 1):
        ws.append([i, *a])
    ws.append(["Σ nilai/unsur", *[sum(r[u] for r in data) for u in range(14)]])
    ws.append(["NRR tertimbang", *[round(sum(r[u] for r in data) / 3 * 0.071, 3) for u in range(14)]])
    ws2 = wb.create_sheet("Keterangan Unsur")
    for i, u in enumerate(UNSUR14, 1):
        ws2.append([f"U{i}", u])
    save(wb, "ikm_14_unsur_kepmenpan_25_2004.xlsx")


# ---------------------------------------------------------------- more layouts

P1, P2 = "199003152023212001", "198511302023211002"  # PPPK NIPs: TMT year, then 2, period digit, sex, sequence


def absensi() -> None:
    """A daily attendance sheet: NIP and name on every row, one row per day (not a roster)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Absensi Oktober"
    ws["A1"] = "REKAP ABSENSI HARIAN PEGAWAI DINAS SOSIAL KOTA JAMBI"
    ws.append(["NIP", "Nama", "Tanggal", "Jam Masuk", "Jam Pulang", "Keterangan"])
    for day in ("01/10/2026", "02/10/2026", "05/10/2026"):
        for nip, nama in ((N1, "BUDI SANTOSO"), (N2, "SRI WAHYUNI"), (N3, "AGUS SALIM")):
            ws.append([nip, nama, day, "07:31", "16:02", "Hadir"])
    save(wb, "absensi_harian_pegawai.xlsx")


def skm_per_semester() -> None:
    """One unit's survey, a sheet per semester, no date column: the period is the sheet's name."""
    wb = openpyxl.Workbook()
    first = True
    for sheet, rows in (("Semester I 2026", [[3] * 9, [4] * 9]), ("Semester II 2026", [[2] * 9, [3] * 9, [4] * 9])):
        ws = wb.active if first else wb.create_sheet(sheet)
        ws.title = sheet
        first = False
        ws["A1"] = "HASIL SURVEI KEPUASAN MASYARAKAT"
        ws["A2"] = "Unit Layanan : Puskesmas Putri Ayu"
        ws["A3"] = "Kota Jambi"
        ws.append([])
        ws.append(["No", "L/P", "Umur", *[f"U{i}" for i in range(1, 10)]])
        for i, a in enumerate(rows, 1):
            ws.append([i, "P", 30 + i, *a])
    save(wb, "skm_per_semester.xlsx")


def penilaian_skp_variant() -> None:
    """A predikat list with spelled-out headers ('Rating Hasil Kerja', 'Predikat Kinerja Pegawai')."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(
        [
            "NIP Pegawai",
            "Nama Pegawai",
            "Periode Penilaian",
            "Rating Hasil Kerja",
            "Rating Perilaku Kerja",
            "Predikat Kinerja Pegawai",
        ]
    )
    ws.append([N1, "BUDI SANTOSO", "Januari 2026", "DI ATAS EKSPEKTASI", "SESUAI EKSPEKTASI", "BAIK"])
    ws.append([N4, "NUR HASANAH", "Januari 2026", "SESUAI EKSPEKTASI", "DI BAWAH EKSPEKTASI", "KURANG/MISCONDUCT"])
    ws.append([N5, "RIZKI PRATAMA", "Januari 2026", "DI ATAS EKSPEKTASI", "DI ATAS EKSPEKTASI", "SANGAT BAIK"])
    save(wb, "penilaian_skp_judul_lengkap.xlsx")


def siasn_dotted() -> None:
    """A SIASN-style CSV with NIPs printed with dots, 'Gol. Ruang', 'Unit Organisasi', 'Instansi Kerja'."""
    rows = [
        ["NIP", "Nama", "Gol. Ruang", "Nama Jabatan", "Unit Organisasi", "Satuan Kerja", "Instansi Kerja"],
        [
            "19850312.201001.1.001",
            "BUDI SANTOSO",
            "III/a",
            "Pengadministrasi Umum",
            "Kelurahan Bagan Deli",
            "Kecamatan Medan Belawan",
            "Pemerintah Kota Medan",
        ],
        [
            "19781120.200501.1.003",
            "AGUS SALIM",
            "III/c",
            "Lurah",
            "Kelurahan Belawan I",
            "Kecamatan Medan Belawan",
            "Pemerintah Kota Medan",
        ],
        [
            "19900105.201503.2.002",
            "SRI WAHYUNI",
            "III/b",
            "Sekretaris Lurah",
            "Kelurahan Belawan II",
            "Kecamatan Medan Belawan",
            "Pemerintah Kota Medan",
        ],
    ]
    text("siasn_nip_bertitik.csv", rows)


def capaian_decimal_comma() -> None:
    """Indicators in a Windows-1252 semicolon CSV with decimal commas and 'Indikator Kinerja Utama'."""
    rows = [
        ["NIP", "Bulan", "Indikator Kinerja Utama", "Target", "Realisasi", "Satuan", "Keterangan"],
        [N5, "Juni 2026", "Rata-rata waktu penyelesaian izin", "3", "2,5", "hari", "Lebih cepat dari target"],
        [N5, "Juni 2026", "Kepuasan pemohon izin", "80", "82,75", "%", "Survei bulanan – Juni"],
    ]
    text("capaian_desimal_koma.csv", rows, sep=";", encoding="cp1252")


def skm_numbered_labels() -> None:
    """A survey app's CSV: 'U1 Persyaratan' ... headers, answers as '4. Sangat Sesuai' / '3 - Sesuai'."""
    head = [
        "Timestamp",
        "Nama Unit Layanan",
        "Jenis Kelamin",
        "Umur",
        "U1 Persyaratan",
        "U2 Prosedur",
        "U3 Waktu Pelayanan",
        "U4 Biaya/Tarif",
        "U5 Produk Layanan",
        "U6 Kompetensi Petugas",
        "U7 Perilaku Petugas",
        "U8 Penanganan Pengaduan",
        "U9 Sarana Prasarana",
    ]
    rows = [
        head,
        ["2026-03-05 08:10:00", "MPP Kabupaten Merangin", "L", "40", *["4. Sangat Sesuai"] * 9],
        ["2026-03-06 09:00:00", "MPP Kabupaten Merangin", "P", "28", *["3 - Sesuai"] * 9],
        ["2026-03-06 10:30:00", "MPP Kabupaten Merangin", "P", "35", *(["3 - Sesuai"] * 4 + ["4. Sangat Sesuai"] * 5)],
    ]
    text("skm_jawaban_label_bernomor.csv", rows)


def skm_nrr_only() -> None:
    """A summary of averages per unit (NRR per unsur), no respondents: nothing to load as answers."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Hasil SKM"
    ws["A1"] = "NILAI RATA-RATA PER UNSUR PELAYANAN TAHUN 2026"
    ws["A2"] = "Kota Jambi"
    ws.append(["No", "Unit Layanan", *[f"U{i}" for i in range(1, 10)], "IKM"])
    ws.append([1, "Puskesmas Putri Ayu", 3.25, 3.1, 3.4, 3.9, 3.2, 3.3, 3.45, 3.05, 3.15, 82.5])
    ws.append([2, "Puskesmas Simpang Kawat", 3.0, 3.2, 3.1, 3.8, 3.3, 3.35, 3.4, 3.1, 3.0, 81.3])
    ws.append([3, "Puskesmas Olak Kemang", 3.5, 3.45, 3.3, 4.0, 3.4, 3.5, 3.6, 3.2, 3.25, 85.67])
    save(wb, "skm_nrr_per_unit_saja.xlsx")


def pppk_roster() -> None:
    """A PPPK roster: golongan as roman numerals only, 'Status Kepegawaian' PPPK."""
    rows = [
        ["NI PPPK", "Nama", "Golongan", "Jabatan", "Status Kepegawaian", "Unit Kerja", "Lokasi"],
        [P1, "RINA MARLINA, S.Pd", "IX", "Guru Ahli Pertama", "PPPK", "SD Negeri 12 Bangko", "Bangko"],
        [P2, "JOKO WIDODO, A.Md.Kep", "VII", "Perawat Terampil", "PPPK", "Puskesmas Bangko", "Bangko"],
    ]
    text("pppk_daftar_pegawai.csv", rows)


def form_without_unit() -> None:
    """A form exported without a unit column: the unit and place are context the file lacks."""
    head = ["Cap waktu", "Usia", *FORM_QUESTIONS]
    rows = [
        head,
        ["10/02/2026 08:00:01", "22", *[LABELS[u][3] for u in range(9)]],
        ["11/02/2026 09:10:00", "47", *[LABELS[u][2] for u in range(9)]],
    ]
    text("skm_form_tanpa_unit.csv", rows)


def perilaku_long() -> None:
    """A 360 export, one row per rater: 'NIP Dinilai', 'NIP Penilai', 'Hubungan', values 0-100."""
    rows = [
        ["NIP Dinilai", "NIP Penilai", "Hubungan", "Bulan", *BERAKHLAK_HEADERS],
        [N1, N3, "Atasan Langsung", "Juni 2026", "90", "85", "88", "92", "95", "80", "86"],
        [N1, N2, "Rekan Kerja", "Juni 2026", "80", "82", "84", "86", "88", "78", "85"],
        [N2, N3, "Atasan Langsung", "Juni 2026", "70", "75", "72", "78", "80", "70", "74"],
    ]
    text("perilaku_360_per_penilai.csv", rows)


def skm_semicolon_cp1252() -> None:
    """A hand-typed survey CSV: semicolons, Windows-1252, 'Tgl Survei', 'Unit Pelayanan', 'L/P'."""
    head = ["No", "Tgl Survei", "Unit Pelayanan", "L/P", "Umur", *[f"U{i}" for i in range(1, 10)], "Kritik & Saran"]
    rows = [
        head,
        [
            "1",
            "12/01/2026",
            "Kantor Camat Danau Sipin, Kota Jambi",
            "L",
            "31",
            *"3 3 3 3 3 3 3 3 3".split(),
            "Pelayanan cukup – terima kasih",
        ],
        ["2", "13/01/2026", "Kantor Camat Danau Sipin, Kota Jambi", "P", "45", *"4 4 3 4 4 3 4 4 4".split(), ""],
        ["3", "15/01/2026", "Kantor Camat Danau Sipin, Kota Jambi", "P", "52", *"2 3 3 3 2 3 3 2 3".split(), "Antrean lama"],
    ]
    text("skm_titik_koma_windows1252.csv", rows, sep=";", encoding="cp1252")


def evaluation_english() -> None:
    """An English-headed performance export ('Employee ID', 'Work result rating', 'Behaviour rating')."""
    rows = [
        ["Employee ID", "Period", "Work result rating", "Behaviour rating", "Performance rating"],
        [N2, "2026-02", "Sesuai Ekspektasi", "Di Atas Ekspektasi", "Baik"],
        [N3, "2026-02", "Di Bawah Ekspektasi", "Di Bawah Ekspektasi", "Sangat Kurang"],
    ]
    text("evaluation_export_english.csv", rows)


def perilaku_per_month_sheets() -> None:
    """Behaviour scores kept a sheet per month named by the month alone; the year only in the titles."""
    wb = openpyxl.Workbook()
    first = True
    for month, scores in (("Januari", {N1: 88, N2: 76}), ("Februari", {N1: 90, N2: 79})):
        ws = wb.active if first else wb.create_sheet(month)
        ws.title = month
        first = False
        ws["A1"] = "PENILAIAN PERILAKU KERJA OLEH ATASAN LANGSUNG TAHUN 2026"
        ws.append(["NIP", "Nama", "Peran Penilai", *BERAKHLAK_HEADERS])
        for nip, v in scores.items():
            ws.append([nip, "-", "Atasan", *[v] * 7])
    save(wb, "perilaku_per_bulan_lembar.xlsx")


def berakhlak_360_input() -> None:
    """Another 360 workbook: instructions, the list of people rated, one input sheet (one row per rater, 1-10,
    0 = not rated) and a summary; the list of people is that workbook's lookup, not a roster."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Petunjuk"
    ws["A1"] = "Isi nilai 1 sampai 10; isi 0 bila tidak menilai."
    people = wb.create_sheet("Data Pegawai")
    people.append(["DATA PEGAWAI DINAS SOSIAL KOTA JAMBI"])
    people.append(["NIP", "Nama", "Jabatan", "Unit Kerja"])
    for nip, nama in ((N1, "BUDI SANTOSO"), (N2, "SRI WAHYUNI"), (N3, "AGUS SALIM")):
        people.append([nip, nama, "Pelaksana", "Dinas Sosial"])
    data = wb.create_sheet("Input Nilai")
    data.append(["Periode: Juni 2026"])
    data.append(["NIP Dinilai", "NIP Penilai", "Hubungan", *BERAKHLAK_HEADERS])
    data.append([N1, N3, "Atasan", 8, 8, 9, 8, 8, 8, 8])
    data.append([N2, N3, "Atasan", 7, 7, 7, 6, 7, 7, 7])
    data.append([N1, N2, "Rekan", 0, 0, 0, 0, 0, 0, 0])
    rek = wb.create_sheet("Rekap")
    rek.append(["NIP", "Nama", "Jabatan", *BERAKHLAK_HEADERS, "Nilai Akhir"])
    rek.append([N1, "BUDI SANTOSO", "Pelaksana", 8, 8, 9, 8, 8, 8, 8, 8.14])
    rek.append([N2, "SRI WAHYUNI", "Pelaksana", 7, 7, 7, 6, 7, 7, 7, 6.86])
    save(wb, "berakhlak_360_input_dan_rekap.xlsx")


def form_likert5_labels() -> None:
    """A satisfaction form on five labelled choices (Sangat Tidak Puas ... Sangat Puas, with Netral)."""
    five = ["Sangat Tidak Puas", "Tidak Puas", "Netral", "Puas", "Sangat Puas"]
    head = ["Timestamp", "Unit Layanan", *FORM_QUESTIONS]
    rows = [
        head,
        ["1/12/2026 10:00:00", "Disdukcapil Kota Jambi", *[five[4]] * 9],
        ["2/12/2026 11:00:00", "Disdukcapil Kota Jambi", *[five[2]] * 9],
        ["3/12/2026 12:00:00", "Disdukcapil Kota Jambi", *[five[3]] * 9],
    ]
    text("skm_form_lima_pilihan.csv", rows)


SURVEY_TWICE = [  # usia, jenis kelamin, pekerjaan, pendidikan, U1..U9 (1-4)
    (34, "Laki-laki", "PNS", "S1", [4, 3, 3, 4, 3, 3, 4, 3, 3]),
    (27, "Perempuan", "Swasta", "SMA", [3, 3, 2, 4, 3, 3, 3, 3, 2]),
    (45, "Laki-laki", "Wiraswasta", "SMP", [4, 4, 3, 4, 4, 4, 4, 3, 3]),
    (52, "Perempuan", "Lainnya", "SD", [3, 2, 2, 4, 3, 3, 3, 2, 2]),
    (19, "Laki-laki", "Pelajar/Mahasiswa", "SMA", [4, 4, 4, 4, 4, 4, 4, 4, 4]),
    (38, "Perempuan", "PNS", "D3", [3, 3, 3, 3, 3, 3, 3, 3, 3]),
]


def skm_two_views(name: str = "skm_laporan_dua_lembar.xlsx", periode: str = "01 Januari 2026 s/d 31 Maret 2026") -> None:
    """A survey app's Excel report that shows one survey twice: 'Data Lengkap' (a respondent summary block, then
    'RESPONDEN | U1..U9' with 'Responden 1' ... and formula rows Jumlah / NRR / Bobot, then a per-unsur table)
    and 'Format Permenpan' (the decree's processing table: No, Usia, Jenis Kelamin, Pekerjaan, Pendidikan, a
    merged 'NILAI UNSUR PELAYANAN' over U1..U9, footers split over cells: 'Nilai' '/Unsur', 'NRR /' 'Unsur',
    'NRR' 'tertbg/' 'unsur', the unit in 'UNIT PELAYANAN : ...'). The period is only in the first sheet's title,
    written as a range of dates; the unit only in the second's."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data Lengkap"
    ws["B1"] = "LAPORAN INDEKS KEPUASAN MASYARAKAT (IKM)"
    ws["B2"] = f"Periode: {periode}"
    ws["B3"] = "Dokumen ini dihasilkan dari Sistem Survei"
    ws["B4"] = "Didownload pada: 02 April 2026, 09:15 | Oleh: Admin"
    ws.append([])
    ws.append(["INFORMASI RESPONDEN"])
    ws.append(["Total Responden", len(SURVEY_TWICE)])
    ws.append(["Jenis Kelamin - Laki-Laki", 3])
    ws.append(["Jenis Kelamin - Perempuan", 3])
    ws.append(["Periode Survey", periode])
    ws.append([])
    ws.append(["TABEL PERHITUNGAN IKM PER RESPONDEN"])
    ws.append(["RESPONDEN", *[f"U{u}" for u in range(1, 10)]])
    first = ws.max_row + 1
    for i, (*_who, answers) in enumerate(SURVEY_TWICE, 1):
        ws.append([f"Responden {i}", *answers])
    last = ws.max_row
    cols = "BCDEFGHIJ"
    ws.append(["Jumlah Nilai / Unsur", *[f"=SUM({c}{first}:{c}{last})" for c in cols]])
    ws.append(["NRR per Unsur (Nilai Rata-Rata)", *[f"=AVERAGE({c}{first}:{c}{last})" for c in cols]])
    ws.append(["Bobot per Unsur (1/9)", *["=1/9"] * 9])
    ws.append(["IKM UNIT PELAYANAN (× 25)"])
    ws.append([])
    ws.append(["NILAI RATA-RATA PER UNSUR PELAYANAN"])
    ws.append(["Kode", "Unsur Pelayanan", "NRR", "Bobot", "NRR Tertimbang"])
    for u, label in enumerate(["Persyaratan pelayanan", "Prosedur pelayanan", "Waktu pelayanan"], 1):
        ws.append([f"U{u}", label])
    form = wb.create_sheet("Format Permenpan")
    form["A1"] = "PENGOLAHAN SURVEY KEPUASAN MASYARAKAT PER RESPONDEN"
    form["A2"] = "DAN PER UNSUR PELAYANAN Berdasarkan Permenpan No.14 Tahun 2017"
    form["A4"], form["B4"] = "UNIT PELAYANAN", ": UPT Puskesmas Rakumpit"
    form["A5"], form["B5"] = "ALAMAT", ": Jl. Mahir Mahar Km 20"
    for c, h in enumerate(["No", "Usia", "Jenis Kelamin", "Pekerjaan", "Pendidikan", "NILAI UNSUR PELAYANAN"], 1):
        form.cell(8, c, h)
    merge(form, 8, 6, 8, 14)
    for u in range(1, 10):
        form.cell(9, 5 + u, f"U{u}")
    for i, (usia, jk, kerja, didik, answers) in enumerate(SURVEY_TWICE, 1):
        form.append([i, usia, jk, kerja, didik, *answers])
    sums = [sum(r[4][u] for r in SURVEY_TWICE) for u in range(9)]
    n = len(SURVEY_TWICE)
    form.append(["Nilai", "/Unsur", None, None, None, *sums])
    form.append(["NRR /", "Unsur", None, None, None, *[f"{x / n:.3f}" for x in sums]])
    form.append(["NRR", "tertbg/", "unsur", None, None, *[f"{x / n / 9:.3f}" for x in sums]])
    form.append(["IKM Unit pelayanan", *[None] * 13, f"{sum(sums) / n / 9 * 25:.2f}"])
    form.append([])
    form.append(["Mutu Pelayanan :"])
    form.append(["A (Sangat Baik)", ": 88,31 - 100,00"])
    form.append(["B (Baik)", ": 76,61 - 88,30"])
    form.cell(form.max_row + 2, 10, "Palangka Raya, 02 April 2026")
    save(wb, name)


def skm_two_views_semester() -> None:
    """The same report for a half year: its period range is neither a month nor a quarter."""
    skm_two_views("skm_laporan_dua_lembar_semester.xlsx", "01 Januari 2026 s/d 30 Juni 2026")


HTML_HEAD = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
 <head>
  <meta http-equiv="Content-Type" content="text/html; charset=utf-8">
  <meta name="ProgId" content="Excel.Sheet">
  <meta name="Generator" content="WPS Office ET">
  <style>
<!-- td {mso-style-parent:style0; mso-number-format:"General"; font-family:Calibri;}
.xl65 {text-align:center; border:.5pt solid windowtext;} -->
  </style>
  <!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>Sheet1</x:Name>
  </x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->
 </head>
 <body link="blue" vlink="purple">
"""


def _td(v: object, attrs: str = "") -> str:
    return f'<td class="xl65"{attrs}>{v}</td>'


def skm_html_xls() -> None:
    """A survey app's respondent report as PHP applications export it: an HTML page saved as '.xls' (Excel opens
    it), a style block, a title table, a two-row header (No, Tanggal, Jenis Kelamin, Pendidikan spanning two rows;
    'NILAI UNSUR PELAYANAN' spanning nine columns over U1..U9), then Jumlah and NRR rows, and the hidden row of
    empty cells such exports end with."""
    answers = [
        ("02/07/2026", "L", "SMA", [4, 3, 3, 4, 3, 3, 4, 3, 3]),
        ("03/07/2026", "P", "S1", [3, 3, 3, 3, 3, 3, 3, 3, 3]),
        ("15/08/2026", "P", "SMP", [4, 4, 4, 4, 4, 4, 4, 4, 4]),
        ("21/09/2026", "L", "D3", [2, 3, 3, 4, 3, 2, 3, 3, 3]),
    ]
    out = [HTML_HEAD]
    out.append('<table><tr><td colspan="13">REKAP RESPONDEN SURVEI KEPUASAN MASYARAKAT</td></tr>')
    out.append('<tr><td colspan="13">Unit Layanan : Disdukcapil Kota Jambi</td></tr>')
    out.append('<tr><td colspan="13">Periode : Triwulan III 2026</td></tr></table>')
    out.append('<table border="1" cellpadding="0" cellspacing="0">')
    out.append("<tr>" + "".join(_td(h, ' rowspan="2"') for h in ("No", "Tanggal", "Jenis Kelamin", "Pendidikan")))
    out.append(_td("NILAI UNSUR PELAYANAN", ' colspan="9"') + "</tr>")
    out.append("<tr>" + "".join(_td(f"U{u}") for u in range(1, 10)) + "</tr>")
    for i, (day, jk, pd, a) in enumerate(answers, 1):
        out.append("<tr>" + "".join(_td(v, " x:num" if isinstance(v, int) else " x:str") for v in [i, day, jk, pd, *a]) + "</tr>")
    sums = [sum(r[3][u] for r in answers) for u in range(9)]
    out.append("<tr>" + _td("Jumlah Nilai", ' colspan="4"') + "".join(_td(x) for x in sums) + "</tr>")
    out.append("<tr>" + _td("NRR", ' colspan="4"') + "".join(_td(f"{x / 4:.2f}") for x in sums) + "</tr>")
    out.append("<![if supportMisalignedColumns]><tr style='display:none;'>" + "<td></td>" * 13 + "</tr><![endif]>")
    out.append("</table></body></html>")
    (HERE / "skm_responden_html.xls").write_text("\n".join(out), encoding="utf-8")


def roster_html_xls() -> None:
    """A SIMPEG report exported as an HTML table named '.xls': a title cell, then a bordered table nested in the
    outer one (Nomor, NIP with Excel's text apostrophe, Nama Pegawai, Golongan, Jabatan, Satuan Kerja)."""
    rows = [
        (N1, "BUDI SANTOSO, S.Kom", "III/c", "Pranata Komputer Ahli Muda", "Dinas Komunikasi dan Informatika"),
        (N2, "dr. SRI WAHYUNI", "III/b", "Dokter Ahli Pertama", "Dinas Kesehatan"),
        (N3, "AGUS SALIM, S.Sos", "III/d", "Sekretaris Dinas", "Dinas Kesehatan"),
    ]
    out = [HTML_HEAD, "<table>", '<tr><td></td><td align="center">Laporan Pegawai berdasarkan Satuan Kerja</td></tr>']
    out.append('<tr><td></td><td align="center">PEMERINTAH KOTA JAMBI</td></tr><tr><td></td><td>')
    out.append('<table cellpadding="8" style="border-collapse:collapse;" border="1">')
    out.append('<tr height="40">' + "".join(f"<td>{h}</td>" for h in ("Nomor", "NIP", "Nama Pegawai", "Golongan")))
    out.append("<td>Jabatan</td><td>Satuan Kerja</td></tr>")
    for i, (nip, nama, gol, jab, sk) in enumerate(rows, 1):
        out.append(f'<tr height="35"><td>{i}</td><td>\'{nip}</td><td>{nama}</td><td>{gol}</td><td>{jab}</td><td>{sk}</td></tr>')
    out.append("</table></td></tr></table></body></html>")
    (HERE / "pegawai_laporan_html.xls").write_text("\n".join(out), encoding="utf-8")


if __name__ == "__main__":
    makers = [duk_rakumpit, simpeg_pangkat_text, roster_unusual_nip_header, roster_per_opd_sheets, berakhlak_360]
    makers += [perilaku_0_100, ekinerja_iki, skp_rhk, predikat_bulanan, pp46_nominatif, olah_data_skm, google_form_id]
    makers += [google_form_en, skm_scale5, skm_abcd, skm_app_numbered, ikm_14_unsur, absensi, skm_per_semester]
    makers += [penilaian_skp_variant, siasn_dotted, capaian_decimal_comma, skm_numbered_labels, skm_nrr_only, pppk_roster]
    makers += [form_without_unit, perilaku_long, skm_semicolon_cp1252, evaluation_english, perilaku_per_month_sheets]
    makers += [berakhlak_360_input, form_likert5_labels, skm_two_views, skm_two_views_semester]
    makers += [skm_html_xls, roster_html_xls]
    for make in makers:
        make()
    print("\n".join(sorted(p.name for p in HERE.iterdir() if p.suffix in (".xlsx", ".csv"))))
