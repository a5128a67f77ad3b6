"""Cached access to the warehouse: one read-only connection per warehouse version, small cached results."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import polars as pl
import streamlit as st

import ui.text_peran  # noqa: F401  (registers the labels)
from settings import Settings, load_settings
from warehouse import queries
from warehouse.db import Filters, Scope, connect, current_file


@st.cache_resource
def settings() -> Settings:
    """Settings, read once per process."""
    return load_settings()


def warehouse_path() -> Path:
    return settings().warehouse


def parquet_dir() -> str:
    """Settings `[gudang] parquet_dir`: when set, the dashboard reads a Parquet export instead of the file."""
    return str(settings().section("gudang").get("parquet_dir") or "")


def version() -> str:
    """Changes whenever a load swaps in a new warehouse file (inode and mtime), or a new export is written."""
    if parquet_dir():
        meta = Path(parquet_dir()) / "meta.parquet"
        return f"parquet-{meta.stat().st_mtime_ns}" if meta.exists() else "parquet"
    p = warehouse_path()
    if not p.exists():
        return "none"
    real = current_file(p)  # each load writes a new version file and re-points the warehouse at it
    st_ = os.stat(real)
    return f"{Path(real).name}-{st_.st_ino}-{st_.st_mtime_ns}"


@st.cache_resource(max_entries=2)
def _connection(real_path: str, ver: str):
    # One connection per version file: a load never changes a file that is open, it points at a new one.
    return connect(real_path, parquet_dir() or None)


def connection():
    """The read-only connection for the current warehouse version (checked on every call: a load by the CLI
    or another session shows at the next interaction, without a restart)."""
    ver = version()
    return _connection(current_file(warehouse_path()), ver)


def scope() -> Scope:
    """The viewer's scope, from the principal the router let in (ui.auth.current_principal); nobody: nothing.

    Every query takes it as an argument, so it is part of every cache key: two viewers never share a result.
    """
    who = st.session_state.get("_principal")
    if who is None:
        return Scope.nothing()
    privacy = settings().section("privacy")
    k = int(privacy.get("min_group", 5))
    return who.scope(k, int(privacy.get("atasan_min_group", k)))


@st.cache_data(ttl=900, max_entries=512, show_spinner=False)
def _cached(_query: Callable, name: str, ver: str, args: tuple, kwargs: tuple) -> pl.DataFrame | dict:
    # `_query` is not hashed (leading underscore): the key is its full name, the data version and the arguments
    return _query(connection(), *args, **dict(kwargs))


def cached(query: Callable, *args, **kwargs):
    """Run a query function of warehouse.queries (`cached(queries.coaching_list, f, scope)`) through the cache,
    keyed on the function, plain argument values and the data version."""
    return _cached(query, f"{query.__module__}.{query.__qualname__}", version(), args, tuple(sorted(kwargs.items())))


def employee_exists(nip: str) -> bool:
    """Whether a NIP exists at all, for the access log only (a refused profile is logged as such); never shown."""
    return not queries.employee(connection(), Scope(), nip).is_empty()


def benchmark_scope() -> Scope | None:
    """The signed-in pimpinan's (or kepala OPD's, `[privacy] kepala_opd_banding`) scope of every place as
    aggregates only (appdb.principal.Principal.benchmark_scope), or None."""
    who = st.session_state.get("_principal")
    if who is None:
        return None
    privacy = settings().section("privacy")
    return who.benchmark_scope(int(privacy.get("min_group", 5)), bool(privacy.get("kepala_opd_banding", False)))


def benchmark(f: Filters, sc: Scope) -> tuple[Filters, Scope, bool]:
    """On a comparison page: for a viewer with a benchmark scope, a switch (kept in the link) between their own
    data and every place as aggregates. Switched on, the page reads the benchmark scope with the period range
    only (the sidebar's places, OPDs and other filters are their own data's); returns (filters, scope, on)."""
    bench = benchmark_scope()
    if bench is None:
        return f, sc, False
    from ui import urlstate
    from ui.i18n import t

    view = urlstate.choice(
        st.segmented_control,
        "lingkup",
        ["sendiri", "semua"],
        "sendiri",
        label=t("benchmark_toggle"),
        format_func=lambda k: t(f"benchmark_{k}"),
        help=t("benchmark_help", k=bench.min_group),
        required=True,
    )
    if view != "semua":
        return f, sc, False
    st.caption(t("benchmark_note", k=bench.min_group))
    return Filters(dari=f.dari, sampai=f.sampai), bench, True


def team_label(lokasi: str) -> str:
    """How a place's row is named on screen: an Atasan's figures are its team's, not its place's ("Tim Anda")."""
    if scope().atasan is not None:
        from ui.i18n import t

        return t("your_team")
    return lokasi
