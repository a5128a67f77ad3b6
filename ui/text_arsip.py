"""Labels of the page of earlier regimes (merged into ui.i18n's tables, kept apart for easy merges)."""

from __future__ import annotations

from ui.i18n import COLUMNS, T

TEXT: dict[str, tuple[str, str]] = {
    "page_arsip": ("Rezim terdahulu", "Earlier regimes"),
    "arsip_intro": (
        "Hasil penilaian menurut aturan yang berlaku sebelumnya: prestasi kerja PP 46/2011 (sebelum PP 30/2019) dan "
        "Indeks Kepuasan Masyarakat 14 unsur KepmenPAN 25/2004 (sebelum PermenPANRB 14/2017). Skala dan "
        "kategorinya berbeda dari yang berlaku sekarang, jadi ditampilkan terpisah dan tidak pernah digabung ke "
        "tren atau perbandingan. Rentang periode di samping tidak berlaku di halaman ini; filter lokasi dan OPD "
        "berlaku.",
        "Appraisal results under the rules in force before: PP 46/2011 work performance (before PP 30/2019) and the "
        "14-element Community Satisfaction Index of KepmenPAN 25/2004 (before PermenPANRB 14/2017). Their scales "
        "and bands differ from today's, so they are shown apart and never joined to trends or comparisons. The "
        "period range in the sidebar does not apply on this page; the place and OPD filters do.",
    ),
    "arsip_empty": (
        "Belum ada hasil rezim terdahulu yang dimuat. Admin dapat memuat nominatif prestasi kerja PP 46/2011 atau "
        "survei IKM 14 unsur di halaman Data.",
        "No results of earlier regimes have been loaded yet. An admin can load a PP 46/2011 work-performance list "
        "or a 14-element IKM survey on the Data page.",
    ),
    "arsip_pp46": ("Prestasi kerja PP 46/2011", "Work performance, PP 46/2011"),
    "arsip_pp46_rule": (
        "Nilai prestasi kerja = {s}% nilai SKP + {p}% nilai perilaku kerja (rata-rata aspek yang dinilai; "
        "kepemimpinan hanya untuk jabatan struktural). Sebutan: sampai {b} Buruk, sampai {k} Kurang, sampai {c} "
        "Cukup, sampai {g} Baik, di atasnya Sangat Baik. Pegawai dihitung di OPD tempatnya pada akhir periode "
        "(atau daftar pegawai paling awal yang dimuat, bila periodenya lebih tua).",
        "Work performance = {s}% SKP score + {p}% work-behaviour score (the mean of the aspects rated; leadership "
        "for structural posts only). Bands (the regulation's words): up to {b} Buruk (poor), up to {k} Kurang (fair), "
        "up to {c} Cukup (adequate), up to {g} Baik (good), above that Sangat Baik (very good). Employees count in "
        "the OPD they were in at the period's end (or the earliest roster loaded, when the period is older).",
    ),
    "arsip_pp46_none": (
        "Belum ada hasil PP 46/2011 dalam cakupan dan filter Anda.",
        "No PP 46/2011 results in your scope and filters.",
    ),
    "arsip_pp46_beda": (
        "{n} hasil diberi sebutan lain oleh berkasnya daripada menurut aturan di atas; kolom 'Sebutan di berkas' menunjukkannya.",
        "{n} results were banded otherwise by their file than by the rule above; the 'Band in the file' column shows them.",
    ),
    "arsip_pp46_people": ("Per pegawai", "Per employee"),
    "arsip_pp46_withheld": (
        "Rincian per pegawai tidak ditampilkan untuk peran Anda; angka di atas dari kelompok minimal {k} pegawai.",
        "Per-employee detail is not shown for your role; the figures above come from groups of at least {k} employees.",
    ),
    "arsip_ikm2004": ("IKM KepmenPAN 25/2004 (14 unsur)", "IKM under KepmenPAN 25/2004 (14 elements)"),
    "arsip_ikm2004_rule": (
        "IKM = jumlah NRR keempat belas unsur × 0,071 (bobot tertimbang menurut keputusan itu); konversi = IKM × 25. "
        "Mutu A mulai 81,26, B mulai 62,51, C mulai 43,76, di bawahnya D.",
        "IKM = the sum of the fourteen elements' mean scores × 0.071 (the decree's weight); converted = IKM × 25. "
        "Grade A from 81.26, B from 62.51, C from 43.76, D below.",
    ),
    "arsip_ikm2004_none": (
        "Belum ada survei IKM 14 unsur dalam cakupan dan filter Anda.",
        "No 14-element IKM surveys in your scope and filters.",
    ),
    "arsip_none_small": (
        "Tidak ada kelompok dengan sedikitnya {k} orang dalam cakupan dan filter Anda; angka kelompok yang lebih kecil "
        "tidak ditampilkan untuk peran Anda.",
        "No group of at least {k} people in your scope and filters; figures of smaller groups are not shown for your role.",
    ),
}

COLS: dict[str, tuple[str, str]] = {
    "n_pegawai": ("Pegawai", "Employees"),
    "rata_prestasi": ("Rerata prestasi", "Mean performance"),
    "rata_skp": ("Rerata SKP", "Mean SKP"),
    "rata_perilaku_pp46": ("Rerata perilaku", "Mean behaviour"),
    "n_beda_sebutan": ("Sebutan berkas lain", "File band differs"),
    "nilai_skp": ("Nilai SKP", "SKP score"),
    "nilai_perilaku": ("Nilai perilaku kerja", "Work behaviour"),
    "nilai_prestasi": ("Nilai prestasi kerja", "Work performance"),
    "sebutan": ("Sebutan", "Band"),
    "sebutan_berkas": ("Sebutan di berkas", "Band in the file"),
    "nilai_prestasi_berkas": ("Nilai prestasi di berkas", "Performance in the file"),
    "ikm": ("IKM", "IKM"),
    # the bands are the regulation's own words, kept in Indonesian in both languages as predikat are
    "Cukup": ("Cukup", "Cukup"),
    "Kurang": ("Kurang", "Kurang"),
    "Buruk": ("Buruk", "Buruk"),
}

for key, pair in TEXT.items():
    T.setdefault(key, pair)
for key, pair in COLS.items():
    COLUMNS.setdefault(key, pair)
