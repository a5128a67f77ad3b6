"""Issue 19, what the Data page shows: the load history and rejects of the admin's own places only, and sizes
that once broke it (a file of tens of thousands of rejected rows, an upload over the limit), through the real
pipeline and the real page (AppTest)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from appdb.principal import Principal
from pipelines.intake.prepare import ReadOptions
from pipelines.load.transaction import load_files
from tests.conftest import make_settings
from tests.helpers import NIPS, pegawai, query
from ui import fmt
from warehouse import queries as Q
from warehouse.db import Scope, connect

HARNESS = str(Path(__file__).with_name("app_page.py"))
JAMBI, BANGKO = NIPS[:5], NIPS[5:]


def _capaian(nips: list[str], value: str = "100") -> bytes:
    head = "NIP;Periode;Indikator;Target;Realisasi;Bobot"
    return ("\n".join([head, *(f"{n};2026-01;Layanan;100;{value};100" for n in nips)]) + "\n").encode()


def _admin(*places: str) -> Principal:
    return Principal(f"admin-{'-'.join(places).lower()}", "admin", "Admin", tuple(places))


@pytest.fixture(scope="module")
def two_places(tmp_path_factory):
    """A roster loaded from the command line, then one upload by a Bangko admin and one by a Jambi admin, each
    with a rejected value that names its place."""
    s = make_settings(tmp_path_factory.mktemp("hostile_wh"))
    roster = pegawai(JAMBI, "Jambi").decode() + pegawai(BANGKO, "Bangko").decode().split("\n", 1)[1]
    assert load_files([("pegawai.csv", roster.encode())], s).exit_code == 0
    for place, nips in (("Bangko", BANGKO), ("Jambi", JAMBI)):
        data = _capaian(nips[:-1]) + f"{nips[-1]};2026-01;Layanan;100;RAHASIA-{place.upper()};100\n".encode()
        report = load_files([(f"capaian_{place.lower()}.csv", data)], s, opts=ReadOptions(places=(place,)))
        assert report.exit_code == 1
    return s


@pytest.fixture()
def page(monkeypatch, tmp_path):
    def make(s, principal: Principal, overrides: str = "", upload: tuple | None = None, staging=None) -> AppTest:
        monkeypatch.setenv("KINERJA_APP_DB", f"sqlite:///{tmp_path / 'app.db'}")
        monkeypatch.setenv("KINERJA_WAREHOUSE", str(s.warehouse))
        monkeypatch.setenv("KINERJA_STAGING", str(staging or s.staging))
        if overrides:
            (tmp_path / "settings.toml").write_text(overrides, encoding="utf-8")
            monkeypatch.setenv("KINERJA_SETTINGS", str(tmp_path / "settings.toml"))
        from ui.data import settings

        settings.clear()
        at = AppTest.from_file(HARNESS, default_timeout=120)
        at.session_state["_page"] = "data"
        at.session_state["_principal"] = principal
        at.run()
        if upload is not None:
            at.file_uploader(key="upload_files").set_value(upload).run()
        assert not at.exception, at.exception
        return at

    yield make
    from ui.data import settings

    settings.clear()


def _shown(at) -> str:
    return " ".join(str(d.value.to_dict()) for d in at.dataframe) + " ".join(c.value for c in at.caption)


def test_load_history_and_rejects_hold_only_the_admins_places(two_places, page):
    """Attack 11 of issue 19: the Data page's history and rejects showed every place's files and values."""
    bangko = _shown(page(two_places, _admin("Bangko")))
    assert "capaian_bangko.csv" in bangko and "RAHASIA-BANGKO" in bangko
    assert "capaian_jambi.csv" not in bangko and "RAHASIA-JAMBI" not in bangko
    assert "pegawai.csv" not in bangko  # a command-line load may hold any place's rows: every place's admin only
    both = _shown(page(two_places, _admin("Bangko", "Jambi")))
    assert "RAHASIA-JAMBI" in both and "RAHASIA-BANGKO" in both


def test_loads_seen_fail_closed_for_every_narrower_scope(two_places):
    con = connect(str(two_places.warehouse))
    files = lambda scope: set(Q.loads_seen(con, scope)["berkas"])  # noqa: E731
    everything = {"pegawai.csv", "capaian_bangko.csv", "capaian_jambi.csv"}
    assert files(Scope()) == everything == files(Scope(lokasi=("Bangko", "Jambi", "Belawan", "Rakumpit")))
    assert files(Scope(lokasi=("Bangko",))) == {"capaian_bangko.csv"}
    for narrower in (Scope(atasan=BANGKO[0]), Scope(lokasi=("Bangko",), opd=("Disdukcapil",)), Scope.nothing(),
                     Scope(lokasi=("Bangko", "Jambi"), aggregate_only=True, min_group=5)):  # fmt: skip
        assert files(narrower) == set() and Q.rejects_seen(con, narrower).is_empty(), narrower
    assert set(Q.rejects_seen(con, Scope(lokasi=("Jambi",)))["nilai"]) == {"RAHASIA-JAMBI"}


def test_a_file_of_tens_of_thousands_of_rejected_rows_is_capped_and_the_page_stands(page, tmp_path):
    """Attack 10 of issue 19: a refused file's million rejected rows were kept and the Data page then crashed."""
    s = make_settings(tmp_path / "wh", **{"muat.rejects_kept": 10_000})
    roster = pegawai(JAMBI, "Jambi")
    assert load_files([("pegawai.csv", roster)], s).exit_code == 0
    n = 40_000
    bad = "NIP;Periode;Indikator;Target;Realisasi;Bobot\n" + "".join(
        f"{JAMBI[0]};2026-01;I{i};100;x{'y' * 300};100\n" for i in range(n)
    )
    report = load_files([("capaian_jambi.csv", bad.encode())], s, opts=ReadOptions(places=("Jambi",)))
    assert report.exit_code == 2 and report.files[0].ditolak == n
    # the rows rejected and how many rejections the file had are stated, beside how many are kept
    assert f"Semua {n} baris ditolak" in report.files[0].pesan and "Hanya 10.000 catatan" in report.files[0].pesan
    assert "Only the first 10,000 rejections are kept (of 80,000)" in report.files[0].message
    kept = query(s, "SELECT count(*) FROM rejects").item()
    assert kept == 10_000 and query(s, "SELECT ditolak FROM load_log WHERE berkas = 'capaian_jambi.csv'").item() == n
    at = page(s, _admin("Jambi"))
    grid = next(d.value for d in at.dataframe if "Nilai" in d.value.columns)
    assert len(grid) == 2000  # [muat] rejects_shown
    assert grid["Nilai"].str.len().max() <= 201  # a long value is cut for the screen
    captions = " ".join(c.value for c in at.caption)
    assert "40.000" in captions and "10.000" in captions  # how many there were, and how many are kept


