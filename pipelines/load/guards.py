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
    """The current warehouse's roster: each employee's source, OPD and whether they have scores."""

    def __init__(self, warehouse: Path) -> None:
        self.rows = pl.DataFrame(
            schema={"nip": pl.String, "opd": pl.String, "lokasi": pl.String, "sumber": pl.String, "dinilai": pl.Boolean}
        )
        if not warehouse.exists():
            return
        with contextlib.closing(duckdb.connect(current_file(warehouse), read_only=True)) as con:
            self.rows = pl.from_arrow(
                con.sql(
                    """SELECT p.nip, p.opd, p.lokasi, p._sumber AS sumber,
                          p.nip IN (SELECT nip FROM fct_kinerja) AS dinilai
                   FROM stg_pegawai p"""
                ).to_arrow_table()
            )

    def dropped(self, source: str, nips: pl.Series, places: list[str]) -> pl.DataFrame:
        """Employees with scores that a new roster for `source` (holding `nips` in `places`) would remove: a roster
        replaces only the places it holds, so nobody of another place is ever counted (or named)."""
        others = self.rows.filter(pl.col("sumber") != source)["nip"]
        return self.rows.filter(
            (pl.col("sumber") == source)
            & pl.col("lokasi").is_in(places)
            & pl.col("dinilai")
            & ~pl.col("nip").is_in(nips.implode())
            & ~pl.col("nip").is_in(others.implode())
        )


def roster_refusal(dropped: pl.DataFrame) -> tuple[str, str]:
    """The message that names how many scored employees, and in which OPDs, a roster would drop."""
    by_opd = dropped.group_by("opd").len().sort(["len", "opd"], descending=[True, False])
    parts = [f"{r['opd'] or '?'} ({r['len']})" for r in by_opd.head(8).iter_rows(named=True)]
    more = f" +{by_opd.height - 8}" if by_opd.height > 8 else ""
    listed = ", ".join(parts) + more
    n = dropped.height
    return (
        f"Daftar pegawai ini akan menghapus {n} pegawai yang sudah memiliki nilai, di OPD: {listed}. "
        "Berkas tidak dimuat. Bila memang disengaja, centang 'Ganti daftar pegawai' (CLI: --replace).",
        f"This roster would remove {n} employees who already have scores, in OPDs: {listed}. "
        "The file was not loaded. If that is intended, tick 'Replace the roster' (CLI: --replace).",
    )
