"""Labels of the report downloads, the SKM publication panel and the Langganan page (merged into ui.i18n's tables)."""

from __future__ import annotations

from ui.i18n import COLUMNS, T

TEXT: dict[str, tuple[str, str]] = {
    "report_pdf": ("Unduh laporan (PDF)", "Download report (PDF)"),
    "report_pdf_help": (
        "Laporan PDF dari tampilan ini: filter dan periode, data per, pembuat dan waktu, grafik dan tabel.",
        "A PDF report of this view: filters and period, data as of, who made it and when, charts and tables.",
    ),
    "report_pack": ("Unduh paket laporan daerah (PDF)", "Download the regional report pack (PDF)"),
    "report_pack_help": (
        "Angka utama, sebaran predikat dan kurva, tren, perbandingan OPD, pembinaan, penghargaan, IKM per unit "
        "dan perubahan terbesar, untuk filter yang dipilih.",
        "Headline figures, predikat mix and curve, trends, OPD comparison, coaching, recognition, IKM per unit and "
        "what changed most, for the chosen filters.",
    ),
    "skm_pub_title": ("Publikasi hasil SKM per unit (PermenPANRB 14/2017)", "SKM publication per unit (PermenPANRB 14/2017)"),
    "skm_pub_intro": (
        "Setiap unit wajib mempublikasikan hasil SKM dan rencana tindak lanjutnya. Pilih unit dan periode survei, "
        "isi rencana tindak lanjut, lalu unduh publikasinya (tanpa data pribadi, siap diumumkan).",
        "Every unit must publish its SKM results and its follow-up plan. Choose a unit and survey period, enter the "
        "follow-up plan, then download the publication (no personal data, ready to post).",
    ),
    "skm_pub_unit": ("Unit layanan", "Service unit"),
    "skm_pub_period": ("Periode survei", "Survey period"),
    "skm_pub_plan": ("Rencana tindak lanjut (tiga unsur terendah: {u})", "Follow-up plan (three weakest unsur: {u})"),
    "skm_pub_plan_help": (
        "Langkah, penanggung jawab dan waktu untuk memperbaiki unsur terendah. Setiap simpanan dicatat dengan "
        "nama dan waktu; versi terakhir yang dipublikasikan.",
        "Steps, who is responsible and when, to improve the weakest unsur. Every save is kept with who and when; "
        "the latest is published.",
    ),
    "skm_pub_save": ("Simpan rencana", "Save plan"),
    "skm_pub_saved": ("Rencana tersimpan.", "Plan saved."),
    "skm_pub_empty": ("Rencana tidak boleh kosong.", "The plan cannot be empty."),
    "skm_pub_last": ("Terakhir diisi oleh {who}, {when}.", "Last entered by {who}, {when}."),
    "skm_pub_readonly": (
        "Rencana tindak lanjut diisi oleh Kepala OPD unit ini atau Admin BKPSDM.",
        "The follow-up plan is entered by the unit's Head of OPD or the BKPSDM admin.",
    ),
    "skm_pub_download": ("Unduh publikasi SKM (PDF)", "Download the SKM publication (PDF)"),
    "page_langganan": ("Langganan laporan", "Report subscriptions"),
    "sub_intro": (
        "Terima laporan PDF lewat e-mail: pilih laporannya, bahasa dan jadwal. Filter yang dipakai adalah filter "
        "di samping saat ini; laporan dibuat dengan cakupan akun Anda.",
        "Receive PDF reports by e-mail: choose the report, language and schedule. The filters used are the ones in "
        "the sidebar now; reports are made with your account's scope.",
    ),
    "sub_report": ("Laporan", "Report"),
    "sub_lang": ("Bahasa laporan", "Report language"),
    "sub_schedule": ("Jadwal", "Schedule"),
    "sub_email": ("Kirim ke e-mail", "Send to e-mail"),
    "sub_add": ("Berlangganan", "Subscribe"),
    "sub_added": ("Langganan disimpan.", "Subscription saved."),
    "sub_bad_email": ("Isi alamat e-mail yang benar.", "Enter a valid e-mail address."),
    "sub_mine": ("Langganan Anda", "Your subscriptions"),
    "sub_none": ("Belum ada langganan.", "No subscriptions yet."),
    "sub_pause": ("Jeda", "Pause"),
    "sub_resume": ("Lanjutkan", "Resume"),
    "sub_delete": ("Hapus", "Delete"),
    "sub_failures": ("Pengiriman gagal (semua pengguna)", "Failed deliveries (all users)"),
    "sub_failures_none": ("Tidak ada pengiriman yang gagal.", "No failed deliveries."),
    "sub_filters_now": ("Filter saat ini: {f}", "Current filters: {f}"),
    "sched_mingguan": ("Mingguan", "Weekly"),
    "sched_bulanan": ("Bulanan", "Monthly"),
    "sched_setelah_muat": ("Setiap selesai pemuatan data", "After each data load"),
    "rep_pack": ("Paket laporan daerah", "Regional report pack"),
    "alerts_title": ("Peringatan ({n})", "Alerts ({n})"),
    "alerts_more": ("… dan {n} lainnya.", "… and {n} more."),
    "alerts_open": ("Buka {page}", "Open {page}"),
    "alerts_open_curve": ("Buka Kurva distribusi", "Open Distribution curve"),
    "lang_id": ("Bahasa Indonesia", "Bahasa Indonesia"),
    "lang_en": ("Inggris", "English"),
}

COLS: dict[str, tuple[str, str]] = {
    "laporan": ("Laporan", "Report"),
    "jadwal": ("Jadwal", "Schedule"),
    "last_sent_at": ("Terakhir dikirim", "Last sent"),
    "last_error": ("Galat terakhir", "Last error"),
    "failures": ("Gagal berturut", "Failures in a row"),
    "aktif": ("Aktif", "Active"),
    "bahasa": ("Bahasa", "Language"),
}

T.update(TEXT)
for _k, _v in COLS.items():
    COLUMNS.setdefault(_k, _v)
