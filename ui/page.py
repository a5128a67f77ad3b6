"""Small helpers every page uses."""

from __future__ import annotations

import streamlit as st

from warehouse.db import Filters


def filters() -> Filters:
    """The shared filters drawn by the router."""
    return st.session_state.get("_filters") or Filters()


def metric(col, label: str, value: str, delta: str | None = None, help: str | None = None,
           inverse: bool = False) -> None:
    """A headline figure with an optional change."""
    col.metric(label, value, delta, help=help, delta_color="inverse" if inverse else "normal")


PAGES: dict[str, object] = {}  # filled by the router: url path -> st.Page


def profile_link(nip: str | None) -> None:
    """A link to the employee profile page for one NIP."""
    page = PAGES.get("profil")
    if nip and page is not None:
        from ui.i18n import t

        st.page_link(page, label=t("open_profile"), icon=":material/person:", query_params={"nip": nip})
