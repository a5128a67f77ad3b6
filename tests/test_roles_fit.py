"""Roles fit their work (issue 21): a pimpinan compares the four places as aggregates, never their people; an
Atasan has "Tim saya" (its own staff by the nip_atasan chain) and a profile that opens on it; a place in the link
that the viewer may not see is said on the page."""

from __future__ import annotations

import inspect

import polars as pl

from appdb.principal import Principal
from domain.places import PLACES
from tests.helpers import app_headline, query
from tests.test_app import app  # noqa: F401  (the fixture)
from warehouse import queries, team
from warehouse.db import Filters, connect, current_file

PIMPINAN = Principal("pimpinan-jambi", "pimpinan", "Sekda", lokasi=("Jambi",))
AGREGAT = Principal("inspektorat", "agregat", "Inspektorat", lokasi=tuple(PLACES))


def _functions():
    """Every query function of the query layer that takes a scope (what any page can call)."""
    for module in (queries, team):
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if not name.startswith("_") and fn.__module__ == module.__name__ and "scope" in inspect.signature(fn).parameters:
                yield name, fn


def _args(fn, con, scope, other: pl.DataFrame, last: str, unit: tuple[str, str, str] | None = None) -> dict:
    values = {
        "con": con,
        "f": Filters(),
        "scope": scope,
        "group": ["lokasi", "opd", "periode"],
        "finest": ["lokasi", "opd", "periode"],
        "levels": (("lokasi",), ("lokasi", "opd"), ("lokasi", "opd", "periode")),
        "min_group": 5,
        "nip": other["nip"][0],
        "nips": other["nip"].to_list(),
        "text": other["nama"][0][:4],
        "periode": last,
    }
    if unit is not None:  # one service unit of another place in one survey period (Umpan balik's detail)
        values |= {"lokasi": unit[0], "unit": unit[1], "max_score": 4, "stop_words": []}
        if fn.__name__.startswith("skm_"):
            values["periode"] = unit[2]
    return {k: values[k] for k in inspect.signature(fn).parameters if k in values}


def _frames(result) -> list[pl.DataFrame]:
    if isinstance(result, pl.DataFrame):
        return [result]
    if isinstance(result, dict):
        return [f for v in result.values() for f in _frames(v)]
    return []


def test_pimpinan_benchmark_reaches_every_place_but_no_person_elsewhere_through_any_query(demo_settings):
    con = connect(current_file(demo_settings.warehouse))
    people = query(demo_settings, "SELECT nip, nama, lokasi FROM dim_pegawai")
    other = people.filter(pl.col("lokasi") != "Jambi")
    last = query(demo_settings, "SELECT max(periode) FROM fct_kinerja").item()
    bench = PIMPINAN.benchmark_scope(5)
    assert bench is not None and bench.aggregate_only and set(bench.lokasi) == set(PLACES)
    secret = set(other["nip"]) | set(other["nama"])
    unit = query(demo_settings, "SELECT lokasi, unit_layanan, periode FROM fct_ikm WHERE lokasi <> 'Jambi' LIMIT 1").row(0)
    called = []
    for name, fn in _functions():
        for frame in _frames(fn(**_args(fn, con, bench, other, last, unit))):
            for column, dtype in frame.schema.items():
                if dtype == pl.String:
                    leaked = set(frame[column].drop_nulls()) & secret
                    assert not leaked, (name, column, sorted(leaked)[:3])
        called.append(name)
    assert {"compare_opd", "overview", "coaching_list", "employee_profile", "employee_search", "skm_responses", "team"} <= set(
        called
    )
    # and the benchmark is worth having: every place's headline, the same figures the aggregate viewer gets
    head = queries.headline_by_place(con, Filters(), bench)
    assert set(head["lokasi"]) == set(PLACES)
    agg = AGREGAT.scope(5)
    assert queries.compare_opd(con, Filters(), bench, 5).equals(queries.compare_opd(con, Filters(), agg, 5))
    # the pimpinan's own scope still holds Jambi only, with its people
    own = PIMPINAN.scope(5)
    assert set(queries.headline_by_place(con, Filters(), own)["lokasi"]) == {"Jambi"}
    assert not queries.employee(con, own, other["nip"][0]).height


def test_who_gets_a_benchmark():
    kepala = Principal("kadis", "kepala_opd", lokasi=("Jambi",), opd=("Dinas Kesehatan",))
    assert kepala.benchmark_scope(5) is None and kepala.benchmark_scope(5, kepala_opd=True) is not None
    for who in (
        Principal("adm", "admin", lokasi=("Bangko",)),
        Principal("ata", "atasan", nip="199001012015011001"),
        AGREGAT,
        Principal("p0", "pimpinan"),  # a pimpinan without a place sees nothing, and no benchmark either
    ):
        assert who.benchmark_scope(5, kepala_opd=True) is None, who.role


