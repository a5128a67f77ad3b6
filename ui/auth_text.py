"""Labels of sign-in, accounts and the access log (merged into ui.i18n's tables, kept apart for easy merges)."""

from __future__ import annotations

from ui.i18n import COLUMNS, T

TEXT: dict[str, tuple[str, str]] = {
    "signin_title": ("Masuk", "Sign in"),
    "signin_intro": (
        "Data kinerja pegawai adalah data pribadi (UU 27/2022): masuk dengan akun Anda.",
        "Employee performance data is personal data (UU 27/2022): sign in with your account.",
    ),
    "username": ("Nama pengguna", "Username"),
    "password": ("Kata sandi", "Password"),
    "signin_btn": ("Masuk", "Sign in"),
    "signin_sso": ("Masuk dengan akun instansi (SSO)", "Sign in with your agency account (SSO)"),
    # the same answer for a wrong password, an unknown, locked or disabled account: nothing tells which exist
    "signin_failed": (
        "Nama pengguna atau kata sandi salah. Setelah beberapa kali gagal, masuk dari perangkat ini ditahan "
        "{m} menit; bila lupa kata sandi, hubungi Admin BKPSDM.",
        "Wrong username or password. After several failures, sign-in from this device is held for {m} minutes; "
        "if you forgot your password, ask the BKPSDM admin.",
    ),
    "session_ended": (
        "Sesi Anda diakhiri (keluar di tab lain, atau akun Anda diubah atau dinonaktifkan). Silakan masuk lagi.",
        "Your session was ended (signed out in another tab, or your account was changed or disabled). Please sign in again.",
    ),
    "signin_unknown_sso": (
        "Akun SSO Anda belum terdaftar di dasbor ini. Hubungi Admin BKPSDM.",
        "Your SSO account is not registered on this dashboard. Ask the BKPSDM admin.",
    ),
    "signed_out": ("Anda sudah keluar.", "You have signed out."),
    "timed_out": (
        "Sesi berakhir karena tidak aktif. Silakan masuk lagi.",
        "Session ended after inactivity. Please sign in again.",
    ),
    "signout": ("Keluar", "Sign out"),
    "signed_in_as": ("Masuk sebagai **{name}** · {role}", "Signed in as **{name}** · {role}"),
    "demo_accounts": (
        "Akun demo (hanya untuk data demo; kata sandi semua akun: `{pw}`)",
        "Demo accounts (demo data only; every password is `{pw}`)",
    ),
    "aggregate_note": (
        "Anda melihat angka agregat saja: nama dan NIP tidak ditampilkan, kelompok di bawah {k} orang disembunyikan, "
        "dan filter unit, jabatan, golongan dan status tidak tersedia (agar dua tampilan tidak dapat dikurangkan).",
        "You see aggregates only: no names or NIPs, groups under {k} people are withheld, and the unit, position, "
        "grade and status filters are off (so that two views cannot be subtracted).",
    ),
    "atasan_note": (
        "Angka agregat unit Anda ditampilkan utuh dan hanya bila minimal {k} orang; filter jabatan, golongan dan "
        "status tidak tersedia.",
        "Your unit's aggregates are shown whole and only when they hold at least {k} people; the position, grade "
        "and status filters are off.",
    ),
    "no_scope": (
        "Akun Anda belum diberi wilayah atau OPD: tidak ada data yang dapat ditampilkan. Hubungi Admin BKPSDM.",
        "Your account has no place or OPD yet: there is nothing to show. Ask the BKPSDM admin.",
    ),
    "page_akun": ("Akun pengguna", "User accounts"),
    "page_log_akses": ("Log akses", "Access log"),
    "log_whole": (
        "Rantai log utuh: tidak ada baris yang hilang atau diubah ({n} baris diperiksa).",
        "The log's chain holds: no row missing or altered ({n} rows checked).",
    ),
    "log_broken": (
        "Rantai log rusak: {n} masalah (baris hilang, diubah atau disisipkan). Periksa dengan `python -m appdb verify-log`.",
        "The log's chain is broken: {n} problem(s) (rows missing, altered or inserted). Check with `python -m appdb verify-log`.",
    ),
    "admin_only": ("Halaman ini hanya untuk Admin BKPSDM.", "This page is for BKPSDM admins only."),
    "add_user": ("Tambah akun", "Add account"),
    "edit_user": ("Ubah akun", "Change account"),
    "pick_account": ("Pilih akun yang akan diubah", "Choose the account to change"),
    "role": ("Peran", "Role"),
    "display_name": ("Nama tampilan", "Display name"),
    "email": ("E-mail (untuk SSO)", "E-mail (for SSO)"),
    "nip_user": ("NIP (Atasan / SSO)", "NIP (supervisor / SSO)"),
    "scope_lokasi": ("Wilayah", "Places"),
    "scope_opd": ("OPD", "OPDs"),
    "active": ("Aktif", "Active"),
    "new_password": ("Kata sandi baru (kosongkan bila tidak diubah)", "New password (leave empty to keep)"),
    "save": ("Simpan", "Save"),
    "saved": ("Tersimpan.", "Saved."),
    "password_too_short": ("Kata sandi minimal {n} karakter.", "The password needs at least {n} characters."),
    "user_exists": ("Nama pengguna sudah dipakai.", "That username is taken."),
    "bad_account": ("Data akun tidak sah.", "Invalid account data."),
    "no_such_user": ("Akun tidak ditemukan.", "No such account."),
    "not_allowed": (
        "Anda hanya dapat memberikan wilayah (dan OPD) milik Anda sendiri; pilih minimal satu wilayah.",
        "You can only give your own places (and OPDs); choose at least one place.",
    ),
    "akun_bounds": (
        "Anda mengelola akun di wilayah Anda saja; akun baru harus diberi minimal satu wilayah Anda.",
        "You manage accounts of your own places only; a new account needs at least one of your places.",
    ),
    "superadmin_cli": (
        "Akun superadmin hanya diubah lewat baris perintah (python -m appdb).",
        "A superadmin account is changed on the command line only (python -m appdb).",
    ),
    "log_since": ("Sejak", "Since"),
    "log_until": ("Sampai", "Until"),
    "log_user": ("Pengguna", "User"),
    "log_events": ("Kejadian", "Events"),
    "log_retention": (
        "Log disimpan {d} hari; lama penyimpanan diatur oleh administrator server.",
        "The log keeps {d} days; the server administrator sets how long.",
    ),
    "downloaded_by": ("Diunduh oleh", "Downloaded by"),
    "downloaded_at": ("Waktu unduh", "Downloaded at"),
}

COLS: dict[str, tuple[str, str]] = {
    "username": ("Pengguna", "User"),
    "role": ("Peran", "Role"),
    "display_name": ("Nama tampilan", "Display name"),
    "email": ("E-mail", "E-mail"),
    "active": ("Aktif", "Active"),
    "failed_attempts": ("Gagal masuk", "Failed sign-ins"),
    "locked_until": ("Dikunci sampai", "Locked until"),
    "last_login_at": ("Terakhir masuk", "Last sign-in"),
    "at": ("Waktu", "Time"),
    "kejadian": ("Kejadian", "Event"),  # the log's event ("event" is the case trail's "Perubahan")
    "page": ("Halaman", "Page"),
    "outcome": ("Hasil", "Outcome"),
    "rows": ("Baris", "Rows"),
    "detail": ("Rincian", "Detail"),
    "created_at": ("Dibuat", "Created"),
}

T.update(TEXT)
for _k, _v in COLS.items():
    COLUMNS.setdefault(_k, _v)
