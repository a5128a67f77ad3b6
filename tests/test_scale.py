"""The scaled generator and the benchmark suite's machinery, run small: what they produce, not how fast."""

from __future__ import annotations

import re
from pathlib import Path

import polars as pl
import pytest

from bench import pages as bench_pages
from bench.measure import summary
from bench.pandas_way import PandasApp
from pipelines.demo.scale import write_scaled
from pipelines.load.transaction import load_paths
from tests.conftest import make_settings
from tests.helpers import query
from warehouse import queries as Q
from warehouse.db import connect

ROOT = Path(__file__).resolve().parent.parent


def test_scaled_generator_writes_per_period_files_and_reuses_them(tmp_path):
    out = tmp_path / "gen"
    files = write_scaled(out, employees=400, periods=3, skm_responses=3000)
    names = sorted(p.name for p in files)
    assert names.count("pegawai.parquet") == 1
    assert len([n for n in names if n.startswith("capaian_")]) == 3
    assert len([n for n in names if n.startswith("perilaku_")]) == 3
    stamp = {p: p.stat().st_mtime_ns for p in files}
    again = write_scaled(out, employees=400, periods=3, skm_responses=3000)
    assert again == files and {p: p.stat().st_mtime_ns for p in again} == stamp  # cached, not regenerated
    skm = pl.read_parquet(out / "skm.parquet")
    assert 2500 <= skm.height <= 3600


def test_scaled_files_load_cleanly_with_csv_indicators(tmp_path):
    files = write_scaled(tmp_path / "gen", employees=300, periods=2, skm_responses=2000, capaian_csv=True)
    assert any(p.suffix == ".csv" for p in files)
    s = make_settings(tmp_path)
    report = load_paths(files, s)
    assert report.exit_code == 0, report.rejects.head()
    cap_rows = sum(f.dimuat for f in report.files if f.jenis == "capaian")
    assert query(s, "SELECT count(*) FROM fct_capaian").item() == cap_rows > 0
    assert query(s, "SELECT count(DISTINCT periode) FROM agg_kinerja").item() == 2


