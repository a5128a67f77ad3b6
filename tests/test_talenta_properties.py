"""Differential and scope properties of the issue-24 queries on random warehouses (tests/random_warehouse.py), with
random exclusion statuses loaded beside each world: SKP compliance per OPD and rater calibration compared with
plain Python references computed from the files written; person-level queries empty for aggregate viewers and
bounded by a place scope."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

import polars as pl
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from pipelines.load.transaction import load_files
from settings import Settings
from tests.conftest import make_settings
from tests.helpers import csv
from tests.random_warehouse import World, _files, worlds
from warehouse import talenta as T
from warehouse.db import Filters, Scope, connect

EXAMPLES = hyp_settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=[Phase.explicit, Phase.generate]
)
KINDS = ["Cuti di Luar Tanggungan Negara", "Tugas Belajar", "Pensiun", "Cuti Tahunan"]  # the last is not excused
EXCUSED = {"Cuti di Luar Tanggungan Negara", "Tugas Belajar", "Pensiun"}
ROOT = Path(tempfile.mkdtemp(prefix="talenta_props_"))


@st.composite
def worlds_with_statuses(draw):
    """A random world and statuses of some of its people: (nip, kind, start, end or None)."""
    w = draw(worlds())
    first, last = w.periods[0].start, w.periods[-1].end
    span = (last - first).days
    statuses = []
    for e in w.employees:
        if draw(st.integers(0, 2)) == 0:
            start = first + timedelta(days=draw(st.integers(-40, span)))
            end = None if draw(st.booleans()) else start + timedelta(days=draw(st.integers(0, 200)))
            statuses.append((e.nip, draw(st.sampled_from(KINDS)), start, end))
    tests = []  # assessments (nip, date, score): some people get a box
    for e in w.employees:
        if draw(st.booleans()):
            day = first + timedelta(days=draw(st.integers(0, span)))
            tests.append((e.nip, day, draw(st.sampled_from([40.0, 59.9, 60.0, 79.9, 80.0, 95.0]))))
    return w, tuple(statuses), tuple(tests)


def _build(w: World, statuses: tuple, tests: tuple = ()) -> Settings:
    s = make_settings(Path(tempfile.mkdtemp(dir=ROOT)), **dict(w.overrides))
    files = _files(w)
    if statuses:
        rows = [
            {
                "NIP": n,
                "Jenis Cuti": k,
                "Tanggal Mulai": a.strftime("%d/%m/%Y"),
                "Tanggal Selesai": b.strftime("%d/%m/%Y") if b else "",
            }
            for n, k, a, b in statuses
        ]
        files.append(("status.csv", csv(rows)))
    if tests:
        rows = [{"NIP": n, "Tanggal Asesmen": d.strftime("%d/%m/%Y"), "JPM (%)": v} for n, d, v in tests]
        files.append(("asesmen.csv", csv(rows)))
    report = load_files(files, s)
    assert report.exit_code == 0 and report.rejects.is_empty(), report.rejects
    return s


def _appraised(w: World) -> set[tuple[str, int]]:
    return {(c[0], c[1]) for c in w.capaian} | {(e[0], e[1]) for e in w.evaluasi}


def _compliance_reference(w: World, statuses: tuple, p: int) -> dict[tuple[str, str], tuple[int, int, int, int]]:
    """(lokasi, opd) -> (due, excused, with SKP, with realisasi) in period index p, from the rules: everyone on the
    roster; excused when an excusing status overlaps the period; SKP = indicators or an official result;
    realisasi = an indicator realised above zero, or an official result alone."""
    period = w.period(p)
    cap = {(c[0], c[1]) for c in w.capaian}
    realised = {(c[0], c[1]) for c in w.capaian if c[4] > 0}
    ev = {(e[0], e[1]) for e in w.evaluasi}
    out: dict[tuple[str, str], list[int]] = {}
    for e in w.employees:
        excused = any(
            n == e.nip and k in EXCUSED and a < period.end and (b is None or b >= period.start) for n, k, a, b in statuses
        )
        cell = out.setdefault((e.lokasi, e.opd), [0, 0, 0, 0])
        if excused:
            cell[1] += 1
            continue
        key = (e.nip, p)
        cell[0] += 1
        cell[2] += key in cap or key in ev
        cell[3] += key in realised or (key in ev and key not in cap)
    return {k: tuple(v) for k, v in out.items()}


@EXAMPLES
@given(worlds_with_statuses())
def test_compliance_per_opd_matches_a_plain_count(ws):
    w, statuses, tests = ws
    s = _build(w, statuses, tests)
    con = connect(str(s.warehouse))
    periods = sorted({p for _n, p in _appraised(w)})
    assert sorted(T.compliance_periods(con)) == sorted(w.period(p).key for p in periods)
    for p in periods:
        got = T.compliance_by_opd(con, Filters(), Scope(), w.period(p).key)
        got = {
            (r["lokasi"], r["opd"]): (r["n_wajib"], r["n_dikecualikan"], r["n_skp"], r["n_realisasi"])
            for r in got.iter_rows(named=True)
        }
        assert got == _compliance_reference(w, statuses, p)
        missing = set(T.compliance_missing(con, Filters(), Scope(), w.period(p).key)["nip"])
        ref = _compliance_reference(w, statuses, p)
        assert len(missing) >= sum(due - skp for due, _x, skp, _r in ref.values())
    con.close()


def _mean(xs: list[float]) -> float | None:
    return sum(xs) / len(xs) if xs else None


def _calibration_reference(w: World) -> dict[str, tuple[int, float, float | None]]:
    """Rater -> (people rated, mean score given, mean the same employee-periods got from other raters), over the
    superiors' ratings of appraised employee-periods."""
    appraised = _appraised(w)
    given_rows = [r for r in w.perilaku if r[2] == "atasan" and r[3] and (r[0], r[1]) in appraised]
    out = {}
    for rater in {r[3] for r in given_rows}:
        mine = [r for r in given_rows if r[3] == rater]
        others = []
        for n, p, *_ in mine:
            lain = [sum(r[4]) / 7 for r in w.perilaku if r[0] == n and r[1] == p and r[2] not in ("atasan", "diri")]
            if lain:
                others.append(sum(lain) / len(lain))
        out[rater] = (len({r[0] for r in mine}), _mean([sum(r[4]) / 7 for r in mine]), _mean(others))
    return out


