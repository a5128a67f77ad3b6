-- agg_kinerja. Grain: one row per period x place x OPD x unit kerja x jenis jabatan x golongan x status.
-- Counts and sums so any filter combination re-aggregates a small table, never the facts. Counts are of
-- employee-periods; predikat shares divide by n_predikat (those with a predikat), and n - n_predikat have none.
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
-- The predikat counts come three ways, for comparisons that must not mix sources: best available (n_<predikat>:
-- the official predikat where loaded, else the computed one), official only (n_resmi_<predikat>, of n_predikat_resmi)
-- and computed only (n_hitung_<predikat>, of n_predikat_hitung: the matrix's predikat for everyone).
CREATE TABLE agg_kinerja AS
SELECT
    k.periode, any_value(k.periode_mulai) AS periode_mulai, d.lokasi, d.opd, d.unit_kerja,
    d.jenis_jabatan, d.golongan, d.status_asn,
    count(*) AS n,
    count(hasil_kerja) AS n_hasil,
    sum(hasil_kerja) AS sum_hasil,
    sum(hasil_kerja * hasil_kerja) AS sumsq_hasil,
    count(perilaku) AS n_perilaku,
    sum(perilaku) AS sum_perilaku,
    count(skor_ordinal) AS n_ordinal,
    sum(skor_ordinal) AS sum_ordinal,
    count(predikat) AS n_predikat,
    count(*) FILTER (WHERE predikat = 'Sangat Baik') AS n_sangat_baik,
    count(*) FILTER (WHERE predikat = 'Baik') AS n_baik,
    count(*) FILTER (WHERE predikat = 'Butuh Perbaikan') AS n_butuh_perbaikan,
    count(*) FILTER (WHERE predikat = 'Kurang/Misconduct') AS n_kurang,
    count(*) FILTER (WHERE predikat = 'Sangat Kurang') AS n_sangat_kurang,
    count(*) FILTER (WHERE sumber_predikat = 'resmi') AS n_resmi,
    count(predikat) FILTER (WHERE sumber_predikat = 'resmi') AS n_predikat_resmi,
    count(*) FILTER (WHERE sumber_predikat = 'resmi' AND predikat = 'Sangat Baik') AS n_resmi_sangat_baik,
    count(*) FILTER (WHERE sumber_predikat = 'resmi' AND predikat = 'Baik') AS n_resmi_baik,
    count(*) FILTER (WHERE sumber_predikat = 'resmi' AND predikat = 'Butuh Perbaikan') AS n_resmi_butuh_perbaikan,
    count(*) FILTER (WHERE sumber_predikat = 'resmi' AND predikat = 'Kurang/Misconduct') AS n_resmi_kurang,
    count(*) FILTER (WHERE sumber_predikat = 'resmi' AND predikat = 'Sangat Kurang') AS n_resmi_sangat_kurang,
    count(predikat_hitung) AS n_predikat_hitung,
    count(*) FILTER (WHERE predikat_hitung = 'Sangat Baik') AS n_hitung_sangat_baik,
    count(*) FILTER (WHERE predikat_hitung = 'Baik') AS n_hitung_baik,
    count(*) FILTER (WHERE predikat_hitung = 'Butuh Perbaikan') AS n_hitung_butuh_perbaikan,
    count(*) FILTER (WHERE predikat_hitung = 'Kurang/Misconduct') AS n_hitung_kurang,
    count(*) FILTER (WHERE predikat_hitung = 'Sangat Kurang') AS n_hitung_sangat_kurang
FROM fct_kinerja k
JOIN fct_penempatan d USING (nip, periode)
GROUP BY k.periode, d.lokasi, d.opd, d.unit_kerja, d.jenis_jabatan, d.golongan, d.status_asn
ORDER BY k.periode, d.lokasi, d.opd;
