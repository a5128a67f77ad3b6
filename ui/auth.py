"""Identity for the dashboard: the one seam, `current_principal()`, behind local accounts and single sign-on.

Pages and the router never ask how someone signed in: they call `current_principal()` (None: show the
sign-in page) and `ui.data.scope()`. A signed-in principal lives in this browser session's state only, as
`st.session_state["_principal"]`; a browser cannot write that key (no widget has it). Tests sign in either
through the real form (browser tests) or by putting a Principal under that key before the first run (AppTest),
which is exactly what a successful sign-in stores.
"""

from __future__ import annotations

import time

import sqlalchemy as sa
import streamlit as st

import ui.auth_text  # noqa: F401  (registers the labels)
from appdb import access
from appdb.accounts import Policy, authenticate, find_user, signing_secret, to_principal
from appdb.demo import DEMO_PASSWORD, demo_accounts, disable_demo_accounts, ensure_demo_accounts, is_demo_load
from appdb.engine import app_db_url, open_app_db
from appdb.principal import ROLE_LABELS, Principal
from ui import fmt
from ui.data import q, settings, version
from ui.i18n import lang, t

PRINCIPAL, LAST_SEEN, MESSAGE = "_principal", "_last_seen", "_auth_message"


@st.cache_resource(show_spinner=False)
def _engine(url: str) -> sa.Engine:
    engine = open_app_db(url)
    access.purge(engine, int(settings().section("log").get("retention_days", 0)))
    return engine


def engine() -> sa.Engine:
    """The application database (migrated, old log rows purged, once per process)."""
    return _engine(app_db_url(settings()))


@st.cache_resource(show_spinner=False)
def _secret(url: str) -> str:
    return signing_secret(_engine(url))


