"""Issue 20 in headless Chromium: names are never merged across places. The demo holds 'Dinas Kesehatan' in every
place, 'Bidang Bina Marga' as a unit of three places' Dinas PUPR, and 'UPTD Pengujian Kendaraan Bermotor' as a
service unit of Bangko and of Jambi. What the browser receives (the sidebar's options, the charts' traces, the
survey page's unit choice) keeps each place's one apart, labelled with its place."""

from __future__ import annotations

import json

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.browser import TEST_ADMIN, serve_with_accounts, sign_in_if_asked, wait_rendered
from tests.helpers import query

pytestmark = pytest.mark.browser

OPD = "Dinas Kesehatan"
UNIT = "Bidang Bina Marga"
SERVICE = "UPTD Pengujian Kendaraan Bermotor"


def _elements(frames: list) -> list:
    """The new elements (widgets, charts) in the messages the browser received, in order."""
    out = []
    for payload in frames:
        if not isinstance(payload, bytes):
            continue
        msg = ForwardMsg()
        msg.ParseFromString(payload)
        if msg.WhichOneof("type") == "delta" and msg.delta.WhichOneof("type") == "new_element":
            out.append(msg.delta.new_element)
    return out


def _open(browser, url: str) -> tuple[object, list]:
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    frames: list = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(payload)))
    page.goto(url)
    sign_in_if_asked(page, TEST_ADMIN["username"])
    wait_rendered(page)
    return page, frames


def _multiselect_options(elements, label: str) -> list[str]:
    """The options a multiselect of this label offers, as the browser shows them (format_func applied)."""
    found = [e.multiselect for e in elements if e.WhichOneof("type") == "multiselect" and e.multiselect.label == label]
    assert found, f"no multiselect '{label}' received"
    return list(found[-1].options)


def test_same_names_in_two_places_stay_two_in_the_browser(demo_settings, browser):
    homes = query(demo_settings, "SELECT DISTINCT lokasi FROM dim_filter WHERE opd = $o ORDER BY 1", {"o": OPD})
    opd_places = homes["lokasi"].to_list()
    units = query(demo_settings, "SELECT DISTINCT lokasi, opd FROM dim_filter WHERE unit_kerja = $u", {"u": UNIT}).rows()
    services = query(demo_settings, "SELECT DISTINCT lokasi FROM fct_ikm WHERE unit_layanan = $u ORDER BY 1", {"u": SERVICE})[
        "lokasi"
    ].to_list()
    assert len(opd_places) >= 2 and len(units) >= 2 and len(services) >= 2, "the demo must share these names"

    with serve_with_accounts(demo_settings, [TEST_ADMIN]) as (url, _db):
        # Tren by OPD of the name (an older link's bare name: every place's OPD of it) draws one line per place
        page, frames = _open(browser, f"{url}/tren?tren_group=opd&opd={OPD.replace(' ', '+')}")
        page.get_by_role("heading", name="Tren").wait_for(timeout=120_000)
        wait_rendered(page)
        elements = _elements(frames)
        traces = {
            tr.get("name")
            for e in elements
            if e.WhichOneof("type") == "plotly_chart"
            for tr in json.loads(e.plotly_chart.spec).get("data", [])
        }
        assert {f"{OPD} ({p})" for p in opd_places} <= traces, traces
        assert OPD not in traces
        # the sidebar: each place's OPD a choice of its own, labelled
        opd_options = _multiselect_options(elements, "OPD")
        assert {f"{OPD} ({p})" for p in opd_places} <= set(opd_options) and OPD not in opd_options
        page.close()

        # each OPD's unit of a shared name a choice of its own, labelled with its OPD and place
        page, frames = _open(browser, f"{url}/skor?unit_kerja={UNIT.replace(' ', '+')}")
        page.get_by_role("heading", name="Skor").wait_for(timeout=120_000)
        wait_rendered(page)
        unit_options = _multiselect_options(_elements(frames), "Unit kerja")
        assert {f"{UNIT} ({o}, {lk})" for lk, o in units} <= set(unit_options) and UNIT not in unit_options
        page.close()

        # Umpan balik: the service unit choice names each place's unit
        page, frames = _open(browser, f"{url}/umpan-balik")
        page.get_by_role("heading", name="Umpan balik").wait_for(timeout=120_000)
        wait_rendered(page)
        boxes = [e.selectbox for e in _elements(frames) if e.WhichOneof("type") == "selectbox"]
        unit_box = next(b for b in boxes if any(SERVICE in o for o in b.options))
        shown = [o for o in unit_box.options if SERVICE in o]
        assert sorted(shown) == sorted(f"{SERVICE} ({p})" for p in services), shown
        page.close()
