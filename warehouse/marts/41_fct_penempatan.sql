-- fct_penempatan. Grain: one row per employee and appraisal period: where the employee was then. Every figure
-- of a period is attributed through this table, never through today's roster, so a period reads the same
-- before and after any later roster load.
-- The placement is the one in force on the period's last day (the latest stretch begun by then, so a leaver's
-- last months keep their last placement); periods before the employee's first roster take that first roster's.
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
CREATE TABLE fct_penempatan AS
WITH kunci AS (
    SELECT nip, periode, periode_mulai,
        CASE periode_jenis
            WHEN 'bulanan' THEN periode_mulai + INTERVAL 1 MONTH
            WHEN 'triwulanan' THEN periode_mulai + INTERVAL 3 MONTH
            ELSE periode_mulai + INTERVAL 1 YEAR END::DATE - 1 AS periode_akhir
    FROM fct_kinerja
),
pertama AS (
    SELECT * FROM dim_pegawai_riwayat
    QUALIFY row_number() OVER (PARTITION BY nip ORDER BY berlaku_dari) = 1
),
saat_itu AS (
    SELECT k.nip, k.periode, r.berlaku_dari
    FROM kunci k
    ASOF LEFT JOIN dim_pegawai_riwayat r ON r.nip = k.nip AND k.periode_akhir >= r.berlaku_dari
)
SELECT
    s.nip, s.periode, d.nama,
    r.lokasi, r.instansi, r.opd, r.unit_kerja, r.jabatan, r.jenis_jabatan, r.golongan, r.status_asn,
    r.nip_atasan, a.nama AS nama_atasan
FROM saat_itu s
LEFT JOIN pertama p ON p.nip = s.nip
JOIN dim_pegawai_riwayat r ON r.nip = s.nip AND r.berlaku_dari = coalesce(s.berlaku_dari, p.berlaku_dari)
JOIN dim_pegawai d ON d.nip = s.nip
LEFT JOIN dim_pegawai a ON a.nip = r.nip_atasan
ORDER BY s.periode, s.nip;
