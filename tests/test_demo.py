"""The demo build: all four places and the stories a leader should find."""

from __future__ import annotations

from tests.helpers import query


def test_four_places_and_all_kinds(demo_settings):
    s = demo_settings
    assert set(query(s, "SELECT DISTINCT lokasi FROM dim_pegawai")["lokasi"]) == {"Bangko", "Jambi", "Belawan", "Rakumpit"}
    assert query(s, "SELECT count(DISTINCT periode) FROM fct_kinerja").item() == 12
    assert query(s, "SELECT count(*) FROM fct_ikm").item() > 0
    assert query(s, "SELECT count(*) FROM load_log WHERE status = 'ditolak'").item() == 0
    assert query(s, "SELECT min(cnt) FROM (SELECT nip, count(*) cnt FROM fct_capaian WHERE periode = '2026-10' "
                    "GROUP BY nip)").item() >= 3


def _trend(s, lokasi, opd):
    sql = ("SELECT periode, sum(sum_hasil) / sum(n_hasil) AS m FROM agg_kinerja WHERE lokasi = $l AND opd = $o "
           "GROUP BY periode ORDER BY periode")
    return query(s, sql, {"l": lokasi, "o": opd})["m"].to_list()


def test_improving_and_declining_opd(demo_settings):
    up = _trend(demo_settings, "Jambi", "Disdukcapil")
    down = _trend(demo_settings, "Bangko", "Dinas PUPR")
    assert up[-1] - up[0] > 15
    assert down[0] - down[-1] > 15


def test_persistent_underperformers_flagged_every_late_period(demo_settings):
    flagged = query(demo_settings, "SELECT nip FROM mart_pembinaan WHERE aturan_berturut GROUP BY nip "
                                   "HAVING count(*) >= 8")
    assert flagged.height >= 3


def test_lenient_rater_stands_out(demo_settings):
    top = query(demo_settings, "SELECT lokasi, avg(rata_perilaku_diberikan) g FROM fct_penilai GROUP BY nip_penilai, "
                               "lokasi ORDER BY g DESC LIMIT 1")
    assert top["lokasi"][0] == "Belawan"


def test_curve_breaker_and_poor_skm_unit(demo_settings):
    breaks = query(demo_settings, "SELECT DISTINCT unit_kerja FROM fct_distribusi WHERE melanggar")["unit_kerja"]
    assert "Kelurahan Telanaipura" in breaks.to_list()
    worst = query(demo_settings, "SELECT unit_layanan FROM fct_ikm ORDER BY ikm_konversi LIMIT 1").item()
    assert worst == "Puskesmas Rakumpit"
    rakumpit_health = _trend(demo_settings, "Rakumpit", "Dinas Kesehatan")
    assert sum(rakumpit_health) / len(rakumpit_health) > 103
