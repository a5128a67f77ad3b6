"""Read CSV, Excel and Parquet files as all-text frames with their source row numbers.

Everything is read as text so that normalisation (decimal commas, NIP spacing,
period spellings) happens in one place and a bad cell never kills a whole file.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import polars as pl

from pipelines import excel_numbers
from pipelines.errors import FileRefused
from pipelines.sources import KINDS, header_key

ROW = "_baris"


def _decode(raw: bytes) -> str:
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def _sniff_separator(text: str) -> str:
    head = "\n".join(text.splitlines()[:20])
    counts = {sep: head.count(sep) for sep in (";", ",", "\t", "|")}
    return max(counts, key=counts.get)


_KNOWN = {header_key(a) for k in KINDS.values() for names in k.aliases.values() for a in names}


def _header_row(rows: list[list[str]]) -> int:
    """Index of the row that looks most like a header (most known column names)."""
    best, best_hits = 0, -1
    for i, row in enumerate(rows[:30]):
        hits = sum(1 for cell in row if cell and header_key(cell) in _KNOWN)
        if hits > best_hits:
            best, best_hits = i, hits
    return best


def _frame_from_rows(rows: list[list[str]], name: str) -> pl.DataFrame:
    if not rows:
        raise FileRefused(name, "Berkas kosong.", "The file is empty.")
    h = _header_row(rows)
    headers = [str(c).strip() if c is not None else "" for c in rows[h]]
    keep = [i for i, c in enumerate(headers) if c]
    seen: dict[str, int] = {}
    names = []
    for i in keep:
        base = headers[i]
        seen[base] = seen.get(base, 0) + 1
        names.append(base if seen[base] == 1 else f"{base}_{seen[base]}")
    body = rows[h + 1 :]
    data = {
        n: [(r[i] if i < len(r) else None) for r in body] for n, i in zip(names, keep, strict=True)
    }
    df = pl.DataFrame(data, schema={n: pl.String for n in names})
    # Row numbers as a spreadsheet shows them: header row is h+1, first data row h+2.
    df = df.with_row_index(ROW, offset=h + 2).with_columns(pl.col(ROW).cast(pl.Int64))
    return _drop_blank_rows(df)


def _utf8(raw: bytes) -> bytes:
    """The bytes as UTF-8 without a byte-order mark: UTF-8 kept as is, Windows-1252 transcoded."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return _decode(raw).encode("utf-8")
    return raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw


def _csv_head(raw: bytes, name: str) -> tuple[str, int, list[str]]:
    """Separator, header row index and header cells of a CSV, from its first lines."""
    text = _decode(raw[:65536])
    if not text.strip():
        raise FileRefused(name, "Berkas kosong.", "The file is empty.")
    sep = _sniff_separator(text)
    lines = text.splitlines()[:30]
    head = pl.read_csv(io.StringIO("\n".join(lines)), separator=sep, has_header=False, infer_schema=False,
                       truncate_ragged_lines=True)
    rows = [list(r) for r in head.iter_rows()]
    h = _header_row(rows)
    return sep, h, [str(c).strip() for c in rows[h] if c is not None] if rows else []


def read_csv(path: Path | str, data: bytes | None = None) -> pl.DataFrame:
    """Read a CSV (comma/semicolon/tab, UTF-8 or Windows-1252) as text with row numbers."""
    name = Path(path).name
    raw = data if data is not None else Path(path).read_bytes()
    if not raw.strip():
        raise FileRefused(name, "Berkas kosong.", "The file is empty.")
    try:
        sep, h, _ = _csv_head(raw, name)
        frame = pl.read_csv(
            _utf8(raw), separator=sep, has_header=True, skip_rows=h,
            infer_schema=False, truncate_ragged_lines=True,
        )
    except Exception as exc:  # polars raises several error types for broken CSV
        raise FileRefused(
            name, f"Berkas CSV tidak dapat dibaca: {exc}", f"The CSV file cannot be read: {exc}"
        ) from exc
    frame = frame.select([c for c in frame.columns if c.strip() and not c.startswith("_duplicated")])
    frame = frame.with_row_index(ROW, offset=h + 2).with_columns(pl.col(ROW).cast(pl.Int64))
    return _drop_blank_rows(frame)


