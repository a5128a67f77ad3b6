-- agg_indikator. Grain: one row per period x place x OPD x unit kerja x jenis jabatan x golongan x status
-- x indicator (the filter dimensions, so every sidebar filter narrows it). n counts employee-period-indicator
-- rows; satuan and arah are one of the indicator's values (an indicator keeps its unit and direction).
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
CREATE TABLE agg_indikator AS
SELECT
    c.periode, any_value(c.periode_mulai) AS periode_mulai, d.lokasi, d.opd, d.unit_kerja,
    d.jenis_jabatan, d.golongan, d.status_asn,
    c.indikator, any_value(c.satuan) AS satuan, any_value(c.arah) AS arah,
    count(*) AS n, sum(c.capaian) AS sum_capaian, count(*) FILTER (WHERE c.capai_target) AS n_capai_target,
    sum(c.target) AS sum_target, sum(c.realisasi) AS sum_realisasi
FROM fct_capaian c
JOIN fct_penempatan d USING (nip, periode)
GROUP BY c.periode, d.lokasi, d.opd, d.unit_kerja, d.jenis_jabatan, d.golongan, d.status_asn, c.indikator
ORDER BY c.periode, d.lokasi, d.opd;
