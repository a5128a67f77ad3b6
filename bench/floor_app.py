"""The render floor: a minimal Streamlit page with a title, `charts` small Plotly charts and `grids` small
grids (query parameters), nothing else. A dashboard page can be no faster to draw than this page with the
same number of charts and grids, served and measured in the same run.

The same page answers at the root address (`/`) and at a page address (`/lantai`): Streamlit's browser code,
opened at a page address, first looks for the server under that address and tries the root 100 ms later, a
cost every dashboard page but the first pays and the root floor does not."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl
import streamlit as st

st.set_page_config(page_title="floor", layout="wide")


def floor() -> None:
    charts = int(st.query_params.get("charts", 0))
    grids = int(st.query_params.get("grids", 0))
    st.title(st.query_params.get("title", "Lantai"))
    for i in range(charts):
        st.plotly_chart(go.Figure(go.Scatter(x=list(range(12)), y=[(i + k) % 7 for k in range(12)])), key=f"c{i}")
    for i in range(grids):
        st.dataframe(pl.DataFrame({"a": list(range(10)), "b": [k * 1.5 for k in range(10)]}), key=f"g{i}")


def floor_at_a_page_address() -> None:
    floor()


st.navigation(
    [st.Page(floor, title="Lantai", default=True), st.Page(floor_at_a_page_address, title="Lantai", url_path="lantai")],
    position="hidden",
).run()
