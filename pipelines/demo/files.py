"""Write the demo frames as the files agencies really send, then load them through the pipeline."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl

from domain.periods import BULAN
from pipelines.demo.generate import DemoData


def _spaced_nip(col: str) -> pl.Expr:
    c = pl.col(col)
    return (
        pl.when(c.is_null())
        .then(None)
        .otherwise(c.str.slice(0, 8) + " " + c.str.slice(8, 6) + " " + c.str.slice(14, 1) + " " + c.str.slice(15, 3))
    )


def _decimal_comma(frame: pl.DataFrame, cols: list[str]) -> pl.DataFrame:
    return frame.with_columns([pl.col(c).cast(pl.String).str.replace(".", ",", literal=True) for c in cols])


def _write_csv(frame: pl.DataFrame, path: Path, sep: str = ";", encoding: str = "utf-8") -> None:
    text = frame.write_csv(separator=sep)
    path.write_bytes(text.encode(encoding, errors="replace"))


def write_demo_files(data: DemoData, out: Path) -> list[Path]:
    """Write pegawai.xlsx, capaian per place (CSV/Excel), perilaku.parquet, evaluasi_jambi.xlsx, skm CSVs."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    paths = []
    peg = data.pegawai.select(
        _spaced_nip("nip").alias("NIP"),
        pl.col("nama").alias("Nama Pegawai"),
        pl.col("jenis_kelamin").alias("Jenis Kelamin"),
        pl.col("status_asn").alias("Status ASN"),
        pl.col("golongan").alias("Golongan"),
        pl.col("jenis_jabatan").alias("Jenis Jabatan"),
        pl.col("jabatan").alias("Jabatan"),
        pl.col("lokasi").alias("Lokasi"),
        pl.col("instansi").alias("Instansi"),
        pl.col("opd").alias("Perangkat Daerah"),
        pl.col("unit_kerja").alias("Unit Kerja"),
        _spaced_nip("nip_atasan").alias("NIP Atasan"),
    )
    p = out / "pegawai.xlsx"
    peg.write_excel(p, worksheet="Pegawai", position="A3", autofit=False)
    _title(p, peg)
    paths.append(p)
    cap = data.capaian.join(data.pegawai.select("nip", "lokasi"), on="nip")
    fmt = {
        "Bangko": ("month_name", ";", "cp1252"),
        "Jambi": ("iso", ";", "utf-8"),
        "Belawan": ("mm/yyyy", ";", "utf-8"),
        "Rakumpit": ("tw", ",", "utf-8"),
    }
    for lok, (style, sep, enc) in fmt.items():
        f = cap.filter(pl.col("lokasi") == lok)
        periode = {
            "month_name": pl.col("periode_mulai").dt.month().replace_strict(dict(enumerate(BULAN, 1)))
            + " "
            + pl.col("periode_mulai").dt.year().cast(pl.String),
            "iso": pl.col("periode"),
            "mm/yyyy": pl.col("periode_mulai").dt.strftime("%m/%Y"),
            "tw": pl.col("periode"),
        }[style]
        f = f.select(
            _spaced_nip("nip").alias("NIP"),
            periode.alias("Periode"),
            pl.col("indikator").alias("Indikator Kinerja"),
            pl.col("satuan").alias("Satuan"),
            pl.col("target").alias("Target"),
            pl.col("realisasi").alias("Realisasi"),
            pl.col("bobot").alias("Bobot (%)"),
            pl.col("arah")
            .replace_strict({"naik": "Semakin tinggi semakin baik", "turun": "Semakin rendah semakin baik"})
            .alias("Arah"),
        )
        if sep == ";":
            f = _decimal_comma(f, ["Target", "Realisasi", "Bobot (%)"])
        p = out / f"capaian_{lok.lower()}.csv"
        _write_csv(f, p, sep=sep, encoding=enc)
        paths.append(p)
    p = out / "perilaku.parquet"
    data.perilaku.write_parquet(p)
    paths.append(p)
    p = out / "evaluasi_jambi.xlsx"
    ev = data.evaluasi.with_columns(_spaced_nip("nip"))
    ev.rename(
        {
            "nip": "NIP",
            "periode": "Periode",
            "rating_hasil_kerja": "Hasil Kerja",
            "rating_perilaku": "Perilaku Kerja",
            "predikat": "Predikat Kinerja",
            "predikat_organisasi": "Predikat Kinerja Organisasi",
            "inovasi": "Inovasi",
        }
    ).write_excel(p, worksheet="e-Kinerja")
    paths.append(p)
    skm = data.skm.with_columns(pl.col("tanggal").dt.strftime("%d/%m/%Y"))
    names = {
        f"u{i}": f"U{i} {n}"
        for i, n in enumerate(
            [
                "Persyaratan",
                "Prosedur",
                "Waktu Penyelesaian",
                "Biaya/Tarif",
                "Produk",
                "Kompetensi Pelaksana",
                "Perilaku Pelaksana",
                "Penanganan Pengaduan",
                "Sarana dan Prasarana",
            ],
            1,
        )
    }
    for lok in skm["lokasi"].unique(maintain_order=True).to_list():
        f = skm.filter(pl.col("lokasi") == lok).rename(
            names
            | {
                "unit_layanan": "Unit Layanan",
                "lokasi": "Lokasi",
                "opd": "Perangkat Daerah",
                "tanggal": "Tanggal",
                "layanan": "Jenis Layanan",
                "jenis_kelamin": "Jenis Kelamin",
                "usia": "Usia",
                "pendidikan": "Pendidikan",
                "pekerjaan": "Pekerjaan",
                "kritik_saran": "Kritik dan Saran",
                "nip_petugas": "NIP Petugas",
            }
        )
        if lok == "Belawan":  # this form puts Sarana before Penanganan Pengaduan: matched by name
            cols = f.columns
            i8, i9 = cols.index(names["u8"]), cols.index(names["u9"])
            cols[i8], cols[i9] = cols[i9], cols[i8]
            f = f.select(cols)
        p = out / f"skm_{lok.lower()}.csv"
        _write_csv(f, p)
        paths.append(p)
    return paths + _talenta_files(data, out)


