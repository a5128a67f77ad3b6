"""Application-database records of the reports (migration 0006): the SKM follow-up plans a unit publishes
(append-only: every save is a new row, the newest is the plan, who wrote it and when stay), report
subscriptions, and the trail of each scheduled delivery."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from appdb import access
from appdb.principal import Principal
from appdb.tables import BigId, metadata

skm_tindak_lanjut = sa.Table(
    "skm_tindak_lanjut",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("lokasi", sa.String(64), nullable=False),
    sa.Column("unit_layanan", sa.String(200), nullable=False),
    sa.Column("periode", sa.String(16), nullable=False),
    sa.Column("rencana", sa.Text, nullable=False),
    sa.Column("created_by", sa.String(64), nullable=False),
    sa.Column("created_by_name", sa.String(200), nullable=False, server_default=""),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

SCHEDULES = ("mingguan", "bulanan", "setelah_muat")
report_subscriptions = sa.Table(
    "report_subscriptions",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("username", sa.String(64), nullable=False, index=True),
    sa.Column("laporan", sa.String(32), nullable=False),
    sa.Column("filters", sa.JSON, nullable=False, server_default="{}"),
    sa.Column("lang", sa.String(2), nullable=False, server_default="id"),
    sa.Column("jadwal", sa.String(16), nullable=False),
    sa.Column("email", sa.String(320), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_sent_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("last_version", sa.String(200), nullable=True),
    sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
    sa.Column("retry_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("last_error", sa.Text, nullable=True),
)

report_deliveries = sa.Table(
    "report_deliveries",
    metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("subscription_id", BigId, sa.ForeignKey("report_subscriptions.id"), nullable=False, index=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("outcome", sa.String(16), nullable=False),
    sa.Column("detail", sa.Text, nullable=True),
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def aware(t: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes: they were written in UTC."""
    return t.replace(tzinfo=dt.UTC) if t is not None and t.tzinfo is None else t


def save_plan(engine: sa.Engine, who: Principal, lokasi: str, unit: str, periode: str, rencana: str) -> None:
    """Record a unit's follow-up plan for a survey period (a new row; earlier ones stay as history)."""
    text = rencana.strip()
    if not text:
        raise ValueError("empty plan")
    with engine.begin() as con:
        con.execute(
            sa.insert(skm_tindak_lanjut).values(
                lokasi=lokasi,
                unit_layanan=unit,
                periode=periode,
                rencana=text,
                created_by=who.username,
                created_by_name=who.display_name or who.username,
                created_at=_now(),
            )
        )
        access.append(con, "skm_plan", who, page="umpan-balik", detail={"lokasi": lokasi, "unit": unit, "periode": periode})


def latest_plan(engine: sa.Engine, lokasi: str, unit: str, periode: str) -> dict | None:
    """The newest plan of a unit and survey period, with who wrote it and when; None if none yet."""
    t = skm_tindak_lanjut
    with engine.connect() as con:
        row = con.execute(
            sa.select(t)
            .where(t.c.lokasi == lokasi, t.c.unit_layanan == unit, t.c.periode == periode)
            .order_by(t.c.created_at.desc(), t.c.id.desc())
            .limit(1)
        ).first()
    if row is None:
        return None
    out = dict(row._mapping)
    out["created_at"] = aware(out["created_at"])
    return out


def subscribe(engine: sa.Engine, who: Principal, laporan: str, filters: dict, lang: str, jadwal: str, email: str) -> int:
    """A new subscription of `who` (logged); returns its id."""
    if jadwal not in SCHEDULES:
        raise ValueError(f"unknown schedule {jadwal!r}")
    if "@" not in email:
        raise ValueError("an e-mail address is needed")
    now = _now()
    values = dict(laporan=laporan, filters=filters, lang=lang, jadwal=jadwal, email=email.strip())
    with engine.begin() as con:
        new_id = con.execute(
            sa.insert(report_subscriptions).values(username=who.username, created_at=now, updated_at=now, **values)
        ).inserted_primary_key[0]
        access.append(con, "subscription", who, page="langganan", detail={"action": "create", "id": new_id, **values})
    return int(new_id)


def set_active(engine: sa.Engine, who: Principal, sub_id: int, active: bool) -> None:
    """Pause or resume one's own subscription (an admin: any in their places' accounts is not needed here)."""
    t = report_subscriptions
    with engine.begin() as con:
        done = con.execute(
            sa.update(t).where(t.c.id == sub_id, t.c.username == who.username).values(active=active, updated_at=_now())
        ).rowcount
        if done:
            access.append(
                con, "subscription", who, page="langganan", detail={"action": "resume" if active else "pause", "id": sub_id}
            )


def delete(engine: sa.Engine, who: Principal, sub_id: int) -> None:
    """Remove one's own subscription and its delivery trail (logged)."""
    t = report_subscriptions
    with engine.begin() as con:
        mine = con.execute(sa.select(t.c.id).where(t.c.id == sub_id, t.c.username == who.username)).first()
        if mine is None:
            return
        con.execute(sa.delete(report_deliveries).where(report_deliveries.c.subscription_id == sub_id))
        con.execute(sa.delete(t).where(t.c.id == sub_id))
        access.append(con, "subscription", who, page="langganan", detail={"action": "delete", "id": sub_id})


def subscriptions(engine: sa.Engine, username: str | None = None) -> list[dict]:
    """Subscriptions (one user's, or all for the scheduler and the admin), oldest first."""
    t = report_subscriptions
    q = sa.select(t).order_by(t.c.id)
    if username is not None:
        q = q.where(t.c.username == username)
    with engine.connect() as con:
        rows = [dict(r._mapping) for r in con.execute(q)]
    for r in rows:
        for k in ("created_at", "updated_at", "last_sent_at", "retry_at"):
            r[k] = aware(r[k])
    return rows


