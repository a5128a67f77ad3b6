"""Deterministic demo data for Bangko, Jambi, Belawan and Rakumpit, written as the files users bring.

`generate()` makes the frames (any scale); `write_demo_files()` writes them as Excel,
CSV with Indonesian headers and decimal commas, and Parquet; `build_demo()` loads
those files through the real pipeline. Stories a leader should find:
Disdukcapil Jambi improves, Dinas PUPR Bangko declines, a handful of persistent
underperformers, a lenient superior in Belawan, a Jambi unit whose official predikat
mix breaks the kurva distribusi, and Puskesmas Rakumpit (good appraisals, poor SKM).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import polars as pl

from domain.appraisal import BERAKHLAK
from pipelines.demo import catalog as cat
from pipelines.demo import talenta

IMPROVING = ("Jambi", "Disdukcapil")
DECLINING = ("Bangko", "Dinas PUPR")
GOOD_APPRAISAL_POOR_SKM = ("Rakumpit", "Dinas Kesehatan", "Puskesmas Rakumpit")
LENIENT_UNIT = ("Belawan", "Kelurahan Belawan Bahari")
CURVE_BREAKER = ("Jambi", "Kelurahan Telanaipura")
N_UNDERPERFORMERS = 8


@dataclass
class DemoData:
    """The demo frames, in canonical column names."""

    pegawai: pl.DataFrame
    capaian: pl.DataFrame
    perilaku: pl.DataFrame
    evaluasi: pl.DataFrame
    skm: pl.DataFrame
    asesmen: pl.DataFrame | None = None
    sanksi: pl.DataFrame | None = None
    pengecualian: pl.DataFrame | None = None


def months(n: int, last: date = date(2026, 10, 1)) -> list[date]:
    """The n monthly period starts ending at `last`."""
    out, y, m = [], last.year, last.month
    for _ in range(n):
        out.append(date(y, m, 1))
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out[::-1]


def _units() -> pl.DataFrame:
    rows = [(lok, opd, unit) for lok, opds in cat.OPD.items() for opd, units in opds.items() for unit in units]
    return pl.DataFrame(rows, schema=["lokasi", "opd", "unit_kerja"], orient="row")


def _nips(rng: np.random.Generator, n: int, pppk: np.ndarray, sex: np.ndarray) -> np.ndarray:
    idx = np.arange(n)
    birth = np.datetime64("1966-01-01") + rng.integers(0, 32 * 365, n).astype("timedelta64[D]")
    by = birth.astype("datetime64[Y]").astype(int) + 1970
    tmt_y = np.minimum(by + rng.integers(22, 34, n), 2024)
    tmt_m = rng.integers(1, 13, n)
    seq = idx % 999 + 1
    b = np.datetime_as_string(birth, unit="D")
    bstr = np.char.replace(b, "-", "")
    pns_mid = np.char.add(tmt_y.astype(str), np.char.zfill(tmt_m.astype(str), 2))
    pppk_mid = np.char.add(np.maximum(tmt_y, 2019).astype(str), np.char.add("2", (rng.integers(1, 4, n)).astype(str)))
    mid = np.where(pppk, pppk_mid, pns_mid)
    tail = np.char.add(sex.astype(str), np.char.zfill(seq.astype(str), 3))
    return np.char.add(np.char.add(bstr, mid), tail)


def _pegawai(rng: np.random.Generator, n: int) -> pl.DataFrame:
    units = _units()
    lok = rng.choice(list(cat.BOBOT_LOKASI), n, p=list(cat.BOBOT_LOKASI.values()))
    frame = pl.DataFrame({"lokasi": lok, "r": rng.random(n)})
    per_lok = units.group_by("lokasi", maintain_order=True).agg(pl.struct("opd", "unit_kerja").alias("u"))
    frame = (
        frame.join(per_lok, on="lokasi", how="left")
        .with_columns(pl.col("u").list.get((pl.col("r") * pl.col("u").list.len()).cast(pl.Int64)).alias("u"))
        .unnest("u")
        .drop("r")
    )
    pppk = rng.random(n) < 0.15
    sex = rng.integers(1, 3, n)
    first = rng.choice(cat.NAMA_DEPAN, n)
    last = rng.choice(cat.NAMA_BELAKANG, n)
    frame = frame.with_columns(
        pl.Series("nip", _nips(rng, n, pppk, sex)),
        pl.Series("nama", np.char.add(np.char.add(first, " "), last)),
        pl.Series("jenis_kelamin", np.where(sex == 1, "L", "P")),
        pl.Series("status_asn", np.where(pppk, "PPPK", "PNS")),
        pl.Series("kemampuan", rng.normal(0, 1, n)),
        pl.Series("jf", rng.random(n)),
        pl.Series("gol_i", rng.integers(0, 9, n)),
    ).unique("nip", keep="first", maintain_order=True)
    frame = frame.with_columns(
        pl.int_range(pl.len()).over("lokasi", "opd", "unit_kerja").alias("urut_unit"),
        pl.int_range(pl.len()).over("lokasi", "opd").alias("urut_opd"),
    )
    head_opd = pl.col("urut_opd") == 0
    head_unit = (pl.col("urut_unit") == 0) & ~head_opd
    pns_gol = ["II/a", "II/b", "II/c", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b"]
    frame = frame.with_columns(
        pl.when(head_opd)
        .then(pl.when(pl.col("opd").str.starts_with("Kecamatan")).then(pl.lit("Administrator")).otherwise(pl.lit("JPT")))
        .when(head_unit)
        .then(pl.lit("Pengawas"))
        .when(pl.col("jf") < 0.45)
        .then(pl.lit("Fungsional"))
        .otherwise(pl.lit("Pelaksana"))
        .alias("jenis_jabatan"),
        pl.when(pl.col("status_asn") == "PPPK")
        .then(pl.col("gol_i").replace_strict(dict(enumerate(["V", "V", "VII", "VII", "IX", "IX", "X", "X", "XI"]))))
        .when(head_opd)
        .then(pl.lit("IV/b"))
        .otherwise(pl.col("gol_i").replace_strict(dict(enumerate(pns_gol))))
        .alias("golongan"),
    )
    frame = frame.with_columns(
        pl.when(pl.col("jenis_jabatan") == "JPT")
        .then(pl.lit("Kepala ") + pl.col("opd"))
        .when(pl.col("jenis_jabatan") == "Administrator")
        .then(pl.lit("Camat ") + pl.col("opd").str.replace("Kecamatan ", ""))
        .when(pl.col("jenis_jabatan") == "Pengawas")
        .then(pl.lit("Kepala ") + pl.col("unit_kerja"))
        .when(pl.col("jenis_jabatan") == "Fungsional")
        .then(pl.lit("Pranata Ahli Pertama"))
        .otherwise(pl.lit("Pengadministrasi Umum"))
        .alias("jabatan"),
        pl.col("lokasi").replace_strict(cat.INSTANSI).alias("instansi"),
    )
    heads_opd = frame.filter(head_opd).select("lokasi", "opd", pl.col("nip").alias("nip_kepala_opd"))
    heads_unit = frame.filter(pl.col("urut_unit") == 0).select(
        "lokasi", "opd", "unit_kerja", pl.col("nip").alias("nip_kepala_unit")
    )
    frame = frame.join(heads_opd, on=["lokasi", "opd"], how="left").join(
        heads_unit, on=["lokasi", "opd", "unit_kerja"], how="left"
    )
    frame = frame.with_columns(
        pl.when(head_opd)
        .then(None)
        .when(pl.col("nip") == pl.col("nip_kepala_unit"))
        .then(pl.col("nip_kepala_opd"))
        .otherwise(pl.col("nip_kepala_unit"))
        .alias("nip_atasan")
    )
    # A handful of persistent underperformers among ordinary staff.
    staff = frame.with_row_index("i").filter(pl.col("jenis_jabatan").is_in(["Pelaksana", "Fungsional"]))
    picks = staff["i"].gather(np.linspace(0, staff.height - 1, N_UNDERPERFORMERS).astype(int))
    return (
        frame.with_row_index("i")
        .with_columns(pl.when(pl.col("i").is_in(picks.implode())).then(-3.2).otherwise(pl.col("kemampuan")).alias("kemampuan"))
        .drop("i", "jf", "gol_i", "urut_unit", "urut_opd", "nip_kepala_opd", "nip_kepala_unit")
    )


def _opd_effect(lokasi: pl.Expr, opd: pl.Expr, t: pl.Expr, n_periods: int) -> pl.Expr:
    frac = t / max(n_periods - 1, 1)
    return (
        pl.when((lokasi == IMPROVING[0]) & (opd == IMPROVING[1]))
        .then(-14 + 28 * frac)
        .when((lokasi == DECLINING[0]) & (opd == DECLINING[1]))
        .then(6 - 26 * frac)
        .when((lokasi == GOOD_APPRAISAL_POOR_SKM[0]) & (opd == GOOD_APPRAISAL_POOR_SKM[1]))
        .then(pl.lit(8.0))
        .otherwise(pl.lit(0.0))
    )


def _assignments(rng: np.random.Generator, peg: pl.DataFrame) -> pl.DataFrame:
    """Each employee's 3 to 6 indicators with integer weights summing to 100."""
    ind = pl.DataFrame(
        [(k, i, *v) for k, vals in cat.INDIKATOR.items() for i, v in enumerate(vals)],
        schema=["tipe", "k", "indikator", "satuan", "arah", "target"],
        orient="row",
    )
    tipe = pl.when(pl.col("opd").is_in(list(cat.INDIKATOR))).then(pl.col("opd")).otherwise(pl.lit("_umum"))
    emp = peg.select("nip", tipe.alias("tipe")).with_columns(pl.Series("n_ind", rng.integers(3, 7, peg.height)))
    a = emp.join(ind, on="tipe", how="inner")
    a = a.with_columns(pl.Series("r", rng.random(a.height)))
    a = a.with_columns(pl.col("r").rank("ordinal").over("nip").alias("rk")).filter(pl.col("rk") <= pl.col("n_ind"))
    a = a.with_columns(pl.Series("w", rng.integers(1, 4, a.height)).cast(pl.Float64))
    a = a.with_columns((pl.col("w") / pl.col("w").sum().over("nip") * 100).round(0).alias("bobot"))
    fix = 100 - pl.col("bobot").sum().over("nip")
    return a.with_columns(
        pl.when(pl.col("rk") == 1).then(pl.col("bobot") + fix).otherwise(pl.col("bobot")).alias("bobot")
    ).select("nip", "indikator", "satuan", "arah", "target", "bobot")


