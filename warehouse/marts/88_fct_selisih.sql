-- fct_selisih. Grain: one row per employee and period with behaviour ratings: the mean BerAKHLAK score each rater
-- role gave (superior, peers, self, all others than the superior and self), the predikat and its level, and where
-- the employee was then. The raw material of the calibration page's gaps.
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
CREATE TABLE fct_selisih AS
WITH per_rater AS (
    SELECT nip, periode, peran_penilai,
        list_reduce([*COLUMNS(lambda c: list_contains(getvariable('berakhlak'), c))], lambda a, b: a + b) / len(getvariable('berakhlak')) AS skor
    FROM stg_perilaku
),
peran AS (
    SELECT nip, periode,
        avg(skor) FILTER (WHERE peran_penilai = 'atasan') AS skor_atasan,
        avg(skor) FILTER (WHERE peran_penilai = 'rekan') AS skor_rekan,
        avg(skor) FILTER (WHERE peran_penilai = 'diri') AS skor_diri,
        avg(skor) FILTER (WHERE peran_penilai NOT IN ('atasan', 'diri')) AS skor_lain,
        count(*) FILTER (WHERE peran_penilai NOT IN ('atasan', 'diri') AND skor IS NOT NULL) AS n_lain
    FROM per_rater GROUP BY nip, periode
)
SELECT p.*, k.periode_mulai, k.periode_jenis, k.predikat, c.ordinal AS predikat_ordinal,
    d.nama, d.lokasi, d.opd, d.unit_kerja, d.nip_atasan
FROM peran p
JOIN fct_kinerja k USING (nip, periode)
JOIN fct_penempatan d USING (nip, periode)
LEFT JOIN cfg_predikat c ON c.predikat = k.predikat
ORDER BY p.periode, d.lokasi, d.opd, p.nip;
