"""Named queries of issue 24: rater calibration, the nine-box talent map, SKP compliance. Each applies the viewer's
scope in SQL (warehouse.db.where): rows about one person go to no aggregate viewer; an aggregate viewer's groups
under its minimum are left out (`min_group`) and the page says so."""

from __future__ import annotations

from statistics import NormalDist

import duckdb
import polars as pl

from warehouse.db import Filters, Scope, run, where

Con = duckdb.DuckDBPyConnection
DIMS = ["lokasi", "opd", "unit_kerja"]
TALENT_DIMS = [*DIMS, "jenis_jabatan"]  # the talent map can be cut by jabatan level too (fct_talenta carries it)


def _min_group(scope: Scope) -> int:
    return scope.min_group if scope.suppresses else 0


def _z(confidence: float) -> float:
    return NormalDist().inv_cdf(0.5 + confidence / 2)


# ---- calibration


def rater_calibration(
    con: Con, f: Filters, scope: Scope, min_n: int = 3, batas: float = 5.0, confidence: float = 0.95
) -> pl.DataFrame:
    """Per superior (rater NIP) over the periods in range: people rated, mean score given, the mean the same people
    got from their other raters, the share of Sangat Baik among those rated, and how far the rater is from their OPD
    (`selisih_unit`, with its interval `ci`): how much more they give than others give the same people, less the
    same for all superiors of the OPD; where nobody else rated the rater's people, the mean given less the OPD's.
    Flagged (`ditandai`) when that is at least `batas` points and the interval excludes zero, with at least `min_n`
    people rated."""
    w, p = where(f, scope, dims=["lokasi", "opd"], person="nip_penilai", alias="k")
    w_unit, p_unit = where(f, scope, dims=["lokasi", "opd"])
    sql = f"""
        WITH unit AS (
            SELECT lokasi, opd, avg(skor_diberi) AS rata_unit, avg(skor_diberi - skor_lain) AS selisih_lain_unit
            FROM fct_kalibrasi WHERE {w_unit} GROUP BY ALL)
        SELECT k.nip_penilai, any_value(k.nama_penilai) AS nama_penilai, k.lokasi, k.opd,
            count(DISTINCT k.nip) AS n_dinilai, count(*) AS n_penilaian,
            avg(k.skor_diberi) AS rata_diberi, avg(k.skor_lain) AS rata_lain,
            any_value(u.rata_unit) AS rata_unit,
            count(k.skor_diberi - k.skor_lain) AS n_banding,
            avg(k.skor_diberi - k.skor_lain) - any_value(u.selisih_lain_unit) AS selisih_banding,
            coalesce(stddev_samp(k.skor_diberi - k.skor_lain), 0) AS sd_banding,
            avg(k.skor_diberi) - any_value(u.rata_unit) AS selisih_diberi,
            coalesce(stddev_samp(k.skor_diberi), 0) AS sd_diberi,
            avg(CASE WHEN k.predikat IS NOT NULL THEN (k.predikat = 'Sangat Baik')::INT END) AS share_sangat_baik
        FROM fct_kalibrasi k JOIN unit u USING (lokasi, opd)
        WHERE {w}
        GROUP BY k.nip_penilai, k.lokasi, k.opd"""
    out = run(con, sql, {**p_unit, **p}, "rater_calibration")
    z = _z(confidence)
    compared = pl.col("n_banding") > 0
    half = pl.when(compared).then(pl.col("sd_banding") / pl.col("n_banding").cast(pl.Float64).sqrt())
    half = half.otherwise(pl.col("sd_diberi") / pl.col("n_penilaian").cast(pl.Float64).sqrt()) * z
    out = out.with_columns(
        pl.when(compared).then(pl.col("selisih_banding")).otherwise(pl.col("selisih_diberi")).alias("selisih_unit"),
        half.alias("ci"),
    ).drop("n_banding", "selisih_banding", "sd_banding", "selisih_diberi", "sd_diberi")
    far = (pl.col("selisih_unit").abs() >= batas) & ((pl.col("selisih_unit").abs() - pl.col("ci")) > 0)
    return out.with_columns(
        (pl.col("n_dinilai") < min_n).alias("sedikit"),
        (far & (pl.col("n_dinilai") >= min_n)).alias("ditandai"),
    ).sort(["ditandai", "selisih_unit"], descending=[True, True])


