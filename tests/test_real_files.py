"""Files in the published layouts offices bring, loaded through the CLI as a clerk would: the values that land."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipelines.__main__ import main as cli
from tests import real_files as rf
from tests.conftest import make_settings
from tests.helpers import query

PEOPLE = rf.nips(21)


@pytest.fixture()
def env(tmp_path, monkeypatch):
    s = make_settings(tmp_path)
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(s.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(s.staging))

    def write(name: str, data: bytes):
        p = tmp_path / name
        p.write_bytes(data)
        return str(p)

    return s, write


def _roster(write, people=PEOPLE, **kw) -> tuple[str, dict]:
    data, expected = rf.siasn_roster(people, **kw)
    return write("siasn_pns_aktif.csv", data), expected


def test_siasn_roster_fills_golongan_jabatan_unit(env, capsys):
    s, write = env
    path, expected = _roster(write)
    assert cli(["load", path]) == 0
    out = capsys.readouterr().out
    assert "kolom diabaikan" in out and "GELAR DEPAN" in out and "PNS ID" in out  # never silent
    got = query(
        s, "SELECT nip, golongan, jabatan, unit_kerja, jenis_jabatan, jenis_kelamin, lokasi, opd FROM dim_pegawai"
    ).rows_by_key("nip", named=True, unique=True)
    assert set(got) == set(expected)
    for nip, want in expected.items():
        row = got[nip]
        assert {k: row[k] for k in want} == want
        assert row["lokasi"] == "Jambi" and row["opd"] == "Dinas Kependudukan dan Pencatatan Sipil"


def test_siasn_roster_of_belawan_with_the_context_it_lacks(env):
    s, write = env
    data, expected = rf.siasn_roster(PEOPLE[:6], lokasi_kerja="KOTA MEDAN", instansi="Pemerintah Kota Medan", satker=None)
    path = write("pegawai_kec_medan_belawan.csv", data)
    assert cli(["load", path, "--opd", "Kecamatan Medan Belawan"]) == 0
    got = query(s, "SELECT DISTINCT lokasi, opd FROM dim_pegawai").rows()
    assert got == [("Belawan", "Kecamatan Medan Belawan")]  # place from the file name, OPD from the user


def test_ekinerja_penilaian_skp_lands_the_official_predikat(env, capsys):
    s, write = env
    roster, _ = _roster(write)
    data, expected = rf.ekinerja_penilaian(PEOPLE)
    path = write("Laporan_Penilaian_SKP.xlsx", data)
    assert cli(["load", roster, path]) == 0
    out = capsys.readouterr().out
    assert "belum dinilai" in out
    got = dict(query(s, "SELECT nip, predikat FROM fct_kinerja WHERE periode = '2025-01'").rows())
    assert got == {n: p for n, p in expected.items() if p is not None}
    official = query(s, "SELECT DISTINCT sumber_predikat FROM fct_kinerja").rows()
    assert official == [("resmi",)]


def test_ekinerja_laporan_skp_is_a_roster(env):
    s, write = env
    data, expected = rf.ekinerja_laporan_skp(PEOPLE)
    assert cli(["load", write("Laporan_SKP_2025.xlsx", data)]) == 0
    got = query(s, "SELECT nip, golongan, jabatan, unit_kerja, opd, lokasi FROM dim_pegawai").rows_by_key(
        "nip", named=True, unique=True
    )
    assert {n: {k: r[k] for k in expected[n]} for n, r in got.items()} == expected


def test_ekinerja_monthly_recap_becomes_rows(env):
    s, write = env
    roster = write(
        "pegawai.csv", rf.siasn_roster(PEOPLE, lokasi_kerja="KOTA PALANGKA RAYA", instansi="Pemerintah Kota Palangka Raya")[0]
    )
    data, expected = rf.ekinerja_rekap_bulanan(PEOPLE)
    assert cli(["load", roster, write("rekap_predikat_bulanan.xlsx", data)]) == 0
    got = {(n, p): pr for n, p, pr in query(s, "SELECT nip, periode, predikat FROM fct_kinerja").rows()}
    assert got == expected


def _ikm(s, unit: str) -> tuple[int, Decimal]:
    row = query(
        s,
        "SELECT sum(n_responden), sum(ikm_konversi * n_responden) / sum(n_responden) FROM fct_ikm WHERE unit_layanan = $u",
        {"u": unit},
    ).row(0)
    return int(row[0]), Decimal(str(row[1])).quantize(Decimal("0.01"))


def test_skm_workbook_with_info_sheet(env, capsys):
    s, write = env
    data, want = rf.skm_workbook()
    assert cli(["load", write("skm_tw1.xlsx", data)]) == 0
    assert "Data Responden" in capsys.readouterr().out  # the sheet used is named
    n, konversi = _ikm(s, want["unit"])
    assert (n, konversi) == (want["n"], want["ikm"])
    assert query(s, "SELECT DISTINCT lokasi FROM fct_ikm").item() == "Jambi"


def test_skm_app_export_drops_its_footer(env, capsys):
    s, write = env
    data, want = rf.skm_app_export()
    assert cli(["load", write("rekap_skm_puskesmas.xlsx", data)]) == 0
    out = capsys.readouterr().out
    assert "Jumlah" in out and "IKM" in out  # the dropped summary rows are reported
    row = query(
        s, "SELECT sum(n_responden), lokasi FROM fct_ikm WHERE unit_layanan = $u GROUP BY lokasi", {"u": want["unit"]}
    ).row(0)
    assert row == (want["n"], "Rakumpit")
    sums = query(s, "SELECT " + ", ".join(f"sum(u{i})::INT" for i in range(1, 10)) + " FROM stg_skm").row(0)
    assert list(sums) == want["sums"]


def test_skm_legacy_u8_sarana_keyed_by_name(env):
    s, write = env
    data, want = rf.skm_legacy()
    assert cli(["load", write("skm_lama.csv", data)]) == 0
    u8, u9, lokasi = query(s, "SELECT avg(u8), avg(u9), any_value(lokasi) FROM stg_skm").row(0)
    assert (u8, u9, lokasi) == (want["u8"], want["u9"], "Belawan")
    assert _ikm(s, want["unit"]) == (want["n"], want["ikm"])


@pytest.mark.parametrize("english", [False, True])
def test_google_forms_labels_to_scores(env, english):
    s, write = env
    data, want = rf.google_forms(english=english)
    path = write("Survei Kepuasan Masyarakat (Jawaban).csv", data)
    assert cli(["load", path, "--lokasi", "Jambi", "--unit", "Disdukcapil Kota Jambi"]) == 0
    assert _ikm(s, "Disdukcapil Kota Jambi") == (want["n"], want["ikm"])
    assert query(s, "SELECT DISTINCT periode FROM fct_ikm").item() == want["periode"]


def test_google_forms_on_another_scale_is_refused(env, capsys):
    _s, write = env
    data, _ = rf.google_forms(scale5=True)
    assert cli(["load", write("survei.csv", data), "--lokasi", "Jambi", "--unit", "X"]) == 2
    assert "14/2017" in capsys.readouterr().out


def test_skp_document_is_refused_naming_the_flat_export(env, capsys):
    _s, write = env
    assert cli(["load", write("SKP_Budi.xlsx", rf.skp_document(PEOPLE[0]))]) == 2
    assert "Laporan Penilaian SKP" in capsys.readouterr().out


def test_missing_context_is_asked_for(env, capsys):
    _s, write = env
    data, _ = rf.google_forms()
    assert cli(["load", write("jawaban.csv", data)]) == 2
    out = capsys.readouterr().out
    assert "lokasi" in out and "--lokasi" in out


def test_shipped_profiles_are_plain_files_that_name_real_targets():
    from domain.kinds import KINDS
    from pipelines.intake.mapping import SHIPPED, list_profiles

    profiles = list_profiles(None)
    assert len(list(SHIPPED.glob("*.json"))) == len(profiles) >= 6
    for p in profiles.values():
        targets = {t for t in p["columns"].values() if t}
        assert p["kind"] in KINDS and targets <= set(KINDS[p["kind"]].columns), p["name"]
        assert not any(p["context"].values())  # office context is never shipped


def test_a_shipped_layout_is_recognised_by_its_profile(env, capsys):
    _s, write = env
    assert cli(["load", _roster(write)[0]]) == 0
    assert "profil 'SIASN - Data PNS (CSV)'" in capsys.readouterr().out


def test_profile_by_name_and_unknown_profile(env, capsys):
    s, write = env
    data, _ = rf.google_forms()
    path = write("jawaban.csv", data)
    assert cli(["load", path, "--profile", "Tidak Ada", "--lokasi", "Jambi", "--unit", "U"]) == 2
    assert "Google Forms - SKM PermenPANRB 14-2017" in capsys.readouterr().out  # the profiles that exist are named
    assert cli(["load", path, "--profile", "Google Forms - SKM PermenPANRB 14-2017", "--lokasi", "Jambi", "--unit", "U"]) == 0
