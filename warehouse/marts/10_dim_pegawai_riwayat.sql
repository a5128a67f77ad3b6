-- dim_pegawai_riwayat. Grain: one row per employee and stretch of time in one placement (type 2, like a dbt
-- snapshot): place, instansi, OPD, unit, jabatan, jenis jabatan, golongan, status and supervisor, valid from
-- berlaku_dari (inclusive) to berlaku_sampai (exclusive; NULL: still so at the latest roster).
-- Each roster is a snapshot as of its date (per_tanggal: from the file, the context given, or the load date;
-- rosters loaded before snapshots existed count as of their load date). An employee a later roster of the same
-- place no longer lists, and no roster lists elsewhere by then, left on that roster's date (keluar). A roster
-- loaded late slots into its place in time; nothing a roster load does deletes history.
-- kept when unchanged: stg_pegawai
-- (the other table it reads, load_log, gives each staged roster row's load date, which never changes once logged)
CREATE TABLE dim_pegawai_riwayat AS
WITH muat AS (
    SELECT load_id, min(waktu)::DATE AS tanggal FROM load_log GROUP BY load_id
),
snap AS (  -- every roster row at its as-of date, blanks as the one code the filters know
    SELECT
        p.nip, p.nama, p.lokasi, p.instansi, p.opd,
        coalesce(nullif(trim(p.unit_kerja), ''), p.opd) AS unit_kerja, p.jabatan,
        coalesce(nullif(trim(p.jenis_kelamin), ''), getvariable('tidak_diisi')) AS jenis_kelamin,
        coalesce(nullif(trim(p.status_asn), ''), getvariable('tidak_diisi')) AS status_asn,
        coalesce(nullif(trim(p.golongan), ''), getvariable('tidak_diisi')) AS golongan,
        coalesce(nullif(trim(p.jenis_jabatan), ''), getvariable('tidak_diisi')) AS jenis_jabatan,
        p.nip_atasan, p.tanggal_lahir, p.tmt_pengangkatan,
        coalesce(p.per_tanggal, m.tanggal, current_date) AS per_tanggal
    FROM stg_pegawai p
    LEFT JOIN muat m ON m.load_id = p._muat
    QUALIFY row_number() OVER (PARTITION BY p.nip, coalesce(p.per_tanggal, m.tanggal, current_date) ORDER BY p._muat DESC) = 1
),
snapshots AS (  -- each place's roster dates
    SELECT DISTINCT lokasi, per_tanggal FROM snap
),
listed AS (
    SELECT DISTINCT nip, per_tanggal FROM snap
),
obs AS (
    SELECT s.*,
        lead(s.per_tanggal) OVER (PARTITION BY s.nip ORDER BY s.per_tanggal) AS berikut,
        nx.per_tanggal AS roster_berikut  -- the same place's next roster
    FROM snap s
    ASOF LEFT JOIN snapshots nx ON nx.lokasi = s.lokasi AND nx.per_tanggal > s.per_tanggal
),
ended AS (
    SELECT o.*,
        -- gone from the next roster of their place, and listed nowhere by then: left on that roster's date
        o.roster_berikut IS NOT NULL AND l.nip IS NULL AND (o.berikut IS NULL OR o.roster_berikut < o.berikut) AS keluar
    FROM obs o
    LEFT JOIN listed l ON l.nip = o.nip AND l.per_tanggal = o.roster_berikut
),
spans AS (
    SELECT *,
        per_tanggal AS dari,
        CASE WHEN keluar THEN roster_berikut ELSE berikut END AS sampai,
        -- a new stretch starts where the placement changes or the one before ended in leaving
        CASE WHEN lag(keluar) OVER w OR lag(penempatan) OVER w IS DISTINCT FROM penempatan THEN 1 ELSE 0 END AS baru
    FROM (SELECT *, (lokasi, instansi, opd, unit_kerja, jabatan, jenis_jabatan, golongan, status_asn, nip_atasan)
                    AS penempatan FROM ended)
    WINDOW w AS (PARTITION BY nip ORDER BY per_tanggal)
),
islands AS (
    SELECT *, sum(baru) OVER (PARTITION BY nip ORDER BY per_tanggal) AS pulau FROM spans
)
SELECT
    nip,
    arg_max(nama, per_tanggal) AS nama,
    any_value(lokasi) AS lokasi, any_value(instansi) AS instansi, any_value(opd) AS opd,
    any_value(unit_kerja) AS unit_kerja, any_value(jabatan) AS jabatan, any_value(jenis_jabatan) AS jenis_jabatan,
    any_value(golongan) AS golongan, any_value(status_asn) AS status_asn, any_value(nip_atasan) AS nip_atasan,
    arg_max(jenis_kelamin, per_tanggal) AS jenis_kelamin, arg_max(tanggal_lahir, per_tanggal) AS tanggal_lahir,
    arg_max(tmt_pengangkatan, per_tanggal) AS tmt_pengangkatan,
    min(dari) AS berlaku_dari,
    arg_max(sampai, per_tanggal) AS berlaku_sampai,
    arg_max(keluar, per_tanggal) AS keluar,
    max(per_tanggal) AS roster_terakhir
FROM islands
GROUP BY nip, pulau
ORDER BY nip, berlaku_dari;
