-- agg_sebaran_opd. Grain: one row per period x place x OPD x score bin. agg_sebaran with the roster's finer
-- columns summed away: what a histogram filtered by place, OPD and period only re-aggregates.
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
CREATE TABLE agg_sebaran_opd AS
SELECT periode, lokasi, opd, bin, sum(n)::BIGINT AS n
FROM agg_sebaran
GROUP BY periode, lokasi, opd, bin
ORDER BY periode, lokasi, opd;
