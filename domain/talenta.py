"""Talent management vocabularies (PermenPANRB 3/2020): the nine-box, potential levels, discipline levels and the
statuses that excuse an employee from an SKP.

The box numbers are the regulation's layout as agencies publish it (top row first 4 7 9 / 2 5 8 / 1 3 6); the
names, actions and cut-offs are agency choices and live in settings ([talenta]) with these as defaults.
"""

from __future__ import annotations

# Kinerja (vertical) and potensial (horizontal) levels, low to high.
KINERJA_LEVELS = ("di_bawah", "sesuai", "di_atas")
POTENSIAL_LEVELS = ("rendah", "menengah", "tinggi")

# (kinerja, potensial) -> box number; rows top first: di atas 4 7 9, sesuai 2 5 8, di bawah 1 3 6.
BOX: dict[tuple[str, str], int] = {
    ("di_atas", "rendah"): 4,
    ("di_atas", "menengah"): 7,
    ("di_atas", "tinggi"): 9,
    ("sesuai", "rendah"): 2,
    ("sesuai", "menengah"): 5,
    ("sesuai", "tinggi"): 8,
    ("di_bawah", "rendah"): 1,
    ("di_bawah", "menengah"): 3,
    ("di_bawah", "tinggi"): 6,
}
# the grid as drawn: rows top (di atas) to bottom, columns left (rendah) to right
GRID = [[BOX[(k, p)] for p in POTENSIAL_LEVELS] for k in reversed(KINERJA_LEVELS)]

# Assessment categories as exports write them -> potential level. Kompetensi recommendations (Memenuhi Syarat /
# Masih Memenuhi Syarat / Kurang Memenuhi Syarat) and "optimal" wording are read as high / middle / low: a design
# choice (the regulation names the levels, not these words), said on Panduan.
KATEGORI_POTENSIAL = {
    "tinggi": "tinggi",
    "high": "tinggi",
    "optimal": "tinggi",
    "ms": "tinggi",
    "memenuhi syarat": "tinggi",
    "menengah": "menengah",
    "sedang": "menengah",
    "medium": "menengah",
    "cukup": "menengah",
    "cukup optimal": "menengah",
    "mms": "menengah",
    "masih memenuhi syarat": "menengah",
    "rendah": "rendah",
    "low": "rendah",
    "kurang": "rendah",
    "kurang optimal": "rendah",
    "kms": "rendah",
    "tms": "rendah",
    "kurang memenuhi syarat": "rendah",
    "tidak memenuhi syarat": "rendah",
}

# Discipline levels (PP 94/2021: hukuman disiplin ringan / sedang / berat); SIASN writes R / S / B.
TINGKAT_HUKUMAN = {
    "ringan": "ringan",
    "r": "ringan",
    "hukuman disiplin ringan": "ringan",
    "tingkat ringan": "ringan",
    "hukdis ringan": "ringan",
    "sedang": "sedang",
    "s": "sedang",
    "hukuman disiplin sedang": "sedang",
    "tingkat sedang": "sedang",
    "hukdis sedang": "sedang",
    "berat": "berat",
    "b": "berat",
    "hukuman disiplin berat": "berat",
    "tingkat berat": "berat",
    "hukdis berat": "berat",
}

# Statuses that may excuse an employee from an SKP in a period (domain.md 5) and how exports spell them.
JENIS_STATUS = {
    "cltn": "cltn",
    "cuti di luar tanggungan negara": "cltn",
    "cuti diluar tanggungan negara": "cltn",
    "cuti luar tanggungan negara": "cltn",
    "tugas belajar": "tugas_belajar",
    "tubel": "tugas_belajar",
    "tb": "tugas_belajar",
    "pensiun": "pensiun",
    "purna tugas": "pensiun",
    "pensiun bup": "pensiun",
    "mutasi": "mutasi",
    "mutasi keluar": "mutasi",
    "pindah instansi": "mutasi",
    "pindah keluar": "mutasi",
    "diberhentikan sementara": "diberhentikan_sementara",
    "pemberhentian sementara": "diberhentikan_sementara",
    "meninggal": "meninggal",
    "meninggal dunia": "meninggal",
    "wafat": "meninggal",
}
