"""Read CSV, Excel and Parquet files as all-text tables with their spreadsheet row numbers.

Everything is read as text so that normalisation (decimal commas, NIP spacing,
period spellings) happens in one place and a bad cell never kills a whole file.
A table is found wherever it sits: every sheet of a workbook is looked at, the
header row may be below title rows and may span two rows (merged group labels),
summary rows under the table (Jumlah, NRR, IKM ...) and notes are dropped and
reported. What the reader decided is kept on the `Table` so it can be shown.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import polars as pl

from pipelines.intake import excel_numbers
from pipelines.intake.errors import FileRefused, unreadable
from pipelines.intake.vocab import FOOTER, is_header_cell

ROW = "_baris"
HEAD_ROWS = 40  # the header is looked for in this many rows from the top
EXCEL = (".xlsx", ".xlsm", ".xls")
TEXT = (".csv", ".txt", ".tsv")


@dataclass
class Table:
    """A table found in a file: text columns named by its header, `_baris` as the spreadsheet shows it."""

    name: str
    body: pl.DataFrame
    header: list[str]
    header_row: int  # spreadsheet row number of the (last) header row
    above: list[list[str]] = field(default_factory=list)  # title cells above the header
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    info: dict[str, list[list[str]]] = field(default_factory=dict)  # other sheets' first rows (info sheets)
    dropped: list[tuple[int, str]] = field(default_factory=list)  # (row, first cell) of summary rows and notes
    encoding: str = ""


def _refuse_not_table(name: str) -> FileRefused:
    return FileRefused(
        name,
        "Ini bukan berkas CSV/Excel (isinya gambar atau berkas biner lain). Simpan data dari aplikasinya sebagai "
        ".csv atau .xlsx, lalu muat ulang.",
        "This is not a CSV/Excel file (it holds an image or other binary data). Save the data from its "
        "application as .csv or .xlsx and load it again.",
    )


_MAGIC = {
    b"\x89PNG": "png",
    b"%PDF": "pdf",
    b"\xff\xd8\xff": "jpeg",
    b"GIF8": "gif",
    b"PK\x03\x04": "zip",
    b"\xd0\xcf\x11\xe0": "ole",
    b"PAR1": "parquet",
    b"\x1f\x8b": "gzip",
}


def sniff(raw: bytes) -> str:
    """What the bytes are, whatever the file is called: zip (xlsx), ole (xls), parquet, text, or binary."""
    for magic, what in _MAGIC.items():
        if raw.startswith(magic):
            return what
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"
    return "binary" if b"\x00" in raw[:4096] else "text"


def decode(raw: bytes) -> tuple[str, str]:
    """Text of a file and the encoding used: UTF-16 by its mark, UTF-8, else decided line by line.

    A UTF-8 file with one Windows-1252 byte keeps every other line as UTF-8 (no 'Ã©').
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "UTF-16"
    try:
        return raw.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    lines = []
    mixed = False
    for line in raw.split(b"\n"):
        try:
            lines.append(line.decode("utf-8"))
            mixed = mixed or any(b > 127 for b in line)
        except UnicodeDecodeError:
            lines.append(line.decode("cp1252", errors="replace"))
    text = "\n".join(lines)
    return (text[1:] if text.startswith("\ufeff") else text), ("UTF-8 + Windows-1252" if mixed else "Windows-1252")


def _utf8(raw: bytes) -> tuple[bytes, str]:
    """The bytes as UTF-8 without a byte-order mark, and the encoding they were in."""
    if not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            raw.decode("utf-8")
            return (raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw), "UTF-8"
        except UnicodeDecodeError:
            pass
    text, enc = decode(raw)
    return text.encode("utf-8"), enc


def _cell(v) -> str:
    return "" if v is None else str(v).strip()


def _parse_rows(text: str, sep: str) -> list[list[str]]:
    rows = []
    try:
        for r in csv.reader(io.StringIO(text), delimiter=sep):
            rows.append([c.strip() for c in r])
    except csv.Error:  # a cell cut at the end of the sample
        pass
    return rows


