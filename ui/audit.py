"""Access-log writes from the dashboard: views of personal data, profiles, downloads, refused requests.

A view is logged once per distinct (page, table, filters, rows) in a session, so reruns that show the same
thing again (a language switch, a click elsewhere) don't repeat it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import polars as pl
import streamlit as st

from appdb import access
from ui.auth import PRINCIPAL, engine, session_tag
from warehouse.db import Filters

# Columns that make a table personal data: a view of one is logged.
PERSONAL = {"nip", "nama", "nip_atasan", "nama_atasan", "nip_penilai", "nama_penilai", "nip_petugas", "kritik_saran"}


def page() -> str:
    """The page being shown (set by the router)."""
    return str(st.session_state.get("_page_path", ""))


def filters_detail(f: Filters | None) -> dict:
    """The filters as plain values for the log (only those set)."""
    if f is None:
        return {}
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in f.__dict__.items() if v}


def log(event: str, *, rows: int | None = None, detail: dict | None = None, outcome: str = "ok") -> None:
    """Append one row for the signed-in principal on the current page."""
    access.record(
        engine(),
        event,
        st.session_state.get(PRINCIPAL),
        page=page(),
        rows=rows,
        detail=detail,
        outcome=outcome,
        session=session_tag(),
    )


def _once(key: tuple) -> bool:
    seen = st.session_state.setdefault("_logged_views", set())
    if key in seen:
        return False
    seen.add(key)
    return True


def table_viewed(table: str, frame: pl.DataFrame, f: Filters | None) -> None:
    """Log a shown table that holds personal data."""
    if not PERSONAL & set(frame.columns):
        return
    detail = {"table": table, "filters": filters_detail(f)}
    if _once((page(), table, repr(detail), frame.height)):
        log("view", rows=frame.height, detail=detail)


def profile_viewed(nip: str, found: bool, exists: bool) -> None:
    """Log a profile request: shown, absent, or refused (the NIP exists outside the viewer's scope)."""
    outcome = "ok" if found else ("denied" if exists else "not_found")
    if _once((page(), "profile", nip, outcome)):
        log("profile" if found else "denied", rows=1 if found else 0, detail={"nip": nip}, outcome=outcome)


def tampered(what: str, values: list[str]) -> None:
    """Log filter values from the address that the viewer's scope doesn't allow (they are dropped)."""
    if _once((page(), "tamper", what, tuple(values))):
        log("denied", rows=0, detail={what: values}, outcome="denied")


def logged_download(make: Callable[[], bytes], file_name: str, f: Filters | None, rows: int) -> Callable[[], bytes]:
    """Wrap a download's file maker so pressing the button appends a log row (it runs outside the script)."""
    who, where, tag, eng = st.session_state.get(PRINCIPAL), page(), session_tag(), engine()
    detail = {"file": file_name, "filters": filters_detail(f)}

    def run() -> bytes:
        data = make()
        access.record(eng, "download", who, page=where, rows=rows, detail=detail, session=tag)
        return data

    return run


def provenance() -> list[tuple[str, str]]:
    """Who downloads, for the provenance sheet (the time is added when the file is made)."""
    from ui.i18n import t

    who = st.session_state.get(PRINCIPAL)
    return [(t("downloaded_by"), f"{who.display_name} ({who.username}, {who.role})" if who else "-")]


def now_text() -> str:
    return dt.datetime.now().astimezone().strftime("%d/%m/%Y %H:%M:%S %Z")