def calibration_summary(
    con: Con, f: Filters, scope: Scope, min_n: int = 3, batas: float = 5.0, confidence: float = 0.95
) -> pl.DataFrame:
    """Per place and OPD: raters, those lenient and harsh (as rater_calibration flags them). Counted over every
    rater in scope; for an aggregate viewer, OPDs with fewer raters than its minimum are left out."""
    open_scope = Scope(lokasi=scope.lokasi, opd=scope.opd, atasan=scope.atasan)  # counts only leave this function
    raters = rater_calibration(con, f, open_scope, min_n, batas, confidence)
    out = (
        raters.group_by("lokasi", "opd")
        .agg(
            pl.len().alias("n_penilai"),
            (pl.col("ditandai") & (pl.col("selisih_unit") > 0)).sum().alias("n_murah"),
            (pl.col("ditandai") & (pl.col("selisih_unit") < 0)).sum().alias("n_ketat"),
        )
        .sort("lokasi", "opd")
    )
    return out.filter(pl.col("n_penilai") >= _min_group(scope))


def rating_gaps(con: Con, f: Filters, scope: Scope) -> pl.DataFrame:
    """Per place and OPD: self minus superior and peers minus superior (mean, n, share of self above superior),
    over employee-periods in range with both scores. Groups under the viewer's minimum are left out."""
    w, p = where(f, scope, dims=DIMS)
    sql = f"""
        SELECT lokasi, opd,
            count(skor_diri - skor_atasan) AS n_diri,
            avg(skor_diri - skor_atasan) AS selisih_diri,
            avg((skor_diri > skor_atasan)::INT) FILTER (WHERE skor_diri IS NOT NULL AND skor_atasan IS NOT NULL)
                AS share_diri_lebih,
            count(skor_rekan - skor_atasan) AS n_rekan,
            avg(skor_rekan - skor_atasan) AS selisih_rekan
        FROM fct_selisih WHERE {w} GROUP BY lokasi, opd ORDER BY lokasi, opd"""
    out = run(con, sql, p, "rating_gaps")
    k = _min_group(scope)
    return out.with_columns(
        pl.when(pl.col("n_diri") >= max(k, 1)).then(pl.col(c)).alias(c) for c in ("selisih_diri", "share_diri_lebih")
    ).with_columns(pl.when(pl.col("n_rekan") >= max(k, 1)).then(pl.col("selisih_rekan")).alias("selisih_rekan"))


def gap_distribution(con: Con, f: Filters, scope: Scope, width: float = 2.5) -> pl.DataFrame:
    """How many employee-periods in range fall in each gap bin (`width` points), for self and peers against the
    superior; bins under the viewer's minimum are left out."""
    w, p = where(f, scope, dims=DIMS)
    p["w"] = float(width)
    sql = f"""
        SELECT 'diri' AS jenis, floor((skor_diri - skor_atasan) / $w) * $w AS bin, count(*) AS n
        FROM fct_selisih WHERE skor_diri IS NOT NULL AND skor_atasan IS NOT NULL AND {w} GROUP BY ALL
        UNION ALL
        SELECT 'rekan', floor((skor_rekan - skor_atasan) / $w) * $w, count(*)
        FROM fct_selisih WHERE skor_rekan IS NOT NULL AND skor_atasan IS NOT NULL AND {w} GROUP BY ALL
        ORDER BY 1, 2"""
    out = run(con, sql, p, "gap_distribution")
    return out.filter(pl.col("n") >= _min_group(scope))


def big_movers(con: Con, f: Filters, scope: Scope, levels: int = 2) -> pl.DataFrame:
    """Employees whose predikat moved `levels` or more between the last period in range and the one before it
    (same kind of period), with both predikat and where they are now."""
    w, p = where(f, scope, dims=DIMS, person="nip")
    w_last, p_last = where(f, scope, dims=DIMS)
    p.update(p_last)
    p["levels"] = int(levels)
    sql = f"""
        WITH last AS (SELECT max(periode) AS periode FROM fct_selisih WHERE {w_last}),
        k AS (
            SELECT k.nip, k.periode, k.periode_mulai, k.predikat, c.ordinal,
                lag(k.predikat) OVER w AS predikat_lalu, lag(c.ordinal) OVER w AS ordinal_lalu,
                lag(k.periode) OVER w AS periode_lalu
            FROM fct_kinerja k JOIN cfg_predikat c ON c.predikat = k.predikat
            WHERE k.periode <= (SELECT periode FROM last) AND k.rezim = 'PermenPANRB 6/2022'
            WINDOW w AS (PARTITION BY k.nip, k.periode_jenis ORDER BY k.periode_mulai)
        )
        SELECT k.nip, d.nama, d.lokasi, d.opd, d.unit_kerja, k.periode_lalu, k.predikat_lalu, k.periode, k.predikat,
            k.ordinal - k.ordinal_lalu AS lompatan
        FROM k JOIN fct_penempatan d USING (nip, periode)
        WHERE k.periode = (SELECT periode FROM last) AND abs(k.ordinal - k.ordinal_lalu) >= $levels AND {w}
        ORDER BY abs(lompatan) DESC, d.lokasi, d.opd, k.nip"""
    return run(con, sql, p, "big_movers")