def _sniff_separator(head: str) -> str:
    """The separator that splits the first lines into the most rows of one width."""
    best, best_score = ",", -1
    for sep in (",", ";", "\t", "|"):
        widths = [len(r) for r in _parse_rows(head, sep) if any(r)]
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        score = widths.count(common) * (common > 1) * common
        if score > best_score:
            best, best_score = sep, score
    return best


def _row_score(row: list[str]) -> float:
    filled = [c for c in row if c]
    if len(filled) < 2:
        return 0.0
    texty = sum(1 for c in filled if not re.fullmatch(r"[\d.,\s/:-]+", c))
    return sum(1 for c in filled if is_header_cell(c)) + 0.05 * texty


def _is_number_row(row: list[str]) -> bool:
    """A row of column numbers under a header: (1) (2) (3) or 1 2 3, counting up."""
    filled = [c for c in row if c]
    if len(filled) < 3 or not all(re.fullmatch(r"\(?\d{1,2}\)?", c) for c in filled):
        return False
    # counting up by one from 1 (a data row of small numbers, e.g. coded answers, is not one)
    nums = [int(c.strip("()")) for c in filled]
    return nums == list(range(nums[0], nums[0] + len(nums))) and nums[0] <= 2


def find_header(rows: list[list[str]]) -> tuple[int, int, list[str]]:
    """First and last header row (0-based in `rows`) and the combined column names."""
    if not rows:
        return 0, 0, []
    scores = [_row_score(r) for r in rows[:HEAD_ROWS]]
    h = max(range(len(scores)), key=lambda i: (scores[i], -i))
    first, last = h, h
    width = max(len(r) for r in rows[: h + 3])
    pad = lambda r: r + [""] * (width - len(r))  # noqa: E731
    names = pad(list(rows[h]))
    below = pad(list(rows[h + 1])) if h + 1 < len(rows) else None
    if below and sum(is_header_cell(c) for c in below if c) >= 2 and any(b and not n for b, n in zip(below, names, strict=True)):
        names = _combine(names, below)
        last = h + 1
    elif h > 0:
        upper = pad(list(rows[h - 1]))
        if sum(1 for c in upper if c) >= 2 and any(u and not n for u, n in zip(upper, names, strict=True)):
            names = _combine(upper, names)
            first = h - 1
    return first, last, names


_GENERIC = re.compile(r"^(nama|tmt|tgl|tanggal|no|nomor|jumlah|thn|tahun|bln|bulan|l|p|ket|keterangan|kode|nilai)$", re.I)


def _combine(upper: list[str], lower: list[str]) -> list[str]:
    """Column names of a two-row header: a group label (merged over its columns, so written once) spread over
    the columns under it; under a group, the sub-header alone unless it is generic or repeats another column's
    ('JABATAN' over 'NAMA' and 'TMT' gives 'JABATAN NAMA', 'JABATAN TMT')."""
    groups, current = [], ""
    for i, (u, b) in enumerate(zip(upper, lower, strict=True)):
        if u:
            current = u if b else ""
        elif not b or (i > 0 and not lower[i - 1]):
            current = ""
        groups.append(u or current)
    subs = [b for b in lower if b]
    out = []
    for g, b in zip(groups, lower, strict=True):
        if not b:
            out.append(g)
        elif g and (_GENERIC.match(b.strip(" .")) or subs.count(b) > 1 or b in upper):
            out.append(f"{g} {b}")
        else:
            out.append(b)
    return out


def _dedupe(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for i, n in enumerate(names):
        base = n or f"_kolom_{i + 1}"
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base} ({seen[base]})")
    return out


def _drop_blank_rows(frame: pl.DataFrame) -> pl.DataFrame:
    """Without rows whose every cell is empty or spaces (spreadsheets leave them at the end of a range)."""
    names = [c for c in frame.columns if c != ROW]
    if not names:
        return frame

    def empty(c: str) -> pl.Expr:
        return pl.col(c).is_null() | (pl.col(c).cast(pl.String).str.strip_chars() == "")

    maybe = frame.filter(empty(names[0]))
    if maybe.is_empty():
        return frame
    blank = maybe.filter(pl.all_horizontal([empty(c) for c in names[1:]]))[ROW]
    return frame.filter(~pl.col(ROW).is_in(blank.implode())) if blank.len() else frame


