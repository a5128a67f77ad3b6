"""Fixtures in the published layouts offices really bring, built in code and left untidy.

BKN e-Kinerja downloads (Laporan Penilaian SKP, Laporan SKP, the monthly predikat
recap), a SIASN/SIMPEG roster CSV, SKM workbooks (info sheet + data sheet; a survey
app's report with blocks above, a two-row merged header and Jumlah/NRR/IKM footers;
a legacy form with U8 Sarana / U9 Penanganan pengaduan), a Google Forms CSV with the
PermenPANRB 14/2017 answer labels, and the per-employee SKP document. Each builder
returns the file's bytes and the values that must land, computed here, independently
of the pipeline.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from decimal import ROUND_HALF_UP, Decimal

import openpyxl
from openpyxl.utils import get_column_letter

RATINGS = ["DIATAS EKSPEKTASI", "SESUAI EKSPEKTASI", "DIBAWAH EKSPEKTASI"]
OFFICIAL = {
    "DIATAS EKSPEKTASI": "Di Atas Ekspektasi",
    "SESUAI EKSPEKTASI": "Sesuai Ekspektasi",
    "DIBAWAH EKSPEKTASI": "Di Bawah Ekspektasi",
}
PREDIKAT = {
    "SANGAT BAIK": "Sangat Baik",
    "BAIK": "Baik",
    "BUTUH PERBAIKAN": "Butuh Perbaikan",
    "KURANG/MISCONDUCT": "Kurang/Misconduct",
    "SANGAT KURANG": "Sangat Kurang",
}
MATRIX = {
    ("DIATAS EKSPEKTASI", "DIATAS EKSPEKTASI"): "SANGAT BAIK",
    ("DIATAS EKSPEKTASI", "SESUAI EKSPEKTASI"): "BAIK",
    ("SESUAI EKSPEKTASI", "SESUAI EKSPEKTASI"): "BAIK",
    ("SESUAI EKSPEKTASI", "DIATAS EKSPEKTASI"): "BAIK",
    ("DIBAWAH EKSPEKTASI", "SESUAI EKSPEKTASI"): "BUTUH PERBAIKAN",
    ("SESUAI EKSPEKTASI", "DIBAWAH EKSPEKTASI"): "KURANG/MISCONDUCT",
    ("DIBAWAH EKSPEKTASI", "DIBAWAH EKSPEKTASI"): "SANGAT KURANG",
}
GOL = ["II/c", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b"]
JENIS_JABATAN = ["Jabatan Struktural", "Jabatan Fungsional Tertentu", "Jabatan Pelaksana"]
JABATAN = [
    "Kepala Seksi Pelayanan",
    "Analis Kependudukan",
    "Pengadministrasi Umum",
    "Pranata Komputer Ahli Muda",
    "Verifikator Data",
]


def nips(n: int, seed: int = 1) -> list[str]:
    """Valid 18-digit PNS NIPs (birth date, TMT, sex, sequence)."""
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        born = dt.date(1970, 1, 1) + dt.timedelta(days=rnd.randrange(0, 7000))
        tmt = f"{born.year + 24 + rnd.randrange(0, 5)}{rnd.randrange(1, 13):02d}"
        out.append(f"{born:%Y%m%d}{tmt}{rnd.choice('12')}{i + 1:03d}")
    return out


def _xlsx(wb: openpyxl.Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _title(ws, row: int, text: str, width: int) -> None:
    ws.cell(row, 1, text)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


# ---- BKN e-Kinerja


def ekinerja_penilaian(
    people: list[str], year: int = 2025, month: str = "Januari", seed: int = 2, place: str = "Kota Jambi"
) -> tuple[bytes, dict[str, str | None]]:
    """'Laporan Penilaian SKP': title cells, snake_case header, capitals, '-' for not rated.

    Returns the workbook and the official predikat that must land per NIP (None: not rated, nothing lands).
    """
    rnd = random.Random(seed)
    header = [
        "no",
        "nip",
        "nama",
        "jenis_pegawai",
        "golru",
        "skp_jabatan",
        "skp_unor",
        "skp_unor_induk",
        "skp_jenis_jabatan",
        "hasil_kerja",
        "perilaku_kerja",
        "hasil_akhir",
        "pegawai_atasan_nip",
        "pegawai_atasan_nama",
        "status",
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Laporan Penilaian SKP"
    _title(ws, 1, f"LAPORAN PENILAIAN SKP TAHUN {year}", len(header))
    ws.cell(2, 1, f"Instansi : Pemerintah {place}")
    ws.cell(3, 1, f"Periode : {month}")
    ws.cell(4, 1, "Unit Organisasi : Dinas Kependudukan dan Pencatatan Sipil")
    ws.cell(5, 1, f"Diunduh pada : 05-02-{year} 10:12:33")
    for c, h in enumerate(header, 1):
        ws.cell(7, c, h)
    expected: dict[str, str | None] = {}
    for i, nip in enumerate(people):
        if i % 7 == 3:  # not yet rated
            hk, pk, akhir = "-", "-", "-"
            expected[nip] = None
        elif i % 7 == 5:  # a predikat without ratings (entered by the BKPSDM)
            hk, pk, akhir = "-", "-", "BAIK"
            expected[nip] = "Baik"
        else:
            hk, pk = rnd.choice(list(MATRIX))
            akhir = MATRIX[(hk, pk)]
            expected[nip] = PREDIKAT[akhir]
        ws.append(
            [
                i + 1,
                nip,
                f"PEGAWAI {i + 1}",
                "PNS",
                rnd.choice(GOL),
                rnd.choice(JABATAN),
                "Seksi Pelayanan",
                "Dinas Kependudukan dan Pencatatan Sipil",
                rnd.choice(JENIS_JABATAN),
                hk,
                pk,
                akhir,
                people[0],
                "KEPALA DINAS",
                "Sudah Dinilai" if akhir != "-" else "Belum Dinilai",
            ]
        )
    return _xlsx(wb), expected


def ekinerja_laporan_skp(people: list[str], place: str = "Kabupaten Merangin") -> tuple[bytes, dict[str, dict]]:
    """'Laporan SKP' master list: one SKP per employee with its unit, parent unit and period."""
    header = [
        "no",
        "nip",
        "nama",
        "jenis_pegawai",
        "golru",
        "skp_jabatan",
        "skp_jenis_jabatan",
        "skp_unor",
        "skp_unor_induk",
        "periode_awal",
        "periode_akhir",
        "skp_status",
        "pegawai_atasan_nip",
        "pegawai_atasan_nama",
    ]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Laporan SKP"
    _title(ws, 1, "LAPORAN SKP", len(header))
    ws.cell(2, 1, f"Instansi : Pemerintah {place}")
    ws.cell(3, 1, "Tahun : 2025")
    for c, h in enumerate(header, 1):
        ws.cell(5, c, h)
    expected = {}
    for i, nip in enumerate(people):
        gol, jab, unor = GOL[i % len(GOL)], JABATAN[i % len(JABATAN)], f"Bidang {'ABC'[i % 3]}"
        ws.append(
            [
                i + 1,
                nip,
                f"Pegawai {i + 1}",
                "PNS" if i % 5 else "PPPK",
                gol if i % 5 else "IX",
                jab,
                JENIS_JABATAN[i % 3],
                unor,
                "Dinas Pendidikan",
                "01-01-2025",
                "31-12-2025",
                "Disetujui",
                people[0],
                "Kepala Dinas",
            ]
        )
        expected[nip] = {
            "golongan": gol if i % 5 else "IX",
            "jabatan": jab,
            "unit_kerja": unor,
            "opd": "Dinas Pendidikan",
            "lokasi": "Bangko",
        }
    return _xlsx(wb), expected


def ekinerja_rekap_bulanan(
    people: list[str], year: int = 2025, place: str = "Kota Palangka Raya", seed: int = 3
) -> tuple[bytes, dict[tuple[str, str], str]]:
    """Monthly recap: one column per month (jan ... des) and tahunan holding the predikat; '-' not rated."""
    rnd = random.Random(seed)
    months = ["jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep", "okt", "nov", "des"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap"
    header = ["no", "nip", "nama", "skp_jabatan", "skp_unor", *months, "tahunan"]
    _title(ws, 1, f"REKAP PREDIKAT KINERJA BULANAN PEGAWAI TAHUN {year}", len(header))
    ws.cell(2, 1, f"Instansi : Pemerintah {place}")
    for c, h in enumerate(header, 1):
        ws.cell(4, c, h.upper() if h in months else h)
    expected = {}
    for i, nip in enumerate(people):
        row = [i + 1, nip, f"Pegawai {i + 1}", JABATAN[i % 5], "Kecamatan Rakumpit"]
        for m, _name in enumerate(months, 1):
            if m > 6:  # the second half of the year is not rated yet
                row.append("-")
                continue
            value = rnd.choice(list(PREDIKAT))
            row.append(value)
            expected[(nip, f"{year}-{m:02d}")] = PREDIKAT[value]
        row.append("-")
        ws.append(row)
    return _xlsx(wb), expected


# ---- SIASN / SIMPEG roster

SIASN = [
    "PNS ID",
    "NIP BARU",
    "NIP LAMA",
    "NAMA",
    "GELAR DEPAN",
    "GELAR BELAKANG",
    "TEMPAT LAHIR NAMA",
    "TANGGAL LAHIR",
    "JENIS KELAMIN",
    "AGAMA NAMA",
    "JENIS PEGAWAI NAMA",
    "KEDUDUKAN HUKUM NAMA",
    "STATUS CPNS PNS",
    "TMT CPNS",
    "GOL AWAL NAMA",
    "GOL AKHIR NAMA",
    "TMT GOLONGAN",
    "MK TAHUN",
    "MK BULAN",
    "JENIS JABATAN NAMA",
    "JABATAN NAMA",
    "TMT JABATAN",
    "TINGKAT PENDIDIKAN NAMA",
    "PENDIDIKAN NAMA",
    "LOKASI KERJA NAMA",
    "UNOR NAMA",
    "INSTANSI INDUK NAMA",
    "INSTANSI KERJA NAMA",
    "SATUAN KERJA KERJA NAMA",
]


def siasn_roster(
    people: list[str],
    lokasi_kerja: str = "KOTA JAMBI",
    instansi: str = "Pemerintah Kota Jambi",
    satker: str | None = "Dinas Kependudukan dan Pencatatan Sipil",
) -> tuple[bytes, dict[str, dict]]:
    """SIASN roster CSV: upper-case headers, M/F, golongan, jabatan and unit as SIASN names them."""
    cols = [c for c in SIASN if satker is not None or c != "SATUAN KERJA KERJA NAMA"]
    lines = [",".join(f'"{c}"' for c in cols)]
    expected = {}
    for i, nip in enumerate(people):
        gol = GOL[i % len(GOL)]
        unit = ["Seksi Pendaftaran Penduduk", "Seksi Pencatatan Sipil", "Sekretariat"][i % 3]
        row = {
            "PNS ID": f"8ae48{i:05d}-6f3c-11e9-a923-1681be663d3e",
            "NIP BARU": nip,
            "NIP LAMA": f"{400000000 + i}",
            "NAMA": f"PEGAWAI {i + 1}",
            "GELAR DEPAN": "dr." if i % 4 == 0 else "",
            "GELAR BELAKANG": "S.Kom" if i % 2 else "",
            "TEMPAT LAHIR NAMA": "JAMBI",
            "TANGGAL LAHIR": f"{nip[6:8]}-{nip[4:6]}-{nip[:4]}",
            "JENIS KELAMIN": "M" if nip[14] == "1" else "F",
            "AGAMA NAMA": "Islam",
            "JENIS PEGAWAI NAMA": "PNS Daerah",
            "KEDUDUKAN HUKUM NAMA": "Aktif",
            "STATUS CPNS PNS": "P",
            "TMT CPNS": "01-03-2005",
            "GOL AWAL NAMA": "III/a",
            "GOL AKHIR NAMA": gol,
            "TMT GOLONGAN": "01-04-2021",
            "MK TAHUN": "16",
            "MK BULAN": "02",
            "JENIS JABATAN NAMA": JENIS_JABATAN[i % 3],
            "JABATAN NAMA": JABATAN[i % 5],
            "TMT JABATAN": "02-01-2023",
            "TINGKAT PENDIDIKAN NAMA": "S-1/Sarjana",
            "PENDIDIKAN NAMA": "S1 Teknik Informatika",
            "LOKASI KERJA NAMA": lokasi_kerja,
            "UNOR NAMA": unit,
            "INSTANSI INDUK NAMA": instansi,
            "INSTANSI KERJA NAMA": instansi,
            "SATUAN KERJA KERJA NAMA": satker,
        }
        lines.append(",".join(f'"{row[c]}"' for c in cols))
        expected[nip] = {
            "golongan": gol,
            "jabatan": JABATAN[i % 5],
            "unit_kerja": unit,
            "jenis_jabatan": JENIS_JABATAN[i % 3],
            "jenis_kelamin": "L" if nip[14] == "1" else "P",
        }
    return ("\r\n".join(lines) + "\r\n").encode("utf-8"), expected


# ---- SKM


def ikm(answers: list[list[int]]) -> tuple[int, Decimal]:
    """Respondents and IKM konversi (exact 1/9, x25, half-up to 2 decimals), computed here."""
    n = len(answers)
    total = sum(sum(r) for r in answers)
    konversi = (Decimal(total) * 25 / (Decimal(9) * n)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return n, konversi


def _answers(n: int, seed: int, low: int = 2) -> list[list[int]]:
    rnd = random.Random(seed)
    return [[rnd.randint(low, 4) for _ in range(9)] for _ in range(n)]


UNSUR_HEADERS = [
    "U1 (Persyaratan)",
    "U2 (Prosedur)",
    "U3 (Waktu Pelayanan)",
    "U4 (Biaya/Tarif)",
    "U5 (Produk Layanan)",
    "U6 (Kompetensi Pelaksana)",
    "U7 (Perilaku Pelaksana)",
    "U8 (Penanganan Pengaduan)",
    "U9 (Sarana dan Prasarana)",
]


def skm_workbook(n: int = 30, seed: int = 4) -> tuple[bytes, dict]:
    """An info sheet (unit, period, place) and the data sheet second, 'U1 (Persyaratan)' ... headers."""
    answers = _answers(n, seed)
    wb = openpyxl.Workbook()
    info = wb.active
    info.title = "Info"
    info.append(["SURVEI KEPUASAN MASYARAKAT"])
    info.append([])
    info.append(["Unit Layanan", ":", "Dinas Kependudukan dan Pencatatan Sipil"])
    info.append(["Periode", ":", "Triwulan I 2025"])
    info.append(["Lokasi", ":", "Kota Jambi"])
    data = wb.create_sheet("Data Responden")
    data.append(["No", "Tanggal", "Jenis Kelamin", "Umur", "Pendidikan", "Pekerjaan", *UNSUR_HEADERS, "Saran"])
    for i, a in enumerate(answers):
        data.append(
            [
                i + 1,
                dt.datetime(2025, 1 + i % 3, 1 + i % 27),
                "L" if i % 2 else "P",
                20 + i % 40,
                "SMA",
                "Wiraswasta",
                *a,
                "" if i % 3 else "Antrian terlalu panjang",
            ]
        )
        if i == 10:
            data.append([])  # a blank row left in the middle
    n_resp, konversi = ikm(answers)
    return _xlsx(wb), {
        "unit": "Dinas Kependudukan dan Pencatatan Sipil",
        "lokasi": "Jambi",
        "periode": "2025-Q1",
        "n": n_resp,
        "ikm": konversi,
        "sums": [sum(r[u] for r in answers) for u in range(9)],
    }


def skm_app_export(n: int = 25, seed: int = 5) -> tuple[bytes, dict]:
    """A survey app's report: blocks above, a two-row merged header, Jumlah/NRR/NRR tertimbang/IKM under the rows."""
    answers = _answers(n, seed, low=1)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Laporan"
    width = 6 + 9 + 1
    _title(ws, 1, "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT (SKM)", width)
    _title(ws, 2, "UNIT LAYANAN : PUSKESMAS RAKUMPIT", width)
    _title(ws, 3, "PERIODE : SEMESTER I TAHUN 2025", width)
    _title(ws, 4, "Kecamatan Rakumpit, Kota Palangka Raya", width)
    top = ["No", "Tanggal", "Jenis Kelamin", "Usia", "Pendidikan", "Pekerjaan", "Nilai Unsur Pelayanan"] + [""] * 8
    top += ["Kritik dan Saran"]
    for c, h in enumerate(top, 1):
        ws.cell(6, c, h or None)
    ws.merge_cells(start_row=6, start_column=7, end_row=6, end_column=15)
    for c in (1, 2, 3, 4, 5, 6, 16):
        ws.merge_cells(start_row=6, start_column=c, end_row=7, end_column=c)
    for u in range(9):
        ws.cell(7, 7 + u, f"U{u + 1}")
    r = 8
    for i, a in enumerate(answers):
        values = [
            i + 1,
            f"{1 + i % 28:02d}/0{1 + i % 6}/2025",
            "Laki-laki" if i % 2 else "Perempuan",
            18 + i,
            "S1",
            "PNS",
            *a,
            "",
        ]
        for c, v in enumerate(values, 1):
            ws.cell(r, c, v)
        r += 1
    sums = [sum(a[u] for a in answers) for u in range(9)]
    ws.cell(r, 1, "Jumlah")
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
    for u in range(9):
        ws.cell(r, 7 + u, sums[u])
    ws.cell(r + 1, 1, "NRR")
    for u in range(9):
        ws.cell(r + 1, 7 + u, round(sums[u] / n, 3))
    ws.cell(r + 2, 1, "NRR tertimbang")
    for u in range(9):
        ws.cell(r + 2, 7 + u, round(sums[u] / n / 9, 3))
    n_resp, konversi = ikm(answers)
    ws.cell(r + 3, 1, "IKM")
    ws.cell(r + 3, 7, float(konversi))
    ws.cell(r + 5, 10, "Mengetahui,")
    ws.cell(r + 6, 10, "Kepala Puskesmas Rakumpit")
    ws.cell(r + 9, 10, "NIP. 19700101 199503 1 002")
    for c in range(1, width + 1):
        ws.column_dimensions[get_column_letter(c)].width = 12
    return _xlsx(wb), {
        "unit": "PUSKESMAS RAKUMPIT",
        "lokasi": "Rakumpit",
        "n": n_resp,
        "ikm": konversi,
        "sums": sums,
        "dropped": 4,
    }


