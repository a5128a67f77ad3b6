-- fct_perilaku. Grain: one row per employee, period and rater role (mean over raters of that role).
-- A view over stg_perilaku (for the largest loads the staging Parquet itself): one employee is a few row groups.
CREATE VIEW fct_perilaku AS
WITH per_rater AS (
    SELECT *,
        (berorientasi_pelayanan + akuntabel + kompeten + harmonis + loyal + adaptif + kolaboratif) / 7 AS skor
    FROM stg_perilaku
)
SELECT
    nip, periode, any_value(periode_mulai) AS periode_mulai, peran_penilai,
    count(*) AS n_penilai,
    avg(berorientasi_pelayanan) AS berorientasi_pelayanan, avg(akuntabel) AS akuntabel,
    avg(kompeten) AS kompeten, avg(harmonis) AS harmonis, avg(loyal) AS loyal,
    avg(adaptif) AS adaptif, avg(kolaboratif) AS kolaboratif,
    avg(skor) AS skor
FROM per_rater
GROUP BY nip, periode, peran_penilai;
