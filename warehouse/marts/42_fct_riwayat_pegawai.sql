-- fct_riwayat_pegawai. Grain: one row per employee and period, in NIP order.
-- The profile's history: the columns it shows from fct_kinerja, stored by NIP so one employee's periods sit
-- in one or two row groups (fct_kinerja is built period by period, so there every row group holds every NIP
-- range and a lookup by NIP reads the whole table).
-- Each period carries where the employee was then (fct_penempatan), so the profile shows placements and grades
-- beside the scores and a viewer sees the periods their scope covers.
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
CREATE TABLE fct_riwayat_pegawai AS
SELECT k.nip, k.periode, k.periode_mulai, k.hasil_kerja, k.n_indikator, k.perilaku, k.rating_hasil_kerja,
       k.rating_perilaku, k.predikat, k.sumber_predikat, k.nilai_pp30, k.predikat_pp30, k.skor_ordinal, k.rezim,
       p.lokasi, p.opd, p.unit_kerja, p.jabatan, p.golongan, p.nip_atasan
FROM fct_kinerja k
JOIN fct_penempatan p USING (nip, periode)
ORDER BY k.nip, k.periode_mulai;
