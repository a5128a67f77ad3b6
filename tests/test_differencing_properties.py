"""Differencing, property-tested: random small warehouses (tests/random_warehouse.py), an aggregate viewer or an
Atasan with a small minimum group, and random sidebar filters (the splitting ones included, as a tampered link
would send them). Every figure the query layer shows is tied to the rows behind it, computed here from the
employee-period facts; then no two shown figures may be nested with a difference of 1..min_group-1 people in any
count and period (subtracting them would give that small group's sum), and every figure is rounded as shown.

The reference states the documented rules (README, Privacy), not the implementation's atoms: a restricted
viewer's figure covers its scope, the period range and the place and OPD filters; the unit, jabatan, golongan
and status filters change nothing.
"""

from __future__ import annotations

from itertools import combinations

import polars as pl
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from appdb.principal import Principal
from tests.random_warehouse import World, build, worlds
from warehouse import queries as Q
from warehouse.db import Filters, Scope, connect

EXAMPLES = hyp_settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
GROUPS = (["lokasi", "periode"], ["opd", "periode"], ["lokasi", "opd"], ["lokasi"], ["lokasi", "opd", "periode"])
# the counts a shown mean or share divides by: each is a group that subtraction could isolate
MEASURES = {"n": None, "n_hasil": "hasil_kerja", "n_perilaku": "perilaku", "n_ordinal": "skor_ordinal", "n_predikat": "predikat"}


def _facts(con) -> pl.DataFrame:
    sql = """SELECT k.nip, k.periode, d.lokasi, d.opd, d.unit_kerja, k.hasil_kerja, k.perilaku, k.skor_ordinal,
                    k.predikat
             FROM fct_kinerja k JOIN dim_pegawai d USING (nip)"""
    return con.sql(sql).pl()


def _capaian(con) -> pl.DataFrame:
    sql = """SELECT c.nip, c.periode, c.indikator, d.lokasi, d.opd, d.unit_kerja
             FROM fct_capaian c JOIN dim_pegawai d USING (nip)"""
    return con.sql(sql).pl()


@st.composite
def restricted(draw, w: World) -> Scope:
    """An aggregate viewer of some of the world's places, or an Atasan of someone with people below."""
    k = draw(st.sampled_from([2, 3]))
    bosses = sorted({e.atasan for e in w.employees if e.atasan})
    if bosses and draw(st.booleans()):
        return Principal("spv", "atasan", nip=draw(st.sampled_from(bosses))).scope(k)
    places = sorted({e.lokasi for e in w.employees})
    chosen = draw(st.lists(st.sampled_from(places), min_size=1, max_size=len(places), unique=True))
    return Principal("pemantau", "agregat", lokasi=tuple(chosen)).scope(k)


@st.composite
def any_filters(draw, w: World, dims: pl.DataFrame) -> Filters:
    """Sidebar filters over the world's values, every dimension included (as a hand-made link could send)."""
    keys = [p.key for p in w.periods]
    i = draw(st.integers(0, len(keys) - 1))
    j = draw(st.integers(i, len(keys) - 1))

    def some(col: str) -> tuple[str, ...]:
        values = sorted(dims[col].drop_nulls().unique().to_list())
        return tuple(draw(st.lists(st.sampled_from(values), max_size=2, unique=True))) if values else ()

    return Filters(
        dari=draw(st.sampled_from([None, keys[i]])),
        sampai=draw(st.sampled_from([None, keys[j]])),
        lokasi=some("lokasi"),
        opd=some("opd"),
        unit_kerja=some("unit_kerja"),
        jenis_jabatan=some("jenis_jabatan"),
        golongan=some("golongan"),
        status_asn=some("status_asn"),
    )


def _released(rows: pl.DataFrame, scope: Scope, f: Filters, con) -> pl.DataFrame:
    """The rows a restricted viewer's view covers: scope, period range, place and OPD filters (nothing else)."""
    if scope.atasan is not None:
        own = con.sql("SELECT lokasi, opd, unit_kerja FROM dim_pegawai WHERE nip = $n", params={"n": scope.atasan}).fetchall()
        rows = rows.join(
            pl.DataFrame(own, schema=["lokasi", "opd", "unit_kerja"], orient="row"), on=["lokasi", "opd", "unit_kerja"]
        )
    if scope.lokasi is not None:
        rows = rows.filter(pl.col("lokasi").is_in(list(scope.lokasi)))
    if f.dari:
        rows = rows.filter(pl.col("periode") >= f.dari)
    if f.sampai:
        rows = rows.filter(pl.col("periode") <= f.sampai)
    for dim in ("lokasi", "opd"):
        if getattr(f, dim):
            rows = rows.filter(pl.col(dim).is_in(list(getattr(f, dim))))
    return rows


def _key_match(row: dict, keys: list[str]) -> pl.Expr:
    return pl.all_horizontal([pl.col(c) == row[c] for c in keys]) if keys else pl.lit(True)


