-- agg_sebaran. Grain: one row per period x place x OPD x unit kerja x jenis jabatan x golongan x status
-- x score bin (hasil kerja in bins of sebaran_bin_width points, from 0, the last bin open-ended).
-- n counts employee-periods with a hasil kerja. Histograms re-aggregate these counts instead of reading
-- every employee's score.
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
CREATE TABLE agg_sebaran AS
SELECT
    k.periode, d.lokasi, d.opd, d.unit_kerja, d.jenis_jabatan, d.golongan, d.status_asn,
    least(floor(greatest(hasil_kerja, 0) / getvariable('sebaran_bin_width')) * getvariable('sebaran_bin_width'),
          getvariable('sebaran_max')) AS bin,
    count(*) AS n
FROM fct_kinerja k
JOIN fct_penempatan d USING (nip, periode)
WHERE hasil_kerja IS NOT NULL
GROUP BY ALL
ORDER BY periode, lokasi, opd;
