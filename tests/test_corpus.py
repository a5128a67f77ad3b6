"""The corpus (tests/data/corpus, sources in its README): files in layouts offices really have, loaded through the
CLI as a clerk would. Expected values are written here by hand from the files' listing (make_corpus.py), never
computed by the pipeline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipelines.__main__ import main as cli
from tests.conftest import make_settings
from tests.helpers import query

CORPUS = Path(__file__).parent / "data" / "corpus"
N1, N2, N3, N4 = "198503122010011001", "199001052015032002", "197811202005011003", "198807142012122004"
N5, N6, N7, N8 = "199205302019031005", "198112082008012006", "197603152000031007", "199409222020122008"


@pytest.fixture()
def env(tmp_path, monkeypatch):
    """Settings in a temporary folder; `put(name)` copies a corpus file there (names as the office has them)."""
    s = make_settings(tmp_path)
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(s.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(s.staging))

    def put(name: str) -> str:
        shutil.copy(CORPUS / name, tmp_path / name)
        return str(tmp_path / name)

    return s, put


def _count(s, table: str) -> int:
    try:
        return query(s, f"SELECT count(*) FROM {table}").item()
    except Exception:  # noqa: BLE001 - no warehouse yet: nothing was loaded
        return 0


# ---- never a silent misload


def test_berakhlak_360_recap_is_never_loaded_as_a_roster(env, capsys):
    s, put = env
    assert cli(["load", put("berakhlak_360_rekap.xlsx")]) == 2
    out = capsys.readouterr().out
    assert _count(s, "dim_pegawai") == 0 and _count(s, "stg_perilaku") == 0
    assert "pegawai)" not in out.split("\n")[0]  # the file is not taken for a roster


def test_the_recap_sheet_with_its_context_is_still_not_a_roster(env, capsys):
    s, put = env
    path = put("berakhlak_360_rekap.xlsx")
    assert cli(["load", path, "--sheet", "REKAP", "--opd", "Dinas Sosial", "--lokasi", "Jambi"]) == 2
    out = capsys.readouterr().out
    assert "(perilaku)" in out or "data perilaku" in out  # taken for what it resembles: behaviour scores
    assert _count(s, "dim_pegawai") == 0


def test_a_list_of_scores_with_nip_and_name_is_not_taken_for_a_roster(env, capsys):
    s, put = env
    path = Path(put("pegawai_kolom_nomor_pegawai.csv")).with_name("nilai_tpp.csv")
    rows = [
        "NIP;Nama;OPD;Lokasi;Nilai A;Nilai B;Nilai C",
        f"{N1};BUDI;Dinas Sosial;Jambi;80;75;90",
        f"{N2};SRI;Dinas Sosial;Jambi;70;65;88",
        f"{N3};AGUS;Dinas Sosial;Jambi;91;85;79",
    ]
    path.write_text("\n".join(rows), encoding="utf-8")
    assert cli(["load", str(path)]) == 2
    out = capsys.readouterr().out
    assert "bukan daftar pegawai" in out and "Nilai A, Nilai B, Nilai C" in out
    assert _count(s, "dim_pegawai") == 0
    assert cli(["load", str(path), "--kind", "pegawai"]) == 0  # the user says it is a roster: confirmed


def test_a_column_known_only_by_its_values_is_asked_for_with_the_command_that_confirms_it(env, capsys):
    s, put = env
    path = put("pegawai_kolom_nomor_pegawai.csv")
    assert cli(["load", path]) == 2
    out = capsys.readouterr().out
    assert "Nomor Pegawai → nip (0,50)" in out  # the mapping it would use, with its confidence
    assert "keyakinan 0,50, perlu 0,75" in out
    assert '--kind pegawai --map "Nomor Pegawai=nip"' in out  # the exact options that confirm it
    assert _count(s, "dim_pegawai") == 0
    assert cli(["load", path, "--kind", "pegawai", "--map", "Nomor Pegawai=nip"]) == 0
    got = dict(query(s, "SELECT nip, golongan FROM dim_pegawai").rows())
    assert got == {N1: "III/a", N2: "III/b", N3: "III/c"}


def test_map_naming_a_header_the_file_lacks_is_refused_naming_its_headers(env, capsys):
    _s, put = env
    path = put("pegawai_kolom_nomor_pegawai.csv")
    assert cli(["load", path, "--kind", "pegawai", "--map", "Nomor Induk=nip"]) == 2
    out = capsys.readouterr().out
    assert "Nomor Induk" in out and "Nomor Pegawai" in out


def test_save_profile_then_the_layout_loads_by_itself(env, capsys):
    s, put = env
    path = put("pegawai_kolom_nomor_pegawai.csv")
    args = ["load", path, "--kind", "pegawai", "--map", "Nomor Pegawai=nip", "--save-profile", "Daftar Nomor Pegawai"]
    assert cli(args) == 0
    (Path(path).parent / "lagi.csv").write_bytes(Path(path).read_bytes().replace(b"BUDI", b"BUDIMAN"))
    assert cli(["load", str(Path(path).parent / "lagi.csv")]) == 0
    assert "profil 'Daftar Nomor Pegawai'" in capsys.readouterr().out
    assert query(s, "SELECT nama FROM dim_pegawai WHERE nip = $n", {"n": N1}).item() == "BUDIMAN SANTOSO"
