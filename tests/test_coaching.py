"""Coaching cases on SQLite and PostgreSQL: states, the trail, concurrent edits, scope on every view, and
cases that outlive warehouse rebuilds and corrected loads."""

from __future__ import annotations

import datetime as dt
import threading

import duckdb
import polars as pl
import pytest
import sqlalchemy as sa

from appdb.coaching import case_events
from coaching import cases as C
from coaching import read, views
from coaching.scope import Within
from pipelines.build.build import rebuild
from pipelines.load.transaction import load_files
from tests.conftest import make_settings
from tests.helpers import NIPS, csv
from warehouse.db import Filters, Scope, connect

TODAY = dt.date(2026, 6, 1)
JAMBI, BANGKO = NIPS[:5], NIPS[5:]
PERIODS = ["2026-01", "2026-02", "2026-03", "2026-04"]

EVERYTHING = Within.everything()  # the explicitly unrestricted reach (what the command line holds)


def _roster() -> bytes:
    rows = [
        {
            "NIP": n,
            "Nama": f"Pegawai {i}",
            "Lokasi": "Jambi" if n in JAMBI else "Bangko",
            "Perangkat Daerah": "Dinas A" if n in JAMBI else "Dinas B",
            "Unit Kerja": "Bidang",
            "Status ASN": "PNS",
            "Golongan": "III/a",
            "NIP Atasan": JAMBI[0] if n in JAMBI else BANGKO[0],
        }
        for i, n in enumerate(NIPS)
    ]
    return csv(rows)


def _capaian(realisasi: int) -> bytes:
    head = "NIP;Periode;Indikator;Target;Realisasi;Bobot"
    rows = [f"{n};{p};Layanan;100;{realisasi if n in (JAMBI[1], BANGKO[1]) else 100};100" for n in NIPS for p in PERIODS]
    return ("\n".join([head, *rows]) + "\n").encode()


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    """Nine employees in two places and OPDs; one in each scores 60 for four months (listed for coaching)."""
    s = make_settings(tmp_path_factory.mktemp("coaching_wh"))
    report = load_files([("pegawai.csv", _roster()), ("capaian.csv", _capaian(60))], s)
    assert report.exit_code == 0
    return s


@pytest.fixture
def con(warehouse):
    c = connect(str(warehouse.warehouse))
    yield c
    c.close()


def _open(engine, nip=JAMBI[1], **kw) -> dict:
    base = dict(
        actor="ani",
        nama="Pegawai 1",
        aturan=["hasil kerja < 85"],
        fokus=["Layanan (60.0)"],
        coach_nip=JAMBI[0],
        coach_nama="Pegawai 0",
        due_date=TODAY + dt.timedelta(days=30),
        rencana=[{"aksi": "Pertemuan pertama", "tanggal": TODAY}],
    )
    return C.open_case(engine, nip=nip, **{**base, **kw}, within=EVERYTHING)


def test_full_path_and_every_change_is_an_event(app_engine):
    case = _open(app_engine)
    assert (case["status"], case["version"]) == ("baru", 1)
    case = C.transition(app_engine, case["id"], "dijadwalkan", expected_version=1, actor="ani", within=EVERYTHING)
    case = C.transition(app_engine, case["id"], "berjalan", expected_version=2, actor="budi", within=EVERYTHING)
    case = C.add_session(
        app_engine,
        case["id"],
        tanggal=TODAY,
        dibahas="Target layanan",
        langkah="Pendampingan",
        expected_version=3,
        actor="budi",
        within=EVERYTHING,
    )
    case = C.transition(app_engine, case["id"], "selesai", expected_version=4, actor="budi", hasil="Membaik", within=EVERYTHING)
    assert (case["status"], case["version"], case["hasil"]) == ("selesai", 5, "Membaik")
    assert case["closed_at"] is not None
    trail = C.events(app_engine, case["id"])
    assert [(e["event"], e["actor"], e["version"]) for e in trail] == [
        ("dibuka", "ani", 1),
        ("status", "ani", 2),
        ("status", "budi", 3),
        ("sesi", "budi", 4),
        ("status", "budi", 5),
    ]
    assert trail[1]["before"] == {"status": "baru"} and trail[1]["after"] == {"status": "dijadwalkan"}
    assert trail[3]["after"] == {"tanggal": TODAY.isoformat(), "dibahas": "Target layanan", "langkah": "Pendampingan"}
    assert trail[4]["before"] == {"status": "berjalan", "hasil": None}
    assert trail[4]["after"] == {"status": "selesai", "hasil": "Membaik"}
    assert all(e["at"].tzinfo is not None for e in trail)
    assert [s["dibahas"] for s in C.sessions(app_engine, case["id"])] == ["Target layanan"]


