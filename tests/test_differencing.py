"""Issue 19, attacks 4 and 5 on the demo warehouse, at the query layer every page, chart and download reads:
an aggregate viewer or an Atasan subtracting two allowed views to recover one person's score or a withheld group.

Each test is the attack as reported; each failed on the code before the fix (the filter applied, the figure shown
at full precision, the small unit listed, the whole OPD's survey comments returned).
"""

from __future__ import annotations

import polars as pl
import pytest

from appdb.principal import Principal
from warehouse import disclosure
from warehouse import queries as Q
from warehouse.db import Filters, connect

K = 5  # settings.toml [privacy] min_group
PLACES = ("Bangko", "Jambi", "Belawan", "Rakumpit")
AGREGAT = Principal("inspektorat", "agregat", "Inspektorat", lokasi=PLACES).scope(K)


@pytest.fixture(scope="module")
def con(demo_settings):
    c = connect(str(demo_settings.warehouse))
    yield c
    c.close()


def _last(con) -> str:
    return Q.periods(con)["periode"].to_list()[-1]


def _pairs_leak(a: pl.DataFrame, b: pl.DataFrame, key: list[str]) -> pl.DataFrame:
    """Rows shown in both views whose n differ by 1..K-1: their difference is a group under the minimum."""
    both = a.join(b, on=key, suffix="_b")
    return both.filter(((pl.col("n") - pl.col("n_b")).abs() > 0) & ((pl.col("n") - pl.col("n_b")).abs() < K))


def test_every_golongan_minus_one_does_not_give_one_persons_score(con):
    last = _last(con)
    # an OPD where one golongan holds a single scored employee in the last period (the n=27 vs n=26)
    target = con.sql(
        """WITH scored AS (SELECT d.lokasi, d.opd, d.golongan FROM fct_kinerja k JOIN dim_pegawai d USING (nip)
                           WHERE k.periode = $p AND k.hasil_kerja IS NOT NULL AND d.golongan IS NOT NULL),
                opd AS (SELECT lokasi, opd, count(*) AS n FROM scored GROUP BY ALL)
           SELECT s.lokasi, s.opd, s.golongan FROM scored s JOIN opd USING (lokasi, opd)
           GROUP BY s.lokasi, s.opd, s.golongan, opd.n HAVING count(*) = 1 ORDER BY opd.n DESC, 1, 2, 3 LIMIT 1""",
        params={"p": last},
    ).fetchall()
    assert target, "the demo has a golongan held by one person in an OPD: the attack has a target"
    lokasi, opd, gol = target[0]
    every = sorted(r[0] for r in con.sql("SELECT DISTINCT golongan FROM dim_pegawai WHERE golongan IS NOT NULL").fetchall())
    all_of = Filters(dari=last, sampai=last, lokasi=(lokasi,), opd=(opd,), golongan=tuple(every))
    but_one = Filters(dari=last, sampai=last, lokasi=(lokasi,), opd=(opd,), golongan=tuple(g for g in every if g != gol))
    a = Q.scores_by(con, all_of, AGREGAT, ["lokasi", "opd"])
    b = Q.scores_by(con, but_one, AGREGAT, ["lokasi", "opd"])
    assert _pairs_leak(a, b, ["lokasi", "opd"]).is_empty(), "two views one person apart were both shown"
    assert a.equals(b), "a golongan filter changed an aggregate viewer's figure"


def test_every_unit_minus_a_small_one_does_not_give_the_withheld_units_mean(con):
    small = con.sql(
        """SELECT lokasi, opd, unit_kerja FROM dim_pegawai GROUP BY ALL HAVING count(*) BETWEEN 1 AND 4
           AND (lokasi, opd) IN (SELECT lokasi, opd FROM dim_pegawai GROUP BY ALL HAVING count(*) >= 15)
           ORDER BY 1, 2, 3 LIMIT 1"""
    ).fetchall()
    assert small, "the demo has a unit under five people in a large OPD"
    lokasi, opd, unit = small[0]
    units = [
        r[0]
        for r in con.sql(
            "SELECT DISTINCT unit_kerja FROM dim_pegawai WHERE lokasi = $l AND opd = $o", params={"l": lokasi, "o": opd}
        ).fetchall()
    ]
    whole = Filters(lokasi=(lokasi,), opd=(opd,))
    rest = Filters(lokasi=(lokasi,), opd=(opd,), unit_kerja=tuple(u for u in units if u != unit))
    for group in (["lokasi", "opd"], ["lokasi", "opd", "periode"]):
        a, b = Q.scores_by(con, whole, AGREGAT, group), Q.scores_by(con, rest, AGREGAT, group)
        assert _pairs_leak(a, b, group).is_empty()
    # nor can the unit be asked for by name: no list offers it, and a breakdown by unit shows nothing
    assert Q.scores_by(con, Filters(unit_kerja=(unit,)), AGREGAT, ["lokasi", "opd", "unit_kerja"]).is_empty()


def test_the_aggregate_viewers_filter_lists_name_no_small_group(con):
    options = Q.filter_options(con, AGREGAT)
    assert options["unit_kerja"].drop_nulls().is_empty() and options["golongan"].drop_nulls().is_empty()
    assert options["jenis_jabatan"].drop_nulls().is_empty() and options["status_asn"].drop_nulls().is_empty()
    per_period = "SELECT lokasi, opd, periode, sum(n) AS n FROM agg_kinerja GROUP BY ALL"
    biggest = con.sql(f"SELECT lokasi, opd, max(n) AS n FROM ({per_period}) GROUP BY ALL").pl()
    listed = options.join(biggest, on=["lokasi", "opd"])
    assert listed.height == options.height and listed["n"].min() >= K
    small = biggest.filter(pl.col("n") < K)
    assert small.height and options.join(small, on=["lokasi", "opd"], how="semi").is_empty()


