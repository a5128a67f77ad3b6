"""Scheduled delivery: each due subscription's report is made with the *subscriber's* scope (their account as it
is now: a disabled account or a narrowed scope is honoured at once) and sent by e-mail through [smtp]. A failed
send is retried [laporan] percobaan_maks times, retry_minutes apart, then given up until the next regular time;
failures stay on the subscription for the admin (Langganan page). Every send or refusal is in the access log.
After each load the alerts ([peringatan], reports.alerts) are evaluated and each new one sent once.

Run beside the dashboard (`make run` starts it) or from cron with `--once`."""

from __future__ import annotations

import datetime as dt
import logging
import os
import time

import sqlalchemy as sa

from appdb import access
from appdb.accounts import find_user, to_principal
from appdb.engine import app_db_url, open_app_db
from appdb.reports import mark_sent, meta_value, record_delivery, set_meta_value, set_version, subscriptions, sync_alerts
from reports.build import PAGE_SECTIONS, pack, page_report
from reports.context import WIB, Context
from reports.mail import send_alert_mail, send_report
from reports.text import tr
from settings import Settings
from warehouse.db import Filters, connect, current_file

log = logging.getLogger("reports.scheduler")
REPORTS = (*PAGE_SECTIONS, "pack")


def data_version(settings: Settings) -> str:
    """The warehouse version file now pointed at, with its inode and time: changes with every load."""
    p = settings.warehouse
    if not p.exists():
        return "none"
    real = current_file(p)
    st = os.stat(real)
    return f"{os.path.basename(real)}-{st.st_ino}-{st.st_mtime_ns}"


def last_slot(jadwal: str, now: dt.datetime, cfg: dict) -> dt.datetime:
    """The latest regular sending time at or before `now` (WIB): the weekday or day of month at the hour set."""
    local = now.astimezone(WIB)
    hour = int(cfg.get("jam_kirim", 7))
    if jadwal == "mingguan":
        day = local.date() - dt.timedelta(days=(local.weekday() - int(cfg.get("hari_mingguan", 0))) % 7)
        slot = dt.datetime.combine(day, dt.time(hour), WIB)
        return slot if slot <= local else slot - dt.timedelta(days=7)
    dom = min(int(cfg.get("tanggal_bulanan", 1)), 28)
    slot = dt.datetime(local.year, local.month, dom, hour, tzinfo=WIB)
    if slot > local:
        year, month = (local.year, local.month - 1) if local.month > 1 else (local.year - 1, 12)
        slot = dt.datetime(year, month, dom, hour, tzinfo=WIB)
    return slot


def is_due(sub: dict, now: dt.datetime, version: str, cfg: dict) -> bool:
    """Whether a subscription's report should go out now."""
    if not sub["active"]:
        return False
    if sub["retry_at"] is not None:
        return now >= sub["retry_at"]
    if sub["jadwal"] == "setelah_muat":
        return sub["last_version"] is not None and sub["last_version"] != version and version != "none"
    since = sub["last_sent_at"] or sub["created_at"]
    return since < last_slot(sub["jadwal"], now, cfg)


def make_pdf(sub: dict, who, settings: Settings, con) -> tuple[bytes, str]:
    """The subscribed report as the subscriber would download it: their scope, the saved filters and language."""
    privacy = settings.section("privacy")
    k = int(privacy.get("min_group", 5))
    scope = who.scope(k, int(privacy.get("atasan_min_group", k)))
    f = Filters(**{key: (tuple(v) if isinstance(v, list) else v) for key, v in (sub["filters"] or {}).items()})
    ctx = Context(con=con, f=f, scope=scope, lang=sub["lang"], settings=settings, who=who, via="subscription")
    laporan = sub["laporan"]
    if laporan == "pack":
        return pack(ctx), tr("rep_pack", sub["lang"])
    return page_report(ctx, laporan), tr(f"rep_{laporan}", sub["lang"])