def _called_queries() -> set[str]:
    names = set()
    for f in [ROOT / "dashboard.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]:
        names |= set(re.findall(r"\bcached\(\s*queries\.(\w+)\b", f.read_text()))
    return names


def test_benchmark_registry_covers_every_query_the_dashboard_makes():
    called = _called_queries()
    assert {"overview", "coaching_list", "freshness"} <= called
    registry = set(re.findall(r"\bQ\.(\w+)\(", (ROOT / "bench" / "pages.py").read_text()))
    assert called - registry == set()


def test_every_benchmarked_page_returns_data(demo_settings):
    con = connect(str(demo_settings.warehouse))
    for which, f in bench_pages.filters(con).items():
        ctx = bench_pages.context(con, f)
        assert ctx.nip and ctx.unit
        for page in bench_pages.PAGES:
            bench_pages.page_data(con, page, f, ctx)  # raises if a query breaks
        assert which in ("typical", "widest")
    typical = bench_pages.filters(con)["typical"]
    assert typical.lokasi == ("Jambi",) and Q.periods(con).height >= 12


def test_pandas_baseline_computes_the_same_scores_as_the_warehouse(demo_settings):
    con = connect(str(demo_settings.warehouse))
    f = bench_pages.filters(con)["typical"]
    ctx = bench_pages.context(con, f)
    app = PandasApp(demo_settings.staging, demo_settings)
    ours = Q.compare_opd(con, f, bench_pages.SCOPE, 10).select("lokasi", "opd", "n", "rata_hasil").sort("lokasi", "opd")
    theirs = pl.from_pandas(app.bandingkan(f)[0][["lokasi", "opd", "n", "rata_hasil"]]).sort("lokasi", "opd")
    assert ours["opd"].to_list() == theirs["opd"].to_list()
    assert ours["rata_hasil"].to_list() == pytest.approx(theirs["rata_hasil"].to_list(), rel=1e-9)
    for page in ["ringkasan", "skor", "tren", "umpan-balik", "pembinaan", "penghargaan", "profil"]:
        tables = app.page(page, f, ctx)
        assert tables and all(len(t) > 0 for t in tables[:1]), page


def test_summary_is_median_min_max():
    assert summary([3.0, 1.0, 2.0, 10.0]) == {"median": 2.5, "min": 1.0, "max": 10.0, "n": 4}
    assert summary([])["median"] is None


def test_dashboard_queries_run_unchanged_on_the_partitioned_export(demo_settings, tmp_path):
    from pipelines.build.export import export_partitioned

    lines = list(export_partitioned(demo_settings.warehouse, tmp_path / "export"))
    assert any(line.startswith("fct_kinerja") for line in lines)
    assert list((tmp_path / "export" / "fct_kinerja").glob("lokasi=Jambi/periode=*/*.parquet"))
    file_con = connect(str(demo_settings.warehouse))
    files_con = connect(str(demo_settings.warehouse), parquet_dir=str(tmp_path / "export"))
    f = bench_pages.filters(file_con)["typical"]
    ctx = bench_pages.context(file_con, f)
    assert bench_pages.filters(files_con)["typical"] == f
    for page in bench_pages.PAGES:
        bench_pages.page_data(files_con, page, f, ctx)
    a = Q.scores_by(file_con, f, bench_pages.SCOPE, ["lokasi", "opd", "periode"])
    b = Q.scores_by(files_con, f, bench_pages.SCOPE, ["lokasi", "opd", "periode"])
    assert a.equals(b)
    ca = Q.coaching_list(file_con, f, bench_pages.SCOPE).sort("nip")
    cb = Q.coaching_list(files_con, f, bench_pages.SCOPE).sort("nip")
    assert ca.select("nip", "urgensi").equals(cb.select("nip", "urgensi"))


def _drawn(monkeypatch, script: Path, principal=None, query: dict[str, str] | None = None):
    """`script` run once by AppTest; with it, the navigation it drew: section -> (title, icon, address) of each
    listed page (hidden pages left out)."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    given = []
    real = st.navigation
    monkeypatch.setattr(st, "navigation", lambda pages, **kw: given.append(pages) or real(pages, **kw))
    at = AppTest.from_file(str(script), default_timeout=120)
    if principal is not None:
        at.session_state["_principal"] = principal
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    nav = {s: [(p.title, p.icon, p.url_path) for p in pages if p.visibility == "visible"] for s, pages in given[-1].items()}
    return at, nav


def test_the_render_floor_draws_the_dashboards_frame(demo_settings, monkeypatch):
    """bench/floor_app.py: the frame the router draws for the benchmark's admin (the same navigation, language
    switch, account box, the two filters always shown with the switch for the others, the freshness line), then
    the asked number of charts and grids; without the filters when asked, as on the pages they don't act on."""
    from appdb.principal import Principal
    from bench.render import BENCH_ADMIN
    from domain.places import PLACES
    from ui.data import settings

    monkeypatch.setenv("KINERJA_WAREHOUSE", str(demo_settings.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(demo_settings.staging))
    settings.clear()
    try:
        admin = Principal(BENCH_ADMIN["username"], "admin", BENCH_ADMIN["display_name"], BENCH_ADMIN["lokasi"])
        dash, dash_nav = _drawn(monkeypatch, ROOT / "dashboard.py", admin)
        floor, floor_nav = _drawn(monkeypatch, ROOT / "bench" / "floor_app.py", query={"charts": "2", "grids": "1"})
    finally:
        settings.clear()
    assert floor_nav == dash_nav
    assert len(floor_nav) == 4 and sum(len(p) for p in floor_nav.values()) == 18
    for at in (dash, floor):
        assert at.sidebar.radio(key="lang").options == ["Bahasa Indonesia", "English"]
        assert [m.key for m in at.sidebar.multiselect] == ["lokasi"]
        assert at.sidebar.toggle(key="filters_more").value is False
        assert at.sidebar.button(key="signout").label == "Keluar"
        assert any(c.value.startswith("Data dimuat terakhir") for c in at.main.caption)
    assert floor.sidebar.markdown[0].value == dash.sidebar.markdown[0].value  # "Masuk sebagai **Bench** · Admin BKPSDM"
    assert floor.sidebar.multiselect(key="lokasi").options == list(PLACES)
    assert len(floor.sidebar.select_slider(key="periode").options) == 24
    assert len(dash.sidebar.select_slider(key="periode").options) == 12  # the demo's periods
    assert floor.title[0].value == "Lantai" and len(floor.get("plotly_chart")) == 2 and len(floor.dataframe) == 1
    bare, bare_nav = _drawn(monkeypatch, ROOT / "bench" / "floor_app.py", query={"grids": "1", "filters": "0"})
    assert bare_nav == dash_nav and not bare.sidebar.multiselect and not bare.sidebar.select_slider
    assert bare.sidebar.button(key="signout") and len(bare.dataframe) == 1 and not bare.get("plotly_chart")
