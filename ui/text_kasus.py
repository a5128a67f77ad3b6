"""Labels of the coaching-case workflow and its effect table (merged into ui.i18n's tables, kept apart for easy
merges)."""

from __future__ import annotations

from ui.i18n import COLUMNS, T

TEXT: dict[str, tuple[str, str]] = {
    "kasus_steps": ("Tahap", "Stage"),
    "kasus_now": ("sekarang", "now"),
    "status_none_short": ("Belum ada", "No case"),
    "kasus_steps_help": ("Apa arti setiap tahap?", "What does each stage mean?"),
    "kasus_explain_baru": (
        "Baru: kasus dibuka, pembina belum bertemu pegawai.",
        "New: the case is open; the coach has not met the employee yet.",
    ),
    "kasus_explain_dijadwalkan": (
        "Dijadwalkan: waktu sesi pertama sudah disepakati dengan pegawai.",
        "Scheduled: the first session's time is agreed with the employee.",
    ),
    "kasus_explain_berjalan": (
        "Berjalan: sedikitnya satu sesi sudah dicatat (mencatat sesi pertama memindahkan kasus ke tahap ini).",
        "In progress: at least one session is recorded (recording the first session moves the case here).",
    ),
    "kasus_explain_selesai": (
        "Selesai: pembinaan berakhir dan hasilnya tertulis; kasus ikut dinilai di tab Apakah berhasil?.",
        "Done: coaching has ended and its outcome is written; the case counts in the Did it work? tab.",
    ),
    "kasus_explain_dibatalkan": (
        "Dibatalkan: kasus ditutup tanpa pembinaan selesai (misalnya pegawai mutasi), dengan alasannya.",
        "Cancelled: closed without coaching being completed (for example the employee moved), with the reason.",
    ),
    "kasus_next_baru": (
        "Langkah berikut: sepakati waktu sesi pertama dengan pegawai, lalu tandai kasus sudah dijadwalkan. "
        "Bila sesi sudah berlangsung, langsung catat sesinya di bawah; kasus menjadi Berjalan.",
        "Next step: agree the first session's time with the employee, then mark the case as scheduled. If a "
        "session has already taken place, record it below; the case becomes In progress.",
    ),
    "kasus_next_dijadwalkan": (
        "Langkah berikut: setelah sesi berlangsung, catat apa yang dibahas; kasus menjadi Berjalan.",
        "Next step: once the session has taken place, record what was discussed; the case becomes In progress.",
    ),
    "kasus_next_berjalan": (
        "Langkah berikut: catat setiap sesi berikutnya; bila pembinaan berakhir, tulis hasilnya lalu selesaikan kasus.",
        "Next step: record each further session; when coaching ends, write its outcome and close the case.",
    ),
    "kasus_next_selesai": (
        "Kasus selesai. Hasilnya masih dapat dilengkapi; tidak ada tahap berikutnya.",
        "The case is done. Its outcome can still be completed; there is no further stage.",
    ),
    "kasus_next_dibatalkan": ("Kasus dibatalkan; tidak ada tahap berikutnya.", "The case was cancelled; no further stage."),
    "kasus_mark_scheduled": ("Tandai sudah dijadwalkan", "Mark as scheduled"),
    "kasus_close_done": ("Selesaikan kasus", "Close the case as done"),
    "kasus_close_title": ("Tutup kasus: tulis hasil pembinaan", "Close the case: write the outcome"),
    "kasus_outcome_help": (
        "Misalnya: target bulanan tercapai dua bulan berturut-turut; disiplin hadir membaik.",
        "For example: monthly target met two months in a row; attendance improved.",
    ),
    "kasus_save_outcome_only": ("Simpan hasil tanpa menutup", "Save the outcome without closing"),
    "kasus_edit_outcome": ("Lengkapi hasil pembinaan", "Complete the outcome"),
    "kasus_cancel_title": ("Batalkan kasus (misalnya pegawai mutasi)", "Cancel the case (for example the employee moved)"),
    "kasus_opened_next": (
        "Kasus #{id} dibuka untuk {nama}. Rinciannya di bawah ini, beserta langkah berikutnya.",
        "Case #{id} opened for {nama}. Its details and the next step are below.",
    ),
    "kasus_existing_below": (
        "{nama} sudah memiliki kasus terbuka #{id} ({status}); rinciannya di bawah ini. Satu pegawai memiliki "
        "paling banyak satu kasus terbuka.",
        "{nama} already has open case #{id} ({status}); its details are below. An employee has at most one open case.",
    ),
    "kasus_view": ("Lihat kasus #{id} ({status})", "View case #{id} ({status})"),
    "kasus_shown_above": ("Kasus #{id} ditampilkan di atas.", "Case #{id} is shown above."),
    "kasus_past": ("{nama} pernah dibina: {cases}.", "{nama} was coached before: {cases}."),
    "kasus_past_one": ("kasus #{id} ({status}, ditutup {day})", "case #{id} ({status}, closed {day})"),
    "kasus_open_again": ("Buka kasus baru untuk {nama}", "Open a new case for {nama}"),
    # did it work
    "effect_summary": (
        "**{n} kasus selesai dinilai.** Hasil kerja pegawai yang dibina berubah rata-rata **{d}** poin "
        "(dari {a} menjadi {b}); pegawai pembanding yang tidak dibina (n = {m}) berubah **{dc}** poin. "
        "Selisihnya {s} poin (rentang keyakinan 95%: {lo} sampai {hi}): {verdict}.",
        "**{n} closed cases judged.** The coached employees' work result changed by **{d}** points on average "
        "(from {a} to {b}); comparison employees without coaching (n = {m}) changed by **{dc}** points. "
        "The difference is {s} points (95% confidence range: {lo} to {hi}): {verdict}.",
    ),
    "effect_waiting": (
        "{w} kasus selesai lainnya belum dapat dinilai: periode sesudah penutupannya belum lengkap di data.",
        "{w} other closed cases cannot be judged yet: the periods after they closed are not all in the data.",
    ),
    "effect_none_waiting": (
        "Belum ada kasus selesai yang dapat dinilai; {w} kasus selesai menunggu {k} periode sesudah penutupannya.",
        "No closed case can be judged yet; {w} closed cases are waiting for the {k} periods after they closed.",
    ),
    "effect_all_numbers": (
        "Semua angka (rentang keyakinan, predikat, keluar dari daftar)",
        "All figures (confidence ranges, predikat, left the list)",
    ),
    "verdict_lebih_baik": ("naik lebih banyak dari pembanding", "rose more than the comparison"),
    "verdict_lebih_buruk": ("naik lebih sedikit dari pembanding", "rose less than the comparison"),
    "verdict_tidak_jelas": ("tidak jelas berbeda dari pembanding", "not clearly different from the comparison"),
    "verdict_terlalu_kecil": ("terlalu sedikit untuk disimpulkan", "too few to conclude"),
    "verdict_belum": ("belum dapat dinilai", "cannot be judged yet"),
    # the same in the tables, under the header "Dibanding pembanding" (short enough for a 1366 px screen)
    "verdict_short_lebih_baik": ("naik lebih banyak", "rose more"),
    "verdict_short_lebih_buruk": ("naik lebih sedikit", "rose less"),
    "verdict_short_tidak_jelas": ("tidak jelas beda", "no clear difference"),
    "verdict_short_terlalu_kecil": ("terlalu sedikit", "too few to tell"),
    "verdict_short_belum": ("belum dapat dinilai", "too early"),
}

COLS: dict[str, tuple[str, str]] = {
    "kesimpulan": ("Dibanding pembanding", "Versus comparison"),
    "n_kasus_dinilai": ("Kasus dinilai", "Cases judged"),
    "n_banding": ("Pegawai pembanding", "Comparison employees"),
    "kelompok_efek": ("Kelompok", "Group"),
    "ci_bawah_selisih": ("Selisih: batas bawah 95%", "Difference: lower 95% bound"),
    "ci_atas_selisih": ("Selisih: batas atas 95%", "Difference: upper 95% bound"),
}

T.update(TEXT)
for _k, _v in COLS.items():
    COLUMNS.setdefault(_k, _v)
