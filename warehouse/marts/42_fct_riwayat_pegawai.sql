-- fct_riwayat_pegawai. Grain: one row per employee and period, in NIP order.
-- The profile's history: the columns it shows from fct_kinerja, stored by NIP so one employee's periods sit
-- in one or two row groups (fct_kinerja is built period by period, so there every row group holds every NIP
-- range and a lookup by NIP reads the whole table).
CREATE TABLE fct_riwayat_pegawai AS
SELECT nip, periode, periode_mulai, hasil_kerja, n_indikator, perilaku, rating_hasil_kerja, rating_perilaku,
       predikat, sumber_predikat, nilai_pp30, predikat_pp30, skor_ordinal
FROM fct_kinerja
ORDER BY nip, periode_mulai;
