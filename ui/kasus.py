"""Streamlit pieces for coaching cases and awards: the app-database engine, labels, forms and the case detail.

Form buttons act through callbacks, which run before the page is drawn again: each passes the version of the
case the person was shown, so a change made meanwhile by someone else is refused (`Conflict`), the typed text
stays in the form and the page then shows the latest state.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
import sqlalchemy as sa
import streamlit as st

import ui.text_kasus  # noqa: F401  (registers the labels)
from appdb.engine import app_db_url, open_app_db
from coaching import cases, read
from coaching.demo import seed_history
from coaching.scope import Within
from ui import fmt
from ui.data import connection, scope, settings, version
from ui.download import zone
from ui.i18n import col, lang, t


@st.cache_resource(show_spinner=False)
def _engine(url: str) -> sa.Engine:
    return open_app_db(url)


def engine() -> sa.Engine:
    """The migrated application database engine (one per process); in demo mode with `[kasus] demo_history`,
    holding the demo's coaching history from the first use on."""
    url = app_db_url(settings())
    _demo_history(url, version())
    return _engine(url)


@st.cache_resource(show_spinner=False, max_entries=4)
def _demo_history(url: str, ver: str) -> int:
    """Write the demo's past cases once per warehouse version (nothing when the database already holds cases)."""
    from ui.auth import demo_mode

    cfg = settings().section("kasus")
    if not cfg.get("demo_history", True) or not demo_mode():
        return 0
    return seed_history(_engine(url), connection(), cfg)


def actor() -> str:
    """Who is making the change, for the trail: the signed-in user (display name and account)."""
    from ui.auth import current_principal

    who = current_principal()
    if who is None:
        return ""
    named = who.display_name and who.display_name != who.username
    return f"{who.display_name} ({who.username})" if named else who.username


def within() -> Within:
    """The signed-in person's reach over coaching records, which every write is checked against."""
    return Within(scope(), connection())


def status_label(code: str | None) -> str:
    """A case status in words ('Belum ada kasus' for none)."""
    return t(f"status_{code}") if code in cases.ALLOWED else t("status_none")


def labelled(frame: pl.DataFrame, column: str = "status", none: str = "status_none") -> pl.DataFrame:
    """The status column as words in the chosen language (`none`: the text key for no case)."""
    words = {code: t(f"status_{code}") for code in cases.ALLOWED}
    return frame.with_columns(pl.col(column).replace_strict(words, default=t(none), return_dtype=pl.String).fill_null(t(none)))


def say(kind: str, text: str) -> None:
    """Keep a message for the next drawing of the page (callbacks run before it)."""
    st.session_state["kasus_msg"] = (kind, text)


def messages() -> None:
    """Show (once) what the last action did."""
    msg = st.session_state.pop("kasus_msg", None)
    if msg:
        getattr(st, msg[0])(msg[1])


def act(fn, *args, **kwargs) -> bool:
    """Run a service call for the person: success, a refusal or a conflict becomes a message."""
    if not actor():
        say("warning", t("kasus_actor_needed"))
        return False
    try:
        fn(engine(), *args, actor=actor(), within=within(), **kwargs)
    except cases.Conflict as exc:
        say("warning", exc.text(lang()) + " " + t("kasus_conflict_keep"))
        return False
    except cases.CaseError as exc:
        say("error", exc.text(lang()))
        return False
    say("success", t("kasus_saved"))
    return True


def seen(case_id: int) -> int:
    """The version of the case the person was last shown."""
    return int(st.session_state.get(f"kasus_seen_{case_id}", 0))


def _plan(pre: dict) -> list[dict]:
    """The pre-filled plan rows."""
    steps = [t("kasus_plan_1"), t("kasus_plan_2"), t("kasus_plan_3")]
    return [{"aksi": a, "tanggal": d.isoformat()} for a, d in zip(steps, pre["plan_dates"], strict=False)]