def _drop_blank_rows(frame: pl.DataFrame) -> pl.DataFrame:
    """Without rows whose every cell is empty or spaces (spreadsheets leave them at the end of a range).

    Only rows whose first cell is blank can be blank, so the other cells are looked at for those alone.
    """
    names = [c for c in frame.columns if c != ROW]
    if not names:
        return frame

    def empty(c: str) -> pl.Expr:
        return pl.col(c).is_null() | (pl.col(c).str.strip_chars() == "")

    maybe = frame.filter(empty(names[0]))
    if maybe.is_empty():
        return frame
    blank = maybe.filter(pl.all_horizontal([empty(c) for c in names[1:]]))[ROW]
    return frame.filter(~pl.col(ROW).is_in(blank.implode())) if blank.len() else frame


def read_excel(path: Path | str, data: bytes | None = None, sheet: str | None = None) -> pl.DataFrame:
    """Read an .xlsx sheet (named, or the first) as text; the header row may be below a title."""
    name = Path(path).name
    source = data if data is not None else Path(path)
    try:
        opts = {"sheet_name": sheet} if sheet else {"sheet_id": 1}
        frame = pl.read_excel(
            source, **opts, has_header=False, infer_schema_length=0,
            drop_empty_rows=False, drop_empty_cols=False,
        )
    except Exception as exc:
        raise FileRefused(
            name, f"Berkas Excel tidak dapat dibaca: {exc}", f"The Excel file cannot be read: {exc}"
        ) from exc
    frame = frame.select(pl.all().cast(pl.String))
    with contextlib.suppress(Exception):  # best effort: a workbook openpyxl can't open is judged by calamine alone
        frame = excel_numbers.mark(frame, excel_numbers.long_number_cells(source, sheet))
    rows = [list(r) for r in frame.iter_rows()]
    return _frame_from_rows(rows, name)


def read_parquet(path: Path | str, data: bytes | None = None) -> pl.DataFrame:
    """Read a Parquet file with row numbers (header is row 1): numeric columns as numbers, the rest as text."""
    name = Path(path).name
    try:
        frame = pl.read_parquet(io.BytesIO(data) if data is not None else Path(path))
    except Exception as exc:
        raise FileRefused(
            name, f"Berkas Parquet tidak dapat dibaca: {exc}", f"The Parquet file cannot be read: {exc}"
        ) from exc
    # Numbers stay numbers (nothing to parse); every other type is read as text like CSV and Excel.
    frame = frame.select([pl.col(c) if d.is_numeric() else pl.col(c).cast(pl.String) for c, d in frame.schema.items()])
    return frame.with_row_index(ROW, offset=2).with_columns(pl.col(ROW).cast(pl.Int64))


def headers(path: Path | str, data: bytes | None = None) -> list[str]:
    """A file's column headers without reading its rows (Excel is read whole; it is small)."""
    suffix = Path(path).suffix.lower()
    name = Path(path).name
    try:
        if suffix == ".parquet":
            return list(pl.read_parquet_schema(io.BytesIO(data) if data is not None else Path(path)))
        if suffix in (".csv", ".txt", ".tsv"):
            raw = data[:65536] if data is not None else Path(path).open("rb").read(65536)
            return _csv_head(raw, name)[2]
        return [c for c in read_any(path, data).columns if c != ROW]
    except FileRefused:
        return []
    except Exception:  # an unreadable file is refused with its reason when it is read in full
        return []


def read_any(path: Path | str, data: bytes | None = None, sheet: str | None = None) -> pl.DataFrame:
    """Read a file by its extension."""
    suffix = Path(path).suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        return read_csv(path, data)
    if suffix in (".xlsx", ".xlsm", ".xls"):
        return read_excel(path, data, sheet)
    if suffix == ".parquet":
        return read_parquet(path, data)
    name = Path(path).name
    raise FileRefused(
        name,
        f"Jenis berkas '{suffix or '(tanpa ekstensi)'}' tidak didukung; gunakan .csv, .xlsx atau .parquet.",
        f"File type '{suffix or '(no extension)'}' is not supported; use .csv, .xlsx or .parquet.",
    )
