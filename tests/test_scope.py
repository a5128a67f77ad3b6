"""Row-level scope, property-tested: for random small warehouses and random scopes, no query returns a row
outside the viewer's scope, ever.

Each warehouse is the demo generator's output at a random size and seed, with part of the roster moved to
random places, OPDs and units and part of the nip_atasan chain rewired at random (cycles, dangling NIPs,
people without a superior), then loaded by the real pipeline. Each scope is drawn from the warehouse's own
values plus values it doesn't have. Every query function is checked against a reference computed here in
Polars from the warehouse's tables: which people and which units the scope allows.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import polars as pl
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from domain.periods import bounds
from pipelines.demo.files import write_demo_files
from pipelines.demo.generate import generate
from pipelines.load.transaction import load_paths
from tests.conftest import make_settings
from warehouse import queries as Q
from warehouse.db import Filters, Scope, connect

UNIT = ["lokasi", "opd", "unit_kerja"]


def _rewire(data, seed: int):
    """Move some employees to random units and point some superiors at random NIPs (cycles included)."""
    peg = data.pegawai
    n = peg.height
    units = peg.select(UNIT).unique().sort(UNIT)
    moved = pl.Series(range(n)).shuffle(seed=seed).head(max(1, n // 5)).to_list()
    rewired = pl.Series(range(n)).shuffle(seed=seed + 1).head(max(1, n // 6)).to_list()
    pick_unit = units.sample(len(moved), with_replacement=True, seed=seed)
    idx = pl.int_range(pl.len())
    new_unit = {c: pl.Series([None] * n, dtype=pl.String).scatter(moved, pick_unit[c]) for c in UNIT}
    targets = pl.concat([peg["nip"], pl.Series(["199001012020011999"])]).sample(len(rewired), with_replacement=True, seed=seed)
    new_boss = pl.Series([None] * n, dtype=pl.String).scatter(rewired, targets)
    peg = peg.with_columns(
        *[pl.when(idx.is_in(moved)).then(new_unit[c]).otherwise(pl.col(c)).alias(c) for c in UNIT],
        pl.when(idx.is_in(rewired)).then(new_boss).otherwise(pl.col("nip_atasan")).alias("nip_atasan"),
    )
    return type(data)(peg, data.capaian, data.perilaku, data.evaluasi, data.skm)


def _warehouse(employees: int, periods: int, seed: int):
    tmp = Path(tempfile.mkdtemp(prefix="scope-wh-"))
    s = make_settings(tmp)
    data = _rewire(generate(employees=employees, periods=periods, seed=seed), seed)
    report = load_paths(write_demo_files(data, s.path("demo_inputs")), s)
    assert report.exit_code in (0, 1)
    return connect(str(s.warehouse))


def _chain(peg: pl.DataFrame, boss: str) -> set[str]:
    """Everyone below `boss` down the nip_atasan chain (the reference for the SQL recursion)."""
    below, frontier = set(), {boss}
    edges = peg.select("nip", "nip_atasan").drop_nulls()
    while frontier:
        nxt = set(edges.filter(pl.col("nip_atasan").is_in(list(frontier)))["nip"].to_list()) - below
        below |= nxt
        frontier = nxt
    return below - {boss}


class Allowed:
    """What a scope allows in one warehouse, computed without the query layer."""

    def __init__(self, con, scope: Scope):
        peg = pl.from_arrow(con.sql("SELECT nip, nip_atasan, lokasi, opd, unit_kerja FROM dim_pegawai").arrow())
        base = peg
        if scope.lokasi is not None:
            base = base.filter(pl.col("lokasi").is_in(list(scope.lokasi)))
        if scope.opd is not None:
            base = base.filter(pl.col("opd").is_in(list(scope.opd)))
        units = base.select(UNIT).unique()
        people = set(base["nip"].to_list())
        own = peg.filter(pl.col("nip").eq_missing(scope.atasan)).select(UNIT)
        if scope.atasan is not None:
            units = units.join(own, on=UNIT, how="semi")
            people &= _chain(peg, scope.atasan)
        if scope.aggregate_only:
            people = set()
        self.scope = scope
        self.people = people
        self.units = {tuple(r) for r in units.iter_rows()}
        self.own_unit = {tuple(r) for r in own.iter_rows()}


def _check_rows(frame: pl.DataFrame, ok: Allowed, person: str | None = None) -> None:
    if frame.is_empty():
        return
    cols, scope = set(frame.columns), ok.scope
    for dim in ("lokasi", "opd"):
        if dim in cols and getattr(scope, dim) is not None:
            assert set(frame[dim].to_list()) <= set(getattr(scope, dim)), f"{dim} outside the scope"
    if scope.atasan is not None and person is None:
        own = [c for c in UNIT if c in cols]
        shown = set(frame.select(own).unique().iter_rows())
        assert shown <= {u[: len(own)] for u in ok.own_unit}, "an aggregate outside the Atasan's unit"
    if person:
        assert set(frame[person].to_list()) <= ok.people, "a person outside the scope"


def _reference_n(con, table: str, ok: Allowed, f: Filters) -> int:
    frame = pl.from_arrow(con.sql(f"SELECT lokasi, opd, unit_kerja, periode, n FROM {table}").arrow())
    allowed = pl.DataFrame(list(ok.units), schema={c: pl.String for c in UNIT}, orient="row")
    frame = frame.join(allowed, on=UNIT, how="semi")
    if f.dari:
        frame = frame.filter(pl.col("periode") >= f.dari)
    if f.sampai:
        frame = frame.filter(pl.col("periode") <= f.sampai)
    for dim in UNIT:
        if getattr(f, dim):
            frame = frame.filter(pl.col(dim).is_in(list(getattr(f, dim))))
    return int(frame["n"].sum())


def _small_groups_hidden(frame: pl.DataFrame, scope: Scope, col: str = "n") -> None:
    if scope.suppresses and not frame.is_empty() and col in frame.columns:
        assert frame[col].min() >= scope.min_group


def _responses_about(con, ok: Allowed, f: Filters) -> int:
    """How many survey responses name one of the allowed people as the officer, inside the scope and filters."""
    rows = pl.from_arrow(con.sql("SELECT nip_petugas, lokasi, opd, tanggal FROM stg_skm").arrow())
    rows = rows.filter(pl.col("nip_petugas").is_in(list(ok.people)))
    for dim in ("lokasi", "opd"):
        if getattr(ok.scope, dim) is not None:
            rows = rows.filter(pl.col(dim).is_in(list(getattr(ok.scope, dim))))
        if getattr(f, dim):
            rows = rows.filter(pl.col(dim).is_in(list(getattr(f, dim))))
    if f.dari:
        rows = rows.filter(pl.col("tanggal") >= bounds(f.dari)[0])
    if f.sampai:
        rows = rows.filter(pl.col("tanggal") < bounds(f.sampai)[1])
    return rows.height


def check_every_query(con, scope: Scope, f: Filters, nips: list[str]) -> None:
    """Run every scoped query function and compare what it returns with what the scope allows."""
    ok = Allowed(con, scope)
    options = Q.filter_options(con, scope)
    if scope.suppresses:  # places and OPDs only: the columns that would split an OPD stay empty
        assert options.drop("lokasi", "opd").drop_nulls().is_empty()
        options = options.select("lokasi", "opd")
    _check_rows(options, ok)
    by_unit = Q.scores_by(con, f, scope, ["lokasi", "opd", "unit_kerja", "periode"])
    _check_rows(by_unit, ok)
    _small_groups_hidden(by_unit, scope)
    if not scope.suppresses:
        assert int(by_unit["n"].sum() if by_unit.height else 0) == _reference_n(con, "agg_kinerja", ok, f)
    for frame in Q.scores_levels(con, f, scope, ["lokasi", "opd"], (("lokasi", "opd"), ("lokasi",))).values():
        _check_rows(frame, ok)
    _check_rows(Q.headline_by_place(con, f, scope), ok)
    _check_rows(Q.biggest_changes(con, f, scope), ok)
    for frame in Q.overview(con, f, scope).values():
        _check_rows(frame, ok)
    dist = Q.score_distribution(con, f, scope)
    _check_rows(dist, ok)
    _small_groups_hidden(dist, scope)
    ind = Q.indicator_capaian(con, f, scope)
    if not scope.suppresses:
        assert int(ind["n"].sum() if ind.height else 0) == _reference_n(con, "agg_indikator", ok, f)
    compared = Q.compare_opd(con, f, scope, 5)
    _check_rows(compared, ok)
    _small_groups_hidden(compared, scope)
    summary = Q.coaching_summary(con, f, scope)
    _check_rows(summary, ok)
    _small_groups_hidden(summary, scope)
    for fn in (Q.coaching_list, Q.recognition_list):
        rows = fn(con, f, scope, limit=None)
        _check_rows(rows, ok, person="nip")
    breaks = Q.distribution_breaks(con, f, scope)
    _check_rows(breaks, ok)
    _small_groups_hidden(breaks, scope)
    _check_rows(Q.rater_leniency(con, f, scope, min_rated=1), ok, person="nip_penilai")
    for frame in (Q.ikm_units(con, f, scope), Q.ikm_by_place(con, f, scope)):
        _check_rows(frame.drop("unit_kerja", strict=False), ok)
        _small_groups_hidden(frame, scope, "n_responden")
    responses = Q.skm_responses(con, f, scope, limit=1_000_000)
    if scope.atasan is None:
        _check_rows(responses, ok)
    else:  # a single response is about the officer who served: an Atasan reads those about its own people only
        assert responses.height == _responses_about(con, ok, f)
    if scope.aggregate_only:
        assert responses.is_empty()
    _check_rows(Q.employee_search(con, scope, "1"), ok, person="nip")
    # a period's detail exists for the people placed in that period (anyone without a result then has none)
    placed = {r[0] for r in con.execute("SELECT nip FROM fct_penempatan WHERE periode = '2026-10'").fetchall()}
    for nip in nips:
        visible = nip in ok.people
        assert (not Q.employee(con, scope, nip).is_empty()) == visible
        assert (Q.employee_profile(con, scope, nip) is not None) == visible
        assert (Q.employee_detail(con, scope, nip, "2026-10") is not None) == (visible and nip in placed)


PLACES = ["Bangko", "Jambi", "Belawan", "Rakumpit", "Jakarta"]


@st.composite
def scopes(draw, con) -> Scope:
    peg = pl.from_arrow(con.sql("SELECT nip, opd FROM dim_pegawai ORDER BY nip").arrow())
    opds = sorted(set(peg["opd"].to_list())) + ["Dinas Antah Berantah"]
    some = lambda values: tuple(draw(st.lists(st.sampled_from(values), max_size=3, unique=True)))  # noqa: E731
    lokasi = draw(st.none() | st.just(()) | st.builds(lambda: some(PLACES)))
    opd = draw(st.none() | st.builds(lambda: some(opds)))
    bosses = pl.from_arrow(
        con.sql("SELECT DISTINCT nip_atasan FROM dim_pegawai WHERE nip_atasan IS NOT NULL ORDER BY 1").arrow()
    )["nip_atasan"].to_list()
    atasan = draw(st.none() | st.sampled_from([*bosses, peg["nip"][0], "199001012020011999"]))
    aggregate_only = draw(st.booleans())
    min_group = draw(st.integers(0, 8)) if aggregate_only or atasan else 0
    return Scope(lokasi=lokasi, opd=opd, atasan=atasan, aggregate_only=aggregate_only, min_group=min_group)


@st.composite
def filters(draw, con) -> Filters:
    keys = pl.from_arrow(con.sql("SELECT periode FROM dim_periode ORDER BY periode_mulai").arrow())["periode"].to_list()
    dari, sampai = sorted(draw(st.lists(st.sampled_from(keys), min_size=2, max_size=2)), key=keys.index)
    lok = tuple(draw(st.lists(st.sampled_from(PLACES), max_size=2, unique=True)))
    return Filters(dari=dari, sampai=sampai, lokasi=lok)


# No shrinking: each example builds a warehouse (seconds), and a failing scope is printed whole anyway.
@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
@given(employees=st.integers(120, 200), periods=st.integers(2, 4), seed=st.integers(0, 10_000), data=st.data())
def test_no_query_returns_a_row_outside_the_scope(employees, periods, seed, data):
    con = _warehouse(employees, periods, seed)
    nips = pl.from_arrow(con.sql("SELECT nip FROM dim_pegawai USING SAMPLE 8 ROWS (reservoir, 1)").arrow())
    nips = [*nips["nip"].to_list(), "199001012020011999"]
    for _ in range(12):
        check_every_query(con, data.draw(scopes(con)), data.draw(filters(con)), nips)
    con.close()


def test_no_principal_sees_nothing(demo_settings):
    con = connect(str(demo_settings.warehouse))
    nip = con.sql("SELECT nip FROM dim_pegawai LIMIT 1").fetchall()[0][0]
    check_every_query(con, Scope.nothing(), Filters(), [nip])
    none = Scope.nothing()
    assert Q.filter_options(con, none).is_empty() and Q.scores_by(con, Filters(), none, ["lokasi"]).is_empty()
    assert Q.coaching_list(con, Filters(), none).is_empty() and Q.employee_profile(con, none, nip) is None


def test_atasan_sees_the_chain_below_and_the_aggregates_of_their_unit(demo_settings):
    con = connect(str(demo_settings.warehouse))
    boss = con.sql(
        "SELECT nip_atasan FROM dim_pegawai WHERE nip_atasan IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    ).fetchall()[0][0]
    scope = Scope(atasan=boss)
    direct = {r[0] for r in con.sql("SELECT nip FROM dim_pegawai WHERE nip_atasan = $b", params={"b": boss}).fetchall()}
    found = set(Q.employee_search(con, scope, "", limit=10_000)["nip"].to_list())
    assert direct <= found and boss not in found
    own = con.sql("SELECT lokasi, opd, unit_kerja FROM dim_pegawai WHERE nip = $b", params={"b": boss}).fetchall()[0]
    units = Q.scores_by(con, Filters(), scope, UNIT)
    assert set(units.select(UNIT).iter_rows()) == {own}
    check_every_query(con, scope, Filters(), sorted(direct)[:3] + [boss])


def test_aggregate_viewer_gets_no_person_and_no_small_group(demo_settings):
    con = connect(str(demo_settings.warehouse))
    scope = Scope(lokasi=("Jambi", "Bangko"), aggregate_only=True, min_group=5)
    f = Filters()
    assert Q.coaching_list(con, f, scope).is_empty() and Q.recognition_list(con, f, scope).is_empty()
    assert Q.employee_search(con, scope, "").is_empty() and Q.rater_leniency(con, f, scope, 1).is_empty()
    assert Q.skm_responses(con, f, scope).is_empty()
    # no breakdown that splits an OPD (README, Privacy): units are never shown to an aggregate viewer
    assert Q.scores_by(con, f, scope, UNIT).is_empty()
    opds = Q.scores_by(con, f, scope, ["lokasi", "opd", "periode"])
    per_period = con.sql(
        "SELECT lokasi, opd, periode, sum(n) AS n FROM agg_kinerja WHERE lokasi IN ('Jambi', 'Bangko') GROUP BY ALL"
    ).pl()
    small = per_period.filter(pl.col("n") < 5)
    assert small.height > 0, "the demo has OPDs under five people: the test would prove nothing"
    assert opds.join(small, on=["lokasi", "opd", "periode"], how="semi").is_empty()
    assert opds["n"].min() >= 5
    check_every_query(con, scope, f, [])


WRITES = ("open_case", "record_award", "update_plan", "set_outcome", "add_session", "transition")


def _try_writes(engine, within, nip: str, case_id: int) -> dict[str, bool]:
    """Every coaching write path tried once by a writer with the given reach: which were saved."""
    from coaching import cases as C

    day = dt.date(2026, 6, 1)

    def version() -> int:
        return C.get_case(engine, case_id)["version"]

    tries = {
        "open_case": lambda: C.open_case(engine, nip=nip, actor="x", within=within),
        "record_award": lambda: C.record_award(
            engine, nip=nip, jenis="Piagam", tanggal=day, diberikan_oleh="Bupati", actor="x", within=within
        ),
        "update_plan": lambda: C.update_plan(engine, case_id, expected_version=version(), actor="x", within=within, due_date=day),
        "set_outcome": lambda: C.set_outcome(engine, case_id, "Membaik", expected_version=version(), actor="x", within=within),
        "add_session": lambda: C.add_session(
            engine, case_id, tanggal=day, dibahas="catatan", langkah="", expected_version=version(), actor="x", within=within
        ),
        "transition": lambda: C.transition(engine, case_id, "dijadwalkan", expected_version=version(), actor="x", within=within),
    }
    saved = {}
    for name in WRITES:
        try:
            tries[name]()
            saved[name] = True
        except C.OutOfScope:
            saved[name] = False
    return saved


def check_every_coaching_path(con, engine, scope: Scope, nips: list[str]) -> None:
    """Each write path saves exactly when the record's employee is inside the scope (or the scope states no
    restriction at all), and the coaching reads show exactly the records of people inside it."""
    from coaching import cases as C
    from coaching import read
    from coaching.scope import Within

    ok, within, everything = Allowed(con, scope), Within(scope, con), Within.everything()
    for nip in nips:
        case_id = C.open_case(engine, nip=nip, actor="setup", within=everything)["id"]
        allowed = scope.unrestricted or nip in ok.people
        assert _try_writes(engine, within, nip, case_id) == dict.fromkeys(WRITES, allowed), (scope, nip)
        assert (read.case_detail(engine, con, scope, case_id) is not None) == allowed
    shown = set(read.cases(engine, con, scope)["nip"].to_list())
    awarded = set(read.awards(engine, con, scope)["nip"].to_list())
    expected = set(nips) if scope.unrestricted else set(nips) & ok.people
    assert shown == expected and awarded <= expected, scope


# Every write path and coaching read over random scopes (the Atasan, aggregate and empty scopes included),
# against the same reference as the warehouse queries: one decision for reads and writes.
@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
@given(employees=st.integers(100, 150), seed=st.integers(0, 10_000), data=st.data())
def test_no_coaching_write_or_read_reaches_outside_the_scope(employees, seed, data):
    from appdb.engine import open_app_db

    con = _warehouse(employees, 2, seed)
    picked = pl.from_arrow(con.sql("SELECT nip FROM dim_pegawai USING SAMPLE 6 ROWS (reservoir, 2)").arrow())["nip"]
    bosses = con.sql("SELECT nip_atasan FROM dim_pegawai WHERE nip_atasan IS NOT NULL USING SAMPLE 3 ROWS (reservoir, 3)")
    nips = sorted({*picked.to_list(), *(r[0] for r in bosses.fetchall()), "199001012020011999"})
    for i in range(6):
        engine = open_app_db(f"sqlite:///{tempfile.mkdtemp(prefix='scope-app-')}/app{i}.db")
        check_every_coaching_path(con, engine, data.draw(scopes(con)), nips)
        engine.dispose()
    con.close()


def test_an_atasan_scope_reaches_only_the_chain_in_coaching(demo_settings, tmp_path):
    """Attack 1 of issue 19 on the demo: demo-atasan's scope names no place, and reached every case."""
    from appdb.engine import open_app_db

    con = connect(str(demo_settings.warehouse))
    boss = con.sql("SELECT nip_atasan FROM dim_pegawai WHERE lokasi = 'Bangko' AND nip_atasan IS NOT NULL LIMIT 1").fetchall()
    jambi = [r[0] for r in con.sql("SELECT nip FROM dim_pegawai WHERE lokasi = 'Jambi' ORDER BY nip LIMIT 2").fetchall()]
    below = sorted(Allowed(con, Scope(atasan=boss[0][0])).people)[:2]
    assert below, "the Atasan has nobody below: the test would prove nothing"
    check_every_coaching_path(con, open_app_db(f"sqlite:///{tmp_path / 'app.db'}"), Scope(atasan=boss[0][0]), jambi + below)
