"""The Data page's mapping step: what was detected in an uploaded file, editable, with a dry run and profiles."""

from __future__ import annotations

import hashlib

import polars as pl
import streamlit as st

import ui.text_peran  # noqa: F401  (registers the labels)
from domain.kinds import KINDS
from domain.places import PLACES
from pipelines.intake import mapping
from pipelines.intake.errors import FileRefused
from pipelines.intake.layouts import FIELDS
from pipelines.intake.prepare import ReadOptions, inspect
from pipelines.load.dry_run import dry_run
from pipelines.load.transaction import profiles_dir
from ui import fmt
from ui.data import settings
from ui.i18n import col, lang, t

KIND_NAMES = list(KINDS)
_SOURCES = {"pengguna": "map_user", "judul": "map_title_cells", "nama berkas": "map_filename"}


def context_fields() -> dict[str, str | None]:
    """Place, OPD, unit, period and a roster's as-of date for files that do not say them (the CLI's --lokasi,
    --opd, --unit, --periode and --per-tanggal)."""
    st.caption(t("map_context"))
    c1, c2, c3, c4, c5 = st.columns(5)
    lokasi = c1.selectbox(t("map_lokasi"), ["", *PLACES], key="ctx_lokasi", format_func=lambda v: v or t("map_from_file"))
    opd = c2.text_input(t("map_opd"), key="ctx_opd", placeholder=t("map_from_file"))
    unit = c3.text_input(t("map_unit"), key="ctx_unit", placeholder=t("map_from_file"))
    periode = c4.text_input(t("map_periode"), key="ctx_periode", placeholder=t("map_from_file"))
    as_of = c5.text_input(
        t("map_per_tanggal"), key="ctx_per_tanggal", placeholder=t("map_from_file"), help=t("map_per_tanggal_help")
    )
    return {
        "lokasi": lokasi or None,
        "opd": opd.strip() or None,
        "unit": unit.strip() or None,
        "periode": periode.strip() or None,
        "per_tanggal": as_of.strip() or None,
    }


def _key(name: str, data: bytes) -> str:
    return hashlib.sha1(name.encode() + data[:65536] + str(len(data)).encode()).hexdigest()[:12]


def _opts(ctx: dict, sheet: str | None = None) -> ReadOptions:
    s = settings()
    return ReadOptions(
        sheet=sheet, context=ctx, profiles_dir=profiles_dir(s), granularity=s.section("periode").get("granularity", "bulanan")
    )


def _target_label(target: str) -> str:
    return col(target)


def _columns_editor(plan: mapping.Plan, table, key: str) -> dict[str, str | None]:
    """Each header's target, editable; returns the edited mapping."""
    targets = KINDS[plan.kind].columns if plan.kind else []
    labels = {_target_label(c): c for c in targets}
    ignore = t("map_ignore")
    # a column the person mapped by hand is certain: its confidence reads 100% from the next run on (the keyed
    # editor keeps its edits while the values shown change)
    edits = (st.session_state.get(f"cols_{key}") or {}).get("edited_rows", {})
    by_hand = {int(i) for i, change in edits.items() if t("map_col_target") in change}
    rows = []
    for i, (h, target) in enumerate(plan.columns.items()):
        sample = table.body[h].drop_nulls().head(1).to_list() if h in table.body.columns else []
        rows.append(
            {
                t("map_col_file"): h,
                t("map_col_target"): _target_label(target) if target else ignore,
                t("map_col_conf"): 100 if i in by_hand else round(100 * plan.confidence.get(h, 1.0 if target else 0.0)),
                t("map_col_sample"): str(sample[0])[:60] if sample else "",
            }
        )
    edited = st.data_editor(
        pl.DataFrame(rows),
        hide_index=True,
        key=f"cols_{key}",
        width="stretch",
        disabled=[t("map_col_file"), t("map_col_conf"), t("map_col_sample")],
        column_config={
            t("map_col_target"): st.column_config.SelectboxColumn(t("map_col_target"), options=[ignore, *labels], required=True),
            t("map_col_conf"): st.column_config.ProgressColumn(t("map_col_conf"), min_value=0, max_value=100, format="%d%%"),
        },
    )
    out = {}
    for i, r in enumerate(pl.DataFrame(edited).iter_rows(named=True)):
        out[r[t("map_col_file")]] = labels.get(r[t("map_col_target")])
        if i in by_hand:
            plan.confidence[r[t("map_col_file")]] = 1.0
    return out