def _capaian(
    rng: np.random.Generator,
    peg: pl.DataFrame,
    assign: pl.DataFrame,
    periods: list[date],
    t0: int = 0,
    n_total: int | None = None,
) -> pl.DataFrame:
    """Indicator results for `periods`; t0 and n_total place a chunk of periods inside the whole series."""
    per = pl.DataFrame({"periode_mulai": periods, "t": list(range(t0, t0 + len(periods)))})
    f = assign.join(per, how="cross").join(peg.select("nip", "lokasi", "opd", "kemampuan"), on="nip")
    pct = (
        100
        + 7 * pl.col("kemampuan")
        + _opd_effect(pl.col("lokasi"), pl.col("opd"), pl.col("t"), n_total or len(periods))
        + pl.Series("e", rng.normal(0, 6, f.height))
    ).clip(20, 160)
    counted = ["dokumen", "orang", "kunjungan", "unit", "titik", "kejadian", "laporan", "berkas", "kegiatan"]
    whole = pl.col("satuan").is_in(counted)
    real = pl.when(pl.col("arah") == "turun").then(pl.col("target") * 100 / pct).otherwise(pl.col("target") * pct / 100)
    return f.with_columns(
        pl.when(whole).then(real.round(0)).otherwise(real.round(1)).alias("realisasi"),
        pl.col("periode_mulai").dt.strftime("%Y-%m").alias("periode"),
    ).select("nip", "periode", "periode_mulai", "indikator", "satuan", "target", "realisasi", "bobot", "arah")


