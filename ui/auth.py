"""Identity for the dashboard: the one seam, `current_principal()`, behind local accounts and single sign-on.

Pages and the router never ask how someone signed in: they call `current_principal()` (None: show the
sign-in page) and `ui.data.scope()`. A sign-in (local or single sign-on) opens a session in the application
database (`appdb.sessions`) whose signed token is kept in this tab's state and in a cookie (`kinerja_sesi`,
SameSite=Strict, Secure over HTTPS), so a refresh or a second tab resumes it. Every run checks the token: a
session signed out, idle past `[auth] idle_minutes`, older than `[auth] session_hours`, or whose account was
disabled or changed (role, scope, NIP, password) ends there; `watch_session` re-checks an untouched tab every
`[auth] session_check_seconds` and clears its screen when the session has ended.

AppTest tests put a Principal under `st.session_state["_principal"]` before the first run, without a token: a
browser cannot write that key (no widget has it), so only test harnesses take that path.
"""

from __future__ import annotations

import json
import time

import sqlalchemy as sa
import streamlit as st
from streamlit.logger import get_logger

import ui.auth_text  # noqa: F401  (registers the labels)
import ui.text_peran  # noqa: F401  (registers the labels)
from appdb import access, sessions
from appdb.accounts import (
    AccountError,
    Policy,
    authenticate,
    create_first_admin,
    find_user,
    first_run_open,
    setup_code,
    signing_secret,
    to_principal,
)
from appdb.demo import DEMO_PASSWORD, demo_accounts, disable_demo_accounts, ensure_demo_accounts, is_demo_load
from appdb.engine import app_db_url, open_app_db
from appdb.principal import ROLE_LABELS, Principal
from appdb.tables import ROLES
from ui import fmt
from ui.data import cached, settings, version
from ui.i18n import lang, t
from warehouse import queries

log = get_logger(__name__)
PRINCIPAL, LAST_SEEN, MESSAGE = "_principal", "_last_seen", "_auth_message"
TOKEN, STALE, COOKIE = "_session_token", "_stale_token", "kinerja_sesi"


@st.cache_resource(show_spinner=False)
def _engine(url: str) -> sa.Engine:
    engine = open_app_db(url)
    access.purge(engine, int(settings().section("log").get("retention_days", 0)))
    sessions.purge_ended(engine)
    return engine


def engine() -> sa.Engine:
    """The application database (migrated, old log rows purged, once per process)."""
    return _engine(app_db_url(settings()))


@st.cache_resource(show_spinner=False)
def _secret(url: str) -> str:
    return signing_secret(_engine(url))


def secret() -> str:
    """The installation's signing secret (application database)."""
    return _secret(app_db_url(settings()))


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


def _idle_seconds() -> float:
    return float(_auth().get("idle_minutes", 30)) * 60


def current_principal() -> Principal | None:
    """The signed-in principal of this session, or None. Checks the session token on every run: a session
    ended elsewhere (sign-out, account disabled or changed) or idle past `[auth] idle_minutes` ends here."""
    who = st.session_state.get(PRINCIPAL)
    token = st.session_state.get(TOKEN)
    if who is not None and token is None:
        return _test_principal(who)
    if token is None:
        cookie = _cookie()
        token = cookie if cookie and cookie != st.session_state.get(STALE) else None
    if token is None:
        return _from_sso() if _sso_enabled() and st.user.is_logged_in else None
    state = sessions.check(engine(), secret(), token, _idle_seconds())
    if state.usable is None:
        _ended(state, token, resumed=TOKEN not in st.session_state)
        return None
    st.session_state[PRINCIPAL], st.session_state[TOKEN] = state.usable, token
    return state.usable


def _cookie() -> str | None:
    """The session cookie the browser sent when this tab connected (a test harness's stand-in is no text)."""
    value = st.context.cookies.get(COOKIE)
    return value if isinstance(value, str) else None


def _test_principal(who: Principal) -> Principal | None:
    """A principal a test harness put in state (AppTest): the idle limit kept in this session's state."""
    idle = _idle_seconds()
    last = st.session_state.get(LAST_SEEN)
    if last is not None and idle > 0 and time.time() - last > idle:
        access.record(engine(), "timeout", who, session=session_tag())
        _forget("timed_out", who)
        return None
    st.session_state[LAST_SEEN] = time.time()
    return who