def _values_editor(plan: mapping.Plan, table, key: str) -> dict[str, dict[str, int]]:
    """SKM answer labels and their 1-4 scores, editable."""
    vm = mapping.value_map(plan, table)
    if not vm:
        return plan.values
    st.markdown(f"**{t('map_values')}**")
    rows = [
        {t("map_unsur"): _target_label(u), t("map_label"): label, t("map_score"): score}
        for u, labels in vm.items()
        for label, score in labels.items()
    ]
    edited = st.data_editor(
        pl.DataFrame(rows, schema={t("map_unsur"): pl.String, t("map_label"): pl.String, t("map_score"): pl.Int64}),
        hide_index=True,
        key=f"vals_{key}",
        width="stretch",
        disabled=[t("map_unsur"), t("map_label")],
        column_config={t("map_score"): st.column_config.NumberColumn(t("map_score"), min_value=1, max_value=4, step=1)},
    )
    back = {_target_label(u): u for u in vm}
    out: dict[str, dict[str, int]] = {}
    for r in pl.DataFrame(edited).iter_rows(named=True):
        if r[t("map_score")] is not None:
            out.setdefault(back[r[t("map_unsur")]], {})[r[t("map_label")]] = int(r[t("map_score")])
    return out


def _context_table(plan: mapping.Plan) -> None:
    rows = [{t("map_field"): t(f"map_{f}").split(" (")[0], t("map_value"): plan.context.get(f) or t("map_none")} for f in FIELDS]
    st.markdown(f"**{t('map_context_found')}**")
    st.dataframe(pl.DataFrame(rows), hide_index=True, width="content")


def _dry(name: str, data: bytes, plan: mapping.Plan, ctx: dict) -> None:
    try:
        preview, rejects, _ = dry_run(name, data, plan, settings().raw, _opts(ctx))
    except FileRefused as exc:
        st.error(exc.text(lang()))
        return
    st.markdown(f"**{t('map_dry_rows')}**")
    shown = (
        preview.rename({"_baris": "baris"})
        .with_columns(  # as text: dates without a time, empty cells as –
            [
                pl.col(c).dt.date().cast(pl.String) if d == pl.Datetime else pl.col(c).cast(pl.String)
                for c, d in preview.rename({"_baris": "baris"}).schema.items()
                if c != "baris"
            ]
        )
        .fill_null("–")
    )
    st.dataframe(shown.rename({c: col(c) for c in shown.columns}), hide_index=True)
    if rejects.is_empty():
        st.success(t("map_dry_ok"))
    else:
        st.warning(t("map_dry_bad", n=fmt.num(rejects.height, 0, lang())))
        cols = ["baris", "kolom", "nilai", "alasan" if lang() == "id" else "reason"]
        st.dataframe(rejects.select(cols).rename({c: col(c) for c in cols}), hide_index=True)


# Session-state key: the files whose kind the person must still choose; the Data page holds the load until then.
PENDING = "_map_pending"


def _ask_kind(plan: mapping.Plan, least: float) -> None:
    lg = lang()
    pct = lambda v: fmt.pct(v, 0, lg)  # noqa: E731
    why = "; ".join(d[1] if lg == "en" else d[0] for d in plan.doubts)
    if plan.kind is None:
        st.warning(t("map_kind_unknown"), icon=":material/help:")
    else:
        guess = t(f"kind_{plan.kind}")
        st.warning(
            t("map_kind_unsure", guess=guess, score=pct(plan.score), least=pct(least), why=fmt.md(why) or "–"),
            icon=":material/help:",
        )


