"""A load replaces only what its rows cover: the places (and periods) they hold, never another place's data,
whatever the file is called; a roster guard names only the places the roster holds; the log says what went."""

from __future__ import annotations

import polars as pl

from pipelines.intake.prepare import ReadOptions
from pipelines.load.transaction import load_files
from tests.conftest import make_settings
from tests.helpers import NIPS, csv, pegawai, query

JAMBI, BANGKO = NIPS[:4], NIPS[4:8]


def _roster(jambi: list[str] = JAMBI, bangko: list[str] = BANGKO) -> bytes:
    frames = [pl.read_csv(pegawai(jambi, "Jambi", "Dinas Kesehatan"), separator=";", infer_schema=False)]
    if bangko:
        frames.append(pl.read_csv(pegawai(bangko, "Bangko", "Dinas PUPR"), separator=";", infer_schema=False))
    return pl.concat(frames).write_csv(separator=";").encode()


def _capaian(nips: list[str], periode: str = "2026-10", realisasi: str = "9") -> bytes:
    return csv(
        [
            {"NIP": n, "Periode": periode, "Indikator": "Layanan", "Target": "10", "Realisasi": realisasi, "Bobot": "100"}
            for n in nips
        ]
    )


def _scored(tmp_path):
    s = make_settings(tmp_path)
    report = load_files([("pegawai.csv", _roster()), ("capaian_jambi.csv", _capaian(JAMBI + BANGKO))], s)
    assert report.exit_code == 0, report.summary()
    return s


def _per_place(s, periode: str = "2026-10") -> dict[str, int]:
    got = query(
        s,
        "SELECT d.lokasi, count(*) AS n FROM stg_capaian c JOIN dim_pegawai d USING (nip) WHERE c.periode = $p GROUP BY 1",
        {"p": periode},
    )
    return dict(got.rows())


def test_a_file_named_for_one_place_replaces_only_the_places_its_rows_hold(tmp_path):
    s = _scored(tmp_path)
    assert _per_place(s) == {"Jambi": 4, "Bangko": 4}
    # the same file name (so the same source), holding three Bangko rows only
    report = load_files([("capaian_jambi.csv", _capaian(BANGKO[:3], realisasi="5"))], s)
    assert report.exit_code == 0
    assert _per_place(s) == {"Jambi": 4, "Bangko": 3}
    got = query(s, "SELECT nip, realisasi FROM stg_capaian WHERE nip = $n", {"n": JAMBI[0]}).rows()
    assert got == [(JAMBI[0], 9.0)]
    log = query(s, "SELECT diganti, replaced FROM load_log ORDER BY load_id DESC LIMIT 1").row(0)
    assert log == ("Bangko 2026-10: 4 baris", "Bangko 2026-10: 4 rows")


def test_a_correction_still_replaces_its_own_place_and_period(tmp_path):
    s = _scored(tmp_path)
    load_files([("capaian_jambi.csv", _capaian(JAMBI[:2], realisasi="3"))], s)
    assert _per_place(s) == {"Jambi": 2, "Bangko": 4}
    got = query(s, "SELECT realisasi FROM stg_capaian WHERE nip = $n", {"n": JAMBI[0]}).item()
    assert got == 3.0


def _as_of(day: str) -> ReadOptions:
    return ReadOptions(context={"per_tanggal": day})


def test_a_roster_of_one_place_never_touches_another_place(tmp_path):
    s = _scored(tmp_path)
    bangko_only = pl.read_csv(pegawai(BANGKO[:2], "Bangko", "Dinas PUPR"), separator=";", infer_schema=False)
    report = load_files([("pegawai.csv", bangko_only.write_csv(separator=";").encode())], s, opts=_as_of("2099-01-31"))
    assert report.exit_code == 0, report.summary()
    got = query(s, "SELECT lokasi, aktif, count(*) FROM dim_pegawai GROUP BY ALL ORDER BY ALL").rows()
    assert got == [("Bangko", False, 2), ("Bangko", True, 2), ("Jambi", True, 4)]
    assert "2 pegawai dicatat keluar per 31/01/2099" in report.files[0].pesan
    assert "Dinas Kesehatan" not in report.files[0].pesan


