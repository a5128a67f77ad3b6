"""Named queries: one function per thing a page shows. Each takes the viewer's scope and applies it in SQL."""

from __future__ import annotations

import functools
from statistics import NormalDist

import duckdb
import polars as pl

from domain.periods import bounds
from warehouse import disclosure
from warehouse.db import _DIMS, LIMITED_DIMS, PAIR_SEP, Filters, Scope, run, where

Con = duckdb.DuckDBPyConnection
PREDIKAT_COLS = ["n_sangat_baik", "n_baik", "n_butuh_perbaikan", "n_kurang", "n_sangat_kurang"]
# share_<predikat> = n_<predikat> / n_predikat: shares of those with a predikat (they add up to 1)
SHARE_COLS = {c: "share_" + c.removeprefix("n_") for c in PREDIKAT_COLS}


def periods(con: Con) -> pl.DataFrame:
    """Every appraisal period in the warehouse, oldest first."""
    return run(con, "SELECT periode, periode_mulai FROM dim_periode ORDER BY periode_mulai", name="periods")


def filter_options(con: Con, scope: Scope, lokasi: tuple[str, ...] = (), opd: tuple[str, ...] = ()) -> pl.DataFrame:
    """Distinct place/OPD/unit/jabatan/golongan/status combinations, narrowed by chosen places and OPDs.

    A viewer whose small groups are withheld gets places and OPDs only, and only OPDs that are a group of
    their own (warehouse.disclosure) in some period: no list names a group under the minimum.
    """
    if scope.suppresses:
        return _restricted_options(con, scope, lokasi, opd)
    w, p = where(Filters(lokasi=lokasi, opd=opd), scope, dims=["lokasi", "opd", "unit_kerja"], period_col=None)
    sql = f"SELECT lokasi, opd, unit_kerja, jenis_jabatan, golongan, status_asn FROM dim_filter WHERE {w}"
    return run(con, sql, p, "filter_options")


def _restricted_options(con: Con, scope: Scope, lokasi: tuple[str, ...], opd: tuple[str, ...]) -> pl.DataFrame:
    """filter_options for a restricted viewer: selectable place/OPD pairs, the other columns empty."""
    ok = disclosure.selectable_opds(_cells(con, Filters(), scope), scope.min_group)
    if lokasi:
        ok = ok.filter(pl.col("lokasi").is_in(list(lokasi)))
    if opd:
        ok = ok.filter(pl.col("opd").is_in(list(opd)))
    empty = [pl.lit(None, dtype=pl.String).alias(c) for c in ("unit_kerja", "jenis_jabatan", "golongan", "status_asn")]
    return ok.sort("lokasi", "opd").with_columns(empty)


def _rounded_for_restricted(fn):
    """Figures for a viewer whose small groups are withheld leave the query layer rounded as they are shown:
    a full-precision mean beside its n would tell more than the screen does."""

    @functools.wraps(fn)
    def wrapped(con: Con, f: Filters, scope: Scope, *args, **kwargs):
        out = fn(con, f, scope, *args, **kwargs)
        if not scope.suppresses:
            return out
        if isinstance(out, dict):
            return {k: disclosure.rounded(v) for k, v in out.items()}
        return disclosure.rounded(out)

    return wrapped


def freshness(con: Con) -> dict:
    """Last load time, periods covered and rejected-row count."""
    row = run(con, "SELECT * FROM meta", name="freshness").row(0, named=True)
    return {
        "waktu": row["waktu"],
        "dari": row["dari"],
        "sampai": row["sampai"],
        "n_periode": row["n_periode"],
        "ditolak": row["ditolak"],
    }


def _min_group(scope: Scope) -> int:
    """The smallest group a viewer may see: the scope's threshold for aggregate viewers, else 0."""
    return scope.min_group if scope.suppresses else 0


_GROUPABLE = {"lokasi", "opd", "unit_kerja", "periode", "jenis_jabatan", "golongan", "status_asn"}
_SUM_COLS = [
    "n",
    "n_hasil",
    "sum_hasil",
    "sumsq_hasil",
    "n_perilaku",
    "sum_perilaku",
    "n_ordinal",
    "sum_ordinal",
    "n_predikat",
    *PREDIKAT_COLS,
    "n_resmi",
    "n_predikat_resmi",
    *[c.replace("n_", "n_resmi_", 1) for c in PREDIKAT_COLS],
    "n_predikat_hitung",
    *[c.replace("n_", "n_hitung_", 1) for c in PREDIKAT_COLS],
]
# Predikat sources a comparison can be limited to (a page control; "terbaik": official where loaded, else computed).
SUMBER = ("terbaik", "resmi", "hitung")


def _with_source(sums: pl.DataFrame, sumber: str) -> pl.DataFrame:
    """The predikat counts of one source in the columns every figure reads (n_predikat, n_<predikat>)."""
    if sumber not in SUMBER:
        raise ValueError(f"predikat source must come from the allow-list: {sumber!r}")
    if sumber == "terbaik" or sums.is_empty():
        return sums
    return sums.with_columns(
        pl.col(f"n_predikat_{sumber}").alias("n_predikat"),
        *[pl.col(c.replace("n_", f"n_{sumber}_", 1)).alias(c) for c in PREDIKAT_COLS],
    )


_RESTRICTED_GROUPABLE = {"lokasi", "opd", "periode"}


def _cube(f: Filters, scope: Scope, group: list[str] | set[str], base: str = "agg_kinerja") -> tuple[str, list[str]]:
    """The smallest cube that answers the view, and the dimensions its WHERE may name: `base`_opd (period, place
    and OPD only: agg_kinerja_opd, agg_sebaran_opd, agg_indikator_opd) unless the filters, the grouping or an
    Atasan's team need the roster's finer columns, which only `base` has."""
    finer = any(getattr(f, d) for d in LIMITED_DIMS) or bool(f.unit_lokasi) or scope.atasan is not None
    if finer or not set(group) <= _RESTRICTED_GROUPABLE:
        return base, list(_DIMS)
    return f"{base}_opd", ["lokasi", "opd"]


