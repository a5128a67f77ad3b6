-- fct_capaian. Grain: one row per employee, period and indicator. A view over stg_capaian, which for
-- the largest loads is the staging Parquet itself (sorted by NIP within each file), never copied.
-- Capaian = realisasi/target x 100, inverted where lower is better, capped at
-- capaian_cap (settings [capaian] cap). PP 46/2011 waktu/biaya use the Perka BKN 1/2013 efficiency formula.
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
CREATE VIEW fct_capaian AS
WITH base AS (
    SELECT c.*, c.realisasi / c.target * 100 AS rasio
    FROM stg_capaian c
),
scored AS (
    SELECT *,
        CASE
            WHEN rezim = 'PP 46/2011' AND aspek IN ('waktu', 'biaya') THEN
                CASE
                    WHEN realisasi = 0 THEN 0
                    WHEN 100 - rasio <= 24 THEN ((1.76 * target - realisasi) / target) * 100
                    ELSE 76 - ((((1.76 * target - realisasi) / target) * 100) - 100)
                END
            WHEN rezim = 'PP 46/2011' THEN rasio
            WHEN arah = 'turun' AND realisasi = 0 THEN getvariable('capaian_cap')
            WHEN arah = 'turun' THEN target / realisasi * 100
            ELSE rasio
        END AS capaian_mentah
    FROM base
)
SELECT
    s.nip, s.periode, s.periode_jenis, s.periode_mulai, s.indikator, s.satuan, s.target, s.realisasi,
    s.bobot, s.arah, s.aspek, s.rezim, s.capaian_mentah,
    CASE WHEN s.rezim = 'PP 46/2011' THEN s.capaian_mentah
         ELSE least(s.capaian_mentah, getvariable('capaian_cap')) END AS capaian,
    s.capaian_mentah >= 100 AS capai_target
FROM scored s;
