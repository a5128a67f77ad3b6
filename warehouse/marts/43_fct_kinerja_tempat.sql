-- fct_kinerja_tempat. Grain: one row per employee x period with a hasil kerja, with where the employee was then
-- (fct_penempatan's place, OPD, unit and the roster's filter columns) already joined. The queries that take the
-- employee as the unit (Bandingkan's intervals, the distinct-employee counts of the small-group mark) read it
-- instead of joining 2.4 million fact rows to 2.4 million placements on every page view; stored in period and
-- place order, so a range and a place read only their row groups. `pid` is the NIP as a number (a NIP is 18
-- digits, schemas.pegawai.NIP18): grouping by it hashes an integer instead of an 18-character string.
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
CREATE TABLE fct_kinerja_tempat AS
SELECT k.periode, d.lokasi, d.opd, d.unit_kerja, d.jenis_jabatan, d.golongan, d.status_asn, k.nip, k.hasil_kerja,
    -- (a NIP the schemas would refuse never reaches here; were one to, it keeps a key of its own, below zero)
    coalesce(TRY_CAST(k.nip AS BIGINT), -1 - (hash(k.nip) >> 2)::BIGINT) AS pid
FROM fct_kinerja k
JOIN fct_penempatan d USING (nip, periode)
WHERE k.hasil_kerja IS NOT NULL
ORDER BY k.periode, d.lokasi, d.opd, k.nip;
