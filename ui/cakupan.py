"""Period completeness on screen: one helper for every view that shows periods (the partial-period mark, the
"sebagian: 3 dari 925 pegawai" words and the default range's end), from the warehouse's coverage (agg_cakupan)."""

from __future__ import annotations

from dataclasses import replace

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
    p = partial(replace(f, dari=last, sampai=last)).sort("lokasi")
    return [f"{r['lokasi']} ({words(r['n_dinilai'], r['n_pegawai'])})" for r in p.iter_rows(named=True)]


def warn_if_partial(f: Filters, last: str | None) -> None:
    """A warning above a view as of the period `last` when that period is partial somewhere in view."""
    import streamlit as st

    items = last_partial(f, last)
    if items:
        st.warning(t("headline_partial", p=fmt.period(last, lang()), items="; ".join(items)), icon=":material/hourglass_top:")


def _state(share: float | None) -> str | None:
    """The predikat source of a place's period: all official, all computed, or a mix (None: nobody appraised)."""
    if share is None:
        return None
    return "resmi" if share >= 1 else "hitung" if share <= 0 else "campur"


def source_changes(f: Filters) -> dict[str, list[str]]:
    """Per period, the places whose predikat source changes there ("Jambi: dihitung → resmi"), from the shares of
    official predikat in the warehouse's coverage."""
    names = {"resmi": t("source_official"), "hitung": t("source_computed"), "campur": t("source_mixed_short")}
    out: dict[str, list[str]] = {}
    cov = cached(queries.coverage, f, scope()).filter(pl.col("n_dinilai") > 0).sort("periode_mulai")
    for place, part in cov.group_by("lokasi", maintain_order=True):
        before = None
        for periode, share in part.select("periode", "share_resmi").rows():
            now = _state(share)
            if before is not None and now != before:
                out.setdefault(periode, []).append(f"{place[0]}: {names[before]} → {names[now]}")
            before = now
    return out


def source_mix(f: Filters, places: list[str] | None = None) -> list[str]:
    """The places in view whose predikat over the range are official, computed or mixed, when they differ:
    "predikat resmi (SKP): Jambi" items for a comparison across places (empty when every place has one source)."""
    cov = cached(queries.coverage, f, scope())
    if places is not None:
        cov = cov.filter(pl.col("lokasi").is_in(places))
    per = cov.group_by("lokasi").agg(pl.col("n_resmi").sum(), pl.col("n_dinilai").sum()).filter(pl.col("n_dinilai") > 0)
    per = per.with_columns((pl.col("n_resmi") / pl.col("n_dinilai")).alias("share")).sort("lokasi")
    states = {_state(v) for v in per["share"].to_list()}
    if len(states) <= 1:
        return []
    grouped: dict[str, list[str]] = {}  # one item per source, naming its places
    for p, r, n in per.select("lokasi", "n_resmi", "n_dinilai").rows():
        grouped.setdefault(source_words(r, n), []).append(p)
    return [f"{words_}: {', '.join(places)}" for words_, places in grouped.items()]


def ikm_quarters(f: Filters) -> pl.DataFrame:
    """Survey quarters overlapping the range across the places in view: months covered (the most any place has),
    respondents, and `lengkap` when the months cover at least [periode] cakupan_min of the quarter."""
    return queries.ikm_quarters(cached(queries.ikm_coverage, f, scope()), cakupan_min())


def ikm_shown_quarter(f: Filters) -> tuple[str | None, str, str]:
    """The quarter a one-quarter IKM view shows (the latest complete one in range, else the latest), the words
    naming it with its months and respondents, and those of any newer quarter still filling."""
    q = ikm_quarters(f)
    if q.is_empty():
        return None, "", ""
    full = q.filter("lengkap")
    row = (full if full.height else q).row(-1, named=True)
    lg = lang()
    key = "ikm_quarter" if row["lengkap"] else "ikm_quarter_partial"
    words_ = [t(key, q=fmt.period(row["periode"], lg), m=row["n_bulan"], n=fmt.num(row["n_responden"], 0, lg))]
    for r in q.filter(pl.col("periode") > row["periode"]).iter_rows(named=True):
        words_.append(
            t("ikm_quarter_partial", q=fmt.period(r["periode"], lg), m=r["n_bulan"], n=fmt.num(r["n_responden"], 0, lg))
        )
    return row["periode"], words_[0], " · ".join(words_[1:])


def ikm_partial_keys(f: Filters) -> set[str]:
    """Survey quarters in range whose months are not yet covered enough: the quarters an IKM trend shades."""
    return set(ikm_quarters(f).filter(~pl.col("lengkap"))["periode"].to_list())


def ikm_note() -> str:
    """What the shading of a partial survey quarter means."""
    return "▒ " + t("ikm_partial_note", p=fmt.num(cakupan_min() * 100, 0, lang()))


def source_control(key: str = "sumber") -> str:
    """The predikat source a comparison across places uses: best available, official only or computed only
    (queries.SUMBER), a segmented control whose code lives in the URL."""
    import streamlit as st

    from ui import urlstate

    return urlstate.choice(
        st.segmented_control,
        key,
        list(queries.SUMBER),
        "terbaik",
        label=t("sumber_label"),
        format_func=lambda k: t(f"sumber_{k}"),
        required=True,
        help=t("sumber_help"),
    )


def source_caption(f: Filters, sumber: str, places: list[str] | None = None) -> None:
    """Under a comparison across places: say when the best-available predikat mix official and computed ones."""
    import streamlit as st

    items = source_mix(f, places) if sumber == "terbaik" else []
    if items:
        st.caption("⚠ " + t("source_mixed", items="; ".join(items)) + " " + t("source_mixed_hint"))
    elif sumber != "terbaik":
        st.caption(t(f"sumber_note_{sumber}"))


def source_words(n_resmi: int | None, n: int | None) -> str:
    """'predikat resmi (SKP)', 'predikat dihitung dasbor' or 'predikat 62% resmi' for a group's employee-periods."""
    if not n or n_resmi is None:
        return ""
    share = n_resmi / n
    if 0 < share < 1:
        return t("source_share", r=fmt.pct(share, 0, lang()))
    return t("source_official") if share >= 1 else t("source_computed")
