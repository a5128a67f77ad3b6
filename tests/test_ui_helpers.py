"""Formatting and download helpers: Indonesian numbers and dates, formula neutralisation, Excel about sheet."""

from __future__ import annotations

import io
from datetime import date, datetime

import openpyxl
import polars as pl
import pytest

from ui import fmt
from ui.download import neutralise, to_csv, to_excel


@pytest.mark.parametrize(
    ("value", "decimals", "lang", "text"),
    [
        (1234.5, 1, "id", "1.234,5"),
        (1234.5, 1, "en", "1,234.5"),
        (0.5, 2, "id", "0,50"),
        (1234567, 0, "id", "1.234.567"),
        (None, 1, "id", "–"),
    ],
)
def test_numbers(value, decimals, lang, text):
    assert fmt.num(value, decimals, lang) == text


def test_dates_and_periods():
    assert fmt.day(date(2026, 1, 31), "id") == "31 Januari 2026"
    assert fmt.period("2026-10", "id") == "Okt 2026" and fmt.period("2026-10", "en") == "Oct 2026"
    assert fmt.period("2026-Q4", "id") == "TW IV 2026" and fmt.period("2026-Q4", "en") == "Q4 2026"
    assert fmt.period("2026-01", "id", long=True) == "Januari 2026"
    assert fmt.period("2026-Q3", "id", long=True) == "Triwulan III 2026"
    assert fmt.period("2026", "en") == "2026"
    assert fmt.day(datetime(2026, 10, 29), "id") == "29 Oktober 2026"  # a bare date read as midnight
    assert fmt.day(datetime(2026, 10, 29, 14, 5), "id") == "29 Oktober 2026, 14.05"
    assert fmt.mask_nip("196608011988031001") == "1966•••• 198803 1 •••"


def test_formula_cells_are_neutralised_in_csv_and_excel():
    frame = pl.DataFrame({"Kritik": ['=HYPERLINK("x")', "+62 811", "-", "@SUM(A1)", "biasa"], "n": [1, 2, 3, 4, 5]})
    safe = neutralise(frame)["Kritik"].to_list()
    assert safe == ['\'=HYPERLINK("x")', "'+62 811", "'-", "'@SUM(A1)", "biasa"]
    assert "'=HYPERLINK" in to_csv(frame, "id").decode("utf-8")
    wb = openpyxl.load_workbook(io.BytesIO(to_excel(frame, [("Lokasi", "Jambi")], "Tabel", "Keterangan")))
    cells = [c.value for c in wb["Tabel"]["A"]][1:]
    assert cells[0] == '\'=HYPERLINK("x")' and wb["Tabel"]["A2"].data_type == "s"
    assert dict(wb["Keterangan"].iter_rows(values_only=True)) == {"Lokasi": "Jambi"}


def test_indonesian_csv_uses_semicolon_and_decimal_comma():
    text = to_csv(pl.DataFrame({"Nilai": [1234.5]}), "id").decode("utf-8-sig")
    assert text.splitlines() == ["Nilai", "1234,5"]


def test_value_vocabularies_are_mappings_of_both_languages():
    """Every entry of i18n.VALUES is a vocabulary (stored value -> (Indonesian, English)), so value_label()
    never meets a bare pair (a block of column headers once sat in it by mistake)."""
    from ui.i18n import VALUES

    for kind, vocabulary in VALUES.items():
        assert isinstance(vocabulary, dict), kind
        for value, labels in vocabulary.items():
            assert isinstance(labels, tuple) and len(labels) == 2 and all(isinstance(x, str) and x for x in labels), (kind, value)


def test_text_from_files_is_inert_markdown_and_plotly_text():
    """Issue 19, attack 9: the escaping helpers (the browser test shows what a reader then sees)."""
    import plotly.graph_objects as go

    from ui import charts, fmt

    assert fmt.md(":red[x] ![i](http://h/b.png)") == "\\:red\\[x\\] \\!\\[i\\]\\(http\\:\u2060\\/\\/h\\/b\\.png\\)"
    assert fmt.md("a\n# b") == "a \\# b" and fmt.md(None) == "–" and fmt.md("Budi") == "Budi"
    assert fmt.md("budi@x.id www.x.id").count("\u2060") == 2  # neither becomes a link
    assert charts.plain("<b>%{x}</b> & c") == "&lt;b&gt;&#37;{x}&lt;/b&gt; &amp; c"
    fig = go.Figure(go.Bar(x=[1, 2], y=["<a href='http://h'>x</a>", None], name="<i>n</i>", customdata=[["<b>"], ["c"]]))
    charts._plain_traces(fig)
    assert fig.data[0].y == ("&lt;a href='http://h'&gt;x&lt;/a&gt;", None) and fig.data[0].name == "&lt;i&gt;n&lt;/i&gt;"
    assert fig.data[0].x == (1, 2) and fig.data[0].customdata[0][0] == "<b>"  # numbers and click keys as they were


def test_recorded_moments_read_in_the_offices_zone():
    """The application database records UTC (SQLite hands it back without a zone): the trail and the access log
    show it in `[tampilan] zona_waktu`, named ('WIB'), never as the UTC clock."""
    import datetime as dt

    from ui import fmt

    naive_utc = dt.datetime(2026, 12, 7, 5, 50)
    assert fmt.day(fmt.in_zone(naive_utc, "Asia/Jakarta"), "id") == "7 Desember 2026, 12.50 WIB"
    aware = dt.datetime(2026, 12, 7, 17, 50, tzinfo=dt.UTC)
    assert fmt.day(fmt.in_zone(aware, "Asia/Makassar"), "en") == "8 December 2026, 01:50 WITA"
    assert fmt.in_zone(None, "Asia/Jakarta") is None
    assert fmt.day(dt.datetime(2026, 1, 31), "id") == "31 Januari 2026"  # a bare date stays a date
