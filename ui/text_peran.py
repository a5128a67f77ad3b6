"""Labels of the first-run flow, the demo switch-off guard, roles' views (Tim saya, benchmarking, refused places)
and the plain upload messages (merged into ui.i18n's tables, kept apart for easy merges)."""

from __future__ import annotations

from ui.i18n import COLUMNS, T

TEXT: dict[str, tuple[str, str]] = {
    # first run: the first administrator
    "first_run_title": ("Penyiapan pertama: buat akun administrator", "First setup: create the administrator account"),
    "first_run_intro": (
        "Belum ada akun sungguhan di dasbor ini. Buat akun Admin BKPSDM pertama (semua wilayah). Akun demo "
        "dimatikan begitu data sungguhan dimuat, karena kata sandinya terbuka; akun ini tetap dapat masuk. "
        "Formulir ini hilang setelah akun pertama dibuat.",
        "There is no real account on this dashboard yet. Create the first BKPSDM admin account (every place). The "
        "demo accounts are switched off as soon as real data is loaded, because their password is public; this "
        "account keeps working. This form disappears once the first account exists.",
    ),
    "setup_code": ("Kode penyiapan", "Setup code"),
    "setup_code_help": (
        'Kode ini tertulis di catatan (log) server, di jendela tempat dasbor dijalankan, baris "Kode penyiapan". '
        "Hanya pengelola server yang dapat membacanya.",
        "The code is written in the server's log, in the window where the dashboard runs, on the line \"Setup "
        'code". Only whoever runs the server can read it.',
    ),
    "repeat_password": ("Ulangi kata sandi", "Repeat the password"),
    "first_run_btn": ("Buat administrator", "Create the administrator"),
    "first_run_done": (
        "Akun administrator {name} dibuat. Masuk dengannya di atas.",
        "The administrator account {name} was created. Sign in with it above.",
    ),
    "passwords_differ": ("Kedua kata sandi tidak sama.", "The two passwords differ."),
    "setup_code_wrong": (
        "Kode penyiapan salah. Salin kode dari catatan (log) server.",
        "Wrong setup code. Copy the code from the server's log.",
    ),
    "first_run_closed": (
        "Akun pertama sudah dibuat orang lain. Masuk dengan akun itu, atau minta Admin BKPSDM membuatkan akun.",
        "Someone else has already created the first account. Sign in with it, or ask the BKPSDM admin for one.",
    ),
    "name_reserved": (
        'Nama yang diawali "demo-" khusus untuk akun demo; pilih nama lain.',
        'Names starting with "demo-" are kept for the demo accounts; choose another name.',
    ),
    # the Data page's guard before a real load
    "demo_lockout": (
        "Berkas ini bukan data demo: memuatnya mematikan semua akun demo (kata sandinya terbuka), termasuk akun "
        "yang Anda pakai sekarang, dan belum ada akun administrator sungguhan, sehingga tidak ada yang bisa masuk "
        "lagi. Buat dulu akun Admin BKPSDM Anda sendiri di halaman Akun pengguna (semua wilayah, kata sandi "
        "sendiri), masuk dengannya, lalu muat berkas ini.",
        "These files are not demo data: loading them switches every demo account off (their password is public), "
        "the one you are using included, and no real administrator account exists yet, so nobody could sign in "
        "again. First create your own BKPSDM admin account on the User accounts page (every place, your own "
        "password), sign in with it, then load these files.",
    ),
    "demo_will_end": (
        "Berkas ini bukan data demo: setelah dimuat, akun demo dimatikan (kata sandinya terbuka). Akun "
        "administrator sungguhan sudah ada.",
        "These files are not demo data: once they are loaded, the demo accounts are switched off (their password "
        "is public). A real administrator account exists.",
    ),
    "to_akun": ("Buka Akun pengguna", "Open User accounts"),
}

COLS: dict[str, tuple[str, str]] = {}

T.update(TEXT)
for _k, _v in COLS.items():
    COLUMNS.setdefault(_k, _v)