# ---- talent map


def talent_years(con: Con) -> list[str]:
    """Years of the talent map, newest first."""
    return run(con, "SELECT DISTINCT tahun FROM fct_talenta ORDER BY tahun DESC", name="talent_years")["tahun"].to_list()


def nine_box_counts(con: Con, f: Filters, scope: Scope, tahun: str) -> pl.DataFrame:
    """People per box (1-9; 0: no assessment) in the year, in the selection; for an aggregate viewer, boxes under
    its minimum have no count (`n` null, `kecil` true), and when only one would be hidden the next smallest is too
    (else the total less the others would give it)."""
    w, p = where(f, scope, dims=TALENT_DIMS if not scope.suppresses else ["lokasi", "opd"], period_col=None)
    p["tahun"] = tahun
    sql = f"""SELECT coalesce(kotak, 0) AS kotak, count(*) AS n FROM fct_talenta
              WHERE tahun = $tahun AND {w} GROUP BY 1 ORDER BY 1"""
    out = run(con, sql, p, "nine_box_counts")
    k = _min_group(scope)
    small = out.with_columns((pl.col("n") < k).alias("kecil"))
    if small["kecil"].sum() == 1 and small.height > 1:  # one hidden box would be the total less the others: hide the next
        smallest = small.filter(~pl.col("kecil")).sort("n", "kotak")["kotak"][0]
        small = small.with_columns((pl.col("kecil") | (pl.col("kotak") == smallest)).alias("kecil"))
    return small.with_columns(pl.when(pl.col("kecil")).then(None).otherwise(pl.col("n")).alias("n"))


def nine_box_people(con: Con, f: Filters, scope: Scope, tahun: str) -> pl.DataFrame:
    """Each person's box in the year with its reason (kinerja score and years, the assessment) and any sanction."""
    w, p = where(f, scope, dims=TALENT_DIMS, period_col=None, person="nip")
    p["tahun"] = tahun
    sql = f"SELECT * FROM fct_talenta WHERE tahun = $tahun AND {w} ORDER BY kotak DESC NULLS LAST, nilai_kinerja DESC, nip"
    return run(con, sql, p, "nine_box_people")


def nine_box_transitions(con: Con, f: Filters, scope: Scope, tahun: str) -> pl.DataFrame:
    """People by (box the year before, box this year) in the selection (0: no box); an aggregate viewer gets the
    table only when every cell holds at least their minimum."""
    w, p = where(f, scope, dims=TALENT_DIMS if not scope.suppresses else ["lokasi", "opd"], period_col=None, alias="b")
    p["tahun"], p["lalu"] = tahun, str(int(tahun) - 1)
    sql = f"""
        SELECT coalesce(a.kotak, 0) AS kotak_lalu, coalesce(b.kotak, 0) AS kotak, count(*) AS n
        FROM fct_talenta b JOIN fct_talenta a ON a.nip = b.nip AND a.tahun = $lalu
        WHERE b.tahun = $tahun AND {w} GROUP BY ALL ORDER BY 1, 2"""
    out = run(con, sql, p, "nine_box_transitions")
    # a hidden cell would be its box's count less the cells shown: the whole table or nothing
    return out.clear() if (out["n"] < _min_group(scope)).any() else out


def succession_pool(con: Con, f: Filters, scope: Scope, tahun: str) -> pl.DataFrame:
    """Everyone in a succession box in the year; those a sanction keeps out are listed with it (`kelompok_suksesi`
    false)."""
    w, p = where(f, scope, dims=TALENT_DIMS, period_col=None, person="nip")
    p["tahun"] = tahun
    sql = f"""SELECT * FROM fct_talenta WHERE tahun = $tahun AND calon_suksesi AND {w}
              ORDER BY kelompok_suksesi DESC, kotak DESC, nilai_kinerja DESC, nip"""
    return run(con, sql, p, "succession_pool")