def _ended(state: sessions.Check, token: str, resumed: bool) -> None:
    """A session that can't go on: the tab forgets it and says why (a stale cookie from an earlier visit says
    nothing); an idle one is logged as a time-out by whichever tab notices it first."""
    if state.status == "idle" and sessions.revoke(engine(), secret(), token):
        access.record(engine(), "timeout", state.who, session=session_tag())
    message = {"idle": "timed_out", "revoked": "session_ended", "expired": "timed_out"}.get(state.status)
    _forget(message if (message and not resumed) or state.status == "idle" else None, state.who, stale=token)


def watch_session() -> None:
    """Re-check this tab's session every `[auth] session_check_seconds` without counting as activity; when it
    has ended (idle, signed out elsewhere, account disabled or changed), rerun the app, which clears the screen
    down to the sign-in page."""
    if st.session_state.get(TOKEN) is None:
        return

    @st.fragment(run_every=float(_auth().get("session_check_seconds", 20)))
    def _watch() -> None:
        state = sessions.check(engine(), secret(), st.session_state.get(TOKEN), _idle_seconds(), touch=False)
        if state.usable is None:
            st.rerun(scope="app")

    with st.sidebar:
        _watch()


def _start_session(who: Principal) -> None:
    """A new session for `who` in this tab, its token kept for refreshes and other tabs (the cookie)."""
    hours = float(_auth().get("session_hours", 12))
    st.session_state[TOKEN] = sessions.issue(engine(), secret(), who, hours)
    st.session_state[PRINCIPAL] = who
    st.session_state[LAST_SEEN] = time.time()


def keep_cookie() -> None:
    """Write this tab's session token into the cookie when the browser doesn't hold it yet; on the sign-in
    page, remove a cookie whose session has ended (only if it still holds that token: another tab may have
    signed in since). No request leaves the page: the script only sets document.cookie."""
    token, stale = st.session_state.get(TOKEN), st.session_state.get(STALE)
    if token is not None and _cookie() != token:
        max_age = int(float(_auth().get("session_hours", 12)) * 3600)
        script = f"document.cookie = {json.dumps(f'{COOKIE}={token}; Max-Age={max_age}')} + _opts;"
    elif token is None and stale is not None:
        held = f"document.cookie.split('; ').includes({json.dumps(f'{COOKIE}={stale}')})"
        script = f"if ({held}) document.cookie = {json.dumps(f'{COOKIE}=; Max-Age=0')} + _opts;"
    else:
        return
    opts = "const _opts = '; Path=/; SameSite=Strict' + (location.protocol === 'https:' ? '; Secure' : '');"
    # in a function of its own: the script may run again when the sidebar is drawn anew
    st.sidebar.html(f"<script>(() => {{ {opts} {script} }})();</script>", unsafe_allow_javascript=True)


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
            if role in ROLES  # never a superadmin from a token: that role is the command line's alone
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
    _start_session(who)
    return who


def _forget(message: str | None, who: Principal | None, stale: str | None = None) -> bool:
    """Clear this session's state, remembering the ended token so its cookie is neither resumed nor kept; a
    single sign-on identity is also signed out at the provider (its cookie removed by a redirect). True when
    that redirect was asked for."""
    stale = stale or st.session_state.get(TOKEN) or st.session_state.get(STALE)
    for key in list(st.session_state.keys()):
        if key not in ("lang",):
            del st.session_state[key]
    if stale:
        st.session_state[STALE] = stale
    if message:
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
    sessions.revoke(engine(), secret(), st.session_state.get(TOKEN))
    return _forget("signed_out", who)


def demo_mode() -> bool:
    """`[auth] demo`: "auto" means while every loaded file is one the demo generator wrote."""
    setting = str(_auth().get("demo", "auto")).lower()
    if setting in ("true", "false"):
        return setting == "true"
    return _demo_by_loads(version())


@st.cache_resource(show_spinner=False, max_entries=4)
def _demo_by_loads(ver: str) -> bool:
    files = cached(queries.load_history)["berkas"].unique().to_list()
    demo = is_demo_load(files)
    if demo:
        roles = cached(queries.demo_roles)
        ensure_demo_accounts(engine(), demo_accounts(roles["atasan"], roles["opd"]))
    else:
        disable_demo_accounts(engine())
    return demo


def sign_in_page() -> None:
    """The sign-in page: the local form, the SSO button, and in demo mode the demo accounts."""
    st.title(t("signin_title"))
    st.caption(t("signin_intro"))
    if message := st.session_state.pop(MESSAGE, None):
        st.info(t(message, name=fmt.md(st.session_state.get("_first_admin", ""))))
    if _local_enabled():
        _local_form()
        if first_run_open(engine()):
            _first_run_form()
    if _sso_enabled():
        st.button(t("signin_sso"), on_click=st.login, key="signin_sso", type="primary" if not _local_enabled() else "secondary")
    if _local_enabled() and demo_mode():
        _demo_list()
    keep_cookie()


