-- fct_perilaku_pegawai. Grain: one row per employee and period.
-- Role-weighted behaviour score (cfg_peran), weights renormalised over the roles present.
-- build: per period
CREATE TABLE fct_perilaku_pegawai AS
WITH weighted AS (
    SELECT f.*, r.bobot
    FROM fct_perilaku f
    JOIN cfg_peran r ON r.peran = f.peran_penilai
    WHERE r.bobot > 0 AND f.periode = getvariable('periode_build')
)
SELECT
    nip, periode,
    sum(skor * bobot) / sum(bobot) AS perilaku,
    sum(berorientasi_pelayanan * bobot) / sum(bobot) AS berorientasi_pelayanan,
    sum(akuntabel * bobot) / sum(bobot) AS akuntabel,
    sum(kompeten * bobot) / sum(bobot) AS kompeten,
    sum(harmonis * bobot) / sum(bobot) AS harmonis,
    sum(loyal * bobot) / sum(bobot) AS loyal,
    sum(adaptif * bobot) / sum(bobot) AS adaptif,
    sum(kolaboratif * bobot) / sum(bobot) AS kolaboratif,
    bool_or(peran_penilai IN ('rekan', 'bawahan')) AS penilaian_360
FROM weighted
GROUP BY nip, periode
ORDER BY nip;