def _cells(con: Con, f: Filters, scope: Scope) -> pl.DataFrame:
    """agg_kinerja's counts and sums per period, place and OPD in the viewer's scope and period range, with `_in`:
    whether the viewer's place and OPD filters choose the cell. Unchosen cells are kept: they decide the atoms
    (warehouse.disclosure) as much as chosen ones."""
    cube, dims = _cube(Filters(), scope, ["periode", "lokasi", "opd"])
    w, p = where(Filters(dari=f.dari, sampai=f.sampai), scope, dims=dims)
    # the place and OPD filters alone, as a flag (the scope is in `w`); columns from this fixed list only
    chosen = " AND ".join(["TRUE", *[f"list_contains($c_{d}, {d})" for d in ("lokasi", "opd") if getattr(f, d)]])
    p_chosen = {f"c_{d}": list(getattr(f, d)) for d in ("lokasi", "opd") if getattr(f, d)}
    if f.opd_lokasi:  # one place's OPD, not every place's OPD of that name
        chosen += " AND list_contains($c_pairs, lokasi || $c_sep || opd)"
        p_chosen |= {"c_pairs": f.pair_keys(), "c_sep": PAIR_SEP}
    sums = ", ".join(f"sum({c}) AS {c}" for c in _SUM_COLS)
    sql = f"""
        SELECT periode, lokasi, opd, min(periode_mulai) AS periode_mulai, {sums}, bool_and({chosen}) AS _in
        FROM {cube} WHERE {w}
        GROUP BY periode, lokasi, opd ORDER BY periode, lokasi, opd"""
    return run(con, sql, {**p, **p_chosen}, "cells")


def _sums(con: Con, f: Filters, scope: Scope, group: list[str], name: str) -> pl.DataFrame:
    """Counts and sums from agg_kinerja grouped by allow-listed dimensions (means are taken in `_means`).

    For a viewer whose small groups are withheld, the sums are per period, place and OPD whatever the group
    (`_cells`), so `_means` can show only groups made of whole, safe atoms; a group by anything but place, OPD
    and period shows such a viewer nothing.
    """
    if not set(group) <= _GROUPABLE:
        raise ValueError(f"group columns must come from the allow-list: {sorted(set(group) - _GROUPABLE)}")
    if scope.suppresses:
        cells = _cells(con, f, scope)
        split = sorted(set(group) - _RESTRICTED_GROUPABLE)
        # a breakdown that splits OPDs is never shown to such a viewer: no cell is chosen for it
        return (
            cells.with_columns(*[pl.lit(None, dtype=pl.String).alias(c) for c in split], pl.lit(False).alias("_in"))
            if split
            else cells
        )
    cols = ", ".join(group)
    cube, dims = _cube(f, scope, group)
    w, p = where(f, scope, dims=dims)
    if cube == "agg_kinerja_opd":  # a few hundred rows: summed in Polars, cheaper than DuckDB's thirty aggregates
        first = [pl.col("periode_mulai").min()] if "periode" in group else []
        picked = ", ".join(dict.fromkeys([*group, *(["periode_mulai"] if first else []), *_SUM_COLS]))
        rows = run(con, f"SELECT {picked} FROM {cube} WHERE {w}", p, name)
        return rows.group_by(group).agg(*first, pl.col(_SUM_COLS).sum()).sort(group)
    sums = ", ".join(f"sum({c}) AS {c}" for c in _SUM_COLS)
    sql = f"""
        SELECT {cols}, {"min(periode_mulai) AS periode_mulai," if "periode" in group else ""} {sums}
        FROM {cube} WHERE {w}
        GROUP BY {cols} ORDER BY {cols}"""
    return run(con, sql, p, name)


def _per(count: str) -> pl.Expr:
    """Divide by a count, giving null (not inf or NaN) where the count is 0."""
    return pl.when(pl.col(count) > 0).then(pl.col(count))


def _means(sums: pl.DataFrame, group: list[str], scope: Scope) -> pl.DataFrame:
    """Re-aggregate sums to `group`: n (employee-periods), mean and sd of hasil kerja, mean perilaku and ordinal,
    predikat counts and shares of those with a predikat, and the count and share with none.

    For viewers whose small groups are withheld, `sums` are `_cells` and only groups made of whole, safe atoms
    in every period are kept (warehouse.disclosure).
    """
    extra = [pl.col("periode_mulai").min()] if "periode" in group and "periode_mulai" in sums.columns else []
    chosen = sums.filter(pl.col("_in")) if scope.suppresses else sums
    g = chosen.group_by(group, maintain_order=True).agg(*extra, *[pl.col(c).sum() for c in _SUM_COLS]).sort(group)
    if scope.suppresses:
        g = disclosure.only_shown(g, sums, group, scope.min_group)
    nh = pl.when(pl.col("n_hasil") > 0).then(pl.col("n_hasil"))
    var = (pl.col("sumsq_hasil") - pl.col("sum_hasil") ** 2 / nh) / pl.when(pl.col("n_hasil") > 1).then(pl.col("n_hasil") - 1)
    return g.with_columns(
        (pl.col("sum_hasil") / nh).alias("rata_hasil"),
        var.clip(lower_bound=0).sqrt().alias("sd_hasil"),
        (pl.col("sum_perilaku") / pl.when(pl.col("n_perilaku") > 0).then(pl.col("n_perilaku"))).alias("rata_perilaku"),
        (pl.col("sum_ordinal") / _per("n_ordinal")).alias("rata_ordinal"),
        (pl.col("n") - pl.col("n_predikat")).alias("n_tanpa_predikat"),
        ((pl.col("n") - pl.col("n_predikat")) / _per("n")).alias("share_tanpa_predikat"),
        *[(pl.col(c) / _per("n_predikat")).alias(share) for c, share in SHARE_COLS.items()],
    ).drop("sum_hasil", "sumsq_hasil", "n_perilaku", "sum_perilaku", "n_ordinal", "sum_ordinal")


@_rounded_for_restricted
def scores_by(con: Con, f: Filters, scope: Scope, group: list[str], sumber: str = "terbaik") -> pl.DataFrame:
    """Scores and predikat counts grouped by the given dimensions over the filtered periods; predikat from
    `sumber` (SUMBER: best available, official only, computed only)."""
    return _means(_with_source(_sums(con, f, scope, group, "scores_by"), sumber), group, scope)


@_rounded_for_restricted
def scores_levels(
    con: Con,
    f: Filters,
    scope: Scope,
    finest: list[str],
    levels: tuple[tuple[str, ...], ...],
    sumber: str = "terbaik",
) -> dict[tuple[str, ...], pl.DataFrame]:
    """scores_by at several levels from one pass over the cube: each level must be a subset of `finest`."""
    sums = _with_source(_sums(con, f, scope, finest, "scores_levels"), sumber)
    return {lv: _means(sums, list(lv), scope) for lv in levels}


def _headline(per: pl.DataFrame) -> pl.DataFrame:
    """Per place: the last period in range and the one before it, with scores and predikat shares.

    Shares (`bawah`, `share_sangat_baik`) are of those with a predikat; `share_tanpa_predikat` says how many have none.
    """
    if per.is_empty():
        return per
    last = per["periode"].max()
    earlier = per.filter(pl.col("periode") < last)["periode"]
    prev = earlier.max() if earlier.len() else None
    below = (pl.col("n_butuh_perbaikan") + pl.col("n_kurang") + pl.col("n_sangat_kurang")) / _per("n_predikat")
    cur = per.filter(pl.col("periode") == last)
    # a range of one period has no previous one: compare with a typed null, never with None
    before = per.filter(pl.col("periode") == pl.lit(prev, dtype=pl.String)).select(
        "lokasi", pl.col("rata_hasil").alias("rata_hasil_lalu"), pl.col("n").alias("n_lalu"), below.alias("bawah_lalu")
    )
    return cur.join(before, on="lokasi", how="left").with_columns(
        pl.lit(prev, dtype=pl.String).alias("periode_lalu"),
        below.alias("bawah"),
    )


