"""What a load must not do: replace data with nothing, drop scored employees unasked, or leave a mess.

- A file with no valid rows replaces nothing (`no_rows`).
- A roster that would drop employees who already have scores is refused unless the user confirms
  (`RosterIndex.dropped`, `roster_refusal`).
- A fault (disk full, permission denied, ...) ends the load with `LoadFailed`: a message in both languages
  and exit code 3; the previous warehouse stays as it was.
"""

from __future__ import annotations

import contextlib
import errno
from datetime import date
from pathlib import Path

import duckdb
import polars as pl

from warehouse.db import current_file

EXIT_FAULT = 3


class LoadFailed(Exception):
    """A load that could not finish; nothing it started was kept."""

    exit_code = EXIT_FAULT

    def __init__(self, pesan: str, message: str) -> None:
        super().__init__(message)
        self.pesan = pesan
        self.message = message

    def text(self, lang: str = "id") -> str:
        return self.pesan if lang == "id" else self.message


_FAULTS = [
    (
        (errno.ENOSPC, errno.EDQUOT),
        ("no space left", "os error 28", "disk full", "quota exceeded"),
        "Ruang disk penuh",
        "The disk is full",
    ),
    (
        (errno.EACCES, errno.EPERM),
        ("permission denied", "os error 13", "os error 1)"),
        "Izin menulis ditolak",
        "Permission to write was denied",
    ),
    ((errno.EROFS,), ("read-only file system", "os error 30"), "Sistem berkas hanya-baca", "The file system is read-only"),
]


def fault(exc: BaseException, where: Path) -> LoadFailed | None:
    """A clear LoadFailed for an I/O fault (from Python, Polars or DuckDB), or None when it isn't one."""
    code = getattr(exc, "errno", None)
    text = str(exc).lower()
    for codes, words, pesan, message in _FAULTS:
        if code in codes or any(w in text for w in words):
            return LoadFailed(
                f"{pesan} di {where}. Pemuatan dibatalkan; data sebelumnya tetap utuh dan dapat dipakai. "
                "Kosongkan ruang atau perbaiki izin folder, lalu muat ulang berkasnya.",
                f"{message} at {where}. The load was cancelled; the previous data is intact and usable. "
                "Free some space or fix the folder's permissions, then load the files again.",
            )
    if isinstance(exc, (OSError, duckdb.IOException)):
        return LoadFailed(
            f"Kesalahan baca/tulis di {where}: {exc}. Pemuatan dibatalkan; data sebelumnya tetap utuh.",
            f"Read/write error at {where}: {exc}. The load was cancelled; the previous data is intact.",
        )
    return None


def no_rows(read: int, rejected: int) -> tuple[str, str]:
    """Why a file with no valid rows replaced nothing."""
    if read == 0:
        return (
            "Tidak ada baris data (hanya judul kolom). Tidak ada data yang diganti.",
            "No data rows (only the header). Nothing was replaced.",
        )
    return (
        f"Semua {rejected} baris ditolak (lihat baris yang ditolak). Tidak ada data yang diganti.",
        f"All {rejected} rows were rejected (see the rejected rows). Nothing was replaced.",
    )


