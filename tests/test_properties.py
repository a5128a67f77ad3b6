"""Differential tests: random small warehouses built by the real pipeline, every mart and every query a page calls
compared with a plain Polars reference computed here from the files that were written (tests/random_warehouse.py).

The reference is written from the rules (domain.md, settings.toml), not from the SQL: per-row arithmetic in
Polars, calendar windows as explicit loops over period positions.
"""

from __future__ import annotations

import math
from fractions import Fraction

import polars as pl
import pytest
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from settings import Settings
from tests.helpers import query
from tests.random_warehouse import World, build, worlds
from tests.test_grain import assert_unique_grain
from warehouse import queries as Q
from warehouse.db import Filters, Scope, connect

# Each example builds a warehouse (about a second): modest counts, and no shrinking (a failure prints its whole
# world, which is small anyway; shrinking would rebuild hundreds of warehouses).
EXAMPLES = hyp_settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
TIDAK_DIISI = "Tidak diisi"
MATRIX = {
    ("Di Atas Ekspektasi", "Di Bawah Ekspektasi"): "Kurang/Misconduct",
    ("Di Atas Ekspektasi", "Sesuai Ekspektasi"): "Baik",
    ("Di Atas Ekspektasi", "Di Atas Ekspektasi"): "Sangat Baik",
    ("Sesuai Ekspektasi", "Di Bawah Ekspektasi"): "Kurang/Misconduct",
    ("Sesuai Ekspektasi", "Sesuai Ekspektasi"): "Baik",
    ("Sesuai Ekspektasi", "Di Atas Ekspektasi"): "Baik",
    ("Di Bawah Ekspektasi", "Di Bawah Ekspektasi"): "Sangat Kurang",
    ("Di Bawah Ekspektasi", "Sesuai Ekspektasi"): "Butuh Perbaikan",
    ("Di Bawah Ekspektasi", "Di Atas Ekspektasi"): "Butuh Perbaikan",
}
BELOW = ["Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang"]
SHARES = {
    "Sangat Baik": "share_sangat_baik",
    "Baik": "share_baik",
    "Butuh Perbaikan": "share_butuh_perbaikan",
    "Kurang/Misconduct": "share_kurang",
    "Sangat Kurang": "share_sangat_kurang",
}


# ---- the reference ------------------------------------------------------------------------------------------------


def _rating(score: float | None, above: float, meets: float) -> str | None:
    if score is None:
        return None
    return "Di Atas Ekspektasi" if score >= above else "Sesuai Ekspektasi" if score >= meets else "Di Bawah Ekspektasi"


def ref_capaian(w: World, s: Settings) -> pl.DataFrame:
    """One row per indicator row written: capaian by the PermenPANRB rule, capped at the setting."""
    cap = s.section("capaian")["cap"]
    rows = []
    for nip, p, ind, target, real, bobot, arah in w.capaian:
        if arah == "turun":
            raw = cap if real == 0 else target / real * 100
        else:
            raw = real / target * 100
        rows.append(
            {
                "nip": nip,
                "periode": w.period(p).key,
                "p": p,
                "indikator": ind,
                "target": target,
                "realisasi": real,
                "bobot": bobot,
                "capaian": min(raw, cap),
                "capai_target": raw >= 100,
            }
        )
    return pl.DataFrame(
        rows,
        schema={
            "nip": pl.String,
            "periode": pl.String,
            "p": pl.Int64,
            "indikator": pl.String,
            "target": pl.Float64,
            "realisasi": pl.Float64,
            "bobot": pl.Float64,
            "capaian": pl.Float64,
            "capai_target": pl.Boolean,
        },
    )


def _behaviour(w: World, s: Settings) -> dict[tuple[str, int], tuple[float, bool]]:
    """(nip, period) -> role-weighted behaviour score and whether peers or subordinates rated."""
    weights = s.section("perilaku")
    by_role: dict[tuple[str, int, str], list[float]] = {}
    for nip, p, role, _rater, scores in w.perilaku:
        by_role.setdefault((nip, p, role), []).append(sum(scores) / 7)
    out: dict[tuple[str, int], list] = {}
    for (nip, p, role), vals in by_role.items():
        wt = weights[role]
        if wt > 0:
            acc = out.setdefault((nip, p), [0.0, 0.0, False])
            acc[0] += sum(vals) / len(vals) * wt
            acc[1] += wt
            acc[2] |= role in ("rekan", "bawahan")
    return {k: (v[0] / v[1], v[2]) for k, v in out.items()}


