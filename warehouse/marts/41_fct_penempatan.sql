-- fct_penempatan. Grain: one row per employee and appraisal period: where the employee was then. Every figure
-- of a period is attributed through this table, never through today's roster, so a period reads the same
-- before and after any later roster load.
-- The placement is the one in force on the period's last day (the latest stretch begun by then, so a leaver's
-- last months keep their last placement); periods before the employee's first roster take that first roster's.
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
CREATE TABLE fct_penempatan AS
WITH periode AS (
    SELECT periode, min(periode_mulai) AS periode_mulai, any_value(periode_jenis) AS periode_jenis
    FROM fct_kinerja GROUP BY periode
),
batas AS (
    SELECT periode, CASE periode_jenis
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
berlaku AS (  -- per period, each employee's stretch then: begun by the period's end and not followed by another
    -- begun by then; before their first stretch, the first
    SELECT b.periode, r.*
    FROM batas b JOIN riwayat r
      ON (r.dari_berikut IS NULL OR b.periode_akhir < r.dari_berikut) AND (b.periode_akhir >= r.berlaku_dari OR r.pertama)
)
SELECT
    k.nip, k.periode, d.nama,
    r.lokasi, r.instansi, r.opd, r.unit_kerja, r.jabatan, r.jenis_jabatan, r.golongan, r.status_asn,
    r.nip_atasan, a.nama AS nama_atasan
FROM fct_kinerja k
JOIN berlaku r USING (nip, periode)
JOIN dim_pegawai d ON d.nip = k.nip
LEFT JOIN dim_pegawai a ON a.nip = r.nip_atasan
ORDER BY k.periode, k.nip;
