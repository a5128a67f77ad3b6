"""Labels of the display rules: small-group marks, what n counts, downloads and plain words (merged into ui.i18n)."""

from __future__ import annotations

from ui.i18n import COLUMNS, VALUES, T

TEXT: dict[str, tuple[str, str]] = {
    "n_employees": ("{n} pegawai", "{n} employees"),
    "n_employee_periods": ("{n} nilai pegawai-periode", "{n} employee-period scores"),
    "n_scores_short": ("{n} nilai", "{n} scores"),
    "small_rule": (
        "kelompok kecil: kurang dari {m} pegawai dinilai, belum layak dibandingkan",
        "small group: fewer than {m} employees appraised, too small to compare",
    ),
    "n_counts_note": (
        "“pegawai” = pegawai berbeda yang dinilai dalam rentang; “nilai” = nilai pegawai-periode (satu pegawai "
        "dinilai tiap periode).",
        "“employees” = distinct employees appraised in the range; “scores” = employee-period scores (one per "
        "employee per period).",
    ),
    "mean_score_ci": ("Rata-rata hasil kerja (selang kepercayaan {c}%)", "Mean work result ({c}% confidence interval)"),
    "percentile_note": (
        "Persentil dalam lokasi: 100 = OPD dengan rata-rata tertinggi di lokasinya, 0 = terendah. "
        "Kelompok ✕ ikut diperingkat tetapi belum layak dibandingkan.",
        "Percentile within place: 100 = the OPD with the highest mean in its place, 0 = the lowest. "
        "Groups marked ✕ are ranked but too small to compare.",
    ),
    "leniency_none": (
        "Tidak ada penilai dengan skor z minimal {z} dalam filter ini.",
        "No rater has a z-score of at least {z} in these filters.",
    ),
    "ci_columns_note": (
        "Batas bawah dan atas 95% = selang kepercayaan 95% dari rata-rata hasil kerja.",
        "95% interval low and high = the 95% confidence interval of the mean work result.",
    ),
    "ref_line": ("acuan {v}", "reference {v}"),
    "target_line": ("target 100%", "target 100%"),
    "page_controls": ("Pilihan halaman", "Page controls"),
    "tz_name": ("WIB", "WIB"),
    "all_places_file": ("semua-lokasi", "all-places"),
    "pp30_differs": (
        "Predikat dan nilai PP 30/2019 dihitung dengan cara berbeda: predikat (PermenPANRB 6/2022) menggabungkan "
        "rating hasil kerja dan rating perilaku, atau diambil dari predikat resmi bila ada; nilai PP 30/2019 "
        "adalah angka gabungan {a}% hasil kerja + {b}% perilaku ({c}% + {d}% bila perilaku dinilai juga oleh rekan atau "
        "bawahan) menurut aturan lama. Keduanya dapat berbeda untuk "
        "periode yang sama.",
        "Predikat and the PP 30/2019 score are computed differently: the predikat (PermenPANRB 6/2022) combines the "
        "work-result and behaviour ratings, or is the official predikat where one exists; the PP 30/2019 score is a "
        "single number, {a}% work result + {b}% behaviour ({c}% + {d}% where peers or staff also rate behaviour) under the "
        "old rules. The two can differ for the same period.",
    ),
}

COLS: dict[str, tuple[str, str]] = {
    "kelompok_kecil": ("Kelompok kecil", "Small group"),
    "n_pegawai": ("Pegawai", "Employees"),
    "n_nilai": ("Nilai pegawai-periode", "Employee-period scores"),
}

# The rating words of PermenPANRB 6/2022, for readers of the English view (the Indonesian word stays beside it).
RATINGS: dict[str, tuple[str, str]] = {
    "Di Atas Ekspektasi": ("Di Atas Ekspektasi", "Above expectations (Di Atas Ekspektasi)"),
    "Sesuai Ekspektasi": ("Sesuai Ekspektasi", "As expected (Sesuai Ekspektasi)"),
    "Di Bawah Ekspektasi": ("Di Bawah Ekspektasi", "Below expectations (Di Bawah Ekspektasi)"),
}

T.update(TEXT)
VALUES.setdefault("rating_hasil_kerja", RATINGS)
VALUES.setdefault("rating_perilaku", RATINGS)
COLUMNS.update(COLS)
