"""Did coaching work: the figures against a plain-Python reference on a small literal history, and on random ones."""

from __future__ import annotations

import datetime as dt
import math
from statistics import mean, stdev

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coaching.effect import effectiveness, z_for

MONTHS = [f"2025-{m:02d}" for m in range(1, 13)]
PERIODS = pl.DataFrame({"periode": MONTHS, "periode_mulai": [dt.date(2025, m, 1) for m in range(1, 13)]})
Z = z_for(0.95)


def _ts(y, m, d):
    return dt.datetime(y, m, d, 9, tzinfo=dt.UTC)


# nip -> {period index: (hasil kerja, ordinal)}
SCORES = {
    "A": {1: (60, 2), 2: (70, 2), 6: (80, 3), 7: (90, 4)},
    "B": {0: (50, 1), 1: (50, 1), 3: (55, 2)},
    "X": {0: (58, 2), 1: (60, 2), 2: (60, 2), 3: (61, 2), 4: (61, 2), 6: (62, 2), 7: (64, 3)},
    "Y": {1: (70, 3), 6: (70, 3), 7: (80, 3)},
    "E": {1: (40, 1), 2: (40, 1), 6: (90, 5), 7: (90, 5)},
    "Z": {1: (40, 1), 2: (40, 1), 6: (50, 1), 7: (50, 1)},
}
# nip -> period indexes on the coaching list, with the place and OPD
LISTED = {"A": [1, 2], "B": [1, 4], "X": [1, 2, 4, 7], "Y": [2], "E": [2], "Z": [2]}
PLACE = {"A": ("L", "O"), "B": ("L", "O"), "X": ("L", "O"), "Y": ("L", "O"), "E": ("L", "O"), "Z": ("L", "P"), "D": ("L", "P")}
CASES = [  # id, nip, coach, opened, closed, status
    (1, "A", "C1", _ts(2025, 4, 10), _ts(2025, 6, 20), "selesai"),
    (2, "B", "C2", _ts(2025, 3, 1), _ts(2025, 3, 31), "selesai"),
    (3, "D", "C1", _ts(2025, 11, 1), _ts(2025, 11, 15), "selesai"),  # after window not over yet
    (4, "E", "C2", _ts(2025, 3, 2), None, "berjalan"),  # has a case: never a comparison
]


def _frames(scores, listed, case_rows, place):
    sc = pl.DataFrame(
        [
            {"nip": n, "periode": MONTHS[i], "hasil_kerja": float(h), "skor_ordinal": float(o)}
            for n, per in scores.items()
            for i, (h, o) in per.items()
        ],
        schema={"nip": pl.String, "periode": pl.String, "hasil_kerja": pl.Float64, "skor_ordinal": pl.Float64},
    )
    li = pl.DataFrame(
        [{"nip": n, "periode": MONTHS[i], "lokasi": place[n][0], "opd": place[n][1]} for n, idx in listed.items() for i in idx],
        schema={"nip": pl.String, "periode": pl.String, "lokasi": pl.String, "opd": pl.String},
    )
    closed = pl.DataFrame(
        [
            {
                "id": i,
                "nip": n,
                "lokasi": place[n][0],
                "opd": place[n][1],
                "coach_nip": c,
                "coach_nama": f"Coach {c}",
                "opened_at": o,
                "closed_at": cl,
            }
            for i, n, c, o, cl, s in case_rows
            if s == "selesai"
        ],
        schema={
            "id": pl.Int64,
            "nip": pl.String,
            "lokasi": pl.String,
            "opd": pl.String,
            "coach_nip": pl.String,
            "coach_nama": pl.String,
            "opened_at": pl.Datetime("us", "UTC"),
            "closed_at": pl.Datetime("us", "UTC"),
        },
    )
    return closed, [r[1] for r in case_rows], sc, li


def _index(ts):  # the period containing a day: the months here are 2025's
    return ts.month - 1


def _change(scores, listed, nip, i_open, i_close, k):
    per = scores.get(nip, {})
    before = [per[i] for i in range(i_open - k, i_open) if i in per]
    after = [per[i] for i in range(i_close + 1, i_close + k + 1) if i in per]
    if not before or not after:
        return None
    return {
        "d": mean(h for h, _ in after) - mean(h for h, _ in before),
        "o": mean(o for _, o in after) - mean(o for _, o in before),
        "left": (i_close + k) not in listed.get(nip, []),
    }


def reference(scores, listed, case_rows, place, k, last=11):
    """Plain loops: per group, the coached changes, the comparison changes and the cases too early to judge."""
    groups: dict[tuple, dict] = {}
    case_nips = {r[1] for r in case_rows}
    for _cid, nip, coach, opened, closed, status in case_rows:
        if status != "selesai":
            continue
        i_open, i_close = _index(opened), _index(closed)
        keys = [("semua", "Semua"), ("opd", place[nip]), ("coach", (coach, f"Coach {coach}"))]
        for level, key in keys:
            g = groups.setdefault((level, key), {"mine": [], "comp": {}, "early": 0})
            if i_open - k < 0 or i_close + k > last:
                g["early"] += 1
                continue
            ch = _change(scores, listed, nip, i_open, i_close, k)
            if ch:
                g["mine"].append(ch)
            for other, idx in listed.items():
                if other in case_nips or place[other] != place[nip] or (i_open - 1) not in idx:
                    continue
                ch = _change(scores, listed, other, i_open, i_close, k)
                if ch:
                    g["comp"][(other, i_open, i_close)] = ch
    return groups


