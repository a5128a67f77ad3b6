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


def reroute() -> None:
    """Hand a page file run on its own back to the router.

    A server that has not yet run the router treats `pages/` as a pages folder, so the first visit to
    a shared link such as /skor runs pages/skor.py by itself and shows an empty page. Turning that
    routing off and rerunning sends the same address through `dashboard.py` instead.
    """
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
    st.rerun()