def _drop_footer(body: pl.DataFrame, names: list[str]) -> tuple[pl.DataFrame, list[tuple[int, str]]]:
    """Summary rows (Jumlah, NRR, IKM ...) and everything after them, and trailing notes, with what they said."""
    cols = [c for c in names if not c.startswith("_kolom_")] or names
    tail = body.tail(300)
    if tail.is_empty() or not cols:
        return body, []
    lead = [c for c in body.columns if c != ROW][:4]
    firsts = tail.select(
        ROW,
        pl.concat_str([pl.col(c).fill_null("") for c in lead], separator=" ").str.strip_chars().alias("t"),
        pl.sum_horizontal([pl.col(c).is_not_null() & (pl.col(c) != "") for c in cols]).alias("n"),
    )
    cut = None
    for r, t, _n in firsts.iter_rows():
        if FOOTER.match(re.sub(r"^[\d.\s]+", "", t) if re.match(r"^\d+\s+\D", t) is None else t):
            cut = r
            break
    counted = _counter_end(body, cols)
    if counted is not None and (cut is None or counted < cut):
        cut = counted
    rows = firsts.filter(pl.col(ROW) >= cut) if cut is not None else firsts.clear()
    kept = body.filter(pl.col(ROW) < cut) if cut is not None else body
    # notes under the table: trailing rows with one filled cell in a table of four or more columns
    notes = []
    if len(cols) >= 4:
        for r, t, n in reversed(kept.tail(20).join(firsts, on=ROW).select(ROW, "t", "n").rows()):
            if n > 1:
                break
            notes.append((r, t))
        if notes:
            kept = kept.filter(pl.col(ROW) < min(r for r, _ in notes))
    dropped = [(r, t) for r, t, _ in rows.rows()] + sorted(notes)
    return kept, dropped


_COUNTED = re.compile(r"^([^0-9]*?)\s*([0-9]{1,6})\.?$")


def _counter_end(body: pl.DataFrame, cols: list[str]) -> int | None:
    """Where a table numbered in its first column ('1', '2' ... or 'Responden 1', 'Responden 2' ...) ends: the
    first row after the numbered run whose first cell is other text and that holds figures elsewhere (a sum, an
    average), with no numbered row after it. Summary rows worded in ways no list foresees ('Nilai /Unsur',
    'NRR tertbg/unsur') end the table by their place, not their words; a group heading inside a table (text
    only, or followed by more numbered rows) does not.

    The first cells are matched in one vectorised pass; only the numbered rows and the text rows after the
    run are looked at one by one (a table keyed by NIP has none, however long it is)."""
    names = [c for c in body.columns if c != ROW]
    if not names or body.height < 3:
        return None
    lead = body.get_column(names[0]).cast(pl.String).fill_null("").str.strip_chars()
    parts = lead.str.extract_groups(_COUNTED.pattern)
    number = parts.struct.field("2")
    hits = number.is_not_null().arg_true()
    if hits.is_empty():
        return None
    at = hits.to_list()
    prefixes = parts.struct.field("1").gather(hits).str.strip_chars().str.to_lowercase().to_list()
    numbers = number.gather(hits).cast(pl.Int64).to_list()
    prefix, last, run = None, None, 0
    for p, n in zip(prefixes, numbers, strict=True):
        if prefix is None:
            if n > 2:
                return None
            prefix, last, run = p, n, 1
        elif p == prefix and n == last + 1:
            last, run = n, run + 1
    if run < 3:
        return None
    # a text row before the last row numbered like the run (which begins at the first numbered row) is a heading
    # inside the table: only text rows after it can end the table
    last_same = max(i for i, p in zip(at, prefixes, strict=True) if p == prefix)
    counted = set(at)
    rows = body.get_column(ROW)
    others = [c for c in cols if c != names[0] and c in body.columns]
    text_rows = (lead != "").arg_true()
    for i in text_rows.filter(text_rows > last_same).to_list():
        if i in counted:
            continue
        figures = [body[c][i] for c in others]
        if any(x is not None and re.fullmatch(r"-?[\d.,]+", str(x).strip()) for x in figures):
            return rows[i]
    return None


def _finish(name: str, body: pl.DataFrame, header: list[str]) -> tuple[pl.DataFrame, list[tuple[int, str]]]:
    body = _drop_blank_rows(body)
    return _drop_footer(body, header)