def step(name: str, data: bytes, kind: str | None, ctx: dict) -> mapping.Plan | None:
    """The mapping step for one uploaded file; returns the confirmed plan (None when the file is refused)."""
    key = _key(name, data)
    sheet = st.session_state.get(f"sheet_{key}")
    chosen_kind = st.session_state.get(f"kind_{key}") or kind
    try:
        table, plan = inspect(name, data, chosen_kind, _opts(ctx, sheet))
    except FileRefused as exc:
        st.error(f"{t('map_refused')}: {exc.text(lang())}")
        return None
    least = float(settings().section("muat").get("keyakinan_min", 0.75))
    # the kind itself in doubt (every column it maps is sure, the plan is not: an attendance list read as a
    # roster), as mapping.command_line judges it; a doubtful column instead is shown in the editor to confirm
    columns_sure = all(plan.confidence.get(h, 0.0) >= least for h, target in plan.columns.items() if target)
    unsure = chosen_kind is None and (plan.kind is None or plan.score < least and columns_sure)
    st.session_state[PENDING] = [n for n in st.session_state.get(PENDING, []) if n != name]
    with st.expander(t("map_title", name=fmt.md(name)), expanded=True):
        c1, c2 = st.columns(2)
        if unsure:  # below the confidence the load needs: the person says what the file is, nothing is assumed
            _ask_kind(plan, least)
        pick = c1.selectbox(
            t("map_kind_pick"),
            KIND_NAMES,
            index=None if unsure else KIND_NAMES.index(plan.kind) if plan.kind else 0,
            format_func=lambda k: t(f"kind_{k}"),
            placeholder=t("map_kind_choose"),
            key=f"kindsel_{key}",
        )
        if pick is None:
            st.session_state[PENDING] = [*st.session_state.get(PENDING, []), name]
            return None
        if pick != plan.kind or unsure:
            st.session_state[f"kind_{key}"] = pick
            table, plan = inspect(name, data, pick, _opts(ctx, sheet))
        if len(table.sheets) > 1:
            c2.selectbox(t("map_sheet_pick"), table.sheets, index=table.sheets.index(table.sheet), key=f"sheet_{key}")
        sheet_txt = f", {t('map_sheet')} '{fmt.md(table.sheet)}'" if len(table.sheets) > 1 else ""
        prof_txt = f", {t('map_profile_used')} '{fmt.md(plan.profile)}'" if plan.profile else ""
        st.markdown(t("map_detected", kind=t(f"kind_{plan.kind}"), row=table.header_row, sheet=sheet_txt, profile=prof_txt))
        _context_table(plan)
        if plan.doubts:  # why the plan is unsure (headers or values): the user confirms or corrects it here
            st.warning(t("map_doubts", why="; ".join(d[1] if lang() == "en" else d[0] for d in plan.doubts)))
        plan.columns = _columns_editor(plan, table, key)
        plan.values = _values_editor(plan, table, key)
        if plan.ignored:
            st.caption(t("map_ignored", cols=fmt.md(", ".join(plan.ignored))))
        if table.dropped:
            st.caption(
                t("map_dropped", rows=fmt.md(", ".join(f"{r} ({txt[:20]})" if txt else str(r) for r, txt in table.dropped[:8])))
            )
        b1, b2, b3 = st.columns([1, 1, 1])
        if b1.button(t("map_dry"), key=f"dry_{key}"):
            _dry(name, data, plan, ctx)
        pname = b2.text_input(
            t("map_profile_name"), key=f"pname_{key}", label_visibility="collapsed", placeholder=t("map_profile_name")
        )
        if b3.button(t("map_save"), key=f"save_{key}", disabled=not pname.strip()):
            mapping.save_profile(profiles_dir(settings()), pname.strip(), plan)
            plan.profile = pname.strip()
            st.success(t("map_saved", name=fmt.md(pname.strip())))
    return plan
