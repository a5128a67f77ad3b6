"""Small random warehouses for the differential tests: a hypothesis strategy that draws a world (people, periods
of one granularity with gaps, indicators, behaviour ratings, official results, survey forms, rule settings),
writes it as the CSV files an agency would upload, and loads them through the real pipeline.

The world keeps its facts as plain tuples, so a test's reference can recompute every figure from what was
written, independently of the warehouse.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from hypothesis import strategies as st

from pipelines.load.transaction import load_files
from settings import Settings
from tests.conftest import make_settings
from tests.helpers import csv

GRANULARITIES = ["bulanan", "triwulanan", "tahunan"]
OPDS = ["Dinas Kesehatan", "Disdukcapil", "Kecamatan Telanaipura"]
UNITS = ["Bidang A", "Seksi B", ""]  # blank: the unit is the OPD itself
GOLONGAN = ["III/a", "IV/b", ""]
JABATAN = ["Pelaksana", "Fungsional", ""]
INDIKATOR = ["Dokumen selesai", "Waktu layanan", "Akurasi data"]
RATINGS = ["Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"]
PREDIKAT = ["Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang"]
PREDIKAT_ORG = ["Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"]
BERAKHLAK = ["Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif", "Kolaboratif"]


@dataclass(frozen=True)
class Period:
    key: str  # the warehouse's key: 2026-01, 2026-Q1, 2026
    spelling: str  # how the file writes it
    start: date
    end: date  # first day after the period
    index: int  # calendar position within its kind


@dataclass(frozen=True)
class Employee:
    nip: str
    lokasi: str
    opd: str
    unit: str  # as written ("" = blank)
    golongan: str
    jabatan: str
    atasan: str  # superior's NIP or ""


@dataclass(frozen=True)
class World:
    granularity: str
    periods: tuple[Period, ...]
    employees: tuple[Employee, ...]
    # (nip, period index, indikator, target, realisasi, bobot, arah)
    capaian: tuple[tuple, ...]
    # (nip, period index, peran, nip_penilai, seven scores)
    perilaku: tuple[tuple, ...]
    # (nip, period index, rating hasil, rating perilaku, predikat or "", predikat organisasi or "", inovasi)
    evaluasi: tuple[tuple, ...]
    # (unit_layanan, lokasi, date, nip_petugas or "", nine answers)
    skm: tuple[tuple, ...]
    overrides: tuple[tuple[str, object], ...] = field(default=())

    def period(self, i: int) -> Period:
        return self.periods[i]


def _periods(granularity: str, first: int, n: int, spelled: list[bool]) -> tuple[Period, ...]:
    out = []
    for i in range(n):
        idx = first + i
        if granularity == "bulanan":
            y, m = divmod(idx, 12)
            start, end = date(y, m + 1, 1), date(y + (m + 1) // 12, (m + 1) % 12 + 1, 1)
            key = f"{y}-{m + 1:02d}"
            spelling = f"{m + 1:02d}/{y}" if spelled[i] else key
        elif granularity == "triwulanan":
            y, q = divmod(idx, 4)
            start = date(y, q * 3 + 1, 1)
            end = date(y + (q + 1) // 4, ((q + 1) % 4) * 3 + 1, 1)
            key = f"{y}-Q{q + 1}"
            spelling = f"TW {['I', 'II', 'III', 'IV'][q]} {y}" if spelled[i] else key
        else:
            start, end, key = date(idx, 1, 1), date(idx + 1, 1, 1), str(idx)
            spelling = f"Tahun {idx}" if spelled[i] else key
        out.append(Period(key, spelling, start, end, idx))
    return tuple(out)


_FIRST = {"bulanan": 2025 * 12 + 9, "triwulanan": 2025 * 4 + 1, "tahunan": 2022}


@st.composite
def worlds(draw, max_employees: int = 7) -> World:
    """A small random world: 1-7 people (or up to `max_employees`) in 1-3 places, 2-6 periods of one kind, gaps
    and blanks everywhere."""
    g = draw(st.sampled_from(GRANULARITIES))
    n_per = draw(st.integers(2, 6))
    periods = _periods(
        g, _FIRST[g] + draw(st.integers(0, 3)), n_per, draw(st.lists(st.booleans(), min_size=n_per, max_size=n_per))
    )
    places = draw(st.lists(st.sampled_from(["Bangko", "Jambi", "Belawan", "Rakumpit"]), min_size=1, max_size=3, unique=True))
    n_emp = draw(st.integers(1, max_employees))
    emps: list[Employee] = []
    for i in range(n_emp):
        nip = f"19800101200501{1 + i % 2}{i + 1:03d}"
        atasan = draw(st.sampled_from([""] + [e.nip for e in emps]))
        emps.append(
            Employee(
                nip,
                draw(st.sampled_from(places)),
                draw(st.sampled_from(OPDS)),
                draw(st.sampled_from(UNITS)),
                draw(st.sampled_from(GOLONGAN)),
                draw(st.sampled_from(JABATAN)),
                atasan,
            )
        )
    nips = [e.nip for e in emps]
    org = {}  # one organisation predikat per unit and period, so the unit's mode is unambiguous
    capaian, perilaku, evaluasi = [], [], []
    for e in emps:
        for p in range(n_per):
            has = draw(st.sampled_from(["capaian", "capaian", "capaian", "evaluasi", "perilaku", "none"]))
            if has == "none":
                continue
            if has == "capaian":
                k = draw(st.integers(1, 3))
                weights = [100] if k == 1 else draw(st.sampled_from([[50, 50], [70, 30]] if k == 2 else [[40, 30, 30]]))
                for j in range(k):
                    target = draw(st.sampled_from([10.0, 20.0, 40.0]))
                    pct = draw(st.sampled_from([0, 50, 80, 84, 90, 100, 104, 110, 125, 200]))
                    capaian.append(
                        (
                            e.nip,
                            p,
                            INDIKATOR[j],
                            target,
                            round(target * pct / 100, 1),
                            float(weights[j]),
                            draw(st.sampled_from(["naik", "naik", "turun"])),
                        )
                    )
            if has in ("capaian", "perilaku") and draw(st.booleans()) or has == "perilaku":
                raters = [n for n in nips if n != e.nip]
                rated_by = draw(st.lists(st.sampled_from(raters), max_size=2, unique=True)) if raters else []
                roles = [("atasan", e.atasan)] + [("rekan", r) for r in rated_by]
                for role, rater in roles:
                    scores = tuple(draw(st.sampled_from([40, 60, 69, 70, 80, 89, 90, 100])) for _ in BERAKHLAK)
                    perilaku.append((e.nip, p, role, rater, scores))
            if has == "evaluasi" or (has == "capaian" and draw(st.integers(0, 4)) == 0):
                unit_key = (e.lokasi, e.opd, e.unit or e.opd, p)
                if unit_key not in org:
                    org[unit_key] = draw(st.sampled_from(["", *PREDIKAT_ORG]))
                evaluasi.append(
                    (
                        e.nip,
                        p,
                        draw(st.sampled_from(RATINGS)),
                        draw(st.sampled_from(RATINGS)),
                        draw(st.sampled_from(["", "", *PREDIKAT])),
                        org[unit_key],
                        draw(st.booleans()),
                    )
                )
    skm = []
    span = (periods[0].start, periods[-1].end)
    for u in range(draw(st.integers(0, 2))):
        lok = draw(st.sampled_from(places))
        for _ in range(draw(st.integers(1, 6))):
            day = span[0] + timedelta(days=draw(st.integers(0, (span[1] - span[0]).days - 1)))
            answers = tuple(draw(st.integers(1, 4)) for _ in range(9))
            skm.append((f"Layanan {u}", lok, day, draw(st.sampled_from(["", *nips])), answers))
    overrides = (
        ("periode.granularity", g),
        ("capaian.cap", draw(st.sampled_from([120.0, 130.0]))),
        ("pembinaan.score_cutoff", draw(st.sampled_from([85.0, 100.0]))),
        ("pembinaan.consecutive_periods", draw(st.sampled_from([2, 3]))),
        ("pembinaan.trend_periods", 3),
        ("pembinaan.trend_min_drop", draw(st.sampled_from([1.0, 10.0]))),
        ("penghargaan.min_periods", draw(st.sampled_from([2, 3]))),
        ("penghargaan.min_score", 90.0),
        ("penghargaan.min_share_sangat_baik", 0.5),
    )
    return World(g, periods, tuple(emps), tuple(capaian), tuple(perilaku), tuple(evaluasi), tuple(skm), overrides)


def _files(w: World) -> list[tuple[str, bytes]]:
    peg = [
        {
            "NIP": e.nip,
            "Nama": f"Pegawai {i}",
            "Lokasi": e.lokasi,
            "Perangkat Daerah": e.opd,
            "Unit Kerja": e.unit,
            "Golongan": e.golongan,
            "Jenis Jabatan": e.jabatan,
            "NIP Atasan": e.atasan,
        }
        for i, e in enumerate(w.employees)
    ]
    files = [("pegawai.csv", csv(peg))]
    if w.capaian:
        files.append(
            (
                "capaian.csv",
                csv(
                    [
                        {
                            "NIP": n,
                            "Periode": w.period(p).spelling,
                            "Indikator": ind,
                            "Target": t,
                            "Realisasi": r,
                            "Bobot": b,
                            "Arah": a,
                        }
                        for n, p, ind, t, r, b, a in w.capaian
                    ]
                ),
            )
        )
    if w.perilaku:
        files.append(
            (
                "perilaku.csv",
                csv(
                    [
                        {
                            "NIP": n,
                            "Periode": w.period(p).spelling,
                            "Peran Penilai": role,
                            "NIP Penilai": rater,
                            **dict(zip(BERAKHLAK, scores, strict=True)),
                        }
                        for n, p, role, rater, scores in w.perilaku
                    ]
                ),
            )
        )
    if w.evaluasi:
        files.append(
            (
                "evaluasi.csv",
                csv(
                    [
                        {
                            "NIP": n,
                            "Periode": w.period(p).spelling,
                            "Hasil Kerja": rh,
                            "Perilaku Kerja": rp,
                            "Predikat": pr,
                            "Predikat Organisasi": po,
                            "Inovasi": "Ya" if ino else "Tidak",
                        }
                        for n, p, rh, rp, pr, po, ino in w.evaluasi
                    ]
                ),
            )
        )
    if w.skm:
        files.append(
            (
                "skm.csv",
                csv(
                    [
                        {
                            "Unit Layanan": unit,
                            "Lokasi": lok,
                            "Tanggal": day.strftime("%d/%m/%Y"),
                            "NIP Petugas": nip,
                            **{f"U{i + 1}": a for i, a in enumerate(answers)},
                        }
                        for unit, lok, day, nip, answers in w.skm
                    ]
                ),
            )
        )
    return files


_BUILT: dict[World, Settings] = {}
_ROOT = Path(tempfile.mkdtemp(prefix="random_warehouse_"))
atexit.register(shutil.rmtree, _ROOT, ignore_errors=True)


def build(w: World) -> Settings:
    """Load the world's files through the real pipeline into a new warehouse (built once per world)."""
    if w not in _BUILT:
        tmp = Path(tempfile.mkdtemp(dir=_ROOT))
        s = make_settings(tmp, **dict(w.overrides))
        report = load_files(_files(w), s)
        assert report.exit_code == 0 and report.rejects.is_empty(), report.rejects
        _BUILT[w] = s
    return _BUILT[w]
