"""A year of one office, loaded month by month through the CLI: movers, a leaver, a promotion, a joiner, a renamed
unit, a roster loaded late and a late correction. After every load, every earlier period reads as it did before
that load, and as a plain reference computed from the input files with the attribution rule says it should."""

from __future__ import annotations

import calendar
from datetime import date

import duckdb
import polars as pl
import pytest

from pipelines.__main__ import main as cli
from tests.conftest import make_settings
from warehouse import queries
from warehouse.db import Filters, Scope

MONTHS = [f"2026-{m:02d}" for m in range(1, 13)]
A, B, C, D, E, F, G, H, II = (f"19800101200501{i}{j:03d}" for i, j in zip([1, 1, 1, 1, 1, 1, 1, 2, 2], range(1, 10), strict=True))
NAMES = {A: "Ani", B: "Budi", C: "Citra", D: "Dedi", E: "Eka", F: "Fajar", G: "Gita", H: "Hana", II: "Indra"}


def _placement(nip: str, month: int) -> dict | None:
    """Where each person is in a month, by the office's story (None: not employed that month)."""
    pend = {"lokasi": "Jambi", "opd": "Dinas Pendidikan", "unit_kerja": "Bidang SD", "golongan": "III/a"}
    pupr = {"lokasi": "Jambi", "opd": "Dinas PUPR", "unit_kerja": "Bidang Jalan", "golongan": "III/a"}
    story = {
        A: pend if month <= 6 else pupr,  # moves in July
        B: pend if month <= 6 else None,  # retires: the July roster omits her
        C: {**pend, "golongan": "III/a" if month <= 6 else "III/b"},  # promoted in July
        D: {**pend, "unit_kerja": "Bidang SD" if month <= 8 else "Bidang Pendidikan Dasar"},  # unit renamed
        E: pend,
        F: pupr,
        G: pupr if month >= 4 else None,  # joins in April
        H: {"lokasi": "Jambi", "opd": "Dinas Kesehatan", "unit_kerja": "Puskesmas Pembantu I", "golongan": "III/c"},
        II: {"lokasi": "Bangko", "opd": "Dinas Kesehatan", "unit_kerja": "Puskesmas Pembantu I", "golongan": "III/c"},
    }
    return story[nip]


def _score(nip: str, month: int) -> float:
    base = {A: 90, B: 70, C: 88, D: 95, E: 84, F: 92, G: 86, H: 91, II: 89}[nip]
    return float(base + (month % 3))


def _as_of(month: int) -> date:
    return date(2026, month, calendar.monthrange(2026, month)[1])


def _roster(month: int, title: bool) -> str:
    rows = [
        {
            "NIP": nip,
            "Nama": NAMES[nip],
            "Lokasi": p["lokasi"],
            "Perangkat Daerah": p["opd"],
            "Unit Kerja": p["unit_kerja"],
            "Status ASN": "PNS",
            "Golongan": p["golongan"],
        }
        for nip in NAMES
        if (p := _placement(nip, month)) is not None
    ]
    body = pl.DataFrame(rows).write_csv(separator=";")
    head = f"DAFTAR PEGAWAI DATA PER {_as_of(month).day} {calendar.month_name[month].upper()} 2026\n" if title else ""
    return head.replace("JANUARY", "JANUARI") + body


def _capaian(month: int, corrected: bool = False) -> str:
    rows = [
        {
            "NIP": nip,
            "Periode": MONTHS[month - 1],
            "Indikator": "Layanan",
            "Target": "100",
            "Realisasi": str(_score(nip, month) - (10 if corrected and nip == E else 0)),
            "Bobot": "100",
        }
        for nip in NAMES
        if _placement(nip, month) is not None
    ]
    return pl.DataFrame(rows).write_csv(separator=";")


def _loads() -> list[tuple[str, str, list[str]]]:
    """The office's year in load order: (file name, content, extra CLI options)."""
    out = []
    for m in range(1, 13):
        if m != 3:  # March's roster arrives late, after June's
            out.append(
                (
                    f"pegawai_{m:02d}.csv",
                    _roster(m, title=m % 2 == 0),
                    [] if m % 2 == 0 else ["--per-tanggal", f"{_as_of(m):%d/%m/%Y}"],
                )
            )
        if m == 6:
            out.append(("pegawai_03.csv", _roster(3, title=False), ["--per-tanggal", f"{_as_of(3):%d/%m/%Y}"]))
        out.append((f"capaian_{m:02d}.csv", _capaian(m), []))
        if m == 8:  # May's capaian corrected for one employee
            out.append(("capaian_05_revisi.csv", _capaian(5, corrected=True), []))
    return out


def _reference(loaded: list[str]) -> pl.DataFrame:
    """n and mean hasil kerja per place, OPD, unit and golongan per period, from the input files alone: each
    employee-period counts where the latest loaded roster dated on or before the period's last day put them
    (before their first roster: that first roster)."""
    rosters = {int(n[8:10]) for n in loaded if n.startswith("pegawai_")}
    months = sorted({int(n[8:10]) for n in loaded if n.startswith("capaian_")})
    corrected = "capaian_05_revisi.csv" in loaded
    rows = []
    for m in months:
        for nip in NAMES:
            if _placement(nip, m) is None:
                continue
            dated = [r for r in rosters if _as_of(r) <= _as_of(m) and _placement(nip, r) is not None]
            first = [r for r in sorted(rosters) if _placement(nip, r) is not None]
            where = _placement(nip, max(dated) if dated else first[0])
            score = _score(nip, m) - (10 if corrected and m == 5 and nip == E else 0)
            rows.append(
                {"periode": MONTHS[m - 1], **{k: where[k] for k in ("lokasi", "opd", "unit_kerja", "golongan")}, "h": score}
            )
    keys = ["lokasi", "opd", "unit_kerja", "golongan", "periode"]
    if not rows:
        return pl.DataFrame(schema={**dict.fromkeys(keys, pl.String), "n": pl.UInt32, "rata_hasil": pl.Float64})
    ref = pl.DataFrame(rows).group_by(*keys)
    return ref.agg(pl.len().alias("n"), pl.col("h").mean().alias("rata_hasil")).sort(pl.all())


