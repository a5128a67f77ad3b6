"""Faults end cleanly: a load killed with SIGKILL, a full disk and a folder it may not write leave the
previous warehouse whole and usable, give a clear message and exit code 3, and leave nothing behind that the
next load doesn't clean.

Real faults, not mocks: the CLI runs in a child process that is killed with SIGKILL, the disk is a small
tmpfs that the test fills, and the unwritable folder is written by an unprivileged user.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from pipelines.build.build import orphan_versions
from pipelines.load.transaction import load_files
from tests.conftest import make_settings
from tests.helpers import NIPS, pegawai, query

ROOT = Path(__file__).resolve().parents[1]
CAPAIAN = ("NIP;Periode;Indikator;Target;Realisasi;Bobot\n" + "".join(f"{n};2026-02;Layanan;10;8;100\n" for n in NIPS)).encode()


def _cli(s, *files: Path, env_extra: dict | None = None, without_override: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "KINERJA_WAREHOUSE": str(s.warehouse), "KINERJA_STAGING": str(s.staging), **(env_extra or {})}
    cmd = [sys.executable, "-m", "pipelines", "load", *map(str, files)]
    if without_override:  # root without the capability to write other users' folders
        cmd = [
            "setpriv",
            "--bounding-set=-dac_override,-dac_read_search,-fowner",
            "--inh-caps=-dac_override,-dac_read_search,-fowner",
            "--",
            *cmd,
        ]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def _state(s) -> tuple:
    return (
        query(s, "SELECT nip, nama FROM dim_pegawai ORDER BY nip").rows(),
        query(s, "SELECT nip, periode, hasil_kerja FROM fct_kinerja ORDER BY nip, periode").rows(),
        query(s, "SELECT load_id, berkas FROM load_log ORDER BY load_id").rows(),
    )


def _leftovers(s) -> list[str]:
    found = [
        p.name
        for p in s.warehouse.parent.rglob("*")
        if ".building" in p.name or p.name.endswith(".link") or p.name.endswith(".wal")
    ]
    found += [p.name for p in orphan_versions(s.warehouse)]
    parts = s.staging / "_parts"
    if parts.exists():
        found += [str(p) for p in parts.rglob("*") if p.is_file()]
    return found


@pytest.fixture()
def loaded(tmp_path):
    s = make_settings(tmp_path)
    first = [("pegawai.csv", pegawai()), ("capaian.csv", CAPAIAN.replace(b"2026-02", b"2026-01"))]
    assert load_files(first, s).exit_code == 0
    (tmp_path / "capaian_feb.csv").write_bytes(CAPAIAN)
    return s


@pytest.mark.parametrize("moment", ["staged", "build_marts", "before_swap"])
def test_a_load_killed_at_any_moment_leaves_the_previous_warehouse_and_is_cleaned_next_time(loaded, moment):
    s = loaded
    before = _state(s)
    proc = _cli(s, s.warehouse.parent / "capaian_feb.csv", env_extra={"KINERJA_KILL_AT": moment})
    assert proc.returncode == -signal.SIGKILL
    assert _state(s) == before  # readers see the previous warehouse, whole
    if moment != "staged":
        assert _leftovers(s), "the killed build should have left its half-built file (else the test proves nothing)"
    again = _cli(s, s.warehouse.parent / "capaian_feb.csv")
    assert again.returncode == 0, again.stderr
    assert _leftovers(s) == []
    assert query(s, "SELECT count(*) FROM fct_kinerja WHERE periode = '2026-02'").item() == len(NIPS)


@contextlib.contextmanager
def _small_disk(size_mb: int):
    """A tmpfs of the given size (the tests run as root in CI; the mount is removed afterwards)."""
    where = Path(tempfile.mkdtemp(prefix="kinerja-disk-"))
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_mb}m", "tmpfs", str(where)], check=True)
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)
        shutil.rmtree(where, ignore_errors=True)


def test_a_full_disk_ends_with_a_clear_message_exit_3_and_the_previous_warehouse(tmp_path):
    with _small_disk(40) as disk:
        s = make_settings(disk)
        assert (
            load_files([("pegawai.csv", pegawai()), ("capaian.csv", CAPAIAN.replace(b"2026-02", b"2026-01"))], s).exit_code == 0
        )
        before = _state(s)
        feb = tmp_path / "capaian_feb.csv"
        feb.write_bytes(CAPAIAN)
        with (disk / "filler").open("wb") as fh:  # leave a few kilobytes: enough to start, not to build
            with contextlib.suppress(OSError):
                while True:
                    fh.write(b"\0" * 65536)
                    fh.flush()
        with contextlib.suppress(OSError):
            with (disk / "filler2").open("wb") as fh:
                while True:
                    fh.write(b"\0" * 1024)
                    fh.flush()
        (disk / "filler2").unlink(missing_ok=True)
        proc = _cli(s, feb)
        assert proc.returncode == 3, (proc.returncode, proc.stdout, proc.stderr)
        assert "Ruang disk penuh" in proc.stderr and "The disk is full" in proc.stderr
        assert "Traceback" not in proc.stderr
        (disk / "filler").unlink()
        assert _state(s) == before
        assert _leftovers(s) == []
        assert _cli(s, feb).returncode == 0  # with space again, the same file loads


def test_a_folder_it_may_not_write_ends_with_a_clear_message_and_exit_3(tmp_path):
    s = make_settings(tmp_path / "data")
    assert load_files([("pegawai.csv", pegawai())], s).exit_code == 0
    before = _state(s)
    feb = tmp_path / "capaian_feb.csv"
    feb.write_bytes(CAPAIAN)
    for p in [tmp_path / "data", *(tmp_path / "data").rglob("*")]:
        os.chown(p, 65534, 65534, follow_symlinks=False)  # the data folder belongs to another user (nobody)
        if not p.is_symlink():
            os.chmod(p, 0o755 if p.is_dir() else 0o644)
    proc = _cli(s, feb, without_override=True)
    assert proc.returncode == 3, (proc.returncode, proc.stdout, proc.stderr)
    assert "Izin menulis ditolak" in proc.stderr and "Permission to write was denied" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert _state(s) == before