ALL = ["baru", "dijadwalkan", "berjalan", "selesai", "dibatalkan"]
PATH = {
    "baru": [],
    "dijadwalkan": ["dijadwalkan"],
    "berjalan": ["dijadwalkan", "berjalan"],
    "selesai": ["dijadwalkan", "berjalan", "selesai"],
    "dibatalkan": ["dibatalkan"],
}


def _at(engine, status: str) -> dict:
    case = _open(engine)
    for step in PATH[status]:
        case = C.transition(
            engine, case["id"], step, expected_version=case["version"], actor="ani", reason="r", hasil="h", within=EVERYTHING
        )
    return case


def test_transitions_allowed_and_refused(app_engine):
    for start in ALL:
        for to in ALL:
            case = _at(app_engine, start)
            if to in C.ALLOWED[start]:
                moved = C.transition(
                    app_engine,
                    case["id"],
                    to,
                    expected_version=case["version"],
                    actor="x",
                    reason="pindah tugas",
                    hasil="Membaik",
                    within=EVERYTHING,
                )
                assert moved["status"] == to and moved["version"] == case["version"] + 1
            else:
                with pytest.raises(C.TransitionRefused) as err:
                    C.transition(
                        app_engine,
                        case["id"],
                        to,
                        expected_version=case["version"],
                        actor="x",
                        reason="pindah tugas",
                        within=EVERYTHING,
                    )
                assert "tidak dapat" in err.value.text("id") and "cannot" in err.value.text("en")
                after = C.get_case(app_engine, case["id"])
                assert (after["status"], after["version"]) == (start, case["version"])  # nothing changed


def test_cancelling_needs_a_reason_and_closed_cases_take_no_notes(app_engine):
    case = _open(app_engine)
    with pytest.raises(C.TransitionRefused, match="alasan"):
        C.transition(app_engine, case["id"], "dibatalkan", expected_version=1, actor="ani", reason="  ", within=EVERYTHING)
    case = C.transition(app_engine, case["id"], "dibatalkan", expected_version=1, actor="ani", reason="Mutasi", within=EVERYTHING)
    assert case["alasan_batal"] == "Mutasi"
    with pytest.raises(C.TransitionRefused):
        C.add_session(
            app_engine, case["id"], tanggal=TODAY, dibahas="x", langkah="", expected_version=2, actor="a", within=EVERYTHING
        )
    with pytest.raises(C.TransitionRefused):
        C.update_plan(app_engine, case["id"], expected_version=2, actor="a", due_date=TODAY, within=EVERYTHING)
    assert len(C.events(app_engine, case["id"])) == 2


def test_the_trail_is_append_only(app_engine):
    case = _open(app_engine)
    with pytest.raises(sa.exc.DBAPIError, match="append-only"), app_engine.begin() as c:
        c.execute(sa.update(case_events).values(actor="someone else"))
    with pytest.raises(sa.exc.DBAPIError, match="append-only"), app_engine.begin() as c:
        c.execute(sa.delete(case_events))
    assert [e["actor"] for e in C.events(app_engine, case["id"])] == ["ani"]


def test_second_editor_is_told_and_loses_nothing(app_engine):
    case = _open(app_engine)
    read_by_ani = read_by_budi = case["version"]
    C.update_plan(app_engine, case["id"], expected_version=read_by_ani, actor="ani", due_date=TODAY, within=EVERYTHING)
    with pytest.raises(C.Conflict) as err:
        C.add_session(
            app_engine,
            case["id"],
            tanggal=TODAY,
            dibahas="Budi's note",
            langkah="",
            expected_version=read_by_budi,
            actor="budi",
            within=EVERYTHING,
        )
    assert err.value.current["version"] == 2 and err.value.current["due_date"] == TODAY
    assert "diubah orang lain" in err.value.text("id") and "Someone else" in err.value.text("en")
    assert C.sessions(app_engine, case["id"]) == []  # nothing half-written
    # Budi saves again against the version he was shown: his note is kept, Ani's date too
    C.add_session(
        app_engine,
        case["id"],
        tanggal=TODAY,
        dibahas="Budi's note",
        langkah="",
        expected_version=err.value.current["version"],
        actor="budi",
        within=EVERYTHING,
    )
    now = C.get_case(app_engine, case["id"])
    assert now["due_date"] == TODAY and now["version"] == 3
    assert [s["dibahas"] for s in C.sessions(app_engine, case["id"])] == ["Budi's note"]


