"""The demo's coaching history, so 'Apakah berhasil?' has something to judge: past cases opened after a period on
the coaching list, planned, coached in sessions and closed with an outcome that follows the demo's scores
(some improved, some not), a few cancelled, and a few still open.

Everything goes through `coaching.cases` (its checks, versions and trail), each change dated when it would have
happened; a seeded generator picks the employees, so the same warehouse always gives the same history. It is
written only into an application database that holds no case yet: never mixed into real work.
"""

from __future__ import annotations

import datetime as dt
import random
import re

import duckdb
import polars as pl
import sqlalchemy as sa

from appdb.coaching import cases as cases_table
from coaching import cases
from coaching.scope import Within
from domain.appraisal import BERAKHLAK_LABELS, COACHING_RULES
from warehouse import queries
from warehouse.db import Scope

SEED = 20261207
OPENER = "Admin BKPSDM (demo)"
PLAN = ("Dialog kinerja: sepakati target perbaikan", "Bimbingan: tinjau kemajuan dan hambatan", "Evaluasi hasil pembinaan")
TOPICS = (
    "Target bulanan dan hambatan utama pada {f}",
    "Kemajuan {f}; contoh pekerjaan yang sudah diperbaiki",
    "Pembagian tugas dan jadwal kerja agar {f} tercapai",
)
NEXT = ("Laporan kemajuan mingguan ke atasan", "Pendampingan oleh rekan senior", "Ikut pelatihan singkat di BKPSDM")
CANCEL = ("Pegawai mutasi ke OPD lain", "Pegawai cuti di luar tanggungan negara")
WIB = dt.timezone(dt.timedelta(hours=7))


