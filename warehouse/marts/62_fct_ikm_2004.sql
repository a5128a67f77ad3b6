-- fct_ikm_2004. Grain: one row per service unit x place x survey period (quarter) of a KepmenPAN 25/2004 survey.
-- The legacy index, kept apart from fct_ikm (PermenPANRB 14/2017) and never on its trend line: NRR per unsur =
-- sum/respondents over fourteen unsur; IKM = sum NRR x 0,071 (the decree's weight as written, domain.survey
-- WEIGHT_2004); konversi = IKM x 25 rounded half-up to 2 decimals; mutu by the decree's edges (GRADES_2004):
-- A from 81,26, B from 62,51, C from 43,76, else D.
CREATE TABLE fct_ikm_2004 AS
WITH sums AS (
    SELECT unit_layanan, lokasi, any_value(opd) AS opd, periode, count(*) AS n_responden,
           sum(u1) + sum(u2) + sum(u3) + sum(u4) + sum(u5) + sum(u6) + sum(u7) + sum(u8) + sum(u9) + sum(u10)
             + sum(u11) + sum(u12) + sum(u13) + sum(u14) AS total
    FROM stg_ikm2004
    GROUP BY unit_layanan, lokasi, periode
),
idx AS (
    -- konversi x 100 = total x 0,071 x 25 x 100 / n = total x 1775 / (10 n), rounded half-up in integers:
    -- round_half_up(a / b) = floor((2a + b) / (2b))
    SELECT *, total / n_responden * 0.071 AS ikm,
           (2 * total::HUGEINT * 1775 + 10 * n_responden) // (20 * n_responden) AS konversi_x100
    FROM sums
)
SELECT
    unit_layanan, lokasi, opd, periode, n_responden, ikm,
    konversi_x100::DECIMAL(10, 0) / 100 AS ikm_konversi,
    CASE WHEN konversi_x100 >= 8126 THEN 'A'
         WHEN konversi_x100 >= 6251 THEN 'B'
         WHEN konversi_x100 >= 4376 THEN 'C'
         ELSE 'D' END AS mutu,
    'KepmenPAN 25/2004' AS rezim
FROM idx
ORDER BY lokasi, unit_layanan, periode;