def skm_legacy(n: int = 20) -> tuple[bytes, dict]:
    """A legacy form where U8 is 'Sarana' and U9 'Penanganan pengaduan' (keyed by name, not position)."""
    answers = _answers(n, 6)
    for a in answers:
        a[8], a[7] = 4, 2  # sarana (u9) all 4, pengaduan (u8) all 2
    header = ["NO", "TANGGAL", "UNIT LAYANAN", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8 Sarana", "U9 Penanganan pengaduan"]
    lines = [";".join(header)]
    for i, a in enumerate(answers):
        written = a[:7] + [a[8], a[7]]  # columns in the legacy order
        lines.append(";".join([str(i + 1), f"{1 + i % 28}-04-2025", "Kantor Kecamatan Medan Belawan", *map(str, written)]))
    n_resp, konversi = ikm(answers)
    return ("\n".join(lines) + "\n").encode("cp1252"), {
        "n": n_resp,
        "ikm": konversi,
        "u8": 2.0,
        "u9": 4.0,
        "unit": "Kantor Kecamatan Medan Belawan",
    }


QUESTIONS = [
    (
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
        ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    ),
    (
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        ["Sangat sulit", "Sulit", "Mudah", "Sangat mudah"],
    ),
    (
        "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
        ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"],
    ),
    (
        "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
        ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"],
    ),
    (
        "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar "
        "pelayanan dengan hasil yang diberikan?",
        ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    ),
    (
        "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
        ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"],
    ),
    (
        "Bagaimana pendapat saudara perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
        ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"],
    ),
    (
        "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
        ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"],
    ),
    ("Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?", ["Buruk", "Cukup", "Baik", "Sangat Baik"]),
]


def _quote(v: str) -> str:
    return '"' + v.replace('"', '""') + '"'


def google_forms(n: int = 40, english: bool = False, scale5: bool = False) -> tuple[bytes, dict]:
    """A Google Forms CSV: 'Cap waktu'/'Timestamp' d/m/yyyy h:mm:ss, question texts as headers, answer labels."""
    rnd = random.Random(7)
    answers = [[rnd.randint(1, 4) for _ in range(9)] for _ in range(n)]
    head = [
        "Timestamp" if english else "Cap waktu",
        "Jenis Kelamin",
        "Usia",
        "Pendidikan Terakhir",
        "Pekerjaan",
        "Jenis layanan yang diterima",
        *[q for q, _ in QUESTIONS],
        "Saran dan masukan",
    ]
    lines = [",".join(_quote(h) for h in head)]
    five = ["Sangat tidak puas", "Tidak puas", "Netral", "Puas", "Sangat puas"]
    for i, a in enumerate(answers):
        when = f"{1 + i % 28}/{1 + i % 3}/2025 {8 + i % 9}:{i % 60:02d}:{(i * 7) % 60:02d}"
        labels = [five[v] if scale5 else QUESTIONS[u][1][v - 1] for u, v in enumerate(a)]
        lines.append(
            ",".join(
                _quote(v)
                for v in [
                    when,
                    "Laki-laki" if i % 2 else "Perempuan",
                    str(20 + i),
                    "SMA/sederajat",
                    "Swasta",
                    "KTP-el",
                    *labels,
                    "Petugas ramah, antrian, mohon ditambah kursi" if i % 5 == 0 else "",
                ]
            )
        )
    n_resp, konversi = ikm(answers)
    return ("\n".join(lines) + "\n").encode("utf-8"), {"n": n_resp, "ikm": konversi, "periode": "2025-Q1"}


def skp_document(nip: str) -> bytes:
    """The per-employee SKP form (PermenPANRB 6/2022): a document with merged cells, not a table."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "SKP"
    _title(ws, 1, "SASARAN KINERJA PEGAWAI", 8)
    _title(ws, 2, "PENDEKATAN HASIL KERJA KUANTITATIF BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL", 8)
    ws.cell(3, 1, "PEMERINTAH KOTA JAMBI")
    ws.cell(3, 6, "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2025")
    ws.cell(4, 1, "NO")
    ws.cell(4, 2, "PEGAWAI YANG DINILAI")
    ws.cell(4, 5, "NO")
    ws.cell(4, 6, "PEJABAT PENILAI KINERJA")
    for r, (k, v) in enumerate(
        [
            ("NAMA", "Budi Santoso"),
            ("NIP", nip),
            ("PANGKAT/GOL RUANG", "Penata / III/c"),
            ("JABATAN", "Pranata Komputer Ahli Muda"),
            ("UNIT KERJA", "Disdukcapil"),
        ],
        5,
    ):
        ws.cell(r, 1, r - 4)
        ws.cell(r, 2, k)
        ws.cell(r, 3, v)
    ws.cell(11, 1, "HASIL KERJA")
    ws.append(
        [
            "NO",
            "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
            "RENCANA HASIL KERJA",
            "ASPEK",
            "INDIKATOR KINERJA INDIVIDU",
            "TARGET",
        ]
    )
    ws.append([1, "Meningkatnya layanan", "Tersedianya KTP-el", "Kuantitas", "Jumlah KTP-el dicetak", "250 Keping"])
    ws.append([2, "Meningkatnya layanan", "Tersedianya data", "Kualitas", "Akurasi data", "100 %"])
    return _xlsx(wb)