def ref_kinerja(w: World, s: Settings) -> pl.DataFrame:
    """One row per employee-period with indicators or an official result, with the employee's dimensions."""
    rating, pp30, cap = s.section("rating"), s.section("pp30"), s.section("capaian")["cap"]
    cap_rows = ref_capaian(w, s)
    hasil = {
        (r["nip"], r["p"]): r["h"]
        for r in cap_rows.group_by("nip", "p")
        .agg(((pl.col("capaian") * pl.col("bobot")).sum() / pl.col("bobot").sum()).alias("h"))
        .iter_rows(named=True)
    }
    beh = _behaviour(w, s)
    official = {(e[0], e[1]): e for e in w.evaluasi}
    emp = {e.nip: e for e in w.employees}
    rows = []
    for nip, p in sorted(set(hasil) | set(official)):
        h = hasil.get((nip, p))
        b, b360 = beh.get((nip, p), (None, False))
        rh, rp = (
            _rating(h, rating["hasil_di_atas"], rating["hasil_sesuai"]),
            _rating(b, rating["perilaku_di_atas"], rating["perilaku_sesuai"]),
        )
        ev = official.get((nip, p))
        if ev:
            rh, rp = ev[2], ev[3]
            predikat = ev[4] or MATRIX[(rh, rp)]
        else:
            predikat = MATRIX.get((rh, rp))
        nilai = None
        if h is not None and b is not None:
            ws = (pp30["bobot_skp_360"], pp30["bobot_perilaku_360"]) if b360 else (pp30["bobot_skp"], pp30["bobot_perilaku"])
            nilai = ws[0] * min(h, cap) + ws[1] * b
        e, per = emp[nip], w.period(p)
        rows.append(
            {
                "nip": nip,
                "periode": per.key,
                "idx": per.index,
                "hasil_kerja": h,
                "perilaku": b,
                "rating_hasil_kerja": rh,
                "rating_perilaku": rp,
                "predikat": predikat,
                "sumber_predikat": "resmi" if ev else "hitung",
                "nilai_pp30": nilai,
                "predikat_organisasi": (ev[5] or None) if ev else None,
                "lokasi": e.lokasi,
                "opd": e.opd,
                "unit_kerja": e.unit or e.opd,
                "jenis_jabatan": e.jabatan or TIDAK_DIISI,
                "golongan": e.golongan or TIDAK_DIISI,
                "status_asn": "PNS",  # the generated NIPs are PNS NIPs (TMT month 01) and the file has no status
            }
        )
    return pl.DataFrame(
        rows,
        schema={
            "nip": pl.String,
            "periode": pl.String,
            "idx": pl.Int64,
            "hasil_kerja": pl.Float64,
            "perilaku": pl.Float64,
            "rating_hasil_kerja": pl.String,
            "rating_perilaku": pl.String,
            "predikat": pl.String,
            "sumber_predikat": pl.String,
            "nilai_pp30": pl.Float64,
            "predikat_organisasi": pl.String,
            "lokasi": pl.String,
            "opd": pl.String,
            "unit_kerja": pl.String,
            "jenis_jabatan": pl.String,
            "golongan": pl.String,
            "status_asn": pl.String,
        },
    )


def _in_filter(f: Filters, period: bool = True) -> pl.Expr:
    cond = pl.lit(True)
    for dim in ("lokasi", "opd", "unit_kerja", "jenis_jabatan", "golongan", "status_asn"):
        if getattr(f, dim):
            cond &= pl.col(dim).is_in(list(getattr(f, dim)))
    if period and f.dari:
        cond &= pl.col("periode") >= f.dari
    if period and f.sampai:
        cond &= pl.col("periode") <= f.sampai
    return cond


def _dims(w: World) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {
                "nip": e.nip,
                "lokasi": e.lokasi,
                "opd": e.opd,
                "unit_kerja": e.unit or e.opd,
                "jenis_jabatan": e.jabatan or TIDAK_DIISI,
                "golongan": e.golongan or TIDAK_DIISI,
                "status_asn": "PNS",
            }
            for e in w.employees
        ]
    )


