"""Period completeness on screen: one helper for every view that shows periods (the partial-period mark, the
"sebagian: 3 dari 925 pegawai" words and the default range's end), from the warehouse's coverage (agg_cakupan)."""

from __future__ import annotations

import polars as pl

import ui.text_cakupan  # noqa: F401  (registers the texts)
from ui import fmt
from ui.data import cached, scope, settings
from ui.i18n import lang, t
from warehouse import queries
from warehouse.db import Filters


def cakupan_min() -> float:
    """Settings `[periode] cakupan_min`: the share of the roster with a result that makes a period complete."""
    return float(settings().section("periode").get("cakupan_min", 0.8))


def coverage(f: Filters) -> pl.DataFrame:
    """Coverage per place and period in the filters' range and the viewer's scope, with `lengkap`."""
    return queries.with_completeness(cached(queries.coverage, f, scope()), cakupan_min())


def partial(f: Filters) -> pl.DataFrame:
    """Per place, the periods in range that hold results but are not complete (lokasi, periode, n_dinilai, n_pegawai)."""
    return queries.partial_periods(cached(queries.coverage, f, scope()), cakupan_min())


def partial_keys(f: Filters, places: list[str] | None = None) -> set[str]:
    """The period keys partial in any of `places` (all in view when None): the periods a chart shades."""
    p = partial(f)
    if places is not None:
        p = p.filter(pl.col("lokasi").is_in(places))
    return set(p["periode"].to_list())


def words(n: int, total: int) -> str:
    """'sebagian: 3 dari 925 pegawai'."""
    lg = lang()
    return t("sebagian_n", n=fmt.num(n, 0, lg), total=fmt.num(total, 0, lg))


def note() -> str:
    """What the shading of a partial period means, for a chart's subtitle."""
    return "▒ " + t("partial_cov", p=fmt.num(cakupan_min() * 100, 0, lang()))


def mark_column(frame: pl.DataFrame, f: Filters, period: str = "periode") -> pl.DataFrame:
    """`frame` with a `cakupan` column: the partial words where its place's period is partial, else empty.

    Rows without a place are marked when the period is partial anywhere in view."""
    p = partial(f)  # a handful of rows: the words are formatted one by one
    p = p.with_columns(pl.Series("cakupan", [words(*r) for r in p.select("n_dinilai", "n_pegawai").rows()], dtype=pl.String))
    if "lokasi" in frame.columns:
        p = p.select("lokasi", pl.col("periode").alias(period), "cakupan")
        return frame.join(p, on=["lokasi", period], how="left").with_columns(pl.col("cakupan").fill_null(""))
    per = p.group_by("periode").agg(pl.col("cakupan").str.join("; ")).rename({"periode": period})
    return frame.join(per, on=period, how="left").with_columns(pl.col("cakupan").fill_null(""))


def default_end(f_all: Filters, keys: list[str]) -> str | None:
    """The default range's last period (queries.default_end over the viewer's scope)."""
    return queries.default_end(cached(queries.coverage, f_all, scope()), cakupan_min(), keys)


def range_notes(keys: list[str], end: str | None) -> list[str]:
    """What the sidebar says under the period range: where the default range ends and why, newer periods that are
    still partial, and how complete each place is when places differ."""
    if not end:
        return []
    lg, cov = lang(), cached(queries.coverage, Filters(), scope())
    last = queries.latest_complete(cov, cakupan_min())
    notes = [t("range_ends_complete", p=fmt.period(end, lg), pct=fmt.num(cakupan_min() * 100, 0, lg))]
    newer = queries.partial_periods(cov, cakupan_min()).filter(pl.col("periode") > end)
    if newer.height:
        items = "; ".join(
            f"{r['lokasi']} {fmt.period(r['periode'], lg)} ({words(r['n_dinilai'], r['n_pegawai'])})"
            for r in newer.sort("periode", "lokasi").iter_rows(named=True)
        )
        notes.append(t("range_newer_partial", items=items))
    ends = last.filter(pl.col("terakhir_lengkap").is_not_null())
    if ends["terakhir_lengkap"].n_unique() > 1:
        items = "; ".join(
            t("complete_until", place=r["lokasi"], p=fmt.period(r["terakhir_lengkap"], lg)) for r in ends.iter_rows(named=True)
        )
        notes.append(t("range_places_differ", items=items))
    return notes if len(notes) > 1 else []  # said only when something newer or some place differs


def last_partial(f: Filters, last: str | None) -> list[str]:
    """The places where the period `last` holds results but is not complete, each with its partial words."""
    if not last:
        return []
    p = partial(Filters(dari=last, sampai=last, lokasi=f.lokasi, opd=f.opd)).sort("lokasi")
    return [f"{r['lokasi']} ({words(r['n_dinilai'], r['n_pegawai'])})" for r in p.iter_rows(named=True)]


def warn_if_partial(f: Filters, last: str | None) -> None:
    """A warning above a view as of the period `last` when that period is partial somewhere in view."""
    import streamlit as st

    items = last_partial(f, last)
    if items:
        st.warning(t("headline_partial", p=fmt.period(last, lang()), items="; ".join(items)), icon=":material/hourglass_top:")