def _perilaku(
    rng: np.random.Generator, peg: pl.DataFrame, periods: list[date], t0: int = 0, n_total: int | None = None
) -> pl.DataFrame:
    per = pl.DataFrame({"periode_mulai": periods, "t": list(range(t0, t0 + len(periods)))})
    lenient = peg.filter(
        (pl.col("lokasi") == LENIENT_UNIT[0])
        & (pl.col("unit_kerja") == LENIENT_UNIT[1])
        & (pl.col("jenis_jabatan") == "Pengawas")
    )["nip"].to_list()
    # Everyone is rated, heads of OPD included: their superior is the Sekda or the head of region, who is not
    # on an OPD roster, so their atasan rating names no rater NIP.
    base = peg.join(per, how="cross")
    rows = []
    for role, rater in (("atasan", pl.col("nip_atasan")), ("rekan", pl.lit(None, dtype=pl.String))):
        b = base.with_columns(pl.lit(role).alias("peran_penilai"), rater.alias("nip_penilai"))
        level = (
            81
            + 5 * pl.col("kemampuan")
            + 0.3 * _opd_effect(pl.col("lokasi"), pl.col("opd"), pl.col("t"), n_total or len(periods))
            + pl.when(pl.col("nip_penilai").is_in(lenient)).then(14.0).otherwise(0.0)
            + pl.Series("e", rng.normal(0, 3, b.height))
        )
        vals = {v: (level + pl.Series(v, rng.normal(0, 4, b.height))).clip(40, 100).round(0) for v in BERAKHLAK}
        rows.append(b.with_columns(**vals))
    out = pl.concat(rows)
    return out.with_columns(pl.col("periode_mulai").dt.strftime("%Y-%m").alias("periode")).select(
        "nip",
        "periode",
        "peran_penilai",
        "nip_penilai",
        *BERAKHLAK,
    )