def deliver(sub: dict, settings: Settings, engine: sa.Engine, con, version: str, now: dt.datetime) -> str:
    """Make and send one subscription's report; returns the outcome recorded (sent, failed, given_up, refused)."""
    cfg = settings.section("laporan")
    row = find_user(engine, username=sub["username"])
    if row is None or sub["laporan"] not in REPORTS:
        why = "account disabled or gone" if row is None else f"unknown report {sub['laporan']!r}"
        record_delivery(engine, sub, "refused", why, version, now=now)
        access.record(
            engine, "report_sent", None, username=sub["username"], outcome="denied", detail={"id": sub["id"], "why": why}
        )
        return "refused"
    who = to_principal(row)
    try:
        pdf, title = make_pdf(sub, who, settings, con)
        send_report(settings.section("smtp"), sub["email"], title, pdf, sub["lang"], f"{sub['laporan']}.pdf")
    except Exception as exc:  # a mail server down, a refused address: retried, then shown to the admin
        tries = sub["failures"] + 1
        give_up = tries >= int(cfg.get("percobaan_maks", 3))
        retry = None if give_up else now + dt.timedelta(minutes=float(cfg.get("retry_minutes", 15)))
        outcome = "given_up" if give_up else "failed"
        record_delivery(engine, sub, outcome, f"{type(exc).__name__}: {exc}", version, retry, now=now)
        access.record(engine, "report_sent", who, outcome="failed", detail={"id": sub["id"], "try": tries})
        return outcome
    record_delivery(engine, sub, "sent", sub["email"], version, now=now)
    detail = {"id": sub["id"], "report": sub["laporan"], "to": sub["email"], "filters": sub["filters"], "lang": sub["lang"]}
    access.record(engine, "report_sent", who, rows=len(pdf), detail=detail)
    return "sent"


def run_once(settings: Settings, engine: sa.Engine, now: dt.datetime | None = None) -> dict[int, str]:
    """One round: every due subscription delivered; returns subscription id -> outcome."""
    now = now or dt.datetime.now(dt.UTC)
    version = data_version(settings)
    cfg = settings.section("laporan")
    out: dict[int, str] = {}
    con = None
    for sub in subscriptions(engine):
        if sub["jadwal"] == "setelah_muat" and sub["last_version"] is None:
            set_version(engine, sub["id"], version)  # the first load after subscribing is the first report
            continue
        if not is_due(sub, now, version, cfg):
            continue
        if con is None:
            con = connect(str(settings.warehouse))
        out[sub["id"]] = deliver(sub, settings, engine, con, version, now)
    if con is not None:
        con.close()
    return out


ALERTS_VERSION = "alerts_version"


def send_alerts(settings: Settings, engine: sa.Engine, version: str, now: dt.datetime) -> dict[str, list[str]]:
    """After a load (a new data version): evaluate the alerts; those that newly hold are e-mailed, once, to every
    subscriber whose scope covers them (one e-mail each, in their subscription's language). Returns
    username -> alert keys sent."""
    from reports.alerts import covers, evaluate

    if version == "none" or meta_value(engine, ALERTS_VERSION) == version:
        return {}
    con = connect(str(settings.warehouse))
    try:
        fired = sync_alerts(engine, evaluate(con, settings, engine, now.astimezone(WIB).date()), now)
    finally:
        con.close()
    set_meta_value(engine, ALERTS_VERSION, version)
    privacy = settings.section("privacy")
    k = int(privacy.get("min_group", 5))
    sent: dict[str, list[str]] = {}
    readers = {}
    for sub in subscriptions(engine):
        if sub["active"]:
            readers.setdefault(sub["username"], sub)
    for username, sub in readers.items():
        row = find_user(engine, username=username)
        if row is None:
            continue
        who = to_principal(row)
        scope = who.scope(k, int(privacy.get("atasan_min_group", k)))
        mine = [a for a in fired if covers(who, scope, a)]
        if not mine:
            continue
        try:
            base = str(settings.section("laporan").get("alamat_dasbor") or "")
            send_alert_mail(settings.section("smtp"), sub["email"], mine, sub["lang"], base)
        except Exception as exc:
            log.warning("alert mail to %s failed: %s", username, exc)
            access.record(engine, "report_sent", who, outcome="failed", detail={"alerts": [a["key"] for a in mine]})
            continue
        access.record(engine, "report_sent", who, rows=len(mine), detail={"alerts": [a["key"] for a in mine], "to": sub["email"]})
        sent[username] = [a["key"] for a in mine]
    mark_sent(engine, [key for keys in sent.values() for key in keys], now)
    return sent


def serve(settings: Settings, once: bool = False) -> None:
    """Check for due reports every [laporan] periksa_detik seconds (or once)."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    engine = open_app_db(app_db_url(settings))
    every = float(settings.section("laporan").get("periksa_detik", 300))
    while True:
        try:
            done = run_once(settings, engine)
            if done:
                log.info("reports delivered: %s", done)
            alerts = send_alerts(settings, engine, data_version(settings), dt.datetime.now(dt.UTC))
            if alerts:
                log.info("alerts sent: %s", alerts)
        except Exception:
            log.exception("scheduler round failed")
        if once:
            return
        time.sleep(every)
