"""Writes the talent-management fixtures beside this script in the layouts SIMPEG / SIASN and talent-management
applications export (sources in README.md). Every value is typed here by hand, so the expected values in
tests/test_talenta_intake.py are worked out from this listing, not by the pipeline.

Run once (`uv run python tests/data/talenta/make_talenta.py`); the files are committed.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

HERE = Path(__file__).parent
# On the corpus roster simpeg_export_pegawai_pangkat.csv (Bangko, Dinas Kesehatan): N2, N5, N8, N6. N1 is not.
N1, N2, N5, N6, N8 = (
    "198503122010011001",
    "199001052015032002",
    "199205302019031005",
    "198112082008012006",
    "199409222020122008",
)


def spaced(nip: str) -> str:
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


def text(name: str, rows: list[list[str]], sep: str = ",") -> None:
    def cell(v: str) -> str:
        v = str(v)
        return f'"{v}"' if (sep in v or '"' in v) else v

    (HERE / name).write_bytes(("\r\n".join(sep.join(cell(c) for c in r) for r in rows) + "\r\n").encode("utf-8"))


def siasn_hukdis() -> None:
    """SIASN 'riwayat hukuman disiplin' as a CSV of its fields: tingkat as R/S/B, dates dd-mm-yyyy."""
    rows = [
        [
            "nip_baru",
            "nama",
            "jenis_tingkat_hukuman",
            "jenis_hukuman_nama",
            "hukuman_tanggal",
            "akhir_hukuman_tanggal",
            "sk_nomor",
        ],
        [N2, "SITI AMINAH", "R", "Teguran lisan", "14-02-2025", "", "800/12/BKPSDM/2025"],
        [
            N5,
            "ARIF RAHMAN",
            "S",
            "Pemotongan tunjangan kinerja 25% selama 6 bulan",
            "03-06-2025",
            "02-12-2025",
            "800/31/BKPSDM/2025",
        ],
        [
            N6,
            "RATNA SARI",
            "B",
            "Penurunan jabatan setingkat lebih rendah selama 12 bulan",
            "01-09-2023",
            "31-08-2024",
            "800/77/BKPSDM/2023",
        ],
        [N8, "DEWI LESTARI", "X", "Teguran tertulis", "10-01-2026", "", "800/02/BKPSDM/2026"],  # level unknown
        [
            N2,
            "SITI AMINAH",
            "S",
            "Pemotongan tunjangan kinerja",
            "01-05-2026",
            "01-01-2026",
            "800/40/BKPSDM/2026",
        ],  # ends before start
        [N1, "BUDI SANTOSO", "R", "Teguran lisan", "05-05-2025", "", "800/20/BKPSDM/2025"],  # not on the roster
    ]
    text("siasn_riwayat_hukdis.csv", rows)


def simpeg_hukuman() -> None:
    """A regional SIMPEG 'Data Hukuman Disiplin' report: title rows, No column, spelled-out levels, dd/mm/yyyy."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Hukuman Disiplin"
    ws.append(["DATA HUKUMAN DISIPLIN PEGAWAI NEGERI SIPIL"])
    ws.append(["DINAS KESEHATAN KABUPATEN MERANGIN"])
    ws.append([])
    ws.append(["No", "NIP", "Nama", "Jenis Hukuman", "Tingkat Hukuman", "Nomor SK", "TMT Hukuman", "Akhir Hukuman"])
    ws.append([1, spaced(N8), "DEWI LESTARI", "Teguran tertulis", "Hukuman Disiplin Ringan", "862/5/2025", "20/01/2025", ""])
    ws.append([2, spaced(N6), "RATNA SARI", "Penundaan kenaikan pangkat", "Sedang", "862/9/2026", "02/03/2026", "01/03/2027"])
    wb.save(HERE / "simpeg_data_hukuman.xlsx")


