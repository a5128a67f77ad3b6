"""One rule for small groups: every figure on the analysis pages from a group of fewer employees than
`[banding] min_group` carries the mark ✕, every other figure does not, and each label says how many employees.

The reference counts employees straight from the warehouse tables with Polars, apart from the query layer.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

MARK = "✕"
HARNESS = str(Path(__file__).with_name("app_page.py"))


@pytest.fixture()
def app(demo_settings, monkeypatch, tmp_path):
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(demo_settings.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(demo_settings.staging))
    monkeypatch.setenv("KINERJA_APP_DB", f"sqlite:///{tmp_path / 'app.db'}")
    from ui.data import settings

    settings.clear()

    def make(page: str, params: dict | None = None, lang: str = "id") -> AppTest:
        at = AppTest.from_file(HARNESS, default_timeout=90)
        at.session_state["_page"] = page
        if lang == "en":
            at.session_state["lang"] = "English"
        for k, v in (params or {}).items():
            at.query_params[k] = v
        at.run()
        assert not at.exception, at.exception
        return at

    yield make
    settings.clear()


def _employees(demo_settings, f, keys: list[str]) -> dict[tuple, int]:
    """Distinct employees with a hasil kerja in the page's period range, per group (the plain reference)."""
    con = duckdb.connect(str(demo_settings.warehouse), read_only=True)
    kinerja = con.sql("SELECT nip, periode, hasil_kerja FROM fct_kinerja").pl()
    placed = con.sql("SELECT nip, periode, lokasi, opd FROM fct_penempatan").pl()
    con.close()
    rows = kinerja.join(placed, on=["nip", "periode"]).filter(pl.col("hasil_kerja").is_not_null())
    if f.dari:
        rows = rows.filter(pl.col("periode") >= f.dari)
    if f.sampai:
        rows = rows.filter(pl.col("periode") <= f.sampai)
    counts = rows.group_by(keys).agg(pl.col("nip").n_unique().alias("n"))
    return {tuple(r[:-1]): r[-1] for r in counts.iter_rows()}


def _charts(at) -> list[dict]:
    return [json.loads(e.proto.spec) for e in at.get("plotly_chart")]


def _marked(cell) -> bool:
    return isinstance(cell, str) and MARK in cell


def _min_group() -> int:
    from settings import load_settings

    return int(load_settings().section("banding")["min_group"])


def _check_points(trace: dict, counts: dict[tuple, int], m: int, text_key: str = "y") -> int:
    """Each point of a trace whose customdata ends with (place, OPD): its label (and its value text, where the
    trace prints one) carries the mark exactly when that group is small, and names its employees. Returns the
    number of small points seen."""
    seen_small = 0
    for i, key in enumerate(trace.get("customdata") or []):
        group = tuple(key[-2:])
        n = counts[group]
        label = trace[text_key][i]
        assert (MARK in label) == (n < m), (group, n, label)
        assert f"({n} pegawai" in label or f"{n} pegawai" in label, (group, n, label)
        template = trace.get("texttemplate")
        if isinstance(template, list):
            assert (MARK in template[i]) == (n < m), (group, template[i])
        seen_small += n < m
    return seen_small


def test_skor_marks_every_small_opd_in_the_heatmap_the_mix_and_the_table(app, demo_settings):
    at = app("skor", {"skor_bagian": "opd"})
    m = _min_group()
    counts = _employees(demo_settings, at.session_state["_filters"], ["lokasi", "opd"])
    assert any(n < m for n in counts.values()) and any(n >= m for n in counts.values())
    heat, mix = _charts(at)[:2]
    cells = heat["data"][0]
    marked = 0
    for o, row in zip(cells["y"], cells["text"], strict=True):
        for p, text in zip(cells["x"], row, strict=True):
            if text:
                assert (MARK in text) == (counts[(p, o)] < m), (p, o, counts[(p, o)], text)
                marked += MARK in text
    assert marked == sum(n < m for n in counts.values())
    small_bars = _check_points(mix["data"][0], counts, m)
    assert small_bars == sum(n < m for n in counts.values())
    grid = at.dataframe[0].value
    for _, row in grid.iterrows():
        n = counts[(row["Lokasi"], row["OPD"])]
        assert row["Pegawai"] == n
        assert _marked(row["Kelompok kecil"]) == (n < m), (row["OPD"], n, row["Kelompok kecil"])


def test_skor_distribution_names_employees_per_place(app, demo_settings):
    at = app("skor")
    counts = _employees(demo_settings, at.session_state["_filters"], ["lokasi"])
    hist, mix = _charts(at)[:2]
    labels = mix["data"][0]["y"]
    legend = [tr["name"] for tr in hist["data"]]
    for (place,), n in counts.items():
        for names in (labels, legend):
            (label,) = [lb for lb in names if lb.startswith(place)]
            # the bar's name, then its counts on a line of their own (the histogram's legend on one line)
            assert (f"<br>{n} pegawai;" in label or f"· {n} pegawai;" in label) and (MARK in label) == (n < _min_group())


@pytest.mark.parametrize("mode", ["raw", "percentile"])
def test_bandingkan_marks_every_small_opd_in_both_views_and_the_table(app, demo_settings, mode):
    at = app("bandingkan", {"banding_mode": mode})
    m = _min_group()
    counts = _employees(demo_settings, at.session_state["_filters"], ["lokasi", "opd"])
    small = sum(n < m for n in counts.values())
    assert small
    seen = sum(_check_points(trace, counts, m) for trace in _charts(at)[0]["data"])
    assert seen == small
    grid = at.dataframe[0].value
    for _, row in grid.iterrows():
        n = counts[(row["Lokasi"], row["OPD"])]
        assert row["Pegawai"] == n
        assert _marked(row["Kelompok kecil"]) == (n < m)


def test_english_labels_count_employees_too(app, demo_settings):
    at = app("bandingkan", {"banding_mode": "percentile"}, lang="en")
    counts = _employees(demo_settings, at.session_state["_filters"], ["lokasi", "opd"])
    trace = _charts(at)[0]["data"][0]
    for key, label in zip(trace["customdata"], trace["y"], strict=True):
        assert f"({counts[tuple(key)]} employees)" in label


def test_trend_lines_keep_filled_legend_markers_and_draw_small_points_hollow():
    from ui import charts

    frame = pl.DataFrame(
        {"periode": ["2026-01", "2026-02", "2026-03"] * 2, "opd": ["A"] * 3 + ["B"] * 3, "n": [12, 3, 12, 20, 20, 20]}
    ).with_columns(pl.lit(90.0).alias("rata"))
    fig = charts.line_by(frame, "periode", "rata", "opd", "T", "y", min_n=10)
    lines = [tr for tr in fig.data if tr.mode == "lines+markers"]
    hollow = [tr for tr in fig.data if tr.mode == "markers"]
    assert all(tr.marker.symbol == "circle" for tr in lines)  # what the legend shows: a filled marker
    assert [(tr.x, tr.showlegend) for tr in hollow] == [(("Feb 2026",), False)]  # A's February, 3 people
    assert hollow[0].marker.color == "white" and MARK in hollow[0].hovertemplate
