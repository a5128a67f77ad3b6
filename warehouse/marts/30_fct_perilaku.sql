-- fct_perilaku. Grain: one row per employee, period and rater role (mean over raters of that role).
-- A view over stg_perilaku (for the largest loads the staging Parquet itself): one employee is a few row groups.
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
CREATE VIEW fct_perilaku AS
WITH per_rater AS (
    SELECT *,
        -- the mean of the BerAKHLAK values (domain.appraisal, set as a variable); a blank value leaves it blank
        list_reduce([*COLUMNS(lambda c: list_contains(getvariable('berakhlak'), c))], lambda a, b: a + b) / len(getvariable('berakhlak')) AS skor
    FROM stg_perilaku
)
SELECT
    nip, periode, any_value(periode_mulai) AS periode_mulai, peran_penilai,
    count(*) AS n_penilai,
    avg(COLUMNS(lambda c: list_contains(getvariable('berakhlak'), c))),
    avg(skor) AS skor
FROM per_rater
GROUP BY nip, periode, peran_penilai;
