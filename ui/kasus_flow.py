"""One coaching case as a workflow: where it stands, what each stage means, the next step as the one primary
button, and only the fields that step needs (the outcome when closing, the reason when cancelling).

Buttons act through callbacks (`ui.kasus._act`) that pass the version the person was shown, so a change made
meanwhile by someone else is refused and the typed text stays.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from coaching import cases
from ui import fmt
from ui.i18n import t
from ui.kasus import act, edit_form, facts, say, seen, status_label

STAGES = ("baru", "dijadwalkan", "berjalan", "selesai")


def _transition(case_id: int, to: str) -> None:
    ss = st.session_state
    act(
        cases.transition,
        case_id,
        to,
        expected_version=seen(case_id),
        reason=ss.get(f"kasus_reason_{case_id}") if to == "dibatalkan" else None,
        hasil=ss.get(f"kasus_outcome_{case_id}") if to == "selesai" else None,
    )


def _outcome(case_id: int) -> None:
    text = str(st.session_state.get(f"kasus_outcome_{case_id}") or "")
    if not text.strip():
        say("warning", t("kasus_outcome_help"))
        return
    act(cases.set_outcome, case_id, text, expected_version=seen(case_id))


def _session(case_id: int) -> None:
    ss = st.session_state
    ok = act(
        cases.add_session,
        case_id,
        tanggal=ss.get(f"kasus_sdate_{case_id}") or dt.date.today(),
        dibahas=str(ss.get(f"kasus_disc_{case_id}") or ""),
        langkah=str(ss.get(f"kasus_next_{case_id}") or ""),
        expected_version=seen(case_id),
        start=True,  # a note on a new or scheduled case means coaching has begun
    )
    if ok:  # a saved note leaves the form empty for the next one
        ss[f"kasus_disc_{case_id}"] = ss[f"kasus_next_{case_id}"] = ""


def stages(status: str) -> str:
    """The path of stages in words with the current one marked (a cancelled case shows only that)."""
    if status == "dibatalkan":
        return f"**{t('kasus_steps')}:** **{status_label(status)}**"
    parts = [f"**{status_label(s)} ({t('kasus_now')})**" if s == status else status_label(s) for s in STAGES]
    return f"**{t('kasus_steps')}:** " + " → ".join(parts)


def _where(case: dict) -> None:
    st.markdown(stages(case["status"]))
    st.markdown(t(f"kasus_next_{case['status']}"))
    with st.popover(t("kasus_steps_help"), icon=":material/help:"):
        for s in (*STAGES, "dibatalkan"):
            st.markdown(f"- {t(f'kasus_explain_{s}')}")


def _session_form(cid: int, primary: bool) -> None:
    with st.form(f"kasus_session_{cid}"):
        st.markdown(f"**{t('kasus_session')}**")
        st.date_input(t("kasus_session_date"), dt.date.today(), key=f"kasus_sdate_{cid}", format="DD/MM/YYYY")
        st.text_area(t("kasus_discussed"), key=f"kasus_disc_{cid}")
        st.text_input(t("kasus_next"), key=f"kasus_next_{cid}")
        kind = "primary" if primary else "secondary"
        st.form_submit_button(t("kasus_add_session"), on_click=_session, args=(cid,), type=kind)


def _close_form(case: dict) -> None:
    cid = case["id"]
    with st.form(f"kasus_close_{cid}"):
        st.markdown(f"**{t('kasus_close_title')}**")
        st.text_area(t("kasus_outcome"), case["hasil"] or "", key=f"kasus_outcome_{cid}", placeholder=t("kasus_outcome_help"))
        c1, c2 = st.columns(2)
        c1.form_submit_button(t("kasus_close_done"), type="primary", on_click=_transition, args=(cid, "selesai"))
        c2.form_submit_button(t("kasus_save_outcome_only"), on_click=_outcome, args=(cid,))


def _cancel_form(cid: int) -> None:
    with st.expander(t("kasus_cancel_title"), icon=":material/cancel:"), st.form(f"kasus_cancel_{cid}"):
        st.text_input(t("kasus_reason"), key=f"kasus_reason_{cid}")
        st.form_submit_button(t("kasus_to_dibatalkan"), on_click=_transition, args=(cid, "dibatalkan"))


def _done_outcome(case: dict) -> None:
    cid = case["id"]
    with st.expander(t("kasus_edit_outcome"), icon=":material/edit:"), st.form(f"kasus_outcome_form_{cid}"):
        st.text_area(t("kasus_outcome"), case["hasil"] or "", key=f"kasus_outcome_{cid}")
        st.form_submit_button(t("kasus_save_outcome"), on_click=_outcome, args=(cid,))


def detail(case: dict) -> None:
    """One case: its stage and next step, the facts, then only the forms its status allows."""
    cid, status = case["id"], case["status"]
    st.subheader(t("kasus_detail", id=cid, nama=fmt.md(case["nama"] or fmt.mask_nip(case["nip"]))))
    _where(case)
    facts(case)
    if status == "baru":
        st.button(t("kasus_mark_scheduled"), type="primary", on_click=_transition, args=(cid, "dijadwalkan"),
                  key=f"kasus_btn_dijadwalkan_{cid}")  # fmt: skip
        _session_form(cid, primary=False)
    elif status == "dijadwalkan":
        _session_form(cid, primary=True)
    elif status == "berjalan":
        _close_form(case)
        _session_form(cid, primary=False)
    elif status == "selesai":
        _done_outcome(case)
    if status in cases.OPEN:
        edit_form(case)
        _cancel_form(cid)
    # what the person sees now is what their next change is checked against
    st.session_state[f"kasus_seen_{cid}"] = case["version"]
