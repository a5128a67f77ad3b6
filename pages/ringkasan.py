"""Ringkasan: per place, headline figures against the previous period and what changed most; in a second
section, the units breaking the distribution curve."""

from __future__ import annotations

import html
from dataclasses import replace

import polars as pl
import streamlit as st

from ui import cakupan, fmt, urlstate
from ui.charts import PLACE_COLOURS
from ui.data import benchmark, cached, scope, settings, team_label
from ui.i18n import lang, t, value_label
from ui.page import filters
from ui.report_button import report_button
from ui.tables import show
from ui.talenta import compliance_note
from warehouse import queries

SECTIONS = ["utama", "kurva"]


def _ikm_latest(ikm: pl.DataFrame, place: str, lg: str) -> tuple[str, str | None, float | None, str]:
    """A place's IKM: the latest quarter in range whose responses cover enough of its months ([periode]
    cakupan_min) and its change against the quarter before, the quarter named with its months and respondents;
    a newer quarter still filling is named beneath as partial, never compared unsaid."""
    part = ikm.filter(pl.col("lokasi") == place).sort("periode")
    if part.is_empty():
        return "–", None, None, ""
    full = part.filter(pl.col("n_bulan") / 3 >= cakupan.cakupan_min())
    shown = full if full.height else part
    last = shown.row(-1, named=True)
    prev = shown.row(-2, named=True) if shown.height > 1 else None
    edges = settings().section("skm")
    k = last["ikm_konversi"]
    grade = "A" if k >= edges["a_min"] else "B" if k >= edges["b_min"] else "C" if k >= edges["c_min"] else "D"
    change = last["ikm_konversi"] - prev["ikm_konversi"] if prev else None
    delta = fmt.signed(change, 2, lg) if prev else None
    key = "ikm_quarter" if full.height else "ikm_quarter_partial"
    sub = [t(key, q=fmt.period(last["periode"], lg), m=last["n_bulan"], n=fmt.num(last["n_responden"], 0, lg))]
    newer = part.filter(pl.col("periode") > last["periode"])
    sub += [
        t("ikm_quarter_partial", q=fmt.period(r["periode"], lg), m=r["n_bulan"], n=fmt.num(r["n_responden"], 0, lg))
        + f": {fmt.num(r['ikm_konversi'], 2, lg)}"
        for r in newer.iter_rows(named=True)
    ]
    marks = "".join(f"<div class='{'s' if i == 0 else 'p'}'>{html.escape(x)}</div>" for i, x in enumerate(sub))
    return f"{fmt.num(last['ikm_konversi'], 2, lg)} ({grade})", delta, change, marks


# One table for every place's headline figures (drawn as a single element: twenty `st.metric`s in four rows of
# columns cost a new tab about as much as the rest of the page). Styled like Streamlit's own figures.
HEADLINE_CSS = """<style>
table.headline { width: 100%; border-collapse: collapse; margin: 0.25rem 0 0.5rem; }
table.headline th, table.headline td { border: none; padding: 0.35rem 0.75rem 0.35rem 0; text-align: left;
  vertical-align: top; background: none; }
table.headline thead th { font-size: 0.875rem; font-weight: 400; color: inherit; opacity: 0.85; cursor: help; }
table.headline .i { display: inline-block; width: 1rem; height: 1rem; line-height: 1rem; border: 1px solid #8b8d96;
  border-radius: 50%; text-align: center; font-size: 0.7rem; color: #6b6d76; margin-left: 0.3rem; }
table.headline tbody th { font-size: 1.35rem; font-weight: 600; white-space: nowrap; padding-top: 0.3rem; }
table.headline .v { font-size: 2rem; line-height: 1.2; }
table.headline .d { font-size: 0.875rem; display: inline-block; padding: 0 0.4rem; border-radius: 0.5rem; }
table.headline .up { color: rgb(21, 130, 55); background: rgba(33, 195, 84, 0.1); }
table.headline .down { color: rgb(189, 64, 67); background: rgba(255, 43, 43, 0.09); }
table.headline .p { font-size: 0.8rem; font-weight: 400; color: #8a5a00; white-space: normal; }
table.headline .s { font-size: 0.8rem; color: #6b6d76; }
table.headline .flat { color: rgb(109, 111, 122); background: rgba(128, 132, 149, 0.1); }
</style>"""

FIGURES = ["n", "rata", "sb", "bawah", "ikm"]  # the table's columns (codes stay in the markup, never on screen)


def _cell(figure: str, value: str, delta: str | None = None, change: float | None = None, inverse: bool = False) -> str:
    """One figure with its change: green when better, red when worse (`inverse`: lower is better), grey and
    without arrow when nothing changed (the change rounds to zero)."""
    out = f"<td data-figure='{figure}'><div class='v'>{html.escape(value)}</div>"
    if delta is not None:
        if change is None or round(change, 6) == 0:
            out += f"<div class='d flat'>{html.escape(delta)}</div>"
        else:
            better = (change > 0) != inverse
            arrow = "▲" if change > 0 else "▼"
            out += f"<div class='d {'up' if better else 'down'}'>{arrow} {html.escape(delta)}</div>"
    return out + "</td>"


