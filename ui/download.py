"""CSV and Excel downloads of exactly the table on screen, with formula cells neutralised."""

from __future__ import annotations

import io
from datetime import datetime

import polars as pl

from pipelines.build.neutral import neutralise


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
