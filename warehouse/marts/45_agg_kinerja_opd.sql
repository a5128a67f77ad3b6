-- agg_kinerja_opd. Grain: one row per period x place x OPD. agg_kinerja's counts and sums with the roster's finer
-- columns (unit kerja, jenis jabatan, golongan, status) summed away: what a view filtered and grouped by place, OPD
-- and period only (most views: Ringkasan, Skor, Tren) re-aggregates, 24 times fewer rows at province.
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
CREATE TABLE agg_kinerja_opd AS
SELECT
    periode, min(periode_mulai) AS periode_mulai, lokasi, opd,
    sum(COLUMNS(lambda c: c = 'n' OR c LIKE 'n\_%' ESCAPE '\'))::BIGINT,
    sum(COLUMNS(lambda c: c LIKE 'sum%'))
FROM agg_kinerja
GROUP BY periode, lokasi, opd
ORDER BY periode, lokasi, opd;