def _rounded(frame: pl.DataFrame, what: str) -> None:
    """Means, deviations and bounds to one decimal, IKM and z to two, shares to 0.1% (three): as shown."""
    for c, dtype in frame.schema.items():
        if not dtype.is_float():
            continue
        digits = 3 if c.startswith("share_") or c in ("bawah", "bawah_lalu", "share_capai") else 1
        digits = 2 if c in ("ikm_konversi", "ikm", "z") or c.startswith("nrr") else 0 if c == "persentil" else digits
        for v in frame[c].drop_nulls().to_list():
            assert round(v, digits) == v, f"{what}.{c} = {v!r} reaches the browser unrounded"


def _score_figures(con, facts, scope: Scope, f: Filters) -> list[tuple[frozenset, pl.DataFrame]]:
    """Each shown score figure as (its rows' keys, its rows), after checking it against those rows."""
    released, out = _released(facts, scope, f, con), []
    for group in GROUPS:
        shown = Q.scores_by(con, f, scope, group)
        _rounded(shown, f"scores_by{group}")
        for row in shown.iter_rows(named=True):
            rows = released.filter(_key_match(row, group))
            assert row["n"] == rows.height, (group, row, f)
            assert row["n_hasil"] == rows["hasil_kerja"].count(), (group, row, f)
            mean = rows["hasil_kerja"].mean()
            assert (mean is None) == (row["rata_hasil"] is None) and (
                mean is None or abs(mean - row["rata_hasil"]) <= 0.05 + 1e-9
            )
            out.append((frozenset(rows.select("nip", "periode").iter_rows()), rows))
    return out


def _indicator_figures(con, capaian, scope: Scope, f: Filters) -> list[tuple[frozenset, pl.DataFrame]]:
    shown = Q.indicator_capaian(con, f, scope)
    _rounded(shown, "indicator_capaian")
    released, out = _released(capaian, scope, f, con), []
    for row in shown.iter_rows(named=True):
        rows = released.filter(pl.col("indikator") == row["indikator"])
        assert row["n"] == rows.height, (row, f)
        out.append((frozenset(rows.select("nip", "periode", "indikator").iter_rows()), rows))
    return out


def _small_part(rows: pl.DataFrame, k: int, measures: dict[str, str | None]) -> str | None:
    """A count of `rows` that is 1..k-1 in some period, or None."""
    for name, col in measures.items():
        per = (rows if col is None else rows.filter(pl.col(col).is_not_null())).group_by("periode").len()
        small = per.filter((pl.col("len") > 0) & (pl.col("len") < k))
        if small.height:
            return f"{name}={small['len'][0]} in {small['periode'][0]}"
    return None


def _assert_no_small_difference(figures: list[tuple[frozenset, pl.DataFrame]], k: int, measures, what: str) -> None:
    """No shown figure covers a small group, and no two nested ones differ by one."""
    for _keys, rows in figures:
        assert _small_part(rows, k, measures) is None, (what, "a figure of a small group", rows)
    for (ka, ra), (kb, rb) in combinations(figures, 2):
        if ka == kb or not (ka < kb or kb < ka):
            continue
        small, big = (ra, rb) if ka < kb else (rb, ra)
        diff = big.join(small, on=[c for c in ("nip", "periode", "indikator") if c in big.columns], how="anti")
        found = _small_part(diff, k, measures)
        assert found is None, f"{what}: two shown figures differ by a small group ({found}): {diff}"


def _every_other_query_rounded(con, scope: Scope, f: Filters) -> None:
    for name, frame in [
        ("overview", Q.overview(con, f, scope)["head"]),
        ("changes", Q.overview(con, f, scope)["changes"]),
        ("compare_opd", Q.compare_opd(con, f, scope, 2)),
        ("score_distribution", Q.score_distribution(con, f, scope)),
        ("ikm_units", Q.ikm_units(con, f, scope)),
        ("ikm_by_place", Q.ikm_by_place(con, f, scope)),
        ("distribution_breaks", Q.distribution_breaks(con, f, scope)),
    ]:
        _rounded(frame, name)


@EXAMPLES
@given(st.data())
def test_no_two_shown_figures_differ_by_a_small_group(data):
    w = data.draw(worlds(max_employees=16), label="world")
    con = connect(str(build(w).warehouse))
    try:
        facts, capaian = _facts(con), _capaian(con)
        dims = con.sql("SELECT * FROM dim_filter").pl()
        scope = data.draw(restricted(w), label="viewer")
        views = [data.draw(any_filters(w, dims), label=f"filters {i}") for i in range(4)]
        scores, indicators = [], []
        for f in views:
            scores += _score_figures(con, facts, scope, f)
            indicators += _indicator_figures(con, capaian, scope, f)
            _every_other_query_rounded(con, scope, f)
        _assert_no_small_difference(scores, scope.min_group, MEASURES, "scores")
        by_indicator = {}
        for keys, rows in indicators:
            by_indicator.setdefault(rows["indikator"][0] if rows.height else None, []).append((keys, rows))
        for figures in by_indicator.values():
            _assert_no_small_difference(figures, scope.min_group, {"n": None}, "indicators")
        options = Q.filter_options(con, scope)
        assert options.select("unit_kerja", "jenis_jabatan", "golongan", "status_asn").drop_nulls().is_empty()
    finally:
        con.close()
