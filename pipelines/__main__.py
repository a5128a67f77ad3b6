"""Command line: `python -m pipelines demo` rebuilds the demo warehouse; `python -m pipelines load FILE...`.

Exit status of `load`: 0 everything loaded, 1 some rows were rejected (the rest
loaded), 2 a file was refused whole (or not found), 3 the load could not finish (disk
full, permission denied, ...): nothing changed, the previous data is intact; 4 refused
before reading: the files are not demo data, loading them would switch the demo accounts
off, and no real administrator exists yet (`--matikan-demo` loads anyway).

This module is the process's entry point, so it alone in pipelines/ reads the application
database (the demo accounts' guard, appdb.demo.load_locks_out).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from domain.kinds import ORDER
from settings import load_settings


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m pipelines",
        description="Muat data kinerja ASN dan umpan balik masyarakat ke gudang data DuckDB.",
        epilog="Status keluar 'load': 0 semua dimuat, 1 sebagian baris ditolak (sisanya dimuat), 2 ada berkas ditolak "
        "atau tidak ditemukan, 3 pemuatan gagal (disk penuh, izin ditolak, ...): tidak ada yang berubah. "
        "Exit status: 0 all loaded, 1 some rows rejected, 2 a file refused or not found, 3 the load "
        "failed (disk full, permission denied): nothing changed; 4 refused: no real administrator yet (see --matikan-demo).",
    )
    p.add_argument("--settings", type=Path, help="berkas pengaturan TOML (menimpa settings.toml)")
    sub = p.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("demo", help="bangun ulang gudang data demo (Bangko, Jambi, Belawan, Rakumpit)")
    d.add_argument("--employees", type=int, default=3000, help="jumlah pegawai (bawaan 3000)")
    d.add_argument("--periods", type=int, default=24, help="jumlah periode bulanan (bawaan 24)")
    d.add_argument(
        "--if-missing",
        action="store_true",
        help="hanya bila gudang data belum ada (gudang dari versi lama dibangun ulang dari staging)",
    )
    ld = sub.add_parser("load", help="muat berkas pengguna (.csv, .xlsx, .parquet)")
    ld.add_argument("files", nargs="+", type=Path, help="berkas yang dimuat")
    ld.add_argument("--kind", choices=ORDER, help="jenis data; bila kosong, dikenali dari judul kolom")
    ld.add_argument("--source", help="nama sumber; berkas dengan sumber sama menggantikan periode yang sama")
    ld.add_argument("--rejects", type=Path, help="simpan baris yang ditolak ke CSV ini")
    ld.add_argument(
        "--replace",
        action="store_true",
        help="konfirmasi: daftar pegawai yang mencatat banyak pegawai keluar sekaligus tetap dimuat",
    )
    ld.add_argument(
        "--matikan-demo",
        action="store_true",
        help="muat walau akun demo akan dimatikan dan belum ada akun administrator sungguhan "
        "(load even though the demo accounts are switched off and no real administrator exists)",
    )
    ld.add_argument("--sheet", help="hanya lembar Excel ini; bila kosong, setiap lembar berisi data dibaca")
    ld.add_argument("--profile", help="profil pemetaan yang dipakai (bila kosong, dikenali dari susunan kolom)")
    ld.add_argument("--lokasi", help="lokasi bila berkas tidak menyebutnya (Bangko, Jambi, Belawan, Rakumpit)")
    ld.add_argument("--opd", help="perangkat daerah bila berkas tidak menyebutnya")
    ld.add_argument("--unit", help="unit kerja / unit layanan bila berkas tidak menyebutnya")
    ld.add_argument("--periode", help="periode bila berkas tidak menyebutnya (mis. 2025-01, Januari 2025, TW1 2025)")
    ld.add_argument(
        "--per-tanggal",
        help="tanggal data daftar pegawai bila berkas tidak menyebutnya (mis. 31/10/2026); bila kosong, tanggal muat",
    )
    ld.add_argument("--peran", help="peran penilai bila berkas tidak menyebutnya (atasan, rekan, bawahan, diri, masyarakat)")
    ld.add_argument(
        "--map",
        action="append",
        default=[],
        metavar='"JUDUL=kolom"',
        help='petakan satu judul kolom berkas ke kolom data (boleh berulang; "JUDUL=" mengabaikannya)',
    )
    ld.add_argument("--all-sheets", action="store_true", help="baca semua lembar Excel yang berisi data (bawaan)")
    ld.add_argument(
        "--skala",
        help="konversi skala terdokumentasi yang dipilih: 1-10 atau 1-5 (nilai BerAKHLAK ke 0-100), a-d (jawaban SKM)",
    )
    ld.add_argument("--save-profile", metavar="NAMA", help="simpan pemetaan berkas ini sebagai profil bernama")
    e = sub.add_parser("export", help="tulis fakta dan mart sebagai Parquet berpartisi (lokasi, periode)")
    e.add_argument("out", type=Path, help="folder tujuan")
    return p


def _print_summary(report) -> None:
    """Every file's outcome and the first rejected rows, with messages printed whole."""
    for f in report.files:
        print(
            f"{f.berkas}: {f.status} ({f.jenis or '?'}) · dibaca/read {f.dibaca} · dimuat/loaded {f.dimuat}"
            f" · ditolak/rejected {f.ditolak}"
        )
        for line in (f.pesan, f.message):
            if line:
                print(f"    {line}")
    if report.rejects.height:
        print(f"\n{report.rejects.height} masalah pada baris yang ditolak / problems in rejected rows (20 pertama / first 20):")
        for r in report.rejects.head(20).iter_rows(named=True):
            print(f"  {r['berkas']} baris/row {r['baris']}, kolom/column {r['kolom']}: {r['alasan']} / {r['reason']}")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    settings = load_settings(args.settings)
    if args.cmd == "demo":
        from pipelines.demo.first_run import build_demo, ensure_warehouse

        if args.if_missing and settings.warehouse.exists():
            print(f"Gudang data sudah ada: {settings.warehouse}", flush=True)
            try:
                if ensure_warehouse(settings) == "rebuilt":
                    print("Tabel dan mart dibangun ulang dari data staging untuk versi aplikasi ini.")
            except FileNotFoundError as exc:
                print(
                    f"Gudang data dibuat oleh versi lama dan tidak dapat dibangun ulang: berkas staging tidak ada "
                    f"({exc.filename}). Muat ulang berkas aslinya dengan `python -m pipelines load`.",
                    file=sys.stderr,
                )
                return 2
            return 0
        print("Membangun data demo ...", flush=True)
        report = build_demo(settings, args.employees, args.periods)
        _print_summary(report)
        print(f"Gudang data: {settings.warehouse}")
        return 0 if report.exit_code < 2 else 2
    if args.cmd == "export":
        from pipelines.build.export import export_partitioned

        for line in export_partitioned(settings.warehouse, args.out):
            print(line)
        return 0

    missing = [f for f in args.files if not f.is_file()]
    if missing:
        names = ", ".join(map(str, missing))
        print(f"Berkas tidak ditemukan: {names}\nFile not found: {names}", file=sys.stderr)
        return 2
    if not args.matikan_demo and _locks_out(args.files, settings):
        print(LOCKOUT, file=sys.stderr)
        return 4
    return _load(args, settings)