T.update(
    {
        # benchmarking: every place as aggregates (pimpinan; kepala OPD by setting)
        "benchmark_toggle": ("Cakupan", "Coverage"),
        "benchmark_sendiri": ("Wilayah saya", "My places"),
        "benchmark_semua": ("Semua lokasi (agregat)", "Every place (aggregates)"),
        "benchmark_help": (
            "Semua lokasi: keempat lokasi dibandingkan sebagai angka kelompok saja, tanpa nama atau NIP, dan "
            "kelompok di bawah {k} orang disembunyikan. Wilayah saya: data Anda sendiri, lengkap.",
            "Every place: the four places compared as group figures only, with no name or NIP, and groups under "
            "{k} people withheld. My places: your own data, in full.",
        ),
        "benchmark_note": (
            "Perbandingan semua lokasi: angka kelompok saja (kelompok di bawah {k} orang disembunyikan); filter "
            "wilayah, OPD, unit, jabatan, golongan dan status di samping tidak berlaku di sini, hanya rentang periode.",
            "Every place compared: group figures only (groups under {k} people withheld); the sidebar's place, OPD, "
            "unit, position, grade and status filters don't apply here, only the period range.",
        ),
        "your_team": ("Unit kerja Anda", "Your work unit"),
    }
)

T.update(
    {
        "page_tim_saya": ("Tim saya", "My team"),
        "team_intro": (
            "{n} orang di bawah Anda pada {p}: {d} langsung, {i} tidak langsung (melalui atasan di bawah Anda), "
            "menurut atasan yang tercatat di daftar pegawai periode itu. Nilai dan predikat periode itu; buka "
            "profil untuk riwayatnya.",
            "{n} people below you in {p}: {d} directly, {i} indirectly (through a supervisor below you), by the "
            "supervisor the roster of that period records. That period's scores and predikat; open a profile for "
            "the history.",
        ),
        "team_direct": ("Langsung", "Direct"),
        "team_indirect": ("Tidak langsung", "Indirect"),
        "team_empty": (
            "Tidak ada pegawai yang tercatat di bawah Anda (melalui atasan di daftar pegawai) pada rentang periode "
            "ini. Perlebar rentang periode, atau minta Admin BKPSDM memeriksa NIP akun Anda.",
            "Nobody is recorded below you (through the supervisor in the roster) in this period range. Widen the "
            "period range, or ask the BKPSDM admin to check your account's NIP.",
        ),
        "team_not_atasan": (
            "Halaman ini untuk Atasan: daftar pegawai di bawah Anda. Akun Anda bukan akun Atasan.",
            "This page is for supervisors: the people below you. Your account is not a supervisor's.",
        ),
    }
)
COLUMNS.setdefault("hubungan", ("Hubungan", "Reports"))
T["team_pick"] = ("Atau pilih dari tim Anda", "Or pick from your team")

T.update(
    {
        "map_kind_choose": ("Pilih jenis data berkas ini", "Choose what this file holds"),
        "map_kind_unknown": (
            "Jenis data berkas ini tidak dikenali. Pilih jenisnya di bawah; bila tidak ada yang cocok, berkas ini "
            "bukan untuk dasbor ini.",
            "What this file holds was not recognised. Choose its kind below; if none fits, the file is not for this dashboard.",
        ),
        "map_kind_unsure": (
            "Berkas ini mungkin {guess}, tetapi tidak cukup yakin (keyakinan {score}, perlu {least}): {why}. Pilih "
            "jenisnya sendiri di bawah; bila tidak ada yang cocok, jangan muat berkas ini.",
            "This file may be {guess}, but not surely enough (confidence {score}, needs {least}): {why}. Choose its "
            "kind yourself below; if none fits, don't load this file.",
        ),
        "map_pending": (
            "Pilih dulu jenis data untuk: {names}. Berkas dimuat setelah jenisnya dipilih.",
            "First choose the kind of data for: {names}. The files load once their kind is chosen.",
        ),
        "no_rejects": (
            "Belum ada baris yang ditolak: setiap baris yang dimuat sejauh ini lolos pemeriksaan.",
            "No rejected rows yet: every row loaded so far passed the checks.",
        ),
        "no_loads": ("Belum ada berkas yang dimuat.", "No file has been loaded yet."),
    }
)
T["link_refused_page"] = (
    "Tautan ini meminta {what} {values}, yang di luar wewenang akun Anda: tidak ditampilkan. Halaman ini "
    "menampilkan data yang boleh Anda lihat.",
    "This link asks for {what} {values}, which is outside your account's reach: it is not shown. This page shows "
    "the data you may see.",
)
T["withheld_for_role"] = (
    "Bagian ini menyebut penilai satu per satu (nama dan NIP), jadi tidak ditampilkan untuk peran Anda, yang "
    "melihat angka agregat saja.",
    "This section names raters one by one (name and NIP), so it is withheld for your role, which sees aggregates only.",
)
# distinct from the sign-in form's labels (both forms show at once)
T["first_username"] = ("Nama pengguna administrator baru", "New administrator's username")
T["first_password"] = ("Kata sandi administrator baru", "New administrator's password")
