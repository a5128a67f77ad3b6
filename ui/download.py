"""CSV and Excel downloads of exactly the table on screen, with formula cells neutralised, values as the screen
reads them (Ya/Tidak, "Okt 2026", local times) and names that say what they hold."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

import polars as pl

from domain.periods import BLN, MON
from pipelines.build.neutral import neutralise
from ui.fmt import ZONE_LABELS


def _flatten(frame: pl.DataFrame) -> pl.DataFrame:
    lists = [c for c, d in frame.schema.items() if isinstance(d, pl.List)]
    return frame.with_columns([pl.col(c).cast(pl.List(pl.String)).list.join(", ").alias(c) for c in lists])


def to_csv(frame: pl.DataFrame, lang: str) -> bytes:
    """CSV as Indonesian spreadsheets expect it (semicolon, decimal comma) or English (comma, point); UTF-8 with BOM."""
    flat = neutralise(_flatten(frame))
    if lang == "id":
        text = flat.write_csv(separator=";", decimal_comma=True)
    else:
        text = flat.write_csv()
    return ("\ufeff" + text).encode("utf-8")


def to_excel(frame: pl.DataFrame, about: list[tuple[str, str]], sheet: str, about_sheet: str) -> bytes:
    """An .xlsx with the table on the first sheet and the filters, as-of time and loads on the second."""
    import xlsxwriter

    buf = io.BytesIO()
    flat = neutralise(_flatten(frame))
    wb = xlsxwriter.Workbook(buf, {"strings_to_formulas": False, "strings_to_urls": False, "remove_timezone": True})
    ws = wb.add_worksheet(sheet[:31])
    bold = wb.add_format({"bold": True})
    date_fmt = wb.add_format({"num_format": "dd/mm/yyyy"})
    for j, name in enumerate(flat.columns):
        ws.write_string(0, j, name, bold)
        ws.set_column(j, j, max(10, min(40, len(name) + 2)))
    for i, row in enumerate(flat.iter_rows(), start=1):
        for j, v in enumerate(row):
            if v is None:
                continue
            if isinstance(v, bool):
                ws.write_boolean(i, j, v)
            elif isinstance(v, int | float):
                ws.write_number(i, j, v)
            elif isinstance(v, datetime):
                ws.write_datetime(i, j, v, date_fmt)
            elif hasattr(v, "year"):
                ws.write_datetime(i, j, datetime(v.year, v.month, v.day), date_fmt)
            else:
                ws.write_string(i, j, str(v))
    info = wb.add_worksheet(about_sheet[:31])
    info.set_column(0, 0, 28)
    info.set_column(1, 1, 90)
    for i, (k, v) in enumerate(about):
        info.write_string(i, 0, k, bold)
        info.write_string(i, 1, str(v))
    wb.close()
    return buf.getvalue()


def zone() -> str:
    """The time zone downloads write times in (`[tampilan] zona_waktu`, default Asia/Jakarta)."""
    from ui.data import settings

    return str(settings().section("tampilan").get("zona_waktu", "Asia/Jakarta"))


def local_time(value: datetime | None, tz: str, lang: str) -> str:
    """A moment in the configured zone, named as offices name it: '04/12/2026 19:56 WIB' (now when None).

    Naive times are the server's local time (the loader's clock); aware ones are converted as they are."""
    moment = (value or datetime.now()).astimezone(ZoneInfo(tz))
    name = ZONE_LABELS.get(tz) or moment.strftime("%Z")
    text = moment.strftime("%d/%m/%Y %H.%M" if lang == "id" else "%d/%m/%Y %H:%M")
    return f"{text} {name}"


def _period_text(key: pl.Expr, lang: str) -> pl.Expr:
    """'2026-10' -> 'Okt 2026'; '2026-Q4' -> 'TW IV 2026' / 'Q4 2026'; a year stays as it is (ui.fmt.period, as an
    expression)."""
    months = BLN if lang == "id" else MON
    month = key.str.slice(5, 2).cast(pl.Int64, strict=False)
    quarter = key.str.slice(6, 1)
    quarter_text = (
        pl.format("TW {} {}", quarter.replace({"1": "I", "2": "II", "3": "III", "4": "IV"}), key.str.slice(0, 4))
        if lang == "id"
        else pl.format("Q{} {}", quarter, key.str.slice(0, 4))
    )
    return (
        pl.when(key.str.contains(r"^\d{4}-\d{2}$"))
        .then(pl.format("{} {}", month.replace_strict(dict(enumerate(months, 1)), default=None), key.str.slice(0, 4)))
        .when(key.str.contains(r"^\d{4}-Q[1-4]$"))
        .then(quarter_text)
        .otherwise(key)
    )


def readable(frame: pl.DataFrame, lang: str, tz: str, period_columns: Iterable[str]) -> pl.DataFrame:
    """The values of a download as the screen reads them: booleans Ya/Tidak (Yes/No), period keys as 'Okt 2026',
    times in the configured zone as text with its name ('04/12/2026 19.56 WIB')."""
    yes, no = ("Ya", "Tidak") if lang == "id" else ("Yes", "No")
    exprs = []
    for c, d in frame.schema.items():
        if d == pl.Boolean:
            exprs.append(pl.when(pl.col(c)).then(pl.lit(yes)).when(~pl.col(c)).then(pl.lit(no)).alias(c))
        elif c in period_columns and d == pl.String:
            exprs.append(_period_text(pl.col(c), lang).alias(c))
        elif isinstance(d, pl.Datetime):
            values = [None if v is None else local_time(v, tz, lang) for v in frame[c].to_list()]
            exprs.append(pl.Series(c, values, dtype=pl.String))
    return frame.with_columns(exprs) if exprs else frame


def file_name(key: str, f, view: str | None, lang: str) -> str:
    """'bandingkan_opd_Bangko-Jambi_Jan-2026_Okt-2026_persentil': the table, places, period range and view, in
    characters every system accepts."""
    from ui import fmt

    places = "-".join(f.lokasi) if f is not None and f.lokasi else ("semua-lokasi" if lang == "id" else "all-places")
    parts = [places]
    if f is not None and (f.dari or f.sampai):
        parts += [fmt.period(f.dari, lang), fmt.period(f.sampai, lang)] if f.dari != f.sampai else [fmt.period(f.dari, lang)]
    if view:
        parts.append(view)
    return "_".join([key, *(re.sub(r"[^0-9A-Za-z]+", "-", p).strip("-") for p in parts if p)])
