"""Issue 19 in a real browser against `streamlit run`: what a page shows when it fails (a reference number,
never a traceback or a server path), and text from files drawn as text (no Markdown, no HTML, no request)."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import duckdb
import pytest

from tests.browser import TEST_ADMIN, open_signed_in, serve_with_accounts, sign_in_if_asked, wait_rendered
from tests.conftest import make_settings
from warehouse.db import current_file


@contextlib.contextmanager
def connect_ro(settings):
    """A read-only connection to a test warehouse."""
    con = duckdb.connect(current_file(settings.warehouse), read_only=True)
    try:
        yield con
    finally:
        con.close()


pytestmark = pytest.mark.browser


def _copy(demo_settings, tmp: Path):
    """A copy of the demo warehouse (one file) with settings pointing at it and at the demo's staging."""
    s = make_settings(tmp)
    shutil.copy(current_file(demo_settings.warehouse), s.warehouse)
    s.raw["paths"]["staging"] = str(demo_settings.staging)
    return s


def test_a_failing_page_shows_a_reference_number_and_logs_the_details(demo_settings, browser, tmp_path):
    """Attack 10/11 of issue 19: a failing page showed users a raw traceback with server paths."""
    s = _copy(demo_settings, tmp_path)
    with duckdb.connect(str(s.warehouse)) as con:  # the tables Ringkasan's scores read go missing: its query fails
        con.execute("DROP TABLE agg_kinerja")
        con.execute("DROP TABLE agg_kinerja_opd")  # (the cube a view by place, OPD and period reads)
    log = tmp_path / "server.log"
    with serve_with_accounts(s, [TEST_ADMIN], log=log) as (url, _db):
        page = open_signed_in(browser, url, TEST_ADMIN["username"])
        page.wait_for_selector("[data-testid='stAlertContentError']", timeout=120_000)
        text = page.locator("[data-testid='stMain']").inner_text()
        page.close()
    assert "Nomor rujukan" in text
    ref = text.split("Nomor rujukan: ", 1)[1][:8]
    for leak in ("Traceback", "agg_kinerja", "QueryError", "Catalog", ".py", str(Path.cwd()), "/tmp", 'File "'):
        assert leak not in text, leak
    server_log = log.read_text(encoding="utf-8", errors="replace")
    assert f"Error reference {ref}" in server_log and "agg_kinerja" in server_log and "Traceback" in server_log


class _Beacon:
    """A tiny HTTP server on 127.0.0.1 that counts every request it gets (what a rendered image or a
    followed link in a name would fetch)."""

    def __init__(self) -> None:
        import http.server
        import threading

        hits = self.hits = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
                hits.append(self.path)
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()


def _hostile(port: int) -> dict[str, str]:
    """Names, an OPD, a unit and a comment written as Markdown and HTML that would load, link or style."""
    at = f"http://127.0.0.1:{port}"
    return {
        "image": f"![x]({at}/beacon.png)",
        "styled": f":red[Merah] <img src='{at}/img.png'> $x^2$",
        "link": f"[tautan]({at}/link) **tebal** :material/home:",
        "opd": f"Dinas :blue[Biru] ![o]({at}/opd.png)",
        "unit": f"Bidang <b>Tebal</b> {at}/unit",
        "comment": f"Pelayanan ![c]({at}/comment.png) :red[lambat]",
    }


@pytest.fixture(scope="module")
def hostile_warehouse(tmp_path_factory):
    """A demo-shaped warehouse whose names, one OPD's name, units and survey comments are hostile markup,
    loaded by the real pipeline; with the beacon they point at."""
    import polars as pl

    from pipelines.demo.files import write_demo_files
    from pipelines.demo.generate import generate
    from pipelines.load.transaction import load_paths

    beacon = _Beacon()
    bad = _hostile(beacon.port)
    data = generate(employees=160, periods=3, seed=7)
    peg = data.pegawai
    names = [bad["image"], bad["styled"], bad["link"]]
    i = pl.int_range(pl.len())
    first_opd = peg.filter(pl.col("lokasi") == "Jambi")["opd"][0]
    peg = peg.with_columns(
        pl.when(i % 3 == 0)
        .then(pl.lit(names[0]))
        .when(i % 3 == 1)
        .then(pl.lit(names[1]))
        .otherwise(pl.lit(names[2]))
        .alias("nama"),
        pl.when(pl.col("opd") == first_opd).then(pl.lit(bad["opd"])).otherwise(pl.col("opd")).alias("opd"),
        (pl.col("unit_kerja") + " " + pl.lit(bad["unit"])).alias("unit_kerja"),
    )
    skm = data.skm.with_columns(
        pl.when(pl.col("opd") == first_opd).then(pl.lit(bad["opd"])).otherwise(pl.col("opd")).alias("opd"),
        pl.lit(bad["comment"]).alias("kritik_saran"),
    )
    s = make_settings(tmp_path_factory.mktemp("hostile"))
    data = type(data)(peg, data.capaian, data.perilaku, data.evaluasi, skm)
    assert load_paths(write_demo_files(data, s.path("demo_inputs")), s).exit_code in (0, 1)
    yield s, beacon, bad
    beacon.close()


def _visible(page) -> str:
    """The main area's text as a reader sees it (the word joiners that keep addresses unlinked are invisible)."""
    return page.locator("[data-testid='stMain']").inner_text().replace("\u2060", "")


