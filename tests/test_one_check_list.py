"""The dry run checks what the load checks, and an upload is read once for the mapping step, its dry run and the load."""

from __future__ import annotations

import polars as pl

from pipelines.intake import prepare, readers
from pipelines.intake.prepare import ReadOptions, inspect
from pipelines.load.dry_run import dry_run
from pipelines.load.transaction import load_files
from tests.conftest import make_settings
from tests.helpers import NIPS, csv, pegawai


def _capaian_with_every_kind_of_fault() -> bytes:
    """Capaian rows that only the cross-row checks reject: a NIP a spreadsheet turned into a number, a duplicate
    key, weights of one employee-period that do not add up to 100, and a quarter in a monthly load."""
    good = [
        {"NIP": NIPS[0], "Periode": "2026-01", "Indikator": "Dokumen", "Target": "10", "Realisasi": "9", "Bobot": "60"},
        {"NIP": NIPS[0], "Periode": "2026-01", "Indikator": "Layanan", "Target": "10", "Realisasi": "8", "Bobot": "40"},
    ]
    faults = [
        {"NIP": "1.98001E+17", "Periode": "2026-01", "Indikator": "Dokumen", "Target": "10", "Realisasi": "9", "Bobot": "100"},
        {"NIP": NIPS[1], "Periode": "2026-01", "Indikator": "Dokumen", "Target": "10", "Realisasi": "9", "Bobot": "100"},
        {"NIP": NIPS[1], "Periode": "2026-01", "Indikator": "Dokumen", "Target": "10", "Realisasi": "7", "Bobot": "100"},
        {"NIP": NIPS[2], "Periode": "2026-01", "Indikator": "Dokumen", "Target": "10", "Realisasi": "9", "Bobot": "70"},
        {"NIP": NIPS[3], "Periode": "TW I 2026", "Indikator": "Dokumen", "Target": "10", "Realisasi": "9", "Bobot": "100"},
    ]
    return csv(good + faults)


def _rejected(frame: pl.DataFrame) -> list[tuple[int, str]]:
    return sorted(set(zip(frame["baris"].to_list(), frame["kolom"].to_list(), strict=True)))


def test_the_dry_run_rejects_exactly_what_the_load_rejects(tmp_path):
    s = make_settings(tmp_path)
    assert load_files([("pegawai.csv", pegawai())], s).exit_code == 0
    data = _capaian_with_every_kind_of_fault()
    _, plan = inspect("capaian.csv", data, "capaian")
    _, dry, _ = dry_run("capaian.csv", data, plan, s.raw, known=pl.Series(NIPS))
    report = load_files([("capaian.csv", data)], s, opts=ReadOptions(plans={"capaian.csv": plan}))
    assert _rejected(dry) == _rejected(report.rejects)
    # the spreadsheet NIP (row 4), the duplicate's second row (6), a weight sum of 70 (7), the quarter (8)
    assert {b for b, _ in _rejected(dry)} == {4, 6, 7, 8}


def test_an_upload_is_read_once_for_the_mapping_step_its_dry_run_and_the_load(tmp_path, monkeypatch):
    s = make_settings(tmp_path)
    assert load_files([("pegawai.csv", pegawai())], s).exit_code == 0
    data = _capaian_with_every_kind_of_fault() + b"\n"  # a version of the file no earlier test has read
    reads = []
    real = readers.read_table

    def counting(*args, **kwargs):
        reads.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(prepare, "read_table", counting)
    for _ in range(3):  # the Data page reruns on every click
        _, plan = inspect("capaian_feb.csv", data, "capaian")
    dry_run("capaian_feb.csv", data, plan, s.raw)
    load_files([("capaian_feb.csv", data)], s, opts=ReadOptions(plans={"capaian_feb.csv": plan}))
    assert reads == ["capaian_feb.csv"]
