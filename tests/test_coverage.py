"""Periods know how complete they are (issue 21): coverage in the warehouse against a plain reference on random
warehouses, and a partial month loaded after the demo's last never becomes the headline."""

from __future__ import annotations

import csv
import re
import shutil
from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from pipelines.load.transaction import load_paths
from settings import Settings
from tests.helpers import app_headline, query
from tests.random_warehouse import build, worlds
from tests.test_properties import EXAMPLES, assert_rows, ref_kinerja
from ui.fmt import period
from warehouse import queries as Q
from warehouse.db import Filters, Scope, connect

PARTIAL_WORDS = re.compile(r"sebagian: [\d.]+ dari [\d.]+ pegawai")
HARNESS = str(Path(__file__).with_name("app_page.py"))


# ---- the coverage query against a plain reference ------------------------------------------------------------------


def ref_coverage(w, s: Settings, f: Filters) -> pl.DataFrame:
    """Per place and period with any result in the world: everyone of the place on its one roster, those with
    indicators or an official result, and those with an official result (from the files written, not the SQL)."""
    keys = ref_kinerja(w, s).select("nip", "periode").unique()
    appraised = set(keys.iter_rows())
    official = {(n, w.period(p).key) for n, p, *_ in w.evaluasi}
    periods = sorted(set(keys["periode"].to_list()))
    rows = []
    for lok in sorted({e.lokasi for e in w.employees}):
        staff = [e.nip for e in w.employees if e.lokasi == lok and (not f.lokasi or lok in f.lokasi)]
        for per in periods:
            if not staff or (f.dari and per < f.dari) or (f.sampai and per > f.sampai):
                continue
            d = sum((n, per) in appraised for n in staff)
            r = sum((n, per) in official and (n, per) in appraised for n in staff)
            rows.append(
                {"lokasi": lok, "periode": per, "n_pegawai": len(staff), "n_dinilai": d, "n_resmi": r}
                | {"cakupan": d / len(staff), "share_resmi": r / d if d else None}
            )
    schema = {"lokasi": pl.String, "periode": pl.String, "n_pegawai": pl.Int64, "n_dinilai": pl.Int64, "n_resmi": pl.Int64}
    return pl.DataFrame(rows, schema=schema | {"cakupan": pl.Float64, "share_resmi": pl.Float64})


def ref_latest_complete(cov: pl.DataFrame, share: float) -> dict[str, tuple[str, str | None]]:
    """Per place: its last period with a result and its last with at least `share` appraised (by loops)."""
    out = {}
    for lok in sorted(set(cov["lokasi"].to_list())):
        mine = [r for r in cov.iter_rows(named=True) if r["lokasi"] == lok and r["n_dinilai"] > 0]
        mine = sorted(mine, key=lambda r: r["periode"])
        if mine:
            full = [r["periode"] for r in mine if r["n_dinilai"] >= share * r["n_pegawai"]]
            out[lok] = (mine[-1]["periode"], full[-1] if full else None)
    return out