def _changes(per: pl.DataFrame, top: int) -> pl.DataFrame:
    """OPDs whose mean hasil kerja changed most between the first and last period in range."""
    if per.is_empty():
        return per
    first, last = per["periode"].min(), per["periode"].max()
    a = per.filter(pl.col("periode") == first).select("lokasi", "opd", pl.col("rata_hasil").alias("awal"))
    b = per.filter(pl.col("periode") == last).select("lokasi", "opd", pl.col("rata_hasil").alias("akhir"), "n")
    out = a.join(b, on=["lokasi", "opd"]).with_columns((pl.col("akhir") - pl.col("awal")).alias("perubahan"))
    return (
        out.sort(pl.col("perubahan").abs(), descending=True)
        .head(top)
        .with_columns(pl.lit(first).alias("dari"), pl.lit(last).alias("sampai"))
    )


@_rounded_for_restricted
def headline_by_place(con: Con, f: Filters, scope: Scope) -> pl.DataFrame:
    """Per place: the last period in range and the one before it, with scores and predikat shares."""
    return _headline(scores_by(con, f, scope, ["lokasi", "periode"]))


@_rounded_for_restricted
def biggest_changes(con: Con, f: Filters, scope: Scope, top: int = 5) -> pl.DataFrame:
    """OPDs whose mean hasil kerja changed most between the first and last period in range."""
    return _changes(scores_by(con, f, scope, ["lokasi", "opd", "periode"]), top)


@_rounded_for_restricted
def overview(con: Con, f: Filters, scope: Scope, top: int = 5, sumber: str = "terbaik") -> dict[str, pl.DataFrame]:
    """The overview page's headline per place and biggest OPD changes, from one pass over the cube (predikat from
    `sumber`, SUMBER)."""
    sums = _with_source(_sums(con, f, scope, ["lokasi", "opd", "periode"], "overview"), sumber)
    return {
        "head": _headline(_means(sums, ["lokasi", "periode"], scope)),
        "changes": _changes(_means(sums, ["lokasi", "opd", "periode"], scope), top),
    }


@_rounded_for_restricted
def score_distribution(con: Con, f: Filters, scope: Scope) -> pl.DataFrame:
    """Histogram counts per place and hasil kerja bin over the whole range: n counts employee-periods with a score,
    the same grain as scores_by's predikat counts beside it; `n_periode` is how many periods they span."""
    cube, dims = _cube(f, scope, [], base="agg_sebaran")
    w, p = where(f, scope, dims=dims)
    sql = f"""
        WITH per AS (SELECT lokasi, bin, periode, sum(n) AS n FROM {cube} WHERE {w} GROUP BY ALL)
        SELECT lokasi, bin, sum(n) AS n, count(DISTINCT periode) AS n_periode FROM per
        GROUP BY lokasi, bin HAVING max(n) >= $min_group ORDER BY lokasi, bin"""
    out = run(con, sql, {**p, "min_group": _min_group(scope)}, "score_distribution")
    if scope.suppresses:  # a place's histogram only where the place's figures may be shown
        out = disclosure.only_shown(out, _cells(con, f, scope), ["lokasi"], scope.min_group)
    return out


@_rounded_for_restricted
def indicator_capaian(con: Con, f: Filters, scope: Scope) -> pl.DataFrame:
    """Per indicator over the range: rows, mean capaian and the share that reached target."""
    cube, dims = _cube(f, scope, [], base="agg_indikator")
    w, p = where(f, scope, dims=dims)
    # the group's size for small-group suppression: its rows in its fullest period (rows are per person)
    sql = f"""
        WITH per AS (
            SELECT indikator, periode, any_value(satuan) AS satuan, any_value(arah) AS arah, sum(n) AS n,
                   sum(sum_capaian) AS sum_capaian, sum(n_capai_target) AS n_capai_target,
                   sum(sum_target) AS sum_target, sum(sum_realisasi) AS sum_realisasi
            FROM {cube} WHERE {w} GROUP BY indikator, periode)
        SELECT indikator, any_value(satuan) AS satuan, any_value(arah) AS arah, sum(n) AS n,
               sum(sum_capaian) / sum(n) AS rata_capaian, sum(n_capai_target) / sum(n) AS share_capai,
               sum(sum_target) / sum(n) AS rata_target, sum(sum_realisasi) / sum(n) AS rata_realisasi
        FROM per GROUP BY indikator HAVING max(n) >= $min_group ORDER BY rata_capaian"""
    out = run(con, sql, {**p, "min_group": _min_group(scope)}, "indicator_capaian")
    if scope.suppresses:
        out = _indicators_shown(con, f, scope, out)
    return out


def _indicators_shown(con: Con, f: Filters, scope: Scope, out: pl.DataFrame) -> pl.DataFrame:
    """For a restricted viewer: nothing unless the chosen OPDs are whole, safe atoms; then only indicators that
    every atom reports for 0 or at least min_group employees in each period (warehouse.disclosure)."""
    k, cells = scope.min_group, _cells(con, f, scope)
    out = disclosure.only_shown(out, cells, [], k)
    if out.is_empty():
        return out
    w, p = where(f, scope)
    sql = f"SELECT periode, lokasi, opd, indikator, sum(n) AS n FROM agg_indikator WHERE {w} GROUP BY ALL"
    per = run(con, sql, p, "indicator_cells")
    counts = (
        per.join(disclosure.atoms(cells, k), on=disclosure.CELL)
        .group_by("periode", "lokasi", "atom", "indikator")
        .agg(pl.col("n").sum())
    )
    small = counts.filter((pl.col("n") > 0) & (pl.col("n") < k)).select("indikator").unique()
    return out.join(small, on="indikator", how="anti")


