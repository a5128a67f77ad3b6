-- fct_talenta. Grain: one row per employee and year in which they have an appraised period (placed where they were
-- in the year's last one): the nine-box of PermenPANRB 3/2020.
-- Kinerja: each year's predikat score (an annual predikat where the year has one, else the mean of its periodic
-- ones; predikat scored by talenta_nilai_*), averaged over the last talenta_kinerja_tahun years, banded by
-- talenta_kinerja_sesuai_min / talenta_kinerja_di_atas_min. Potensial: the latest assessment up to the year's end
-- and no older than talenta_asesmen_berlaku_tahun years: its score banded by talenta_potensial_menengah_min /
-- talenta_potensial_tinggi_min, else its category. No assessment: no box (kotak NULL), said so.
-- Succession pool: a box in talenta_kotak_suksesi without a sanction of a level in talenta_sanksi_mengecualikan
-- begun in the last talenta_sanksi_tahun years (up to the year's end).
CREATE TABLE fct_talenta AS
WITH nilai AS (
    SELECT k.nip, year(k.periode_mulai) AS tahun, k.periode_jenis, k.predikat,
        -- the 1-5 ordinal indexes the settings' scores, Sangat Kurang first
        [getvariable('talenta_nilai_sangat_kurang'), getvariable('talenta_nilai_kurang'),
         getvariable('talenta_nilai_butuh_perbaikan'), getvariable('talenta_nilai_baik'),
         getvariable('talenta_nilai_sangat_baik')][p.ordinal] AS nilai
    FROM fct_kinerja k JOIN cfg_predikat p ON p.predikat = k.predikat
    WHERE k.predikat IS NOT NULL AND k.rezim = 'PermenPANRB 6/2022'
),
per_tahun AS (  -- an annual predikat is the year's; otherwise the mean of the year's periodic ones
    SELECT nip, tahun,
        coalesce(avg(nilai) FILTER (WHERE periode_jenis = 'tahunan'), avg(nilai)) AS nilai_tahun,
        bool_or(periode_jenis = 'tahunan') AS tahunan,
        count(*) AS n_predikat
    FROM nilai GROUP BY nip, tahun
),
tahun AS (SELECT DISTINCT tahun FROM per_tahun),
kinerja AS (
    SELECT p.nip, t.tahun, avg(p.nilai_tahun) AS nilai_kinerja, count(*) AS n_tahun, sum(p.n_predikat) AS n_predikat,
        list(p.tahun ORDER BY p.tahun) AS tahun_kinerja, list(p.nilai_tahun ORDER BY p.tahun) AS nilai_per_tahun
    FROM tahun t JOIN per_tahun p
      ON p.tahun <= t.tahun AND p.tahun > t.tahun - getvariable('talenta_kinerja_tahun')
    GROUP BY p.nip, t.tahun
),
asesmen AS (
    SELECT k.nip, k.tahun, a.tanggal_asesmen, a.instrumen, a.nilai_potensial, a.kategori_potensial, a.asesor
    FROM kinerja k JOIN stg_asesmen a
      ON a.nip = k.nip AND year(a.tanggal_asesmen) <= k.tahun
     AND year(a.tanggal_asesmen) > k.tahun - getvariable('talenta_asesmen_berlaku_tahun')
    QUALIFY row_number() OVER (PARTITION BY k.nip, k.tahun ORDER BY a.tanggal_asesmen DESC, a.nilai_potensial DESC NULLS LAST, a.instrumen) = 1
),
sanksi AS (
    SELECT k.nip, k.tahun, arg_max(s.tingkat_hukuman, CASE s.tingkat_hukuman WHEN 'berat' THEN 3 WHEN 'sedang' THEN 2 ELSE 1 END) AS tingkat_hukuman, min(s.tmt_hukuman) AS tmt_hukuman
    FROM kinerja k JOIN stg_sanksi s
      ON s.nip = k.nip AND list_contains(getvariable('talenta_sanksi_mengecualikan'), s.tingkat_hukuman)
     AND year(s.tmt_hukuman) <= k.tahun AND year(s.tmt_hukuman) > k.tahun - getvariable('talenta_sanksi_tahun')
    GROUP BY k.nip, k.tahun
),
tempat AS (  -- where the employee was in the year's last appraised period (the latest begun; of two begun the same
    -- day, a month and its quarter, the greater period key), found first, then joined to its placement alone
    SELECT t.nip, t.tahun, d.lokasi, d.opd, d.unit_kerja, d.nama, d.jabatan, d.jenis_jabatan
    FROM (SELECT nip, year(periode_mulai) AS tahun, arg_max(periode, (periode_mulai, periode)) AS periode
          FROM fct_kinerja GROUP BY nip, year(periode_mulai)) t
    JOIN fct_penempatan d USING (nip, periode)
),
level AS (
    SELECT k.*, a.tanggal_asesmen, a.instrumen, a.nilai_potensial, a.kategori_potensial, a.asesor,
        s.tingkat_hukuman, s.tmt_hukuman,
        CASE WHEN k.nilai_kinerja >= getvariable('talenta_kinerja_di_atas_min') THEN 'di_atas'
             WHEN k.nilai_kinerja >= getvariable('talenta_kinerja_sesuai_min') THEN 'sesuai'
             ELSE 'di_bawah' END AS kinerja_level,
        CASE WHEN a.nilai_potensial IS NOT NULL THEN
                CASE WHEN a.nilai_potensial >= getvariable('talenta_potensial_tinggi_min') THEN 'tinggi'
                     WHEN a.nilai_potensial >= getvariable('talenta_potensial_menengah_min') THEN 'menengah'
                     ELSE 'rendah' END
             ELSE a.kategori_potensial END AS potensial_level
    FROM kinerja k
    LEFT JOIN asesmen a USING (nip, tahun)
    LEFT JOIN sanksi s USING (nip, tahun)
),
kotak AS (
    SELECT l.*, c.kotak  -- the nine-box number of the two levels (cfg_kotak, from domain.talenta.BOX)
    FROM level l LEFT JOIN cfg_kotak c USING (kinerja_level, potensial_level)
)
SELECT k.nip, t.nama, t.lokasi, t.opd, t.unit_kerja, t.jabatan, t.jenis_jabatan, CAST(k.tahun AS VARCHAR) AS tahun,
    k.nilai_kinerja, k.n_tahun, k.n_predikat, k.tahun_kinerja, k.nilai_per_tahun, k.kinerja_level,
    k.tanggal_asesmen, k.instrumen, k.nilai_potensial, k.kategori_potensial, k.asesor, k.potensial_level,
    k.kotak, k.tingkat_hukuman, k.tmt_hukuman,
    coalesce(list_contains(getvariable('talenta_kotak_suksesi'), k.kotak), false) AS calon_suksesi,
    coalesce(list_contains(getvariable('talenta_kotak_suksesi'), k.kotak) AND k.tingkat_hukuman IS NULL, false) AS kelompok_suksesi
FROM kotak k
JOIN tempat t USING (nip, tahun)
ORDER BY k.tahun, t.lokasi, t.opd, k.nip;
