"""Random roster histories through the real pipeline: people move between places and OPDs, are promoted, leave,
join and come back; rosters arrive in any order, some never. Every employee-period must count where the latest
roster dated on or before the period's last day put them (before their first roster: that first roster), in the
page query, and the scope of a Kepala OPD and of an Atasan must follow the same rule."""

from __future__ import annotations

import calendar
import shutil
import tempfile
from datetime import date
from pathlib import Path

import duckdb
import polars as pl
from hypothesis import HealthCheck, Phase, example, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from pipelines.intake.prepare import ReadOptions
from pipelines.load.transaction import load_files
from tests.conftest import make_settings
from tests.helpers import csv
from warehouse import queries as Q
from warehouse.db import Filters, Scope

MONTHS = 6
NIPS = [f"19800101200501{i}{j:03d}" for i, j in zip([1, 2, 1, 2, 1, 2], range(1, 7), strict=True)]
BOSS = "197001012000011001"  # everyone's supervisor while in Jambi's Dinas Kesehatan
PLACES = [("Jambi", "Dinas Kesehatan"), ("Jambi", "Dinas PUPR"), ("Bangko", "Dinas Kesehatan")]
EXAMPLES = hyp_settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=[Phase.explicit, Phase.generate]
)


def _end(month: int) -> date:
    return date(2026, month, calendar.monthrange(2026, month)[1])


@st.composite
def histories(draw):
    """Each person's placement per month (None: not employed), the months whose roster is loaded, their order."""
    story = {}
    for nip in NIPS:
        months = {}
        for m in range(1, MONTHS + 1):
            months[m] = draw(st.one_of(st.none(), st.tuples(st.sampled_from(PLACES), st.sampled_from(["III/a", "III/b"]))))
        story[nip] = months
    rosters = draw(st.lists(st.integers(1, MONTHS), min_size=1, max_size=MONTHS, unique=True))  # in load order
    return story, rosters


def _roster(story: dict, month: int) -> bytes:
    rows = [
        {
            "NIP": nip,
            "Nama": f"Pegawai {i}",
            "Lokasi": p[0][0],
            "Perangkat Daerah": p[0][1],
            "Golongan": p[1],
            "Status ASN": "PNS",
            "NIP Atasan": BOSS if p[0] == PLACES[0] else "",
        }
        for i, nip in enumerate(NIPS)
        if (p := story[nip][month]) is not None
    ]
    boss = {
        "NIP": BOSS,
        "Nama": "Kepala",
        "Lokasi": "Jambi",
        "Perangkat Daerah": "Dinas Kesehatan",
        "Golongan": "IV/a",
        "Status ASN": "PNS",
        "NIP Atasan": "",
    }
    return csv([boss, *rows])


def _reference(story: dict, rosters: list[int]) -> pl.DataFrame:
    rows = []
    for nip in NIPS:
        listed = sorted(r for r in rosters if story[nip][r] is not None)
        if not listed:
            continue  # never on a loaded roster: their results are refused as unknown NIPs
        for m in range(1, MONTHS + 1):
            if story[nip][m] is None:
                continue
            dated = [r for r in listed if _end(r) <= _end(m)]
            (lokasi, opd), gol = story[nip][max(dated) if dated else listed[0]]
            rows.append({"nip": nip, "periode": f"2026-{m:02d}", "lokasi": lokasi, "opd": opd, "golongan": gol, "h": 80.0 + m})
    return pl.DataFrame(
        rows,
        schema={
            "nip": pl.String,
            "periode": pl.String,
            "lokasi": pl.String,
            "opd": pl.String,
            "golongan": pl.String,
            "h": pl.Float64,
        },
    )


# April has no result at all: a stretch March-May (consecutive among the periods with results) must not count in
# a range of April alone (found by the distinct-employee check below)
_GAP = {n: dict.fromkeys(range(1, MONTHS + 1)) for n in NIPS}
_GAP[NIPS[0]] |= {3: (PLACES[0], "III/a"), 5: (PLACES[0], "III/a"), 6: (PLACES[0], "III/a")}


