-- Small lookup tables the shared page frame reads on every page view, so it never scans the cubes.
-- dim_periode. Grain: one row per appraisal period.
CREATE TABLE dim_periode AS
SELECT periode, min(periode_mulai) AS periode_mulai FROM agg_kinerja GROUP BY periode ORDER BY periode_mulai;

-- dim_filter. Grain: one row per place x OPD x unit kerja x jenis jabatan x golongan x status that has data.
CREATE TABLE dim_filter AS
SELECT DISTINCT lokasi, opd, unit_kerja, jenis_jabatan, golongan, status_asn FROM agg_kinerja
ORDER BY ALL;

-- meta. Grain: one row: when data was last loaded, the periods covered and the rejected-row count.
CREATE TABLE meta AS
SELECT
    (SELECT max(waktu) FROM load_log WHERE status <> 'ditolak') AS waktu,
    (SELECT count(DISTINCT load_id) FROM load_log WHERE status <> 'ditolak') AS n_muat,
    (SELECT min(periode) FROM dim_periode) AS dari,
    (SELECT max(periode) FROM dim_periode) AS sampai,
    (SELECT count(*) FROM dim_periode) AS n_periode,
    (SELECT count(*) FROM rejects) AS ditolak;
