-- mart_pembinaan. Grain: one row per employee and period for employees that a coaching rule flags
-- as of that period. Rules (settings [pembinaan]):
--   predikat: predikat Butuh Perbaikan or worse in that period (sumber_predikat says whether the official
--             predikat or the dashboard's computed one, so the list can say which);
--   berturut: hasil kerja below score_cutoff in each of the last consecutive_periods calendar periods
--             (a missing period breaks the run: January, June and December are not three in a row);
--   tren: a falling trend over the last trend_periods calendar periods, each with a hasil kerja, with a
--         least-squares drop over the window of at least trend_min_drop points.
-- Windows run over periode_ke (calendar position), partitioned by period kind.
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
-- reach: pembinaan_consecutive_periods, pembinaan_trend_periods
-- (a period's row reads the windows' earlier periods: an incremental build recomputes the periods a change reaches,
-- reading only the periods their windows cover, periode_masukan)
CREATE TABLE mart_pembinaan AS
-- Only the columns the rules and the list use go through the windows (the sort carries them).
WITH k AS (
    SELECT f.nip, f.periode, f.periode_mulai, f.periode_jenis, f.periode_ke, f.hasil_kerja, f.perilaku,
           f.predikat, f.sumber_predikat, o.urut
    FROM fct_kinerja f
    LEFT JOIN cfg_predikat o ON o.predikat = f.predikat
    WHERE getvariable('periode_masukan') IS NULL OR list_contains(getvariable('periode_masukan'), f.periode)
),
w AS (
    SELECT *,
        count(*) FILTER (WHERE hasil_kerja < getvariable('pembinaan_score_cutoff'))
            OVER win_k AS n_bawah,
        count(*) OVER win_k AS n_win_k,
        regr_slope(hasil_kerja, periode_ke) OVER win_t AS slope,
        count(hasil_kerja) OVER win_t AS n_win_t,
        list(round(hasil_kerja, 1)) OVER win_t AS tren
    FROM k
    WINDOW
        win_k AS (PARTITION BY nip, periode_jenis ORDER BY periode_ke RANGE BETWEEN getvariable('pembinaan_consecutive_periods') - 1 PRECEDING AND CURRENT ROW),
        win_t AS (PARTITION BY nip, periode_jenis ORDER BY periode_ke RANGE BETWEEN getvariable('pembinaan_trend_periods') - 1 PRECEDING AND CURRENT ROW)
),
flagged AS (
    SELECT *,
        coalesce(urut >= (SELECT urut FROM cfg_predikat WHERE predikat = getvariable('pembinaan_predikat_trigger')), false) AS aturan_predikat,
        (n_win_k = getvariable('pembinaan_consecutive_periods') AND n_bawah = n_win_k) AS aturan_berturut,
        (n_win_t = getvariable('pembinaan_trend_periods')
            -- the fitted drop to 9 decimals, so a drop of exactly trend_min_drop counts despite float noise
            AND round(slope * (n_win_t - 1), 9) <= -getvariable('pembinaan_trend_min_drop')) AS aturan_tren
    FROM w
),
listed AS (
    SELECT * FROM flagged WHERE aturan_predikat OR aturan_berturut OR aturan_tren
),
-- weakest indicators and values, looked up for listed employee-periods only
lemah_indikator AS (
    SELECT c.nip, c.periode,
        list(c.indikator || ' (' || CAST(round(c.capaian, 1) AS VARCHAR) || ')' ORDER BY c.capaian)[1:2] AS indikator_lemah
    FROM fct_capaian c
    JOIN (SELECT nip, periode FROM listed) l ON l.nip = c.nip AND l.periode = c.periode
    GROUP BY c.nip, c.periode
),
nilai AS (
    UNPIVOT (SELECT p.* FROM fct_perilaku_pegawai p
             JOIN (SELECT nip, periode FROM listed) l ON l.nip = p.nip AND l.periode = p.periode)
    ON COLUMNS(lambda c: list_contains(getvariable('berakhlak'), c))
    INTO NAME nilai_berakhlak VALUE skor_nilai
),
lemah_nilai AS (
    SELECT nip, periode, list(nilai_berakhlak ORDER BY skor_nilai)[1:2] AS nilai_lemah
    FROM nilai
    GROUP BY nip, periode
)
SELECT
    f.nip, d.nama, d.lokasi, d.opd, d.unit_kerja, d.jenis_jabatan, d.golongan, d.status_asn, d.jabatan,
    d.nip_atasan, d.nama_atasan, f.periode, f.periode_mulai, f.hasil_kerja, f.perilaku, f.predikat,
    f.sumber_predikat, f.aturan_predikat, f.aturan_berturut, f.aturan_tren,
    f.aturan_predikat::INT + f.aturan_berturut::INT + f.aturan_tren::INT AS n_aturan,
    li.indikator_lemah, ln.nilai_lemah, f.tren,
    -- most urgent first: more rules, worse predikat, lower score
    (f.aturan_predikat::INT + f.aturan_berturut::INT + f.aturan_tren::INT) * 1000
        + coalesce(f.urut, 0) * 100 + (getvariable('capaian_cap') - coalesce(least(f.hasil_kerja, getvariable('capaian_cap')), 0)) AS urgensi
FROM listed f
JOIN fct_penempatan d USING (nip, periode)
LEFT JOIN lemah_indikator li USING (nip, periode)
LEFT JOIN lemah_nilai ln USING (nip, periode)
ORDER BY f.periode, urgensi DESC;
