"""Kasus pembinaan: who is being coached, by whom, on what, is it overdue, and did it help."""

from __future__ import annotations

import datetime as dt

import polars as pl
import streamlit as st

from coaching import cases, read
from coaching.views import with_overdue
from pages.pembinaan import rule_labels
from ui import fmt, kasus, kasus_effect, kasus_flow
from ui.auth import current_principal
from ui.data import connection, scope, settings
from ui.i18n import lang, t
from ui.page import filters
from ui.tables import show

CASE_COLUMNS = ["id", "nama", "lokasi", "opd", "status", "coach_nama", "due_date", "terlambat", "n_sesi", "opened_at",
                "closed_at", "hasil"]  # fmt: skip


def _table(frame: pl.DataFrame) -> pl.DataFrame:
    """Cases as shown: status in words, days as dates (spelled out by the grid's formatting, sorted as dates),
    blanks as dashes."""
    days = [pl.col("opened_at").dt.date(), pl.col("closed_at").dt.date(), pl.col("due_date").cast(pl.Date)]
    out = kasus.labelled(frame).with_columns(days).with_columns(
        pl.col("hasil").fill_null("–"), pl.col("coach_nama").fill_null("–"),
    )  # fmt: skip
    return out.select(CASE_COLUMNS)


def _open_section(con, sc, nip: str, today: dt.date) -> int | None:
    """For the employee in the link: their open case, or the form that opens one; after a closed case, that case
    and below it the form, folded with a secondary button (opening again is a choice, not the next step).
    Returns the case shown here."""
    pre = read.prefill(con, sc, nip, settings(), today)
    if pre is None:
        st.warning(t("not_found"))
        return None
    theirs = read.cases(kasus.engine(), con, sc).filter(pl.col("nip") == nip).sort("id")
    open_now = theirs.filter(pl.col("status").is_in(cases.OPEN))
    if open_now.height:  # one open case per employee: show it instead of a second one
        cid = int(open_now["id"][-1])
        if st.session_state.pop("kasus_just_opened", None) != cid:  # not right after opening it here
            status = kasus.status_label(open_now["status"][-1])
            st.info(t("kasus_existing_below", nama=fmt.md(pre["nama"]), id=cid, status=status))
        st.session_state.setdefault("kasus_pick", cid)
        return cid if _case_view(cid) else None
    if theirs.is_empty():
        kasus.open_form(pre, rule_labels())
        return None
    lg = lang()
    past = [t("kasus_past_one", id=r["id"], status=kasus.status_label(r["status"]).lower(),
              day=fmt.day(r["closed_at"].date(), lg) if r["closed_at"] else "–")
            for r in theirs.iter_rows(named=True)]  # fmt: skip
    st.caption(t("kasus_past", nama=fmt.md(pre["nama"]), cases="; ".join(past)))
    cid = int(theirs["id"][-1])
    st.session_state.setdefault("kasus_pick", cid)
    shown = _case_view(cid)
    with st.expander(t("kasus_open_again", nama=fmt.md(pre["nama"])), icon=":material/assignment_add:"):
        kasus.open_form(pre, rule_labels(), primary=False)
    return cid if shown else None


def _case_view(case_id: int) -> bool:
    """One case in a frame: its stage and next step, forms, sessions and trail (False when not visible)."""
    found = read.case_detail(kasus.engine(), connection(), scope(), case_id)
    if found is None:  # gone from the scope since the list was read
        st.warning(t("not_found"))
        return False
    with st.container(border=True):
        kasus_flow.detail(found["case"])
        notes = [{k: n[k] for k in ("tanggal", "dibahas", "langkah", "created_by")} for n in found["sessions"]]
        if notes:
            st.markdown(f"**{t('kasus_sessions')}**")
            notes_frame = pl.DataFrame(notes).with_columns(pl.col("tanggal").cast(pl.Date))
            show(notes_frame, f"kasus_sesi_{case_id}", t("kasus_sessions"), None)
        st.markdown(f"**{t('kasus_trail')}**")
        show(kasus.trail_frame(found["events"]), f"kasus_jejak_{case_id}", t("kasus_trail"), None)
    return True


def _case_picker(all_cases: pl.DataFrame, shown: int | None) -> None:
    ids = all_cases.sort("id", descending=True)["id"].to_list()
    names = {r["id"]: f"#{r['id']} · {r['nama']} · {kasus.status_label(r['status'])}" for r in all_cases.iter_rows(named=True)}
    wanted = st.session_state.get("kasus_pick") or st.query_params.get("kasus")
    if wanted is not None and str(wanted).isdigit() and int(wanted) in ids:
        st.session_state["kasus_pick"] = int(wanted)
    else:
        st.session_state.pop("kasus_pick", None)
    case_id = st.selectbox(t("kasus_pick"), ids, format_func=names.get, key="kasus_pick")
    if case_id == shown:  # the employee's case in the link, already drawn above the tabs
        st.caption(t("kasus_shown_above", id=case_id))
        return
    _case_view(case_id)


def run() -> None:
    f, sc, today = filters(), scope(), dt.date.today()
    st.title(t("page_kasus"))
    st.caption(t("kasus_intro"))
    con = connection()
    kasus.messages()
    shown = _open_section(con, sc, nip, today) if (nip := st.query_params.get("nip")) else None
    # lazy tabs: only the chosen one runs (a hidden grid is never drawn, and the effect figures cost queries)
    labels = [t("tab_all"), t("tab_opd"), t("tab_mine"), t("tab_effect")]
    tabs = st.tabs(labels, key="kasus_tab", on_change="rerun")
    draw = [lambda: _all_tab(read.cases(kasus.engine(), con, sc, f), today, f, shown), lambda: _opd_tab(con, sc, f, today),
            lambda: _mine_tab(con, sc, f, today), lambda: kasus_effect.section(con, sc, f)]  # fmt: skip
    for tab, fill in zip(tabs, draw, strict=True):
        if tab.open:
            with tab:
                fill()


def _all_tab(visible: pl.DataFrame, today: dt.date, f, shown: int | None) -> None:
    if visible.is_empty():
        st.info(t("kasus_none"))
        return
    show(_table(with_overdue(visible, today)), "kasus_semua", t("tab_all"), f)
    _case_picker(visible, shown)


def _opd_tab(con, sc, f, today: dt.date) -> None:
    per = read.per_opd(kasus.engine(), con, sc, f, today).with_columns(pl.col("share_berkasus") * 100)
    show(per, "kasus_opd", t("tab_opd"), f, decimals={"share_berkasus": 1})


def _mine_tab(con, sc, f, today: dt.date) -> None:
    coaches = read.coaches(kasus.engine(), con, sc)
    if coaches.is_empty():
        st.info(t("kasus_none"))
        return
    names = dict(coaches.iter_rows())
    who = current_principal()
    mine = list(names).index(who.nip) if who is not None and who.nip in names else 0  # the signed-in coach first
    coach = st.selectbox(t("kasus_coach_pick"), list(names), index=mine, format_func=names.get, key="kasus_coach")
    show(_table(read.my_cases(kasus.engine(), con, sc, coach, today)), "kasus_saya", t("tab_mine"), f)


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
