"""Talenta: the nine-box of kinerja × potensial (PermenPANRB 3/2020) for a chosen year, each box's action, the
people behind each box and the succession pool (for roles that see people), and movement from the year before."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import (
    fmt,
    text_talenta,  # noqa: F401  (registers the labels)
)
from ui import talenta as ut
from ui.data import cached, connection, scope, settings
from ui.i18n import lang, t
from ui.page import chart, filters
from ui.tables import show
from warehouse import talenta


def _people(f, sc, year: str) -> None:
    people = cached(talenta.nine_box_people, f, sc, year)
    if people.is_empty():
        return
    st.subheader(t("tal_people"))
    names = ut.boxes()
    options = sorted(people["kotak"].drop_nulls().unique().to_list(), reverse=True)
    box = st.selectbox(t("tal_pick_box"), options, format_func=lambda b: f"{b} · {names.get(b, ('', ''))[0]}", key="tal_box")
    rows = ut.with_years(people.filter(pl.col("kotak") == box))
    cols = ["nama", "nilai_kinerja", "rincian_kinerja", "nilai_potensial", "kategori_potensial", "tanggal_asesmen"]
    rows = ut.level_column(rows.select(*cols, "tingkat_hukuman", "jabatan", "opd", "lokasi"), "kategori_potensial")
    show(ut.level_column(rows, "tingkat_hukuman"), "talenta_kotak", t("tal_people"), f, height=320)


def _pool(f, sc, year: str, cfg: dict) -> None:
    pool = cached(talenta.succession_pool, f, sc, year)
    st.subheader(t("tal_pool", b=", ".join(str(b) for b in cfg["kotak_suksesi"])))
    out = pool.filter(~pl.col("kelompok_suksesi"))
    if out.height:
        lv = " / ".join(ut.level(v) for v in cfg["sanksi_mengecualikan"])
        st.caption(t("tal_pool_excl", n=out.height, lv=lv, y=cfg["sanksi_tahun"]))
    cols = [
        "nama",
        "kotak",
        "kelompok_suksesi",
        "tingkat_hukuman",
        "nilai_kinerja",
        "nilai_potensial",
        "jabatan",
        "opd",
        "lokasi",
    ]
    shown = ut.yes_no(ut.level_column(pool.select(cols), "tingkat_hukuman"), ("kelompok_suksesi",), t("tal_ya"), t("tal_tidak"))
    show(shown, "talenta_suksesi", t("tal_pool", b=""), f, height=300)


def run() -> None:
    f, sc = filters(), scope()
    cfg = settings().section("talenta")
    st.title(t("page_talenta"))
    st.caption(t("tal_intro", y=cfg["kinerja_tahun"]))
    years = talenta.talent_years(connection())
    if not years:
        st.info(t("no_data"))
        return
    year = st.selectbox(t("tal_year"), years, key="tal_year")
    counts = cached(talenta.nine_box_counts, f, sc, year)
    left, right = st.columns([3, 2])
    with left:
        st.subheader(t("tal_grid"))
        chart(ut.nine_box_figure(counts.filter(pl.col("kotak") > 0)), "talenta_grid")
        if sc.suppresses:
            st.caption(t("tal_small", k=sc.min_group))
        none = counts.filter(pl.col("kotak") == 0)
        if none.height and none["n"][0] is not None:
            st.caption(t("tal_no_box", n=fmt.num(none["n"][0], 0, lang())))
    with right:
        st.subheader(t("tal_actions"))
        for b, (name, action) in sorted(ut.boxes().items(), reverse=True):
            st.caption(f"**{b}** · {fmt.md(name)} — {fmt.md(action)}")
    if not sc.aggregate_only:
        _people(f, sc, year)
        _pool(f, sc, year, cfg)
    st.subheader(t("tal_moves"))
    moves = cached(talenta.nine_box_transitions, f, sc, year)
    if moves.is_empty():
        st.info(t("tal_moves_small", k=sc.min_group) if sc.suppresses else t("no_data"))
        return
    none = t("tal_tanpa")
    moves = moves.with_columns(pl.col(c).cast(pl.String).replace("0", none) for c in ("kotak_lalu", "kotak"))
    order = [none, *[str(b) for b in range(1, 10)]]
    table = moves.pivot(on="kotak", index="kotak_lalu", values="n")
    table = table.sort(pl.col("kotak_lalu").replace_strict(order, list(range(10))))
    cols = [c for c in order if c in table.columns]
    show(table.select("kotak_lalu", *cols).rename({c: f"→ {c}" for c in cols}), "talenta_pindah", t("tal_moves"), f)


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
