-- dim_pegawai. Grain: one row per employee (NIP) as of the latest roster: their current placement (the last
-- stretch of dim_pegawai_riwayat), the direct superior's name, and whether they are still on the roster
-- (aktif; keluar_per: the date of the roster from which they were no longer listed).
-- Names, search and the profile read it; figures of a period never do (they read fct_penempatan).
-- kept when unchanged: dim_pegawai_riwayat
CREATE TABLE dim_pegawai AS
WITH kini AS (
    SELECT * FROM dim_pegawai_riwayat
    QUALIFY row_number() OVER (PARTITION BY nip ORDER BY berlaku_dari DESC) = 1
)
SELECT
    k.nip, k.nama, k.jenis_kelamin, k.status_asn, k.golongan, k.jenis_jabatan,
    k.jabatan, k.lokasi, k.instansi, k.opd, k.unit_kerja,
    k.nip_atasan, a.nama AS nama_atasan, k.tanggal_lahir, k.tmt_pengangkatan,
    NOT k.keluar AS aktif, CASE WHEN k.keluar THEN k.berlaku_sampai END AS keluar_per, k.roster_terakhir
FROM kini k
LEFT JOIN kini a ON a.nip = k.nip_atasan
ORDER BY k.nip;
