-- fct_perilaku_pegawai. Grain: one row per employee and period.
-- Role-weighted behaviour score (cfg_peran), weights renormalised over the roles present.
-- build: in batches of periods
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
CREATE TABLE fct_perilaku_pegawai AS
WITH weighted AS (
    SELECT f.*, r.bobot
    FROM fct_perilaku f
    JOIN cfg_peran r ON r.peran = f.peran_penilai
    WHERE r.bobot > 0 AND f.periode BETWEEN getvariable('periode_dari') AND getvariable('periode_sampai')
)
SELECT
    nip, periode,
    sum(skor * bobot) / sum(bobot) AS perilaku,
    sum(COLUMNS(lambda c: list_contains(getvariable('berakhlak'), c)) * bobot) / sum(bobot),  -- each BerAKHLAK value, under its own name
    bool_or(peran_penilai IN ('rekan', 'bawahan')) AS penilaian_360
FROM weighted
GROUP BY nip, periode
ORDER BY periode;
