"""Numbers and dates the Indonesian way (1.234,5; 31 Januari 2026) or the English way."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import polars as pl

from domain.periods import BLN, BULAN, MON, MONTHS, ROMAN_NUMERALS

# Every ASCII punctuation character CommonMark lets a backslash escape: with each escaped, no Markdown, no
# Streamlit directive (:red[...], :material/...:, emoji shortcodes), no LaTeX ($...$) and no HTML is left.
_MARKUP = re.compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")
# A web or e-mail address is linked by the renderer after escapes are resolved (GFM autolink literals): an
# invisible word joiner after the scheme's colon, 'www' and '@' keeps it text.
_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?i)(?<=https:)|(?<=http:)|(?<=www)|(?<=@)")


def md(text: object) -> str:
    """Text from files or people (names, OPD, units, comments, file names) made inert for anything Streamlit
    draws as Markdown (st.markdown, caption, header, subheader, page_link and expander labels, messages):
    it shows literally, on one line, and can neither style, link nor load anything."""
    if text is None:
        return "–"
    flat = " ".join(str(text).split())
    return _MARKUP.sub(r"\\\1", _AUTOLINK.sub(_JOINER, flat))


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
    if isinstance(value, datetime) and (value.hour, value.minute) != (0, 0):  # a bare date read as midnight
        text += f", {value:%H.%M}" if lang == "id" else f", {value:%H:%M}"
        if value.tzinfo is not None:  # a moment in a known zone says which ('WIB')
            text += f" {ZONE_LABELS.get(str(value.tzinfo)) or value.strftime('%Z')}"
    return text


# How offices name the zones a `[tampilan] zona_waktu` may hold.
ZONE_LABELS = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


def in_zone(value: datetime | None, zone: str) -> datetime | None:
    """A moment the application database recorded (UTC; SQLite hands it back without its zone) in `zone`."""
    if value is None:
        return None
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(ZoneInfo(zone))


def period(key: str | None, lang: str = "id", long: bool = False) -> str:
    """'2026-10' -> 'Okt 2026' / 'Oct 2026'; '2026-Q4' -> 'TW IV 2026' / 'Q4 2026'; '2026' unchanged.

    `long` spells the month or quarter out ('Oktober 2026', 'Triwulan IV 2026') for sentences.
    """
    if not key:
        return "–"
    if len(key) == 7 and key[4] == "-" and key[5:].isdigit():
        names = (BULAN if long else BLN) if lang == "id" else (MONTHS if long else MON)
        return f"{names[int(key[5:]) - 1]} {key[:4]}"
    if "-Q" in key:
        quarter = int(key[-1])
        if lang == "id":
            return f"{'Triwulan' if long else 'TW'} {ROMAN_NUMERALS[quarter - 1]} {key[:4]}"
        return f"{'Quarter ' if long else 'Q'}{quarter} {key[:4]}"
    return key


def value(v: object, lang: str = "id", decimals: int = 1) -> str:
    """Any cell for people: numbers localised, dates spelled out, None as '–'."""
    if v is None or (isinstance(v, float) and v != v):
        return "–"
    if isinstance(v, bool):
        return ("Ya" if v else "Tidak") if lang == "id" else ("Yes" if v else "No")
    if isinstance(v, int):
        return num(v, 0, lang)
    if isinstance(v, float):
        return num(v, decimals, lang)
    if isinstance(v, (date, datetime)):
        return day(v, lang)
    return str(v)


# The marts write an indicator's capaian in brackets with a decimal point: "Waktu layanan (85.3)".
CAPAIAN_IN_TEXT = r"\((\d+)\.(\d+)\)"


def capaian_in_text(text: str, lang: str = "id") -> str:
    """'Waktu layanan (85.3)' -> 'Waktu layanan (85,3)' in Indonesian; in English the other way, since a case's
    focus is stored as written when it was opened (in either language)."""
    if lang == "id":
        return re.sub(CAPAIAN_IN_TEXT, r"(\1,\2)", text)
    return re.sub(r"\((\d+),(\d+)\)", r"(\1.\2)", text)


def mask_nip(nip: str | None) -> str:
    """Hide the birth date and sequence of a NIP (UU 27/2022): '19660801 198803 1 001' -> '1966•••• 198803 1 •••'."""
    if not nip or len(nip) != 18:
        return nip or "–"
    return f"{nip[:4]}•••• {nip[8:14]} {nip[14]} •••"


def with_place_label(frame: pl.DataFrame, name: str, label: str) -> pl.DataFrame:
    """`frame` with a `label` column: the `name` (an OPD, unit kerja or service unit), with its place added where
    the same name exists in more than one place ('Dinas Kesehatan (Jambi)'), so two places' units are never one."""
    if frame.is_empty() or "lokasi" not in frame.columns:
        return frame.with_columns(pl.col(name).alias(label))
    places = pl.col("lokasi").n_unique().over(name)
    return frame.with_columns(
        pl.when(places > 1).then(pl.format("{} ({})", pl.col(name), pl.col("lokasi"))).otherwise(pl.col(name)).alias(label)
    )