def test_figures_reach_the_aggregate_viewer_rounded_as_shown(con):
    f = Filters()
    frames = [
        Q.scores_by(con, f, AGREGAT, ["lokasi", "opd"]),
        *Q.overview(con, f, AGREGAT).values(),
        Q.compare_opd(con, f, AGREGAT, 10),
        Q.indicator_capaian(con, f, AGREGAT),
        Q.ikm_units(con, f, AGREGAT),
    ]
    assert frames[0].height
    for frame in frames:
        for c, dtype in frame.schema.items():
            if dtype.is_float():
                d = disclosure.decimals_of(c)
                values = frame[c].drop_nulls()
                assert (values.round(d) - values).abs().max() in (None, 0.0), (c, values.head(3).to_list())


def _atasan_in_a_unit_with_a_jpt(con) -> str:
    """The demo's Atasan account: a supervisor whose own unit holds one JPT (the issue's 'its supervisor')."""
    return con.sql(
        """SELECT d.nip FROM dim_pegawai d
           WHERE d.nip IN (SELECT nip_atasan FROM dim_pegawai)
             AND (SELECT count(*) FROM dim_pegawai e WHERE (e.lokasi, e.opd, e.unit_kerja) = (d.lokasi, d.opd, d.unit_kerja)
                  AND e.jenis_jabatan = 'JPT') = 1
           ORDER BY (SELECT count(*) FROM dim_pegawai e WHERE e.nip_atasan = d.nip) DESC, d.nip LIMIT 1"""
    ).fetchall()[0][0]


def test_an_atasan_cannot_isolate_the_jpt_of_its_unit(con):
    nip = _atasan_in_a_unit_with_a_jpt(con)
    scope = Principal("spv", "atasan", nip=nip).scope(K)
    for group in (["lokasi", "opd"], ["lokasi", "periode"]):
        jpt = Q.scores_by(con, Filters(jenis_jabatan=("JPT",)), scope, group)
        whole = Q.scores_by(con, Filters(), scope, group)
        assert jpt.equals(whole), "a jabatan filter narrowed an Atasan's aggregate"
        assert _pairs_leak(jpt, whole, group).is_empty()
    per_period = Q.scores_by(con, Filters(jenis_jabatan=("JPT",)), scope, ["lokasi", "periode"])
    assert per_period.height and per_period["n"].min() >= K


def test_an_atasan_reads_only_survey_responses_about_its_own_people(con):
    nip = Q.demo_roles(con)["atasan"]
    scope = Principal("spv", "atasan", nip=nip).scope(K)
    got = Q.skm_responses(con, Filters(), scope, limit=100_000)
    chain = """WITH RECURSIVE chain(nip) AS (SELECT nip FROM dim_pegawai WHERE nip_atasan = $b
               UNION SELECT d.nip FROM dim_pegawai d JOIN chain c ON d.nip_atasan = c.nip)"""
    mine = con.sql(
        f"{chain} SELECT count(*) FROM stg_skm WHERE nip_petugas IN (SELECT nip FROM chain)", params={"b": nip}
    ).fetchall()[0][0]
    whole_opd = con.sql(
        "SELECT count(*) FROM stg_skm WHERE (lokasi, opd) IN (SELECT lokasi, opd FROM dim_pegawai WHERE nip = $b)",
        params={"b": nip},
    ).fetchall()[0][0]
    assert whole_opd > mine, "the OPD has responses about others: the test can tell the two apart"
    assert got.height == mine


def test_charts_carry_the_numbers_they_label_rounded():
    from ui import charts

    frame = pl.DataFrame(
        {
            "lokasi": ["Jambi", "Jambi"],
            "opd": ["Dinas Kesehatan", "Disdukcapil"],
            "periode": ["2026-09", "2026-10"],
            "n": [27, 26],
            "rata_hasil": [98.071382, 93.519995],
            "ci_bawah": [95.123456, 90.987654],
            "ci_atas": [101.019283, 96.052336],
            "terlalu_kecil": [False, False],
            **{c: [7, 6] for c in charts.PREDIKAT_COUNT_COLS.values()},
        }
    )
    figures = [
        charts.heatmap(frame, "t"),
        charts.predikat_stacked(frame, "opd", "t"),
        charts.line_by(frame, "periode", "rata_hasil", "lokasi", "t", "y"),
        charts.ci_plot(frame, "opd", "rata_hasil", "ci_bawah", "ci_atas", "t", "x"),
        charts.bars(frame, "rata_hasil", "opd", "t", "x"),
        charts.bars(frame, "rata_hasil", "opd", "t", "x", x_format=".2f"),
    ]
    digits = [1, 3, 1, 1, 1, 2]
    for fig, d in zip(figures, digits, strict=True):
        spec = fig.to_plotly_json()
        values = [v for trace in spec["data"] for k in ("x", "y", "z") for v in _flat(trace.get(k))]
        values += [v for trace in spec["data"] for v in _flat((trace.get("error_x") or {}).get("array"))]
        floats = [v for v in values if isinstance(v, float)]
        assert floats and all(round(v, d) == v for v in floats), (fig.layout.title.text, d, floats[:4])


def _flat(node) -> list:
    if node is None or isinstance(node, str):
        return []
    if hasattr(node, "tolist"):
        node = node.tolist()
    if isinstance(node, list | tuple):
        return [v for item in node for v in _flat(item)]
    return [node]
