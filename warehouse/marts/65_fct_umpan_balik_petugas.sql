-- fct_umpan_balik_petugas. Grain: one row per serving officer (NIP) and survey period,
-- from survey forms that name the officer. Same IKM arithmetic as fct_ikm.
CREATE TABLE fct_umpan_balik_petugas AS
WITH sums AS (
    SELECT nip_petugas AS nip, periode, count(*) AS n_responden,
           sum(u1 + u2 + u3 + u4 + u5 + u6 + u7 + u8 + u9)::HUGEINT AS total,
           avg(u6) AS nrr_kompetensi, avg(u7) AS nrr_perilaku
    FROM stg_skm
    WHERE nip_petugas IS NOT NULL
    GROUP BY nip_petugas, periode
)
SELECT nip, periode, n_responden, nrr_kompetensi, nrr_perilaku,
       ((2 * CAST(round(getvariable('skm_konversi') * 100) AS HUGEINT) * getvariable('skm_w_num') * total + getvariable('skm_w_den') * n_responden)
        // (2 * getvariable('skm_w_den') * n_responden))::DECIMAL(10, 0) / 100 AS ikm_konversi
FROM sums
ORDER BY nip, periode;