@st.composite
def filters(draw, w: World) -> Filters:
    """Random sidebar filters over the world's own values (blank golongan included as its code)."""
    keys = [p.key for p in w.periods]
    i = draw(st.integers(0, len(keys) - 1))
    j = draw(st.integers(i, len(keys) - 1))
    places = sorted({e.lokasi for e in w.employees})
    gol = sorted({e.golongan or TIDAK_DIISI for e in w.employees})
    return Filters(
        dari=draw(st.sampled_from([None, keys[i]])),
        sampai=draw(st.sampled_from([None, keys[j]])),
        lokasi=tuple(draw(st.lists(st.sampled_from(places), max_size=2, unique=True))),
        golongan=tuple(draw(st.lists(st.sampled_from(gol), max_size=1, unique=True))),
    )


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    if isinstance(b, bool | str) or isinstance(a, bool | str):
        return a == b
    return a == pytest.approx(b, rel=1e-9, abs=1e-9)


def assert_rows(got: pl.DataFrame, expected: pl.DataFrame, key: list[str], what: str) -> None:
    """Same keys, and every column of `expected` equal (floats to 1e-9) in `got`."""
    g, e = got.sort(key), expected.sort(key)
    assert g.select(key).rows() == e.select(key).rows(), (what, g.select(key), e.select(key))
    for c in e.columns:
        for i, (a, b) in enumerate(zip(g[c].to_list(), e[c].to_list(), strict=True)):
            assert _close(a, b), f"{what}.{c} at {e.select(key).row(i)}: got {a!r}, expected {b!r}"


# ---- the tests ----------------------------------------------------------------------------------------------------


def check_facts_and_grain(w: World, s: Settings) -> None:
    """fct_capaian, fct_kinerja and every mart's grain; blanks as one code."""
    assert_unique_grain(s)
    cap = ref_capaian(w, s)
    got_cap = query(s, "SELECT nip, periode, indikator, capaian, capai_target FROM fct_capaian")
    assert_rows(
        got_cap,
        cap.select("nip", "periode", "indikator", "capaian", "capai_target"),
        ["nip", "periode", "indikator"],
        "fct_capaian",
    )
    k = ref_kinerja(w, s)
    cols = [
        "nip",
        "periode",
        "hasil_kerja",
        "perilaku",
        "rating_hasil_kerja",
        "rating_perilaku",
        "predikat",
        "sumber_predikat",
        "nilai_pp30",
    ]
    assert_rows(query(s, f"SELECT {', '.join(cols)} FROM fct_kinerja"), k.select(cols), ["nip", "periode"], "fct_kinerja")
    # blanks are one code everywhere the filters look
    dims = query(s, "SELECT DISTINCT golongan, jenis_jabatan FROM dim_filter")
    assert None not in dims["golongan"].to_list() and "-" not in dims["golongan"].to_list()


