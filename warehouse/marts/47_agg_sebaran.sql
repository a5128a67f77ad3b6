-- agg_sebaran. Grain: one row per period x place x OPD x unit kerja x jenis jabatan x golongan x status
-- x score bin (hasil kerja in bins of sebaran_bin_width points, from 0, the last bin open-ended).
-- Histograms re-aggregate these counts instead of reading every employee's score.
CREATE TABLE agg_sebaran AS
SELECT
    periode, lokasi, opd, unit_kerja,
    coalesce(jenis_jabatan, '-') AS jenis_jabatan, coalesce(golongan, '-') AS golongan,
    coalesce(status_asn, '-') AS status_asn,
    least(floor(greatest(hasil_kerja, 0) / getvariable('sebaran_bin_width')) * getvariable('sebaran_bin_width'),
          getvariable('sebaran_max')) AS bin,
    count(*) AS n
FROM fct_kinerja
WHERE hasil_kerja IS NOT NULL
GROUP BY ALL
ORDER BY periode, lokasi, opd;
