-- fct_penilai. Grain: one row per rater (NIP) and period, for superiors' ratings: how generous a rater is
-- compared with the hasil kerja of the people they rate (a lenient rater scores behaviour high
-- while results are ordinary).
-- build: per period
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
CREATE TABLE fct_penilai AS
SELECT
    p.nip_penilai, r.nama AS nama_penilai, coalesce(d.lokasi, r.lokasi) AS lokasi, coalesce(d.opd, r.opd) AS opd, p.periode,
    count(DISTINCT p.nip) AS n_dinilai,
    avg(list_reduce([*COLUMNS(lambda c: list_contains(getvariable('berakhlak'), c))], lambda a, b: a + b) / len(getvariable('berakhlak')))
        AS rata_perilaku_diberikan,
    avg(k.hasil_kerja) AS rata_hasil_dinilai
FROM stg_perilaku p
JOIN dim_pegawai r ON r.nip = p.nip_penilai
-- the rater's own placement in that period where they were appraised then, else their current one
LEFT JOIN fct_penempatan d ON d.nip = p.nip_penilai AND d.periode = p.periode
LEFT JOIN (SELECT nip, periode, hasil_kerja FROM fct_kinerja WHERE periode BETWEEN getvariable('periode_dari') AND getvariable('periode_sampai')) k ON k.nip = p.nip AND k.periode = p.periode
WHERE p.peran_penilai = 'atasan' AND p.nip_penilai IS NOT NULL AND p.periode BETWEEN getvariable('periode_dari') AND getvariable('periode_sampai')
GROUP BY ALL;