def _edited(base: list[dict], state: dict | None) -> list[dict]:
    """The plan after the editor's changes (a form sends them to the callback as edits of the base rows)."""
    state = state or {}
    rows = [dict(r) for r in base]
    for i, change in (state.get("edited_rows") or {}).items():
        rows[int(i)].update(change)
    gone = {int(i) for i in state.get("deleted_rows") or []}
    rows = [r for i, r in enumerate(rows) if i not in gone] + [dict(r) for r in state.get("added_rows") or []]
    return [{"aksi": str(r.get("aksi") or "").strip(), "tanggal": r.get("tanggal")} for r in rows if r.get("aksi")]


def _open(pre: dict) -> None:
    ss = st.session_state
    rencana = _edited(_plan(pre), ss.get("kasus_new_plan"))
    focus = [x.strip() for x in str(ss.get("kasus_new_focus") or "").splitlines() if x.strip()]
    coach_nip = str(ss.get("kasus_new_coach_nip") or "").strip() or pre["coach_nip"]
    if not actor():
        say("warning", t("kasus_actor_needed"))
        return
    try:
        case = cases.open_case(
            engine(), nip=pre["nip"], actor=actor(), within=within(), nama=pre["nama"], lokasi=pre["lokasi"], opd=pre["opd"],
            periode=pre["periode"], aturan=pre["aturan"], fokus=focus, coach_nip=coach_nip,
            coach_nama=ss.get("kasus_new_coach"), rencana=rencana, due_date=ss.get("kasus_new_due"),
        )  # fmt: skip
    except cases.CaseError as exc:
        say("error", exc.text(lang()))
        return
    ss["kasus_pick"] = case["id"]
    ss["kasus_just_opened"] = case["id"]  # the page then says "opened", not "already has an open case"
    say("success", t("kasus_opened_next", id=case["id"], nama=fmt.md(pre["nama"])))


def open_form(pre: dict, rule_text: dict[str, str], primary: bool = True) -> None:
    """The pre-filled form that opens a case for one employee (its button secondary when `primary` is off:
    a new case after a closed one is a choice, not the page's next step)."""
    if primary:
        st.subheader(t("kasus_open_for", nama=fmt.md(pre["nama"])))
    if pre["aturan"]:
        st.markdown(f"**{t('kasus_rules')}:** " + "; ".join(rule_text[r] for r in pre["aturan"]))
    else:
        st.caption(t("kasus_not_listed"))
    plan = pl.DataFrame(_plan(pre), schema={"aksi": pl.String, "tanggal": pl.String}).with_columns(
        pl.col("tanggal").str.to_date()
    )
    with st.form(f"kasus_new_{pre['nip']}"):
        focus = "\n".join(fmt.capaian_in_text(x, lang()) for x in pre["fokus"])
        st.text_area(t("kasus_focus"), focus, key="kasus_new_focus")
        c1, c2, c3 = st.columns(3)
        c1.text_input(t("kasus_coach_name"), pre["coach_nama"] or "", key="kasus_new_coach")
        # the supervisor's NIP stays unshown (UU 27/2022): blank keeps them, a NIP typed here names another coach
        c2.text_input(t("kasus_coach_nip"), "", key="kasus_new_coach_nip", placeholder=fmt.mask_nip(pre["coach_nip"]))
        c3.date_input(t("kasus_due"), pre["due_date"], key="kasus_new_due", format="DD/MM/YYYY")
        st.caption(t("kasus_plan"))
        st.data_editor(
            plan, num_rows="dynamic", key="kasus_new_plan", hide_index=True,
            column_config={"aksi": st.column_config.TextColumn(col("aksi"), width="large"),
                           "tanggal": st.column_config.DateColumn(col("tanggal"), format="DD/MM/YYYY")},
        )  # fmt: skip
        kind = "primary" if primary else "secondary"
        st.form_submit_button(t("kasus_open"), type=kind, on_click=_open, args=(pre,))


def _case_plan(case: dict) -> list[dict]:
    """A case's stored plan as editor rows (dates as dates)."""
    rows = []
    for step in case["rencana"] or []:
        when = step.get("tanggal")
        rows.append({"aksi": str(step.get("aksi") or ""), "tanggal": when[:10] if when else None})
    return rows