def test_simultaneous_writers_one_wins_the_other_gets_a_conflict(app_engine):
    case = _open(app_engine)
    barrier, results = threading.Barrier(4), []

    def write(i: int) -> None:
        barrier.wait()
        try:
            C.add_session(
                app_engine,
                case["id"],
                tanggal=TODAY,
                dibahas=f"note {i}",
                langkah="",
                expected_version=1,
                actor=f"u{i}",
                within=EVERYTHING,
            )
            results.append("ok")
        except C.Conflict:
            results.append("conflict")
        except sa.exc.OperationalError:  # SQLite: a writer that found the database locked also changed nothing
            results.append("conflict")

    threads = [threading.Thread(target=write, args=(i,)) for i in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(results) == ["conflict", "conflict", "conflict", "ok"]
    assert len(C.sessions(app_engine, case["id"])) == 1
    assert C.get_case(app_engine, case["id"])["version"] == 2
    assert len(C.events(app_engine, case["id"])) == 2


def _seed(engine) -> dict[str, int]:
    """One case in Jambi/Dinas A, one in Bangko/Dinas B, one for a NIP not on the roster; one award each side."""
    ids = {
        "jambi": _open(engine, JAMBI[1])["id"],
        "bangko": _open(engine, BANGKO[1], coach_nip=BANGKO[0], coach_nama="Pegawai 5")["id"],
        "gone": _open(engine, "199001012015011999", coach_nip=JAMBI[0], lokasi="Jambi", opd="Dinas A")["id"],
    }
    for nip in (JAMBI[2], BANGKO[2]):
        C.record_award(
            engine, nip=nip, jenis="Piagam", tanggal=TODAY, diberikan_oleh="Kepala Dinas", actor="ani", within=EVERYTHING
        )
    return ids


SCOPES = {
    "all": (Scope(), {"jambi", "bangko", "gone"}),
    "jambi": (Scope(lokasi=("Jambi",)), {"jambi"}),
    "dinas_b": (Scope(opd=("Dinas B",)), {"bangko"}),
    "nothing": (Scope(lokasi=(), opd=()), set()),
    "other": (Scope(lokasi=("Rakumpit",)), set()),
    # an Atasan's scope names no place and no OPD: it is still only the chain below its NIP
    "atasan_bangko": (Scope(atasan=BANGKO[0]), {"bangko"}),
    "atasan_unknown": (Scope(atasan="199001012020011999"), set()),
    "aggregate": (Scope(lokasi=("Jambi", "Bangko"), aggregate_only=True, min_group=5), set()),
}


@pytest.mark.parametrize("name", list(SCOPES))
def test_every_view_follows_the_scope(app_engine, con, name, tmp_path):
    scope, expected = SCOPES[name]
    ids = _seed(app_engine)
    want = {ids[k] for k in expected}
    assert set(read.cases(app_engine, con, scope)["id"]) == want
    assert {i for i in ids.values() if read.case_visible(app_engine, con, scope, i)} == want
    for coach in (JAMBI[0], BANGKO[0]):
        mine = read.my_cases(app_engine, con, scope, coach, TODAY)
        assert set(mine["id"]) <= want and set(mine["coach_nip"]) <= {coach}
    visible_nips = {n for k, n in (("jambi", JAMBI[1]), ("bangko", BANGKO[1])) if k in expected}
    per = read.per_opd(app_engine, con, scope, Filters(), TODAY)
    assert per["kasus_terbuka"].sum() == len(want)
    assert set(per["opd"]) <= {"Dinas A", "Dinas B"} and (not want or set(per["opd"]))
    listed = pl.DataFrame({"nip": NIPS})
    status = read.coaching_list(app_engine, con, scope, listed)
    assert set(status.filter(pl.col("status_kasus").is_not_null())["nip"]) == visible_nips
    aw = read.awards(app_engine, con, scope)
    assert set(aw["nip"]) == {
        n for n in (JAMBI[2], BANGKO[2]) if (n in JAMBI and "jambi" in expected) or (n in BANGKO and "bangko" in expected)
    }
    eff = read.effectiveness(app_engine, con, scope, make_settings(tmp_path))
    assert eff["semua"]["n"].sum() == 0  # nothing closed yet


def test_per_opd_counts_overdue_done_and_share_listed(app_engine, con):
    a = _open(app_engine, JAMBI[1], due_date=TODAY - dt.timedelta(days=1))
    b = _open(app_engine, JAMBI[2], due_date=TODAY + dt.timedelta(days=1))
    C.transition(app_engine, b["id"], "dibatalkan", expected_version=1, actor="x", reason="salah orang", within=EVERYTHING)
    c = _at(app_engine, "selesai")  # JAMBI[1] again, done
    assert a["id"] != c["id"]
    listed = pl.DataFrame(
        {"nip": [JAMBI[1], JAMBI[3], BANGKO[1]], "lokasi": ["Jambi", "Jambi", "Bangko"], "opd": ["Dinas A", "Dinas A", "Dinas B"]}
    )
    out = views.per_opd(read.cases(app_engine, con, Scope()), listed, TODAY)
    rows = {r["opd"]: r for r in out.iter_rows(named=True)}
    assert (rows["Dinas A"]["kasus_terbuka"], rows["Dinas A"]["kasus_terlambat"]) == (1, 1)
    assert (rows["Dinas A"]["kasus_selesai"], rows["Dinas A"]["kasus_batal"]) == (1, 1)
    assert (rows["Dinas A"]["n_terdaftar"], rows["Dinas A"]["n_terdaftar_berkasus"]) == (2, 1)
    assert rows["Dinas A"]["share_berkasus"] == 0.5
    assert (rows["Dinas B"]["kasus_terbuka"], rows["Dinas B"]["share_berkasus"]) == (0, 0.0)


def test_coaching_list_shows_the_latest_case_and_recognition_the_awards(app_engine, con):
    first = _open(app_engine, JAMBI[1])
    C.transition(app_engine, first["id"], "dibatalkan", expected_version=1, actor="x", reason="keliru", within=EVERYTHING)
    second = _open(app_engine, JAMBI[1])
    listed = pl.DataFrame({"nip": [JAMBI[1], JAMBI[2]]})
    out = read.coaching_list(app_engine, con, Scope(), listed)
    assert out.rows() == [(JAMBI[1], second["id"], "baru"), (JAMBI[2], None, None)]
    C.record_award(
        app_engine,
        nip=JAMBI[2],
        jenis="Piagam",
        tanggal=dt.date(2026, 1, 5),
        diberikan_oleh="Bupati",
        actor="ani",
        within=EVERYTHING,
    )
    C.record_award(
        app_engine,
        nip=JAMBI[2],
        jenis="Pelatihan",
        tanggal=dt.date(2026, 3, 1),
        diberikan_oleh="BKPSDM",
        actor="ani",
        within=EVERYTHING,
    )
    rec = read.recognition_list(app_engine, con, Scope(), listed)
    assert rec.row(1, named=True)["penghargaan_diterima"] == "Pelatihan (01/03/2026); Piagam (05/01/2026)"
    assert rec["n_penghargaan"].to_list() == [0, 2]
    with pytest.raises(C.CaseError):
        C.record_award(app_engine, nip=JAMBI[2], jenis=" ", tanggal=TODAY, diberikan_oleh="x", actor="ani", within=EVERYTHING)


def test_cases_survive_a_rebuild_and_a_corrected_load(app_engine, tmp_path):
    s = make_settings(tmp_path)
    assert load_files([("pegawai.csv", _roster()), ("capaian.csv", _capaian(60))], s).exit_code == 0
    ids = _seed(app_engine)
    done = _at(app_engine, "selesai")
    before = views.case_frame(app_engine)
    trail = {i: C.events(app_engine, i) for i in before["id"]}

    def visible() -> set[int]:
        with duckdb.connect(str(s.warehouse), read_only=True) as c:
            return set(read.cases(app_engine, c, Scope(lokasi=("Jambi",)))["id"])

    assert visible() == {ids["jambi"], done["id"]}
    rebuild(s)
    # a corrected load: the same employees' scores fixed (60 -> 70), and one moved from Jambi to Bangko
    fixed = _roster().decode().replace(f"{JAMBI[1]};Pegawai 1;Jambi;Dinas A", f"{JAMBI[1]};Pegawai 1;Bangko;Dinas B")
    assert fixed != _roster().decode()
    report = load_files([("pegawai.csv", fixed.encode()), ("capaian.csv", _capaian(70))], s)
    assert report.exit_code == 0
    assert views.case_frame(app_engine).equals(before)
    assert {i: C.events(app_engine, i) for i in before["id"]} == trail
    # scope follows the corrected roster: JAMBI[1] now works in Bangko, so a Jambi viewer no longer sees it
    assert visible() == set()
    with duckdb.connect(str(s.warehouse), read_only=True) as c:
        assert set(read.cases(app_engine, c, Scope(lokasi=("Bangko",)))["id"]) == {ids["jambi"], ids["bangko"], done["id"]}


def _writes(engine, case: dict, nip: str, within: Within) -> dict[str, object]:
    """Every write path, tried once by a writer with the given reach: what each did (True: saved)."""

    def v() -> int:  # the version as it is now: an allowed write moves it on
        return C.get_case(engine, case["id"])["version"]

    tries = {
        "open_case": lambda: C.open_case(engine, nip=nip, actor="x", within=within),
        "record_award": lambda: C.record_award(
            engine, nip=nip, jenis="Piagam", tanggal=TODAY, diberikan_oleh="Bupati", actor="x", within=within
        ),
        "update_plan": lambda: C.update_plan(engine, case["id"], expected_version=v(), actor="x", within=within, due_date=TODAY),
        "set_outcome": lambda: C.set_outcome(engine, case["id"], "Membaik", expected_version=v(), actor="x", within=within),
        "add_session": lambda: C.add_session(
            engine, case["id"], tanggal=TODAY, dibahas="catatan", langkah="", expected_version=v(), actor="x", within=within
        ),
        "transition": lambda: C.transition(
            engine, case["id"], "dibatalkan", expected_version=v(), actor="x", within=within, reason="r"
        ),
    }
    done = {}
    for name, attempt in tries.items():
        try:
            attempt()
            done[name] = True
        except C.OutOfScope as exc:
            done[name] = exc
    return done


def test_an_atasan_cannot_write_a_case_of_another_place(app_engine, con):
    """Attack 1 of issue 19: the Bangko Atasan saved a session note into a Jambi case."""
    jambi = _open(app_engine, JAMBI[1])
    atasan = Within(Scope(atasan=BANGKO[0]), con)
    before = (C.events(app_engine, jambi["id"]), C.sessions(app_engine, jambi["id"]), views.award_frame(app_engine).height)
    refused = _writes(app_engine, jambi, JAMBI[1], atasan)
    assert all(isinstance(r, C.OutOfScope) for r in refused.values()), refused
    # worded like a case or employee that does not exist: the refusal tells nothing about Jambi
    assert refused["add_session"].text("id") == f"Kasus {jambi['id']} tidak ditemukan."
    assert refused["open_case"].text("en") == "Employee not found."
    assert (C.events(app_engine, jambi["id"]), C.sessions(app_engine, jambi["id"])) == before[:2]
    assert views.award_frame(app_engine).height == before[2] and views.case_frame(app_engine).height == 1
    assert read.case_detail(app_engine, con, atasan.scope, jambi["id"]) is None
    # the same Atasan writes every path on a case of someone below them
    bangko = _open(app_engine, BANGKO[1])
    assert all(r is True for r in _writes(app_engine, bangko, BANGKO[1], atasan).values())
    assert read.case_detail(app_engine, con, atasan.scope, bangko["id"])["case"]["nip"] == BANGKO[1]


def test_a_reach_without_a_warehouse_or_a_nip_allows_nothing(con):
    assert not Within(Scope(lokasi=("Jambi",))).allows(JAMBI[1])  # no warehouse to resolve the NIP: refused
    assert not Within(Scope(), con).allows("") and not Within.everything().allows(None)
    assert Within(Scope(lokasi=("Jambi",)), con).allows(JAMBI[1]) and not Within(Scope(lokasi=()), con).allows(JAMBI[1])
