-- fct_ikm. Grain: one row per service unit x place x survey period (quarter, 'YYYY-Qn').
-- PermenPANRB 14/2017: NRR per unsur = sum/respondents; IKM = sum NRR x weight (exact 1/9);
-- konversi = IKM x 25, rounded half-up to 2 decimals in exact integer arithmetic:
-- round_half_up(a / b) = floor((2a + b) / (2b)) for positive a and b.
CREATE TABLE fct_ikm AS
WITH sums AS (
    SELECT unit_layanan, lokasi, any_value(opd) AS opd, periode,
           min(tanggal) AS tanggal_awal, max(tanggal) AS tanggal_akhir,
           count(*) AS n_responden,
           sum(u1) AS s1, sum(u2) AS s2, sum(u3) AS s3, sum(u4) AS s4, sum(u5) AS s5,
           sum(u6) AS s6, sum(u7) AS s7, sum(u8) AS s8, sum(u9) AS s9
    FROM stg_skm
    GROUP BY unit_layanan, lokasi, periode
),
exact AS (
    SELECT *,
        (s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9)::HUGEINT AS total,
        -- konversi x 100 = 25 x 100 x w_num x total / (w_den x n)
        2500 * getvariable('skm_w_num') * (s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9)::HUGEINT AS a,
        getvariable('skm_w_den') * n_responden::HUGEINT AS b
    FROM sums
)
SELECT
    unit_layanan, lokasi, opd, periode,
    make_date(CAST(left(periode, 4) AS INTEGER), (CAST(right(periode, 1) AS INTEGER) - 1) * 3 + 1, 1) AS periode_mulai,
    CAST(make_date(CAST(left(periode, 4) AS INTEGER), (CAST(right(periode, 1) AS INTEGER) - 1) * 3 + 1, 1)
         + INTERVAL 3 MONTH AS DATE) AS periode_selesai,  -- first day after the survey quarter
    tanggal_awal, tanggal_akhir, n_responden,
    s1 / n_responden AS nrr_u1, s2 / n_responden AS nrr_u2, s3 / n_responden AS nrr_u3,
    s4 / n_responden AS nrr_u4, s5 / n_responden AS nrr_u5, s6 / n_responden AS nrr_u6,
    s7 / n_responden AS nrr_u7, s8 / n_responden AS nrr_u8, s9 / n_responden AS nrr_u9,
    total * getvariable('skm_w_num') / (getvariable('skm_w_den') * n_responden) AS ikm,
    ((2 * a + b) // (2 * b))::BIGINT AS konversi_x100,
    ((2 * a + b) // (2 * b))::DECIMAL(10, 0) / 100 AS ikm_konversi,
    CASE WHEN (2 * a + b) // (2 * b) >= round(getvariable('skm_a_min') * 100) THEN 'A'
         WHEN (2 * a + b) // (2 * b) >= round(getvariable('skm_b_min') * 100) THEN 'B'
         WHEN (2 * a + b) // (2 * b) >= round(getvariable('skm_c_min') * 100) THEN 'C'
         ELSE 'D' END AS mutu,
    n_responden < getvariable('skm_min_respondents') AS sampel_kecil
FROM exact
ORDER BY lokasi, unit_layanan, periode;