def record_delivery(
    engine: sa.Engine, sub: dict, outcome: str, detail: str, version: str | None, retry_at=None, now: dt.datetime | None = None
) -> None:
    """After a try: the trail row and the subscription's state. sent: failures reset; failed: counted, retried at
    `retry_at`; given_up or refused: counted and kept for the admin, next try at the next regular time. `now` is
    the scheduler's time of the round (its schedule is judged against it)."""
    t = report_subscriptions
    now = now or _now()
    with engine.begin() as con:
        con.execute(sa.insert(report_deliveries).values(subscription_id=sub["id"], at=now, outcome=outcome, detail=detail[:2000]))
        if outcome == "sent":
            vals = dict(last_sent_at=now, last_version=version, failures=0, retry_at=None, last_error=None)
        elif outcome == "failed":
            vals = dict(failures=t.c.failures + 1, retry_at=retry_at, last_error=detail[:2000])
        else:
            vals = dict(
                last_sent_at=now, last_version=version, failures=t.c.failures + 1, retry_at=None, last_error=detail[:2000]
            )
        con.execute(sa.update(t).where(t.c.id == sub["id"]).values(**vals))


def set_version(engine: sa.Engine, sub_id: int, version: str) -> None:
    """Remember the data version a subscription has seen (an after-each-load one starts from the load current
    when it was made)."""
    t = report_subscriptions
    with engine.begin() as con:
        con.execute(sa.update(t).where(t.c.id == sub_id).values(last_version=version))


def deliveries(engine: sa.Engine, sub_ids: list[int], limit: int = 200) -> list[dict]:
    """The newest delivery rows of these subscriptions."""
    d = report_deliveries
    with engine.connect() as con:
        rows = con.execute(sa.select(d).where(d.c.subscription_id.in_(sub_ids)).order_by(d.c.id.desc()).limit(limit))
        out = [dict(r._mapping) for r in rows]
    for r in out:
        r["at"] = aware(r["at"])
    return out


# One row per alert ever raised, keyed by what it is about (rule, place, OPD or unit): `active` while the condition
# holds; it fires (is sent) once when it becomes active, and again only after it cleared and came back.
report_alerts = sa.Table(
    "report_alerts",
    metadata,
    sa.Column("key", sa.String(400), primary_key=True),
    sa.Column("rule", sa.String(16), nullable=False),
    sa.Column("lokasi", sa.String(64), nullable=True),
    sa.Column("opd", sa.String(200), nullable=True),
    sa.Column("text_id", sa.Text, nullable=False),
    sa.Column("text_en", sa.Text, nullable=False),
    sa.Column("link", sa.String(64), nullable=False),
    sa.Column("restricted", sa.Boolean, nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("first_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("cleared_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
)


def sync_alerts(engine: sa.Engine, current: list[dict], now: dt.datetime | None = None) -> list[dict]:
    """Make the table match the alerts that hold now; returns the ones that became active (they fire)."""
    now = now or _now()
    a = report_alerts
    keys = {c["key"] for c in current}
    fired = []
    with engine.begin() as con:
        known = {r.key: r for r in con.execute(sa.select(a))}
        for c in current:
            row = known.get(c["key"])
            texts = dict(text_id=c["text_id"], text_en=c["text_en"], link=c["link"])
            if row is None:
                con.execute(sa.insert(a).values(**c, active=True, first_at=now))
                fired.append(c)
            elif not row.active:
                con.execute(
                    sa.update(a)
                    .where(a.c.key == c["key"])
                    .values(**texts, active=True, first_at=now, cleared_at=None, sent_at=None)
                )
                fired.append(c)
            else:  # still holding: its figures are brought up to date, it does not fire again
                con.execute(sa.update(a).where(a.c.key == c["key"]).values(**texts))
        gone = [k for k, r in known.items() if r.active and k not in keys]
        if gone:
            con.execute(sa.update(a).where(a.c.key.in_(gone)).values(active=False, cleared_at=now))
    return fired


def active_alerts(engine: sa.Engine) -> list[dict]:
    """The alerts holding now, newest first."""
    a = report_alerts
    with engine.connect() as con:
        rows = [
            dict(r._mapping) for r in con.execute(sa.select(a).where(a.c.active.is_(True)).order_by(a.c.first_at.desc(), a.c.key))
        ]
    for r in rows:
        r["first_at"] = aware(r["first_at"])
    return rows


def mark_sent(engine: sa.Engine, keys: list[str], now: dt.datetime | None = None) -> None:
    a = report_alerts
    if keys:
        with engine.begin() as con:
            con.execute(sa.update(a).where(a.c.key.in_(keys)).values(sent_at=now or _now()))


def meta_value(engine: sa.Engine, key: str) -> str | None:
    """A value kept in app_meta (the scheduler's last evaluated data version)."""
    from appdb.tables import app_meta

    with engine.connect() as con:
        return con.execute(sa.select(app_meta.c.value).where(app_meta.c.key == key)).scalar()


def set_meta_value(engine: sa.Engine, key: str, value: str) -> None:
    from appdb.tables import app_meta

    with engine.begin() as con:
        if con.execute(sa.update(app_meta).where(app_meta.c.key == key).values(value=value)).rowcount == 0:
            con.execute(sa.insert(app_meta).values(key=key, value=value))
