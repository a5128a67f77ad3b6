"""Data: upload files into the same pipeline as the CLI, see the validation report, rejected rows and load history."""

from __future__ import annotations

import secrets

import polars as pl
import streamlit as st
from streamlit.logger import get_logger
from streamlit.runtime.scriptrunner_utils.exceptions import ScriptControlException

import ui.text_peran  # noqa: F401  (registers the labels)
from appdb.demo import demo_accounts_active, is_demo_load, load_locks_out
from pipelines.intake.prepare import ReadOptions
from pipelines.load.guards import LoadFailed
from pipelines.load.transaction import load_files, profiles_dir, progress_text
from ui import (
    audit,
    fmt,
    text_talenta,  # noqa: F401  (labels of the talent kinds)
)
from ui.auth import current_principal, engine
from ui.data import cached, connection, scope, settings
from ui.i18n import lang, t
from ui.mapping_step import PENDING, context_fields, step
from ui.page import PAGES, uploader_language
from ui.tables import show
from warehouse import queries

KINDS = ["pegawai", "capaian", "perilaku", "evaluasi", "skm", "asesmen", "sanksi", "pengecualian"]
log = get_logger(__name__)


def _unstoppable(show_it, interrupted: list):
    """A progress callback that a rerun can't stop: a widget sending its state during a load (an edited
    grid) would otherwise end the script inside the load, before it commits. The load finishes; the rerun
    runs right after it."""

    def call(*args) -> None:
        try:
            show_it(*args)
        except ScriptControlException:
            interrupted.append(True)

    return call


def _load(files, kind: str | None, plans: dict, ctx: dict, replace: bool) -> None:
    bar = st.progress(0.0, text="…")
    waiting = st.empty()
    sc = scope()  # an admin loads for the places of their scope only (none: every row is refused)
    places = None if sc.unrestricted else tuple(sc.lokasi or ())
    opts = ReadOptions(context=ctx, plans=plans, profiles_dir=profiles_dir(settings()), places=places)
    interrupted: list = []
    try:
        report = load_files(
            [(u.name, u.getvalue()) for u in files],
            settings(),
            kind=kind,
            replace=replace,
            progress=_unstoppable(lambda frac, msg: bar.progress(min(frac, 1.0), text=progress_text(msg, lang())), interrupted),
            opts=opts,
            on_wait=_unstoppable(lambda pesan, message: waiting.info(pesan if lang() == "id" else message), interrupted),
        )
    except LoadFailed as exc:
        bar.empty()
        waiting.empty()
        audit.log("upload", rows=0, outcome="failed", detail={"files": [u.name for u in files], "kind": kind})
        ref = secrets.token_hex(4).upper()  # the message names server folders: it goes to the log, not the page
        log.error("Load failed, reference %s: %s", ref, exc.message)
        st.error(t("load_failed", ref=ref))
        return
    # kept for the reruns that follow (an edited grid sends its state again after a load), until the next load
    st.session_state["last_load_report"] = report
    waiting.empty()
    audit.log(
        "upload",
        rows=int(report.summary()["dimuat"].sum()),
        outcome=str(report.exit_code),
        detail={"files": [u.name for u in files], "kind": kind},
    )
    if interrupted:  # the rerun a widget asked for during the load; the report is kept in session state
        st.rerun()
    bar.empty()


def _report(report) -> None:
    if report.exit_code == 0:
        st.success(t("load_ok"))
    elif report.exit_code == 1:
        st.warning(t("load_partial"))
    else:
        st.error(t("load_refused"))
    for fr in report.files:
        if fr.status == "ditolak":
            st.error(fmt.md(f"{fr.berkas}: {fr.pesan if lang() == 'id' else fr.message}"))
        elif fr.pesan:  # sheet, context, ignored columns, dropped rows: never silent
            st.caption(fmt.md(f"{fr.berkas}: {fr.pesan if lang() == 'id' else fr.message}"))
    show(
        report.summary().select("berkas", "jenis", "status", "dibaca", "dimuat", "ditolak"), "hasil_muat", t("load_history"), None
    )
    if report.rejects.height:
        st.subheader(t("rejects"))
        cols = ["berkas", "baris", "kolom", "nilai", "alasan" if lang() == "id" else "reason"]
        every = _readable(report.rejects.select(cols))
        shown = _shown()
        show(every.head(shown), "baris_ditolak_baru", t("rejects"), None, total=every.height, full=lambda: every)


MAX_VALUE = 200  # characters of a rejected value shown: a file can hold a cell of megabytes


def _readable(rejects: pl.DataFrame) -> pl.DataFrame:
    """Rejected values cut to a readable length (the whole value stays in the file the person loaded)."""
    long = pl.col("nilai").str.len_chars() > MAX_VALUE
    return rejects.with_columns(
        pl.when(long).then(pl.col("nilai").str.slice(0, MAX_VALUE) + "…").otherwise(pl.col("nilai")).alias("nilai")
    )