def check_cubes_and_score_queries(w: World, s: Settings, f: Filters, data) -> None:
    """agg_kinerja, scores_by, overview, score_distribution, indicator_capaian, periods, freshness, filter_options."""
    con = connect(str(s.warehouse))
    k = ref_kinerja(w, s)
    sel = k.filter(_in_filter(f))
    # agg_kinerja, whole
    group = ["periode", "lokasi", "opd", "unit_kerja", "jenis_jabatan", "golongan", "status_asn"]
    exp = k.group_by(group).agg(
        pl.len().alias("n"),
        pl.col("hasil_kerja").count().alias("n_hasil"),
        pl.when(pl.col("hasil_kerja").count() > 0).then(pl.col("hasil_kerja").sum()).alias("sum_hasil"),
        pl.col("predikat").count().alias("n_predikat"),
        (pl.col("sumber_predikat") == "resmi").sum().alias("n_resmi"),
        (pl.col("predikat") == "Sangat Baik").sum().alias("n_sangat_baik"),
    )
    assert_rows(query(s, f"SELECT {', '.join(exp.columns)} FROM agg_kinerja"), exp, group, "agg_kinerja")

    # scores_by over places and periods: n, mean, shares of those with a predikat, and the share without
    got = Q.scores_by(con, f, Scope(), ["lokasi", "periode"])
    exp = sel.group_by("lokasi", "periode").agg(
        pl.len().alias("n"),
        pl.col("hasil_kerja").mean().alias("rata_hasil"),
        (pl.len() - pl.col("predikat").count()).alias("n_tanpa_predikat"),
        *[((pl.col("predikat") == p).sum() / pl.col("predikat").count()).alias(c) for p, c in SHARES.items()],
    )
    exp = exp.with_columns([pl.when(pl.col("n_tanpa_predikat") < pl.col("n")).then(pl.col(c)) for c in SHARES.values()])
    assert_rows(got.select(exp.columns), exp, ["lokasi", "periode"], "scores_by")
    with_predikat = got.filter(pl.col("n_tanpa_predikat") < pl.col("n"))
    for total in with_predikat.select(sum(pl.col(c) for c in SHARES.values())).to_series().to_list():
        assert total == pytest.approx(1.0)

    # overview headline: last period in range and the one before it
    head = Q.overview(con, f, Scope())["head"]
    if sel.is_empty():
        assert head.is_empty()
    else:
        last = sel["periode"].max()
        prev = sel.filter(pl.col("periode") < last)["periode"].max()
        cur = (
            sel.filter(pl.col("periode") == last)
            .group_by("lokasi")
            .agg(
                pl.col("hasil_kerja").mean().alias("rata_hasil"),
                (pl.col("predikat").is_in(BELOW).sum() / pl.col("predikat").count()).alias("bawah"),
                ((pl.col("predikat") == "Sangat Baik").sum() / pl.col("predikat").count()).alias("share_sangat_baik"),
                ((pl.len() - pl.col("predikat").count()) / pl.len()).alias("share_tanpa_predikat"),
            )
        )
        cur = cur.with_columns(
            [pl.when(pl.col("share_tanpa_predikat") < 1).then(pl.col(c)) for c in ("bawah", "share_sangat_baik")]
        )
        before = (
            sel.filter(pl.col("periode") == pl.lit(prev, dtype=pl.String))
            .group_by("lokasi")
            .agg(pl.col("hasil_kerja").mean().alias("rata_hasil_lalu"))
        )
        exp = cur.join(before, on="lokasi", how="left")
        assert_rows(head.select(exp.columns), exp, ["lokasi"], "overview head")
        assert set(head["periode_lalu"]) == {prev}

    # histogram over the same employee-periods as the predikat mix
    width, top = s.section("sebaran")["bin_width"], s.section("sebaran")["max"]
    exp = (
        sel.filter(pl.col("hasil_kerja").is_not_null())
        .with_columns(((pl.col("hasil_kerja").clip(lower_bound=0) / width).floor() * width).clip(upper_bound=top).alias("bin"))
        .group_by("lokasi", "bin")
        .agg(pl.len().alias("n"), pl.col("periode").n_unique().alias("n_periode"))
    )
    assert_rows(Q.score_distribution(con, f, Scope()).select(exp.columns), exp, ["lokasi", "bin"], "score_distribution")

    # indicators over the range
    cap = ref_capaian(w, s).join(_dims(w), on="nip").filter(_in_filter(f))
    exp = cap.group_by("indikator").agg(
        pl.len().alias("n"),
        pl.col("capaian").mean().alias("rata_capaian"),
        pl.col("capai_target").mean().alias("share_capai"),
        pl.col("target").mean().alias("rata_target"),
        pl.col("realisasi").mean().alias("rata_realisasi"),
    )
    assert_rows(Q.indicator_capaian(con, f, Scope()).select(exp.columns), exp, ["indikator"], "indicator_capaian")

    # the frame: periods, freshness, filter options
    keys = sorted(k["periode"].unique().to_list())
    assert Q.periods(con)["periode"].to_list() == keys
    fresh = Q.freshness(con)
    assert (fresh["dari"], fresh["sampai"], fresh["n_periode"]) == (keys[0], keys[-1], len(keys))
    opts = Q.filter_options(con, Scope(), f.lokasi)
    exp = (
        k.filter(_in_filter(Filters(lokasi=f.lokasi)))
        .select("lokasi", "opd", "unit_kerja", "jenis_jabatan", "golongan", "status_asn")
        .unique()
    )
    assert sorted(opts.rows()) == sorted(exp.rows())


def _compare_reference(sel: pl.DataFrame, min_group: int, confidence: float) -> pl.DataFrame:
    from statistics import NormalDist

    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    per = (
        sel.filter(pl.col("hasil_kerja").is_not_null())
        .group_by("lokasi", "opd", "nip")
        .agg(pl.col("hasil_kerja").mean().alias("m"), pl.len().alias("k"))
    )
    g = per.group_by("lokasi", "opd").agg(
        pl.len().alias("n"),
        pl.col("k").sum().alias("n_pegawai_periode"),
        pl.col("m").mean().alias("rata_hasil"),
        pl.col("m").std().alias("sd"),
    )
    return g.with_columns(
        (pl.col("rata_hasil") - z * pl.col("sd") / pl.col("n").sqrt()).alias("ci_bawah"),
        (pl.col("rata_hasil") + z * pl.col("sd") / pl.col("n").sqrt()).alias("ci_atas"),
        (pl.col("n") < min_group).alias("terlalu_kecil"),
    ).drop("sd")


