-- fct_prestasi_pp46. Grain: one row per employee x period (usually a year) of a PP 46/2011 result file.
-- PP 46/2011 with Perka BKN 1/2013: nilai perilaku = the mean of the aspects rated (kepemimpinan for structural
-- posts only); nilai prestasi kerja = bobot_skp x nilai SKP + bobot_perilaku x nilai perilaku (60/40, settings
-- [pp46]), rounded to 2 decimals, then banded (<= 50 Buruk, <= 60 Kurang, <= 75 Cukup, <= 90 Baik, above Sangat
-- Baik). The file's own figures are kept beside (…_berkas) so a difference shows. A legacy regime: never mixed
-- into the 6/2022 predikat of fct_kinerja.
CREATE TABLE fct_prestasi_pp46 AS
WITH s AS (
    SELECT p.*,
        -- the mean of the aspects rated: list_avg skips a kepemimpinan left empty (non-structural posts)
        round(list_avg([orientasi_pelayanan, integritas, komitmen, disiplin, kerja_sama, kepemimpinan]), 2)
            AS perilaku_hitung
    FROM stg_pp46 p
),
n AS (
    SELECT s.*,
        round(getvariable('pp46_bobot_skp') * nilai_skp + getvariable('pp46_bobot_perilaku') * perilaku_hitung, 2) AS prestasi
    FROM s
),
-- attributed as every other fact (fct_penempatan's rule): the roster in force on the period's last day, else the
-- employee's first roster (results of years before the first roster loaded take the earliest placement known)
akhir AS (
    SELECT n.*,
        CASE n.periode_jenis
            WHEN 'bulanan' THEN n.periode_mulai + INTERVAL 1 MONTH
            WHEN 'triwulanan' THEN n.periode_mulai + INTERVAL 3 MONTH
            ELSE n.periode_mulai + INTERVAL 1 YEAR END::DATE - 1 AS periode_akhir
    FROM n
),
saat_itu AS (
    SELECT a.nip, a.periode, r.berlaku_dari
    FROM akhir a ASOF LEFT JOIN dim_pegawai_riwayat r ON r.nip = a.nip AND a.periode_akhir >= r.berlaku_dari
),
pertama AS (
    SELECT nip, min(berlaku_dari) AS berlaku_dari FROM dim_pegawai_riwayat GROUP BY nip
),
tempat AS (
    SELECT s.nip, s.periode, r.lokasi, r.opd, r.unit_kerja
    FROM saat_itu s LEFT JOIN pertama f USING (nip)
    JOIN dim_pegawai_riwayat r ON r.nip = s.nip AND r.berlaku_dari = coalesce(s.berlaku_dari, f.berlaku_dari)
)
SELECT
    n.nip, n.periode, n.periode_jenis, d.lokasi, d.opd, d.unit_kerja,
    n.nilai_skp, n.orientasi_pelayanan, n.integritas, n.komitmen, n.disiplin, n.kerja_sama, n.kepemimpinan,
    n.perilaku_hitung AS nilai_perilaku,
    n.prestasi AS nilai_prestasi,
    CASE WHEN n.prestasi <= getvariable('pp46_buruk_max') THEN 'Buruk'
         WHEN n.prestasi <= getvariable('pp46_kurang_max') THEN 'Kurang'
         WHEN n.prestasi <= getvariable('pp46_cukup_max') THEN 'Cukup'
         WHEN n.prestasi <= getvariable('pp46_baik_max') THEN 'Baik'
         ELSE 'Sangat Baik' END AS sebutan,
    n.nilai_perilaku AS nilai_perilaku_berkas,
    n.nilai_prestasi AS nilai_prestasi_berkas,
    n.sebutan AS sebutan_berkas,
    'pp46' AS rezim
FROM n LEFT JOIN tempat d USING (nip, periode)
ORDER BY n.nip, n.periode;
