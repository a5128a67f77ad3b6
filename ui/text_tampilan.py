"""Labels of the display rules: small-group marks, what n counts, downloads and plain words (merged into ui.i18n)."""

from __future__ import annotations

from ui.i18n import COLUMNS, T

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
    "ci_note2": (
        "Garis = selang kepercayaan {c}% (rentang tempat rata-rata sebenarnya kemungkinan besar berada), dengan "
        "pegawai sebagai satuan: setiap pegawai dihitung sekali dengan rata-rata hasil kerjanya dalam rentang. "
        "Kelompok dengan kurang dari {m} pegawai ditandai ✕ dan belum layak dibandingkan.",
        "Bars = {c}% confidence interval (the range the true mean very likely lies in), with the employee as the "
        "unit: each employee counts once, with their mean work result over the range. Groups of fewer than {m} "
        "employees are marked ✕ and are too small to compare.",
    ),
    "mean_score_ci": ("Rata-rata hasil kerja (selang kepercayaan {c}%)", "Mean work result ({c}% confidence interval)"),
    "percentile_note": (
        "Persentil dalam lokasi: 100 = OPD dengan rata-rata tertinggi di lokasinya, 0 = terendah. "
        "Kelompok ✕ ikut diperingkat tetapi belum layak dibandingkan.",
        "Percentile within place: 100 = the OPD with the highest mean in its place, 0 = the lowest. "
        "Groups marked ✕ are ranked but too small to compare.",
    ),
    "skor_basis2": (
        "Sebaran: pegawai yang dinilai pada periode terakhir dalam rentang, sebagai persentase pegawai lokasi itu. "
        "Komposisi predikat: semua nilai pegawai-periode dalam rentang yang punya predikat.",
        "Distribution: employees appraised in the last period of the range, as a share of the place's employees. "
        "Predikat mix: every employee-period score in the range that has a predikat.",
    ),
    "leniency_note2": (
        "Atasan yang memberi nilai perilaku lebih tinggi daripada rata-rata semua penilai, diurutkan dari yang "
        "paling tinggi. Skor z = selisih dari rata-rata penilai dalam simpangan baku; daftar ini memuat penilai "
        "dengan skor z minimal {z}, bersama hasil kerja bawahannya sebagai pembanding. Hanya penilai dengan ≥ {k} "
        "bawahan dinilai.",
        "Superiors who rate behaviour above the average of all raters, highest first. The z-score is the distance "
        "from the raters' average in standard deviations; the list holds raters with a z-score of at least {z}, "
        "with their staff's work results alongside. Only raters of ≥ {k} staff.",
    ),
    "leniency_none": (
        "Tidak ada penilai dengan skor z minimal {z} dalam filter ini.",
        "No rater has a z-score of at least {z} in these filters.",
    ),
    "ordinal_note": (
        "Skor ordinal 1–5 (Sangat Baik = 5 … Sangat Kurang = 1) dipakai agar predikat dari aturan lama dan aturan "
        "baru dapat dibandingkan dalam satu skala; ini bukan nilai resmi.",
        "The ordinal score 1–5 (Sangat Baik = 5 … Sangat Kurang = 1) puts predikat from the old and the new rules on "
        "one scale so they can be compared; it is not an official score.",
    ),
    "ref_line": ("acuan {v}", "reference {v}"),
    "target_line": ("target 100%", "target 100%"),
    "page_controls": ("Pilihan halaman", "Page controls"),
    "tz_name": ("WIB", "WIB"),
    "all_places_file": ("semua-lokasi", "all-places"),
    "pp30_differs": (
        "Predikat dan nilai PP 30/2019 dihitung dengan cara berbeda: predikat (PermenPANRB 6/2022) menggabungkan "
        "rating hasil kerja dan rating perilaku, atau diambil dari predikat resmi bila ada; nilai PP 30/2019 "
        "adalah angka gabungan {a}% hasil kerja + {b}% perilaku menurut aturan lama. Keduanya dapat berbeda untuk "
        "periode yang sama.",
        "Predikat and the PP 30/2019 score are computed differently: the predikat (PermenPANRB 6/2022) combines the "
        "work-result and behaviour ratings, or is the official predikat where one exists; the PP 30/2019 score is a "
        "single number, {a}% work result + {b}% behaviour under the old rules. The two can differ for the same period.",
    ),
}

COLS: dict[str, tuple[str, str]] = {
    "kelompok_kecil": ("Kelompok kecil", "Small group"),
    "n_pegawai": ("Pegawai", "Employees"),
    "n_nilai": ("Nilai pegawai-periode", "Employee-period scores"),
}

T.update(TEXT)
COLUMNS.update(COLS)
