"""Ringkasan: per place, headline figures against the previous period and what changed most; in a second
section, the units breaking the distribution curve."""

from __future__ import annotations

import html

import polars as pl
import streamlit as st

from ui import fmt, urlstate
from ui.charts import PLACE_COLOURS
from ui.data import q, scope, settings
from ui.i18n import lang, t, value_label
from ui.page import filters, metric
from ui.tables import show

SECTIONS = ["utama", "kurva"]


def _ikm_latest(ikm: pl.DataFrame, place: str) -> tuple[str, str | None, float | None]:
    part = ikm.filter(pl.col("lokasi") == place).sort("periode")
    if part.is_empty():
        return "–", None, None
    last = part.row(-1, named=True)
    prev = part.row(-2, named=True) if part.height > 1 else None
    edges = settings().section("skm")
    k = last["ikm_konversi"]
    grade = "A" if k >= edges["a_min"] else "B" if k >= edges["b_min"] else "C" if k >= edges["c_min"] else "D"
    change = last["ikm_konversi"] - prev["ikm_konversi"] if prev else None
    delta = fmt.signed(change, 2, lang()) if prev else None
    return f"{fmt.num(last['ikm_konversi'], 2, lang())} ({grade})", delta, change


def _figures(row: dict, ikm: pl.DataFrame, lg: str, first: bool) -> None:
    """One place's row: its name, then the five headline figures, each with its change and a tooltip saying what
    n counts (the figures' names are written on the first row only)."""
    name, *c = st.columns([0.9, 1, 1, 1, 1, 1], vertical_alignment="top")
    # level with the figures: below the figures' names on the first row (no heading: no anchor link)
    pad = "2.1rem" if first else "0.5rem"
    name.markdown(
        f"<div style='padding-top:{pad};font-size:1.35rem;font-weight:600;white-space:nowrap'>"
        f"<span style='color:{PLACE_COLOURS.get(row['lokasi'], '#333')}'>■</span> {html.escape(row['lokasi'])}</div>",
        unsafe_allow_html=True,
    )
    cap = fmt.num(settings().section("capaian")["cap"], 0, lg)
    dn = row["n"] - row["n_lalu"] if row["n_lalu"] is not None else None
    metric(
        c[0],
        t("employees_appraised"),
        fmt.num(row["n"], 0, lg),
        fmt.signed(dn, 0, lg) if dn is not None else None,
        help=t("help_n"),
        change=dn,
        show_label=first,
    )
    dm = row["rata_hasil"] - row["rata_hasil_lalu"] if None not in (row["rata_hasil"], row["rata_hasil_lalu"]) else None
    metric(
        c[1],
        t("mean_score"),
        fmt.num(row["rata_hasil"], 1, lg),
        fmt.signed(dm, 1, lg) if dm is not None else None,
        help=t("help_mean", cap=cap),
        change=None if dm is None else round(dm, 1),
        show_label=first,
    )
    metric(c[2], t("share_sb"), fmt.pct(row["share_sangat_baik"], 1, lg), help=t("help_sb"), show_label=first)
    # shares are of those with a predikat: None where nobody has one
    db = row["bawah"] - row["bawah_lalu"] if None not in (row["bawah"], row["bawah_lalu"]) else None
    metric(
        c[3],
        t("share_below"),
        fmt.pct(row["bawah"], 1, lg),
        (fmt.signed(db * 100, 1, lg) + " pp") if db is not None else None,
        inverse=True,
        help=t("help_below"),
        change=None if db is None else round(db * 100, 1),
        show_label=first,
    )
    value, delta, change = _ikm_latest(ikm, row["lokasi"])
    n = ikm.filter(pl.col("lokasi") == row["lokasi"]).sort("periode")["n_responden"].tail(1).to_list()
    metric(
        c[4],
        t("ikm"),
        value,
        delta,
        change=None if change is None else round(change, 2),
        help=t("help_ikm", k=fmt.num(settings().section("skm")["konversi"], 0, lg))
        + (f" (n = {fmt.num(n[0], 0, lg)})" if n else ""),
        show_label=first,
    )


def _headline(f, sc, lg: str, over: dict, br: pl.DataFrame) -> None:
    """Per place, the five headline figures; then the OPDs that changed most, and how many units break the curve."""
    ikm, head = q("ikm_by_place", f, sc), over["head"]
    st.subheader(f"{fmt.period(head['periode'][0], lg)} · {t('vs_prev', p=fmt.period(head['periode_lalu'][0], lg))}")
    ordered = head.sort(pl.col("lokasi").replace_strict({p: i for i, p in enumerate(PLACE_COLOURS)}, default=9))
    for i, row in enumerate(ordered.iter_rows(named=True)):
        _figures(row, ikm, lg, first=i == 0)
    st.divider()
    st.subheader(t("what_changed"))
    ch = over["changes"]
    if ch.height:
        st.caption(f"{fmt.period(ch['dari'][0], lg)} → {fmt.period(ch['sampai'][0], lg)}")
        show(ch.select("lokasi", "opd", "awal", "akhir", "perubahan", "n"), "perubahan_terbesar", t("what_changed"), f)
    if br.height:
        units = br.select("lokasi", "opd", "unit_kerja").n_unique()
        st.warning(t("curve_breaks_count", units=fmt.num(units, 0, lg), rows=fmt.num(br.height, 0, lg)), icon=":material/rule:")


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
    over = q("overview", f, sc)
    if over["head"].is_empty():
        st.info(t("no_data"))
        return
    br = q("distribution_breaks", f, sc)
    section = urlstate.choice(
        st.segmented_control,
        "ringkasan_bagian",
        SECTIONS,
        "utama",
        label=t("section"),
        format_func=lambda k: t(f"sec_{k}"),
        required=True,
    )
    if section == "kurva":
        _curve(f, br)
    else:
        _headline(f, sc, lg, over, br)


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
