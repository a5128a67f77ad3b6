"""Alerts after a load, against a real SMTP server: the units whose IKM crossed the threshold (a plain reference
from the survey mart) reach the subscribers whose scope covers them, once; an alert fires again only after it
cleared; a restricted viewer gets no people-level or small-unit alert."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

import polars as pl
import pytest

from appdb.engine import make_engine
from appdb.principal import Principal
from appdb.reports import active_alerts, subscribe
from reports.alerts import covers
from reports.scheduler import send_alerts
from settings import Settings
from tests.browser import make_app_db
from tests.test_reports_delivery import Inbox, smtp  # noqa: F401  (the SMTP fixture)
from warehouse.db import Scope, connect

ACCOUNTS = [
    {"username": "pantau", "role": "agregat", "lokasi": ["Jambi"]},
    {"username": "kepala-bkpsdm", "role": "admin", "lokasi": ["Jambi", "Bangko", "Belawan", "Rakumpit"]},
]
NOW = dt.datetime(2026, 12, 1, 3, tzinfo=dt.UTC)


def latest_ikm(con) -> pl.DataFrame:
    """Each unit's latest survey period and konversi, from fct_ikm directly."""
    rows = pl.from_arrow(con.sql("SELECT lokasi, unit_layanan, opd, periode, ikm_konversi, n_responden FROM fct_ikm").arrow())
    return rows.sort("periode").group_by("lokasi", "unit_layanan").last()


def tuned(settings: Settings, port: int, **alerts) -> Settings:
    raw = copy.deepcopy(settings.raw)
    raw["smtp"] = {"host": "127.0.0.1", "port": port, "tls": "none", "pengirim": "dasbor@uji.local", "timeout": 5}
    raw["peringatan"] |= {"ikm_turun_mutu": False, "kurva": False, "bawah_naik_poin": 1000.0, **alerts}
    return Settings(raw)


@pytest.fixture
def engine(tmp_path):
    eng = make_engine(make_app_db(tmp_path, ACCOUNTS))
    subscribe(eng, Principal("kepala-bkpsdm", "admin"), "ringkasan", {}, "id", "bulanan", "bkpsdm@uji.local")
    subscribe(eng, Principal("pantau", "agregat"), "ringkasan", {}, "en", "bulanan", "dprd@uji.local")
    yield eng
    eng.dispose()


def test_an_alert_fires_once_per_crossing(demo_settings, smtp, engine):  # noqa: F811
    inbox, port = smtp
    con = connect(str(demo_settings.warehouse))
    last = latest_ikm(con)
    con.close()
    threshold = float(last["ikm_konversi"].median())
    below = last.filter(pl.col("ikm_konversi").cast(pl.Float64) < threshold)
    assert 0 < below.height < last.height
    settings = tuned(demo_settings, port, ikm_min=threshold)

    sent = send_alerts(settings, engine, "load-1", NOW)
    expected = {f"ikm|{r['lokasi']}|{r['unit_layanan']}" for r in below.iter_rows(named=True)}
    assert set(sent["kepala-bkpsdm"]) == expected
    body = inbox.messages[0].get_payload()
    for r in below.iter_rows(named=True):
        value = f"{Decimal(str(r['ikm_konversi'])):.2f}".replace(".", ",")
        assert f"IKM {r['unit_layanan']} ({r['lokasi']})" in body and value in body
    # the aggregate viewer: only Jambi's units with enough respondents
    k = int(demo_settings.section("privacy")["min_group"])
    theirs = {
        f"ikm|Jambi|{r['unit_layanan']}"
        for r in below.filter((pl.col("lokasi") == "Jambi") & (pl.col("n_responden") >= k)).iter_rows(named=True)
    }
    assert set(sent.get("pantau", [])) == theirs
    assert len(inbox.messages) == 1 + bool(theirs)

    # the same load again, and a new load with the same figures: nothing new fires
    assert send_alerts(settings, engine, "load-1", NOW) == {}
    assert send_alerts(settings, engine, "load-2", NOW) == {}
    assert len(inbox.messages) == 1 + bool(theirs)
    assert {a["key"] for a in active_alerts(engine)} == expected

    # the condition clears (a lower threshold), then holds again: it fires again
    assert send_alerts(tuned(demo_settings, port, ikm_min=0.0), engine, "load-3", NOW) == {}
    assert active_alerts(engine) == []
    again = send_alerts(settings, engine, "load-4", NOW)
    assert set(again["kepala-bkpsdm"]) == expected


def test_restricted_alerts_skip_restricted_readers():
    people_level = {"rule": "kurva", "lokasi": "Jambi", "opd": "Dinas Sosial", "restricted": True}
    ikm = {"rule": "ikm", "lokasi": "Jambi", "opd": "Dinas Sosial", "restricted": False}
    agg = Principal("pantau", "agregat", lokasi=("Jambi",))
    admin = Principal("adm", "admin", lokasi=("Jambi",))
    head = Principal("kadis", "kepala_opd", lokasi=("Jambi",), opd=("Dinas Kesehatan",))
    assert covers(agg, agg.scope(5), ikm) and not covers(agg, agg.scope(5), people_level)
    assert covers(admin, admin.scope(5), people_level)
    assert not covers(head, head.scope(5), ikm)  # another OPD's unit
    assert not covers(Principal("b", "admin", lokasi=("Bangko",)), Scope(lokasi=("Bangko",)), ikm)
    loads = {"rule": "ditolak", "lokasi": None, "opd": None, "restricted": True}
    assert covers(admin, admin.scope(5), loads) and not covers(head, head.scope(5), loads)
