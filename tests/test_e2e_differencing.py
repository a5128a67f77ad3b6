"""Issue 19, attack 4 in headless Chromium: the aggregate viewer signs in and opens Skor · OPD. What the browser
receives (every Streamlit message over the page's WebSocket, decoded with Streamlit's own protobuf classes: the
grids' Arrow data and the charts' Plotly specs) holds the figures rounded as shown and no OPD under the minimum;
the sidebar offers no filter that splits an OPD."""

from __future__ import annotations

import io
import json

import polars as pl
import pyarrow as pa
import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from tests.browser import ALL_PLACES, serve_with_accounts, sign_in_if_asked, wait_rendered
from warehouse.db import connect

pytestmark = pytest.mark.browser

PEMANTAU = {"username": "pemantau", "role": "agregat", "display_name": "Inspektorat", "lokasi": ALL_PLACES}
K = 5  # settings.toml [privacy] min_group


def _received(frames: list[bytes]) -> tuple[list[pl.DataFrame], list[dict]]:
    """The grids' data and the charts' specs in the messages the browser received."""
    grids, charts = [], []
    for payload in frames:
        if not isinstance(payload, bytes):
            continue
        msg = ForwardMsg()
        msg.ParseFromString(payload)
        if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
            continue
        element = msg.delta.new_element
        kind = element.WhichOneof("type")
        if kind == "dataframe" and element.dataframe.arrow_data.data:
            table = pa.ipc.open_stream(io.BytesIO(element.dataframe.arrow_data.data)).read_all()
            grids.append(pl.from_arrow(table))
        elif kind == "plotly_chart":
            charts.append(json.loads(element.plotly_chart.spec))
    return grids, charts


def _numbers(node) -> list[float]:
    """Every float in a Plotly spec's traces (x, y, z and error bars)."""
    if isinstance(node, float):
        return [node]
    if isinstance(node, list):
        return [v for item in node for v in _numbers(item)]
    if isinstance(node, dict):
        return [v for k, item in node.items() if k in ("x", "y", "z", "array", "arrayminus", "error_x") for v in _numbers(item)]
    return []


def test_aggregate_viewer_receives_rounded_figures_of_whole_groups_only(demo_settings, browser):
    con = connect(str(demo_settings.warehouse))
    small = {f"{p} · {o}" for p, o in con.sql("SELECT lokasi, opd FROM dim_pegawai GROUP BY ALL HAVING count(*) < 5").fetchall()}
    con.close()
    assert small, "the demo has OPDs under five people: the test can see them withheld"
    with serve_with_accounts(demo_settings, [PEMANTAU]) as (base, _db):
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        frames: list[bytes] = []
        page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(payload)))
        page.goto(f"{base}/skor?skor_bagian=opd")
        sign_in_if_asked(page, PEMANTAU["username"])
        page.get_by_role("heading", name="Skor").wait_for(timeout=120_000)
        wait_rendered(page)
        grids, charts = _received(frames)
        table = next(g for g in grids if "Rata-rata hasil kerja" in g.columns)
        means = table["Rata-rata hasil kerja"].drop_nulls()
        assert means.len() and (means.round(1) == means).all(), "means reach the browser beyond their one decimal"
        for c, dtype in table.schema.items():
            if dtype.is_float():
                values = table[c].drop_nulls()
                assert (values.round(3) == values).all(), f"{c} reaches the browser beyond 0.1%"
        assert table["Nilai pegawai-periode"].min() >= K and table["Pegawai"].min() >= K
        shown = {f"{p} · {o}" for p, o in zip(table["Lokasi"], table["OPD"], strict=True)}
        assert not shown & small, "an OPD under the minimum reached the browser"
        heat = [v for spec in charts for trace in spec["data"] if trace.get("type") == "heatmap" for v in _numbers(trace)]
        assert heat and all(round(v, 1) == v for v in heat), "the heatmap carries unrounded means"
        # the filters that split an OPD are not offered
        page.get_by_text("Filter OPD, unit, jabatan, golongan").click()
        wait_rendered(page)
        sidebar = page.locator("[data-testid='stSidebar']")
        sidebar.get_by_text("OPD", exact=True).wait_for(timeout=60_000)
        for label in ("Unit kerja", "Jenis jabatan", "Golongan", "Status ASN"):
            assert sidebar.get_by_text(label, exact=True).count() == 0, label
        page.close()
