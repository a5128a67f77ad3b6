"""NIPs that Excel stored as numbers.

Excel keeps 15 significant digits, so an 18-digit NIP typed into a number cell is already wrong in the
workbook (197908022002121001 is kept as 197908022002121000, read back as 197908022002120992). Such a
cell can't be repaired; it is shown as Excel displays it (1.97908022002121E+17) so that validation
rejects it with the reason and the fix.
"""

from __future__ import annotations

import io
from pathlib import Path

LONG = 10**15  # a whole number this large has lost digits in a spreadsheet number cell


def long_number_cells(source: Path | bytes, sheet: str | int | None) -> dict[str, str]:
    """How a reader shows each number cell of 16 or more digits ('197908022002120992') -> Excel's display
    of it ('1.97908022002121E+17'). Matched by value, so it doesn't matter where the grid starts."""
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(source) if isinstance(source, bytes) else source, read_only=True, data_only=True)
    try:
        ws = wb[sheet] if isinstance(sheet, str) else wb.worksheets[sheet or 0]
        found = {}
        for row in ws.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, (int, float)) and not isinstance(value, bool) and abs(value) >= LONG:
                    found[str(int(value))] = f"{float(value):.14E}"
        return found
    finally:
        wb.close()


def mark(frame, found: dict[str, str]):
    """The grid with every long number cell replaced by Excel's display of it."""
    import polars as pl

    if not found:
        return frame
    keys, shown = list(found), list(found.values())
    return frame.with_columns([pl.col(c).replace(keys, shown) for c, d in frame.schema.items() if d == pl.String])
