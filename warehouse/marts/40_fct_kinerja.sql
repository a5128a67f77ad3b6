-- fct_kinerja. Grain: one row per employee and period.
-- Hasil kerja (weighted capaian), perilaku, ratings by the regional cutoffs, predikat by the
-- PermenPANRB 6/2022 matrix; an official evaluasi wins (sumber_predikat = 'resmi').
-- Also PP 30/2019 nilai kinerja (hasil kerja capped at capaian_cap) and PP 46/2011 nilai prestasi kerja with their predikat.
-- Measures only: the employee's place, OPD and unit come from dim_pegawai where needed.
-- build: in batches of periods
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
CREATE TABLE fct_kinerja AS
WITH hasil AS (
    SELECT nip, periode, any_value(periode_mulai) AS periode_mulai, any_value(periode_jenis) AS periode_jenis,
           any_value(rezim) AS rezim,
           sum(capaian * bobot) / sum(bobot) AS hasil_kerja,
           count(*) AS n_indikator,
           bool_or(realisasi > 0) AS ada_realisasi
    FROM fct_capaian
    WHERE periode BETWEEN getvariable('periode_dari') AND getvariable('periode_sampai')
    GROUP BY nip, periode
),
evaluasi AS (
    SELECT * FROM stg_evaluasi WHERE periode BETWEEN getvariable('periode_dari') AND getvariable('periode_sampai')
),
kunci AS (  -- every employee-period with results, plus those with only an official evaluation
    SELECT nip, periode, periode_mulai, periode_jenis FROM hasil
    UNION ALL
    SELECT nip, periode, periode_mulai, periode_jenis FROM evaluasi ANTI JOIN hasil USING (nip, periode)
),
rated AS (
    SELECT
        k.nip, k.periode, k.periode_mulai, k.periode_jenis,
        coalesce(h.rezim, 'PermenPANRB 6/2022') AS rezim,
        h.hasil_kerja, h.n_indikator,
        -- an indicator realised above zero (e-Kinerja exports zero until it is filled in); an official
        -- evaluation without indicators counts as realised
        CASE WHEN h.n_indikator IS NULL THEN true ELSE coalesce(h.ada_realisasi, false) END AS ada_realisasi,
        p.perilaku, coalesce(p.penilaian_360, false) AS penilaian_360,
        CASE WHEN h.hasil_kerja >= getvariable('rating_hasil_di_atas') THEN 'Di Atas Ekspektasi'
             WHEN h.hasil_kerja >= getvariable('rating_hasil_sesuai') THEN 'Sesuai Ekspektasi'
             WHEN h.hasil_kerja IS NOT NULL THEN 'Di Bawah Ekspektasi' END AS rating_hasil_hitung,
        CASE WHEN p.perilaku >= getvariable('rating_perilaku_di_atas') THEN 'Di Atas Ekspektasi'
             WHEN p.perilaku >= getvariable('rating_perilaku_sesuai') THEN 'Sesuai Ekspektasi'
             WHEN p.perilaku IS NOT NULL THEN 'Di Bawah Ekspektasi' END AS rating_perilaku_hitung,
        e.rating_hasil_kerja AS rating_hasil_resmi, e.rating_perilaku AS rating_perilaku_resmi,
        e.predikat AS predikat_resmi, e.predikat_organisasi, coalesce(e.inovasi, false) AS inovasi,
        e.nip IS NOT NULL AS ada_evaluasi
    FROM kunci k
    LEFT JOIN hasil h USING (nip, periode)
    -- filtered to the period here: the join alone would read every period's rows
    LEFT JOIN (SELECT * FROM fct_perilaku_pegawai WHERE periode BETWEEN getvariable('periode_dari') AND getvariable('periode_sampai')) p USING (nip, periode)
    LEFT JOIN evaluasi e USING (nip, periode)
),
predikat AS (
    SELECT r.*,
        coalesce(r.rating_hasil_resmi, r.rating_hasil_hitung) AS rating_hasil_kerja,
        coalesce(r.rating_perilaku_resmi, r.rating_perilaku_hitung) AS rating_perilaku,
        mh.predikat AS predikat_hitung,
        coalesce(r.predikat_resmi, mr.predikat, mh.predikat) AS predikat_final,
        CASE WHEN r.ada_evaluasi THEN 'resmi' ELSE 'hitung' END AS sumber_predikat
    FROM rated r
    LEFT JOIN cfg_matriks mh
        ON mh.rating_hasil_kerja = r.rating_hasil_hitung AND mh.rating_perilaku = r.rating_perilaku_hitung
    LEFT JOIN cfg_matriks mr
        ON mr.rating_hasil_kerja = r.rating_hasil_resmi AND mr.rating_perilaku = r.rating_perilaku_resmi
),
pp AS (
    SELECT *,
        CASE WHEN penilaian_360
             THEN getvariable('pp30_bobot_skp_360') * least(hasil_kerja, getvariable('capaian_cap')) + getvariable('pp30_bobot_perilaku_360') * perilaku
             ELSE getvariable('pp30_bobot_skp') * least(hasil_kerja, getvariable('capaian_cap')) + getvariable('pp30_bobot_perilaku') * perilaku
        END AS nilai_pp30,
        round(getvariable('pp46_bobot_skp') * hasil_kerja + getvariable('pp46_bobot_perilaku') * perilaku, 2) AS nilai_pp46
    FROM predikat
),
nilai AS (
SELECT
    pp.nip, pp.periode, pp.periode_mulai, pp.periode_jenis,
    -- calendar position of the period within its kind (months, quarters or years since year 0), so rules
    -- over "consecutive periods" count calendar periods, not the rows an employee happens to have
    CASE pp.periode_jenis
        WHEN 'bulanan' THEN year(pp.periode_mulai) * 12 + month(pp.periode_mulai) - 1
        WHEN 'triwulanan' THEN year(pp.periode_mulai) * 4 + (month(pp.periode_mulai) - 1) // 3
        ELSE year(pp.periode_mulai) END AS periode_ke,
    pp.rezim,
    pp.hasil_kerja, pp.n_indikator, pp.ada_realisasi, pp.perilaku, pp.penilaian_360,
    pp.rating_hasil_kerja, pp.rating_perilaku, pp.predikat_hitung,
    pp.predikat_final AS predikat, pp.sumber_predikat, pp.predikat_organisasi, pp.inovasi,
    pp.nilai_pp30,
    CASE WHEN pp.nilai_pp30 IS NULL THEN NULL
         WHEN pp.nilai_pp30 >= getvariable('pp30_sangat_baik_min') AND pp.inovasi THEN 'Sangat Baik'
         WHEN pp.nilai_pp30 >= getvariable('pp30_baik_min') THEN 'Baik'
         WHEN pp.nilai_pp30 >= getvariable('pp30_cukup_min') THEN 'Cukup'
         WHEN pp.nilai_pp30 >= getvariable('pp30_kurang_min') THEN 'Kurang'
         ELSE 'Sangat Kurang' END AS predikat_pp30,
    pp.nilai_pp46,
    CASE WHEN pp.nilai_pp46 IS NULL THEN NULL
         WHEN pp.nilai_pp46 <= getvariable('pp46_buruk_max') THEN 'Buruk'
         WHEN pp.nilai_pp46 <= getvariable('pp46_kurang_max') THEN 'Kurang'
         WHEN pp.nilai_pp46 <= getvariable('pp46_cukup_max') THEN 'Cukup'
         WHEN pp.nilai_pp46 <= getvariable('pp46_baik_max') THEN 'Baik'
         ELSE 'Sangat Baik' END AS predikat_pp46
FROM pp
)
SELECT n.*,
    -- the 1-5 ordinal that joins regimes into one trend, by the predikat of the regime in force that period
    -- (a PP 30/2019 'Cukup' is 3, never the 6/2022 matrix's word for the same person)
    o.ordinal AS skor_ordinal
FROM nilai n
SEMI JOIN dim_pegawai d USING (nip)
LEFT JOIN cfg_predikat o ON o.predikat = CASE
    WHEN n.rezim = getvariable('rezim_pp30') AND n.predikat_pp30 IS NOT NULL THEN n.predikat_pp30
    WHEN n.rezim = getvariable('rezim_pp46') AND n.predikat_pp46 IS NOT NULL THEN n.predikat_pp46
    ELSE n.predikat END
-- period order: a period's rows sit in their own row groups, which the marts reading a period (and an
-- incremental build's delete of the periods it recomputes) find by their min/max; employees are looked up in
-- fct_riwayat_pegawai, stored in NIP order
ORDER BY n.periode;