@_rounded_for_restricted
def compare_opd(con: Con, f: Filters, scope: Scope, min_group: int, confidence: float = 0.95) -> pl.DataFrame:
    """Per place and OPD with the employee as the unit: n employees with a hasil kerja in range, the mean of their
    own means over the range, its normal-approximation CI at `confidence`, percentile within place, and a too-small
    mark (n below `min_group`). `n_pegawai_periode` counts the employee-periods behind those means.

    Employee-periods of one person are not independent observations: counting them as such would make a unit look
    far more certain than it is.
    """
    w, p = where(f, scope)
    sql = f"""
        WITH per_pegawai AS (  -- fct_kinerja_tempat: each employee-period with a result, placed where it was then
            -- by pid, the NIP as a number: an integer key groups twice as fast as the 18-character NIP
            SELECT lokasi, opd, pid, count(*) AS n_periode, avg(hasil_kerja) AS rata
            FROM fct_kinerja_tempat WHERE {w} GROUP BY lokasi, opd, pid
        )
        SELECT lokasi, opd, count(*) AS n, sum(n_periode) AS n_pegawai_periode,
               avg(rata) AS rata_hasil, stddev_samp(rata) AS sd_hasil
        FROM per_pegawai GROUP BY lokasi, opd ORDER BY lokasi, opd"""
    g = run(con, sql, p, "compare_opd").filter(pl.col("n") >= _min_group(scope))
    if scope.suppresses:  # an OPD only where it is a whole, safe atom in every period of the range
        g = disclosure.only_shown(g, _cells(con, f, scope), ["lokasi", "opd"], scope.min_group)
    g = g.with_columns(pl.col("n").alias("n_hasil"))  # the name ui.charts.ci_plot labels points with
    if g.is_empty():
        return g
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    se = pl.col("sd_hasil") / pl.col("n").sqrt()
    return g.with_columns(
        pl.when(pl.col("opd").str.starts_with("Kecamatan")).then(pl.lit("Kecamatan")).otherwise(pl.col("opd")).alias("jenis_opd"),
        (pl.col("rata_hasil") - z * se).alias("ci_bawah"),
        (pl.col("rata_hasil") + z * se).alias("ci_atas"),
        (pl.col("n") < min_group).alias("terlalu_kecil"),
        (
            (pl.col("rata_hasil").rank("average").over("lokasi") - 1) / (pl.len().over("lokasi") - 1).clip(lower_bound=1) * 100
        ).alias("persentil"),
    )


_AS_OF = {"mart_pembinaan": "urgensi DESC, nama, nip", "mart_penghargaan": "rata_hasil DESC, nama, nip"}


def _as_of_last_period(con: Con, f: Filters, scope: Scope, table: str, limit: int | None) -> pl.DataFrame:
    """Rows of a per-period mart at the last period in range, with `n_total` (all rows, before the limit).

    Table and order come from an allow-list; `limit` None returns every row (for a full download).
    """
    order = _AS_OF[table]
    w_last, p = where(f, scope)
    w, p_rows = where(f, scope, person="nip")
    p.update(p_rows)
    # The count is its own scalar subquery (not a window over the rows), so ORDER BY ... LIMIT runs as a
    # top-N over the mart instead of a full sort of every flagged employee.
    rows = f"{table} WHERE periode = (SELECT periode FROM last) AND {w}"
    sql = f"""
        WITH last AS (SELECT max(periode) AS periode FROM agg_kinerja WHERE {w_last})
        SELECT *, (SELECT count(*) FROM {rows}) AS n_total FROM {rows}
        ORDER BY {order}{f" LIMIT {int(limit)}" if limit is not None else ""}"""
    return run(con, sql, p, table)


def coaching_list(con: Con, f: Filters, scope: Scope, limit: int | None = 1000) -> pl.DataFrame:
    """Employees flagged for coaching as of the last period in range, most urgent first (top `limit`)."""
    return _as_of_last_period(con, f, scope, "mart_pembinaan", limit)


def recognition_list(con: Con, f: Filters, scope: Scope, limit: int | None = 1000) -> pl.DataFrame:
    """Consistent top performers as of the last period in range, best first (top `limit`)."""
    return _as_of_last_period(con, f, scope, "mart_penghargaan", limit)


@_rounded_for_restricted
def distribution_breaks(con: Con, f: Filters, scope: Scope) -> pl.DataFrame:
    """Units and periods whose predikat mix breaks the kurva distribusi."""
    w, p = where(f, scope, dims=["lokasi", "opd", "unit_kerja"])
    p["min_group"] = _min_group(scope)
    sql = f"SELECT * FROM fct_distribusi WHERE melanggar AND n >= $min_group AND {w} ORDER BY periode DESC, lokasi, opd"
    return run(con, sql, p, "distribution_breaks")


@_rounded_for_restricted
def rater_leniency(con: Con, f: Filters, scope: Scope, min_rated: int = 5) -> pl.DataFrame:
    """Superiors ranked by how much higher they rate behaviour than their staff's results suggest."""
    w, p = where(f, scope, dims=["lokasi", "opd"], person="nip_penilai")
    sql = f"""
        SELECT nip_penilai, nama_penilai, lokasi, opd, max(n_dinilai) AS n_dinilai,
               avg(rata_perilaku_diberikan) AS rata_perilaku_diberikan, avg(rata_hasil_dinilai) AS rata_hasil_dinilai
        FROM fct_penilai WHERE {w}
        GROUP BY ALL HAVING max(n_dinilai) >= {int(min_rated)}"""
    out = run(con, sql, p, "rater_leniency")
    if out.is_empty():  # same columns either way, so a page can select them
        return out.with_columns(pl.lit(None, dtype=pl.Float64).alias("z"))
    mean = out["rata_perilaku_diberikan"].mean()
    sd = out["rata_perilaku_diberikan"].std() or 1.0
    return out.with_columns(((pl.col("rata_perilaku_diberikan") - mean) / sd).alias("z")).sort("z", descending=True)


def _ikm_where(f: Filters, scope: Scope) -> tuple[str, dict]:
    """Survey periods that overlap the appraisal range, whatever its granularity ('2026-03', '2026-Q1', '2026'):
    by dates, since survey keys ('2026-Q1') and appraisal keys need not be of one kind."""
    w, p = where(f, scope, dims=["lokasi", "opd"], period_col=None)
    if f.dari:
        w += " AND periode_selesai > $ikm_mulai"
        p["ikm_mulai"] = bounds(f.dari)[0]
    if f.sampai:
        w += " AND periode_mulai < $ikm_akhir"
        p["ikm_akhir"] = bounds(f.sampai)[1]
    return w, p


@_rounded_for_restricted
def ikm_units(con: Con, f: Filters, scope: Scope) -> pl.DataFrame:
    """IKM, mutu and respondents per service unit and survey period."""
    w, p = _ikm_where(f, scope)
    p["min_group"] = _min_group(scope)
    sql = f"SELECT * FROM fct_ikm WHERE {w} AND n_responden >= $min_group ORDER BY lokasi, unit_layanan, periode"
    return run(con, sql, p, "ikm_units")