def _shown() -> int:
    return int(settings().section("muat").get("rejects_shown", 2000))


def _too_large(files) -> list:
    """The uploads larger than `[muat] max_upload_mb`, refused before they are read (each said on screen)."""
    limit = float(settings().section("muat").get("max_upload_mb", 50))
    big = [u for u in files if u.size > limit * 2**20]
    most = fmt.num(limit, 0 if limit == int(limit) else 2, lang())
    for u in big:
        st.error(t("upload_too_large", name=fmt.md(u.name), mb=fmt.num(u.size / 2**20, 1, lang()), limit=most))
    return big


def _demo_guard(names: list[str]) -> bool:
    """Before a load: whether it may go ahead. A load that would switch the demo accounts off while no real
    administrator exists is refused here, before it starts (nobody could sign in afterwards); one that will
    switch them off says so."""
    if str(settings().section("auth").get("demo", "auto")).lower() != "auto":
        return True
    loaded = cached(queries.load_history)["berkas"].unique().to_list()
    if load_locks_out(engine(), loaded, names):
        st.warning(t("demo_lockout"), icon=":material/lock:")
        if (akun := PAGES.get("akun")) is not None:
            st.page_link(akun, label=t("to_akun"), icon=":material/manage_accounts:")
        return False
    if not is_demo_load([*loaded, *names]) and is_demo_load(loaded) and demo_accounts_active(engine()):
        st.info(t("demo_will_end"))
    return True


def run() -> None:
    st.title(t("page_data"))
    who = current_principal()
    if who is None or not who.is_admin:  # uploads and load reports are for admins only
        st.error(t("admin_only"))
        return
    uploader_language()
    files = st.file_uploader(t("upload"), type=["csv", "xlsx", "xls", "parquet"], accept_multiple_files=True, key="upload_files")
    kind = st.selectbox(t("kind"), ["auto", *KINDS], format_func=lambda k: t("auto") if k == "auto" else t(f"kind_{k}"))
    ctx = context_fields()
    if files and (big := _too_large(files)):
        files = [u for u in files if u not in big]
    if files:
        chosen = None if kind == "auto" else kind
        st.session_state[PENDING] = []
        plans = {u.name: p for u in files if (p := step(u.name, u.getvalue(), chosen, ctx)) is not None}
        if pending := st.session_state[PENDING]:  # a kind below its confidence: asked, never assumed
            st.warning(t("map_pending", names=fmt.md(", ".join(pending))), icon=":material/help:")
        else:
            st.caption(t("map_ready"))
        replace = st.checkbox(t("replace_roster"), help=t("replace_roster_help"), key="replace_roster")
        ready = _demo_guard([u.name for u in files]) and not pending  # the guard speaks whatever is pending
        if st.button(t("load_btn"), type="primary", key="load_btn", disabled=not ready) and ready:
            _load(files, chosen, plans, ctx, replace)
    if (report := st.session_state.get("last_load_report")) is not None:
        _report(report)
    _history()


def _history() -> None:
    """The loads and rejected rows of the admin's places only (`queries.loads_seen`), the rejects capped."""
    sc, lg = scope(), lang()
    st.subheader(t("load_history"))
    hist = cached(queries.loads_seen, sc)
    cols = [
        "load_id",
        "waktu",
        "berkas",
        "jenis",
        "status",
        "dibaca",
        "dimuat",
        "ditolak",
        "pesan" if lg == "id" else "message",
        "diganti" if lg == "id" else "replaced",
    ]
    if hist.is_empty():  # the page has no filters: say why it is empty, not "widen the period range"
        st.info(t("no_loads"))
    else:
        show(hist.select(cols), "riwayat_muat", t("load_history"), None)
    st.subheader(t("rejects"))
    count = cached(queries.rejects_count, sc)
    if count["rows"] > count["kept_rows"]:  # a file's rejections were capped when it was loaded
        st.caption(t("rejects_capped", rows=fmt.num(count["rows"], 0, lg), kept=fmt.num(count["kept_rows"], 0, lg)))
    cols = ["load_id", "berkas", "baris", "kolom", "nilai", "alasan" if lg == "id" else "reason"]
    rej = _readable(cached(queries.rejects_seen, sc, limit=_shown()).select(cols))
    if rej.is_empty():
        st.info(t("no_rejects"))
        return
    con = connection()  # the downloads' whole list is read when a button is pressed, outside the page script
    every = lambda: _readable(queries.rejects_seen(con, sc).select(cols))  # noqa: E731
    show(rej, "baris_ditolak", t("rejects"), None, total=count["kept"], full=every)


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
