"""Akun pengguna: who may sign in, with which role and scope (Admin BKPSDM only). Every change is logged.

An admin sees and changes only accounts whose places are all its own, and offers only its own places (and
OPDs) and the roles below superadmin; `appdb.accounts` checks the same on every write, whatever the form sent.
"""

from __future__ import annotations

import polars as pl
import streamlit as st

from appdb.accounts import AccountError, create_user, list_users, set_password, update_user
from appdb.principal import Principal
from appdb.tables import ALL_ROLES, ROLES
from domain.places import PLACES
from ui.auth import current_principal, engine, policy, role_label, session_tag
from ui.data import cached
from ui.i18n import t
from ui.tables import show
from warehouse import queries
from warehouse.db import Scope


def _places(who: Principal) -> list[str]:
    """The places this admin may give: its own (every place for a superadmin)."""
    return PLACES if who.unrestricted else [p for p in PLACES if p in who.lokasi]


def _opds(who: Principal) -> list[str]:
    """OPD names of the admin's places (only its own OPDs when it is bounded by OPDs)."""
    if who.opd:
        return sorted(who.opd)
    return sorted(cached(queries.filter_options, Scope(lokasi=tuple(_places(who))))["opd"].unique().to_list())


def _fields(who: Principal, prefix: str, user: dict | None) -> dict:
    user = user or {}
    places, opds = _places(who), _opds(who)
    role = st.selectbox(
        t("role"), ROLES, index=ROLES.index(user.get("role", "pimpinan")), format_func=role_label, key=f"{prefix}_role"
    )
    return dict(
        role=role,
        display_name=st.text_input(t("display_name"), user.get("display_name", ""), key=f"{prefix}_name"),
        lokasi=st.multiselect(
            t("scope_lokasi"),
            places,
            [p for p in user.get("lokasi", []) if p in places],
            key=f"{prefix}_lokasi",
            placeholder=t("choose"),
        ),
        opd=st.multiselect(
            t("scope_opd"),
            sorted(set(opds) | set(user.get("opd", []))),
            user.get("opd", []),
            key=f"{prefix}_opd",
            placeholder=t("choose"),
        ),
        nip=st.text_input(t("nip_user"), user.get("nip") or "", key=f"{prefix}_nip").strip() or None,
        email=st.text_input(t("email"), user.get("email") or "", key=f"{prefix}_email").strip() or None,
    )


def _context() -> dict:
    return {"page": str(st.session_state.get("_page_path", "")), "session": session_tag()}


def _add(who: Principal) -> None:
    with st.form("add_user", clear_on_submit=True):
        st.subheader(t("add_user"))
        st.caption(t("akun_bounds"))
        username = st.text_input(t("username"), key="new_username")
        values = _fields(who, "new", None)
        password = st.text_input(t("password"), type="password", key="new_password")
        done = st.form_submit_button(t("save"), type="primary")
    if done and username:
        role = values.pop("role")
        create_user(engine(), username, role, password or None, policy(), actor=who, context=_context(), **values)
        st.success(t("saved"))


def _edit(who: Principal, users: list[dict]) -> None:
    st.subheader(t("edit_user"))
    names = [u["username"] for u in users]
    # no account chosen at first: the form's dozen fields are drawn for the account chosen, not for the first listed
    name = st.selectbox(t("username"), names, index=None, placeholder=t("pick_account"), key="edit_pick")
    if name is None:
        return
    user = next(u for u in users if u["username"] == name)
    if user["role"] not in ROLES:  # a superadmin's account is changed on the command line only
        st.info(t("superadmin_cli"))
        return
    with st.form("edit_user"):
        values = _fields(who, f"edit_{name}", user)
        active = st.checkbox(t("active"), user["active"], key=f"edit_{name}_active")
        password = st.text_input(t("new_password"), type="password", key=f"edit_{name}_password")
        done = st.form_submit_button(t("save"), type="primary")
    if done:
        update_user(engine(), name, actor=who, context=_context(), active=active, **values)
        if password:
            set_password(engine(), name, password, policy(), actor=who, context=_context())
        st.success(t("saved"))


def run() -> None:
    st.title(t("page_akun"))
    who = current_principal()
    if who is None or not who.is_admin:
        st.error(t("admin_only"))
        return
    left, right = st.columns(2, gap="large")  # side by side: the page stays under two screens at 1366 px
    try:
        with left:
            _add(who)
        users = list_users(engine(), actor=who)
        if users:
            with right:
                _edit(who, users)
    except AccountError as exc:
        st.error(t(exc.code, n=policy().min_length))
    users = list_users(engine(), actor=who)
    if not users:
        return
    frame = pl.DataFrame(users).select("username", "display_name", "role", "lokasi", "opd", "active", "last_login_at")
    labels = {r: role_label(r) for r in ALL_ROLES}
    show(frame.with_columns(pl.col("role").replace_strict(labels)), "akun", t("page_akun"), None)


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
