"""Table-driven tests of the normalisers: periods, dates, NIP, ratings, numbers."""

from datetime import date

import polars as pl
import pytest

from pipelines.clean import normalise as n


@pytest.mark.parametrize(
    ("text", "key", "kind"),
    [
        ("2025-01", "2025-01", "bulanan"),
        ("Januari 2025", "2025-01", "bulanan"),
        ("jan. 2025", "2025-01", "bulanan"),
        ("01/2025", "2025-01", "bulanan"),
        ("1/2025", "2025-01", "bulanan"),
        ("2025-03-31 00:00:00", "2025-03", "bulanan"),
        ("Triwulan I 2025", "2025-Q1", "triwulanan"),
        ("TW1 2025", "2025-Q1", "triwulanan"),
        ("TW IV 2024", "2024-Q4", "triwulanan"),
        ("2025-Q1", "2025-Q1", "triwulanan"),
        ("2025", "2025", "tahunan"),
        ("Tahun 2025", "2025", "tahunan"),
        ("13/2025", None, None),
        ("Januar 2025", None, None),
        ("foo", None, None),
    ],
)
def test_period_spellings(text, key, kind):
    out = pl.DataFrame({"p": [text]}).select(n.period("p")).row(0, named=True)
    assert (out["periode"], out["periode_jenis"]) == (key, kind)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31/01/2026", date(2026, 1, 31)),
        ("1-2-2025", date(2025, 2, 1)),
        ("2026-01-31", date(2026, 1, 31)),
        ("31 Januari 2026", date(2026, 1, 31)),
        ("32/01/2026", None),
        ("29/02/2025", None),
        ("kemarin", None),
    ],
)
def test_dates_day_first(text, expected):
    assert pl.DataFrame({"d": [text]}).select(n.date("d")).item() == expected


@pytest.mark.parametrize(
    ("raw", "valid", "kind", "sex"),
    [
        ("19660801 198803 1 001", True, "PNS", "L"),  # the official example, with spaces
        ("19660801.198803.2.001", True, "PNS", "P"),  # dots
        ("196608011988031000", False, "PNS", "L"),  # sequence 000
        ("196613011988031001", False, "PNS", "L"),  # month 13 in birth date
        ("196608011988033001", False, "PNS", None),  # sex digit 3
        ("199001011985011001", False, "PNS", "L"),  # TMT before birth
        ("199001012025212001", True, "PPPK", "P"),  # PPPK: year, '2', period digit, sex
        ("12345", False, "PNS", None),
    ],
)
def test_nip_decoding(raw, valid, kind, sex):
    f = pl.DataFrame({"nip": [raw]}).with_columns(n.nip("nip")).with_columns(*n.nip_parts("nip"))
    row = f.row(0, named=True)
    assert row["nip_valid"] is valid
    assert row["jenis_asn_nip"] == kind
    assert row["jk_nip"] == sex


@pytest.mark.parametrize(
    ("text", "rating"),
    [
        ("diatas", "Di Atas Ekspektasi"),
        ("DI ATAS EKSPEKTASI", "Di Atas Ekspektasi"),
        ("Sesuai", "Sesuai Ekspektasi"),
        ("di bawah ekspektasi", "Di Bawah Ekspektasi"),
        ("baik", None),
    ],
)
def test_rating_spellings(text, rating):
    assert pl.DataFrame({"r": [text]}).select(n.rating("r")).item() == rating


@pytest.mark.parametrize(
    ("text", "predikat"),
    [
        ("Kurang / misconduct", "Kurang/Misconduct"),
        ("SANGAT BAIK", "Sangat Baik"),
        ("baik", "Baik"),
        ("Butuh Perbaikan", "Butuh Perbaikan"),
        ("sangat kurang", "Sangat Kurang"),
        ("cukup", None),
    ],
)
def test_predikat_spellings(text, predikat):
    assert pl.DataFrame({"p": [text]}).select(n.predikat("p")).item() == predikat


@pytest.mark.parametrize(
    ("text", "comma", "value"),
    [
        ("1.234,5", True, 1234.5),
        ("85,5", True, 85.5),
        ("1234.5", False, 1234.5),
        ("1,234.5", False, 1234.5),
        ("n/a", True, None),
        ("90%", False, 90.0),
    ],
)
def test_numbers(text, comma, value):
    assert pl.DataFrame({"x": [text]}).select(n.number("x", comma)).item() == value


@pytest.mark.parametrize(
    "values",
    [
        ["19790802 200212 2 001", "197908022002122001", " ", None],  # spaces only: the quick path
        ["1979.0802-2002 12 2 001", "19790802\t200212 2 001", "'197908022002122001", "", None],  # the full expression
        ["+19790802 200212 2 001", "19790802 200212 2 001\u00a0"],
    ],
)
def test_clean_nip_quick_path_matches_the_full_expression(values):
    from pipelines.clean.clean import clean_nip

    frame = pl.DataFrame({"nip": values}, schema={"nip": pl.String})
    assert clean_nip(frame, "nip")["nip"].to_list() == frame.select(n.nip("nip"))["nip"].to_list()


def test_number_columns_parse_repeated_and_distinct_text_the_same_way():
    from pipelines.clean.clean import number_columns

    frame = pl.DataFrame({"a": ["1.234,5", "1.234,5", "n/a", None, " 7 "], "b": ["1", "2", "3", "4", "5%"]})
    exprs = {"a": n.number("a", True), "b": n.number("b", True)}
    expected = frame.with_columns(n.number("a", True).alias("a"), n.number("b", True).alias("b"))
    assert number_columns(frame, exprs, set()).equals(expected)
    assert number_columns(frame, exprs, set(), small=1).equals(expected)  # every column parsed directly
