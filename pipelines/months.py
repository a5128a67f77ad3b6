"""Month names, written once: the Indonesian and English names the dashboard shows, and every spelling of a
month that offices' files use (Indonesian and English, full and short, old spellings such as Pebruari)."""

from __future__ import annotations

BULAN = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]
BLN = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

_OTHER_SPELLINGS = {"pebruari": 2, "agt": 8, "ags": 8, "sept": 9, "nopember": 11}

# lower-case spelling -> month number
MONTH_NUMBER: dict[str, int] = {
    **{name.lower(): i for names in (BULAN, BLN, MONTHS, MON) for i, name in enumerate(names, 1)},
    **_OTHER_SPELLINGS,
}
