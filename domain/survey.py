"""Survey vocabularies (PermenPANRB 14/2017 SKM, and the KepmenPAN 25/2004 index before it): the nine unsur
with their labels, the questionnaire's answers on its 1-4 scale, and the weights of the index."""

from __future__ import annotations

import re

# SKM unsur keyed by code: (the regulation's name, Indonesian label, English label). Implementations
# disagree on the order of U8/U9, so headers are matched by name first, then by U-number.
UNSUR_LABELS: dict[str, tuple[str, str, str]] = {
    "u1": ("Persyaratan", "Persyaratan", "Requirements"),
    "u2": ("Sistem, Mekanisme, dan Prosedur", "Sistem, mekanisme, dan prosedur", "Procedures"),
    "u3": ("Waktu Penyelesaian", "Waktu penyelesaian", "Completion time"),
    "u4": ("Biaya/Tarif", "Biaya/tarif", "Cost/fee"),
    "u5": ("Produk Spesifikasi Jenis Pelayanan", "Produk layanan", "Service product"),
    "u6": ("Kompetensi Pelaksana", "Kompetensi pelaksana", "Staff competence"),
    "u7": ("Perilaku Pelaksana", "Perilaku pelaksana", "Staff conduct"),
    "u8": ("Penanganan Pengaduan, Saran dan Masukan", "Penanganan pengaduan", "Complaint handling"),
    "u9": ("Sarana dan Prasarana", "Sarana dan prasarana", "Facilities"),
}
UNSUR: dict[str, str] = {code: names[0] for code, names in UNSUR_LABELS.items()}

# The questionnaire's scale: every answer is a whole number in [ANSWER_MIN, ANSWER_MAX].
ANSWER_MIN, ANSWER_MAX = 1, 4

# The index's weight per unsur as a fraction (numerator, denominator), by the setting [skm] weights:
# 14/2017 weighs the nine unsur equally (1/9); older calculators round it to 0,111 or 0,11.
SKM_WEIGHTS: dict[str, tuple[int, int]] = {"equal": (1, 9), "legacy_0111": (111, 1000), "legacy_011": (11, 100)}

# SKM unsur by keyword, checked in this order (a header or question text naming the thing asked about).
UNSUR_WORDS: list[tuple[str, str]] = [
    ("u8", r"pengaduan"),
    ("u9", r"sarana|prasarana"),
    ("u4", r"biaya|tarif"),
    ("u1", r"persyaratan"),
    ("u5", r"produk|spesifikasi|kesesuaian_(pelayanan|layanan|hasil)"),
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

# The questionnaire's four options printed as letters (PermenPANRB 14/2017 annex: a is the worst, d the best):
# the documented conversion a user may choose for answers keyed as letters (the CLI's --skala a-d).
LETTER_ANSWERS: dict[str, int] = {"a": 1, "b": 2, "c": 3, "d": 4}
ANSWER_SCALE = f"{ANSWER_MIN}-{ANSWER_MAX}"

# KepmenPAN 25/2004 (the index before 14/2017): fourteen unsur answered 1-4, each weighted 0,071 as the decree
# writes it (1/14 rounded), IKM x 25 for the converted index, and the decree's own grade edges (lower bounds).
UNSUR_2004: dict[str, str] = {
    "u1": "Prosedur pelayanan",
    "u2": "Persyaratan pelayanan",
    "u3": "Kejelasan petugas pelayanan",
    "u4": "Kedisiplinan petugas pelayanan",
    "u5": "Tanggung jawab petugas pelayanan",
    "u6": "Kemampuan petugas pelayanan",
    "u7": "Kecepatan pelayanan",
    "u8": "Keadilan mendapatkan pelayanan",
    "u9": "Kesopanan dan keramahan petugas",
    "u10": "Kewajaran biaya pelayanan",
    "u11": "Kepastian biaya pelayanan",
    "u12": "Kepastian jadwal pelayanan",
    "u13": "Kenyamanan lingkungan",
    "u14": "Keamanan pelayanan",
}
WEIGHT_2004 = 0.071
GRADES_2004 = [("A", 81.26), ("B", 62.51), ("C", 43.76), ("D", 25.0)]
