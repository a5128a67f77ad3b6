"""Indonesian vocabularies for the files offices bring: headers, SKM questions and answer labels, footers.

Written from the published layouts (BKN e-Kinerja downloads, SIASN/SIMPEG rosters,
PermenPANRB 14/2017 questionnaire and survey-app reports). Everything here is a plain
lookup or a keyword rule; the fuzzy suggestions (rapidfuzz) come last and are marked
as less certain.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from pipelines.months import MONTH_NUMBER
from pipelines.sources import KINDS, UNSUR, header_key

# Extra header spellings per kind, beyond those in sources.KINDS (which the demo files use).
EXTRA: dict[str, dict[str, list[str]]] = {
    "pegawai": {
        "nip": ["nip_baru", "nip_18"],
        "nama": ["nama_pns", "nama_asn"],
        "golongan": [
            "gol_akhir_nama",
            "golru",
            "gol_ruang",
            "gol_akhir",
            "pangkat_gol",
            "golongan_akhir",
            "pangkat_golongan_ruang",
        ],
        "jenis_jabatan": ["jenis_jabatan_nama", "skp_jenis_jabatan"],
        "jabatan": ["jabatan_nama", "skp_jabatan", "nama_jabatan", "jabatan_terakhir"],
        "unit_kerja": ["unor_nama", "skp_unor", "unit_organisasi", "unor", "unit_kerja_nama"],
        "opd": [
            "unor_induk_nama",
            "skp_unor_induk",
            "satuan_kerja_kerja_nama",
            "satuan_kerja_nama",
            "opd_nama",
            "unit_kerja_induk",
            "unor_induk",
        ],
        "instansi": ["instansi_induk_nama", "instansi_kerja_nama", "instansi_nama"],
        "lokasi": ["lokasi_kerja_nama", "lokasi_kerja", "kabupaten_kota"],
        "status_asn": ["jenis_pegawai", "jenis_pegawai_nama", "status_pegawai", "kedudukan_pegawai"],
        "nip_atasan": ["pegawai_atasan_nip", "nip_atasan_langsung", "atasan_langsung_nip"],
    },
    "evaluasi": {
        "nip": ["nip_baru"],
        "rating_hasil_kerja": ["hasil_kerja", "rating_hasil_kerja", "nilai_hasil_kerja"],
        "rating_perilaku": ["perilaku_kerja", "rating_perilaku_kerja", "nilai_perilaku_kerja"],
        "predikat": ["hasil_akhir", "predikat_kinerja", "predikat_akhir", "predikat_kinerja_pegawai"],
        "periode": ["periode_penilaian", "bulan_penilaian"],
    },
    "skm": {
        "unit_layanan": ["nama_unit_layanan", "unit_pelayanan", "nama_unit", "unit_kerja", "unit_penyelenggara"],
        "tanggal": [
            "cap_waktu",
            "timestamp",
            "tanggal_pengisian",
            "waktu_pengisian",
            "tanggal_survey",
            "tgl_survei",
            "tanggal_isi",
        ],
        "jenis_kelamin": ["l_p", "jenis_kelamin_responden"],
        "usia": ["umur_tahun", "usia_tahun", "usia_responden"],
        "pendidikan": ["pendidikan_terakhir"],
        "pekerjaan": ["pekerjaan_utama", "pekerjaan_responden"],
        "layanan": [
            "jenis_layanan",
            "layanan_yang_diterima",
            "jenis_pelayanan",
            "layanan_yang_diterima_hari_ini",
            "jenis_layanan_yang_diterima",
        ],
        "kritik_saran": [
            "saran_dan_masukan",
            "kritik_dan_saran",
            "saran_masukan",
            "kritik",
            "masukan",
            "kritik_saran_dan_masukan",
        ],
    },
}

# SKM unsur by keyword, checked in this order (a header or question text naming the thing asked about).
UNSUR_WORDS: list[tuple[str, str]] = [
    ("u8", r"pengaduan"),
    ("u9", r"sarana|prasarana"),
    ("u4", r"biaya|tarif"),
    ("u1", r"persyaratan"),
    ("u5", r"produk|spesifikasi"),
    ("u6", r"kompeten|kemampuan"),
    ("u7", r"perilaku|sopan|ramah"),
    ("u3", r"waktu|kecepatan|cepat"),
    ("u2", r"prosedur|mekanisme|alur|kemudahan"),
]

# PermenPANRB 14/2017 questionnaire answers (and the usual variants) on the 1-4 scale.
ANSWERS: dict[str, int] = {}
for _v, _labels in {
    1: [
        "tidak sesuai",
        "tidak mudah",
        "sangat sulit",
        "tidak cepat",
        "sangat lambat",
        "sangat mahal",
        "tidak kompeten",
        "tidak sopan dan ramah",
        "tidak sopan dan tidak ramah",
        "sangat tidak sopan",
        "buruk",
        "sangat buruk",
        "tidak ada",
        "tidak puas",
        "tidak baik",
        "tidak wajar",
        "sangat tidak sesuai",
    ],
    2: [
        "kurang sesuai",
        "kurang mudah",
        "sulit",
        "kurang cepat",
        "lambat",
        "cukup mahal",
        "mahal",
        "kurang kompeten",
        "kurang sopan dan ramah",
        "kurang sopan",
        "cukup",
        "kurang baik",
        "ada tetapi tidak berfungsi",
        "ada tapi tidak berfungsi",
        "kurang puas",
        "kurang wajar",
    ],
    3: [
        "sesuai",
        "mudah",
        "cepat",
        "murah",
        "kompeten",
        "sopan dan ramah",
        "sopan",
        "baik",
        "berfungsi kurang maksimal",
        "puas",
        "wajar",
    ],
    4: [
        "sangat sesuai",
        "sangat mudah",
        "sangat cepat",
        "gratis",
        "sangat murah",
        "sangat kompeten",
        "sangat sopan dan ramah",
        "sangat sopan",
        "sangat baik",
        "dikelola dengan baik",
        "sangat puas",
        "sangat wajar",
    ],
}.items():
    for _l in _labels:
        ANSWERS[_l] = _v

# Labels of other scales: a form using them is not the 14/2017 four-point questionnaire.
OTHER_SCALE = re.compile(r"\b(netral|ragu|biasa saja|sangat tidak puas|cukup puas|sangat tidak setuju|setuju)\b")

# First cells of rows under a table that summarise it (survey-app reports, recaps).
FOOTER = re.compile(
    r"^(jumlah|total|nrr|nilai rata|rata[- ]?rata|ikm|nilai ikm|konversi|mutu|kinerja unit|nilai unsur|"
    r"nrr tertimbang|keterangan|catatan|mengetahui|ket\.?\s*:|sumber)\b",
    re.I,
)

NOT_RATED = {"-", "–", "—", "belum dinilai", "belum ada", "n/a", "na", "tidak dinilai", "belum"}


# Columns a file may lack because the value is context (title cells, info sheet, file name, the user).
CONTEXT_TARGETS = {
    "pegawai": ["lokasi", "opd"],
    "evaluasi": ["periode"],
    "skm": ["lokasi", "unit_layanan", "tanggal"],
    "capaian": ["periode"],
    "perilaku": ["periode"],
}


def aliases(kind: str) -> dict[str, str]:
    """Header key -> target for one kind (sources.KINDS plus the published layouts)."""
    out: dict[str, str] = {}
    k = KINDS[kind]
    for target in k.columns:
        out.setdefault(header_key(target), target)
    for target, names in k.aliases.items():
        for a in names:
            out.setdefault(header_key(a), target)
    for target, names in EXTRA.get(kind, {}).items():
        for a in names:
            out[header_key(a)] = target
    if kind == "skm":
        for u, name in UNSUR.items():
            out[header_key(name)] = u
    return out


_ALIASES = {k: aliases(k) for k in KINDS}


def unsur_of(key: str) -> tuple[str, float] | None:
    """The SKM unsur a header or question names: by its name first, then by its U-number."""
    for u, pattern in UNSUR_WORDS:
        if re.search(pattern, key):
            return u, (0.95 if re.match(r"u_?\d", key) else 0.85)
    m = re.match(r"^u_?([1-9])(?:_|$)", key)
    if m:
        return f"u{m.group(1)}", 0.8
    return None


def match(header: str, kind: str) -> tuple[str | None, float]:
    """The target a header stands for in one kind, with a confidence from 0 to 1."""
    key = header_key(header)
    if not key:
        return None, 0.0
    table = _ALIASES[kind]
    if key in table:
        return table[key], 1.0
    if kind == "skm":
        found = unsur_of(key)
        if found and (len(key) > 3 or found[1] >= 0.8):
            return found
    best = process.extractOne(key, list(table), scorer=fuzz.ratio, score_cutoff=86) if len(key) >= 4 else None
    if best:
        return table[best[0]], round(best[1] / 100 * 0.7, 2)
    return None, 0.0


def is_header_cell(cell: str) -> bool:
    """Whether a cell reads like a known column header of any kind."""
    key = header_key(cell)
    if not key or re.fullmatch(r"[\d_]+", key):
        return False
    if any(key in t for t in _ALIASES.values()) or key in MONTH_NUMBER or key == "tahunan":
        return True
    return unsur_of(key) is not None and len(key) < 160


def answer(label: str | None) -> int | None:
    """A questionnaire answer on the 1-4 scale: '4', '4 - Sangat sesuai', 'Sangat sesuai', 'Gratis'."""
    if label is None:
        return None
    s = str(label).strip().lower()
    m = re.match(r"^([1-4])(?:[.,]0+)?(?:\s*[-.:)]\s*.*)?$", s)
    if m:
        return int(m.group(1))
    s = re.sub(r"[^a-z ]+", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return ANSWERS.get(s)