_RATINGS = {
    "Sangat Baik": ("DI ATAS EKSPEKTASI", "Di Atas Ekspektasi"),
    "Baik": ("Sesuai Ekspektasi", "sesuai"),
    "Butuh Perbaikan": ("Di Bawah Ekspektasi", "Sesuai Ekspektasi"),
    "Kurang/Misconduct": ("Sesuai Ekspektasi", "dibawah ekspektasi"),
}


def _evaluasi(peg: pl.DataFrame, cap: pl.DataFrame, periods: list[date]) -> pl.DataFrame:
    """Official e-Kinerja results for Kota Jambi's last six periods, ranked within each unit."""
    last = [p.strftime("%Y-%m") for p in periods[-6:]]
    score = (
        cap.filter(pl.col("periode").is_in(last))
        .with_columns(
            pl.when(pl.col("arah") == "turun")
            .then(pl.col("target") / pl.col("realisasi"))
            .otherwise(pl.col("realisasi") / pl.col("target"))
            .alias("c")
        )
        .group_by("nip", "periode")
        .agg((pl.col("c") * pl.col("bobot")).sum().alias("s"))
    )
    f = score.join(peg.filter(pl.col("lokasi") == "Jambi").select("nip", "unit_kerja"), on="nip")
    rank = (pl.col("s").rank("ordinal", descending=True).over("unit_kerja", "periode") - 1) / pl.len().over(
        "unit_kerja", "periode"
    )
    n = pl.len().over("unit_kerja", "periode")
    breaker = pl.col("unit_kerja") == CURVE_BREAKER[1]
    pred = (
        pl.when(breaker & (rank < 0.15))
        .then(pl.lit("Sangat Baik"))
        .when(breaker)
        .then(pl.lit("Baik"))
        .when(rank < 0.2)
        .then(pl.lit("Sangat Baik"))
        # at least one below Baik in every unit: the bottom ceil(10%) of staff
        .when(rank >= 1 - (n * 0.1).ceil() / n)
        .then(pl.lit("Butuh Perbaikan"))
        .otherwise(pl.lit("Baik"))
    )
    f = f.with_columns(pred.alias("predikat"))
    f = f.with_columns(
        pl.col("predikat").replace_strict({k: v[0] for k, v in _RATINGS.items()}).alias("rating_hasil_kerja"),
        pl.col("predikat").replace_strict({k: v[1] for k, v in _RATINGS.items()}).alias("rating_perilaku"),
        pl.lit("Baik").alias("predikat_organisasi"),
        pl.when(pl.col("predikat") == "Sangat Baik").then(pl.lit("Ya")).otherwise(pl.lit("Tidak")).alias("inovasi"),
    )
    return f.sort("periode", "nip").select(
        "nip", "periode", "rating_hasil_kerja", "rating_perilaku", "predikat", "predikat_organisasi", "inovasi"
    )


