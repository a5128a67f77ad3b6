"""Langganan laporan: which PDF reports reach me by e-mail, in which language and how often (weekly, monthly,
after each data load), made with my account's scope and the filters chosen when subscribing; for the admin,
the deliveries that failed."""

from __future__ import annotations

import polars as pl
import streamlit as st

import ui.text_reports  # noqa: F401  (registers the labels)
from appdb.accounts import find_user
from appdb.reports import SCHEDULES, delete, set_active, subscribe, subscriptions
from reports.scheduler import REPORTS
from ui import fmt
from ui.audit import filters_detail
from ui.auth import PRINCIPAL, engine
from ui.filters import describe
from ui.i18n import lang, t
from ui.page import filters
from ui.tables import show
from warehouse.db import Filters


def _report_label(key: str) -> str:
    return t("rep_pack") if key == "pack" else t(f"page_{key}")


def _words(saved: dict | None) -> str:
    """Saved filters as the sidebar names them."""
    f = Filters(**{k: tuple(v) if isinstance(v, list) else v for k, v in (saved or {}).items()})
    return "; ".join(f"{k}: {v}" for k, v in describe(f))


def _form(who) -> None:
    f = filters()
    st.caption(t("sub_filters_now", f="; ".join(f"{k}: {v}" for k, v in describe(f))))
    row = find_user(engine(), username=who.username)
    with st.form("sub_new", clear_on_submit=False):
        c1, c2, c3 = st.columns(3)
        report = c1.selectbox(t("sub_report"), REPORTS, format_func=_report_label)
        now = 1 if lang() == "en" else 0
        language = c2.selectbox(t("sub_lang"), ["id", "en"], format_func=lambda k: t(f"lang_{k}"), index=now)
        schedule = c3.selectbox(t("sub_schedule"), SCHEDULES, format_func=lambda k: t(f"sched_{k}"))
        email = st.text_input(t("sub_email"), value=(row.email or "") if row is not None else "")
        if st.form_submit_button(t("sub_add")):
            if "@" not in email or " " in email.strip():
                st.warning(t("sub_bad_email"))
            else:
                subscribe(engine(), who, report, filters_detail(f), language, schedule, email)
                st.success(t("sub_added"))


def _mine(who) -> None:
    st.subheader(t("sub_mine"))
    subs = subscriptions(engine(), who.username)
    if not subs:
        st.info(t("sub_none"))
        return
    lg = lang()
    for s in subs:
        c1, c2, c3 = st.columns([5, 1, 1])
        last = fmt.day(s["last_sent_at"], lg) if s["last_sent_at"] else "–"
        parts = [_report_label(s["laporan"]), t("sched_" + s["jadwal"]), t("lang_" + s["lang"]), s["email"]]
        head = f"**{fmt.md(parts[0])}** · " + " · ".join(fmt.md(x) for x in parts[1:])
        c1.markdown(f"{head}  \n{fmt.md(_words(s['filters']))} · {fmt.md(last)}")
        if c2.button(t("sub_pause") if s["active"] else t("sub_resume"), key=f"sub_act_{s['id']}"):
            set_active(engine(), who, s["id"], not s["active"])
            st.rerun()
        if c3.button(t("sub_delete"), key=f"sub_del_{s['id']}"):
            delete(engine(), who, s["id"])
            st.rerun()


def _failures() -> None:
    st.subheader(t("sub_failures"))
    bad = [s for s in subscriptions(engine()) if s["last_error"]]
    if not bad:
        st.success(t("sub_failures_none"))
        return
    frame = pl.DataFrame(
        {
            "username": [s["username"] for s in bad],
            "laporan": [_report_label(s["laporan"]) for s in bad],
            "failures": [s["failures"] for s in bad],
            "last_error": [s["last_error"] for s in bad],
        }
    )
    show(frame, "langganan_gagal", t("sub_failures"), None, widths={"last_error": "large"})


def run() -> None:
    who = st.session_state.get(PRINCIPAL)
    st.title(t("page_langganan"))
    st.caption(t("sub_intro"))
    if who is None:
        return
    _form(who)
    _mine(who)
    if who.is_admin:
        _failures()


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