@_rounded_for_restricted
def ikm_by_place(con: Con, f: Filters, scope: Scope) -> pl.DataFrame:
    """Respondent-weighted IKM konversi per place and survey period.

    Units under the viewer's minimum are left out of the place's figure as they are left out of `ikm_units`,
    so the place minus the units shown never gives a unit withheld."""
    w, p = _ikm_where(f, scope)
    sql = f"""SELECT lokasi, periode, min(periode_mulai) AS periode_mulai, sum(n_responden) AS n_responden,
                     sum(ikm_konversi * n_responden) / sum(n_responden) AS ikm_konversi
              FROM fct_ikm WHERE {w} AND n_responden >= $min_group GROUP BY lokasi, periode HAVING sum(n_responden) >= $min_group
              ORDER BY periode, lokasi"""
    return run(con, sql, {**p, "min_group": _min_group(scope)}, "ikm_by_place")


def skm_responses(
    con: Con,
    f: Filters,
    scope: Scope,
    unit: str | None = None,
    text: str | None = None,
    limit: int = 5000,
    unit_lokasi: str | None = None,
) -> pl.DataFrame:
    """Survey responses with comments, optionally for one unit (of one place: two places' units may share a name)
    and containing a search text.

    Single responses are rows about the officer who served (`nip_petugas`): an aggregate viewer gets none, and an
    Atasan only those about its own people's service (never its whole OPD's: comments name people)."""
    w, p = where(f, scope, dims=["lokasi", "opd"], period_col=None, individual=True, person="nip_petugas")
    # plain date bounds, so the scan skips row groups by their min/max (stg_skm is sorted by date)
    if f.dari:
        w += " AND tanggal >= $mulai"
        p["mulai"] = bounds(f.dari)[0]
    if f.sampai:
        w += " AND tanggal < $akhir"
        p["akhir"] = bounds(f.sampai)[1]
    if unit:
        w += " AND unit_layanan = $unit"
        p["unit"] = unit
    if unit_lokasi:
        w += " AND lokasi = $unit_lokasi"
        p["unit_lokasi"] = unit_lokasi
    if text:
        w += " AND kritik_saran ILIKE '%' || $text || '%'"
        p["text"] = text
    sql = f"""SELECT tanggal, unit_layanan, lokasi, layanan, jenis_kelamin, usia, pendidikan, pekerjaan,
                     u1, u2, u3, u4, u5, u6, u7, u8, u9, kritik_saran
              FROM stg_skm WHERE {w} ORDER BY tanggal DESC LIMIT {int(limit)}"""
    return run(con, sql, p, "skm_responses")


def employee_search(con: Con, scope: Scope, text: str, limit: int = 50) -> pl.DataFrame:
    """Employees whose name or NIP contains the text."""
    w, p = _now_or_then(scope)
    p["q"] = text
    sql = f"""SELECT nip, nama, lokasi, opd, unit_kerja, jabatan FROM dim_pegawai d
              WHERE {w} AND (nama ILIKE '%' || $q || '%' OR nip LIKE '%' || $q || '%')
              ORDER BY nama LIMIT {int(limit)}"""
    return run(con, sql, p, "employee_search")


def _then(scope: Scope, alias: str) -> tuple[str, dict]:
    """The viewer's scope over an employee's periods, by where the employee was in each (fct_penempatan's columns)."""
    return where(Filters(), scope, dims=["lokasi", "opd"], period_col=None, alias=alias, person="nip", person_period="periode")


def _now_or_then(scope: Scope) -> tuple[str, dict]:
    """The viewer's scope over dim_pegawai rows (alias d): where the employee is now, or any period they served
    inside the scope (a Kepala OPD still finds the mover whose first half-year was in their OPD)."""
    if scope.unrestricted:  # every row: no need to look through every placement for the one employee's
        return "TRUE", {}
    w_now, p = where(Filters(), scope, dims=["lokasi", "opd"], period_col=None, alias="d", person="nip")
    w_then, p_then = _then(scope, "t")
    return f"(({w_now}) OR EXISTS (SELECT 1 FROM fct_penempatan t WHERE t.nip = d.nip AND {w_then}))", {**p, **p_then}


def employee(con: Con, scope: Scope, nip: str) -> pl.DataFrame:
    """One employee's roster row (as of the latest roster), if the viewer may see them now or in any period."""
    w, p = _now_or_then(scope)
    return run(con, f"SELECT * FROM dim_pegawai d WHERE nip = $nip AND {w}", {**p, "nip": nip}, "employee")


_EMPLOYEE_SQL = {
    "feedback": "SELECT * FROM fct_umpan_balik_petugas WHERE nip = $nip ORDER BY periode",
    "placements": """SELECT lokasi, opd, unit_kerja, jabatan, golongan, berlaku_dari, berlaku_sampai, keluar
                     FROM dim_pegawai_riwayat WHERE nip = $nip ORDER BY berlaku_dari""",
}
_HISTORY_COLUMNS = """r.periode, r.periode_mulai, r.hasil_kerja, r.n_indikator, r.perilaku, r.rating_hasil_kerja,
    r.rating_perilaku, r.predikat, r.sumber_predikat, r.nilai_pp30, r.predikat_pp30, r.skor_ordinal, r.rezim,
    r.lokasi, r.opd, r.unit_kerja, r.golongan"""
# One period of the largest facts: with facts stored in NIP and period order, that is one or two row groups
# of one period's file, where every period would be one per period (the profile shows one period at a time).
_DETAIL_SQL = {
    "indicators": """SELECT periode, indikator, satuan, arah, target, realisasi, bobot, capaian
                     FROM fct_capaian WHERE nip = $nip AND periode = $periode ORDER BY capaian, indikator""",
    "behaviour": """SELECT * FROM fct_perilaku WHERE nip = $nip AND periode = $periode ORDER BY peran_penilai""",
}


def employee_profile(con: Con, scope: Scope, nip: str) -> dict[str, pl.DataFrame] | None:
    """One employee's master record, scores per period and public feedback, checked against the viewer's scope.

    None when the employee does not exist or is outside the scope.
    """
    emp = employee(con, scope, nip)
    if emp.is_empty():
        return None
    parts = {part: run(con, sql, {"nip": nip}, f"employee_{part}") for part, sql in _EMPLOYEE_SQL.items()}
    w, p = _then(scope, "r")
    everything = run(
        con,
        f"""SELECT {_HISTORY_COLUMNS}, {w} AS dalam_cakupan FROM fct_riwayat_pegawai r
            WHERE r.nip = $nip ORDER BY r.periode_mulai""",
        {**p, "nip": nip},
        "employee_history",
    )
    # the periods the viewer's scope covers; the others belong to another unit and are only counted
    history = everything.filter("dalam_cakupan").drop("dalam_cakupan")
    return {"employee": emp, "history": history, "elsewhere": everything.height - history.height, **parts}


