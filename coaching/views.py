"""What the pages show about cases and awards, as Polars frames: my cases, per OPD, status on the lists.

Cases follow the viewer's scope exactly like the data: `scoped` keeps a case only when its employee's current
roster row in the warehouse is inside the viewer's scope, through `coaching.scope.Within` (the one decision,
also checked by every write).
"""

from __future__ import annotations

import datetime as dt

import duckdb
import polars as pl
import sqlalchemy as sa

from appdb.coaching import awards, case_sessions, cases
from coaching.cases import CLOSED, OPEN
from coaching.scope import Within
from warehouse.db import Scope

CASE_SCHEMA = {
    "id": pl.Int64,
    "nip": pl.String,
    "nama": pl.String,
    "lokasi": pl.String,
    "opd": pl.String,
    "periode": pl.String,
    "coach_nip": pl.String,
    "coach_nama": pl.String,
    "status": pl.String,
    "due_date": pl.Date,
    "opened_at": pl.Datetime("us", "UTC"),
    "closed_at": pl.Datetime("us", "UTC"),
    "version": pl.Int64,
    "hasil": pl.String,
    "alasan_batal": pl.String,
    "n_sesi": pl.Int64,
}
AWARD_SCHEMA = {
    "id": pl.Int64,
    "nip": pl.String,
    "nama": pl.String,
    "jenis": pl.String,
    "tanggal": pl.Date,
    "diberikan_oleh": pl.String,
}


def _utc(value):
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC) if isinstance(value, dt.datetime) else value


def case_frame(engine: sa.Engine) -> pl.DataFrame:
    """Every case with its number of sessions (unscoped: pass it through `scoped` before showing it)."""
    n = sa.select(sa.func.count()).where(case_sessions.c.case_id == cases.c.id).scalar_subquery()
    cols = [cases.c[c] for c in CASE_SCHEMA if c != "n_sesi"]
    with engine.connect() as con:
        rows = con.execute(sa.select(*cols, n.label("n_sesi")).order_by(cases.c.id)).mappings().all()
    data = [{k: _utc(v) for k, v in r.items()} for r in rows]
    return pl.DataFrame(data, schema=CASE_SCHEMA, orient="row") if data else pl.DataFrame(schema=CASE_SCHEMA)


def award_frame(engine: sa.Engine) -> pl.DataFrame:
    """Every award recorded, newest first (unscoped)."""
    cols = [awards.c[c] for c in AWARD_SCHEMA]
    with engine.connect() as con:
        rows = con.execute(sa.select(*cols).order_by(awards.c.tanggal.desc(), awards.c.id.desc())).mappings().all()
    return pl.DataFrame([dict(r) for r in rows], schema=AWARD_SCHEMA, orient="row") if rows else pl.DataFrame(schema=AWARD_SCHEMA)


def scoped(con: duckdb.DuckDBPyConnection, scope: Scope, frame: pl.DataFrame) -> pl.DataFrame:
    """The rows of `frame` (with a `nip` column) whose employee the viewer may see (`coaching.scope.Within`)."""
    return Within(scope, con).keep(frame)


def with_overdue(frame: pl.DataFrame, today: dt.date) -> pl.DataFrame:
    """Add `terlambat`: an open case past its due date."""
    return frame.with_columns(
        (pl.col("status").is_in(OPEN) & pl.col("due_date").is_not_null() & (pl.col("due_date") < today)).alias("terlambat")
    )


def my_cases(frame: pl.DataFrame, coach_nip: str, today: dt.date) -> pl.DataFrame:
    """A coach's cases: open ones first (overdue at the top, then by due date), closed ones after."""
    mine = with_overdue(frame.filter(pl.col("coach_nip") == coach_nip), today)
    return mine.sort([pl.col("status").is_in(CLOSED), pl.col("terlambat").not_(), "due_date", "id"], nulls_last=True)


def latest_per_employee(frame: pl.DataFrame) -> pl.DataFrame:
    """Each employee's most recent case (id, status, version)."""
    return (
        frame.sort("id")
        .group_by("nip", maintain_order=True)
        .last()
        .select("nip", pl.col("id").alias("kasus_id"), pl.col("status").alias("status_kasus"))
    )


def list_status(listed: pl.DataFrame, frame: pl.DataFrame) -> pl.DataFrame:
    """The coaching list with each employee's latest case status (null: no case yet)."""
    return listed.join(latest_per_employee(frame), on="nip", how="left", maintain_order="left")


def per_opd(frame: pl.DataFrame, listed: pl.DataFrame, today: dt.date) -> pl.DataFrame:
    """Per place and OPD: open, overdue, done and cancelled cases, employees listed and the share with a case.

    `frame` are the viewer's cases (scoped), `listed` the coaching list now (nip, lokasi, opd). A listed
    employee 'has a case' when any case of theirs is not cancelled.
    """
    c = with_overdue(frame, today)
    counts = c.group_by("lokasi", "opd").agg(
        pl.col("status").is_in(OPEN).sum().alias("kasus_terbuka"),
        pl.col("terlambat").sum().alias("kasus_terlambat"),
        (pl.col("status") == "selesai").sum().alias("kasus_selesai"),
        (pl.col("status") == "dibatalkan").sum().alias("kasus_batal"),
    )
    active = c.filter(pl.col("status") != "dibatalkan").select("nip").unique()
    lst = (
        listed.select("nip", "lokasi", "opd")
        .unique("nip")
        .with_columns(pl.col("nip").is_in(active["nip"].implode()).alias("ada_kasus"))
    )
    share = lst.group_by("lokasi", "opd").agg(
        pl.len().alias("n_terdaftar"), pl.col("ada_kasus").sum().alias("n_terdaftar_berkasus")
    )
    out = counts.join(share, on=["lokasi", "opd"], how="full", coalesce=True)
    ints = ["kasus_terbuka", "kasus_terlambat", "kasus_selesai", "kasus_batal", "n_terdaftar", "n_terdaftar_berkasus"]
    return (
        out.with_columns([pl.col(k).fill_null(0).cast(pl.Int64) for k in ints])
        .with_columns(
            (pl.col("n_terdaftar_berkasus") / pl.when(pl.col("n_terdaftar") > 0).then(pl.col("n_terdaftar"))).alias(
                "share_berkasus"
            )
        )
        .sort("lokasi", "opd")
    )


def recognised(listed: pl.DataFrame, award_rows: pl.DataFrame) -> pl.DataFrame:
    """The recognition list with each employee's awards so far ('kind (date)', newest first) and a count."""
    per = (
        award_rows.sort("tanggal", descending=True)
        .group_by("nip", maintain_order=True)
        .agg(
            (pl.col("jenis") + " (" + pl.col("tanggal").dt.strftime("%d/%m/%Y") + ")")
            .str.join("; ")
            .alias("penghargaan_diterima"),
            pl.len().alias("n_penghargaan"),
        )
    )
    out = listed.join(per, on="nip", how="left", maintain_order="left")
    return out.with_columns(pl.col("n_penghargaan").fill_null(0).cast(pl.Int64))