@EXAMPLES
@given(worlds_with_statuses())
def test_rater_calibration_matches_a_plain_mean_per_rater(ws):
    w, statuses, tests = ws
    s = _build(w, statuses, tests)
    con = connect(str(s.warehouse))
    got = T.rater_calibration(con, Filters(), Scope())
    ref = _calibration_reference(w)
    assert set(got["nip_penilai"]) == set(ref)
    for r in got.iter_rows(named=True):
        n, mean, lain = ref[r["nip_penilai"]]
        assert r["n_dinilai"] == n
        assert abs(r["rata_diberi"] - mean) < 1e-9
        assert (r["rata_lain"] is None and lain is None) or abs(r["rata_lain"] - lain) < 1e-9
        assert r["ditandai"] is False or r["n_dinilai"] >= 3  # flags need the minimum number rated
    con.close()


@EXAMPLES
@given(worlds_with_statuses())
def test_person_level_queries_are_empty_for_aggregate_viewers_and_bounded_by_place(ws):
    w, statuses, tests = ws
    s = _build(w, statuses, tests)
    con = connect(str(s.warehouse))
    agg = Scope(aggregate_only=True, min_group=5)
    place = w.employees[0].lokasi
    mine = Scope(lokasi=(place,))
    for periode in T.compliance_periods(con):
        assert T.compliance_missing(con, Filters(), agg, periode).is_empty()
        assert T.compliance_excluded(con, Filters(), agg, periode).is_empty()
        assert set(T.compliance_missing(con, Filters(), mine, periode)["lokasi"]) <= {place}
        assert (T.compliance_by_opd(con, Filters(), agg, periode)["n_wajib"] >= 5).all()
    assert T.rater_calibration(con, Filters(), agg).is_empty()
    assert T.big_movers(con, Filters(), agg).is_empty()
    assert set(T.rater_calibration(con, Filters(), mine)["lokasi"]) <= {place}
    for year in T.talent_years(con):
        assert T.nine_box_people(con, Filters(), agg, year).is_empty()
        assert T.succession_pool(con, Filters(), agg, year).is_empty()
        assert set(T.nine_box_people(con, Filters(), mine, year)["lokasi"]) <= {place}
    con.close()


@EXAMPLES
@given(worlds_with_statuses(), st.integers(2, 6))
def test_nine_box_counts_for_aggregate_viewers_never_hide_a_single_box(ws, k):
    w, statuses, tests = ws
    s = _build(w, statuses, tests)
    con = connect(str(s.warehouse))
    for year in T.talent_years(con):
        full = T.nine_box_counts(con, Filters(), Scope(), year)
        shown = T.nine_box_counts(con, Filters(), Scope(aggregate_only=True, min_group=k), year)
        assert shown["kotak"].to_list() == full["kotak"].to_list()
        hidden = shown.filter(pl.col("kecil"))
        assert hidden.height != 1 or shown.height == 1
        assert (full.filter(pl.col("n") < k)["kotak"].is_in(hidden["kotak"].implode())).all()
        assert (shown.filter(~pl.col("kecil"))["n"] >= k).all()
    con.close()
