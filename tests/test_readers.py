"""The reader on awkward files: mixed encodings, UTF-16, binaries, sheets, header-only files, offsets, huge cells."""

from __future__ import annotations

import io
import random
import re

import openpyxl
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.intake.errors import FileRefused
from pipelines.intake.prepare import prepare
from pipelines.intake.readers import _counter_end, decode, read_table
from pipelines.load.transaction import load_files
from tests.conftest import make_settings
from tests.helpers import NIPS, pegawai, query

ROSTER_HEAD = "NIP;Nama;Lokasi;Perangkat Daerah\n"


def _roster_lines(names: list[str]) -> list[str]:
    return [f"{NIPS[i]};{n};Jambi;Dinas Sosial" for i, n in enumerate(names)]


def test_one_windows_1252_byte_does_not_spoil_the_utf8_lines(tmp_path):
    lines = _roster_lines(["André", "José", "Renée"])
    raw = (ROSTER_HEAD + lines[0] + "\n" + lines[1] + "\n").encode("utf-8") + (lines[2] + "\n").encode("cp1252")
    s = make_settings(tmp_path)
    report = load_files([("pegawai.csv", raw)], s)
    assert report.exit_code == 0
    assert sorted(query(s, "SELECT nama FROM dim_pegawai").to_series().to_list()) == ["André", "José", "Renée"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet="abc xyz;éèüñ", min_size=1, max_size=12), st.booleans()), min_size=1, max_size=8))
def test_decoding_is_decided_line_by_line(lines):
    raw = b"\n".join(t.encode("cp1252" if legacy else "utf-8") for t, legacy in lines)
    assert decode(raw)[0].split("\n") == [t for t, _ in lines]


def test_utf16_csv_loads(tmp_path):
    s = make_settings(tmp_path)
    text = ROSTER_HEAD + "\n".join(_roster_lines(["Siti", "Budi"])) + "\n"
    report = load_files([("pegawai.csv", text.encode("utf-16"))], s)
    assert report.exit_code == 0 and report.files[0].dimuat == 2


def test_png_renamed_csv_is_refused_in_both_languages():
    png = b"\x89PNG\r\n\x1a\n" + bytes(random.Random(1).randrange(256) for _ in range(400))
    with pytest.raises(FileRefused) as exc:
        read_table("foto.csv", png)
    assert "bukan berkas CSV/Excel" in exc.value.pesan and "not a CSV/Excel file" in exc.value.message


def _workbook(sheets: dict[str, list[list]], start_row: int = 1, start_col: int = 1) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v is not None:
                    ws.cell(start_row + r, start_col + c, v)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_data_on_the_second_sheet_is_found_and_named(tmp_path):
    rows = [["NIP", "Nama", "Lokasi", "OPD"], *[[n, f"P{i}", "Jambi", "Dinas Sosial"] for i, n in enumerate(NIPS[:3])]]
    data = _workbook({"Petunjuk": [["Isi data pada lembar berikut"]], "Pegawai": rows})
    s = make_settings(tmp_path)
    report = load_files([("pegawai.xlsx", data)], s)
    assert report.exit_code == 0 and report.files[0].dimuat == 3
    assert "Pegawai" in report.files[0].pesan and "Pegawai" in report.files[0].message
    with pytest.raises(FileRefused) as exc:
        read_table("pegawai.xlsx", data, sheet="Data")
    assert "'Data'" in exc.value.pesan and "Petunjuk, Pegawai" in exc.value.message


def test_missing_columns_named_for_the_kind_it_resembles_without_kind(tmp_path):
    text = "NIP;Periode;Indikator;Target\n" + f"{NIPS[0]};2026-01;Akurasi;10\n"
    s = make_settings(tmp_path)
    report = load_files([("capaian.csv", text.encode())], s)
    f = report.files[0]
    assert f.status == "ditolak" and f.jenis is None
    assert "capaian" in f.pesan and "realisasi" in f.pesan and "realisasi" in f.message


def test_header_only_file_says_no_data_rows(tmp_path):
    s = make_settings(tmp_path)
    report = load_files([("pegawai.csv", ROSTER_HEAD.encode())], s)
    f = report.files[0]
    assert f.status == "ditolak" and "Tidak ada baris data" in f.pesan and "No data rows" in f.message


def test_excel_row_numbers_are_the_spreadsheets_with_empty_rows_and_columns_before(tmp_path):
    rows = [
        ["NIP", "Nama", "Lokasi", "OPD"],
        [NIPS[0], "A", "Jambi", "Dinsos"],
        [NIPS[1], "B", "Tidak ada", "Dinsos"],
        [None, None, None, None],
        ["12345", "C", "Jambi", "Dinsos"],
    ]
    data = _workbook({"Sheet1": rows}, start_row=5, start_col=3)
    s = make_settings(tmp_path)
    report = load_files([("pegawai.xlsx", data)], s)
    by_col = {r["kolom"]: r["baris"] for r in report.rejects.iter_rows(named=True)}
    assert by_col == {"lokasi": 7, "nip": 9}  # header on row 5, 'Tidak ada' on 7, the bad NIP on 9


