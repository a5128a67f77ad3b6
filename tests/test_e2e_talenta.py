"""End-to-end in headless Chromium: the Kepatuhan SKP and Talenta pages against `streamlit run`, their downloads
read back and compared with the marts."""

from __future__ import annotations

import io
from pathlib import Path

import polars as pl
import pytest

from tests.helpers import query
from tests.test_e2e import _open, server  # noqa: F401  (the shared server fixture)

pytestmark = pytest.mark.browser


def _csv(page, key: str) -> pl.DataFrame:
    button = page.locator(f".st-key-csv_{key}").get_by_role("button", name="Unduh CSV")
    button.wait_for(timeout=120_000)
    with page.expect_download() as info:
        button.click()
    text = Path(info.value.path()).read_bytes().decode("utf-8-sig")
    return pl.read_csv(io.StringIO(text), separator=";", decimal_comma=True)


def test_compliance_download_per_opd_matches_the_mart_for_the_chosen_place(server, browser, demo_settings):  # noqa: F811
    page = _open(browser, f"{server}/kepatuhan?lokasi=Jambi")
    got = _csv(page, "kepatuhan_opd")
    last = query(demo_settings, "SELECT max(periode) FROM fct_kepatuhan").item()
    want = query(
        demo_settings,
        "SELECT opd, count(*) FILTER (WHERE NOT dikecualikan) AS n FROM fct_kepatuhan "
        "WHERE periode = $p AND lokasi = 'Jambi' GROUP BY opd ORDER BY opd",
        {"p": last},
    )
    assert set(got["Lokasi"]) == {"Jambi"}
    assert sorted(zip(got["OPD"], got["Wajib SKP"], strict=True)) == sorted(want.rows())
    page.close()


def test_talent_grid_and_people_download_agree_with_the_mart(server, browser, demo_settings):  # noqa: F811
    page = _open(browser, f"{server}/talenta")
    page.get_by_text("Kotak 9", exact=False).first.wait_for(timeout=120_000)
    year = query(demo_settings, "SELECT max(tahun) FROM fct_talenta").item()
    n9 = query(demo_settings, "SELECT count(*) FROM fct_talenta WHERE tahun = $y AND kotak = 9", {"y": year}).item()
    people = _csv(page, "talenta_kotak")  # the box chosen first is the highest one present: 9 in the demo
    assert people.height == n9
    page.close()