def test_names_from_files_are_text_on_every_page(hostile_warehouse, browser):
    """Attack 9 of issue 19: a name written as a Markdown image made every viewer's browser fetch it; ':red[…]'
    styled. Every page that shows names, OPDs, units or comments is opened; nothing reaches the beacon, no
    image, link or colour is made of them, and the profile heading shows the name exactly as written."""
    import polars as pl

    from appdb.engine import make_engine
    from coaching import cases
    from coaching.scope import Within
    from ui.page import address

    s, beacon, bad = hostile_warehouse
    with connect_ro(s) as con:
        nip = con.execute("SELECT nip FROM dim_pegawai WHERE nama = $n LIMIT 1", {"n": bad["image"]}).fetchone()[0]
        listed = con.execute("SELECT nip FROM mart_pembinaan LIMIT 1").fetchone()
    with serve_with_accounts(s, [TEST_ADMIN]) as (url, db):
        engine = make_engine(db)
        case = cases.open_case(
            engine, nip=nip, actor="uji", within=Within.everything(), nama=bad["image"], fokus=[bad["styled"]],
            coach_nama=bad["link"], rencana=[{"aksi": bad["comment"], "tanggal": "2026-12-01"}],
        )  # fmt: skip
        engine.dispose()
        page = open_signed_in(browser, url, TEST_ADMIN["username"])
        pages = [
            "", address("page_skor"), address("page_tren"), address("page_bandingkan"), address("page_umpan_balik"),
            address("page_pembinaan"), f"{address('page_kasus')}?kasus={case['id']}", f"{address('page_kasus')}?nip={listed[0]}",
            address("page_penghargaan"), f"{address('page_profil')}?nip={nip}", address("page_data"),
        ]  # fmt: skip
        seen = {}
        for path in pages:
            page.goto(f"{url}/{path}")
            sign_in_if_asked(page)  # a page opened by address may ask again
            wait_rendered(page)
            main = page.locator("[data-testid='stMain']")
            at = f"127.0.0.1:{beacon.port}"  # (a heading's own anchor, '#…-44589-beacon-png', is not a link out)
            made = main.locator(f"img[src*='{at}'], a[href*='{at}'], image[href*='{at}']").count()
            assert made == 0, path
            assert main.locator(".katex").count() == 0, path  # $x^2$ is not typeset
            seen[path] = _visible(page)
        page.close()
    assert beacon.hits == [], beacon.hits
    profile = seen[f"{address('page_profil')}?nip={nip}"]
    assert bad["image"] in profile  # the heading: the name exactly as written
    case_text = seen[f"{address('page_kasus')}?kasus={case['id']}"]
    assert bad["styled"] in case_text and bad["link"] in case_text and bad["comment"] in case_text
    assert any(bad["opd"] in text for text in seen.values())
    assert pl.Series(list(seen.values())).str.contains(":red[Merah]", literal=True).any()


def test_the_deployed_server_sends_security_headers_and_no_anonymous_metrics(demo_settings, browser, tmp_path):
    """Attack 11 of issue 19: /_stcore/metrics answered anyone, and no page said it may not be framed. `make run`
    serves serve.py: Streamlit's own server with ui.hardening in front; the dashboard works the same behind it."""
    import urllib.error
    import urllib.request

    from tests.browser import ROOT, make_app_db, serve, sign_in_if_asked

    db = make_app_db(tmp_path, [TEST_ADMIN])
    with serve(demo_settings.warehouse, demo_settings.staging, script=ROOT / "serve.py", env={"KINERJA_APP_DB": db}) as (url, _p):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{url}/_stcore/metrics", timeout=30)
        assert refused.value.code == 404 and refused.value.read() == b""
        for path in ("/", "/skor", "/_stcore/health"):
            with urllib.request.urlopen(f"{url}{path}", timeout=30) as answer:
                assert answer.headers["Content-Security-Policy"] == "frame-ancestors 'none'", path
                assert answer.headers["X-Frame-Options"] == "DENY", path
                assert "Strict-Transport-Security" not in answer.headers  # plain HTTP here: HSTS only over TLS
        page = browser.new_page()
        page.goto(f"{url}/skor")
        sign_in_if_asked(page)
        assert page.locator("h1").first.inner_text().strip() == "Skor"
        page.close()


def test_grids_offer_no_download_of_their_own(demo_settings, browser):
    """Attack 11 of issue 19: a grid's toolbar offered 'Download as CSV' of personal-data tables, around the
    logged downloads. The toolbar (English only, its CSV download unlogged and unguarded) is not shown at all;
    the logged downloads below the grid are the way out."""
    from tests.browser import serve_with_accounts

    with serve_with_accounts(demo_settings, [TEST_ADMIN]) as (url, _db):
        page = open_signed_in(browser, f"{url}/pembinaan", TEST_ADMIN["username"])
        grid = page.locator("[data-testid='stDataFrame']").first
        grid.wait_for(timeout=60_000)
        grid.hover()
        page.wait_for_timeout(500)
        toolbars = page.locator("[data-testid='stElementToolbar']")
        shown = [i for i in range(toolbars.count()) if toolbars.nth(i).is_visible()]
        assert shown == [], f"{len(shown)} grid toolbars visible"
        assert page.get_by_role("button", name="Download as CSV").count() == 0
        assert page.get_by_role("button", name="Unduh CSV").count() >= 1  # the logged download stays
        page.close()
