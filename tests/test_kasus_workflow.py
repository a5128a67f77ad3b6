"""Coaching cases as a workflow: the rules of closing and starting, the page's one next step per stage, the
verdict of the effect table, and the demo's seeded history of past cases (checked against the warehouse's
scores with plain SQL)."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from statistics import NormalDist, mean, stdev

import duckdb
import polars as pl
import pytest
from streamlit.testing.v1 import AppTest

from appdb.engine import open_app_db
from appdb.principal import Principal
from coaching import cases as C
from coaching import effect, read, views
from coaching.demo import seed_history
from coaching.scope import Within
from tests.helpers import query
from warehouse.db import Scope

HARNESS = str(Path(__file__).with_name("app_page.py"))
ANI = Principal("ani", "admin", "Ani Lestari", ("Bangko", "Jambi", "Belawan", "Rakumpit"))
EVERYTHING = Within.everything()
CFG = {"effect_periods": 3, "plan_days": [7, 14, 28], "due_days": 30}
NOW = dt.datetime(2026, 12, 7, 3, tzinfo=dt.UTC)
WIB = dt.timezone(dt.timedelta(hours=7))


@pytest.fixture()
def engine(tmp_path):
    e = open_app_db(f"sqlite:///{tmp_path / 'app.db'}")
    yield e
    e.dispose()


def _case(engine, nip="199001012020011001"):
    return C.open_case(engine, nip=nip, actor="ani", nama="Pegawai", within=EVERYTHING)


# --- the rules ---------------------------------------------------------------------------------------------


def test_closing_as_done_needs_an_outcome_given_now_or_saved_before(engine):
    case = C.transition(engine, _case(engine)["id"], "dijadwalkan", expected_version=1, actor="a", within=EVERYTHING)
    case = C.transition(engine, case["id"], "berjalan", expected_version=2, actor="a", within=EVERYTHING)
    with pytest.raises(C.TransitionRefused) as err:
        C.transition(engine, case["id"], "selesai", expected_version=3, actor="a", hasil="  ", within=EVERYTHING)
    assert "hasil" in err.value.text("id") and "outcome" in err.value.text("en")
    assert C.get_case(engine, case["id"])["status"] == "berjalan"
    case = C.set_outcome(engine, case["id"], "Target tercapai", expected_version=3, actor="a", within=EVERYTHING)
    done = C.transition(engine, case["id"], "selesai", expected_version=4, actor="a", within=EVERYTHING)
    assert (done["status"], done["hasil"]) == ("selesai", "Target tercapai")


def test_a_cancelled_case_keeps_no_outcome(engine):
    case = _case(engine)
    out = C.transition(engine, case["id"], "dibatalkan", expected_version=1, actor="a", reason="Mutasi", hasil="x",
                       within=EVERYTHING)  # fmt: skip
    assert (out["status"], out["alasan_batal"], out["hasil"]) == ("dibatalkan", "Mutasi", None)


@pytest.mark.parametrize("start_status", ["baru", "dijadwalkan"])
def test_a_first_note_with_start_begins_the_coaching_as_its_own_event(engine, start_status):
    case = _case(engine)
    if start_status == "dijadwalkan":
        case = C.transition(engine, case["id"], "dijadwalkan", expected_version=1, actor="a", within=EVERYTHING)
    v = case["version"]
    out = C.add_session(engine, case["id"], tanggal=dt.date(2026, 11, 2), dibahas="Target", langkah="",
                        expected_version=v, actor="b", within=EVERYTHING, start=True)  # fmt: skip
    assert (out["status"], out["version"]) == ("berjalan", v + 2)
    trail = C.events(engine, case["id"])[-2:]
    assert [(e["event"], e["version"], e["actor"]) for e in trail] == [("status", v + 1, "b"), ("sesi", v + 2, "b")]
    assert trail[0]["before"] == {"status": start_status} and trail[0]["after"] == {"status": "berjalan"}
    # a second note changes no status
    again = C.add_session(engine, case["id"], tanggal=dt.date(2026, 11, 9), dibahas="Lagi", langkah="",
                          expected_version=v + 2, actor="b", within=EVERYTHING, start=True)  # fmt: skip
    assert (again["status"], again["version"]) == ("berjalan", v + 3)


def test_a_note_without_start_leaves_the_status(engine):
    case = _case(engine)
    out = C.add_session(engine, case["id"], tanggal=dt.date(2026, 11, 2), dibahas="Target", langkah="",
                        expected_version=1, actor="b", within=EVERYTHING)  # fmt: skip
    assert (out["status"], out["version"]) == ("baru", 2)


def test_a_change_dated_in_the_past_is_recorded_then_and_the_future_is_refused(engine):
    then = dt.datetime(2025, 3, 4, 2, tzinfo=dt.UTC)
    case = C.open_case(engine, nip="199001012020011001", actor="a", within=EVERYTHING, at=then)
    assert case["opened_at"] == then and C.events(engine, case["id"])[0]["at"] == then
    future = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    with pytest.raises(C.CaseError):
        C.transition(engine, case["id"], "dijadwalkan", expected_version=1, actor="a", within=EVERYTHING, at=future)
    assert C.get_case(engine, case["id"])["version"] == 1


# --- the verdict ---------------------------------------------------------------------------------------------


def _frames(coached: list[float], compared: list[float]) -> tuple[pl.DataFrame, ...]:
    def rows(changes, prefix):
        return pl.DataFrame(
            {"case_id": list(range(len(changes))), "nip": [f"{prefix}{i}" for i in range(len(changes))],
             "kelompok": "Semua", "lokasi": "Jambi", "opd": "Dinas A", "coach_nip": "c", "coach_nama": "C",
             "i_open": 3, "i_close": 4, "hasil_sebelum": 60.0, "hasil_sesudah": [60.0 + d for d in changes],
             "perubahan": changes, "perubahan_predikat": 0.0, "keluar_daftar": True}
        )  # fmt: skip

    mine, comp = rows(coached, "m"), rows(compared, "k")
    every = mine.select("case_id", "kelompok", "lokasi", "opd", "coach_nip", "coach_nama")
    return mine, comp, every.clear(), every


def _plain_interval(a: list[float], b: list[float], z: float) -> tuple[float, float]:
    d = mean(a) - mean(b)
    half = z * math.sqrt(stdev(a) ** 2 / len(a) + stdev(b) ** 2 / len(b))
    return d - half, d + half


@pytest.mark.parametrize(
    ("coached", "compared", "verdict"),
    [
        ([8.0, 10, 12, 9, 11, 10, 13, 7, 10, 10], [1.0, 2, 0, 3, 1, 2, 1, 0, 2, 1], "lebih_baik"),
        ([-3.0, -1, -2, -4, -2, -3, -1, -2, -3, -2], [4.0, 5, 3, 6, 4, 5, 4, 3, 5, 4], "lebih_buruk"),
        ([5.0, -5, 8, -6, 2, -1, 9, -7, 3, 0], [1.0, -2, 4, -3, 0, 2, -1, 3, 1, 0], "tidak_jelas"),
        ([8.0, 10, 12], [1.0, 2, 0, 3, 1, 2, 1, 0, 2, 1], "terlalu_kecil"),
    ],
)
def test_the_verdict_reads_the_interval_of_the_difference(coached, compared, verdict):
    z = NormalDist().inv_cdf(0.975)
    row = effect.effect_by(*_frames(coached, compared), "semua", z, 10).row(0, named=True)
    assert row["kesimpulan"] == verdict
    lo, hi = _plain_interval(coached, compared, z)
    assert row["ci_bawah_selisih"] == pytest.approx(lo) and row["ci_atas_selisih"] == pytest.approx(hi)


# --- the demo's history --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def history(demo_settings, tmp_path_factory):
    """The demo history written twice into fresh databases (to compare) against the small demo warehouse."""
    made = []
    for n in range(2):
        e = open_app_db(f"sqlite:///{tmp_path_factory.mktemp(f'hist{n}') / 'app.db'}")
        with duckdb.connect(str(demo_settings.warehouse), read_only=True) as con:
            written = seed_history(e, con, CFG, now=NOW)
            again = seed_history(e, con, CFG, now=NOW)
        made.append((e, written, again))
    yield made
    for e, *_ in made:
        e.dispose()


def _story(engine) -> list[tuple]:
    frame = views.case_frame(engine)
    trail = [(e["event"], e["version"], e["at"], e["after"]) for i in frame["id"] for e in C.events(engine, i)]
    return [*frame.drop("id").rows(), *trail]


def test_the_history_is_written_once_and_the_same_every_time(history):
    (e1, n1, again1), (e2, n2, _) = history
    assert n1 > 20 and again1 == 0  # a second call adds nothing
    assert n1 == n2 == views.case_frame(e1).height
    assert _story(e1) == _story(e2)


def test_the_history_tells_whole_stories(history):
    engine = history[0][0]
    frame = views.case_frame(engine)
    counts = dict(frame.group_by("status").len().iter_rows())
    assert counts["selesai"] >= 20 and {"baru", "dijadwalkan", "berjalan"} <= set(counts)
    for case in frame.iter_rows(named=True):
        trail = C.events(engine, case["id"])
        assert [e["version"] for e in trail] == list(range(1, case["version"] + 1))  # every change an event
        assert all(a["at"] <= b["at"] for a, b in zip(trail, trail[1:], strict=False)) and trail[-1]["at"] < NOW
        if case["status"] == "selesai":
            assert case["hasil"] and case["n_sesi"] >= 1 and case["coach_nip"]
            assert [e["after"]["status"] for e in trail if e["event"] == "status"][-2:] == ["berjalan", "selesai"]
        if case["status"] == "dibatalkan":
            assert case["alasan_batal"] and not case["hasil"]


def test_each_outcome_follows_the_scores_before_and_during_coaching(history, demo_settings):
    engine = history[0][0]
    periods = query(demo_settings, "SELECT periode_mulai::DATE AS d FROM dim_periode ORDER BY 1")["d"].to_list()
    closed = views.case_frame(engine).filter(pl.col("status") == "selesai")
    words = {"Membaik": 0, "Belum membaik": 0, "Tidak membaik": 0}
    for case in closed.iter_rows(named=True):
        i_open = max(i for i, d in enumerate(periods) if d <= case["opened_at"].astimezone(WIB).date())
        i_close = max(i for i, d in enumerate(periods) if d <= case["closed_at"].astimezone(WIB).date())

        def avg(lo, hi, nip=case["nip"]):
            sql = """SELECT avg(hasil_kerja) FROM fct_riwayat_pegawai WHERE nip = $n
                     AND periode_mulai::DATE >= $a AND periode_mulai::DATE <= $b"""
            return query(demo_settings, sql, {"n": nip, "a": periods[lo], "b": periods[hi]}).item()

        before, during = avg(i_open - 3, i_open - 1), avg(i_open, i_close - 1) if i_close > i_open else None
        if before is None or during is None:
            assert case["hasil"].startswith("Pembinaan selesai")
            continue
        said = next(w for w in words if case["hasil"].startswith(w))
        words[said] += 1
        expect = "Membaik" if during - before >= 5 else ("Belum membaik" if during - before > -5 else "Tidak membaik")
        assert said == expect, (case["hasil"], before, during)
        assert f"{during:.1f}".replace(".", ",") in case["hasil"]
    assert words["Membaik"] and (words["Belum membaik"] + words["Tidak membaik"])  # some improved, some not


def test_the_history_gives_the_effect_table_figures_and_keeps_to_each_scope(history, demo_settings):
    engine = history[0][0]
    with duckdb.connect(str(demo_settings.warehouse), read_only=True) as con:
        eff = read.effectiveness(engine, con, Scope(), demo_settings)
        assert eff["semua"].row(0, named=True)["n"] >= 10
        assert eff["opd"]["n"].max() >= 5
        jambi = read.cases(engine, con, Scope(lokasi=("Jambi",)))
    nips = jambi["nip"].to_list()
    where = query(demo_settings, "SELECT DISTINCT lokasi FROM dim_pegawai WHERE list_contains($n, nip)", {"n": nips})
    assert set(where["lokasi"]) <= {"Jambi"} and 0 < jambi.height < views.case_frame(engine).height


# --- the page --------------------------------------------------------------------------------------------------


@pytest.fixture()
def app(demo_settings, monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("KINERJA_APP_DB", url)
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(demo_settings.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(demo_settings.staging))
    (tmp_path / "s.toml").write_text("[kasus]\ndemo_history = false\n")
    monkeypatch.setenv("KINERJA_SETTINGS", str(tmp_path / "s.toml"))
    from ui.data import settings

    settings.clear()

    def make(page: str, params: dict | None = None, **state) -> AppTest:
        at = AppTest.from_file(HARNESS, default_timeout=90)
        at.session_state["_page"] = page
        for k, v in state.items():
            at.session_state[k] = v
        for k, v in (params or {}).items():
            at.query_params[k] = v
        at.run()
        assert not at.exception, at.exception
        return at

    make.engine = lambda: open_app_db(url)
    yield make
    settings.clear()


def _listed_nip(demo_settings) -> str:
    last = query(demo_settings, "SELECT max(periode) FROM mart_pembinaan").item()
    sql = "SELECT m.nip FROM mart_pembinaan m JOIN dim_pegawai d USING (nip) WHERE periode = $p AND d.nip_atasan IS NOT NULL"
    return query(demo_settings, sql + " ORDER BY urgensi DESC LIMIT 1", {"p": last}).item()


def _buttons(at) -> dict[str, str]:
    return {b.label: b.proto.type for b in at.button}


def _texts(at) -> str:
    return " ".join(x.value for x in [*at.info, *at.success, *at.warning, *at.caption, *at.markdown])


def test_each_stage_offers_one_next_step_and_only_its_fields(app, demo_settings):
    nip = _listed_nip(demo_settings)
    at = app("kasus", {"nip": nip}, _principal=ANI)
    next(b for b in at.button if b.label == "Buka kasus").click().run()
    assert not at.exception, at.exception
    text = _texts(at)
    assert "dibuka untuk" in text and "sudah memiliki kasus terbuka" not in text  # no contradiction
    cid = views.case_frame(app.engine())["id"].item()
    buttons = _buttons(at)
    assert [k for k, v in buttons.items() if v == "primary"] == ["Tandai sudah dijadwalkan"]
    keys = {w.key for w in [*at.text_area, *at.text_input]}
    assert f"kasus_outcome_{cid}" not in keys  # no outcome before coaching began
    assert "Baru (sekarang)" in text and "Langkah berikut" in text

    next(b for b in at.button if b.label == "Tandai sudah dijadwalkan").click().run()
    assert [k for k, v in _buttons(at).items() if v == "primary"] == ["Simpan catatan sesi"]
    at.text_area(key=f"kasus_disc_{cid}").input("Target bulan ini")
    next(b for b in at.button if b.label == "Simpan catatan sesi").click().run()
    assert C.get_case(app.engine(), cid)["status"] == "berjalan"
    assert [k for k, v in _buttons(at).items() if v == "primary"] == ["Selesaikan kasus"]
    assert f"kasus_outcome_{cid}" in {w.key for w in at.text_area}
    next(b for b in at.button if b.label == "Selesaikan kasus").click().run()  # no outcome written
    assert any("hasil pembinaan" in e.value for e in at.error)
    at.text_area(key=f"kasus_outcome_{cid}").input("Target tercapai")
    next(b for b in at.button if b.label == "Selesaikan kasus").click().run()
    assert C.get_case(app.engine(), cid)["status"] == "selesai"

    # the same person again: their closed case, and opening another is folded and secondary
    at = app("kasus", {"nip": nip}, _principal=ANI)
    assert "pernah dibina" in _texts(at) and f"Kasus #{cid} ditampilkan di atas." in _texts(at)  # drawn once, above
    assert "primary" not in _buttons(at).values()
    assert any(e.label.startswith("Buka kasus baru untuk") for e in at.expander)
    assert at.selectbox(key="kasus_pick").value == cid


def test_the_effect_tab_says_its_result_in_words(app, demo_settings):
    with duckdb.connect(str(demo_settings.warehouse), read_only=True) as con:
        assert seed_history(app.engine(), con, CFG) > 0
    for lang, words in (("Bahasa Indonesia", "kasus selesai dinilai"), ("English", "closed cases judged")):
        at = app("kasus", _principal=ANI, kasus_tab="Apakah berhasil?" if lang != "English" else "Did it work?",
                 lang=lang)  # fmt: skip
        assert words in " ".join(m.value for m in at.markdown)
        grid = at.dataframe[0].value
        head = ["OPD", "Lokasi", "Dibanding pembanding"] if lang != "English" else ["OPD", "Place", "Versus comparison"]
        assert list(grid.columns[:3]) == head
        assert grid.iloc[:, 2].str.len().min() > 7  # words, not a mark
