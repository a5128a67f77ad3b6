"""Appraisal vocabularies (PermenPANRB 6/2022, PP 30/2019): ratings, predikat, the matrix between them, their
order, the BerAKHLAK core values, and the names of the coaching and recognition rules."""

from __future__ import annotations

# The regimes an appraisal record follows (domain.md 3.1-3.3): PermenPANRB 6/2022, PP 30/2019, PP 46/2011.
REZIM_6_2022, REZIM_PP30, REZIM_PP46 = "PermenPANRB 6/2022", "PP 30/2019", "PP 46/2011"
REGIMES = (REZIM_6_2022, REZIM_PP30, REZIM_PP46)

RATING = ["Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"]
PREDIKAT = ["Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang"]
PREDIKAT_ORG = ["Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"]

# (hasil kerja, perilaku, predikat): PermenPANRB 6/2022 Lampiran
MATRIX = [
    ("Di Atas Ekspektasi", "Di Bawah Ekspektasi", "Kurang/Misconduct"),
    ("Di Atas Ekspektasi", "Sesuai Ekspektasi", "Baik"),
    ("Di Atas Ekspektasi", "Di Atas Ekspektasi", "Sangat Baik"),
    ("Sesuai Ekspektasi", "Di Bawah Ekspektasi", "Kurang/Misconduct"),
    ("Sesuai Ekspektasi", "Sesuai Ekspektasi", "Baik"),
    ("Sesuai Ekspektasi", "Di Atas Ekspektasi", "Baik"),
    ("Di Bawah Ekspektasi", "Di Bawah Ekspektasi", "Sangat Kurang"),
    ("Di Bawah Ekspektasi", "Sesuai Ekspektasi", "Butuh Perbaikan"),
    ("Di Bawah Ekspektasi", "Di Atas Ekspektasi", "Butuh Perbaikan"),
]

# (predikat, order best -> worst, ordinal 1-5): the ordinal is a design choice for trends across regimes;
# PP 30/2019 and PP 46/2011 words (Cukup, Kurang, Buruk) sit beside the 6/2022 ones.
PREDIKAT_ORDER = [
    ("Sangat Baik", 1, 5),
    ("Baik", 2, 4),
    ("Butuh Perbaikan", 3, 3),
    ("Cukup", 3, 3),
    ("Kurang/Misconduct", 4, 2),
    ("Kurang", 4, 2),
    ("Sangat Kurang", 5, 1),
    ("Buruk", 5, 1),
]

# Each regime's predikat from best to worst: the 1-5 ordinal of a period is 5 for the first word of the regime
# in force then, 1 for the last (PREDIKAT_ORDER holds the same numbers per word).
PREDIKAT_BY_REGIME: dict[str, list[str]] = {
    REZIM_6_2022: PREDIKAT,
    REZIM_PP30: ["Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"],
    REZIM_PP46: ["Sangat Baik", "Baik", "Cukup", "Kurang", "Buruk"],
}

# The seven BerAKHLAK core values (SE MenPANRB 20/2021): stored column code -> (Indonesian, English) label.
BERAKHLAK_LABELS: dict[str, tuple[str, str]] = {
    "berorientasi_pelayanan": ("Berorientasi Pelayanan", "Service-oriented"),
    "akuntabel": ("Akuntabel", "Accountable"),
    "kompeten": ("Kompeten", "Competent"),
    "harmonis": ("Harmonis", "Harmonious"),
    "loyal": ("Loyal", "Loyal"),
    "adaptif": ("Adaptif", "Adaptive"),
    "kolaboratif": ("Kolaboratif", "Collaborative"),
}
BERAKHLAK = list(BERAKHLAK_LABELS)

# Who rates behaviour (360°): stored code -> (Indonesian, English) label.
RATER_ROLES: dict[str, tuple[str, str]] = {
    "atasan": ("Atasan", "Supervisor"),
    "rekan": ("Rekan kerja", "Peer"),
    "bawahan": ("Bawahan", "Subordinate"),
    "masyarakat": ("Masyarakat", "Public"),
    "diri": ("Diri sendiri", "Self"),
}

# The one code a blank jenis kelamin, status, golongan or jenis jabatan becomes in the roster dimension (and
# so in every mart and filter); the UI translates it.
TIDAK_DIISI = "Tidak diisi"

# Why someone is on the coaching list (mart_pembinaan's aturan_<rule> columns; settings [pembinaan]):
# a poor predikat, hasil kerja under the cutoff for consecutive periods, a falling trend.
COACHING_RULES = ("predikat", "berturut", "tren")

# Behaviour scores are stored on 0-100. Other scales a file may use, and the documented conversion a user may
# choose for each (never applied unasked): scale -> (factor, whether 0 means "not rated", Indonesian, English).
BEHAVIOUR_SCALE = "0-100"
BEHAVIOUR_CONVERSIONS: dict[str, tuple[int, bool, str, str]] = {
    "1-10": (10, True, "nilai 1-10 dikali 10; 0 = tidak dinilai", "1-10 scores times 10; 0 = not rated"),
    "1-5": (20, False, "nilai 1-5 dikali 20", "1-5 scores times 20"),
}
