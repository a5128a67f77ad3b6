"""The data behind every page: the warehouse query calls each page makes, in the order it makes them.

`tests/test_bench.py` checks that every query a page or the shared frame calls through `ui.data.cached(...)`
appears here, so the benchmark cannot silently drift from the dashboard.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from domain.words import STOP_WORDS
from warehouse import queries as Q
from warehouse.db import Filters, Scope

SCOPE = Scope()
MIN_GROUP = 10
LIST_ROWS = 200  # settings.toml [tampilan] baris_daftar: what the list pages show
SKM_COMPLAINT_MAX = 2  # settings.toml [skm] keluhan_nilai_maks: answers at or under it make a complaint


@dataclass(frozen=True)
class Context:
    """What a page needs beyond the filters: an employee for the profile, a unit for the survey page."""

    nip: str
    unit: str | None
    unit_key: tuple[str, str, str] | None = None  # (place, unit, survey period) of the unit's latest survey


def frame(con: duckdb.DuckDBPyConnection, f: Filters) -> None:
    """What the shared frame asks on every page: freshness line, the sidebar's filter options and the
    load history that every table's Excel download describes."""
    Q.freshness(con)
    Q.periods(con)
    Q.filter_options(con, SCOPE, lokasi=f.lokasi)
    Q.load_history(con)
    Q.loads_seen(con, SCOPE)  # the loads a table's Excel download describes, as the viewer may see them
    Q.demo_roles(con)  # once per warehouse version: which demo accounts to create (sign-in page)
    Q.coverage(con, f, SCOPE)  # every page: partial periods marked, the default end of the range
    Q.coverage(con, Filters(), SCOPE)


def _ringkasan(con, f, ctx):
    Q.overview(con, f, SCOPE)
    Q.ikm_by_place(con, f, SCOPE)
    Q.distribution_breaks(con, f, SCOPE)
    Q.ikm_coverage(con, f, SCOPE)


def _skor(con, f, ctx):
    Q.scores_levels(con, f, SCOPE, ["lokasi", "opd"], (("lokasi", "opd"), ("lokasi",)))
    Q.score_distribution(con, f, SCOPE)
    Q.indicator_capaian(con, f, SCOPE)
    Q.rater_leniency(con, f, SCOPE)
    Q.employee_counts(con, f, SCOPE)


def _tren(con, f, ctx):
    Q.scores_by(con, f, SCOPE, ["lokasi", "periode"])
    Q.ikm_by_place(con, f, SCOPE)


def _bandingkan(con, f, ctx):
    Q.compare_opd(con, f, SCOPE, MIN_GROUP)


def _umpan_balik(con, f, ctx):
    Q.ikm_units(con, f, SCOPE)
    Q.skm_responses(con, f, SCOPE, unit=ctx.unit)
    if ctx.unit_key is not None:
        Q.skm_respondent_profile(con, SCOPE, *ctx.unit_key)
        Q.skm_complaint_words(con, SCOPE, *ctx.unit_key, SKM_COMPLAINT_MAX, sorted(STOP_WORDS))
        Q.skm_comment_groups(con, SCOPE, *ctx.unit_key, SKM_COMPLAINT_MAX)


def _pembinaan(con, f, ctx):
    Q.coaching_summary(con, f, SCOPE)
    Q.coaching_list(con, f, SCOPE, limit=LIST_ROWS)
    Q.coaching_summary(con, f, SCOPE)


def _penghargaan(con, f, ctx):
    Q.recognition_list(con, f, SCOPE, limit=LIST_ROWS)


def _profil(con, f, ctx):
    prof = Q.employee_profile(con, SCOPE, ctx.nip)
    _options, periode = Q.detail_periods(prof["history"])
    Q.employee_detail(con, SCOPE, ctx.nip, periode)


def _data(con, f, ctx):
    Q.loads_seen(con, SCOPE)
    Q.rejects_count(con, SCOPE)
    Q.rejects_seen(con, SCOPE, limit=LIST_ROWS)


PAGES: dict[str, Callable[[duckdb.DuckDBPyConnection, Filters, Context], None]] = {
    "ringkasan": _ringkasan,
    "skor": _skor,
    "tren": _tren,
    "bandingkan": _bandingkan,
    "umpan-balik": _umpan_balik,
    "pembinaan": _pembinaan,
    "penghargaan": _penghargaan,
    "profil": _profil,
    "data": _data,
}


def page_data(con: duckdb.DuckDBPyConnection, page: str, f: Filters, ctx: Context) -> None:
    """Everything one page view asks the warehouse, uncached (the dashboard caches these results)."""
    frame(con, f)
    PAGES[page](con, f, ctx)


def filters(con: duckdb.DuckDBPyConnection) -> dict[str, Filters]:
    """The typical view (one place, last 12 periods) and the widest (everything)."""
    keys = Q.periods(con)["periode"].to_list()
    typical = Filters(dari=keys[max(0, len(keys) - 12)], sampai=keys[-1], lokasi=("Jambi",))
    return {"typical": typical, "widest": Filters(dari=keys[0], sampai=keys[-1])}


def context(con: duckdb.DuckDBPyConnection, f: Filters) -> Context:
    """The employee a leader would open from the coaching list, and the first service unit."""
    listed = Q.coaching_list(con, f, SCOPE, limit=1)
    nip = listed["nip"][0] if listed.height else Q.employee_search(con, SCOPE, "1", limit=1)["nip"][0]
    units = Q.ikm_units(con, f, SCOPE)
    if not units.height:
        return Context(nip=nip, unit=None)
    worst = units.sort("ikm_konversi").row(0, named=True)
    return Context(nip=nip, unit=worst["unit_layanan"], unit_key=(worst["lokasi"], worst["unit_layanan"], worst["periode"]))