def check_compare_raters_profile(w: World, s: Settings, f: Filters, data) -> None:
    """compare_opd (employee as the unit), rater_leniency, employee_profile."""
    con = connect(str(s.warehouse))
    k = ref_kinerja(w, s)
    sel = k.filter(_in_filter(f))
    min_group, confidence = data.draw(st.sampled_from([1, 2, 3])), data.draw(st.sampled_from([0.9, 0.95]))
    exp = _compare_reference(sel, min_group, confidence)
    got = Q.compare_opd(con, f, Scope(), min_group, confidence)
    if exp.is_empty():
        assert got.is_empty()
    else:
        assert_rows(got.select(exp.columns), exp, ["lokasi", "opd"], "compare_opd")
        assert got["n"].sum() == sel.filter(pl.col("hasil_kerja").is_not_null())["nip"].n_unique()

    # the small-group mark's distinct employees with a hasil kerja in range, per place and per place and OPD
    counts = Q.employee_counts(con, f, Scope())
    scored = sel.filter(pl.col("hasil_kerja").is_not_null())
    for group in (("lokasi",), ("lokasi", "opd")):
        want = scored.group_by(group).agg(pl.col("nip").n_unique().alias("n_pegawai")).sort(group)
        assert counts[group].rows() == want.rows(), (group, counts[group], want)

    # raters: superiors' behaviour ratings against the hasil kerja of the people they rate
    hasil = {(r["nip"], r["periode"]): r["hasil_kerja"] for r in k.iter_rows(named=True)}
    dims = {e.nip: e for e in w.employees}
    rows = [
        {
            "nip_penilai": rater,
            "periode": w.period(p).key,
            "nip": nip,
            "skor": sum(sc) / 7,
            "h": hasil.get((nip, w.period(p).key)),
        }
        for nip, p, role, rater, sc in w.perilaku
        if role == "atasan" and rater
    ]
    lokasi = [dims[r["nip_penilai"]].lokasi for r in rows]
    per = pl.DataFrame(
        rows, schema={"nip_penilai": pl.String, "periode": pl.String, "nip": pl.String, "skor": pl.Float64, "h": pl.Float64}
    ).with_columns(
        pl.Series("lokasi", lokasi, dtype=pl.String),
        pl.Series("opd", [dims[r["nip_penilai"]].opd for r in rows], dtype=pl.String),
    )
    per = per.filter(_in_filter(Filters(dari=f.dari, sampai=f.sampai, lokasi=f.lokasi)))
    by_period = per.group_by("nip_penilai", "periode").agg(
        pl.col("nip").n_unique().alias("n"), pl.col("skor").mean().alias("g"), pl.col("h").mean().alias("h")
    )
    exp = by_period.group_by("nip_penilai").agg(
        pl.col("n").max().alias("n_dinilai"),
        pl.col("g").mean().alias("rata_perilaku_diberikan"),
        pl.col("h").mean().alias("rata_hasil_dinilai"),
    )
    got = Q.rater_leniency(con, Filters(dari=f.dari, sampai=f.sampai, lokasi=f.lokasi), Scope(), min_rated=1)
    if exp.is_empty():
        assert got.is_empty()
    else:
        assert_rows(got.select(exp.columns), exp, ["nip_penilai"], "rater_leniency")

    # one employee's profile history: their periods, scores and predikat
    nip = data.draw(st.sampled_from([e.nip for e in w.employees]))
    prof = Q.employee_profile(con, Scope(), nip)
    hist = k.filter(pl.col("nip") == nip).sort("idx").select("periode", "hasil_kerja", "perilaku", "predikat")
    assert_rows(prof["history"].select(hist.columns), hist, ["periode"], "employee history")
    assert prof["employee"]["golongan"].item() == (dims[nip].golongan or TIDAK_DIISI)
    # survey forms naming this employee as the serving officer, per quarter (fct_umpan_balik_petugas)
    mine: dict[str, list[int]] = {}
    for _u, _l, day, officer, answers in w.skm:
        if officer == nip:
            mine.setdefault(f"{day.year}-Q{(day.month - 1) // 3 + 1}", []).append(sum(answers))
    exp = {key: (len(t), math.floor(Fraction(2500 * sum(t), 9 * len(t)) + Fraction(1, 2)) / 100) for key, t in mine.items()}
    got = {r["periode"]: (r["n_responden"], float(r["ikm_konversi"])) for r in prof["feedback"].iter_rows(named=True)}
    assert got == exp
    # one period's indicators against target (fct_capaian) for the profile's detail
    cap = ref_capaian(w, s).filter(pl.col("nip") == nip)
    if cap.height:
        periode = data.draw(st.sampled_from(sorted(cap["periode"].unique().to_list())))
        detail = Q.employee_detail(con, Scope(), nip, periode)
        exp = cap.filter(pl.col("periode") == periode).select("indikator", "target", "realisasi", "bobot", "capaian")
        assert_rows(detail["indicators"].select(exp.columns), exp, ["indikator"], "employee_detail")


