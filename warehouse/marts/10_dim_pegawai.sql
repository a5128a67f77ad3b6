-- dim_pegawai. Grain: one row per employee (NIP), with the direct superior's name.
-- A blank jenis kelamin, status, golongan or jenis jabatan becomes one code, getvariable('tidak_diisi'), here
-- and so in every mart built from this table: filters, overview and lists then count the same people.
CREATE TABLE dim_pegawai AS
WITH pegawai AS (
    SELECT * FROM stg_pegawai
),
atasan AS (
    SELECT nip, nama FROM stg_pegawai
)
SELECT
    p.nip, p.nama,
    coalesce(nullif(trim(p.jenis_kelamin), ''), getvariable('tidak_diisi')) AS jenis_kelamin,
    coalesce(nullif(trim(p.status_asn), ''), getvariable('tidak_diisi')) AS status_asn,
    coalesce(nullif(trim(p.golongan), ''), getvariable('tidak_diisi')) AS golongan,
    coalesce(nullif(trim(p.jenis_jabatan), ''), getvariable('tidak_diisi')) AS jenis_jabatan,
    p.jabatan, p.lokasi, p.instansi, p.opd, coalesce(nullif(trim(p.unit_kerja), ''), p.opd) AS unit_kerja,
    p.nip_atasan, a.nama AS nama_atasan, p.tanggal_lahir, p.tmt_pengangkatan
FROM pegawai p
LEFT JOIN atasan a ON a.nip = p.nip_atasan
ORDER BY p.nip;