def _update(case: dict) -> None:
    """Save what the edit form changed (only that: the trail records each change once)."""
    ss, cid = st.session_state, case["id"]
    focus = [x.strip() for x in str(ss.get(f"kasus_edit_focus_{cid}") or "").splitlines() if x.strip()]
    steps = lambda rows: [{"aksi": r["aksi"], "tanggal": _iso(r["tanggal"])} for r in rows]  # noqa: E731
    wanted = {
        "fokus": focus,
        "coach_nama": str(ss.get(f"kasus_edit_coach_{cid}") or "").strip() or None,
        "coach_nip": str(ss.get(f"kasus_edit_coach_nip_{cid}") or "").strip() or case["coach_nip"],
        "due_date": ss.get(f"kasus_edit_due_{cid}"),
        "rencana": steps(_edited(_case_plan(case), ss.get(f"kasus_edit_plan_{cid}"))),
    }
    was = {**{k: case[k] for k in wanted}, "rencana": steps(_case_plan(case))}
    changed = {k: v for k, v in wanted.items() if v != was[k]}
    if not changed:
        say("info", t("kasus_no_change"))
        return
    if act(cases.update_plan, cid, expected_version=seen(cid), **changed):
        ss[f"kasus_edit_coach_nip_{cid}"] = ""


def _iso(value) -> str | None:
    """A plan date as ISO text (the editor gives dates; stored plans hold text)."""
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)[:10]


def edit_form(case: dict) -> None:
    """Change an open case's focus, coach, due date and plan (folded: most visits only add a session)."""
    cid = case["id"]
    with st.expander(t("kasus_edit"), icon=":material/edit:"), st.form(f"kasus_edit_{cid}"):
        st.text_area(t("kasus_focus"), "\n".join(case["fokus"] or []), key=f"kasus_edit_focus_{cid}")
        c1, c2, c3 = st.columns(3)
        c1.text_input(t("kasus_coach_name"), case["coach_nama"] or "", key=f"kasus_edit_coach_{cid}")
        # the coach's NIP stays unshown (UU 27/2022): blank keeps them, a NIP typed here names another coach
        c2.text_input(t("kasus_coach_nip"), "", key=f"kasus_edit_coach_nip_{cid}", placeholder=fmt.mask_nip(case["coach_nip"]))
        c3.date_input(t("kasus_due"), case["due_date"], key=f"kasus_edit_due_{cid}", format="DD/MM/YYYY")
        st.caption(t("kasus_plan"))
        plan = pl.DataFrame(_case_plan(case), schema={"aksi": pl.String, "tanggal": pl.String}).with_columns(
            pl.col("tanggal").str.to_date(strict=False)
        )
        st.data_editor(
            plan, num_rows="dynamic", key=f"kasus_edit_plan_{cid}", hide_index=True,
            column_config={"aksi": st.column_config.TextColumn(col("aksi"), width="large"),
                           "tanggal": st.column_config.DateColumn(col("tanggal"), format="DD/MM/YYYY")},
        )  # fmt: skip
        st.form_submit_button(t("kasus_save_plan"), on_click=_update, args=(case,))


def facts(case: dict) -> None:
    """Status, coach, due date, focus, plan, outcome and cancellation reason of one case."""
    lg = lang()
    st.caption(
        t("kasus_meta", status=status_label(case["status"]), coach=fmt.md(case["coach_nama"]),
          due=fmt.day(case["due_date"], lg), v=case["version"])
    )  # fmt: skip
    if case["status"] in cases.OPEN and case["due_date"] and case["due_date"] < dt.date.today():
        st.warning(t("kasus_overdue"))
    if case["fokus"]:
        st.markdown(f"**{col('fokus')}:** " + ", ".join(fmt.md(fmt.capaian_in_text(x, lg)) for x in case["fokus"]))
    if case["rencana"]:
        st.markdown(f"**{t('kasus_plan')}:**")
        for step in case["rencana"]:
            when = step.get("tanggal")
            st.markdown(f"- {fmt.md(step.get('aksi', ''))} ({fmt.day(dt.date.fromisoformat(when[:10]), lg) if when else '–'})")
    if case["hasil"]:
        st.markdown(f"**{t('kasus_outcome')}:** {fmt.md(case['hasil'])}")
    if case["alasan_batal"]:
        st.markdown(f"**{col('alasan_batal')}:** {fmt.md(case['alasan_batal'])}")


