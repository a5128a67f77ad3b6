-- agg_kinerja. Grain: one row per period x place x OPD x unit kerja x jenis jabatan x golongan x status.
-- Counts and sums so any filter combination re-aggregates a small table, never the facts. Counts are of
-- employee-periods; predikat shares divide by n_predikat (those with a predikat), and n - n_predikat have none.
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
CREATE TABLE agg_kinerja AS
SELECT
    k.periode, any_value(k.periode_mulai) AS periode_mulai, d.lokasi, d.opd, d.unit_kerja,
    d.jenis_jabatan, d.golongan, d.status_asn,
    count(*) AS n,
    count(hasil_kerja) AS n_hasil,
    sum(hasil_kerja) AS sum_hasil,
    sum(hasil_kerja * hasil_kerja) AS sumsq_hasil,
    count(perilaku) AS n_perilaku,
    sum(perilaku) AS sum_perilaku,
    count(skor_ordinal) AS n_ordinal,
    sum(skor_ordinal) AS sum_ordinal,
    count(predikat) AS n_predikat,
    count(*) FILTER (WHERE predikat = 'Sangat Baik') AS n_sangat_baik,
    count(*) FILTER (WHERE predikat = 'Baik') AS n_baik,
    count(*) FILTER (WHERE predikat = 'Butuh Perbaikan') AS n_butuh_perbaikan,
    count(*) FILTER (WHERE predikat = 'Kurang/Misconduct') AS n_kurang,
    count(*) FILTER (WHERE predikat = 'Sangat Kurang') AS n_sangat_kurang,
    count(*) FILTER (WHERE sumber_predikat = 'resmi') AS n_resmi
FROM fct_kinerja k
JOIN fct_penempatan d USING (nip, periode)
GROUP BY k.periode, d.lokasi, d.opd, d.unit_kerja, d.jenis_jabatan, d.golongan, d.status_asn
ORDER BY k.periode, d.lokasi, d.opd;
