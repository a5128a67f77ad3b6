"""End-to-end in headless Chromium: open a coaching case from the coaching list, add a session, close it, and
find it in the per-OPD view's download."""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl
import pytest

from appdb.engine import make_engine
from coaching import cases as C
from coaching import views
from tests.browser import edit_grid_cell
from tests.helpers import query
from tests.test_e2e import ADMIN, _open, _serve

pytestmark = pytest.mark.browser


def _wait_text(page, text: str) -> None:
    page.get_by_text(text, exact=False).first.wait_for(timeout=120_000)


def _edit_plan(page) -> None:
    """Open the case's edit form, name another coach and rewrite the first step of the plan, then save."""
    page.get_by_text("Ubah fokus, pembina, batas waktu atau rencana").click()
    form = page.locator("[data-testid='stForm']").filter(has=page.get_by_role("button", name="Simpan perubahan"))
    form.get_by_label("Pembina (nama)").fill("Bu Pembina Baru")
    grid = form.locator("[data-testid='stDataFrame']")
    grid.scroll_into_view_if_needed()
    step = "Dialog kinerja bulan depan"
    shown = grid.locator("table").get_by_text(step, exact=True)  # the grid's accessible copy of its cells
    # the first step's action (35 px header and rows)
    edit_grid_cell(page, grid, {"x": 120, "y": 35 + 17}, step, lambda: shown.wait_for(state="attached", timeout=10_000))
    form.get_by_role("button", name="Simpan perubahan").click()


def test_open_a_case_from_the_list_add_a_session_close_it_and_see_it_per_opd(demo_settings, browser, tmp_path, monkeypatch):  # noqa: F811
    app_db = tmp_path / "app.db"
    # an empty case list (the demo's history is tested in tests/test_kasus_workflow.py)
    (tmp_path / "no_history.toml").write_text("[kasus]\ndemo_history = false\n")
    monkeypatch.setenv("KINERJA_SETTINGS", str(tmp_path / "no_history.toml"))
    with _serve(demo_settings, app_db) as url:
        page = _open(browser, f"{url}/pembinaan")
        page.get_by_role("link", name="Buka kasus").last.click()
        page.get_by_role("button", name="Buka kasus", exact=True).wait_for(timeout=120_000)
        assert "/kasus" in page.url and "nip=" in page.url
        page.get_by_role("button", name="Buka kasus", exact=True).click()
        _wait_text(page, "dibuka untuk")
        _wait_text(page, "versi 1")
        page.get_by_label("Yang dibahas").fill("Target layanan dan hambatan dibahas")
        page.get_by_label("Langkah berikut yang disepakati").fill("Pendampingan mingguan")
        page.get_by_role("button", name="Simpan catatan sesi").click()
        _wait_text(page, "versi 3")  # the first note also starts the coaching (its own status event)
        _wait_text(page, "Berjalan (sekarang)")
        _edit_plan(page)
        _wait_text(page, "versi 4")
        page.get_by_label("Hasil pembinaan").fill("Capaian kembali ke target")
        page.get_by_role("button", name="Selesaikan kasus").click()
        _wait_text(page, "versi 5")
        assert page.locator("[data-testid='stException']").count() == 0
        page.get_by_role("tab", name="Per OPD").click()
        button = page.locator(".st-key-csv_kasus_opd").get_by_role("button", name="Unduh CSV")
        button.wait_for(timeout=120_000)
        with page.expect_download() as info:
            button.click()
        text = Path(info.value.path()).read_bytes().decode("utf-8-sig")
        page.close()
    per_opd = pl.read_csv(io.StringIO(text), separator=";", decimal_comma=True)
    engine = make_engine(f"sqlite:///{app_db}")
    case = views.case_frame(engine).row(0, named=True)
    assert case["status"] == "selesai" and case["n_sesi"] == 1
    assert [e["actor"] for e in C.events(engine, case["id"])] == [ADMIN["username"]] * 5  # the signed-in user
    changed = C.get_case(engine, case["id"])
    assert changed["coach_nama"] == "Bu Pembina Baru" and changed["rencana"][0]["aksi"] == "Dialog kinerja bulan depan"
    engine.dispose()
    opd = query(demo_settings, "SELECT lokasi, opd FROM dim_pegawai WHERE nip = $n", {"n": case["nip"]}).row(0)
    done = per_opd.filter(pl.col("Selesai") > 0)
    assert done.select("Lokasi", "OPD", "Selesai").rows() == [(*opd, 1)]
