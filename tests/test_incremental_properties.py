"""Any sequence of loads, built incrementally, ends with every table equal to a full build from the same staging
files: capaian months in and out of order, late corrections replacing a period for one place or all, rosters with
movers, leavers, joiners, promotions and renamed people dated anywhere in the year, behaviour ratings by
superiors, official results and survey quarters."""

from __future__ import annotations

import calendar
import shutil
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, Phase, example, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from pipelines.intake.prepare import ReadOptions
from pipelines.load.transaction import load_files
from tests.conftest import make_settings
from tests.helpers import csv
from tests.random_warehouse import BERAKHLAK, PREDIKAT, PREDIKAT_ORG, RATINGS
from tests.test_incremental import differences, full_build

MONTHS = 5
BOSS = "197001012000011001"
NIPS = [f"19800101200501{i}{j:03d}" for i, j in zip([1, 2, 1, 2, 1], range(1, 6), strict=True)]
PLACES = [("Jambi", "Dinas Kesehatan"), ("Jambi", "Dinas PUPR"), ("Bangko", "Dinas Kesehatan")]
EXAMPLES = hyp_settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=[Phase.explicit, Phase.generate]
)


def _end(month: int) -> date:
    return date(2026, month, calendar.monthrange(2026, month)[1])


placed = st.tuples(st.sampled_from(PLACES), st.sampled_from(["III/a", "III/b"]), st.sampled_from(["", " Baru"]))
placements = st.one_of(placed, placed, placed, st.none())  # None: not on this roster (a leaver, or not joined yet)
# the superior (who rates everyone and has no appraisal of their own): renamed, or moved to another OPD
bosses = st.tuples(st.sampled_from(["Dinas Kesehatan", "Dinas PUPR"]), st.sampled_from(["", " Baru"]))
rosters = st.tuples(
    st.just("pegawai"),
    st.integers(1, MONTHS),
    st.sampled_from([15, 0]),  # as of the 15th or the month's last day
    st.lists(placements, min_size=len(NIPS), max_size=len(NIPS)),
    bosses,
)
capaian = st.tuples(
    st.just("capaian"),
    st.integers(1, MONTHS),
    st.sampled_from(["", "Jambi"]),  # one file for every place, or Jambi's own (the NIPs placed there now)
    st.lists(st.booleans(), min_size=len(NIPS), max_size=len(NIPS)),
    st.integers(0, 3),  # the realisasi drawn: a second load of the same month is a correction
)
perilaku = st.tuples(
    st.just("perilaku"), st.integers(1, MONTHS), st.lists(st.sampled_from([60, 75, 90]), min_size=len(NIPS), max_size=len(NIPS))
)
evaluasi = st.tuples(
    st.just("evaluasi"),
    st.integers(1, MONTHS),
    st.lists(
        st.tuples(st.sampled_from(RATINGS), st.sampled_from(["", *PREDIKAT]), st.sampled_from(PREDIKAT_ORG)),
        min_size=1,
        max_size=3,
    ),
)
# a status (leave outside state responsibility, study leave, annual leave) for one employee from one month to
# another or open-ended: compliance excuses the periods it overlaps, whichever periods the load itself brings
status = st.tuples(
    st.just("status"),
    st.integers(1, MONTHS),
    st.integers(0, len(NIPS) - 1),
    st.sampled_from(["Cuti di Luar Tanggungan Negara", "Tugas Belajar", "Cuti Tahunan"]),
    st.one_of(st.none(), st.integers(1, MONTHS)),
)
skm = st.tuples(st.just("skm"), st.integers(0, 1), st.lists(st.integers(1, 4), min_size=9, max_size=9))
first_roster = st.tuples(
    st.just("pegawai"),
    st.integers(1, MONTHS),
    st.sampled_from([15, 0]),
    st.lists(placed, min_size=len(NIPS), max_size=len(NIPS)),
    bosses,
)
sequences = st.tuples(
    first_roster, st.lists(st.one_of(capaian, rosters, capaian, rosters, perilaku, evaluasi, skm, status), min_size=1, max_size=5)
).map(lambda t: [t[0], *t[1]])
EVERYONE_AT = [(PLACES[0], "III/a", "")] * len(NIPS)
HEAD = ("Dinas Kesehatan", "")


def _roster(month: int, rows: list, boss_is: tuple[str, str]) -> bytes:
    boss = {
        "NIP": BOSS,
        "Nama": f"Kepala{boss_is[1]}",
        "Lokasi": "Jambi",
        "Perangkat Daerah": boss_is[0],
        "Golongan": "IV/a",
        "NIP Atasan": "",
    }
    listed = [
        {
            "NIP": nip,
            "Nama": f"Pegawai {i}{p[2]}",
            "Lokasi": p[0][0],
            "Perangkat Daerah": p[0][1],
            "Golongan": p[1],
            "NIP Atasan": BOSS if p[0] == PLACES[0] else "",
        }
        for i, (nip, p) in enumerate(zip(NIPS, rows, strict=True))
        if p is not None
    ]
    return csv([boss, *listed])