def _value(key: str, value) -> str:
    """One recorded value in words: statuses and rules named, NIPs masked, plans as 'action (date)'."""
    if value is None or value == [] or value == "":
        return "–"
    if key == "status":
        return status_label(value)
    if key == "coach_nip":
        return fmt.mask_nip(value)
    if key == "aturan":
        return ", ".join(t(f"rule_short_{r}") for r in value)
    if key == "rencana":
        return ", ".join(f"{s.get('aksi', '')} ({_day_text(s.get('tanggal'))})" for s in value)
    if key in ("due_date", "tanggal"):  # the due date, a session's date
        return _day_text(value)
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def _day_text(value) -> str:
    """A recorded date (ISO text or a date) as the UI writes days."""
    if not value:
        return "–"
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return fmt.day(day, lang())


def trail_frame(events: list[dict]) -> pl.DataFrame:
    """The trail as text: when, who, what changed, before and after (status codes in words)."""

    def text(d: dict | None) -> str:
        return "; ".join(f"{col(k)}: {_value(k, v)}" for k, v in d.items()) if d else "–"

    rows = [
        {"at": fmt.day(fmt.in_zone(e["at"], zone()), lang()), "actor": e["actor"], "event": t(f"event_{e['event']}"),
         "before": text(e["before"]), "after": text(e["after"]), "version": e["version"]}
        for e in events
    ]  # fmt: skip
    return pl.DataFrame(rows, schema={k: pl.String for k in ("at", "actor", "event", "before", "after")} | {"version": pl.Int64})


def _award(row: dict) -> None:
    ss = st.session_state
    if not actor():
        say("warning", t("kasus_actor_needed"))
        return
    try:
        cases.record_award(
            engine(), nip=row["nip"], nama=row["nama"], jenis=str(ss.get("award_kind") or ""),
            tanggal=ss.get("award_date") or dt.date.today(), diberikan_oleh=str(ss.get("award_by") or ""),
            catatan=str(ss.get("award_note") or "") or None, actor=actor(), within=within(),
        )  # fmt: skip
    except cases.CaseError as exc:
        say("error", exc.text(lang()))
        return
    say("success", t("award_saved"))


def award_form(row: dict) -> None:
    """Record an award given to the chosen employee (kind, date, by whom)."""
    with st.form("award_form"):
        st.markdown(f"**{t('award_record')}: {fmt.md(row['nama'])}**")
        c1, c2, c3 = st.columns(3)
        c1.selectbox(t("award_kind"), settings().section("kasus").get("award_kinds", []), key="award_kind",
                     accept_new_options=True)  # fmt: skip
        c2.date_input(t("award_date"), dt.date.today(), key="award_date", format="DD/MM/YYYY")
        c3.text_input(t("award_by"), key="award_by")
        st.text_input(t("award_note"), key="award_note")
        st.form_submit_button(t("award_record"), on_click=_award, args=(row,))


def case_link(nip: str | None) -> None:
    """A link to the coaching-case page for one employee (open a case, or see theirs)."""
    from ui.page import PAGES

    page = PAGES.get("kasus")
    if not nip or page is None:
        return
    theirs = read.cases(engine(), connection(), scope()).filter(pl.col("nip") == nip)
    if theirs.is_empty():
        st.page_link(page, label=t("open_case"), icon=":material/assignment_add:", query_params={"nip": nip})
        return
    last = theirs.sort("id").row(-1, named=True)  # their case exists: the link says so and shows it
    label = t("kasus_view", id=last["id"], status=status_label(last["status"]).lower())
    st.page_link(page, label=label, icon=":material/assignment:", query_params={"nip": nip})
