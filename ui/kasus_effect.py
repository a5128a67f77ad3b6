"""'Apakah berhasil?': the effect of coaching said in a sentence, then per OPD and per coach as short tables that
fit a 1366 px screen, with a verdict in words on each row; every figure (intervals, predikat, left the list) in a
folded table below."""

from __future__ import annotations

import polars as pl
import streamlit as st

import ui.text_kasus  # noqa: F401  (registers the labels)
from coaching import read
from ui import fmt, kasus
from ui.data import settings
from ui.i18n import lang, t
from ui.tables import show

# the group first, then its verdict: what a reader needs without scrolling sideways
SHORT = ["kesimpulan", "selisih", "n_kasus_dinilai", "perubahan", "n_banding", "perubahan_pembanding", "n_belum"]
FULL = ["kesimpulan", "n_kasus_dinilai", "n_banding", "hasil_sebelum", "hasil_sesudah", "perubahan", "ci_bawah", "ci_atas",
        "perubahan_pembanding", "ci_bawah_pembanding", "ci_atas_pembanding", "selisih", "ci_bawah_selisih",
        "ci_atas_selisih", "perubahan_predikat", "perubahan_predikat_pembanding", "share_keluar",
        "share_keluar_pembanding", "n_belum"]  # fmt: skip
LEVELS = (("opd", ["opd", "lokasi"], "effect_by_opd"), ("coach", ["coach_nama"], "effect_by_coach"))


def verdict_words(frame: pl.DataFrame) -> pl.DataFrame:
    """The verdict code in words of the chosen language, the counts under names that say what they count."""
    words = {code: t(f"verdict_short_{code}") for code in ("lebih_baik", "lebih_buruk", "tidak_jelas", "terlalu_kecil", "belum")}
    return frame.with_columns(
        pl.col("kesimpulan").replace_strict(words, return_dtype=pl.String),
        pl.col("n").alias("n_kasus_dinilai"),
        pl.col("n_pembanding").alias("n_banding"),
    )


def summary(row: dict, k: int) -> str:
    """The overall result as a sentence (or why there is none yet)."""
    lg = lang()
    if not row["n"]:
        return t("effect_none_waiting", w=row["n_belum"], k=k)
    text = t(
        "effect_summary", n=row["n"], d=fmt.signed(row["perubahan"], 1, lg), a=fmt.num(row["hasil_sebelum"], 1, lg),
        b=fmt.num(row["hasil_sesudah"], 1, lg), m=row["n_pembanding"], dc=fmt.signed(row["perubahan_pembanding"], 1, lg),
        s=fmt.signed(row["selisih"], 1, lg), lo=fmt.signed(row["ci_bawah_selisih"], 1, lg),
        hi=fmt.signed(row["ci_atas_selisih"], 1, lg), verdict=t(f"verdict_{row['kesimpulan']}"),
    )  # fmt: skip
    return text + (" " + t("effect_waiting", w=row["n_belum"]) if row["n_belum"] else "")


def section(con, sc, f) -> None:
    """The did-it-work tab."""
    cfg = settings().section("kasus")
    k = int(cfg["effect_periods"])
    st.caption(t("effect_intro", k=k))
    eff = read.effectiveness(kasus.engine(), con, sc, settings())
    if eff["semua"].is_empty():
        st.info(t("effect_caveat", m=cfg["min_group"]))
        st.caption(t("effect_none"))
        return
    st.markdown(summary(eff["semua"].row(0, named=True), k))
    st.info(t("effect_caveat", m=cfg["min_group"]))
    dec = {c: 1 for c in FULL} | {"perubahan_predikat": 2, "perubahan_predikat_pembanding": 2}
    for level, keys, title in LEVELS:
        st.markdown(f"**{t(title)}**")
        # groups that can be judged first, the biggest at the top
        frame = verdict_words(eff[level].sort(["terlalu_kecil", "n", *keys], descending=[False, True, *[False] * len(keys)]))
        frame = frame.with_columns(pl.col("^share_keluar.*$") * 100)
        show(frame.select(*keys, *SHORT), f"kasus_efek_{level}", t(title), f, decimals=dec,
             widths={"kesimpulan": 165, "opd": 190, "coach_nama": 170})  # fmt: skip
    with st.expander(t("effect_all_numbers")):
        for level, keys, title in (("semua", ["kelompok"], "effect_overall"),) + LEVELS:
            frame = verdict_words(eff[level]).with_columns(pl.col("^share_keluar.*$") * 100)
            if level == "semua":
                frame = frame.with_columns(pl.lit(t("effect_overall")).alias("kelompok"))
            st.markdown(f"**{t(title)}**")
            show(frame.select(*keys, *FULL), f"kasus_efek_semua_{level}", t(title), f, decimals=dec)