def test_a_one_megabyte_quoted_comment_does_not_refuse_the_csv(tmp_path):
    comment = "panjang sekali; " * 70_000
    text = "Tanggal;Unit Layanan;Lokasi;" + ";".join(f"U{i}" for i in range(1, 10)) + ";Saran\n"
    text += f'02/01/2026;Disdukcapil;Jambi;{";".join("3" * 9)};"{comment}"\n'
    text += f'03/01/2026;Disdukcapil;Jambi;{";".join("4" * 9)};"ok"\n'
    s = make_settings(tmp_path)
    report = load_files([("skm.csv", text.encode())], s)
    assert report.exit_code == 0 and report.files[0].dimuat == 2


def test_parquet_with_integer_nip(tmp_path):
    frame = pl.DataFrame(
        {"nip": [int(n) for n in NIPS[:3]], "nama": ["A", "B", "C"], "lokasi": ["Jambi"] * 3, "opd": ["Dinas Sosial"] * 3}
    )
    buf = io.BytesIO()
    frame.write_parquet(buf)
    s = make_settings(tmp_path)
    report = load_files([("pegawai.parquet", buf.getvalue())], s)
    assert report.exit_code == 0
    assert sorted(query(s, "SELECT nip FROM dim_pegawai").to_series().to_list()) == sorted(NIPS[:3])


def test_parquet_with_float_nip_is_rejected_per_row(tmp_path):
    frame = pl.DataFrame(
        {"nip": [float(n) for n in NIPS[:2]], "nama": ["A", "B"], "lokasi": ["Jambi"] * 2, "opd": ["Dinas Sosial"] * 2}
    )
    buf = io.BytesIO()
    frame.write_parquet(buf)
    report = load_files([("pegawai.parquet", buf.getvalue())], make_settings(tmp_path))
    assert report.files[0].status in ("ditolak", "sebagian")
    assert set(report.rejects["kolom"].to_list()) == {"nip"} and report.rejects["alasan"].null_count() == 0


def test_xlsx_renamed_csv_is_read_as_excel():
    data = _workbook({"Data": [["NIP", "Nama", "Lokasi", "OPD"], [NIPS[0], "A", "Jambi", "Dinsos"]]})
    assert prepare("pegawai.csv", data, None).kind == "pegawai"


def test_two_row_header_with_column_numbers_below():
    text = f"LAPORAN;;;;;\nNIP;Nama;Lokasi;Perangkat Daerah;Jabatan\n(1);(2);(3);(4);(5)\n{NIPS[0]};A;Jambi;Dinsos;Staf\n"
    table = read_table("pegawai.csv", text.encode())
    assert table.body.height == 1 and table.body["_baris"].to_list() == [4]
    assert pegawai()  # the helper's roster still reads as before


def _csv(rows: list[list[object]]) -> bytes:
    return ("\n".join(",".join("" if v is None else str(v) for v in r) for r in rows) + "\n").encode()


def test_a_numbered_table_ends_where_a_row_of_figures_breaks_the_numbering_whatever_its_words():
    head = ["No", "Usia", "U1", "U2", "U3"]
    rows = [head, [1, 30, 4, 3, 3], [2, 41, 3, 3, 2], [3, 25, 4, 4, 4]]
    # summary rows worded as no list foresees, split over cells as an exporter writes them
    rows += [["Skor", "/Butir", 11, 10, 9], ["Rerata", "butir", 3.67, 3.33, 3.0], ["Disusun oleh", None, None, None, None]]
    table = read_table("survei.csv", _csv(rows))
    assert table.body["No"].to_list() == ["1", "2", "3"]
    assert [r for r, _ in table.dropped][:2] == [5, 6]


def test_a_heading_inside_a_numbered_table_is_not_its_end():
    head = ["No", "NIP", "Nama", "Golongan"]
    rows = [head, [1, NIPS[0], "A", "III/a"], [2, NIPS[1], "B", "III/b"], [3, NIPS[2], "C", "III/c"]]
    rows += [["II. JABATAN FUNGSIONAL", None, None, None], [4, NIPS[3], "D", "III/d"], [5, NIPS[4], "E", "IV/a"]]
    table = read_table("duk.csv", _csv(rows))
    assert table.body["NIP"].drop_nulls().to_list() == NIPS[:5]


def test_respondents_numbered_by_name_end_at_the_sum_row():
    rows = [["RESPONDEN", "U1", "U2", "U3"], ["Responden 1", 4, 3, 3], ["Responden 2", 3, 3, 2], ["Responden 3", 4, 4, 4]]
    rows += [["Jumlah Nilai / Unsur", 11, 10, 9], ["Bobot per Unsur (1/9)", 0.111, 0.111, 0.111]]
    table = read_table("skm.csv", _csv(rows))
    assert table.body["RESPONDEN"].to_list() == ["Responden 1", "Responden 2", "Responden 3"]