def test_an_upload_over_the_limit_is_refused_before_it_is_read(two_places, page):
    big = _capaian(JAMBI * 400)  # about 20 kB
    at = page(two_places, _admin("Jambi"), "[muat]\nmax_upload_mb = 0.01\n", upload=("capaian_jambi_2.csv", big, "text/csv"))
    said = [e.value for e in at.error]  # the Markdown source: the file name escaped (ui.fmt.md)
    assert said == [f"{fmt.md('capaian_jambi_2.csv')} (0,1 MB) melebihi batas unggahan 0,01 MB dan tidak dibaca."]
    assert not [b for b in at.button if b.key == "load_btn"]  # nothing left to load


def test_a_load_that_fails_on_the_server_shows_no_server_path(two_places, page, tmp_path):
    """A fault during an upload (here the staging folder cannot be made: a file stands where it should be) is
    said with a reference number; the folder and the system's error text stay in the server log."""
    blocked = tmp_path / "blocked"
    blocked.write_text("not a folder", encoding="utf-8")
    staging = blocked / "staging"
    at = page(two_places, _admin("Jambi"), upload=("capaian_jambi_3.csv", _capaian(JAMBI), "text/csv"), staging=staging)
    next(b for b in at.button if b.key == "load_btn").click().run()
    assert not at.exception, at.exception
    said = " ".join(e.value for e in at.error)
    assert "Nomor rujukan" in said and "data sebelumnya tetap utuh" in said
    assert str(tmp_path) not in said and "Errno" not in said and "blocked" not in said
