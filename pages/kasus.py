"""Kasus pembinaan: who is being coached, by whom, on what, is it overdue, and did it help."""

from __future__ import annotations

import datetime as dt

import polars as pl
import streamlit as st

from coaching import cases, read
from coaching.views import with_overdue
from pages.pembinaan import rule_labels
from ui import kasus
from ui.auth import current_principal
from ui.data import connection, scope, settings
from ui.i18n import t
from ui.page import filters
from ui.tables import show

CASE_COLUMNS = ["id", "nama", "lokasi", "opd", "status", "coach_nama", "due_date", "terlambat", "n_sesi", "opened_at",
                "closed_at", "hasil"]  # fmt: skip
EFFECT_COLUMNS = ["n", "n_pembanding", "terlalu_kecil", "perubahan", "ci_bawah", "ci_atas", "perubahan_pembanding",
                  "ci_bawah_pembanding", "ci_atas_pembanding", "selisih", "hasil_sebelum", "hasil_sesudah",
                  "perubahan_predikat", "perubahan_predikat_pembanding", "share_keluar", "share_keluar_pembanding",
                  "n_belum"]  # fmt: skip


def _table(frame: pl.DataFrame) -> pl.DataFrame:
    """Cases as shown: status in words, days as dates (spelled out by the grid's formatting, sorted as dates),
    blanks as dashes."""
    days = [pl.col("opened_at").dt.date(), pl.col("closed_at").dt.date(), pl.col("due_date").cast(pl.Date)]
    out = kasus.labelled(frame).with_columns(days).with_columns(
        pl.col("hasil").fill_null("–"), pl.col("coach_nama").fill_null("–"),
    )  # fmt: skip
    return out.select(CASE_COLUMNS)


def _open_section(con, sc, nip: str, today: dt.date) -> None:
    pre = read.prefill(con, sc, nip, settings(), today)
    if pre is None:
        st.warning(t("not_found"))
        return
    open_now = read.cases(kasus.engine(), con, sc).filter((pl.col("nip") == nip) & pl.col("status").is_in(cases.OPEN))
    if open_now.height:  # one open case per employee: show it instead of a second one
        st.info(t("kasus_existing", id=open_now["id"][-1], status=kasus.status_label(open_now["status"][-1])))
        st.session_state.setdefault("kasus_pick", int(open_now["id"][-1]))
        return
    kasus.open_form(pre, rule_labels())


def _case_picker(all_cases: pl.DataFrame) -> None:
    ids = all_cases.sort("id", descending=True)["id"].to_list()
    names = {r["id"]: f"#{r['id']} · {r['nama']} · {kasus.status_label(r['status'])}" for r in all_cases.iter_rows(named=True)}
    wanted = st.session_state.get("kasus_pick") or st.query_params.get("kasus")
    if wanted is not None and str(wanted).isdigit() and int(wanted) in ids:
        st.session_state["kasus_pick"] = int(wanted)
    else:
        st.session_state.pop("kasus_pick", None)
    case_id = st.selectbox(t("kasus_pick"), ids, format_func=names.get, key="kasus_pick")
    found = read.case_detail(kasus.engine(), connection(), scope(), case_id)
    if found is None:  # gone from the scope since the list was read
        st.warning(t("not_found"))
        return
    kasus.detail(found["case"])
    notes = [{k: n[k] for k in ("tanggal", "dibahas", "langkah", "created_by")} for n in found["sessions"]]
    if notes:
        st.markdown(f"**{t('kasus_sessions')}**")
        notes_frame = pl.DataFrame(notes).with_columns(pl.col("tanggal").cast(pl.Date))
        show(notes_frame, f"kasus_sesi_{case_id}", t("kasus_sessions"), None)
    st.markdown(f"**{t('kasus_trail')}**")
    show(kasus.trail_frame(found["events"]), f"kasus_jejak_{case_id}", t("kasus_trail"), None)


def _effect(con, sc, f) -> None:
    cfg = settings().section("kasus")
    st.caption(t("effect_intro", k=cfg["effect_periods"]))
    st.info(t("effect_caveat", m=cfg["min_group"]))
    eff = read.effectiveness(kasus.engine(), con, sc, settings())
    if eff["semua"].is_empty():
        st.caption(t("effect_none"))
        return
    dec = {c: 1 for c in EFFECT_COLUMNS} | {"perubahan_predikat": 2, "perubahan_predikat_pembanding": 2}
    pct = ["share_keluar", "share_keluar_pembanding"]
    for level, keys, title in (("semua", ["kelompok"], "effect_overall"), ("opd", ["lokasi", "opd"], "effect_by_opd"),
                               ("coach", ["coach_nama"], "effect_by_coach")):  # fmt: skip
        st.markdown(f"**{t(title)}**")
        frame = eff[level].with_columns([pl.col(c) * 100 for c in pct])
        if level == "semua":
            frame = frame.with_columns(pl.lit(t("effect_overall")).alias("kelompok"))
        show(frame.select(*keys, *EFFECT_COLUMNS), f"kasus_efek_{level}", t(title), f, decimals=dec)


def run() -> None:
    f, sc, today = filters(), scope(), dt.date.today()
    st.title(t("page_kasus"))
    st.caption(t("kasus_intro"))
    con = connection()
    kasus.messages()
    if nip := st.query_params.get("nip"):
        _open_section(con, sc, nip, today)
    # lazy tabs: only the chosen one runs (a hidden grid is never drawn, and the effect figures cost queries)
    labels = [t("tab_all"), t("tab_opd"), t("tab_mine"), t("tab_effect")]
    tabs = st.tabs(labels, key="kasus_tab", on_change="rerun")
    draw = [lambda: _all_tab(read.cases(kasus.engine(), con, sc, f), today, f), lambda: _opd_tab(con, sc, f, today),
            lambda: _mine_tab(con, sc, f, today), lambda: _effect(con, sc, f)]  # fmt: skip
    for tab, fill in zip(tabs, draw, strict=True):
        if tab.open:
            with tab:
                fill()


def _all_tab(visible: pl.DataFrame, today: dt.date, f) -> None:
    if visible.is_empty():
        st.info(t("kasus_none"))
        return
    show(_table(with_overdue(visible, today)), "kasus_semua", t("tab_all"), f)
    _case_picker(visible)


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