def _as_of(k: pl.DataFrame, f: Filters) -> str | None:
    return k.filter(_in_filter(f))["periode"].max()


def _coaching_reference(k: pl.DataFrame, s: Settings, last: str) -> dict[str, tuple[bool, bool, bool]]:
    """nip -> (predikat, berturut, tren) for employees with a row at `last`, over calendar period positions."""
    cfg = s.section("pembinaan")
    by = {(r["nip"], r["idx"]): r for r in k.iter_rows(named=True)}
    out = {}
    for r in k.filter(pl.col("periode") == last).iter_rows(named=True):
        nip, i = r["nip"], r["idx"]
        run = [by.get((nip, j)) for j in range(i - cfg["consecutive_periods"] + 1, i + 1)]
        berturut = all(x is not None and x["hasil_kerja"] is not None and x["hasil_kerja"] < cfg["score_cutoff"] for x in run)
        window = [by.get((nip, j)) for j in range(i - cfg["trend_periods"] + 1, i + 1)]
        tren = False
        if all(x is not None and x["hasil_kerja"] is not None for x in window):
            xs = list(range(len(window)))
            ys = [x["hasil_kerja"] for x in window]
            mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
            slope = sum((a - mx) * (b - my) for a, b in zip(xs, ys, strict=True)) / sum((a - mx) ** 2 for a in xs)
            tren = round(slope * (len(window) - 1), 9) <= -cfg["trend_min_drop"]
        flags = (r["predikat"] in BELOW, berturut, tren)
        if any(flags):
            out[nip] = flags
    return out


def _recognition_reference(k: pl.DataFrame, s: Settings, last: str) -> set[str]:
    cfg = s.section("penghargaan")
    by = {(r["nip"], r["idx"]): r for r in k.iter_rows(named=True)}
    out = set()
    for r in k.filter(pl.col("periode") == last).iter_rows(named=True):
        window = [by.get((r["nip"], j)) for j in range(r["idx"] - cfg["min_periods"] + 1, r["idx"] + 1)]
        if any(x is None for x in window):
            continue
        scores = [x["hasil_kerja"] for x in window if x["hasil_kerja"] is not None]
        n_sb = sum(x["predikat"] == "Sangat Baik" for x in window)
        if scores and n_sb >= cfg["min_share_sangat_baik"] * len(window) and sum(scores) / len(scores) >= cfg["min_score"]:
            out.add(r["nip"])
    return out


def _curve_reference(k: pl.DataFrame, s: Settings) -> dict[tuple, list[str]]:
    """(lokasi, opd, unit, periode) -> broken kurva rules, for units whose organisation predikat is known."""
    c = s.section("kurva")
    out = {}
    for key, g in k.group_by("lokasi", "opd", "unit_kerja", "periode"):
        orgs = g["predikat_organisasi"].drop_nulls()
        if orgs.is_empty():
            continue
        org = orgs.mode().sort()[0]
        p = g["predikat"].drop_nulls().to_list()
        n = len(p)
        sb, b, bp, kk, sk = (p.count(x) for x in ["Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang"])
        rules = {
            "Istimewa": [("maks_sangat_baik", sb > math.floor(c["istimewa_max_sangat_baik"] * n))],
            "Baik": [
                ("maks_baik", b > math.floor(c["baik_max_baik"] * n)),
                ("min_butuh_atau_kurang", bp + kk < c["baik_min_bawah"]),
            ],
            "Butuh Perbaikan": [
                ("min_butuh_perbaikan", bp < math.ceil(c["butuh_min_butuh"] * n)),
                ("maks_sangat_baik", sb > math.floor(c["butuh_max_sangat_baik"] * n)),
            ],
            "Kurang": [
                ("min_kurang", kk < math.ceil(c["kurang_min_kurang"] * n)),
                ("min_butuh_perbaikan", bp < math.ceil(c["kurang_min_butuh"] * n)),
                ("maks_sangat_baik", sb > math.floor(c["kurang_max_sangat_baik"] * n)),
            ],
            "Sangat Kurang": [
                ("min_sangat_kurang", sk < math.ceil(c["sangat_kurang_min_sangat_kurang"] * n)),
                ("min_kurang_atau_butuh", kk + bp < math.ceil(c["sangat_kurang_min_kurang_or_butuh"] * n)),
                ("tanpa_sangat_baik", sb > 0),
            ],
        }[org]
        out[key] = [name for name, broken in rules if broken]
    return out


