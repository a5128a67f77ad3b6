-- agg_indikator. Grain: one row per period x place x OPD x unit kerja x indicator.
CREATE TABLE agg_indikator AS
SELECT
    c.periode, any_value(c.periode_mulai) AS periode_mulai, d.lokasi, d.opd, d.unit_kerja,
    coalesce(d.jenis_jabatan, '-') AS jenis_jabatan, coalesce(d.golongan, '-') AS golongan,
    coalesce(d.status_asn, '-') AS status_asn,
    c.indikator, any_value(c.satuan) AS satuan, any_value(c.arah) AS arah,
    count(*) AS n, sum(c.capaian) AS sum_capaian, count(*) FILTER (WHERE c.capai_target) AS n_capai_target,
    sum(c.target) AS sum_target, sum(c.realisasi) AS sum_realisasi
FROM fct_capaian c
JOIN dim_pegawai d USING (nip)
GROUP BY ALL
ORDER BY c.periode, d.lokasi, d.opd;