def _quarter(day: date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


@EXAMPLES
@given(st.data())
def test_coverage_matches_a_plain_reference(data):
    w = data.draw(worlds(), label="world")
    s = build(w)
    keys = [p.key for p in w.periods]
    i = data.draw(st.integers(0, len(keys) - 1), label="from")
    j = data.draw(st.integers(i, len(keys) - 1), label="to")
    places = sorted({e.lokasi for e in w.employees})
    f = Filters(
        dari=data.draw(st.sampled_from([None, keys[i]])),
        sampai=data.draw(st.sampled_from([None, keys[j]])),
        lokasi=tuple(data.draw(st.lists(st.sampled_from(places), max_size=2, unique=True))),
    )
    con = connect(str(s.warehouse))
    exp = ref_coverage(w, s, f)
    got = Q.coverage(con, f, Scope())
    assert_rows(got.select(exp.columns), exp, ["lokasi", "periode"], "coverage")

    share = data.draw(st.sampled_from([0.5, 0.8, 1.0]), label="cakupan_min")
    everything = Q.coverage(con, Filters(), Scope())
    ref = ref_latest_complete(ref_coverage(w, s, Filters()), share)
    got_last = {
        r["lokasi"]: (r["terakhir"], r["terakhir_lengkap"]) for r in Q.latest_complete(everything, share).iter_rows(named=True)
    }
    assert got_last == ref
    periods = Q.periods(con)["periode"].to_list()
    ends = [v[1] for v in ref.values() if v[1] is not None]
    assert Q.default_end(everything, share, periods) == (min(ends) if ends else periods[-1] if periods else None)
    partial = {(r["lokasi"], r["periode"]) for r in Q.partial_periods(everything, share).iter_rows(named=True)}
    assert partial == {
        (r["lokasi"], r["periode"])
        for r in ref_coverage(w, s, Filters()).iter_rows(named=True)
        if r["n_dinilai"] > 0 and r["n_dinilai"] < share * r["n_pegawai"]
    }

    # survey quarters: the months with a response and the responses, per place
    months: dict[tuple[str, str], set[int]] = {}
    count: dict[tuple[str, str], int] = {}
    for _unit, lok, day, _nip, _a in w.skm:
        k = (lok, _quarter(day))
        months.setdefault(k, set()).add(day.month)
        count[k] = count.get(k, 0) + 1
    got_ikm = Q.ikm_coverage(con, Filters(), Scope())
    assert {(r["lokasi"], r["periode"]): (r["n_bulan"], r["n_responden"]) for r in got_ikm.iter_rows(named=True)} == {
        k: (len(m), count[k]) for k, m in months.items()
    }


# ---- a partial month on the demo ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def partial_settings(demo_settings, tmp_path_factory) -> tuple[Settings, list[str], str, str]:
    """A copy of the small demo with 15 indicator rows for three people of one Bangko OPD in the month after the
    demo's last: (settings, their NIPs, the demo's last month, the partial month)."""
    tmp = tmp_path_factory.mktemp("partial")
    s = Settings(
        {
            **demo_settings.raw,
            "paths": {**demo_settings.raw["paths"], "warehouse": str(tmp / "wh.duckdb"), "staging": str(tmp / "staging")},
        }
    )
    shutil.copytree(demo_settings.staging, s.staging)
    shutil.copy(Path(demo_settings.warehouse).resolve(), s.warehouse)
    with duckdb.connect(str(s.warehouse), read_only=True) as con:
        last = con.execute("SELECT max(periode) FROM dim_periode").fetchone()[0]
        opd = con.execute(
            "SELECT opd FROM dim_pegawai WHERE lokasi = 'Bangko' GROUP BY opd ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        nips = [
            r[0]
            for r in con.execute(
                "SELECT nip FROM dim_pegawai WHERE lokasi = 'Bangko' AND opd = $o ORDER BY nip LIMIT 3", {"o": opd}
            ).fetchall()
        ]
    y, m = map(int, last.split("-"))
    nxt = f"{y + m // 12}-{m % 12 + 1:02d}"
    path = tmp / "capaian_bulan_baru.csv"
    with path.open("w", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["NIP", "Periode", "Indikator", "Target", "Realisasi", "Bobot", "Arah"])
        for nip in nips:
            for k in range(5):
                out.writerow([nip, nxt, f"Indikator {k + 1}", 100, 95 + k, 20, "naik"])
    report = load_paths([path], s, kind="capaian")
    assert report.exit_code == 0, report
    return s, nips, last, nxt


def test_the_partial_month_is_marked_partial_with_its_counts(partial_settings):
    s, nips, last, nxt = partial_settings
    con = connect(str(s.warehouse))
    roster = query(s, "SELECT lokasi, count(*) AS n FROM dim_pegawai WHERE aktif GROUP BY lokasi")
    bangko = dict(roster.iter_rows())["Bangko"]
    part = Q.partial_periods(Q.coverage(con, Filters(), Scope()), 0.8)
    assert part.rows() == [("Bangko", nxt, 3, bangko)]
    ends = {
        r["lokasi"]: r["terakhir_lengkap"]
        for r in Q.latest_complete(Q.coverage(con, Filters(), Scope()), 0.8).iter_rows(named=True)
    }
    assert set(ends.values()) == {last}
    assert Q.default_end(Q.coverage(con, Filters(), Scope()), 0.8, Q.periods(con)["periode"].to_list()) == last


@pytest.fixture()
def partial_app(partial_settings, monkeypatch, tmp_path):
    s = partial_settings[0]
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(s.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(s.staging))
    monkeypatch.setenv("KINERJA_APP_DB", f"sqlite:///{tmp_path / 'app.db'}")
    from ui.data import settings

    settings.clear()

    def make(page: str, **state) -> AppTest:
        at = AppTest.from_file(HARNESS, default_timeout=60)
        at.session_state["_page"] = page
        for k, v in state.items():
            at.session_state[k] = v
        at.run()
        assert not at.exception, at.exception
        return at

    yield make
    settings.clear()


def _text(at) -> str:
    return " ".join(str(e.value) for kind in ("markdown", "caption", "warning", "info", "subheader") for e in getattr(at, kind))


def test_a_partial_month_does_not_become_the_headline(partial_app, partial_settings):
    _s, _nips, last, nxt = partial_settings
    at = partial_app("ringkasan")
    assert at.sidebar.select_slider(key="periode").value[1] == last
    rows = app_headline(at)["rows"]
    assert list(rows) == ["Bangko", "Jambi", "Belawan", "Rakumpit"]  # every place, on the last complete month
    head = " ".join(str(m.value) for m in at.markdown if "headline" in str(m.value))
    assert not PARTIAL_WORDS.search(head)
    assert "sebagian" not in " ".join(str(h.value) for h in at.subheader)
    side = " ".join(str(c.value) for c in at.sidebar.caption)  # the newer partial month is named in the sidebar
    assert f"Bangko {period(nxt, 'id')} (sebagian: 3 dari" in side

    # the reader moves the range onto the partial month: it is the headline only with its counts said
    at.sidebar.select_slider(key="periode").set_value((at.sidebar.select_slider(key="periode").value[0], nxt)).run()
    assert not at.exception
    text = _text(at)
    head = " ".join(str(m.value) for m in at.markdown if "headline" in str(m.value))
    assert PARTIAL_WORDS.search(head).group(0).startswith("sebagian: 3 dari")
    assert "sebagian" in " ".join(str(h.value) for h in at.subheader)
    assert any("Jambi" in str(i.value) for i in at.info)  # the places with nothing yet are named
    assert "sebagian: 3 dari" in text


@pytest.mark.parametrize("page", ["pembinaan", "penghargaan"])
def test_lists_open_on_the_last_complete_month(partial_app, partial_settings, page):
    _s, _nips, last, _nxt = partial_settings
    at = partial_app(page)
    assert at.sidebar.select_slider(key="periode").value[1] == last
    assert period(last, "id", long=True) in _text(at)


def test_compliance_opens_on_the_last_complete_month_and_marks_the_partial_one(partial_app, partial_settings):
    _s, _nips, last, nxt = partial_settings
    at = partial_app("kepatuhan")
    box = at.selectbox(key="kep_periode")
    assert box.value == last
    assert box.format_func(nxt) == f"{period(nxt, 'id', long=True)} (sebagian)"
    assert box.format_func(last) == period(last, "id", long=True)
    assert not [w for w in at.warning if "sebagian" in str(w.value)]
    # chosen on purpose (to chase who is missing), the partial month is said to be partial
    box.set_value(nxt).run()
    assert not at.exception
    assert [w for w in at.warning if "sebagian: 3 dari" in str(w.value)]


# ---- the predikat source -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("sumber", ["terbaik", "resmi", "hitung"])
def test_predikat_shares_by_source_match_the_facts(demo_settings, sumber):
    """Sangat Baik's share per place counted from the facts: best available, official only, computed for everyone."""
    col = "predikat_hitung" if sumber == "hitung" else "predikat"
    only = "k.sumber_predikat = 'resmi'" if sumber == "resmi" else "TRUE"
    sql = f"""SELECT t.lokasi, count(*) FILTER (WHERE k.{col} = 'Sangat Baik' AND {only}) AS sb,
                     count(k.{col}) FILTER (WHERE {only}) AS n
              FROM fct_kinerja k JOIN fct_penempatan t USING (nip, periode) GROUP BY t.lokasi"""
    ref = {lok: (sb / n if n else None) for lok, sb, n in query(demo_settings, sql).rows()}
    con = connect(str(demo_settings.warehouse))
    got = Q.scores_by(con, Filters(), Scope(), ["lokasi"], sumber=sumber)
    shares = {r["lokasi"]: r["share_sangat_baik"] for r in got.iter_rows(named=True)}
    assert set(shares) == set(ref)
    for place, v in shares.items():
        assert (v is None and ref[place] is None) or v == pytest.approx(ref[place]), place
    with pytest.raises(ValueError):
        Q.scores_by(con, Filters(), Scope(), ["lokasi"], sumber="lainnya")


def test_coaching_list_says_whether_its_predikat_is_official(demo_settings):
    from pages.pembinaan import reasons

    con = connect(str(demo_settings.warehouse))
    rows = Q.coaching_list(con, Filters(), Scope(), limit=None).filter("aturan_predikat")
    assert rows.height and set(rows["sumber_predikat"].to_list()) <= {"resmi", "hitung"}
    labels = {"berturut": "b", "tren": "t"}
    out = reasons(rows, labels)
    for src, why in out.select("sumber_predikat", "alasan").rows():
        assert ("(resmi)" in why) == (src == "resmi") and ("(hitungan dasbor)" in why) == (src == "hitung")