def _num(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


def outcome(before: float | None, during: float | None) -> str:
    """The outcome a coach would write at closing, from the mean hasil kerja before and during coaching."""
    if before is None or during is None:
        return "Pembinaan selesai; belum ada nilai kinerja baru untuk dibandingkan, atasan melanjutkan pemantauan."
    delta = during - before
    if delta >= 5:
        return (
            f"Membaik: hasil kerja rata-rata {_num(during)} selama pembinaan, dari {_num(before)} sebelumnya; "
            "target perbaikan yang disepakati tercapai."
        )
    if delta > -5:
        return (
            f"Belum membaik berarti: hasil kerja {_num(during)} selama pembinaan (sebelumnya {_num(before)}); "
            "atasan melanjutkan pemantauan bulanan."
        )
    return (
        f"Tidak membaik: hasil kerja turun ke {_num(during)} (sebelumnya {_num(before)}); "
        "disarankan meninjau beban kerja dan penempatan."
    )


def _focus(row: dict) -> list[str]:
    """What to coach on as a person types it in the open form: capaian written the Indonesian way (76,4)."""
    values = [BERAKHLAK_LABELS[v][0] if v in BERAKHLAK_LABELS else v for v in row["nilai_lemah"] or []]
    return [re.sub(r"(\d)\.(\d)", r"\1,\2", x) for x in row["indikator_lemah"] or []] + values


def _at(day: dt.date, hour: int, now: dt.datetime) -> dt.datetime:
    """A working hour (WIB) of a day, never after now."""
    return min(dt.datetime.combine(day, dt.time(hour), WIB).astimezone(dt.UTC), now - dt.timedelta(minutes=1))


def candidates(listed: pl.DataFrame, starts: list[dt.date], k: int) -> pl.DataFrame:
    """Listings a past case can follow: with a supervisor to coach, opened in the next period (the k before it
    in the data) and closed early enough that the k periods after closing are in the data too."""
    last = len(starts) - 1
    return listed.filter(pl.col("nip_atasan").is_not_null() & (pl.col("i") >= k - 1) & (pl.col("i") + 3 + k <= last)).sort(
        "i", "nip"
    )


def choose(listed: pl.DataFrame, starts: list[dt.date], k: int, seed: int = SEED, first: tuple[str, str] | None = None,
           coach: str | None = None, groups: int = 4, per_group: int = 12, scattered: int = 6) -> pl.DataFrame:  # fmt: skip
    """The listings to open past cases from: up to `per_group` employees in each of `groups` OPDs (the `first`
    place and OPD, then those with most candidates, so a group can be judged), up to four people coached by
    `coach`, and `scattered` more elsewhere; one case per employee."""
    rng = random.Random(seed)
    cand = candidates(listed, starts, k)
    lokasi, opd = first or ("", "")
    is_first = ((pl.col("lokasi") == lokasi) & (pl.col("opd") == opd)).any().alias("f")
    ranked = cand.group_by("lokasi", "opd").agg(pl.col("nip").n_unique().alias("n"), is_first)
    top = ranked.sort(["f", "n", "lokasi", "opd"], descending=[True, True, False, False]).head(groups)
    picked: list[dict] = []

    def take(rows: pl.DataFrame, n: int) -> None:
        rows = rows.filter(~pl.col("nip").is_in([p["nip"] for p in picked]))
        for nip in rng.sample(sorted(rows["nip"].unique().to_list()), min(n, rows["nip"].n_unique())):
            picked.append(rng.choice(rows.filter(pl.col("nip") == nip).to_dicts()))

    for place, unit in top.select("lokasi", "opd").iter_rows():
        take(cand.filter((pl.col("lokasi") == place) & (pl.col("opd") == unit)), per_group)
    take(cand.filter(pl.col("nip_atasan") == (coach or "")), 4)
    take(cand.join(top.select("lokasi", "opd"), on=["lokasi", "opd"], how="anti"), scattered)
    return pl.DataFrame(picked, schema=cand.schema) if picked else cand.clear()


def _mean(scores: pl.DataFrame, nip: str, lo: int, hi: int) -> float | None:
    s = scores.filter((pl.col("nip") == nip) & (pl.col("i") >= lo) & (pl.col("i") <= hi))["hasil_kerja"].drop_nulls()
    return float(s.mean()) if s.len() else None


def _index(starts: list[dt.date], day: dt.date) -> int:
    return max(i for i, s in enumerate(starts) if s <= day)


class _Writer:
    """Writes one demo case after another through `coaching.cases`, keeping each case's version."""

    def __init__(self, engine: sa.Engine, now: dt.datetime):
        self.engine, self.now, self.within = engine, now, Within.everything()

    def open(self, row: dict, day: dt.date, cfg: dict) -> dict:
        plan = [{"aksi": a, "tanggal": (day + dt.timedelta(days=int(d))).isoformat()}
                for a, d in zip(PLAN, cfg.get("plan_days", [7, 14, 28]), strict=False)]  # fmt: skip
        return cases.open_case(
            self.engine, nip=row["nip"], actor=OPENER, within=self.within, nama=row["nama"], lokasi=row["lokasi"],
            opd=row["opd"], periode=row["periode"], aturan=[r for r in COACHING_RULES if row[f"aturan_{r}"]],
            fokus=_focus(row), coach_nip=row["nip_atasan"], coach_nama=row["nama_atasan"], rencana=plan,
            due_date=day + dt.timedelta(days=int(cfg.get("due_days", 30))), at=_at(day, 9, self.now),
        )  # fmt: skip

    def coach(self, case: dict) -> str:
        return f"{case['coach_nama'] or 'Pembina'} (demo)"

    def move(self, case: dict, to: str, day: dt.date, **kw) -> dict:
        return cases.transition(self.engine, case["id"], to, expected_version=case["version"], actor=self.coach(case),
                                within=self.within, at=_at(day, 14, self.now), **kw)  # fmt: skip

    def session(self, case: dict, day: dt.date, rng: random.Random) -> dict:
        focus = re.sub(r"\s*\([^)]*\)$", "", (case["fokus"] or ["target kinerja"])[0])  # the name, not its figure
        return cases.add_session(
            self.engine, case["id"], tanggal=day, dibahas=rng.choice(TOPICS).format(f=focus), langkah=rng.choice(NEXT),
            expected_version=case["version"], actor=self.coach(case), within=self.within, start=True,
            at=_at(day, 15, self.now),
        )  # fmt: skip


def _past_case(w: _Writer, row: dict, starts: list[dt.date], scores: pl.DataFrame, k: int, cfg: dict,
               rng: random.Random) -> None:  # fmt: skip
    """One case from opening to its end: scheduled, two or three sessions, closed with its outcome (or, for one
    in eight, cancelled with a reason)."""
    last, i = len(starts) - 1, row["i"]
    opened = starts[i + 1] + dt.timedelta(days=rng.randint(4, 14))
    case = w.move(w.open(row, opened, cfg), "dijadwalkan", opened + dt.timedelta(days=rng.randint(1, 3)))
    if rng.random() < 0.125:
        w.move(case, "dibatalkan", opened + dt.timedelta(days=rng.randint(8, 20)), reason=rng.choice(CANCEL))
        return
    days = sorted(rng.sample(range(6, 55), rng.choice((2, 3))))
    closed = opened + dt.timedelta(days=days[-1] + rng.randint(3, 10))
    while _index(starts, closed) + k > last:  # the k periods after closing stay inside the data
        closed -= dt.timedelta(days=7)
    for d in days:
        if opened + dt.timedelta(days=d) < closed:
            case = w.session(case, opened + dt.timedelta(days=d), rng)
    if case["status"] != "berjalan":  # no session fitted before closing
        case = w.session(case, closed - dt.timedelta(days=1), rng)
    i_open, i_close = i + 1, _index(starts, closed)
    text = outcome(_mean(scores, row["nip"], i_open - k, i_open - 1), _mean(scores, row["nip"], i_open, i_close - 1))
    w.move(case, "selesai", closed, hasil=text)


def _open_case(w: _Writer, row: dict, starts: list[dt.date], stage: int, cfg: dict, rng: random.Random) -> None:
    """A case opened from the latest list and still open: new, scheduled or in progress (stage 0, 1, 2)."""
    opened = (starts[-1] + dt.timedelta(days=35)) + dt.timedelta(days=rng.randint(0, 10))
    case = w.open(row, min(opened, w.now.date() - dt.timedelta(days=14)), cfg)
    day = case["opened_at"].date()
    if stage >= 1:
        case = w.move(case, "dijadwalkan", day + dt.timedelta(days=2))
    if stage >= 2:
        w.session(case, day + dt.timedelta(days=7), rng)


def seed_history(engine: sa.Engine, con: duckdb.DuckDBPyConnection, cfg: dict, now: dt.datetime | None = None,
                 seed: int = SEED) -> int:  # fmt: skip
    """Write the demo's coaching history into an application database without cases; returns how many cases
    were written (0 when it already holds any, or the warehouse has too few periods)."""
    with engine.connect() as c:
        if c.execute(sa.select(sa.func.count()).select_from(cases_table)).scalar_one():
            return 0
    now = now or dt.datetime.now(dt.UTC)
    k = int(cfg.get("effect_periods", 3))
    per = queries.periods(con).with_columns(pl.col("periode_mulai").cast(pl.Date)).with_row_index("i")
    starts = per["periode_mulai"].to_list()
    listed = queries.listed_reasons(con, Scope()).join(per.select("periode", pl.col("i").cast(pl.Int64)), on="periode")
    roles = queries.demo_roles(con)  # the demo's Kepala OPD and Atasan see cases of their own too
    past = choose(listed, starts, k, seed, first=("Jambi", roles["opd"]), coach=roles["atasan"])
    if past.is_empty():
        return 0
    scores = queries.scores_of(con, Scope(), past["nip"].unique().to_list()).join(
        per.select("periode", pl.col("i").cast(pl.Int64)), on="periode"
    )
    rng, w = random.Random(seed), _Writer(engine, now)
    for row in past.sort("i", "nip").iter_rows(named=True):
        _past_case(w, row, starts, scores, k, cfg, rng)
    latest = listed.filter((pl.col("i") == len(starts) - 1) & pl.col("nip_atasan").is_not_null())
    fresh = latest.join(past.select("nip"), on="nip", how="anti").head(6)
    for n, row in enumerate(fresh.iter_rows(named=True)):
        _open_case(w, row, starts, n % 3, cfg, rng)
    return past.height + fresh.height
