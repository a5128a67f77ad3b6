-- fct_skm_komentar. Grain: one row per survey response (stg_skm) with a comment (kritik/saran not blank).
-- What Umpan balik's unit detail reads instead of splitting and normalising every comment on each view: the
-- comment's grouping key (lower case, spaces collapsed: identical comments ignoring case and spacing are one), the
-- lowest unsur score (a complaint is a comment with one at or under [skm] keluhan_nilai_maks), the scores the
-- grouped comments show, and its distinct words (lower case, split at anything not a letter, three letters or more;
-- stop words are removed by the query). Stored in survey period, place and unit order: one unit's detail reads
-- only its row groups.
-- partition: periode (a period's rows come from that period's rows of its inputs: a load rebuilds the periods it touches)
CREATE TABLE fct_skm_komentar AS
SELECT
    lokasi, opd, unit_layanan, periode, nip_petugas, tanggal, kritik_saran,
    lower(regexp_replace(trim(kritik_saran), '\s+', ' ', 'g')) AS kunci,
    least(u1, u2, u3, u4, u5, u6, u7, u8, u9) AS skor_min,
    u3, u7, u9,
    list_distinct(list_filter(regexp_split_to_array(lower(kritik_saran), '[^\p{L}]+'), lambda w: length(w) >= 3)) AS kata
FROM stg_skm
WHERE trim(coalesce(kritik_saran, '')) <> ''
ORDER BY periode, lokasi, unit_layanan, tanggal;