def _marks(row: dict, lg: str) -> str:
    """Under a place's name: its period's completeness when partial, and the period compared with when that is."""
    out = ""
    if row.get("lengkap") is False:
        out += f"<div class='p'>{html.escape(cakupan.words(row['n_dinilai'], row['n_pegawai']))}</div>"
    if row.get("lengkap_lalu") is False:
        prev = f"{fmt.period(row['periode_lalu'], lg)}: {cakupan.words(row['n_dinilai_lalu'], row['n_pegawai_lalu'])}"
        out += f"<div class='p'>{html.escape(prev)}</div>"
    return out


def _source(row: dict, lg: str) -> str:
    """Under the Sangat Baik share: whether its predikat are official, computed or a mix."""
    share = row.get("share_resmi")
    if share is None:
        return ""
    if 0 < share < 1:
        text = t("source_share", r=fmt.pct(share, 0, lg))
    else:
        text = t("source_official") if share >= 1 else t("source_computed")
    return f"<div class='s' data-source='{html.escape(text)}'>{html.escape(text)}</div>"


def _row(row: dict, ikm: pl.DataFrame, lg: str) -> str:
    """One place's row: its name (with its period's completeness), then the five headline figures with their changes."""
    place, label = html.escape(row["lokasi"]), html.escape(team_label(row["lokasi"]))  # an Atasan's: its team's
    cells = [
        f"<tr data-lokasi='{place}'><th scope='row'>"
        f"<span style='color:{PLACE_COLOURS.get(row['lokasi'], '#333')}'>■</span> {label}{_marks(row, lg)}</th>"
    ]
    dn = row["n"] - row["n_lalu"] if row["n_lalu"] is not None else None
    cells.append(_cell("n", fmt.num(row["n"], 0, lg), fmt.signed(dn, 0, lg) if dn is not None else None, dn))
    dm = row["rata_hasil"] - row["rata_hasil_lalu"] if None not in (row["rata_hasil"], row["rata_hasil_lalu"]) else None
    cells.append(
        _cell(
            "rata",
            fmt.num(row["rata_hasil"], 1, lg),
            fmt.signed(dm, 1, lg) if dm is not None else None,
            None if dm is None else round(dm, 1),
        )
    )
    cells.append(_cell("sb", fmt.pct(row["share_sangat_baik"], 1, lg))[: -len("</td>")] + _source(row, lg) + "</td>")
    # shares are of those with a predikat: None where nobody has one
    db = row["bawah"] - row["bawah_lalu"] if None not in (row["bawah"], row["bawah_lalu"]) else None
    cells.append(
        _cell(
            "bawah",
            fmt.pct(row["bawah"], 1, lg),
            (fmt.signed(db * 100, 1, lg) + " pp") if db is not None else None,
            None if db is None else round(db * 100, 1),
            inverse=True,
        )
    )
    value, delta, change, marks = _ikm_latest(ikm, row["lokasi"], lg)
    cells.append(_cell("ikm", value, delta, None if change is None else round(change, 2))[: -len("</td>")] + marks + "</td>")
    return "".join(cells) + "</tr>"


def _figures_table(rows: list[dict], ikm: pl.DataFrame, lg: str) -> str:
    """Every place's headline figures in one table; each figure's name says, on hover, what it is and what n counts."""
    cap = fmt.num(settings().section("capaian")["cap"], 0, lg)
    ns = ikm.sort("periode").group_by("lokasi", maintain_order=True).agg(pl.col("n_responden").last())
    resp = " ".join(
        f"{p}: n = {fmt.num(n, 0, lg)}." for p, n in zip(ns["lokasi"], ns["n_responden"], strict=True) if n is not None
    )
    helps = {
        "n": (t("employees_appraised"), t("help_n")),
        "rata": (t("mean_score"), t("help_mean", cap=cap)),
        "sb": (t("share_sb"), t("help_sb") + " " + t("help_source")),
        "bawah": (t("share_below"), t("help_below")),
        "ikm": (t("ikm"), t("help_ikm", k=fmt.num(settings().section("skm")["konversi"], 0, lg)) + (f" {resp}" if resp else "")),
    }
    head = "".join(
        f"<th scope='col' data-figure='{k}' title='{html.escape(helps[k][1], quote=True)}'>"
        f"{html.escape(helps[k][0])}<span class='i' aria-hidden='true'>?</span></th>"
        for k in FIGURES
    )
    body = "".join(_row(r, ikm, lg) for r in rows)
    return f"{HEADLINE_CSS}<table class='headline'><thead><tr><th></th>{head}</tr></thead><tbody>{body}</tbody></table>"