def detail_periods(history: pl.DataFrame) -> tuple[list[str], str | None]:
    """The periods an employee has indicator or behaviour rows for (newest first) and the default one:
    the latest with indicators, else the latest with behaviour ratings."""
    if history.is_empty():
        return [], None
    has = history.filter(pl.col("n_indikator").is_not_null() | pl.col("perilaku").is_not_null())
    options = has.sort("periode_mulai", descending=True)["periode"].to_list()
    with_ind = has.filter(pl.col("n_indikator").is_not_null())
    default = (with_ind if with_ind.height else has).sort("periode_mulai")["periode"].to_list()
    return options, (default[-1] if default else None)


def employee_detail(con: Con, scope: Scope, nip: str, periode: str) -> dict[str, pl.DataFrame] | None:
    """One employee's indicators against target and BerAKHLAK scores by rater role in one period.

    None when the employee does not exist or is outside the scope.
    """
    w, p = _then(scope, "t")
    sql = f"SELECT count(*) FROM fct_penempatan t WHERE t.nip = $nip AND t.periode = $periode AND {w}"
    if run(con, sql, {**p, "nip": nip, "periode": periode}, "employee_period").item() == 0:
        return None
    params = {"nip": nip, "periode": periode}
    return {part: run(con, sql, params, f"employee_{part}") for part, sql in _DETAIL_SQL.items()}


def demo_roles(con: Con) -> dict:
    """For the demo accounts: the supervisor with the most people below them, and Jambi's largest OPD (both found
    when the warehouse is built, in meta)."""
    row = run(con, "SELECT demo_atasan, demo_opd FROM meta", name="demo_roles")
    return {"atasan": row["demo_atasan"][0], "opd": row["demo_opd"][0]} if row.height else {"atasan": None, "opd": None}


def load_history(con: Con) -> pl.DataFrame:
    """Every load, newest first."""
    return run(con, "SELECT * EXCLUDE (sha256) FROM load_log ORDER BY load_id DESC, berkas", name="load_history")


def rejects(con: Con, load_id: int | None = None) -> pl.DataFrame:
    """Rejected rows, of one load or all."""
    if load_id is None:
        return run(con, "SELECT * FROM rejects ORDER BY load_id DESC, berkas, baris", name="rejects")
    return run(con, "SELECT * FROM rejects WHERE load_id = $id ORDER BY berkas, baris", {"id": load_id}, "rejects")


def _loads_within(scope: Scope, alias: str = "") -> tuple[str, dict]:
    """Which loads a viewer may see: those made by someone holding only places the viewer holds.

    A load is a place-level record (its files may hold any of the uploader's places' rows, and its rejects
    hold whatever the file held): a scope narrower than places (OPDs, an Atasan's chain, aggregates only) sees
    none; a load from the command line counts as every place's (only an admin of all places sees it); a load
    without places recorded, none but an unrestricted scope.
    """
    if scope.unrestricted:
        return "TRUE", {}
    if scope.lokasi is None or scope.opd is not None or scope.atasan is not None or scope.aggregate_only:
        return "FALSE", {}
    col = f"{alias}.lokasi" if alias else "lokasi"
    return f"{col} IS NOT NULL AND len({col}) > 0 AND list_has_all($s_lokasi, {col})", {"s_lokasi": list(scope.lokasi)}


def loads_seen(con: Con, scope: Scope) -> pl.DataFrame:
    """The loads the viewer may see (`_loads_within`), newest first."""
    w, p = _loads_within(scope)
    return run(con, f"SELECT * EXCLUDE (sha256) FROM load_log WHERE {w} ORDER BY load_id DESC, berkas", p, "loads_seen")


def rejects_seen(con: Con, scope: Scope, limit: int | None = None) -> pl.DataFrame:
    """Rejected rows of the loads the viewer may see, newest load first; the first `limit` when given."""
    w, p = _loads_within(scope, "l")
    cap = "LIMIT $limit" if limit is not None else ""
    sql = f"""SELECT r.* FROM rejects r WHERE r.load_id IN (SELECT l.load_id FROM load_log l WHERE {w})
              ORDER BY r.load_id DESC, r.berkas, r.baris {cap}"""
    return run(con, sql, {**p, **({"limit": int(limit)} if limit is not None else {})}, "rejects_seen")


def rejects_count(con: Con, scope: Scope) -> dict:
    """Of the viewer's loads: rejections kept, the rows they name, and the rows their files rejected (more
    than those named when a file's rejections were capped at `[muat] rejects_kept`)."""
    w, p = _loads_within(scope, "l")
    seen = f"r.load_id IN (SELECT l.load_id FROM load_log l WHERE {w})"
    sql = f"""SELECT (SELECT count(*) FROM rejects r WHERE {seen}) AS kept,
                     (SELECT count(DISTINCT (r.load_id, r.berkas, r.baris)) FROM rejects r WHERE {seen}) AS kept_rows,
                     (SELECT coalesce(sum(l.ditolak), 0) FROM load_log l WHERE {w}) AS rows"""
    kept, kept_rows, rows = run(con, sql, p, "rejects_count").row(0)
    return {"kept": int(kept), "kept_rows": int(kept_rows), "rows": int(rows)}


@_rounded_for_restricted
def coaching_summary(con: Con, f: Filters, scope: Scope) -> pl.DataFrame:
    """Employees flagged for coaching as of the last period in range, per place and OPD, with the number
    flagged by each rule (one employee can be flagged by several)."""
    w, p = where(f, scope)
    sql = f"""
        WITH last AS (SELECT max(periode) AS periode FROM agg_kinerja WHERE {w})
        SELECT lokasi, opd, count(*) AS n,
               count(*) FILTER (WHERE aturan_predikat) AS n_predikat,
               count(*) FILTER (WHERE aturan_berturut) AS n_berturut,
               count(*) FILTER (WHERE aturan_tren) AS n_tren
        FROM mart_pembinaan WHERE periode = (SELECT periode FROM last) AND {w}
        GROUP BY lokasi, opd HAVING count(*) >= $min_group ORDER BY n DESC, lokasi, opd"""
    return run(con, sql, {**p, "min_group": _min_group(scope)}, "coaching_summary")


# Coaching cases (kept in the application database) are joined to warehouse facts by NIP through these.
def people(con: Con, scope: Scope, nips: list[str]) -> pl.DataFrame:
    """Roster rows of the given NIPs that the viewer may see (now, or in a period they served in the scope)."""
    w, p = _now_or_then(scope)
    p["nips"] = list(nips)
    sql = f"""SELECT nip, nama, lokasi, opd, unit_kerja, jabatan, nip_atasan, nama_atasan FROM dim_pegawai d
              WHERE list_contains($nips, nip) AND {w} ORDER BY nip"""
    return run(con, sql, p, "people")