def _skm(rng: np.random.Generator, peg: pl.DataFrame, periods: list[date], responses: int | None = None) -> pl.DataFrame:
    """Survey responses per service unit and quarter; `responses` sets the total (default: 60-160 per quarter)."""
    quarters = sorted({(p.year, (p.month - 1) // 3 + 1) for p in periods})[-8:]
    per_cell = responses / (len(quarters) * sum(len(u) for u in cat.LAYANAN.values())) if responses else None
    buruk = np.array([cat.KRITIK_BURUK[i] for i in range(1, 10)])
    parts = []
    for lok, units in cat.LAYANAN.items():
        for unit, opd, layanan in units:
            staff = peg.filter((pl.col("lokasi") == lok) & (pl.col("opd") == opd))["nip"].to_numpy()
            poor = unit == GOOD_APPRAISAL_POOR_SKM[2]
            small = unit == "Kantor Lurah Petuk Bukit"
            for year, q in quarters:
                n = int(rng.integers(18, 30)) if small else int(rng.integers(60, 160))
                if per_cell:
                    n = max(n, int(per_cell * rng.uniform(0.8, 1.2)))
                quality = 2.35 if poor else float(rng.uniform(3.05, 3.45))
                ans = np.clip(np.rint(rng.normal(quality, 0.6, (n, 9))), 1, 4).astype(int)
                if poor:
                    ans[:, 2] = np.clip(ans[:, 2] - 1, 1, 4)  # waiting time pulls the index down
                start = date(year, (q - 1) * 3 + 1, 1)
                days = rng.integers(0, 89, n)
                tgl = np.datetime64(start, "D") + days.astype("timedelta64[D]")
                worst = ans.argmin(axis=1) + 1
                low = ans.min(axis=1) <= 2
                good = rng.choice(cat.KRITIK_BAIK, n)
                kritik = np.where(low, buruk[worst - 1], good)
                named = rng.random(n) < 0.6
                # a small demo can leave a service unit without staff: its forms then name no officer
                petugas = pl.Series(rng.choice(staff, n) if len(staff) else [None] * n, dtype=pl.String)
                petugas = pl.select(pl.when(pl.Series(named)).then(petugas)).to_series()
                frame = pl.DataFrame(
                    {
                        "unit_layanan": unit,
                        "lokasi": lok,
                        "opd": opd,
                        "layanan": layanan,
                        "tanggal": pl.Series(tgl).cast(pl.Date),
                        **{f"u{i + 1}": ans[:, i] for i in range(9)},
                        "jenis_kelamin": rng.choice(["L", "P"], n),
                        "usia": rng.integers(17, 75, n),
                        "pendidikan": rng.choice(cat.PENDIDIKAN, n),
                        "pekerjaan": rng.choice(cat.PEKERJAAN, n),
                        "kritik_saran": kritik,
                        "nip_petugas": petugas,
                    }
                )
                parts.append(frame)
    out = pl.concat(parts)
    return out.filter(pl.col("tanggal") < date(2026, 11, 1))


def generate(employees: int = 3000, periods: int = 24, seed: int = 20261123, with_skm: bool = True) -> DemoData:
    """All demo frames at a given scale; the same seed always gives the same data."""
    rng = np.random.default_rng(seed)
    peg = _pegawai(rng, employees)
    per = months(periods)
    assign = _assignments(rng, peg)
    cap = _capaian(rng, peg, assign, per)
    beh = _perilaku(rng, peg, per)
    ev = _evaluasi(peg, cap, per)
    skm = _skm(rng, peg, per) if with_skm else pl.DataFrame()
    trng = np.random.default_rng(seed + 24)  # talent data (issue 24) from its own stream: the rest stays as it was
    excused = talenta.pengecualian(trng, peg)
    cap = cap.join(talenta.missing_skp(trng, peg, excused), on=["nip", "periode_mulai"], how="anti")
    beh = pl.concat([beh, talenta.self_ratings(trng, beh, [p.strftime("%Y-%m") for p in per[-6:]])])
    extra = {"asesmen": talenta.asesmen(trng, peg), "sanksi": talenta.sanksi(trng, peg), "pengecualian": excused}
    return DemoData(peg.drop("kemampuan"), cap, beh, ev, skm, **extra)