LOCKOUT = (
    "Ditolak sebelum dimuat: berkas ini bukan data demo, jadi memuatnya mematikan semua akun demo (kata sandinya "
    "terbuka), dan belum ada akun administrator sungguhan, sehingga tidak ada yang bisa masuk ke dasbor.\n"
    "Buat dulu akun administrator:  python -m appdb add-user NAMA --role admin --lokasi Jambi --lokasi Bangko "
    "--lokasi Belawan --lokasi Rakumpit\n(atau di halaman Masuk / Akun pengguna), lalu muat lagi; atau tambahkan "
    "--matikan-demo untuk tetap memuat.\n"
    "Refused before loading: these files are not demo data, so loading them switches every demo account off (their "
    "password is public), and no real administrator account exists, so nobody could sign in to the dashboard.\n"
    "Create an administrator first (the command above, or the Sign in / User accounts page), then load again; or "
    "add --matikan-demo to load anyway."
)


def _locks_out(files: list[Path], settings) -> bool:
    """Whether loading `files` would switch off the demo accounts while no real administrator exists."""
    if str(settings.section("auth").get("demo", "auto")).lower() != "auto":
        return False
    from appdb.demo import is_demo_load, load_locks_out
    from appdb.engine import app_db_url, open_app_db
    from pipelines.build.build import read_manifest

    names = [f.name for f in files]
    if is_demo_load(names):
        return False
    url = app_db_url(settings)
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        return False  # no application database yet: no demo account to lose; the first-run form makes the admin
    loaded = read_manifest(settings.warehouse)["loads"]["berkas"].unique().to_list() if settings.warehouse.exists() else []
    return load_locks_out(open_app_db(url), loaded, names)


def _load(args, settings) -> int:
    from pipelines.build.neutral import neutralise
    from pipelines.load.guards import LoadFailed
    from pipelines.load.transaction import load_paths

    bar = tqdm(total=100, desc="Memuat", unit="%", disable=None)

    def progress(frac: float, msg: str) -> None:
        bar.set_description(msg[:40])
        bar.update(int(frac * 100) - bar.n)

    def waiting(pesan: str, message: str) -> None:
        print(f"{pesan}\n{message}", file=sys.stderr, flush=True)

    from pipelines.intake.prepare import ReadOptions

    maps = {}
    for m in args.map:
        header, sep, target = m.partition("=")
        if not sep or not header.strip():
            print(f'--map "{m}": tulis "JUDUL=kolom" / write "HEADER=column"', file=sys.stderr)
            return 2
        maps[header.strip()] = target.strip() or None
    opts = ReadOptions(
        sheet=None if args.all_sheets else args.sheet,
        profile=args.profile,
        context={
            "lokasi": args.lokasi,
            "opd": args.opd,
            "unit": args.unit,
            "periode": args.periode,
            "per_tanggal": args.per_tanggal,
            "peran": args.peran,
        },
        maps=maps,
        scale=args.skala,
        save_profile=args.save_profile,
    )
    try:
        report = load_paths(
            args.files,
            settings,
            kind=args.kind,
            source=args.source,
            progress=progress,
            replace=args.replace,
            on_wait=waiting,
            opts=opts,
        )
    except LoadFailed as exc:
        bar.close()
        print(f"{exc.pesan}\n{exc.message}", file=sys.stderr)
        return exc.exit_code
    bar.close()
    _print_summary(report)
    if args.rejects and report.rejects.height:
        neutralise(report.rejects).write_csv(args.rejects)
        print(f"Baris ditolak disimpan di / rejected rows saved to {args.rejects}")
    return report.exit_code


if __name__ == "__main__":
    sys.exit(main())
