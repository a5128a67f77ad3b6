-- dim_periode_hasil. Grain: one row per period in which anyone has a hasil kerja, in key order, numbered. The
-- order fct_kinerja_rentang's stretches are consecutive in, and what a range's bounds are snapped to.
CREATE TABLE dim_periode_hasil AS
SELECT periode, row_number() OVER (ORDER BY periode)::INTEGER AS urutan
FROM (SELECT DISTINCT periode FROM fct_kinerja_tempat)
ORDER BY periode;

-- fct_kinerja_rentang. Grain: one row per employee x placement (place, OPD, unit, jenis jabatan, golongan,
-- status) x stretch: a run of periods, consecutive in dim_periode_hasil, in which the employee has a hasil kerja
-- with that placement (periode_awal to periode_akhir, both included). An employee had a result with a placement in
-- a range exactly when one of their stretches with it reaches the range's first and last periods of
-- dim_periode_hasil (awal <= last and akhir >= first), so counting distinct employees over any range reads about
-- one row per employee instead of one per employee-period (the small-group mark's counts, queries.employee_counts).
-- `pid` is the NIP as a number (fct_kinerja_tempat's) so the distinct count hashes integers. Rebuilt whole: a
-- stretch spans periods.
CREATE TABLE fct_kinerja_rentang AS
WITH urut AS (
    SELECT t.*, p.urutan - row_number() OVER (
        PARTITION BY t.nip, t.lokasi, t.opd, t.unit_kerja, t.jenis_jabatan, t.golongan, t.status_asn ORDER BY p.urutan
    ) AS rentang
    FROM fct_kinerja_tempat t JOIN dim_periode_hasil p USING (periode)
), rentang AS (
    SELECT lokasi, opd, unit_kerja, jenis_jabatan, golongan, status_asn, nip,
           min(periode) AS periode_awal, max(periode) AS periode_akhir, any_value(pid) AS pid
    FROM urut
    GROUP BY lokasi, opd, unit_kerja, jenis_jabatan, golongan, status_asn, nip, rentang
)
SELECT * FROM rentang
ORDER BY lokasi, opd, nip, periode_awal;
