-- mart_penghargaan. Grain: one row per employee and period for consistent top performers as of that
-- period: over the last min_periods calendar periods (all present: a gap breaks the run), Sangat Baik in at least min_share_sangat_baik of them and
-- a mean hasil kerja of at least min_score. n_sb_resmi: how many of those Sangat Baik are official predikat
-- (the rest computed by the dashboard), so the list says why each person is on it.
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
-- reach: penghargaan_min_periods
-- (a period's row reads the window's earlier periods: an incremental build recomputes the periods a change reaches,
-- reading only the periods their windows cover, periode_masukan)
CREATE TABLE mart_penghargaan AS
-- Only the columns the rule and the list use go through the windows (the sort carries them).
WITH k AS (
    SELECT nip, periode, periode_mulai, periode_jenis, periode_ke, hasil_kerja, perilaku, predikat, sumber_predikat
    FROM fct_kinerja
    WHERE getvariable('periode_masukan') IS NULL OR list_contains(getvariable('periode_masukan'), periode)
),
w AS (
    SELECT *,
        count(*) OVER win AS n_win,
        count(*) FILTER (WHERE predikat = 'Sangat Baik') OVER win AS n_sb,
        count(*) FILTER (WHERE predikat = 'Sangat Baik' AND sumber_predikat = 'resmi') OVER win AS n_sb_resmi,
        avg(hasil_kerja) OVER win AS rata_hasil,
        avg(perilaku) OVER win AS rata_perilaku,
        list(round(hasil_kerja, 1)) OVER win AS tren
    FROM k
    WINDOW win AS (PARTITION BY nip, periode_jenis ORDER BY periode_ke RANGE BETWEEN getvariable('penghargaan_min_periods') - 1 PRECEDING AND CURRENT ROW)
),
top AS (
    SELECT * FROM w
    WHERE n_win = getvariable('penghargaan_min_periods')
      AND n_sb >= getvariable('penghargaan_min_share_sangat_baik') * n_win
      AND rata_hasil >= getvariable('penghargaan_min_score')
),
-- strongest indicators and values, looked up for listed employee-periods only
kuat_indikator AS (
    SELECT c.nip, c.periode,
        list(c.indikator || ' (' || CAST(round(c.capaian, 1) AS VARCHAR) || ')' ORDER BY c.capaian DESC)[1:2] AS indikator_unggul
    FROM fct_capaian c
    JOIN (SELECT nip, periode FROM top) t ON t.nip = c.nip AND t.periode = c.periode
    GROUP BY c.nip, c.periode
),
nilai AS (
    UNPIVOT (SELECT p.* FROM fct_perilaku_pegawai p
             JOIN (SELECT nip, periode FROM top) t ON t.nip = p.nip AND t.periode = p.periode)
    ON COLUMNS(lambda c: list_contains(getvariable('berakhlak'), c))
    INTO NAME nilai_berakhlak VALUE skor_nilai
),
kuat_nilai AS (
    SELECT nip, periode, list(nilai_berakhlak ORDER BY skor_nilai DESC)[1:2] AS nilai_unggul
    FROM nilai GROUP BY nip, periode
)
SELECT t.nip, d.nama, d.lokasi, d.opd, d.unit_kerja, d.jenis_jabatan, d.golongan, d.status_asn, d.jabatan,
       t.periode, t.periode_mulai, t.n_sb, t.n_sb_resmi, t.n_win, t.rata_hasil, t.rata_perilaku, t.predikat, t.tren,
       ki.indikator_unggul, kn.nilai_unggul
FROM top t
JOIN fct_penempatan d USING (nip, periode)
LEFT JOIN kuat_indikator ki USING (nip, periode)
LEFT JOIN kuat_nilai kn USING (nip, periode)
ORDER BY t.periode, t.rata_hasil DESC;