def read_csv_table(name: str, raw: bytes) -> Table:
    """A CSV's table (comma, semicolon, tab or bar; UTF-8, UTF-16 or Windows-1252, decided line by line)."""
    data, enc = _utf8(raw)
    head = data[:262_144].decode("utf-8", errors="replace")
    if not head.strip():
        raise FileRefused(name, "Berkas kosong.", "The file is empty.")
    lines = head.splitlines()
    sep = _sniff_separator("\n".join(lines[:HEAD_ROWS]))
    rows = _parse_rows("\n".join(lines[: HEAD_ROWS + 2]), sep)
    first, last, names = find_header(rows)
    try:
        frame = pl.read_csv(
            data, separator=sep, has_header=True, skip_rows=first, infer_schema=False, truncate_ragged_lines=True, quote_char='"'
        )
    except Exception as exc:  # polars raises several error types for broken CSV
        raise unreadable(name, "csv", exc) from exc
    names = _dedupe((names + [""] * frame.width)[: frame.width])
    frame = frame.rename(dict(zip(frame.columns, names, strict=True)))
    frame = frame.with_row_index(ROW, offset=first + 2).with_columns(pl.col(ROW).cast(pl.Int64))
    skip = last - first + (1 if last + 1 < len(rows) and _is_number_row(rows[last + 1]) else 0)
    frame = frame.slice(skip)
    body, dropped = _finish(name, frame, names)
    return Table(name, body, names, last + 1, rows[:first], encoding=enc, dropped=dropped)


def _excel_reader(name: str, raw: bytes):
    import fastexcel

    try:
        return fastexcel.read_excel(raw)
    except Exception as exc:
        raise unreadable(name, "excel", exc) from exc


def _grid(reader, sheet: str, n_rows: int | None = None) -> list[list[str]]:
    s = reader.load_sheet(sheet, header_row=None, dtypes="string", n_rows=n_rows)
    return [[_cell(v) for v in r] for r in s.to_polars().iter_rows()]


def _first_row(raw: bytes, sheet: str) -> int:
    """Spreadsheet number of a sheet's first filled row (calamine starts its grid there)."""
    try:
        import openpyxl

        wb = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        try:
            for i, row in enumerate(wb[sheet].iter_rows(values_only=True), start=1):
                if any(v is not None and str(v).strip() != "" for v in row):
                    return i
        finally:
            wb.close()
    except Exception:  # .xls or an unusual workbook: count from the first row
        return 1
    return 1


def sheet_names(name: str, raw: bytes) -> list[str]:
    """The sheets of a workbook (empty for other files)."""
    if Path(name).suffix.lower() not in EXCEL and sniff(raw) not in ("zip", "ole"):
        return []
    return list(_excel_reader(name, raw).sheet_names)


def read_excel_table(name: str, raw: bytes, sheet: str | None = None) -> Table:
    """The table of the best-matching sheet (or the one asked for); other small sheets kept as info."""
    reader = _excel_reader(name, raw)
    names = list(reader.sheet_names)
    if sheet is not None and sheet not in names:
        raise FileRefused(
            name,
            f"Lembar '{sheet}' tidak ada. Lembar yang ada: {', '.join(names)}.",
            f"Sheet '{sheet}' is not in the workbook. Its sheets: {', '.join(names)}.",
        )
    heads = {s: _grid(reader, s, HEAD_ROWS + 2) for s in names}
    scored = {s: max((_row_score(r) for r in g[:HEAD_ROWS]), default=0) for s, g in heads.items()}
    chosen = sheet or max(names, key=lambda s: (scored[s], -names.index(s)))
    grid = _grid(reader, chosen)
    if not grid:
        raise FileRefused(name, f"Lembar '{chosen}' kosong.", f"Sheet '{chosen}' is empty.")
    offset = _first_row(raw, chosen)

    def marked(body: pl.DataFrame) -> pl.DataFrame:
        with contextlib.suppress(Exception):  # best effort: a workbook openpyxl can't open is judged by calamine alone
            body = excel_numbers.mark(body, excel_numbers.long_number_cells(raw, chosen))
        return body

    table = _from_grid(name, grid, offset, marked)
    table.sheet, table.sheets, table.info = chosen, names, {s: g for s, g in heads.items() if s != chosen}
    return table