def _summary(changes):
    n = len(changes)
    if n == 0:
        return 0, None, None, None, None
    d = [c["d"] for c in changes]
    half = Z * stdev(d) / math.sqrt(n) if n > 1 else None
    m = mean(d)
    return n, m, (m - half if half is not None else None), mean(c["o"] for c in changes), mean(c["left"] for c in changes)


def _check(out, ref, min_group):
    key_cols = {"semua": ["kelompok"], "opd": ["lokasi", "opd"], "coach": ["coach_nip", "coach_nama"]}
    for level, frame in out.items():
        got = {tuple(r[c] for c in key_cols[level]): r for r in frame.iter_rows(named=True)}
        want = {(key if isinstance(key, tuple) else (key,)): g for (lv, key), g in ref.items() if lv == level}
        assert set(got) == set(want), level
        for key, g in want.items():
            row = got[key]
            n, m, lo, o, left = _summary(g["mine"])
            cn, cm, clo, co, cleft = _summary(list(g["comp"].values()))
            assert (row["n"], row["n_pembanding"], row["n_belum"]) == (n, cn, g["early"])
            for col, value in [
                ("perubahan", m),
                ("ci_bawah", lo),
                ("perubahan_predikat", o),
                ("share_keluar", left),
                ("perubahan_pembanding", cm),
                ("ci_bawah_pembanding", clo),
                ("perubahan_predikat_pembanding", co),
                ("share_keluar_pembanding", cleft),
            ]:
                assert row[col] == pytest.approx(value, abs=1e-9) if value is not None else row[col] is None, col
            assert row["terlalu_kecil"] == (n < min_group or cn < min_group)


def test_literal_history_against_the_reference_and_by_hand():
    closed, nips, sc, li = _frames(SCORES, LISTED, CASES, PLACE)
    out = effectiveness(closed, nips, PERIODS, sc, li, k=2, min_group=2, confidence=0.95)
    _check(out, reference(SCORES, LISTED, CASES, PLACE, 2), 2)
    opd = out["opd"].filter(pl.col("opd") == "O").row(0, named=True)
    # by hand: A 65 -> 85 (+20), left the list; B 50 -> 55 (+5), still listed at month 5
    assert (opd["n"], opd["perubahan"], opd["share_keluar"]) == (2, 12.5, 0.5)
    assert opd["ci_bawah"] == pytest.approx(12.5 - Z * 7.5)  # sd of (20, 5) is 15/sqrt(2); n = 2
    # comparison: X over A's windows (60 -> 63), Y (70 -> 75), X over B's windows (59 -> 61); E had a case
    assert (opd["n_pembanding"], opd["perubahan_pembanding"]) == (3, pytest.approx(10 / 3))
    assert opd["selisih"] == pytest.approx(12.5 - 10 / 3) and not opd["terlalu_kecil"]
    c1 = out["coach"].filter(pl.col("coach_nip") == "C1").row(0, named=True)
    assert (c1["n"], c1["n_belum"], c1["terlalu_kecil"]) == (1, 1, True)
    p = out["opd"].filter(pl.col("opd") == "P").row(0, named=True)
    assert (p["n"], p["n_belum"], p["perubahan"]) == (0, 1, None)


def test_no_closed_cases_gives_empty_tables():
    closed, nips, sc, li = _frames(SCORES, LISTED, [], PLACE)
    out = effectiveness(closed, nips, PERIODS, sc, li, k=2, min_group=2, confidence=0.95)
    assert all(frame.is_empty() for frame in out.values())


NAMES = ["A", "B", "C", "D", "E", "F"]


@st.composite
def histories(draw):
    scores = {
        n: {i: (draw(st.integers(30, 120)), draw(st.integers(1, 5))) for i in draw(st.sets(st.integers(0, 11), max_size=12))}
        for n in NAMES
    }
    listed = {n: sorted(draw(st.sets(st.integers(0, 11), max_size=6))) for n in NAMES}
    place = {n: draw(st.sampled_from([("L", "O"), ("L", "P"), ("M", "O")])) for n in NAMES}
    rows = []
    for cid, n in enumerate(draw(st.lists(st.sampled_from(NAMES), max_size=5, unique=True)), start=1):
        o = draw(st.integers(1, 12))
        c = draw(st.integers(o, 12))
        status = draw(st.sampled_from(["selesai", "selesai", "berjalan"]))
        rows.append(
            (cid, n, draw(st.sampled_from(["C1", "C2"])), _ts(2025, o, draw(st.integers(1, 28))), _ts(2025, c, 28), status)
        )
    return scores, listed, rows, place, draw(st.integers(1, 3))


@settings(max_examples=30, deadline=None)
@given(histories())
def test_random_histories_match_the_reference(h):
    scores, listed, rows, place, k = h
    closed, nips, sc, li = _frames(scores, listed, rows, place)
    out = effectiveness(closed, nips, PERIODS, sc, li, k=k, min_group=2, confidence=0.95)
    _check(out, reference(scores, listed, rows, place, k), 2)
