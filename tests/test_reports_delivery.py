"""Scheduled delivery against a real SMTP server (aiosmtpd on a free port): each subscriber receives their report
with their own scope, filters and language; a report is sent once per due time; a failing server is retried and
then shown; a disabled account is refused; every send and subscription change is in the access log."""

from __future__ import annotations

import copy
import datetime as dt
import email
import io
import os
import re

import polars as pl
import pytest
import sqlalchemy as sa
from aiosmtpd.controller import Controller
from pypdf import PdfReader

from appdb import access
from appdb.accounts import SYSTEM, update_user
from appdb.engine import make_engine
from appdb.principal import Principal
from appdb.reports import subscribe, subscriptions
from reports.scheduler import run_once
from settings import Settings
from tests.appdb_fixtures import free_port
from tests.browser import make_app_db
from warehouse import queries
from warehouse.db import Filters, Scope, connect

ACCOUNTS = [
    {"username": "pantau", "role": "agregat", "lokasi": ["Jambi"], "display_name": "Pemantau DPRD"},
    {"username": "kepala-bkpsdm", "role": "admin", "lokasi": ["Jambi", "Bangko"], "display_name": "Kepala BKPSDM"},
]


class Inbox:
    """An aiosmtpd handler keeping every message it receives."""

    def __init__(self) -> None:
        self.messages: list[email.message.Message] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def smtp():
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


def with_smtp(settings: Settings, port: int) -> Settings:
    raw = copy.deepcopy(settings.raw)
    raw["smtp"] = {"host": "127.0.0.1", "port": port, "tls": "none", "pengirim": "dasbor@uji.local", "timeout": 5}
    return Settings(raw)


def pdf_of(msg) -> tuple[str, str]:
    """The attachment's file name and its text."""
    part = next(p for p in msg.walk() if p.get_content_type() == "application/pdf")
    text = " ".join(
        " ".join((pg.extract_text() or "").split()) for pg in PdfReader(io.BytesIO(part.get_payload(decode=True))).pages
    )
    return part.get_filename(), text


def num(v: float, d: int, lang: str) -> str:
    text = f"{v:,.{d}f}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "id" else text


@pytest.fixture
def engine(tmp_path):
    eng = make_engine(make_app_db(tmp_path, ACCOUNTS))
    yield eng
    eng.dispose()


def later(days: int) -> dt.datetime:
    return dt.datetime.now(dt.UTC) + dt.timedelta(days=days)


def test_each_subscriber_gets_their_own_report_once(demo_settings, smtp, engine):
    inbox, port = smtp
    settings = with_smtp(demo_settings, port)
    agg, admin = (
        Principal("pantau", "agregat", lokasi=("Jambi",)),
        Principal("kepala-bkpsdm", "admin", lokasi=("Jambi", "Bangko")),
    )
    subscribe(engine, agg, "penghargaan", {"lokasi": ["Jambi"]}, "en", "mingguan", "dprd@uji.local")
    subscribe(engine, admin, "penghargaan", {"lokasi": ["Jambi"]}, "id", "bulanan", "bkpsdm@uji.local")
    done = run_once(settings, engine, now=later(40))
    assert sorted(done.values()) == ["sent", "sent"]
    by_to = {m["To"]: m for m in inbox.messages}
    assert set(by_to) == {"dprd@uji.local", "bkpsdm@uji.local"}
    assert by_to["dprd@uji.local"]["Subject"] == "Recognition Report"
    assert by_to["bkpsdm@uji.local"]["Subject"] == "Laporan Penghargaan"

    con = connect(str(settings.warehouse))
    people = queries.recognition_list(con, Filters(lokasi=("Jambi",)), Scope(), limit=None)
    names = set(people["nama"])
    name, agg_text = pdf_of(by_to["dprd@uji.local"])
    assert name.endswith(".pdf")
    assert "Place: Jambi" in agg_text and "Page 1 of" in agg_text
    assert not [n for n in names if n in agg_text] and not re.search(r"\d{18}", agg_text)
    qualifying = people.group_by("opd").len().filter(pl.col("len") >= 5)
    assert f"{num(int(qualifying['len'].sum()), 0, 'en')} employees qualify" in agg_text
    _, admin_text = pdf_of(by_to["bkpsdm@uji.local"])
    assert "Lokasi: Jambi" in admin_text and [n for n in names if n in admin_text]
    con.close()

    # not due again at the same time; due again a week later for the weekly one only
    assert run_once(settings, engine, now=later(40)) == {}
    again = run_once(settings, engine, now=later(48))
    assert list(again.values()) == ["sent"] and len(inbox.messages) == 3

    log = access.entries(engine, events=("report_sent", "subscription"))
    kinds = sorted(r["event"] for r in log)
    assert kinds.count("report_sent") == 3 and kinds.count("subscription") == 2


def test_after_each_load_waits_for_a_new_load(demo_settings, smtp, engine, tmp_path):
    inbox, port = smtp
    settings = with_smtp(demo_settings, port)
    who = Principal("kepala-bkpsdm", "admin", lokasi=("Jambi", "Bangko"))
    subscribe(engine, who, "ringkasan", {"lokasi": ["Bangko"]}, "id", "setelah_muat", "bkpsdm@uji.local")
    assert run_once(settings, engine) == {}  # the load current when subscribing is the baseline
    assert run_once(settings, engine) == {}
    # a new warehouse version file (what a load swaps in) makes it due
    real = os.path.realpath(settings.warehouse)
    st = os.stat(real)
    os.utime(real, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert list(run_once(settings, engine).values()) == ["sent"]
    assert inbox.messages[0]["Subject"] == "Laporan Ringkasan Kinerja"
    assert run_once(settings, engine) == {}


def test_a_failing_server_is_retried_then_shown_and_a_disabled_account_refused(demo_settings, engine):
    settings = with_smtp(demo_settings, free_port())  # nobody listens there
    who = Principal("kepala-bkpsdm", "admin", lokasi=("Jambi", "Bangko"))
    sub_id = subscribe(engine, who, "tren", {}, "id", "mingguan", "bkpsdm@uji.local")
    now = later(10)
    assert run_once(settings, engine, now=now) == {sub_id: "failed"}
    assert run_once(settings, engine, now=now) == {}  # waits for the retry time
    retry = subscriptions(engine)[0]["retry_at"]
    assert run_once(settings, engine, now=retry) == {sub_id: "failed"}
    last = subscriptions(engine)[0]
    assert run_once(settings, engine, now=last["retry_at"]) == {sub_id: "given_up"}
    shown = subscriptions(engine)[0]
    assert shown["failures"] == 3 and "Error" in shown["last_error"] and shown["retry_at"] is None
    assert run_once(settings, engine, now=last["retry_at"]) == {}  # until the next regular time

    update_user(engine, "kepala-bkpsdm", actor=SYSTEM, active=False)
    assert run_once(settings, engine, now=later(30)) == {sub_id: "refused"}
    with engine.connect() as c:
        outcomes = [r.outcome for r in c.execute(sa.text("SELECT outcome FROM report_deliveries ORDER BY id"))]
    assert outcomes == ["failed", "failed", "given_up", "refused"]
    denied = [r for r in access.entries(engine, events=("report_sent",)) if r["outcome"] == "denied"]
    assert len(denied) == 1