@EXAMPLES
@given(histories())
@example((_GAP, [6]))
def test_every_period_counts_where_the_roster_of_its_time_put_each_person(history):
    story, rosters = history
    tmp = Path(tempfile.mkdtemp(prefix="riwayat_"))
    try:
        s = make_settings(tmp)
        for m in rosters:
            report = load_files(
                [(f"pegawai_{m}.csv", _roster(story, m))],
                s,
                replace=True,
                opts=ReadOptions(context={"per_tanggal": _end(m).isoformat()}),
            )
            assert report.exit_code == 0, report.summary()
        cap = [
            {
                "NIP": nip,
                "Periode": f"2026-{m:02d}",
                "Indikator": "Layanan",
                "Target": "100",
                "Realisasi": str(80 + m),
                "Bobot": "100",
            }
            for nip in NIPS
            for m in range(1, MONTHS + 1)
            if story[nip][m] is not None
        ]
        if cap:
            load_files([("capaian.csv", csv(cap))], s)
        ref = _reference(story, rosters)
        con = duckdb.connect(str(s.warehouse), read_only=True)
        try:
            got = Q.scores_by(con, Filters(), Scope(), ["lokasi", "opd", "golongan", "periode"]) if cap else pl.DataFrame()
            expected = ref.group_by("lokasi", "opd", "golongan", "periode").agg(
                pl.len().alias("n"), pl.col("h").mean().alias("rata")
            )
            keys = ["lokasi", "opd", "golongan", "periode"]
            if expected.is_empty():
                assert got.is_empty() or got["n"].sum() == 0
                return
            joined = expected.join(got.select(*keys, "n", "rata_hasil"), on=keys, how="full", coalesce=True)
            assert joined["n"].cast(pl.Int64).to_list() == joined["n_right"].cast(pl.Int64).to_list(), joined
            assert ((joined["rata"] - joined["rata_hasil"]).abs() < 1e-6).all(), joined
            # distinct employees per place and per (place, OPD), over every range and with a grade filter: the
            # small-group mark's counts (read from stretches of periods) equal a count of the reference's people
            keys_all = [f"2026-{m:02d}" for m in range(1, MONTHS + 1)]
            for i, dari in enumerate(keys_all):
                for sampai in keys_all[i:]:
                    for gol in ((), ("III/b",)):
                        f = Filters(dari=dari, sampai=sampai, golongan=gol)
                        inside = ref.filter(pl.col("periode").is_between(pl.lit(dari), pl.lit(sampai)))
                        if gol:
                            inside = inside.filter(pl.col("golongan").is_in(list(gol)))
                        for group in (("lokasi",), ("lokasi", "opd")):
                            want_n = inside.group_by(group).agg(pl.col("nip").n_unique().alias("n_pegawai")).sort(group)
                            got_n = Q.employee_counts(con, f, Scope())[group]
                            assert got_n.rows() == want_n.rows(), (dari, sampai, gol, group, got_n, want_n)
            # a Kepala OPD of Jambi's Dinas Kesehatan sees exactly the periods attributed there
            head = Scope(lokasi=("Jambi",), opd=("Dinas Kesehatan",))
            mine = ref.filter((pl.col("lokasi") == "Jambi") & (pl.col("opd") == "Dinas Kesehatan"))
            for nip in ref["nip"].unique().to_list():
                prof = Q.employee_profile(con, head, nip)
                want = sorted(mine.filter(pl.col("nip") == nip)["periode"].to_list())
                got_periods = sorted(prof["history"]["periode"].to_list()) if prof else []
                assert got_periods == want, (nip, got_periods, want)
                # the supervisor of that OPD (every roster names them there) sees the same periods
                boss = Q.employee_profile(con, Scope(atasan=BOSS), nip)
                assert (sorted(boss["history"]["periode"].to_list()) if boss else []) == want, nip
        finally:
            con.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
