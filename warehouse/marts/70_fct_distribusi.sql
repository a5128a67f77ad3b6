-- fct_distribusi. Grain: one row per place x OPD x unit kerja x period whose own (organisation) predikat is known.
-- Checks the employees' predikat mix against the kurva distribusi (SE MenPANRB 3/2023). n counts the employees
-- with a predikat in that period (the shares' base); n_tanpa_predikat those appraised without one.
-- Small units: maxima allow floor(share x n), minima require ceil(share x n) (a documented choice).
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
-- The unit's own predikat is the one most of its employees' evaluations give; should they disagree equally,
-- the first in the alphabet (a fixed choice: never the order rows happen to be read in).
CREATE TABLE fct_distribusi AS
WITH rows AS (
    SELECT lokasi, opd, unit_kerja, periode, periode_mulai, predikat, predikat_organisasi
    FROM fct_kinerja JOIN fct_penempatan USING (nip, periode)
),
organisasi AS (
    SELECT lokasi, opd, unit_kerja, periode, predikat_organisasi
    FROM rows WHERE predikat_organisasi IS NOT NULL
    GROUP BY lokasi, opd, unit_kerja, periode, predikat_organisasi
    QUALIFY row_number() OVER (PARTITION BY lokasi, opd, unit_kerja, periode ORDER BY count(*) DESC, predikat_organisasi) = 1
),
unit AS (
    SELECT r.lokasi, r.opd, r.unit_kerja, r.periode, any_value(r.periode_mulai) AS periode_mulai,
           any_value(o.predikat_organisasi) AS predikat_organisasi,
           count(predikat) AS n,
           count(*) - count(predikat) AS n_tanpa_predikat,
           count(*) FILTER (WHERE predikat = 'Sangat Baik') AS n_sb,
           count(*) FILTER (WHERE predikat = 'Baik') AS n_b,
           count(*) FILTER (WHERE predikat = 'Butuh Perbaikan') AS n_bp,
           count(*) FILTER (WHERE predikat = 'Kurang/Misconduct') AS n_k,
           count(*) FILTER (WHERE predikat = 'Sangat Kurang') AS n_sk
    FROM rows r JOIN organisasi o ON o.periode = r.periode AND o.lokasi IS NOT DISTINCT FROM r.lokasi
        AND o.opd IS NOT DISTINCT FROM r.opd AND o.unit_kerja IS NOT DISTINCT FROM r.unit_kerja
    GROUP BY r.lokasi, r.opd, r.unit_kerja, r.periode
),
rules AS (
    SELECT *,
        list_filter([
            CASE WHEN predikat_organisasi = 'Istimewa' AND n_sb > floor(getvariable('kurva_istimewa_max_sangat_baik') * n) THEN 'maks_sangat_baik' END,
            CASE WHEN predikat_organisasi = 'Baik' AND n_b > floor(getvariable('kurva_baik_max_baik') * n) THEN 'maks_baik' END,
            CASE WHEN predikat_organisasi = 'Baik' AND n_bp + n_k < getvariable('kurva_baik_min_bawah') THEN 'min_butuh_atau_kurang' END,
            CASE WHEN predikat_organisasi = 'Butuh Perbaikan' AND n_bp < ceil(getvariable('kurva_butuh_min_butuh') * n) THEN 'min_butuh_perbaikan' END,
            CASE WHEN predikat_organisasi = 'Butuh Perbaikan' AND n_sb > floor(getvariable('kurva_butuh_max_sangat_baik') * n) THEN 'maks_sangat_baik' END,
            CASE WHEN predikat_organisasi = 'Kurang' AND n_k < ceil(getvariable('kurva_kurang_min_kurang') * n) THEN 'min_kurang' END,
            CASE WHEN predikat_organisasi = 'Kurang' AND n_bp < ceil(getvariable('kurva_kurang_min_butuh') * n) THEN 'min_butuh_perbaikan' END,
            CASE WHEN predikat_organisasi = 'Kurang' AND n_sb > floor(getvariable('kurva_kurang_max_sangat_baik') * n) THEN 'maks_sangat_baik' END,
            CASE WHEN predikat_organisasi = 'Sangat Kurang' AND n_sk < ceil(getvariable('kurva_sangat_kurang_min_sangat_kurang') * n) THEN 'min_sangat_kurang' END,
            CASE WHEN predikat_organisasi = 'Sangat Kurang' AND n_k + n_bp < ceil(getvariable('kurva_sangat_kurang_min_kurang_or_butuh') * n) THEN 'min_kurang_atau_butuh' END,
            CASE WHEN predikat_organisasi = 'Sangat Kurang' AND n_sb > 0 THEN 'tanpa_sangat_baik' END
        ], lambda x: x IS NOT NULL) AS pelanggaran
    FROM unit
)
SELECT *, len(pelanggaran) > 0 AS melanggar
FROM rules
ORDER BY lokasi, opd, unit_kerja, periode;