def test_a_roster_corrected_on_the_same_date_replaces_that_snapshot_of_its_place_only(tmp_path):
    s = make_settings(tmp_path)
    load_files([("pegawai.csv", _roster())], s, opts=_as_of("2026-10-31"))
    bangko_only = pl.read_csv(pegawai(BANGKO[:2], "Bangko", "Dinas PUPR"), separator=";", infer_schema=False)
    report = load_files([("pegawai.csv", bangko_only.write_csv(separator=";").encode())], s, opts=_as_of("31/10/2026"))
    assert report.exit_code == 0, report.summary()
    places = dict(query(s, "SELECT lokasi, count(*) FROM dim_pegawai GROUP BY 1").rows())
    assert places == {"Jambi": 4, "Bangko": 2}
    log = query(s, "SELECT diganti FROM load_log ORDER BY load_id DESC LIMIT 1").item()
    assert log == "Bangko per 2026-10-31: 4 baris, 2 pegawai tidak lagi tercantum"


def test_many_leaving_at_once_asks_for_confirmation_and_names_only_the_rosters_places(tmp_path):
    s = make_settings(tmp_path, **{"pegawai.konfirmasi_keluar_mulai": 2})
    load_files([("pegawai.csv", _roster()), ("capaian_jambi.csv", _capaian(JAMBI + BANGKO))], s, opts=_as_of("2026-10-31"))
    bangko_only = pl.read_csv(pegawai(BANGKO[:2], "Bangko", "Dinas PUPR"), separator=";", infer_schema=False)
    data = bangko_only.write_csv(separator=";").encode()
    f = load_files([("pegawai.csv", data)], s, opts=_as_of("2026-11-30")).files[0]
    assert f.status == "ditolak"
    assert "2 pegawai keluar per 30/11/2026" in f.pesan and "Dinas PUPR (2)" in f.pesan
    assert "Dinas Kesehatan" not in f.pesan and "Dinas Kesehatan" not in f.message
    assert load_files([("pegawai.csv", data)], s, replace=True, opts=_as_of("2026-11-30")).exit_code == 0


def test_an_admin_of_one_place_cannot_touch_another_place_through_a_file_name(tmp_path):
    s = _scored(tmp_path)
    opts = ReadOptions(places=("Bangko",))
    report = load_files([("capaian_jambi.csv", _capaian(JAMBI + BANGKO[:1], realisasi="1"))], s, opts=opts)
    assert report.files[0].ditolak == 4  # the Jambi rows are outside the admin's places
    assert _per_place(s) == {"Jambi": 4, "Bangko": 1}
    assert query(s, "SELECT realisasi FROM stg_capaian WHERE nip = $n", {"n": JAMBI[0]}).item() == 9.0


def test_an_admin_loads_results_of_someone_who_moved_into_its_place(tmp_path):
    """A mover's earlier roster in Jambi does not make them another place's for Bangko's admin now."""
    s = make_settings(tmp_path)
    load_files([("pegawai.csv", _roster(JAMBI, []))], s, opts=_as_of("2026-09-30"))
    moved = pl.concat(
        [
            pl.read_csv(pegawai(JAMBI[1:], "Jambi", "Dinas Kesehatan"), separator=";", infer_schema=False),
            pl.read_csv(pegawai(JAMBI[:1], "Bangko", "Dinas PUPR"), separator=";", infer_schema=False),
        ]
    )
    assert load_files([("pegawai.csv", moved.write_csv(separator=";").encode())], s, opts=_as_of("2026-10-31")).exit_code == 0
    report = load_files([("capaian_bangko.csv", _capaian(JAMBI[:1]))], s, opts=ReadOptions(places=("Bangko",)))
    assert report.exit_code == 0, report.summary()
    assert _per_place(s) == {"Bangko": 1}
