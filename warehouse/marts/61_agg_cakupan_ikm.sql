-- agg_cakupan_ikm. Grain: one row per place x service unit x survey quarter ('YYYY-Qn'): how much of the quarter
-- the responses cover. bulan: the quarter's months (1-3) with at least one response; n_responden: responses.
-- A place's quarter covers the union of its units' months (the queries take it), so a quarter holding only
-- October reads "1 of 3 months" wherever its IKM is shown.
CREATE TABLE agg_cakupan_ikm AS
SELECT lokasi, unit_layanan, any_value(opd) AS opd, periode,
       list_sort(list_distinct(list((month(tanggal) - 1) % 3 + 1))) AS bulan,
       count(*) AS n_responden
FROM stg_skm
GROUP BY lokasi, unit_layanan, periode
ORDER BY lokasi, unit_layanan, periode;