def check_rules(w: World, s: Settings, f: Filters, data) -> None:
    """mart_pembinaan / coaching_list / coaching_summary, mart_penghargaan / recognition_list, fct_distribusi /
    distribution_breaks."""
    con = connect(str(s.warehouse))
    k = ref_kinerja(w, s)
    last = _as_of(k, f)
    coach = Q.coaching_list(con, f, Scope(), limit=None)
    top = Q.recognition_list(con, f, Scope(), limit=None)
    if last is None:
        assert coach.is_empty() and top.is_empty()
    else:
        scoped = k.filter(_in_filter(f, period=False))
        exp = _coaching_reference(scoped, s, last)
        got = {r["nip"]: (r["aturan_predikat"], r["aturan_berturut"], r["aturan_tren"]) for r in coach.iter_rows(named=True)}
        assert got == exp, (last, w.overrides)
        assert set(coach["periode"]) <= {last} and (coach.is_empty() or coach["n_total"][0] == len(exp))
        # most urgent first: more rules, then worse predikat, then lower score (the cap from settings)
        assert coach["urgensi"].to_list() == sorted(coach["urgensi"].to_list(), reverse=True)
        assert set(top["nip"]) == _recognition_reference(scoped, s, last)
        # the summary above the list: per place and OPD, flagged employees and how many each rule flags
        emp = {e.nip: e for e in w.employees}
        summary: dict[tuple[str, str], list[int]] = {}
        for nip, flags in exp.items():
            acc = summary.setdefault((emp[nip].lokasi, emp[nip].opd), [0, 0, 0, 0])
            for i, flag in enumerate((True, *flags)):
                acc[i] += flag
        got = Q.coaching_summary(con, f, Scope())
        assert {
            (r[0], r[1]): list(r[2:]) for r in got.select("lokasi", "opd", "n", "n_predikat", "n_berturut", "n_tren").rows()
        } == summary
        # blank golongan / jabatan: the list shows the same code the filter and the overview use
        assert None not in coach["golongan"].to_list() + coach["jenis_jabatan"].to_list()
    # the whole marts: the rules as of every period, over all places
    for periode in sorted(k["periode"].unique().to_list()):
        got = query(
            s, "SELECT nip, aturan_predikat, aturan_berturut, aturan_tren FROM mart_pembinaan WHERE periode = $p", {"p": periode}
        )
        assert {r[0]: r[1:] for r in got.rows()} == _coaching_reference(k, s, periode), ("mart_pembinaan", periode)
        got = query(s, "SELECT nip FROM mart_penghargaan WHERE periode = $p", {"p": periode})
        assert set(got["nip"]) == _recognition_reference(k, s, periode), ("mart_penghargaan", periode)
    # kurva distribusi over every unit and period, and the breaks the page lists
    exp = _curve_reference(k, s)
    got = query(s, "SELECT lokasi, opd, unit_kerja, periode, pelanggaran FROM fct_distribusi")
    assert {(r[0], r[1], r[2], r[3]): sorted(r[4]) for r in got.rows()} == {key: sorted(v) for key, v in exp.items()}
    breaks = Q.distribution_breaks(con, f, Scope())
    in_scope = k.filter(_in_filter(Filters(dari=f.dari, sampai=f.sampai, lokasi=f.lokasi, opd=f.opd)))
    want = {key for key, v in exp.items() if v} & set(in_scope.select("lokasi", "opd", "unit_kerja", "periode").rows())
    assert set(breaks.select("lokasi", "opd", "unit_kerja", "periode").rows()) == want


