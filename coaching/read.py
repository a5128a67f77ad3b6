"""Every coaching view a page shows, already under the viewer's scope: pages call these, never the raw frames."""

from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl
import sqlalchemy as sa

from coaching import cases as cases_mod
from coaching import effect, views
from coaching.scope import Within
from domain.appraisal import BERAKHLAK_LABELS, COACHING_RULES
from settings import Settings
from warehouse import queries
from warehouse.db import Filters, Scope

Con = duckdb.DuckDBPyConnection


def _filtered(frame: pl.DataFrame, f: Filters) -> pl.DataFrame:
    """The sidebar's place and OPD choices applied to cases (after scope: they only narrow further)."""
    if f.lokasi:
        frame = frame.filter(pl.col("lokasi").is_in(f.lokasi))
    if f.opd:
        frame = frame.filter(pl.col("opd").is_in(f.opd))
    if f.opd_lokasi:  # one place's OPD of a name two places share
        frame = frame.join(
            pl.DataFrame(list(f.opd_lokasi), schema=["lokasi", "opd"], orient="row"), on=["lokasi", "opd"], how="semi"
        )
    return frame


def cases(engine: sa.Engine, con: Con, scope: Scope, f: Filters | None = None) -> pl.DataFrame:
    """The cases the viewer may see (narrowed by the sidebar's places and OPDs)."""
    return _filtered(views.scoped(con, scope, views.case_frame(engine)), f or Filters())


def case_visible(engine: sa.Engine, con: Con, scope: Scope, case_id: int) -> bool:
    """Whether the viewer may see (and so act on) this case."""
    return case_id in cases(engine, con, scope)["id"].to_list()


def case_detail(engine: sa.Engine, con: Con, scope: Scope, case_id: int) -> dict | None:
    """One case with its session notes and trail (`case`, `sessions`, `events`), or None when the viewer may
    not see it (like a case that doesn't exist)."""
    try:
        case = cases_mod.get_case(engine, case_id)
    except cases_mod.CaseNotFound:
        return None
    if not Within(scope, con).allows(case["nip"]):
        return None
    return {"case": case, "sessions": cases_mod.sessions(engine, case_id), "events": cases_mod.events(engine, case_id)}


def my_cases(engine: sa.Engine, con: Con, scope: Scope, coach_nip: str, today: dt.date) -> pl.DataFrame:
    """The viewer's cases as a coach (within their scope)."""
    return views.my_cases(cases(engine, con, scope), coach_nip, today)


def coaches(engine: sa.Engine, con: Con, scope: Scope) -> pl.DataFrame:
    """Coaches of visible cases (nip, name), by name."""
    c = cases(engine, con, scope).filter(pl.col("coach_nip").is_not_null())
    return c.select("coach_nip", "coach_nama").unique("coach_nip").sort("coach_nama", "coach_nip")


def per_opd(engine: sa.Engine, con: Con, scope: Scope, f: Filters, today: dt.date) -> pl.DataFrame:
    """Per OPD: open, overdue, done, cancelled cases and the share of listed employees with a case."""
    listed = queries.coaching_list(con, f, scope, limit=None)
    return views.per_opd(cases(engine, con, scope, f), listed.select("nip", "lokasi", "opd"), today)


def coaching_list(engine: sa.Engine, con: Con, scope: Scope, listed: pl.DataFrame) -> pl.DataFrame:
    """The coaching list (already scoped by its query) with each employee's latest case status."""
    return views.list_status(listed, cases(engine, con, scope))


def recognition_list(engine: sa.Engine, con: Con, scope: Scope, listed: pl.DataFrame) -> pl.DataFrame:
    """The recognition list with the awards each employee already received."""
    return views.recognised(listed, awards(engine, con, scope))


def awards(engine: sa.Engine, con: Con, scope: Scope) -> pl.DataFrame:
    """Awards recorded for employees the viewer may see, newest first."""
    return views.scoped(con, scope, views.award_frame(engine))


def effectiveness(engine: sa.Engine, con: Con, scope: Scope, settings: Settings) -> dict[str, pl.DataFrame]:
    """The did-it-work tables (overall, per OPD, per coach) for the viewer's closed cases."""
    cfg = settings.section("kasus")
    every = cases(engine, con, scope)
    closed = every.filter(pl.col("status") == "selesai")
    listed = queries.listed_history(con, scope)
    nips = sorted(set(closed["nip"].to_list()) | set(listed["nip"].to_list()))
    all_nips = views.case_frame(engine)["nip"].unique().to_list()  # anyone with a case is no comparison
    return effect.effectiveness(
        closed,
        all_nips,
        queries.periods(con),
        queries.scores_of(con, scope, nips),
        listed,
        int(cfg["effect_periods"]),
        int(cfg["min_group"]),
        float(cfg["confidence"]),
    )


def prefill(con: Con, scope: Scope, nip: str, settings: Settings, today: dt.date) -> dict | None:
    """A new case for one employee, pre-filled from the coaching list and the roster; None outside the scope.

    Rules: the codes that listed them in their latest listing; focus: the weakest indicators and BerAKHLAK
    values; coach: the supervisor (nip_atasan); plan dates and the due date from the settings [kasus].
    """
    emp = queries.people(con, scope, [nip])
    if emp.is_empty():
        return None
    e = emp.row(0, named=True)
    listed = queries.coaching_row(con, scope, nip)
    row = listed.row(0, named=True) if listed.height else {}
    focus = list(row.get("indikator_lemah") or []) + [
        BERAKHLAK_LABELS[v][0] if v in BERAKHLAK_LABELS else v for v in row.get("nilai_lemah") or []
    ]
    cfg = settings.section("kasus")
    plan = [today + dt.timedelta(days=int(d)) for d in cfg.get("plan_days", [7, 14, 28])]
    return {
        "nip": nip,
        "nama": e["nama"],
        "lokasi": e["lokasi"],
        "opd": e["opd"],
        "periode": row.get("periode"),
        "aturan": [r for r in COACHING_RULES if row.get(f"aturan_{r}")],
        "predikat": row.get("predikat"),
        "fokus": focus,
        "coach_nip": e["nip_atasan"],
        "coach_nama": e["nama_atasan"],
        "plan_dates": plan,
        "due_date": today + dt.timedelta(days=int(cfg.get("due_days", 30))),
    }
