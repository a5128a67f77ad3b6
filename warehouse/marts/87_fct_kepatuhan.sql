-- fct_kepatuhan. Grain: one row per employee and appraisal period in which the roster lists them (placed by the
-- stretch of dim_pegawai_riwayat in force on the period's last day, else the latest begun by then, else their
-- first; not after they left): whether they have an SKP (indicators or an official evaluation), a realisasi
-- (an indicator realised above zero: e-Kinerja exports zero until it is filled in) and a rating (a predikat),
-- and whether a status in kepatuhan_dikecualikan overlapping the period excuses them (counted apart).
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
-- whole when changed: dim_pegawai_riwayat, stg_pengecualian
-- (who is on a roster in a period reads the stretches' ends, and an exclusion spans periods: with both as before, a
-- period's rows are its own; periode_hitung, set by an incremental build, narrows the inputs to those periods early)
CREATE TABLE fct_kepatuhan AS
WITH periode AS (
    SELECT periode, min(periode_mulai) AS periode_mulai, any_value(periode_jenis) AS periode_jenis FROM fct_kinerja
    WHERE getvariable('periode_hitung') IS NULL OR list_contains(getvariable('periode_hitung'), periode)
    GROUP BY periode
),
batas AS (
    SELECT *, CASE periode_jenis
            WHEN 'bulanan' THEN periode_mulai + INTERVAL 1 MONTH
            WHEN 'triwulanan' THEN periode_mulai + INTERVAL 3 MONTH
            ELSE periode_mulai + INTERVAL 1 YEAR END::DATE - 1 AS periode_akhir
    FROM periode
),
riwayat AS (
    SELECT r.*,
        lead(r.berlaku_dari) OVER (PARTITION BY r.nip ORDER BY r.berlaku_dari) AS dari_berikut,
        r.berlaku_dari = min(r.berlaku_dari) OVER (PARTITION BY r.nip) AS pertama
    FROM dim_pegawai_riwayat r
),
berlaku AS (  -- the stretch in force then: the latest begun by the period's end, else the employee's first
    SELECT b.periode, b.periode_mulai, b.periode_akhir, r.*
    FROM batas b JOIN riwayat r
      ON (r.dari_berikut IS NULL OR b.periode_akhir < r.dari_berikut) AND (b.periode_akhir >= r.berlaku_dari OR r.pertama)
),
terdaftar AS (  -- not those who had left before the period began
    SELECT * FROM berlaku WHERE NOT (coalesce(keluar, false) AND berlaku_sampai <= periode_mulai)
),
pengecualian AS (
    SELECT t.nip, t.periode, string_agg(DISTINCT e.jenis_status, ', ' ORDER BY e.jenis_status) AS alasan_pengecualian
    FROM terdaftar t JOIN stg_pengecualian e
      ON e.nip = t.nip AND list_contains(getvariable('kepatuhan_dikecualikan'), e.jenis_status)
     AND e.status_mulai <= t.periode_akhir AND (e.status_selesai IS NULL OR e.status_selesai >= t.periode_mulai)
    GROUP BY t.nip, t.periode
)
SELECT t.nip, t.nama, t.lokasi, t.opd, t.unit_kerja, t.jabatan, t.periode, t.periode_mulai,
    -- an SKP: indicators or an official evaluation, which is what gives an employee-period its fct_kinerja row
    k.nip IS NOT NULL AS ada_skp,
    coalesce(k.ada_realisasi, false) AS ada_realisasi,
    coalesce(k.predikat IS NOT NULL, false) AS ada_rating,
    x.alasan_pengecualian IS NOT NULL AS dikecualikan, x.alasan_pengecualian
FROM terdaftar t
LEFT JOIN fct_kinerja k USING (nip, periode)
LEFT JOIN pengecualian x USING (nip, periode)
ORDER BY t.periode, t.lokasi, t.opd, t.nip;
