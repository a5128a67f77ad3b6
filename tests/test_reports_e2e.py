"""End-to-end in headless Chromium: an admin presses "Unduh laporan (PDF)" on Penghargaan, an aggregate viewer
(who has no Penghargaan page) on Ringkasan; the files open, carry their page's title and place, only the admin's
names anyone; both downloads are in the access log."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from appdb import access
from appdb.engine import make_engine
from tests.browser import ARGS, CHROMIUM, PASSWORD, open_signed_in, serve_with_accounts, wait_rendered
from warehouse import queries
from warehouse.db import Filters, Scope, connect

pytestmark = pytest.mark.browser

ACCOUNTS = [
    {"username": "e2e-admin", "role": "admin", "lokasi": ("Jambi",)},
    {"username": "e2e-pantau", "role": "agregat", "lokasi": ("Jambi",)},
]


def test_the_pdf_download_follows_the_reader(demo_settings):
    from playwright.sync_api import sync_playwright

    con = connect(str(demo_settings.warehouse))
    names = set(queries.recognition_list(con, Filters(lokasi=("Jambi",)), Scope(), limit=None)["nama"])
    con.close()
    texts = {}
    with serve_with_accounts(demo_settings, ACCOUNTS) as (base, db), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for user, path in (("e2e-admin", "penghargaan"), ("e2e-pantau", "")):
            page = open_signed_in(browser, f"{base}/{path}", user, PASSWORD)
            wait_rendered(page)
            with page.expect_download(timeout=120_000) as dl:
                page.get_by_role("button", name="Unduh laporan (PDF)").click()
            pdf = Path(dl.value.path()).read_bytes()
            texts[user] = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages)
            page.close()
        browser.close()
        engine = make_engine(db)
        logged = {r["username"] for r in access.entries(engine, events=("download",)) if r["detail"]["file"].endswith(".pdf")}
        engine.dispose()
    assert logged == {"e2e-admin", "e2e-pantau"}
    assert "Laporan Penghargaan" in texts["e2e-admin"] and "Laporan Ringkasan Kinerja" in texts["e2e-pantau"]
    for text in texts.values():
        assert "Jambi" in text and "Halaman 1 dari" in text
    assert [n for n in names if n in texts["e2e-admin"]]
    assert not [n for n in names if n in texts["e2e-pantau"]]
