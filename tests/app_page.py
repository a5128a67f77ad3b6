"""Harness for AppTest: the router's frame (language, filters) around one page chosen in session state."""

import importlib

import streamlit as st

from ui.filters import sidebar

st.session_state["_filters"] = sidebar()
page = importlib.import_module(f"pages.{st.session_state.get('_page', 'ringkasan')}")
page.run()
