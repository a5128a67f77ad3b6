"""Numbers and dates the Indonesian way (1.234,5; 31 Januari 2026) or the English way."""

from __future__ import annotations

from datetime import date, datetime

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def num(value: float | int | None, decimals: int = 1, lang: str = "id") -> str:
    """1234.5 -> '1.234,5' (id) or '1,234.5' (en); None -> '–'."""
    if value is None or value != value:  # NaN
        return "–"
    text = f"{value:,.{decimals}f}"
    if lang == "id":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def pct(value: float | None, decimals: int = 1, lang: str = "id") -> str:
    """0.253 -> '25,3%'."""
    return "–" if value is None or value != value else num(value * 100, decimals, lang) + "%"


def signed(value: float | None, decimals: int = 1, lang: str = "id") -> str:
    """+1,5 / −2,0 with a real minus sign."""
    if value is None or value != value:
        return "–"
    s = num(abs(value), decimals, lang)
    return f"+{s}" if value > 0 else (f"-{s}" if value < 0 else s)


def day(value: date | datetime | None, lang: str = "id") -> str:
    """date(2026, 1, 31) -> '31 Januari 2026' / '31 January 2026'."""
    if value is None:
        return "–"
    names = BULAN if lang == "id" else MONTHS
    text = f"{value.day} {names[value.month - 1]} {value.year}"
    if isinstance(value, datetime):
        text += f", {value:%H.%M}" if lang == "id" else f", {value:%H:%M}"
    return text


def period(key: str | None, lang: str = "id") -> str:
    """'2026-01' -> 'Januari 2026'; '2026-Q1' -> 'Triwulan I 2026'; '2026' unchanged."""
    if not key:
        return "–"
    if len(key) == 7 and key[4] == "-" and key[5:].isdigit():
        names = BULAN if lang == "id" else MONTHS
        return f"{names[int(key[5:]) - 1]} {key[:4]}"
    if "-Q" in key:
        roman = ["I", "II", "III", "IV"][int(key[-1]) - 1]
        return f"Triwulan {roman} {key[:4]}" if lang == "id" else f"Q{key[-1]} {key[:4]}"
    return key


def mask_nip(nip: str | None) -> str:
    """Hide the birth date and sequence of a NIP (UU 27/2022): '19660801 198803 1 001' -> '1966•••• 198803 1 •••'."""
    if not nip or len(nip) != 18:
        return nip or "–"
    return f"{nip[:4]}•••• {nip[8:14]} {nip[14]} •••"