def coaching_row(con: Con, scope: Scope, nip: str) -> pl.DataFrame:
    """An employee's most recent coaching-list row (why listed, what to coach on), if the viewer may see it."""
    w, p = where(Filters(), scope, dims=["lokasi", "opd"], period_col=None, person="nip", person_period="periode")
    p["nip"] = nip
    sql = f"SELECT * FROM mart_pembinaan WHERE nip = $nip AND {w} ORDER BY periode_mulai DESC LIMIT 1"
    return run(con, sql, p, "coaching_row")


def scores_of(con: Con, scope: Scope, nips: list[str]) -> pl.DataFrame:
    """Hasil kerja and the ordinal predikat score per period for the given NIPs inside the viewer's scope."""
    w, p = _then(scope, "r")
    p["nips"] = list(nips)
    sql = f"""SELECT r.nip, r.periode, r.periode_mulai, r.hasil_kerja, r.skor_ordinal
              FROM fct_riwayat_pegawai r
              WHERE list_contains($nips, r.nip) AND {w} ORDER BY r.nip, r.periode_mulai"""
    return run(con, sql, p, "scores_of")


def listed_history(con: Con, scope: Scope) -> pl.DataFrame:
    """Every (employee, period) the coaching list flagged, with the employee's place and OPD."""
    w, p = where(Filters(), scope, dims=["lokasi", "opd"], period_col=None, person="nip", person_period="periode")
    sql = f"SELECT nip, periode, lokasi, opd FROM mart_pembinaan WHERE {w} ORDER BY periode, nip"
    return run(con, sql, p, "listed_history")


def listed_reasons(con: Con, scope: Scope) -> pl.DataFrame:
    """Every (employee, period) the coaching list flagged, with why (rules), what to coach on and the supervisor
    then, most urgent first within a period (the demo's past cases are opened from these)."""
    w, p = where(Filters(), scope, dims=["lokasi", "opd"], period_col=None, person="nip", person_period="periode")
    sql = f"""SELECT nip, nama, lokasi, opd, periode, periode_mulai, hasil_kerja, predikat, aturan_predikat,
                     aturan_berturut, aturan_tren, indikator_lemah, nilai_lemah, nip_atasan, nama_atasan, urgensi
              FROM mart_pembinaan WHERE {w} ORDER BY periode_mulai, urgensi DESC, nip"""
    return run(con, sql, p, "listed_reasons")


# The detail of one service unit in one survey period (Umpan balik): every count is of that unit's responses in
# that period, the rows fct_ikm counts as its n_responden. Responses are rows about one officer, so they follow
# skm_responses' rule: an aggregate viewer gets none, an Atasan only those about its own people's service.
def _skm_unit_period(scope: Scope, lokasi: str, unit: str, periode: str) -> tuple[str, dict]:
    w, p = where(Filters(), scope, dims=["lokasi", "opd"], period_col=None, individual=True, person="nip_petugas")
    p |= {"unit_lokasi": lokasi, "unit": unit, "skm_periode": periode}
    return w + " AND lokasi = $unit_lokasi AND unit_layanan = $unit AND periode = $skm_periode", p


SKM_PROFILE_FIELDS = ("jenis_kelamin", "pendidikan", "pekerjaan", "layanan")


def skm_respondent_profile(con: Con, scope: Scope, lokasi: str, unit: str, periode: str) -> pl.DataFrame:
    """Respondents of one unit in one survey period per answer of each profile field (kolom, nilai, jumlah),
    blanks counted as null, most frequent first within a field."""
    w, p = _skm_unit_period(scope, lokasi, unit, periode)
    fields = ", ".join(SKM_PROFILE_FIELDS)  # names from the fixed tuple above, never from a user
    # one scan, one grouping per field; a field's own blanks are told apart from the other fields' by grouping()
    which = " ".join(f"WHEN grouping({f}) = 0 THEN '{f}'" for f in SKM_PROFILE_FIELDS)
    value = " ".join(f"WHEN grouping({f}) = 0 THEN {f}" for f in SKM_PROFILE_FIELDS)
    sets = ", ".join(f"({f})" for f in SKM_PROFILE_FIELDS)
    sql = f"""SELECT CASE {which} END AS kolom, CASE {value} END AS nilai, count(*) AS jumlah
              FROM (SELECT {fields} FROM stg_skm WHERE {w})
              GROUP BY GROUPING SETS ({sets}) ORDER BY kolom, jumlah DESC, nilai NULLS LAST"""
    return run(con, sql, p, "skm_respondent_profile")


def skm_comment_groups(
    con: Con, scope: Scope, lokasi: str, unit: str, periode: str, max_score: int, text: str | None = None
) -> pl.DataFrame:
    """Comments of one unit in one survey period, identical ones (ignoring case and spacing) as one row with how
    many gave it, the last date, whether any of them came with an unsur scored `max_score` or lower (a complaint)
    and the mean scores of unsur 3, 7 and 9; most frequent first."""
    w, p = _skm_unit_period(scope, lokasi, unit, periode)
    p["max_score"] = max_score
    if text:
        w += " AND kritik_saran ILIKE '%' || $text || '%'"
        p["text"] = text
    # fct_skm_komentar: the responses with a comment, each with its grouping key and lowest score
    sql = f"""SELECT min(trim(kritik_saran)) AS kritik_saran, count(*) AS jumlah, max(tanggal) AS terakhir,
                     bool_or(skor_min <= $max_score) AS keluhan,
                     avg(u3) AS u3, avg(u7) AS u7, avg(u9) AS u9
              FROM fct_skm_komentar WHERE {w}
              GROUP BY kunci
              ORDER BY jumlah DESC, terakhir DESC, kritik_saran"""
    return run(con, sql, p, "skm_comment_groups")


def skm_complaint_words(
    con: Con, scope: Scope, lokasi: str, unit: str, periode: str, max_score: int, stop_words: list[str], top: int = 12
) -> pl.DataFrame:
    """The words most often in one unit's complaints of one survey period: per word (lower case, letters only,
    three or more, stop words removed) the number of complaints holding it, their share of all complaints and
    the number of all complaints.

    A complaint is a comment whose respondent scored at least one unsur `max_score` or lower."""
    w, p = _skm_unit_period(scope, lokasi, unit, periode)
    p |= {"max_score": max_score, "stop_words": sorted(stop_words), "top": int(top)}
    # fct_skm_komentar holds each comment's distinct words of three letters or more, split when it was built
    sql = f"""WITH keluhan AS (
                  SELECT kata FROM fct_skm_komentar WHERE {w} AND skor_min <= $max_score
              ),
              kata AS (SELECT unnest(kata) AS kata FROM keluhan)
              SELECT kata, count(*) AS n_keluhan, count(*) / (SELECT count(*) FROM keluhan) AS share_keluhan,
                     (SELECT count(*) FROM keluhan) AS n_semua_keluhan
              FROM kata WHERE NOT list_contains($stop_words, kata)
              GROUP BY kata ORDER BY n_keluhan DESC, kata LIMIT $top"""
    return run(con, sql, p, "skm_complaint_words")