def employee_boxes(con: Con, scope: Scope, nip: str) -> pl.DataFrame:
    """An employee's box in every year (for their profile), if the viewer may see them."""
    w, p = where(Filters(), scope, dims=["lokasi", "opd"], period_col=None, person="nip")
    p["nip"] = nip
    return run(con, f"SELECT * FROM fct_talenta WHERE nip = $nip AND {w} ORDER BY tahun DESC", p, "employee_boxes")


# ---- SKP compliance


def compliance_periods(con: Con) -> list[str]:
    """Appraisal periods of the compliance table, newest first."""
    sql = "SELECT DISTINCT periode FROM fct_kepatuhan ORDER BY periode DESC"
    return run(con, sql, name="compliance_periods")["periode"].to_list()


def compliance_by_opd(con: Con, f: Filters, scope: Scope, periode: str) -> pl.DataFrame:
    """Per place and OPD in one period: employees due an SKP (the excused counted apart), how many have an SKP, a
    realisasi, a rating, and the shares; OPDs under an aggregate viewer's minimum are left out."""
    w, p = where(f, scope, dims=DIMS if not scope.suppresses else ["lokasi", "opd"], period_col=None)
    p["periode"] = periode
    sql = f"""
        SELECT lokasi, opd, count(*) FILTER (WHERE NOT dikecualikan) AS n_wajib,
            count(*) FILTER (WHERE dikecualikan) AS n_dikecualikan,
            count(*) FILTER (WHERE NOT dikecualikan AND ada_skp) AS n_skp,
            count(*) FILTER (WHERE NOT dikecualikan AND ada_realisasi) AS n_realisasi,
            count(*) FILTER (WHERE NOT dikecualikan AND ada_rating) AS n_rating
        FROM fct_kepatuhan WHERE periode = $periode AND {w} GROUP BY lokasi, opd ORDER BY lokasi, opd"""
    out = run(con, sql, p, "compliance_by_opd").filter(pl.col("n_wajib") >= _min_group(scope))
    due = pl.when(pl.col("n_wajib") > 0).then(pl.col("n_wajib"))
    return out.with_columns((pl.col(f"n_{c}") / due).alias(f"share_{c}") for c in ("skp", "realisasi", "rating"))


def compliance_missing(con: Con, f: Filters, scope: Scope, periode: str) -> pl.DataFrame:
    """Employees due an SKP in the period who lack an SKP, a realisasi or a rating (not the excused)."""
    w, p = where(f, scope, dims=DIMS, period_col=None, person="nip", person_period="periode")
    p["periode"] = periode
    sql = f"""SELECT nip, nama, lokasi, opd, unit_kerja, jabatan, periode, ada_skp, ada_realisasi, ada_rating
              FROM fct_kepatuhan WHERE periode = $periode AND NOT dikecualikan
                AND NOT (ada_skp AND ada_realisasi AND ada_rating) AND {w}
              ORDER BY ada_skp, ada_realisasi, ada_rating, lokasi, opd, nip"""
    return run(con, sql, p, "compliance_missing")


def compliance_excluded(con: Con, f: Filters, scope: Scope, periode: str) -> pl.DataFrame:
    """Employees excused in the period and why (for roles that see people)."""
    w, p = where(f, scope, dims=DIMS, period_col=None, person="nip", person_period="periode")
    p["periode"] = periode
    sql = f"""SELECT nip, nama, lokasi, opd, unit_kerja, alasan_pengecualian FROM fct_kepatuhan
              WHERE periode = $periode AND dikecualikan AND {w} ORDER BY lokasi, opd, nip"""
    return run(con, sql, p, "compliance_excluded")


def compliance_trend(con: Con, f: Filters, scope: Scope) -> pl.DataFrame:
    """Per period in range: shares of those due with an SKP, a realisasi and a rating (periods under an aggregate
    viewer's minimum left out)."""
    w, p = where(f, scope, dims=DIMS if not scope.suppresses else ["lokasi", "opd"])
    sql = f"""
        SELECT periode, min(periode_mulai) AS periode_mulai, count(*) FILTER (WHERE NOT dikecualikan) AS n_wajib,
            avg(ada_skp::INT) FILTER (WHERE NOT dikecualikan) AS share_skp,
            avg(ada_realisasi::INT) FILTER (WHERE NOT dikecualikan) AS share_realisasi,
            avg(ada_rating::INT) FILTER (WHERE NOT dikecualikan) AS share_rating
        FROM fct_kepatuhan WHERE {w} GROUP BY periode ORDER BY periode"""
    return run(con, sql, p, "compliance_trend").filter(pl.col("n_wajib") >= _min_group(scope))