def _from_grid(name: str, grid: list[list[str]], offset: int, mark=lambda body: body) -> Table:
    """The table in a grid of text cells (a sheet, an HTML table): its header wherever it sits, the column-number
    row skipped, footers and notes dropped; `offset` is the grid's first row as the file numbers it."""
    first, last, header = find_header(grid)
    width = max(len(header), max(len(r) for r in grid))
    header = _dedupe((header + [""] * width)[:width])
    skip = 1 if last + 1 < len(grid) and _is_number_row(grid[last + 1]) else 0
    body_rows = grid[last + 1 + skip :]
    data = {h: [r[i] if i < len(r) and r[i] != "" else None for r in body_rows] for i, h in enumerate(header)}
    body = mark(pl.DataFrame(data, schema={h: pl.String for h in header}))
    body = body.with_row_index(ROW, offset=offset + last + 1 + skip).with_columns(pl.col(ROW).cast(pl.Int64))
    body, dropped = _finish(name, body, header)
    return Table(name, body, header, offset + last, grid[:first], dropped=dropped)


class _HtmlTables(HTMLParser):
    """Every <table> of an HTML page as a grid of cell texts: a cell spanning columns is written once and
    followed by empty cells, one spanning rows leaves empty cells below it (as a spreadsheet's merged cells read).
    Text outside the tables (titles) is kept apart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[list[str]]] = []
        self.loose: list[str] = []
        self._stack: list[dict] = []  # open tables: rows, the row being read, the cell being read, spans below
        self._hidden = 0  # inside <style>, <script>, <head>: no text of the page

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("style", "script", "head", "xml"):
            self._hidden += 1
        elif tag == "table":
            self._stack.append({"rows": [], "row": None, "cell": None, "down": {}})
        elif not self._stack:
            if tag in ("br", "p", "div", "h1", "h2", "h3", "h4"):
                self.loose.append("")
        elif tag == "tr":
            t = self._stack[-1]
            t["row"] = []
            self._fill_down(t)
        elif tag in ("td", "th") and self._stack[-1]["row"] is not None:
            t = self._stack[-1]
            t["cell"] = {"text": [], "cols": _span(a.get("colspan")), "rows": _span(a.get("rowspan"))}
        elif tag == "br" and self._stack[-1]["cell"] is not None:
            self._stack[-1]["cell"]["text"].append(" ")

    def _fill_down(self, t: dict) -> None:
        """Empty cells under a cell spanning rows, at the columns it covers, before this row's own cells."""
        row = t["row"]
        while len(row) in t["down"]:
            left, cols = t["down"][len(row)]
            for _ in range(cols):
                row.append("")
            if left <= 1:
                del t["down"][len(row) - cols]
            else:
                t["down"][len(row) - cols] = (left - 1, cols)

    def handle_endtag(self, tag):
        if tag in ("style", "script", "head", "xml"):
            self._hidden = max(0, self._hidden - 1)
            return
        if not self._stack:
            return
        t = self._stack[-1]
        if tag in ("td", "th") and t["cell"] is not None:
            c, t["cell"] = t["cell"], None
            at = len(t["row"])
            t["row"].append(re.sub(r"\s+", " ", "".join(c["text"])).strip())
            t["row"].extend([""] * (c["cols"] - 1))
            if c["rows"] > 1:
                t["down"][at] = (c["rows"] - 1, c["cols"])
            self._fill_down(t)
        elif tag == "tr" and t["row"] is not None:
            t["rows"].append(t["row"])
            t["row"] = None
        elif tag == "table":
            done = self._stack.pop()
            if done["row"]:
                done["rows"].append(done["row"])
            self.tables.append(done["rows"])

    def handle_data(self, data):
        if self._hidden:
            return
        if self._stack and self._stack[-1]["cell"] is not None:
            self._stack[-1]["cell"]["text"].append(data)
        elif not self._stack and data.strip():
            self.loose.append(data.strip())


def _span(v: str | None) -> int:
    try:
        return max(1, min(int(v or 1), 200))
    except ValueError:
        return 1