def _with_coverage(f, head: pl.DataFrame) -> pl.DataFrame:
    """The headline rows with their period's and the compared period's coverage and official predikat share."""
    cov = cakupan.coverage(f).select("lokasi", "periode", "n_pegawai", "n_dinilai", "lengkap", "share_resmi")
    lalu = cov.select(pl.all().name.suffix("_lalu")).rename({"lokasi_lalu": "lokasi"}).drop("share_resmi_lalu")
    return head.join(cov, on=["lokasi", "periode"], how="left").join(lalu, on=["lokasi", "periode_lalu"], how="left")


def _partial_notes(f, head: pl.DataFrame, lg: str) -> None:
    """Say when the headline's period or the one compared with is partial, and which places have nothing in it."""
    last, prev = head["periode"][0], head["periode_lalu"][0]
    items = cakupan.last_partial(f, last)
    if items:
        st.warning(t("headline_partial", p=fmt.period(last, lg), items="; ".join(items)), icon=":material/hourglass_top:")
    before = cakupan.last_partial(f, prev)
    if before:
        st.warning(t("headline_prev_partial", p=fmt.period(prev, lg), items="; ".join(before)), icon=":material/hourglass_top:")
    cov = cakupan.coverage(f).filter((pl.col("periode") == last) & (pl.col("n_dinilai") == 0))
    missing = [p for p in PLACE_COLOURS if p in cov["lokasi"].to_list() and p not in head["lokasi"].to_list()]
    if missing:
        st.info(t("headline_missing", p=fmt.period(last, lg), places=", ".join(missing)), icon=":material/info:")


def _headline(f, sc, lg: str, over: dict, br: pl.DataFrame, sumber: str) -> None:
    """Per place, the five headline figures; then the OPDs that changed most, and how many units break the curve."""
    ikm = cached(queries.ikm_by_place, f, sc).join(
        cached(queries.ikm_coverage, f, sc).select("lokasi", "periode", "n_bulan"), on=["lokasi", "periode"], how="left"
    )
    head = _with_coverage(f, over["head"])
    partial = head["lengkap"].eq(False).any() or head["lengkap_lalu"].eq(False).any()
    mark = f" · {t('partial_short')}" if partial else ""
    st.subheader(f"{fmt.period(head['periode'][0], lg)} · {t('vs_prev', p=fmt.period(head['periode_lalu'][0], lg))}{mark}")
    _partial_notes(f, head, lg)
    last = head["periode"][0]  # the headline's period: its sources, not the whole range's
    cakupan.source_caption(replace(f, dari=last, sampai=last), sumber, head["lokasi"].to_list())
    ordered = head.sort(pl.col("lokasi").replace_strict({p: i for i, p in enumerate(PLACE_COLOURS)}, default=9))
    st.markdown(_figures_table(list(ordered.iter_rows(named=True)), ikm, lg), unsafe_allow_html=True)
    st.divider()
    st.subheader(t("what_changed"))
    ch = over["changes"]
    if ch.height:
        st.caption(f"{fmt.period(ch['dari'][0], lg)} → {fmt.period(ch['sampai'][0], lg)}")
        show(ch.select("lokasi", "opd", "awal", "akhir", "perubahan", "n"), "perubahan_terbesar", t("what_changed"), f)
    if br.height:
        units = br.select("lokasi", "opd", "unit_kerja").n_unique()
        st.warning(t("curve_breaks_count", units=fmt.num(units, 0, lg), rows=fmt.num(br.height, 0, lg)), icon=":material/rule:")
    compliance_note(f, sc)


def _curve(f, br: pl.DataFrame) -> None:
    """The units whose predikat mix breaks the distribution curve, with the rule each breaks."""
    st.subheader(t("distribution"))
    if br.is_empty():
        st.success(t("curve_none"))
        return
    codes = br["pelanggaran"].explode().drop_nulls().unique().to_list()
    names = {c: value_label("pelanggaran", c) for c in codes}
    show(
        br.select(
            "lokasi",
            "opd",
            "unit_kerja",
            "periode",
            "predikat_organisasi",
            "n",
            pl.col("pelanggaran").list.eval(pl.element().replace_strict(names, default=pl.element())).list.join("; "),
        ),
        "kurva_distribusi",
        t("distribution"),
        f,
        widths={"pelanggaran": "large"},
    )
    st.caption(t("curve_note"))


def run() -> None:
    f, sc, lg = filters(), scope(), lang()
    st.title(t("page_ringkasan"))
    report_button("ringkasan")
    f, sc, _ = benchmark(f, sc)  # a pimpinan: every place as aggregates, or their own data
    c1, c2 = st.columns([3, 2])
    with c1:
        section = urlstate.section("ringkasan_bagian", SECTIONS)
    with c2:  # the headline compares places: which predikat it counts (official, computed, best available)
        sumber = cakupan.source_control() if section == "utama" else "terbaik"
    over = cached(queries.overview, f, sc, sumber=sumber)
    if over["head"].is_empty():
        st.info(t("no_data"))
        return
    br = cached(queries.distribution_breaks, f, sc)
    if section == "kurva":
        _curve(f, br)
    else:
        _headline(f, sc, lg, over, br, sumber)


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
