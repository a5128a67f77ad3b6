"""Months and periods, written once: names in both languages, every spelling offices' files use, roman
numerals, and the period keys the warehouse stores ('2026-10' a month, '2026-Q4' a quarter, '2026' a year)."""

from __future__ import annotations

import re
from datetime import date

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

# a quarter's or semester's number as files write it: 'Triwulan IV', 'TW 4'
ROMAN: dict[str, int] = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
ROMAN_NUMERALS = ["I", "II", "III", "IV"]

GRANULARITIES = ("bulanan", "triwulanan", "tahunan")
MONTH_KEY = re.compile(r"^(\d{4})-(\d{2})$")
QUARTER_KEY = re.compile(r"^(\d{4})-Q([1-4])$")
YEAR_KEY = re.compile(r"^(\d{4})$")


def granularity(key: str | None) -> str | None:
    """'bulanan', 'triwulanan' or 'tahunan' for a period key; None for anything else."""
    if key is None:
        return None
    if MONTH_KEY.match(key):
        return "bulanan"
    if QUARTER_KEY.match(key):
        return "triwulanan"
    if YEAR_KEY.match(key):
        return "tahunan"
    return None


def start_month(key: str) -> str | None:
    """The first month of a period key ('2026-Q2' -> '2026-04', '2026' -> '2026-01')."""
    if MONTH_KEY.match(key):
        return key
    if m := QUARTER_KEY.match(key):
        return f"{m.group(1)}-{(int(m.group(2)) - 1) * 3 + 1:02d}"
    if YEAR_KEY.match(key):
        return f"{key}-01"
    return None


def quarter_of(month_key: str) -> str:
    """The quarter key a month key falls in ('2026-11' -> '2026-Q4')."""
    year, month = month_key.split("-")
    return f"{year}-Q{(int(month) - 1) // 3 + 1}"


def key_from_words(text: str | None, year: int | None = None) -> str | None:
    """A period key from a title's words: 'Januari 2025', 'Periode Januari' (+ year), 'Triwulan I 2025',
    'Semester II', 'Tahunan', '01/2025'."""
    s = (text or "").lower()
    y = re.search(r"\b(20\d{2}|19\d{2})\b", s)
    yr = int(y.group(1)) if y else year
    if yr is None:
        return None
    if m := re.search(r"\b(?:triwulan|tw|kuartal|q)\s*-?\s*(iv|iii|ii|i|[1-4])\b", s):
        return f"{yr}-Q{ROMAN[m.group(1)]}"
    if m := re.search(r"\bsemester\s*(ii|i|[12])\b", s):
        return f"{yr}-Q{1 if ROMAN[m.group(1)] == 1 else 3}"
    if m := re.search(r"\b(20\d{2})-(\d{2})\b", s):
        return f"{m.group(1)}-{m.group(2)}"
    if (spanned := _span(s, yr)) is not None:
        return spanned or None
    for word in re.findall(r"[a-z]+", s):
        if word in MONTH_NUMBER:
            return f"{yr}-{MONTH_NUMBER[word]:02d}"
    if m := re.search(r"\b(\d{1,2})[/-](20\d{2})\b", s):
        return f"{yr}-{int(m.group(1)):02d}"
    if re.search(r"\b(tahunan|tahun)\b", s) or y:
        return f"{yr}"
    return None


_RANGE_JOIN = re.compile(r"^[\s\d.,]*(s\s*/\s*d|s\.\s*d\.?|sd|sampai( dengan)?|hingga|to|-|–|—)[\s\d.,]*$")


def _span(s: str, year: int) -> str | None:
    """A period written as a range of months ('01 Januari 2026 s/d 31 Maret 2026', 'April - Juni 2026'): the
    month, quarter or year it covers exactly; '' for a range that is none of these (a semester written as
    months, a span across years), which a loader must ask about rather than file under its first month; None
    when the text is not a range."""
    months = [(m.start(), m.end(), MONTH_NUMBER[m.group(0)]) for m in re.finditer(r"[a-z]+", s) if m.group(0) in MONTH_NUMBER]
    if len(months) < 2 or not _RANGE_JOIN.match(s[months[0][1] : months[1][0]]):
        return None

    def year_after(end: int) -> int:
        y = re.match(r"[\s,]*(\d{4})\b", s[end:])
        return int(y.group(1)) if y else year

    (_, e1, m1), (_, e2, m2) = months[:2]
    y2 = year_after(e2)
    y1 = year_after(e1) if re.match(r"[\s,]*\d{4}\b", s[e1:]) else y2
    if (y1, m1) == (y2, m2):
        return f"{y1}-{m1:02d}"
    if y1 == y2 and m1 in (1, 4, 7, 10) and m2 == m1 + 2:
        return f"{y1}-Q{(m1 + 2) // 3}"
    if y1 == y2 and (m1, m2) == (1, 12):
        return f"{y1}"
    return ""


def bounds(key: str) -> tuple[date, date]:
    """First day of a period and first day after it: '2026-03', '2026-Q1' or '2026'."""
    year = int(key[:4])
    if m := QUARTER_KEY.match(key):
        start, months = date(year, (int(m.group(2)) - 1) * 3 + 1, 1), 3
    elif MONTH_KEY.match(key):
        start, months = date(year, int(key[5:7]), 1), 1
    else:
        start, months = date(year, 1, 1), 12
    m = start.month - 1 + months
    return start, date(start.year + m // 12, m % 12 + 1, 1)


def first_day_text(key: str) -> str | None:
    """The first day of a period key written dd/mm/yyyy, as offices' files write dates."""
    month = start_month(key)
    return f"01/{month[5:]}/{month[:4]}" if month else None


_AS_OF_WORDS = r"(?:data\s+)?(?:per|keadaan|posisi|kondisi|tanggal data|as of)\s*(?:tanggal|tgl\.?)?\s*:?\s*"
_DAY_MONTH_YEAR = r"(\d{1,2})[\s\-./]+([a-z]+|\d{1,2})[\s\-./]+(\d{4})"
_ISO_DATE = r"(\d{4})-(\d{2})-(\d{2})"


def as_of_from_words(text: str | None) -> date | None:
    """The date a roster is 'as of' in a title: 'DATA PER 31 OKTOBER 2026', 'Keadaan per 01-10-2026',
    'Posisi: 2026-09-30'; None when the text names none (a bare date is not taken: it may be a print date)."""
    s = (text or "").lower()
    m = re.search(_AS_OF_WORDS + _DAY_MONTH_YEAR, s) or re.search(_AS_OF_WORDS + _ISO_DATE, s)
    if not m:
        return None
    a, b, c = m.groups()
    if len(a) == 4:  # ISO
        y, mo, d = int(a), int(b), int(c)
    else:
        d, y = int(a), int(c)
        mo = int(b) if b.isdigit() else MONTH_NUMBER.get(b)
    try:
        return date(y, mo, d) if mo else None
    except ValueError:
        return None


# Weekdays from Monday (Python's weekday 0), as the two languages write them.
HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