def asesmen_talenta() -> None:
    """A talent-management app's assessment recap: JPM in percent with a decimal comma, the potential category."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Hasil Asesmen"
    ws.append(["REKAPITULASI HASIL PEMETAAN TALENTA (ASESMEN POTENSI DAN KOMPETENSI)"])
    ws.append([])
    ws.append(
        ["No", "NIP", "Nama", "Jabatan", "Tanggal Pelaksanaan", "Metode Penilaian", "JPM (%)", "Kategori Potensi", "Asesor"]
    )
    ws.append(
        [
            1,
            spaced(N2),
            "SITI AMINAH",
            "Perawat Ahli Pertama",
            "12/08/2025",
            "Assessment Center",
            "82,5",
            "Tinggi",
            "UPT Penilaian Kompetensi",
        ]
    )
    ws.append(
        [
            2,
            spaced(N5),
            "ARIF RAHMAN",
            "Pengelola Data",
            "12/08/2025",
            "Assessment Center",
            "64,0",
            "Rendah",
            "UPT Penilaian Kompetensi",
        ]
    )
    ws.append(
        [
            3,
            spaced(N6),
            "RATNA SARI",
            "Kepala Puskesmas",
            "13/08/2025",
            "Assessment Center",
            "71,25",
            "Menengah",
            "UPT Penilaian Kompetensi",
        ]
    )
    ws.append(
        [4, spaced(N8), "DEWI LESTARI", "Apoteker Ahli Pertama", "13/08/2025", "CAT", "", "", "UPT Penilaian Kompetensi"]
    )  # neither
    ws.append(
        [5, spaced(N8), "DEWI LESTARI", "Apoteker Ahli Pertama", "14/08/2025", "Wawancara", "120", "Tinggi", "Tim"]
    )  # > 100
    wb.save(HERE / "asesmen_manajemen_talenta.xlsx")


def asesmen_rekomendasi() -> None:
    """A competence assessment export with the kompetensi recommendation (MS / MMS / KMS) and no score."""
    rows = [
        ["NIP", "Nama", "Tgl Tes", "Alat Ukur", "Rekomendasi", "Nama Asesor"],
        [spaced(N8), "DEWI LESTARI", "2026-02-10", "CAT Kompetensi Manajerial", "MMS", "Drs. HARTONO, Psikolog"],
        [spaced(N6), "RATNA SARI", "2026-02-10", "CAT Kompetensi Manajerial", "MS", "Drs. HARTONO, Psikolog"],
    ]
    text("asesmen_kompetensi_rekomendasi.csv", rows, sep=";")


def simpeg_cuti() -> None:
    """A SIMPEG leave history: every kind of leave, of which only CLTN excuses from an SKP."""
    rows = [
        ["No", "NIP", "Nama", "Jenis Cuti", "Tanggal Mulai", "Tanggal Selesai", "No SK"],
        ["1", spaced(N5), "ARIF RAHMAN", "Cuti di Luar Tanggungan Negara", "01/01/2026", "31/12/2026", "851/3/2026"],
        ["2", spaced(N2), "SITI AMINAH", "Cuti Tahunan", "10/03/2026", "14/03/2026", "851/9/2026"],
        ["3", spaced(N8), "DEWI LESTARI", "Cuti Melahirkan", "01/04/2026", "30/06/2026", "851/12/2026"],
    ]
    text("simpeg_riwayat_cuti.csv", rows)


def siasn_kedudukan() -> None:
    """SIASN kedudukan hukum changes: study leave and retirement, open-ended ones without an end."""
    rows = [
        ["nip_baru", "nama", "kedudukan_hukum_nama", "tmt_kedudukan", "tmt_selesai", "keterangan"],
        [N8, "DEWI LESTARI", "Tugas Belajar", "01-09-2025", "31-08-2027", "S2 Farmasi Klinik"],
        [N6, "RATNA SARI", "Pensiun", "01-07-2026", "", "BUP 58"],
    ]
    text("siasn_kedudukan_hukum.csv", rows)


def ambiguous() -> None:
    """Dates without saying of what: neither a sanction nor a status; must be refused, never guessed."""
    rows = [
        ["NIP", "Nama", "Tanggal Mulai", "Tanggal Selesai", "Keterangan"],
        [spaced(N2), "SITI AMINAH", "01/02/2026", "28/02/2026", "dinas luar"],
    ]
    text("tanggal_tanpa_jenis.csv", rows)


if __name__ == "__main__":
    for make in (siasn_hukdis, simpeg_hukuman, asesmen_talenta, asesmen_rekomendasi, simpeg_cuti, siasn_kedudukan, ambiguous):
        make()
