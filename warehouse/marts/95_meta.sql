-- Small lookup tables the shared page frame reads on every page view, so it never scans the cubes.
-- dim_periode. Grain: one row per appraisal period.
CREATE TABLE dim_periode AS
SELECT periode, min(periode_mulai) AS periode_mulai FROM agg_kinerja GROUP BY periode ORDER BY periode_mulai;

-- dim_filter. Grain: one row per place x OPD x unit kerja x jenis jabatan x golongan x status that has data.
CREATE TABLE dim_filter AS
SELECT DISTINCT lokasi, opd, unit_kerja, jenis_jabatan, golongan, status_asn FROM agg_kinerja
ORDER BY ALL;

-- meta. Grain: one row: when data was last loaded, the periods covered and the rejected-row count; and, for the
-- demo accounts (queries.demo_roles), the supervisor with the most people below them and Jambi's largest OPD.
CREATE TABLE meta AS
WITH bawahan AS (SELECT nip_atasan, count(*) AS n FROM dim_pegawai WHERE nip_atasan IS NOT NULL GROUP BY nip_atasan)
SELECT
    (SELECT max(waktu) FROM load_log WHERE status <> 'ditolak') AS waktu,
    (SELECT count(DISTINCT load_id) FROM load_log WHERE status <> 'ditolak') AS n_muat,
    (SELECT min(periode) FROM dim_periode) AS dari,
    (SELECT max(periode) FROM dim_periode) AS sampai,
    (SELECT count(*) FROM dim_periode) AS n_periode,
    (SELECT count(*) FROM rejects) AS ditolak,
    (SELECT b.nip_atasan FROM bawahan b SEMI JOIN dim_pegawai d ON b.nip_atasan = d.nip
     ORDER BY b.n DESC, b.nip_atasan LIMIT 1) AS demo_atasan,
    (SELECT opd FROM dim_pegawai WHERE lokasi = 'Jambi' GROUP BY opd ORDER BY count(*) DESC, opd LIMIT 1) AS demo_opd;