class RosterIndex:
    """The current warehouse's rosters: each employee's source, place, OPD, the as-of date of each snapshot that
    lists them, and whether they have scores."""

    def __init__(self, warehouse: Path) -> None:
        self.rows = pl.DataFrame(
            schema={
                "nip": pl.String,
                "opd": pl.String,
                "lokasi": pl.String,
                "sumber": pl.String,
                "per_tanggal": pl.Date,
                "dinilai": pl.Boolean,
            }
        )
        if not warehouse.exists():
            return
        with contextlib.closing(duckdb.connect(current_file(warehouse), read_only=True)) as con:
            columns = {r[0] for r in con.sql("DESCRIBE stg_pegawai").fetchall()}
            # a warehouse built before rosters were snapshots: its rows count as of their load date
            dated = "p.per_tanggal" if "per_tanggal" in columns else "NULL::DATE"
            self.rows = pl.from_arrow(
                con.sql(
                    f"""SELECT p.nip, p.opd, p.lokasi, p._sumber AS sumber,
                          coalesce({dated}, (SELECT min(waktu)::DATE FROM load_log l WHERE l.load_id = p._muat)) AS per_tanggal,
                          p.nip IN (SELECT nip FROM fct_kinerja) AS dinilai
                   FROM stg_pegawai p"""
                ).to_arrow_table()
            ).cast({"per_tanggal": pl.Date})

    def leaving(self, nips: pl.Series, places: list[str], as_of: date) -> pl.DataFrame:
        """Employees on the latest earlier roster of `places` whom a roster as of `as_of` (holding `nips`) no longer
        lists: they will be recorded as having left from `as_of`. Nobody of another place is ever counted."""
        earlier = self.rows.filter(pl.col("lokasi").is_in(places) & (pl.col("per_tanggal") < as_of))
        latest = earlier.group_by("lokasi").agg(pl.col("per_tanggal").max().alias("_terakhir"))
        on_latest = earlier.join(latest, on="lokasi").filter(pl.col("per_tanggal") == pl.col("_terakhir"))
        return on_latest.filter(~pl.col("nip").is_in(nips.implode())).unique("nip", keep="first").drop("_terakhir")

    def vanishing(self, nips: pl.Series, places: list[str], as_of: date) -> pl.DataFrame:
        """Employees with scores whom a corrected roster of the same date (holding `nips`) would take off every
        roster: listed only in the snapshot it replaces, so their scores would have nobody to belong to."""
        elsewhere = self.rows.filter(pl.col("per_tanggal") != as_of)["nip"]
        return self.rows.filter(
            pl.col("lokasi").is_in(places)
            & (pl.col("per_tanggal") == as_of)
            & pl.col("dinilai")
            & ~pl.col("nip").is_in(nips.implode())
            & ~pl.col("nip").is_in(elsewhere.implode())
        ).unique("nip", keep="first")


def vanish_refusal(people: pl.DataFrame) -> tuple[str, str]:
    """The message for a same-date roster that would remove employees who have scores from every roster."""
    n, listed = people.height, _by_opd(people)
    return (
        f"Daftar pegawai ini akan menghapus {n} pegawai yang sudah memiliki nilai, di OPD: {listed}. Berkas tidak "
        "dimuat. Bila memang disengaja, centang 'Konfirmasi pegawai keluar' (CLI: --replace); bila mereka keluar, "
        "muat daftar dengan tanggal data yang baru agar riwayat mereka tetap.",
        f"This roster would remove {n} employees who already have scores, in OPDs: {listed}. The file was not "
        "loaded. If that is intended, tick 'Confirm leavers' (CLI: --replace); if they left, load the roster with "
        "its new as-of date so their history stays.",
    )


def _by_opd(people: pl.DataFrame) -> str:
    by_opd = people.group_by("opd").len().sort(["len", "opd"], descending=[True, False])
    parts = [f"{r['opd'] or '?'} ({r['len']})" for r in by_opd.head(8).iter_rows(named=True)]
    return ", ".join(parts) + (f" +{by_opd.height - 8}" if by_opd.height > 8 else "")


def leaving_note(leavers: pl.DataFrame, as_of: date) -> tuple[str, str]:
    """The load report's line for employees a roster records as having left (their history stays)."""
    n, day = leavers.height, f"{as_of:%d/%m/%Y}"
    return (
        f"{n} pegawai dicatat keluar per {day} (tidak lagi tercantum; riwayatnya tetap): {_by_opd(leavers)}",
        f"{n} employees recorded as having left from {day} (no longer listed; their history stays): {_by_opd(leavers)}",
    )


def roster_refusal(leavers: pl.DataFrame, as_of: date) -> tuple[str, str]:
    """The message for a roster that would record many employees as having left at once: how many, in which
    OPDs (of the roster's own places), and how to confirm."""
    n, day, listed = leavers.height, f"{as_of:%d/%m/%Y}", _by_opd(leavers)
    return (
        f"Daftar pegawai ini akan mencatat {n} pegawai keluar per {day} sekaligus (riwayat mereka tetap), di OPD: "
        f"{listed}. Karena jumlahnya besar, berkas tidak dimuat. Bila memang benar, centang 'Konfirmasi pegawai "
        "keluar' (CLI: --replace).",
        f"This roster would record {n} employees as having left from {day} at once (their history stays), in OPDs: "
        f"{listed}. Because that is many, the file was not loaded. If it is right, tick 'Confirm leavers' "
        "(CLI: --replace).",
    )
