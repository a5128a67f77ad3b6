"""Build tiny input files in memory for pipeline and rule tests."""

from __future__ import annotations

import duckdb
import polars as pl

NIPS = [f"1980010120050{m}1{i:03d}" for m, i in [(1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 6), (7, 7), (8, 8), (9, 9)]]


def csv(rows: list[dict], sep: str = ";") -> bytes:
    """A CSV file's bytes from dict rows."""
    return pl.DataFrame(rows).write_csv(separator=sep).encode("utf-8")


def pegawai(nips: list[str] = NIPS, lokasi: str = "Jambi", opd: str = "Disdukcapil") -> bytes:
    return csv(
        [
            {
                "NIP": n,
                "Nama": f"Pegawai {i}",
                "Lokasi": lokasi,
                "Perangkat Daerah": opd,
                "Unit Kerja": "Bidang A",
                "Status ASN": "PNS",
                "Golongan": "III/a",
            }
            for i, n in enumerate(nips)
        ]
    )


def query(settings, sql: str, params: dict | None = None) -> pl.DataFrame:
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        return pl.from_arrow(con.sql(sql, params=params).to_arrow_table())


def headline(markup: str) -> dict:
    """The overview's headline table (pages/ringkasan.py) read back from its markup:
    {"columns": {figure: (name, tooltip)}, "rows": {place: {figure: (value, change or None, kind or None)}}},
    kind being "up", "down" or "flat" (the change's colour; up/down carry an arrow)."""
    import html
    import re

    columns = {
        k: (html.unescape(name), html.unescape(tip))
        for k, tip, name in re.findall(r"<th scope='col' data-figure='(\w+)' title='([^']*)'>(.*?)<span", markup)
    }
    rows = {}
    for place, body in re.findall(r"<tr data-lokasi='([^']*)'>(.*?)</tr>", markup):
        cells = re.findall(
            r"<td data-figure='(\w+)'><div class='v'>(.*?)</div>(?:<div class='d (\w+)'>(.*?)</div>)?"
            r"(?:<div class='[ps]'[^>]*>.*?</div>)*</td>",
            body,
        )
        rows[html.unescape(place)] = {
            k: (html.unescape(v), html.unescape(d) if d else None, kind or None) for k, v, kind, d in cells
        }
    return {"columns": columns, "rows": rows}


def app_headline(at) -> dict:
    """`headline` of the overview drawn in an AppTest run (empty when the page drew none)."""
    found = [m.value for m in at.markdown if "class='headline'" in str(m.value)]
    return headline(found[0]) if found else {"columns": {}, "rows": {}}