def session_tag() -> str | None:
    """This browser session, as a keyed hash (the log never holds a live session id)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return access.session_tag(_secret(app_db_url(settings())), ctx.session_id) if ctx else None


def _auth() -> dict:
    return settings().section("auth")


def policy() -> Policy:
    return Policy.from_settings(_auth())


def role_label(role: str) -> str:
    pair = ROLE_LABELS.get(role, (role, role))
    return pair[1] if lang() == "en" else pair[0]


def _sso_enabled() -> bool:
    return _auth().get("mode", "local") in ("oidc", "both")


def _local_enabled() -> bool:
    return _auth().get("mode", "local") in ("local", "both")


def current_principal() -> Principal | None:
    """The signed-in principal of this session, or None; signs out a session idle past `[auth] idle_minutes`."""
    who = st.session_state.get(PRINCIPAL)
    if who is None and _sso_enabled() and st.user.is_logged_in:
        who = _from_sso()
    if who is None:
        return None
    idle = float(_auth().get("idle_minutes", 30)) * 60
    last = st.session_state.get(LAST_SEEN)
    if last is not None and idle > 0 and time.time() - last > idle:
        access.record(engine(), "timeout", who, session=session_tag())
        _forget("timed_out", who)
        return None
    st.session_state[LAST_SEEN] = time.time()
    return who


def _from_sso() -> Principal | None:
    """Map the provider's identity to a principal: the app DB account by e-mail or NIP, or the ID token's claims."""
    claims = st.user.to_dict()
    cfg = _auth()
    email, nip = claims.get("email"), claims.get(cfg.get("oidc_claim_nip", "nip"))
    if cfg.get("oidc_roles_from", "appdb") == "claims":
        role = claims.get(cfg.get("oidc_claim_role", "kinerja_role"))
        listed = lambda key: tuple(claims.get(cfg.get(key, ""), None) or ())  # noqa: E731
        who = (
            Principal(
                username=(email or claims.get("sub", "")).lower(),
                role=str(role or ""),
                display_name=claims.get("name") or email or "",
                lokasi=listed("oidc_claim_lokasi"),
                opd=listed("oidc_claim_opd"),
                nip=nip,
                source="oidc",
            )
            if role
            else None
        )
    else:
        row = find_user(engine(), email=email) or find_user(engine(), nip=nip)
        who = to_principal(row, source="oidc") if row is not None else None
    if who is None:  # the provider knows them, this dashboard doesn't: they stay on the sign-in page
        if st.session_state.get("_sso_refused") != email:
            access.record(
                engine(),
                "signin_failed",
                None,
                username=(email or "?").lower()[:64],
                outcome="unknown",
                detail={"source": "oidc"},
                session=session_tag(),
            )
            st.session_state["_sso_refused"] = email
        st.session_state[MESSAGE] = "signin_unknown_sso"
        return None
    access.record(engine(), "signin", who, detail={"source": "oidc"}, session=session_tag())
    st.session_state[PRINCIPAL] = who
    return who


def _forget(message: str, who: Principal | None) -> bool:
    """Clear this session's state; a single sign-on identity is also signed out at the provider (its cookie
    removed by a redirect). True when that redirect was asked for."""
    for key in list(st.session_state.keys()):
        if key not in ("lang",):
            del st.session_state[key]
    st.session_state[MESSAGE] = message
    if who is not None and who.source == "oidc" and st.user.is_logged_in:
        st.logout()
        return True
    return False


def sign_out() -> bool:
    """Record the sign-out and forget this session's principal and state; True when the browser is being
    sent to sign out at the identity provider."""
    who = st.session_state.get(PRINCIPAL)
    if who is not None:
        access.record(engine(), "signout", who, session=session_tag())
    return _forget("signed_out", who)


def demo_mode() -> bool:
    """`[auth] demo`: "auto" means while every loaded file is one the demo generator wrote."""
    setting = str(_auth().get("demo", "auto")).lower()
    if setting in ("true", "false"):
        return setting == "true"
    return _demo_by_loads(version())


@st.cache_resource(show_spinner=False, max_entries=4)
def _demo_by_loads(ver: str) -> bool:
    files = q("load_history")["berkas"].unique().to_list()
    demo = is_demo_load(files)
    if demo:
        roles = q("demo_roles")
        ensure_demo_accounts(engine(), demo_accounts(roles["atasan"], roles["opd"]))
    else:
        disable_demo_accounts(engine())
    return demo


def sign_in_page() -> None:
    """The sign-in page: the local form, the SSO button, and in demo mode the demo accounts."""
    st.title(t("signin_title"))
    st.caption(t("signin_intro"))
    if message := st.session_state.pop(MESSAGE, None):
        st.info(t(message))
    if _local_enabled():
        _local_form()
    if _sso_enabled():
        st.button(t("signin_sso"), on_click=st.login, key="signin_sso", type="primary" if not _local_enabled() else "secondary")
    if _local_enabled() and demo_mode():
        _demo_list()


def _local_form() -> None:
    with st.form("signin", clear_on_submit=True):
        username = st.text_input(t("username"), key="signin_user")
        password = st.text_input(t("password"), type="password", key="signin_password")
        submitted = st.form_submit_button(t("signin_btn"), type="primary")
    if not submitted or not username:
        return
    who, reason = authenticate(engine(), username, password, policy())
    if who is None:
        access.record(
            engine(), "signin_failed", None, username=username.strip().lower()[:64], outcome=reason, session=session_tag()
        )
        st.error(t("signin_locked" if reason == "locked" else "signin_failed"))
        return
    access.record(engine(), "signin", who, detail={"source": "local"}, session=session_tag())
    st.session_state[PRINCIPAL] = who
    st.session_state[LAST_SEEN] = time.time()
    st.rerun()


def _demo_list() -> None:
    st.subheader(t("demo_accounts", pw=DEMO_PASSWORD))
    rows = [
        {t("username"): a["username"], t("role"): role_label(a["role"]), t("display_name"): a["display_name"]}
        for a in demo_accounts(None, None)
    ]
    st.dataframe(rows, hide_index=True, key="demo_accounts")


def account_box(who: Principal) -> None:
    """Who is signed in and the sign-out button, at the top of the sidebar."""
    with st.sidebar:
        st.markdown(t("signed_in_as", name=fmt.md(who.display_name or who.username), role=role_label(who.role)))
        if st.button(t("signout"), key="signout", icon=":material/logout:"):
            if sign_out():
                # the provider's redirect is queued: a rerun now would start a run that drops it unsent,
                # leaving the identity cookie (the next page load would be signed in again)
                st.stop()
            st.rerun()