def _ikm_reference(w: World, s: Settings) -> pl.DataFrame:
    """Per service unit, place and quarter: respondents and IKM konversi rounded half-up in exact arithmetic."""
    cfg = s.section("skm")
    groups: dict[tuple, list] = {}
    for unit, lok, day, _nip, answers in w.skm:
        q = (day.month - 1) // 3
        groups.setdefault((unit, lok, f"{day.year}-Q{q + 1}"), []).append(sum(answers))
    rows = []
    for (unit, lok, key), totals in groups.items():
        n = len(totals)
        x100 = math.floor(Fraction(round(cfg["konversi"] * 100) * sum(totals), 9 * n) + Fraction(1, 2))
        mutu = (
            "A"
            if x100 >= round(cfg["a_min"] * 100)
            else "B"
            if x100 >= round(cfg["b_min"] * 100)
            else "C"
            if x100 >= round(cfg["c_min"] * 100)
            else "D"
        )
        rows.append(
            {"unit_layanan": unit, "lokasi": lok, "periode": key, "n_responden": n, "ikm_konversi": x100 / 100, "mutu": mutu}
        )
    return pl.DataFrame(
        rows,
        schema={
            "unit_layanan": pl.String,
            "lokasi": pl.String,
            "periode": pl.String,
            "n_responden": pl.Int64,
            "ikm_konversi": pl.Float64,
            "mutu": pl.String,
        },
    )


def _quarter_overlaps(w: World, f: Filters) -> pl.Expr:
    """Survey quarters that overlap the appraisal range, whatever the appraisal granularity."""
    by_key = {p.key: p for p in w.periods}
    year = pl.col("periode").str.slice(0, 4).cast(pl.Int32)
    q = pl.col("periode").str.slice(6, 1).cast(pl.Int32)
    start = pl.date(year, (q - 1) * 3 + 1, 1)
    end = pl.date(year + q // 4, (q % 4) * 3 + 1, 1)
    cond = pl.lit(True)
    if f.dari:
        cond &= end > by_key[f.dari].start
    if f.sampai:
        cond &= start < by_key[f.sampai].end
    return cond


def check_ikm(w: World, s: Settings, f: Filters, data) -> None:
    """fct_ikm, ikm_units, ikm_by_place, skm_responses for every appraisal granularity."""
    con = connect(str(s.warehouse))
    ikm = _ikm_reference(w, s)
    key = ["unit_layanan", "lokasi", "periode"]
    assert_rows(
        query(s, f"SELECT {', '.join(ikm.columns)} FROM fct_ikm").with_columns(pl.col("ikm_konversi").cast(pl.Float64)),
        ikm,
        key,
        "fct_ikm",
    )
    sel = ikm.filter(_quarter_overlaps(w, f) & (pl.col("lokasi").is_in(list(f.lokasi)) if f.lokasi else pl.lit(True)))
    assert_rows(Q.ikm_units(con, f, Scope()).select(ikm.columns), sel, key, "ikm_units")
    exp = sel.group_by("lokasi", "periode").agg(
        pl.col("n_responden").sum(),
        ((pl.col("ikm_konversi") * pl.col("n_responden")).sum() / pl.col("n_responden").sum()).alias("ikm_konversi"),
    )
    assert_rows(Q.ikm_by_place(con, f, Scope()).select(exp.columns), exp, ["lokasi", "periode"], "ikm_by_place")
    # survey responses listed on the page: the same date range
    span = (w.periods[0].start, w.periods[-1].end)
    lo = next(p.start for p in w.periods if p.key == f.dari) if f.dari else span[0]
    hi = next(p.end for p in w.periods if p.key == f.sampai) if f.sampai else span[1]
    n = sum(1 for _u, lok, day, _n, _a in w.skm if lo <= day < hi and (not f.lokasi or lok in f.lokasi))
    assert Q.skm_responses(con, f, Scope()).height == n


@EXAMPLES
@given(st.data())
def test_every_mart_and_query_matches_the_reference(data):
    """One random warehouse per example (built once), every check on it, each with its own random filters."""
    w = data.draw(worlds(), label="world")
    s = build(w)
    check_facts_and_grain(w, s)
    check_cubes_and_score_queries(w, s, data.draw(filters(w), label="filters for the cubes"), data)
    check_compare_raters_profile(w, s, data.draw(filters(w), label="filters for Bandingkan"), data)
    check_rules(w, s, data.draw(filters(w), label="filters for the rules"), data)
    check_ikm(w, s, data.draw(filters(w), label="filters for IKM"), data)
