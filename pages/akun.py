"""Akun pengguna: who may sign in, with which role and scope (Admin BKPSDM only). Every change is logged."""

from __future__ import annotations

import polars as pl
import streamlit as st

from appdb.accounts import AccountError, create_user, list_users, set_password, update_user
from appdb.tables import ROLES
from domain.places import PLACES
from ui import audit
from ui.auth import current_principal, engine, policy, role_label
from ui.data import cached
from ui.i18n import t
from ui.tables import show
from warehouse import queries


def _fields(prefix: str, user: dict | None) -> dict:
    user = user or {}
    opds = sorted(cached(queries.filter_options, _all())["opd"].unique().to_list())
    role = st.selectbox(
        t("role"), ROLES, index=ROLES.index(user.get("role", "pimpinan")), format_func=role_label, key=f"{prefix}_role"
    )
    return dict(
        role=role,
        display_name=st.text_input(t("display_name"), user.get("display_name", ""), key=f"{prefix}_name"),
        lokasi=st.multiselect(
            t("scope_lokasi"),
            PLACES,
            [p for p in user.get("lokasi", []) if p in PLACES],
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


def _all():
    from warehouse.db import Scope

    return Scope()  # option lists for the admin's form: names of OPDs, not anyone's data


def _add() -> None:
    with st.form("add_user", clear_on_submit=True):
        st.subheader(t("add_user"))
        username = st.text_input(t("username"), key="new_username")
        values = _fields("new", None)
        password = st.text_input(t("password"), type="password", key="new_password")
        done = st.form_submit_button(t("save"), type="primary")
    if done and username:
        create_user(engine(), username, values.pop("role"), password or None, policy(), **values)
        audit.log("user_change", detail={"action": "add", "user": username.strip().lower()})
        st.success(t("saved"))


def _edit(users: list[dict]) -> None:
    st.subheader(t("edit_user"))
    names = [u["username"] for u in users]
    name = st.selectbox(t("username"), names, key="edit_pick")
    user = next(u for u in users if u["username"] == name)
    with st.form("edit_user"):
        values = _fields(f"edit_{name}", user)
        active = st.checkbox(t("active"), user["active"], key=f"edit_{name}_active")
        password = st.text_input(t("new_password"), type="password", key=f"edit_{name}_password")
        done = st.form_submit_button(t("save"), type="primary")
    if done:
        update_user(engine(), name, active=active, **values)
        if password:
            set_password(engine(), name, password, policy())
        changed = {k: v for k, v in {**values, "active": active}.items() if user.get(k) != v}
        audit.log(
            "user_change", detail={"action": "edit", "user": name, **changed, **({"password": "reset"} if password else {})}
        )
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
            _add()
        users = list_users(engine())
        if users:
            with right:
                _edit(users)
    except AccountError as exc:
        st.error(t(exc.code, n=policy().min_length))
    users = list_users(engine())
    if not users:
        return
    frame = pl.DataFrame(users).select(
        "username", "display_name", "role", "lokasi", "opd", "active", "failed_attempts", "locked_until", "last_login_at"
    )
    show(frame.with_columns(pl.col("role").replace_strict({r: role_label(r) for r in ROLES})), "akun", t("page_akun"), None)


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
