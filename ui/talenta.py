"""Streamlit-side helpers of the talent pages: box names and actions from settings in the chosen language, level
words, and the nine-box drawn as agencies draw it (kinerja up, potensial across, box numbers 4 7 9 / 2 5 8 / 1 3 6)."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl
import streamlit as st

from domain.talenta import GRID
from ui import fmt
from ui import text_talenta as tt
from ui.data import cached, connection, scope, settings
from ui.i18n import col, lang, t
from warehouse import talenta


def boxes() -> dict[int, tuple[str, str]]:
    """Box -> (name, action) as set in [talenta.kotak]; the English of the default wording where it is unchanged."""
    from settings import load_settings

    defaults = load_settings().section("talenta").get("kotak", {})
    out = {}
    for key, text in settings().section("talenta").get("kotak", {}).items():
        b = int(key)
        if lang() == "en" and text == defaults.get(key) and b in tt.BOX_EN:
            text = tt.BOX_EN[b]
        name, _, action = text.partition("|")
        out[b] = (name.strip(), action.strip())
    return out


def level(code: str | None) -> str:
    """A level or status code (di_atas, tinggi, sedang, cltn ...) in words."""
    if code is None:
        return "–"
    pair = tt.LEVELS.get(code)
    return (pair[1] if lang() == "en" else pair[0]) if pair else code.replace("_", " ")


def level_column(frame: pl.DataFrame, name: str) -> pl.DataFrame:
    """A column of codes replaced by their words (for tables and downloads)."""
    if name not in frame.columns:
        return frame
    words = {c: level(c) for c in frame[name].drop_nulls().unique().to_list()}
    return frame.with_columns(pl.col(name).replace_strict(words, default=None, return_dtype=pl.String))


def with_years(frame: pl.DataFrame) -> pl.DataFrame:
    """`rincian_kinerja`: each year's kinerja score as the chosen language writes numbers ('2025: 100; 2026: 87,5')."""
    texts = [
        "; ".join(f"{y}: {fmt.num(v, 1, lang())}" for y, v in zip(ys or [], vs or [], strict=False))
        for ys, vs in zip(frame["tahun_kinerja"].to_list(), frame["nilai_per_tahun"].to_list(), strict=True)
    ]
    return frame.with_columns(pl.Series("rincian_kinerja", texts, dtype=pl.String))


def words_column(frame: pl.DataFrame, name: str) -> pl.DataFrame:
    """A column of comma-separated codes ('cltn, tugas_belajar') in words."""
    if name not in frame.columns:
        return frame
    texts = [None if v is None else ", ".join(level(c.strip()) for c in v.split(",")) for v in frame[name].to_list()]
    return frame.with_columns(pl.Series(name, texts, dtype=pl.String))


def yes_no(frame: pl.DataFrame, names: tuple[str, ...], yes: str, no: str) -> pl.DataFrame:
    """Boolean columns as words."""
    return frame.with_columns(
        pl.when(pl.col(c)).then(pl.lit(yes)).otherwise(pl.lit(no)).alias(c) for c in names if c in frame.columns
    )


def period_columns(frame: pl.DataFrame, names: tuple[str, ...]) -> pl.DataFrame:
    """Period keys ('2026-10') as the chosen language names them ('Okt 2026')."""
    out = frame
    for c in names:
        if c in frame.columns:
            out = out.with_columns(
                pl.Series(c, [fmt.period(v, lang()) if v else None for v in frame[c].to_list()], dtype=pl.String)
            )
    return out


def nine_box_figure(counts: pl.DataFrame) -> go.Figure:
    """The grid with each box's number, count and name; a box with too few people shows ○ instead of its count."""
    n = {r["kotak"]: r for r in counts.iter_rows(named=True)}
    z, text = [], []
    for row in GRID:
        zr, tr = [], []
        for b in row:
            r = n.get(b)
            shown = "○" if r and r["kecil"] else fmt.num(r["n"] if r else 0, 0, lang())
            zr.append(r["n"] if r and r["n"] is not None else 0)
            tr.append(f"<b>{t('tal_pick_box')} {b}</b><br>{shown}")
        z.append(zr)
        text.append(tr)
    pot = [level(c) for c in ("rendah", "menengah", "tinggi")]
    kin = [level(c) for c in ("di_atas", "sesuai", "di_bawah")]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=pot,
            y=kin,
            text=text,
            texttemplate="%{text}",
            textfont={"size": 18, "color": "#1b1b1b"},
            colorscale=[[0, "#f5faf5"], [1, "#8fce8f"]],  # light at both ends: black text stays readable
            showscale=False,
            hoverinfo="skip",
            xgap=3,
            ygap=3,
        )
    )
    fig.update_yaxes(autorange="reversed", title=t("tal_kinerja_axis"))
    fig.update_xaxes(side="bottom", title=t("tal_potensial_axis"))
    fig.update_layout(height=430, margin={"l": 10, "r": 10, "t": 10, "b": 10})
    return fig


def profile_boxes(nip: str) -> None:
    """An employee's talent box per year on their profile, with the reason (which predikat, which assessment) and the
    action; nothing when the viewer may not see them or there is no talent data."""
    rows = cached(talenta.employee_boxes, scope(), nip)
    if rows.is_empty():
        return
    st.subheader(t("tal_profile"))
    names = boxes()
    for r in rows.iter_rows(named=True):
        if r["kotak"] is None:
            st.caption(t("tal_profile_none", t=r["tahun"]))
            continue
        pot = fmt.num(r["nilai_potensial"], 1, lang()) if r["nilai_potensial"] is not None else level(r["kategori_potensial"])
        pot_detail = f"{fmt.md(r['instrumen'])}, {fmt.day(r['tanggal_asesmen'], lang())}: {pot}"
        years = "; ".join(f"{y}: {fmt.num(v, 1, lang())}" for y, v in zip(r["tahun_kinerja"], r["nilai_per_tahun"], strict=False))
        kin_detail = fmt.num(r["nilai_kinerja"], 1, lang()) + f" · {years}"
        line = t(
            "tal_profile_reason",
            t=r["tahun"],
            b=r["kotak"],
            k=level(r["kinerja_level"]),
            kd=kin_detail,
            p=level(r["potensial_level"]),
            pd=pot_detail,
        )
        action = names.get(r["kotak"], ("", ""))[1]
        sanction = f" ⚠ {col('tingkat_hukuman')}: {level(r['tingkat_hukuman'])}" if r["tingkat_hukuman"] else ""
        st.markdown(f"{line}  \n{fmt.md(action)}{sanction}")


def compliance_note(f, sc) -> None:
    """One line for Ringkasan: SKP compliance in the last period, the excused apart, linking to its page."""
    periods = talenta.compliance_periods(connection())
    if not periods:
        return
    by_opd = cached(talenta.compliance_by_opd, f, sc, periods[0])
    due = int(by_opd["n_wajib"].sum()) if by_opd.height else 0
    if not due:
        return
    have = int(by_opd["n_skp"].sum())
    text = t(
        "kep_ringkasan",
        p=fmt.period(periods[0], lang(), long=True),
        s=fmt.pct(have / due, 1, lang()),
        b=fmt.num(due - have, 0, lang()),
        x=fmt.num(int(by_opd["n_dikecualikan"].sum()), 0, lang()),
    )
    st.info(f"{text} [{t('page_kepatuhan')} →](/kepatuhan)", icon=":material/task_alt:")