def is_html(raw: bytes) -> bool:
    """Whether a file is an HTML page holding a table (what many applications save as '.xls')."""
    head = raw[:65_536].decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n").lower()
    return head.startswith("<") and "<table" in raw[:2_000_000].decode("utf-8", errors="ignore").lower()


def read_html_table(name: str, raw: bytes) -> Table:
    """The data table of an HTML page saved as .xls/.html (the exporters of many PHP applications write one):
    the largest table of cells; the page's other text and tables are its title rows."""
    text, enc = decode(raw)
    parser = _HtmlTables()
    parser.feed(text)
    parser.close()
    tables = [[r for r in t if any(c for c in r)] for t in parser.tables]
    tables = [t for t in tables if t and max(len(r) for r in t) >= 2]
    if not tables:
        raise FileRefused(
            name,
            "Halaman HTML ini tidak berisi tabel data. Simpan data dari aplikasinya sebagai .csv atau .xlsx, lalu muat ulang.",
            "This HTML page holds no data table. Save the data from its application as .csv or .xlsx and load it again.",
        )
    grid = max(tables, key=lambda t: len(t) * max(len(r) for r in t))
    title = [[line] for line in parser.loose if line] + [r for t in tables if t is not grid for r in t[:10]]
    table = _from_grid(name, grid, 1)
    table.above = title[:20] + table.above
    table.encoding = f"HTML, {enc}"
    return table


def read_parquet_table(name: str, raw: bytes) -> Table:
    """A Parquet file: numeric columns stay numbers (Parquet says what they are); the rest is text."""
    try:
        frame = pl.read_parquet(io.BytesIO(raw))
    except Exception as exc:
        raise unreadable(name, "parquet", exc) from exc
    frame = frame.select([pl.col(c) if d.is_numeric() else pl.col(c).cast(pl.String) for c, d in frame.schema.items()])
    frame = frame.with_row_index(ROW, offset=2).with_columns(pl.col(ROW).cast(pl.Int64))
    return Table(name, frame, [c for c in frame.columns if c != ROW], 1)


def read_table(path: Path | str, data: bytes | None = None, sheet: str | None = None) -> Table:
    """Find the table in a file by its content (an .xlsx renamed .csv is still read as Excel)."""
    name = Path(path).name
    raw = data if data is not None else Path(path).read_bytes()
    suffix = Path(path).suffix.lower()
    if not raw or raw.isspace():  # (isspace stops at the first other byte; strip would copy the whole file)
        raise FileRefused(name, "Berkas kosong.", "The file is empty.")
    what = sniff(raw)
    if what in ("zip", "ole"):
        return read_excel_table(name, raw, sheet)
    if what == "parquet":
        return read_parquet_table(name, raw)
    if what == "text" and is_html(raw):  # an HTML table saved as '.xls' (or .html), as many applications export
        return read_html_table(name, raw)
    if what != "text":
        raise _refuse_not_table(name)
    if suffix in TEXT or suffix in EXCEL or suffix == "":  # text named '.xls': the tab-separated 'Excel' exports write
        return read_csv_table(name, raw)
    raise FileRefused(
        name,
        f"Jenis berkas '{suffix}' tidak didukung; gunakan .csv, .xlsx atau .parquet.",
        f"File type '{suffix}' is not supported; use .csv, .xlsx or .parquet.",
    )


def read_any(path: Path | str, data: bytes | None = None, sheet: str | None = None) -> pl.DataFrame:
    """The table's text frame with `_baris` (header names as in the file)."""
    return read_table(path, data, sheet).body


def headers(path: Path | str, data: bytes | None = None) -> list[str]:
    """A file's column headers (the table's header, wherever it is); empty when it cannot be read."""
    try:
        if data is None:
            p = Path(path)
            data = p.open("rb").read(262_144) if p.suffix.lower() in TEXT else p.read_bytes()
        if sniff(data) == "text":
            text = _utf8(data[:262_144])[0].decode("utf-8", errors="replace")
            lines = text.splitlines()[: HEAD_ROWS + 2]
            sep = _sniff_separator("\n".join(lines))
            return [h for h in find_header(_parse_rows("\n".join(lines), sep))[2] if h]
        return [c for c in read_table(path, data).header if c]
    except Exception:  # an unreadable file is refused with its reason when it is read in full
        return []
