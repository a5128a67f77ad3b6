"""Harness for AppTest: the router's frame (sign-in seam, language, filters) around one page chosen in session state.

Tests put a `Principal` under `_principal` before the first run: what a successful sign-in stores (None: nobody
signed in). A test that sets nothing runs as an admin of all four places (this harness is test-only code).
"""

import importlib

import streamlit as st

from appdb.principal import Principal
from ui.auth import current_principal, sign_in_page

if "_principal" not in st.session_state:
    st.session_state["_principal"] = Principal("admin-uji", "admin", "Admin uji", ("Bangko", "Jambi", "Belawan", "Rakumpit"))
page_name = st.session_state.get("_page", "ringkasan")
st.session_state["_page_path"] = page_name
if current_principal() is None:
    sign_in_page()
else:
    from ui.filters import sidebar

    st.session_state["_filters"] = sidebar()
    importlib.import_module(f"pages.{page_name}").run()
