"""The dashboard as deployed (`make run`): `streamlit run serve.py` serves dashboard.py on Streamlit's own
server with ui.hardening in front (security headers on every response, no anonymous /_stcore/metrics).
`streamlit run dashboard.py` still works for development, without those two rules."""

import streamlit as st
from starlette.middleware import Middleware

from ui.hardening import Hardening

app = st.App("dashboard.py", middleware=[Middleware(Hardening)])
