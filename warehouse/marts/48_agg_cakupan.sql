-- agg_cakupan. Grain: one row per appraisal period x place x OPD: how complete the period is there.
-- n_pegawai: employees on the roster then (the placement in force on the period's last day, as fct_penempatan
-- takes it; a leaver counts until the roster that no longer lists them; before a place's first roster, that
-- first roster stands in), together with anyone appraised there then; n_dinilai: those with a result
-- (a row in fct_kinerja); n_resmi: those whose predikat is the official one (sumber_predikat = 'resmi').
-- Every appraisal period is paired with every employee, so a place with nothing loaded for a period shows
-- n_dinilai = 0, never no row. The share that makes a period complete is a setting ([periode] cakupan_min),
-- applied by the queries, not here.
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
-- whole when changed: dim_pegawai_riwayat
-- (who is on a roster in a period reads the stretches' ends: with the roster as before, a period's rows are its own)
CREATE TABLE agg_cakupan AS
WITH periode AS (
    SELECT periode, any_value(periode_mulai) AS periode_mulai, any_value(periode_jenis) AS periode_jenis,
        any_value(CASE periode_jenis
            WHEN 'bulanan' THEN periode_mulai + INTERVAL 1 MONTH
            WHEN 'triwulanan' THEN periode_mulai + INTERVAL 3 MONTH
            ELSE periode_mulai + INTERVAL 1 YEAR END)::DATE - 1 AS periode_akhir
    FROM fct_kinerja GROUP BY periode
),
roster_awal AS (  -- each place's first roster date
    SELECT lokasi, min(berlaku_dari) AS tanggal FROM dim_pegawai_riwayat GROUP BY lokasi
),
pertama AS (
    SELECT * FROM dim_pegawai_riwayat
    QUALIFY row_number() OVER (PARTITION BY nip ORDER BY berlaku_dari) = 1
),
pasangan AS (
    SELECT p.periode, p.periode_akhir, d.nip FROM periode p CROSS JOIN (SELECT DISTINCT nip FROM dim_pegawai_riwayat) d
),
saat_itu AS (
    SELECT s.periode, s.periode_akhir, s.nip, r.lokasi, r.opd, r.keluar, r.berlaku_sampai
    FROM pasangan s
    ASOF LEFT JOIN dim_pegawai_riwayat r ON r.nip = s.nip AND s.periode_akhir >= r.berlaku_dari
),
di_roster AS (
    SELECT s.periode, s.nip, coalesce(s.lokasi, f.lokasi) AS lokasi,
           CASE WHEN s.lokasi IS NOT NULL THEN s.opd ELSE f.opd END AS opd
    FROM saat_itu s
    JOIN pertama f ON f.nip = s.nip
    JOIN roster_awal a ON a.lokasi = f.lokasi
    WHERE CASE WHEN s.lokasi IS NOT NULL
               -- gone by the period's last day
               THEN NOT (s.keluar AND s.berlaku_sampai <= s.periode_akhir)
               -- before their first roster: counted only while their place had no roster yet
               ELSE s.periode_akhir < a.tanggal END
),
dinilai AS (
    SELECT k.periode, k.nip, t.lokasi, t.opd, k.sumber_predikat = 'resmi' AS resmi
    FROM fct_kinerja k JOIN fct_penempatan t USING (nip, periode)
),
semua AS (  -- the appraised count where they were appraised, even when the roster placed them elsewhere
    SELECT coalesce(d.periode, r.periode) AS periode, coalesce(d.lokasi, r.lokasi) AS lokasi,
           coalesce(d.opd, r.opd) AS opd, d.nip IS NOT NULL AS dinilai, coalesce(d.resmi, false) AS resmi
    FROM di_roster r FULL JOIN dinilai d ON d.nip = r.nip AND d.periode = r.periode
)
SELECT s.periode, p.periode_mulai, p.periode_jenis, s.lokasi, s.opd,
       count(*) AS n_pegawai, count(*) FILTER (WHERE dinilai) AS n_dinilai, count(*) FILTER (WHERE resmi) AS n_resmi
FROM semua s JOIN periode p USING (periode)
GROUP BY ALL
ORDER BY p.periode_mulai, s.lokasi, s.opd;
