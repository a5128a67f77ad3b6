-- agg_kinerja. Grain: one row per period x place x OPD x unit kerja x jenis jabatan x golongan x status.
-- Counts and sums so any filter combination re-aggregates a small table, never the facts.
CREATE TABLE agg_kinerja AS
SELECT
    k.periode, any_value(k.periode_mulai) AS periode_mulai, d.lokasi, d.opd, d.unit_kerja,
    coalesce(d.jenis_jabatan, '-') AS jenis_jabatan, coalesce(d.golongan, '-') AS golongan,
    coalesce(d.status_asn, '-') AS status_asn,
    count(*) AS n,
    count(hasil_kerja) AS n_hasil,
    sum(hasil_kerja) AS sum_hasil,
    sum(hasil_kerja * hasil_kerja) AS sumsq_hasil,
    count(perilaku) AS n_perilaku,
    sum(perilaku) AS sum_perilaku,
    sum(skor_ordinal) AS sum_ordinal,
    count(*) FILTER (WHERE predikat = 'Sangat Baik') AS n_sangat_baik,
    count(*) FILTER (WHERE predikat = 'Baik') AS n_baik,
    count(*) FILTER (WHERE predikat = 'Butuh Perbaikan') AS n_butuh_perbaikan,
    count(*) FILTER (WHERE predikat = 'Kurang/Misconduct') AS n_kurang,
    count(*) FILTER (WHERE predikat = 'Sangat Kurang') AS n_sangat_kurang,
    count(*) FILTER (WHERE sumber_predikat = 'resmi') AS n_resmi
FROM fct_kinerja k
JOIN dim_pegawai d USING (nip)
GROUP BY ALL
ORDER BY periode, lokasi, opd;
