"""Alerts on a change, with the rules of settings [peringatan]: a unit's IKM below a value or falling a mutu band,
an OPD's share below Baik rising by more than N points, a unit breaking the distribution curve, coaching cases
overdue, a load that rejected many rows. Each says what changed, by how much, and which view shows it; who
receives it follows their scope (`covers`)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import sqlalchemy as sa

from appdb.principal import Principal
from settings import Settings
from ui import fmt
from warehouse import queries
from warehouse.db import Filters, Scope

GRADES = "ABCD"


def _alert(key: str, rule: str, lokasi, opd, text_id: str, text_en: str, link: str, restricted: bool) -> dict:
    return dict(key=key, rule=rule, lokasi=lokasi, opd=opd, text_id=text_id, text_en=text_en, link=link, restricted=restricted)


def _grade(k: float, skm: dict) -> str:
    return "A" if k >= skm["a_min"] else "B" if k >= skm["b_min"] else "C" if k >= skm["c_min"] else "D"


def ikm_alerts(con, settings: Settings) -> list[dict]:
    """Units whose latest IKM is below [peringatan] ikm_min or a mutu band below their previous survey period."""
    cfg, skm = settings.section("peringatan"), settings.section("skm")
    units = queries.ikm_units(con, Filters(), Scope()).sort("periode")
    out = []
    for (lokasi, unit), part in units.group_by(["lokasi", "unit_layanan"], maintain_order=True):
        last = part.row(-1, named=True)
        prev = part.row(-2, named=True) if part.height > 1 else None
        k, g = float(last["ikm_konversi"]), _grade(float(last["ikm_konversi"]), skm)
        fell = (
            prev is not None
            and cfg.get("ikm_turun_mutu", True)
            and GRADES.index(g) > GRADES.index(_grade(float(prev["ikm_konversi"]), skm))
        )
        low = k < float(cfg.get("ikm_min", skm["b_min"]))
        if not (fell or low):
            continue
        texts = []
        for lg in ("id", "en"):
            what = f"IKM {unit} ({lokasi}) {fmt.period(last['periode'], lg)}: {fmt.num(k, 2, lg)} ({g})"
            if prev is not None:
                d = fmt.signed(k - float(prev["ikm_konversi"]), 2, lg)
                was = f"{fmt.num(float(prev['ikm_konversi']), 2, lg)} ({_grade(float(prev['ikm_konversi']), skm)})"
                what += f", {'sebelumnya' if lg == 'id' else 'previously'} {was}, {d}"
            texts.append(what)
        small = last["n_responden"] < int(settings.section("privacy").get("min_group", 5))  # hidden from restricted readers
        out.append(_alert(f"ikm|{lokasi}|{unit}", "ikm", lokasi, last["opd"], *texts, "umpan-balik", small))
    return out


def below_alerts(con, settings: Settings) -> list[dict]:
    """OPDs whose share below Baik rose by more than [peringatan] bawah_naik_poin points in the last period."""
    limit = float(settings.section("peringatan").get("bawah_naik_poin", 10.0))
    keys = queries.periods(con)["periode"].to_list()[-2:]
    if len(keys) < 2:
        return []
    per = queries.scores_by(con, Filters(dari=keys[0], sampai=keys[1]), Scope(), ["lokasi", "opd", "periode"])
    below = (pl.col("n_butuh_perbaikan") + pl.col("n_kurang") + pl.col("n_sangat_kurang")) / pl.col("n_predikat")
    per = per.filter(pl.col("n_predikat") > 0).with_columns(below.alias("bawah"))
    wide = per.pivot(on="periode", index=["lokasi", "opd"], values="bawah").drop_nulls()
    if keys[0] not in wide.columns or keys[1] not in wide.columns:
        return []
    rose = wide.with_columns(((pl.col(keys[1]) - pl.col(keys[0])) * 100).alias("naik")).filter(pl.col("naik") > limit)
    out = []
    for r in rose.iter_rows(named=True):
        t = [
            f"{r['opd']} ({r['lokasi']}): {'di bawah Baik' if lg == 'id' else 'below Baik'} {fmt.pct(r[keys[0]], 1, lg)} → "
            f"{fmt.pct(r[keys[1]], 1, lg)} ({fmt.signed(r['naik'], 1, lg)} pp, {fmt.period(keys[1], lg)})"
            for lg in ("id", "en")
        ]
        out.append(_alert(f"bawah|{r['lokasi']}|{r['opd']}", "bawah", r["lokasi"], r["opd"], *t, "bandingkan", True))
    return out


def curve_alerts(con, settings: Settings) -> list[dict]:
    """Units breaking the distribution curve in the last period."""
    if not settings.section("peringatan").get("kurva", True):
        return []
    last = queries.periods(con)["periode"].to_list()[-1:]
    if not last:
        return []
    br = queries.distribution_breaks(con, Filters(dari=last[0], sampai=last[0]), Scope())
    out = []
    for r in br.iter_rows(named=True):
        t = [
            f"{r['unit_kerja']}, {r['opd']} ({r['lokasi']}) {fmt.period(r['periode'], lg)}: "
            + ("melanggar kurva distribusi" if lg == "id" else "breaks the distribution curve")
            + f" (n = {fmt.num(r['n'], 0, lg)})"
            for lg in ("id", "en")
        ]
        out.append(_alert(f"kurva|{r['lokasi']}|{r['opd']}|{r['unit_kerja']}", "kurva", r["lokasi"], r["opd"], *t, "", True))
    return out


def case_alerts(engine: sa.Engine | None, settings: Settings, today: dt.date) -> list[dict]:
    """OPDs with coaching cases past their due date (cases open, not done or cancelled)."""
    if engine is None or not settings.section("peringatan").get("kasus_terlambat", True):
        return []
    from appdb.coaching import cases

    q = (
        sa.select(cases.c.lokasi, cases.c.opd, sa.func.count().label("n"))
        .where(cases.c.status.in_(("baru", "dijadwalkan", "berjalan")), cases.c.due_date < today)
        .group_by(cases.c.lokasi, cases.c.opd)
    )
    with engine.connect() as c:
        rows = c.execute(q).all()
    return [
        _alert(
            f"kasus|{r.lokasi}|{r.opd}",
            "kasus",
            r.lokasi,
            r.opd,
            f"{r.opd} ({r.lokasi}): {r.n} kasus pembinaan melewati tenggat",
            f"{r.opd} ({r.lokasi}): {r.n} coaching cases past their due date",
            "kasus",
            True,
        )
        for r in rows
    ]


def load_alerts(con, settings: Settings) -> list[dict]:
    """The last load, when it rejected at least [peringatan] ditolak_min rows (admins only)."""
    fresh = queries.freshness(con)
    n = int(fresh["ditolak"] or 0)
    if n < int(settings.section("peringatan").get("ditolak_min", 100)):
        return []
    when = fresh["waktu"]
    t = [
        f"Pemuatan {fmt.day(when, 'id')}: {fmt.num(n, 0, 'id')} baris ditolak",
        f"The load of {fmt.day(when, 'en')}: {fmt.num(n, 0, 'en')} rows rejected",
    ]
    return [_alert(f"ditolak|{when}", "ditolak", None, None, *t, "data", True)]


def evaluate(con, settings: Settings, engine: sa.Engine | None = None, today: dt.date | None = None) -> list[dict]:
    """Every alert that holds now."""
    today = today or dt.date.today()
    return [
        *ikm_alerts(con, settings),
        *below_alerts(con, settings),
        *curve_alerts(con, settings),
        *case_alerts(engine, settings, today),
        *load_alerts(con, settings),
    ]


def covers(who: Principal, scope: Scope, alert: dict) -> bool:
    """Whether an alert is this reader's: within their places and OPDs; alerts about people-level figures or
    small units not for readers whose small groups are withheld; a load's rejections for admins only."""
    if alert["rule"] == "ditolak":
        return who.is_admin
    if scope.atasan is not None:  # an Atasan's view is their own unit: no OPD- or place-wide alert is theirs
        return False
    if alert["restricted"] and (scope.suppresses or scope.aggregate_only):
        return False
    if scope.lokasi is not None and alert["lokasi"] not in scope.lokasi:
        return False
    return scope.opd is None or alert["opd"] in scope.opd
