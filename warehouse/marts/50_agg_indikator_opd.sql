-- agg_indikator_opd. Grain: one row per period x place x OPD x indicator. agg_indikator with the roster's finer
-- columns summed away: what the indicator table filtered by place, OPD and period only re-aggregates.
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
CREATE TABLE agg_indikator_opd AS
SELECT periode, min(periode_mulai) AS periode_mulai, lokasi, opd, indikator, any_value(satuan) AS satuan,
    any_value(arah) AS arah, sum(n)::BIGINT AS n, sum(sum_capaian) AS sum_capaian,
    sum(n_capai_target)::BIGINT AS n_capai_target, sum(sum_target) AS sum_target, sum(sum_realisasi) AS sum_realisasi
FROM agg_indikator
GROUP BY periode, lokasi, opd, indikator
ORDER BY periode, lokasi, opd;