def _local_form() -> None:
    with st.form("signin", clear_on_submit=True):
        username = st.text_input(t("username"), key="signin_user")
        password = st.text_input(t("password"), type="password", key="signin_password")
        submitted = st.form_submit_button(t("signin_btn"), type="primary")
    if not submitted or not username:
        return
    who, reason = authenticate(engine(), username, password, policy(), client=_client())
    if who is None:
        access.record(
            engine(), "signin_failed", None, username=username.strip().lower()[:64], outcome=reason, session=session_tag()
        )
        # one answer for every failure (wrong password, unknown, locked, disabled): nothing tells which names exist
        st.error(t("signin_failed", m=policy().lockout_minutes))
        return
    access.record(engine(), "signin", who, detail={"source": "local"}, session=session_tag())
    _start_session(who)
    st.rerun()


@st.cache_resource(show_spinner=False)
def _announce_setup_code(url: str) -> None:
    # once per process: the code goes to the server's log only, for whoever runs the server
    log.warning("Kode penyiapan / Setup code (first administrator): %s", setup_code(_secret(url)))


def _first_run_form() -> None:
    """While no real account exists: make the first administrator (an admin of every place), with the setup
    code from the server's log, so a stranger reaching a fresh server cannot take it over."""
    _announce_setup_code(app_db_url(settings()))
    st.subheader(t("first_run_title"))
    st.caption(t("first_run_intro"))
    st.caption(t("setup_code_help"))
    with st.form("first_run", clear_on_submit=False):
        code = st.text_input(t("setup_code"), help=t("setup_code_help"), key="first_code")
        username = st.text_input(t("first_username"), key="first_user")
        name = st.text_input(t("display_name"), key="first_name")
        password = st.text_input(t("first_password"), type="password", key="first_password")
        again = st.text_input(t("repeat_password"), type="password", key="first_again")
        submitted = st.form_submit_button(t("first_run_btn"))
    if not submitted or not username:
        return
    if password != again:
        st.error(t("passwords_differ"))
        return
    try:
        who = create_first_admin(
            engine(),
            username,
            password,
            policy(),
            code=code,
            secret=secret(),
            display_name=name,
            context={"page": "masuk", "session": session_tag()},
        )
    except AccountError as exc:
        access.record(
            engine(),
            "signin_failed",
            None,
            username=username.strip().lower()[:64],
            outcome=exc.code[:16],
            detail={"source": "first_run"},
            session=session_tag(),
        )
        st.error(t(exc.code, n=policy().min_length))
        return
    st.session_state[MESSAGE] = "first_run_done"
    st.session_state["_first_admin"] = who.username
    st.rerun()


def _client() -> str:
    """Who is trying, for the per-client sign-in lock: the address the browser connects from, or behind a
    reverse proxy the header it sets (`[auth] client_ip_header`, e.g. "X-Real-IP"; only when the proxy
    overwrites it, or anyone could name a new client at every guess)."""
    header = str(_auth().get("client_ip_header", "") or "")
    value = st.context.headers.get(header) if header else None
    if isinstance(value, str) and value.strip():
        return value.split(",")[0].strip()[:64]
    address = st.context.ip_address
    return address if isinstance(address, str) and address else "local"


def _demo_list() -> None:
    st.subheader(t("demo_accounts", pw=DEMO_PASSWORD))
    rows = [
        {t("username"): a["username"], t("role"): role_label(a["role"]), t("display_name"): a["display_name"]}
        for a in demo_accounts(None, None)
    ]
    st.dataframe(rows, hide_index=True, key="demo_accounts")


def account_lines(name: str, role: str) -> bool:
    """The account box's own lines: who is signed in, in which role, and the sign-out button (True when pressed)."""
    st.markdown(t("signed_in_as", name=fmt.md(name), role=role_label(role)))
    return st.button(t("signout"), key="signout", icon=":material/logout:")


def account_box(who: Principal) -> None:
    """Who is signed in and the sign-out button, at the top of the sidebar."""
    with st.sidebar:
        if account_lines(who.display_name or who.username, who.role):
            if sign_out():
                # the provider's redirect is queued: a rerun now would start a run that drops it unsent,
                # leaving the identity cookie (the next page load would be signed in again)
                st.stop()
            st.rerun()
    keep_cookie()
    watch_session()
