"""Harness for AppTest: the router's frame (sign-in seam, language, filters) around one page chosen in session state.

Tests put a `Principal` under `_principal` before the first run: what a successful sign-in stores.
"""

import importlib

import streamlit as st

from ui.auth import current_principal, sign_in_page

page_name = st.session_state.get("_page", "ringkasan")
st.session_state["_page_path"] = page_name
if current_principal() is None:
    sign_in_page()
else:
    from ui.filters import sidebar

    st.session_state["_filters"] = sidebar()
    importlib.import_module(f"pages.{page_name}").run()