def test_bandingkan_and_ringkasan_as_pimpinan_compare_every_place_without_names(app):  # noqa: F811
    at = app("bandingkan", principal=PIMPINAN)
    assert {pl.from_pandas(d.value)["Lokasi"].unique().to_list()[0] for d in at.dataframe} == {"Jambi"}
    at = app("bandingkan", principal=PIMPINAN, lingkup="semua")
    grid = pl.from_pandas(at.dataframe[0].value)
    assert set(grid["Lokasi"]) == set(PLACES) and not {"Nama", "NIP"} & set(grid.columns)
    at = app("ringkasan", principal=PIMPINAN, lingkup="semua")
    assert set(app_headline(at)["rows"]) == set(PLACES)


def _chain(demo_settings, boss: str) -> set[str]:
    """The people below `boss` at the last period, walking nip_atasan by hand (a plain reference)."""
    last = query(demo_settings, "SELECT max(periode) FROM fct_penempatan").item()
    rows = query(demo_settings, "SELECT nip, nip_atasan FROM fct_penempatan WHERE periode = $p", {"p": last})
    below: dict[str, list[str]] = {}
    for nip, sup in rows.iter_rows():
        below.setdefault(sup, []).append(nip)
    found, todo = set(), [boss]
    while todo:
        for nip in below.get(todo.pop(), []):
            if nip not in found and nip != boss:
                found.add(nip)
                todo.append(nip)
    return found


def test_tim_saya_lists_the_chain_below_the_atasan_and_nobody_else(demo_settings):
    con = connect(current_file(demo_settings.warehouse))
    # a supervisor with a chain two levels deep, so "indirect" is tested too
    boss = query(
        demo_settings,
        """SELECT a.nip_atasan FROM fct_penempatan a JOIN fct_penempatan b ON b.nip_atasan = a.nip AND b.periode = a.periode
           WHERE a.periode = (SELECT max(periode) FROM fct_penempatan) AND a.nip_atasan IS NOT NULL
           GROUP BY 1 ORDER BY count(*) DESC LIMIT 1""",
    ).item()
    who = Principal("ata", "atasan", nip=boss)
    rows = team.team(con, Filters(), who.scope(5))
    assert set(rows["nip"]) == _chain(demo_settings, boss)
    direct = set(query(demo_settings, "SELECT nip FROM dim_pegawai WHERE nip_atasan = $b", {"b": boss})["nip"])
    assert set(rows.filter("langsung")["nip"]) <= direct and rows.filter(~pl.col("langsung")).height > 0
    ref = query(
        demo_settings,
        "SELECT nip, predikat, hasil_kerja FROM fct_kinerja WHERE periode = (SELECT max(periode) FROM fct_kinerja)",
    )
    joined = rows.join(ref, on="nip", suffix="_ref")
    assert joined.height == rows.height and joined.filter(pl.col("predikat") != pl.col("predikat_ref")).is_empty()
    # nobody else gets a team
    assert team.team(con, Filters(), PIMPINAN.scope(5)).is_empty()


def test_atasan_pages_tim_saya_profile_and_ringkasan_label(app, demo_settings):  # noqa: F811
    boss = query(
        demo_settings, "SELECT nip_atasan FROM dim_pegawai WHERE nip_atasan IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
    ).item()
    who = Principal("atasan", "atasan", nip=boss)
    at = app("tim_saya", principal=who)
    grid = pl.from_pandas(at.dataframe[0].value)
    chain = _chain(demo_settings, boss)
    names = query(demo_settings, "SELECT nama FROM dim_pegawai WHERE list_contains($n, nip)", {"n": sorted(chain)})["nama"]
    assert sorted(grid["Nama"]) == sorted(names) and grid.height == len(chain)
    at = app("profil", principal=who)  # no longer empty: a choice among the team
    assert set(at.selectbox(key="tim_pick").options) and len(at.selectbox(key="tim_pick").options) == grid.height
    at = app("ringkasan", principal=who)
    assert "Unit kerja Anda" in at.markdown[0].value or any("Unit kerja Anda" in m.value for m in at.markdown)


def test_a_refused_place_in_the_link_is_said_on_the_page(monkeypatch, demo_settings):
    """Through the router (the default page, Ringkasan): the refusal is said in the page itself, where the sidebar's
    note may be out of sight."""
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("KINERJA_WAREHOUSE", str(demo_settings.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(demo_settings.staging))
    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "dashboard.py"), default_timeout=90)
    at.session_state["_principal"] = PIMPINAN
    at.query_params["lokasi"] = ["Belawan", "Jambi"]
    at.run()
    assert not at.exception
    said = [w.value for w in at.main.warning]
    assert any("Belawan" in w and "di luar wewenang" in w for w in said), said
    assert list(app_headline(at)["rows"]) == ["Jambi"]