def test_html_cells_spanning_rows_and_columns_read_as_merged_spreadsheet_cells():
    page = (
        "<html><head><style>td {color: red}</style></head><body><p>Judul laporan</p><table>"
        '<tr><td rowspan="2">No</td><td rowspan="2">NIP</td><td colspan="2">NILAI</td><td rowspan="2">Ket</td></tr>'
        "<tr><td>SKP</td><td>Perilaku</td></tr>"
        f"<tr><td>1</td><td>{NIPS[0]}</td><td>80</td><td>82</td><td>-</td></tr>"
        f"<tr><td>2</td><td>{NIPS[1]}</td><td>75</td><td>77</td><td>cuti</td></tr></table></body></html>"
    ).encode()
    table = read_table("laporan.xls", page)
    assert table.body.columns[1:] == ["No", "NIP", "SKP", "Perilaku", "Ket"]  # as a merged Excel header reads
    assert table.body["NIP"].to_list() == NIPS[:2] and table.body["Perilaku"].to_list() == ["82", "77"]
    assert ["Judul laporan"] in table.above and not any("color" in c for r in table.above for c in r)


def test_tab_separated_text_named_xls_is_read_as_a_table():
    text = "NIP\tNama\tOPD\n" + "\n".join(f"{n}\tPegawai {i}\tDinas Sosial" for i, n in enumerate(NIPS[:3]))
    table = read_table("export.xls", text.encode())
    assert table.body["NIP"].to_list() == NIPS[:3]


_NUMBERED = re.compile(r"^([^0-9]*?)\s*([0-9]{1,6})\.?$")


def _counter_end_row_by_row(body: pl.DataFrame, cols: list[str]) -> int | None:
    """The plain reading of where a numbered table ends, one row at a time (the reference for `_counter_end`)."""
    names = [c for c in body.columns if c != "_baris"]
    if not names or body.height < 3:
        return None
    lead, rows = body[names[0]].to_list(), body["_baris"].to_list()
    prefix, last, run, first_at = None, None, 0, None
    for i, v in enumerate(lead):
        m = _NUMBERED.match((v or "").strip())
        if not m:
            continue
        p, n = m.group(1).strip().lower(), int(m.group(2))
        if prefix is None:
            if n > 2:
                return None
            prefix, last, run, first_at = p, n, 1, i
        elif p == prefix and n == last + 1:
            last, run = n, run + 1
    if prefix is None or run < 3:
        return None
    others = [c for c in cols if c != names[0]]
    for i in range(first_at, len(lead)):
        v = (lead[i] or "").strip()
        if not v or _NUMBERED.match(v):
            continue
        later = [(lead[j] or "").strip() for j in range(i + 1, len(lead))]
        if any((m := _NUMBERED.match(x)) and m.group(1).strip().lower() == prefix for x in later):
            continue
        if any(x is not None and re.fullmatch(r"-?[\d.,]+", str(x).strip()) for x in (body[c][i] for c in others)):
            return rows[i]
    return None


_FIRST_CELLS = st.one_of(
    st.none(),
    st.sampled_from(["", " ", "Jumlah", "NRR", "IKM", "Responden", "Sub Bagian", "197908022002122001", "1.", "2 "]),
    st.builds(
        lambda p, n, dot: f"{p}{n}{dot}",
        st.sampled_from(["", "Responden ", "R-", "No "]),
        st.integers(0, 12),
        st.sampled_from(["", "."]),
    ),
    st.text(alphabet="aZ 09.-", max_size=6),
)
_OTHER_CELLS = st.one_of(st.none(), st.sampled_from(["", "4", "3,25", "-1.5", "baik", "x1"]))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(_FIRST_CELLS, _OTHER_CELLS, _OTHER_CELLS), min_size=0, max_size=30),
    st.one_of(st.none(), st.tuples(st.sampled_from(["", "Responden ", "no. "]), st.integers(0, 4), st.integers(1, 5))),
)
def test_where_a_numbered_table_ends_equals_reading_it_row_by_row(cells, numbered):
    """The vectorised reading of the first column agrees with reading the table one row at a time: numbered runs
    (bare or with a word before the number, starting at 0 to 4), headings inside them, summary rows with figures,
    NIP-keyed tables."""
    if numbered:  # a numbered run, then whatever follows
        word, start, n = numbered
        cells = [(f"{word}{start + i}", "4", "3") for i in range(n)] + cells
    columns = {"no": [c[0] for c in cells], "a": [c[1] for c in cells], "b": [c[2] for c in cells]}
    body = pl.DataFrame(
        {"_baris": list(range(2, len(cells) + 2)), **columns},
        schema={"_baris": pl.Int64, "no": pl.String, "a": pl.String, "b": pl.String},
    )
    cols = ["no", "a", "b"]
    assert _counter_end(body, cols) == _counter_end_row_by_row(body, cols)


@pytest.mark.parametrize("raw", [b"", b" ", b"\r\n\r\n", b" \t\n\x0b\x0c\r "])
def test_an_empty_or_blank_file_is_refused_as_empty_in_both_languages(raw):
    with pytest.raises(FileRefused) as err:
        read_table("kosong.csv", raw)
    assert (err.value.pesan, err.value.message) == ("Berkas kosong.", "The file is empty.")