def _file(load: tuple, step: int) -> tuple[str, bytes, ReadOptions]:
    kind, month = load[0], load[1]
    periode = f"2026-{month:02d}"
    if kind == "pegawai":
        day = _end(month) if load[2] == 0 else date(2026, month, load[2])
        return f"pegawai_{step}.csv", _roster(month, load[3], load[4]), ReadOptions(context={"per_tanggal": day.isoformat()})
    if kind == "capaian":
        _k, _m, place, who, seed = load
        rows = [
            {
                "NIP": n,
                "Periode": periode,
                "Indikator": "Layanan",
                "Target": "100",
                "Realisasi": str(70 + 7 * seed + i),
                "Bobot": "100",
            }
            for i, (n, on) in enumerate(zip(NIPS, who, strict=True))
            if on
        ] or [{"NIP": NIPS[0], "Periode": periode, "Indikator": "Layanan", "Target": "100", "Realisasi": "80", "Bobot": "100"}]
        return f"capaian_{month}{'_' + place if place else ''}.csv", csv(rows), ReadOptions()
    if kind == "perilaku":
        rows = [
            {"NIP": n, "Periode": periode, "Peran Penilai": "atasan", "NIP Penilai": BOSS, **dict.fromkeys(BERAKHLAK, v)}
            for n, v in zip(NIPS, load[2], strict=True)
        ]
        return f"perilaku_{month}.csv", csv(rows), ReadOptions()
    if kind == "evaluasi":
        rows = [
            {
                "NIP": NIPS[i],
                "Periode": periode,
                "Hasil Kerja": rating,
                "Perilaku Kerja": rating,
                "Predikat": predikat,
                "Predikat Organisasi": org,
                "Inovasi": "Tidak",
            }
            for i, (rating, predikat, org) in enumerate(load[2])
        ]
        return f"evaluasi_{month}.csv", csv(rows), ReadOptions()
    if kind == "status":
        _k, month, who, jenis, until = load
        row = {
            "NIP": NIPS[who],
            "Jenis Cuti": jenis,
            "Tanggal Mulai": date(2026, month, 1).strftime("%d/%m/%Y"),
            "Tanggal Selesai": "" if until is None else _end(max(month, until)).strftime("%d/%m/%Y"),
        }
        return f"status_{step}.csv", csv([row]), ReadOptions()
    day = date(2026, 1 + 3 * load[1], 10)
    row = {"Unit Layanan": "Loket", "Lokasi": "Jambi", "Tanggal": day.strftime("%d/%m/%Y"), "NIP Petugas": NIPS[0]}
    return f"skm_{load[1]}.csv", csv([{**row, **{f"U{i + 1}": a for i, a in enumerate(load[2])}}]), ReadOptions()


@EXAMPLES
@given(sequences)
@example(
    [
        ("pegawai", 1, 0, EVERYONE_AT, HEAD),
        ("capaian", 2, "", [True] * 5, 0),
        ("pegawai", 2, 15, [(PLACES[1], "III/a", "")] * 5, HEAD),
    ]
)
@example(  # the superior renamed: every period of those they supervise carries the new name
    [
        ("pegawai", 1, 0, EVERYONE_AT, HEAD),
        ("capaian", 2, "", [True] * 5, 0),
        ("pegawai", 3, 0, EVERYONE_AT, ("Dinas Kesehatan", " Baru")),
    ]
)
@example(  # the superior, who has no appraisal, moved: the periods they rated show their place now
    [
        ("pegawai", 1, 0, EVERYONE_AT, HEAD),
        ("perilaku", 2, [60, 75, 90, 60, 75]),
        ("pegawai", 3, 0, EVERYONE_AT, ("Dinas PUPR", "")),
    ]
)
@example(
    [
        ("pegawai", 3, 0, EVERYONE_AT, HEAD),
        ("capaian", 4, "", [True] * 5, 0),
        ("capaian", 1, "Jambi", [True] * 5, 1),
        ("pegawai", 1, 15, [None, *EVERYONE_AT[1:]], ("Dinas PUPR", " Baru")),
        ("perilaku", 4, [60, 75, 90, 60, 75]),
        ("capaian", 4, "", [True, False, True, False, True], 2),
    ]
)
@example(  # a status loaded after the months it excuses: compliance of those months changes, though no month's
    # results came with it
    [
        ("pegawai", 1, 0, EVERYONE_AT, HEAD),
        ("capaian", 2, "", [True] * 5, 0),
        ("capaian", 3, "", [True] * 5, 0),
        ("status", 2, 1, "Tugas Belajar", None),
    ]
)
@example(  # two evaluations of one unit naming different organisation predikat equally often (a tie)
    [
        (
            "pegawai",
            1,
            0,
            [
                (("Jambi", "Dinas Kesehatan"), "III/a", ""),
                (("Jambi", "Dinas Kesehatan"), "III/a", " Baru"),
                (("Bangko", "Dinas Kesehatan"), "III/b", ""),
                (("Jambi", "Dinas PUPR"), "III/b", " Baru"),
                (("Bangko", "Dinas Kesehatan"), "III/a", ""),
            ],
            ("Dinas Kesehatan", " Baru"),
        ),
        ("evaluasi", 3, [("Di Bawah Ekspektasi", "Baik", "Butuh Perbaikan")]),
        ("skm", 1, [3, 1, 2, 3, 3, 3, 1, 1, 3]),
        ("perilaku", 4, [75, 60, 60, 60, 75]),
        (
            "evaluasi",
            5,
            [("Sesuai Ekspektasi", "Sangat Kurang", "Baik"), ("Di Bawah Ekspektasi", "Sangat Baik", "Sangat Kurang")],
        ),
        ("evaluasi", 3, [("Di Bawah Ekspektasi", "Baik", "Sangat Kurang")]),
    ]
)
def test_any_sequence_of_loads_builds_what_a_full_build_builds(loads):
    tmp = Path(tempfile.mkdtemp(prefix="bertahap_"))
    try:
        s = make_settings(tmp)
        built = False
        for step, load in enumerate(loads):
            name, data, opts = _file(load, step)
            report = load_files([(name, data)], s, replace=True, opts=opts)
            built = built or s.warehouse.exists()
            assert report.exit_code in (0, 1, 2), report.summary()  # a file of unknown NIPs only is refused
        if built:
            assert differences(s.warehouse, full_build(s)) == {}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