def _read(s) -> pl.DataFrame:
    con = duckdb.connect(str(s.warehouse), read_only=True)
    try:
        got = queries.scores_by(con, Filters(), Scope(), ["lokasi", "opd", "unit_kerja", "golongan", "periode"])
    finally:
        con.close()
    return got.select("lokasi", "opd", "unit_kerja", "golongan", "periode", pl.col("n").cast(pl.UInt32), "rata_hasil").sort(
        pl.all()
    )


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    """The warehouse after each load of the year, read through the page query, with the files loaded so far."""
    tmp = tmp_path_factory.mktemp("year")
    s = make_settings(tmp)
    mp = pytest.MonkeyPatch()
    mp.setenv("KINERJA_WAREHOUSE", str(s.warehouse))
    mp.setenv("KINERJA_STAGING", str(s.staging))
    states, loaded = [], []
    try:
        for name, content, extra in _loads():
            path = tmp / name
            path.write_text(content, encoding="utf-8")
            assert cli(["load", str(path), *extra]) == 0, name
            loaded.append(name)
            states.append((list(loaded), _read(s)))
    finally:
        mp.undo()
    return s, states


def test_every_load_matches_the_reference_built_from_the_files(year):
    _s, states = year
    for loaded, got in states:
        ref = _reference(loaded)
        assert got.select(pl.exclude("rata_hasil")).equals(ref.select(pl.exclude("rata_hasil"))), loaded[-1]
        assert ((got["rata_hasil"] - ref["rata_hasil"]).abs() < 1e-6).all(), loaded[-1]


def test_no_load_rewrites_an_earlier_period(year):
    _s, states = year
    for (_before_files, before), (after_files, after) in zip(states, states[1:], strict=False):
        newest = after_files[-1]
        changed = {"2026-05"} if newest == "capaian_05_revisi.csv" else set()
        earlier = before.filter(~pl.col("periode").is_in(list(changed)))
        assert after.join(earlier, on=earlier.columns, how="semi").height == earlier.height, newest


def test_the_mover_counts_where_she_was_and_the_leaver_stays_in_her_months(year):
    s, _ = year
    con = duckdb.connect(str(s.warehouse), read_only=True)
    try:
        pend = queries.scores_by(con, Filters(dari="2026-01", sampai="2026-06", opd=("Dinas Pendidikan",)), Scope(), ["periode"])
        assert pend["n"].to_list() == [5] * 6  # A, B, C, D, E every month to June
        pupr_early = queries.scores_by(con, Filters(dari="2026-01", sampai="2026-06", opd=("Dinas PUPR",)), Scope(), ["periode"])
        assert pupr_early["n"].to_list() == [1, 1, 1, 2, 2, 2]  # F, and G from April; never A
        grade = queries.scores_by(con, Filters(dari="2026-01", sampai="2026-06", golongan=("III/b",)), Scope(), ["periode"])
        assert grade.is_empty()  # C's promotion in July does not reach back
        head = Scope(lokasi=("Jambi",), opd=("Dinas Pendidikan",))
        prof = queries.employee_profile(con, head, A)
        assert prof["history"]["periode"].to_list() == MONTHS[:6] and prof["elsewhere"] == 6
        left = con.execute("SELECT aktif, keluar_per FROM dim_pegawai WHERE nip = ?", [B]).fetchone()
        assert left == (False, date(2026, 7, 31))
        places = queries.employee_profile(con, Scope(), A)["placements"]
        assert places["opd"].to_list() == ["Dinas Pendidikan", "Dinas PUPR"]
    finally:
        con.close()


def test_same_named_opds_and_units_of_two_places_stay_two(year):
    s, _ = year
    con = duckdb.connect(str(s.warehouse), read_only=True)
    try:
        got = queries.scores_by(
            con, Filters(dari="2026-12", sampai="2026-12", opd=("Dinas Kesehatan",)), Scope(), ["lokasi", "opd"]
        )
    finally:
        con.close()
    assert got.select("lokasi", "n").sort("lokasi").rows() == [("Bangko", 1), ("Jambi", 1)]


def test_tren_draws_two_places_same_named_opds_as_two(year, monkeypatch):
    """Tren grouped by OPD keeps Jambi's and Bangko's 'Dinas Kesehatan' apart, labelled with their place."""
    from streamlit.testing.v1 import AppTest

    from tests.test_app import HARNESS
    from ui.data import settings

    s, _ = year
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(s.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(s.staging))
    settings.clear()
    try:
        at = AppTest.from_file(HARNESS, default_timeout=60)
        at.session_state["_page"] = "tren"
        at.query_params["tren_group"] = "opd"
        at.run()
        assert not at.exception, at.exception
        opds = set(at.dataframe[0].value["OPD"].to_list())
        assert {"Dinas Kesehatan (Jambi)", "Dinas Kesehatan (Bangko)", "Dinas Pendidikan", "Dinas PUPR"} <= opds
        assert "Dinas Kesehatan" not in opds
    finally:
        settings.clear()
