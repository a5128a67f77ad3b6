"""Labels of period completeness (coverage) and the predikat source (merged into ui.i18n's tables, kept apart for
easy merges)."""

from __future__ import annotations

from ui.i18n import COLUMNS, T

TEXT: dict[str, tuple[str, str]] = {
    "partial_short": ("sebagian", "partial"),
    "sebagian_n": ("sebagian: {n} dari {total} pegawai", "partial: {n} of {total} employees"),
    "partial_cov": (
        "periode sebagian (kurang dari {p}% pegawai di daftar pegawai sudah dinilai)",
        "partial period (under {p}% of the employees on the roster appraised yet)",
    ),
    "range_ends_complete": (
        "Rentang bawaan berakhir di {p}, periode terakhir yang lengkap (≥ {pct}% pegawai dinilai).",
        "The default range ends at {p}, the latest complete period (≥ {pct}% of employees appraised).",
    ),
    "range_newer_partial": (
        "Sudah ada data lebih baru yang belum lengkap: {items}. Geser rentang untuk melihatnya (ditandai sebagian).",
        "Newer data is in but not complete: {items}. Move the range to see it (marked partial).",
    ),
    "range_places_differ": (
        "Tempat tidak sama lengkapnya: {items}. Rentang bawaan memakai periode lengkap terakhir yang sama bagi semua tempat.",
        "Places are not equally complete: {items}. The default range uses the latest period complete in every place.",
    ),
    "complete_until": ("{place} lengkap sampai {p}", "{place} complete up to {p}"),
    "headline_partial": (
        "Periode {p} belum lengkap di: {items}. Angka dan perubahannya hanya dari pegawai yang sudah dinilai.",
        "{p} is not complete in: {items}. Figures and changes are only of the employees appraised so far.",
    ),
    "headline_prev_partial": (
        "Periode pembanding {p} belum lengkap di: {items}.",
        "The period compared with, {p}, is not complete in: {items}.",
    ),
    "headline_missing": (
        "Belum ada hasil {p} dari: {places}. Pilih rentang sampai periode lengkap terakhir untuk membandingkan semua tempat.",
        "No results for {p} yet from: {places}. End the range at the latest complete period to compare every place.",
    ),
    "source_share": ("predikat {r} resmi", "predikat {r} official"),
    "source_computed": ("predikat dihitung dasbor", "predikat computed by the dashboard"),
    "source_official": ("predikat resmi (SKP)", "official predikat (SKP)"),
    "help_source": (
        "Predikat resmi berasal dari evaluasi SKP yang dimuat (jenis 'evaluasi'); selain itu predikat dihitung dasbor "
        "dari hasil kerja dan perilaku dengan matriks PermenPANRB 6/2022. Keduanya bisa berbeda.",
        "Official predikat come from the SKP evaluations loaded; otherwise the dashboard computes them from work "
        "results and behaviour with the PermenPANRB 6/2022 matrix. The two can differ.",
    ),
    "sumber_label": ("Sumber predikat", "Predikat source"),
    "sumber_terbaik": ("Terbaik tersedia", "Best available"),
    "sumber_resmi": ("Resmi saja", "Official only"),
    "sumber_hitung": ("Hitung saja", "Computed only"),
    "sumber_help": (
        "Terbaik tersedia: predikat resmi bila sudah dimuat, selain itu hitungan dasbor. Resmi saja: hanya pegawai "
        "dengan predikat resmi. Hitung saja: predikat hitungan dasbor untuk semua pegawai, sehingga tempat bisa "
        "dibandingkan dengan cara yang sama.",
        "Best available: the official predikat where loaded, else the dashboard's. Official only: only employees "
        "with an official predikat. Computed only: the dashboard's predikat for everyone, so places compare alike.",
    ),
    "source_mixed_hint": (
        "Pilih 'Hitung saja' untuk membandingkan dengan cara yang sama.",
        "Choose 'Computed only' to compare alike.",
    ),
    "sumber_note_resmi": (
        "Hanya predikat resmi: tempat dan periode tanpa evaluasi resmi tidak punya bagian predikat.",
        "Official predikat only: places and periods without official evaluations have no predikat shares.",
    ),
    "sumber_note_hitung": (
        "Predikat hitungan dasbor (matriks PermenPANRB 6/2022) untuk semua pegawai, juga yang punya predikat resmi.",
        "The dashboard's predikat (PermenPANRB 6/2022 matrix) for everyone, also those with an official one.",
    ),
    "tag_resmi": ("resmi", "official"),
    "tag_hitung": ("hitungan dasbor", "computed"),
    "recog_reason": (
        "Sangat Baik {{}} dari {n} periode ({{}} resmi, {{}} hitungan dasbor)",
        "Sangat Baik in {{}} of {n} periods ({{}} official, {{}} computed)",
    ),
    "source_mixed_short": ("campuran", "mixed"),
    "source_changes": ("sumber predikat berganti", "predikat source changes"),
    "source_mixed": (
        "Perbandingan ini mencampur predikat resmi dan predikat hitungan dasbor: {items}.",
        "This comparison mixes official predikat and predikat computed by the dashboard: {items}.",
    ),
    "ikm_quarter": ("{q}: {m} dari 3 bulan, n = {n} responden", "{q}: {m} of 3 months, n = {n} respondents"),
    "ikm_quarter_partial": ("{q} sebagian: {m} dari 3 bulan, n = {n}", "{q} partial: {m} of 3 months, n = {n}"),
    "ikm_partial_note": (
        "triwulan sebagian (jawaban survei mencakup kurang dari {p}% bulannya)",
        "partial quarter (survey responses cover under {p}% of its months)",
    ),
    "ikm_units_newer": (
        "Triwulan yang lebih baru belum lengkap dan tidak digambar: {q}.",
        "A newer quarter is not complete yet and is not drawn: {q}.",
    ),
    "ikm_vs_partial": (
        "IKM {q} baru mencakup {m} dari 3 bulan: perubahannya dibanding {prev} belum sebanding.",
        "IKM for {q} covers only {m} of 3 months so far: its change against {prev} is not like for like.",
    ),
}

COLS: dict[str, tuple[str, str]] = {
    "cakupan": ("Kelengkapan", "Completeness"),
    "n_pegawai": ("Pegawai di daftar", "Employees on roster"),
    "n_dinilai": ("Pegawai dinilai", "Employees appraised"),
    "share_resmi": ("Predikat resmi", "Official predikat"),
    "alasan": ("Alasan masuk daftar", "Why on the list"),
}

T.update(TEXT)
for _k, _v in COLS.items():
    COLUMNS.setdefault(_k, _v)
