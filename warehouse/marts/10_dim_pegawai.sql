-- dim_pegawai. Grain: one row per employee (NIP), with the direct superior's name.
CREATE TABLE dim_pegawai AS
WITH pegawai AS (
    SELECT * FROM stg_pegawai
),
atasan AS (
    SELECT nip, nama FROM stg_pegawai
)
SELECT
    p.nip, p.nama, p.jenis_kelamin, p.status_asn, p.golongan, p.jenis_jabatan, p.jabatan,
    p.lokasi, p.instansi, p.opd, coalesce(p.unit_kerja, p.opd) AS unit_kerja,
    p.nip_atasan, a.nama AS nama_atasan, p.tanggal_lahir, p.tmt_pengangkatan
FROM pegawai p
LEFT JOIN atasan a ON a.nip = p.nip_atasan
ORDER BY p.nip;