def _talenta_files(data: DemoData, out: Path) -> list[Path]:
    """Assessments (a talent-mapping recap), sanctions (SIASN fields) and statuses (a SIMPEG history)."""
    paths = []
    day = "%d/%m/%Y"
    if data.asesmen is not None:
        p = out / "hasil_asesmen_talenta.xlsx"
        data.asesmen.select(
            _spaced_nip("nip").alias("NIP"),
            pl.col("tanggal_asesmen").dt.strftime(day).alias("Tanggal Pelaksanaan"),
            pl.col("instrumen").alias("Metode Penilaian"),
            pl.col("nilai_potensial").alias("JPM (%)"),
            pl.col("kategori_potensial").alias("Kategori Potensi"),
            pl.col("asesor").alias("Asesor"),
        ).write_excel(p, worksheet="Hasil Asesmen")
        paths.append(p)
    if data.sanksi is not None:
        p = out / "riwayat_hukuman_disiplin.csv"
        f = data.sanksi.select(
            pl.col("nip").alias("nip_baru"),
            pl.col("tingkat_hukuman").str.slice(0, 1).str.to_uppercase().alias("jenis_tingkat_hukuman"),
            pl.col("jenis_hukuman").alias("jenis_hukuman_nama"),
            pl.col("tmt_hukuman").dt.strftime(day).alias("hukuman_tanggal"),
            pl.col("akhir_hukuman").dt.strftime(day).alias("akhir_hukuman_tanggal"),
        )
        _write_csv(f, p)
        paths.append(p)
    if data.pengecualian is not None:
        p = out / "riwayat_status_pegawai.csv"
        f = data.pengecualian.select(
            _spaced_nip("nip").alias("NIP"),
            pl.col("jenis_status").alias("Jenis Cuti"),
            pl.col("status_mulai").dt.strftime(day).alias("Tanggal Mulai"),
            pl.col("status_selesai").dt.strftime(day).alias("Tanggal Selesai"),
        )
        _write_csv(f, p)
        paths.append(p)
    return paths


def _title(path: Path, frame: pl.DataFrame) -> None:
    """Put a report title above the header row, as exported rosters usually have."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws["A1"] = "DAFTAR PEGAWAI APARATUR SIPIL NEGARA - DATA PER 31 OKTOBER 2026"
    wb.save(path)