_AFTER_EVERY_PERIOD = "\uffff"  # sorts after every period key (keys are ASCII): an open-ended range's end


@_rounded_for_restricted
def employee_counts(con: Con, f: Filters, scope: Scope) -> dict[tuple[str, ...], pl.DataFrame]:
    """Per place and per place and OPD, in one pass: `n_pegawai`, distinct employees with a hasil kerja in range,
    the count the small-group mark (ui.small) judges by, where Skor's `n` counts employee-periods."""
    w, p = where(f, scope, period_col=None)
    # the range snapped to the periods with results: a stretch (fct_kinerja_rentang) reaching both ends has a
    # result inside the range, since every period between its ends is one of the employee's
    # (a range holding no such period at all has its ends crossed, awal > akhir, and counts nobody)
    p |= {"dari": f.dari or "", "sampai": f.sampai or _AFTER_EVERY_PERIOD}
    sql = f"""
        WITH b AS (SELECT (SELECT min(periode) FROM dim_periode_hasil WHERE periode >= $dari) AS awal,
                          (SELECT max(periode) FROM dim_periode_hasil WHERE periode <= $sampai) AS akhir)
        SELECT lokasi, opd, grouping(opd) = 1 AS per_lokasi, count(DISTINCT pid) AS n_pegawai
        FROM fct_kinerja_rentang, b
        WHERE {w} AND b.awal <= b.akhir AND periode_awal <= b.akhir AND periode_akhir >= b.awal
        GROUP BY GROUPING SETS ((lokasi), (lokasi, opd)) ORDER BY lokasi, opd"""
    both = run(con, sql, p, "employee_counts")
    return {
        ("lokasi",): both.filter("per_lokasi").select("lokasi", "n_pegawai"),
        ("lokasi", "opd"): both.filter(~pl.col("per_lokasi")).select("lokasi", "opd", "n_pegawai"),
    }


# Coverage: how complete each period is (agg_cakupan, agg_cakupan_ikm). Counts of people, not figures about them.
def coverage(con: Con, f: Filters, scope: Scope) -> pl.DataFrame:
    """Per place and appraisal period in range: employees on the roster then (`n_pegawai`), those with a result
    (`n_dinilai`) and with an official predikat (`n_resmi`); `cakupan` = n_dinilai / n_pegawai and
    `share_resmi` = n_resmi / n_dinilai (null where nobody was appraised)."""
    w, p = where(f, scope, dims=["lokasi", "opd"])
    sql = f"""SELECT lokasi, periode, min(periode_mulai) AS periode_mulai, sum(n_pegawai) AS n_pegawai,
                     sum(n_dinilai) AS n_dinilai, sum(n_resmi) AS n_resmi
              FROM agg_cakupan WHERE {w} GROUP BY lokasi, periode ORDER BY periode_mulai, lokasi"""
    return run(con, sql, p, "coverage").with_columns(
        (pl.col("n_dinilai") / _per("n_pegawai")).alias("cakupan"),
        (pl.col("n_resmi") / _per("n_dinilai")).alias("share_resmi"),
    )


def with_completeness(cov: pl.DataFrame, cakupan_min: float) -> pl.DataFrame:
    """`coverage` with `lengkap`: whether at least `cakupan_min` of the roster then has a result."""
    return cov.with_columns((pl.col("cakupan").fill_null(0) >= cakupan_min).alias("lengkap"))


def latest_complete(cov: pl.DataFrame, cakupan_min: float) -> pl.DataFrame:
    """Per place with any result: its latest period with a result (`terakhir`) and its latest complete one
    (`terakhir_lengkap`, null when none is complete)."""
    c = with_completeness(cov, cakupan_min).filter(pl.col("n_dinilai") > 0).sort("periode_mulai")
    return (
        c.group_by("lokasi", maintain_order=True)
        .agg(
            pl.col("periode").last().alias("terakhir"),
            pl.col("periode").filter(pl.col("lengkap")).last().alias("terakhir_lengkap"),
        )
        .sort("lokasi")
    )


def default_end(cov: pl.DataFrame, cakupan_min: float, keys: list[str]) -> str | None:
    """The default range's last period: the latest period complete in every place that has a complete one
    (so every place's headline compares complete periods); the last period when no place has one."""
    if not keys:
        return None
    ends = latest_complete(cov, cakupan_min)["terakhir_lengkap"].drop_nulls().to_list()
    order = {k: i for i, k in enumerate(keys)}
    known = [e for e in ends if e in order]
    return min(known, key=order.__getitem__) if known else keys[-1]


def partial_periods(cov: pl.DataFrame, cakupan_min: float) -> pl.DataFrame:
    """The periods in `cov` with a result somewhere that are not complete where they have one, per place:
    lokasi, periode, n_dinilai, n_pegawai (what "sebagian: 3 dari 925 pegawai" says)."""
    c = with_completeness(cov, cakupan_min)
    return c.filter((pl.col("n_dinilai") > 0) & ~pl.col("lengkap")).select("lokasi", "periode", "n_dinilai", "n_pegawai")


def ikm_quarters(cov: pl.DataFrame, cakupan_min: float) -> pl.DataFrame:
    """Survey quarters of an `ikm_coverage` frame across its places: months covered (the most any place has),
    respondents, and `lengkap` when the months cover at least `cakupan_min` of the quarter."""
    per = cov.group_by("periode").agg(pl.col("n_bulan").max(), pl.col("n_responden").sum()).sort("periode")
    return per.with_columns((pl.col("n_bulan") / 3 >= cakupan_min).alias("lengkap"))


def ikm_coverage(con: Con, f: Filters, scope: Scope, by_unit: bool = False) -> pl.DataFrame:
    """Per place (and service unit with `by_unit`) and survey quarter overlapping the range: the months of the
    quarter with responses (`n_bulan`, 0-3) and the responses (`n_responden`). Units under the viewer's
    minimum are left out, as they are from ikm_by_place and ikm_units."""
    w, p = _ikm_where(f, scope)
    unit = ", unit_layanan" if by_unit else ""
    sql = f"""WITH i AS (SELECT lokasi, unit_layanan, periode, periode_mulai FROM fct_ikm
                         WHERE {w} AND n_responden >= $min_group),
              c AS (SELECT i.*, c.bulan, c.n_responden FROM i JOIN agg_cakupan_ikm c USING (lokasi, unit_layanan, periode))
              SELECT lokasi{unit}, periode, min(periode_mulai) AS periode_mulai,
                     len(list_distinct(flatten(list(bulan)))) AS n_bulan, sum(n_responden) AS n_responden
              FROM c GROUP BY lokasi{unit}, periode ORDER BY lokasi{unit}, periode"""
    return run(con, sql, {**p, "min_group": _min_group(scope)}, "ikm_coverage")
