-- fct_kalibrasi. Grain: one row per superior's rating: rated employee, period and rater (nip_penilai). The score
-- the superior gave, the score the same employee got from everyone else (peers, subordinates, the public; not
-- self), the employee's predikat, and the rater's name and where the rater was then (their own placement in that
-- period where they were appraised, else their current one).
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
CREATE TABLE fct_kalibrasi AS
WITH diberi AS (
    SELECT nip, periode, nip_penilai,
        avg(list_reduce([*COLUMNS(lambda c: list_contains(getvariable('berakhlak'), c))], lambda a, b: a + b) / len(getvariable('berakhlak'))) AS skor_diberi
    FROM stg_perilaku
    WHERE peran_penilai = 'atasan' AND nip_penilai IS NOT NULL
    GROUP BY nip, periode, nip_penilai
)
SELECT g.nip, g.periode, s.periode_mulai, g.nip_penilai, r.nama AS nama_penilai,
    coalesce(d.lokasi, r.lokasi) AS lokasi, coalesce(d.opd, r.opd) AS opd,
    g.skor_diberi, s.skor_lain, s.n_lain, s.predikat, s.predikat_ordinal,
    s.lokasi AS lokasi_dinilai, s.opd AS opd_dinilai
FROM diberi g
JOIN fct_selisih s USING (nip, periode)
JOIN dim_pegawai r ON r.nip = g.nip_penilai
LEFT JOIN fct_penempatan d ON d.nip = g.nip_penilai AND d.periode = g.periode
ORDER BY g.periode, lokasi, opd, g.nip_penilai;
