"""Cross-file checks that a single-row schema cannot see.

Unknown NIPs, periods outside the declared granularity, duplicate keys and
weights that do not sum to 100 for one employee-period.
"""

from __future__ import annotations

import polars as pl

from domain.appraisal import PREDIKAT, PREDIKAT_ORG, RATING
from domain.kinds import KINDS
from pipelines.clean import normalise as n
from pipelines.clean.validate import REJECT_SCHEMA, make_rejects

KEYS = {name: kind.key for name, kind in KINDS.items() if kind.key and name != "pegawai"}


def unknown_nip(frame: pl.DataFrame, known: pl.Series, file: str, kind: str) -> pl.DataFrame:
    """Rows whose NIP is not in the employee master (this load's or the warehouse's)."""
    mask = pl.col("nip").is_not_null() & ~pl.col("nip").is_in(known.implode())
    return make_rejects(
        frame,
        mask,
        "nip",
        pl.format("NIP {} tidak ada di data pegawai; muat berkas pegawai lebih dulu.", pl.col("nip")),
        pl.format("NIP {} is not in the employee data; load the employee file first.", pl.col("nip")),
        file,
        kind,
    )


def wrong_granularity(frame: pl.DataFrame, granularity: str, file: str, kind: str) -> pl.DataFrame:
    """Rows whose period is not of the declared granularity (bulanan, triwulanan, tahunan)."""
    mask = pl.col("periode_jenis").is_not_null() & (pl.col("periode_jenis") != granularity)
    return make_rejects(
        frame,
        mask,
        "periode",
        pl.format(
            "Periode {} adalah {}, sedangkan pengaturan meminta periode " + granularity + ".",
            pl.col("periode"),
            pl.col("periode_jenis"),
        ),
        pl.format(
            "Period {} is {}, but the settings declare " + granularity + " periods.", pl.col("periode"), pl.col("periode_jenis")
        ),
        file,
        kind,
    )


def _key_columns(frame: pl.DataFrame, cols: list[str]) -> pl.DataFrame:
    """Columns that order like the given ones but sort fast: NIPs as numbers (the text kept only where a
    value is not a number), other text columns as the rank of their distinct values, the rest as they are."""
    out: list[pl.Expr] = []
    for col in cols:
        if frame.schema[col] != pl.String:
            out.append(pl.col(col))
        elif col.startswith("nip"):
            as_int = pl.col(col).cast(pl.Int64, strict=False)
            out += [as_int, pl.when(as_int.is_null()).then(pl.col(col))]
        else:
            values = frame.get_column(col).drop_nulls().unique().sort()
            out.append(
                pl.col(col).replace_strict(values, pl.int_range(values.len(), eager=True), default=None, return_dtype=pl.Int64)
            )
    keys = frame.select([e.alias(f"_k{i}") for i, e in enumerate(out)])
    # a text tiebreak that is empty everywhere (every NIP is a number) is dropped
    return keys.select([c for c in keys.columns if keys[c].null_count() < keys.height or keys.schema[c] != pl.String])


def sorted_by(frame: pl.DataFrame, cols: list[str]) -> pl.DataFrame:
    """The frame in the order of `cols` (stable), sorted through fast key columns."""
    keys = _key_columns(frame, cols)
    order = keys.with_row_index("_i").sort([*keys.columns, "_i"])["_i"]
    return frame[order]


def mark_first(frame: pl.DataFrame, kind: str) -> pl.DataFrame:
    """Add `_pertama`: the row number where each row's key first appears (its own row if it is the first).

    The keys alone are sorted (so repeats become neighbours and are found in one pass), never the
    whole wide frame.
    """
    keys = KEYS.get(kind)
    if not keys:
        return frame
    codes = _key_columns(frame, keys)
    names = codes.columns
    ordered = codes.with_columns(frame["_baris"]).with_row_index("_i").sort([*names, "_baris"])
    same = [pl.col(c).eq_missing(pl.col(c).shift(1)) for c in names]
    new = (pl.int_range(pl.len()) == 0) | ~pl.all_horizontal(same)
    first = ordered.select(
        "_i", pl.when(new).then(pl.col("_baris")).forward_fill().alias("_pertama"), pl.int_range(pl.len()).alias("_urut")
    ).sort("_i")
    # `_urut`: the row's place in key order, so staging can reuse this sort (staging.shape)
    return frame.with_columns(first["_pertama"], first["_urut"])


def duplicates(frame: pl.DataFrame, file: str, kind: str) -> pl.DataFrame:
    """Every repeat of a key after its first row (the first row is kept)."""
    keys = KEYS.get(kind)
    if not keys:
        return pl.DataFrame(schema=REJECT_SCHEMA)
    marked = frame if "_pertama" in frame.columns else mark_first(frame, kind)
    mask = pl.all_horizontal([pl.col(k).is_not_null() for k in keys[:2]]) & (pl.col("_baris") != pl.col("_pertama"))
    repeats = marked.filter(mask).with_columns(pl.concat_str(keys, separator=", ", ignore_nulls=True).alias("_kunci"))
    return make_rejects(
        repeats,
        pl.lit(True),
        keys[-1] if kind == "capaian" else "nip",
        pl.format("Baris ganda: kunci ({}) sudah ada di baris {}.", pl.col("_kunci"), pl.col("_pertama")),
        pl.format("Duplicate row: key ({}) already at row {}.", pl.col("_kunci"), pl.col("_pertama")),
        file,
        kind,
    )


def first_rows(frame: pl.DataFrame, kind: str) -> pl.DataFrame:
    """The frame without later repeats of a key, so a duplicate does not also break the weight sum."""
    keys = KEYS.get(kind)
    if not keys:
        return frame
    marked = frame if "_pertama" in frame.columns else mark_first(frame, kind)
    return marked.filter(pl.col("_baris") == pl.col("_pertama"))


def weight_sums(frame: pl.DataFrame, total: float, tolerance: float, file: str) -> pl.DataFrame:
    """All rows of an employee-period whose weights do not sum to the total (100)."""
    marked = frame.with_columns(pl.col("bobot").sum().over("nip", "periode").round(2).alias("_jumlah"))
    mask = pl.col("bobot").is_not_null() & pl.col("periode").is_not_null() & ((pl.col("_jumlah") - total).abs() > tolerance)
    return make_rejects(
        marked,
        mask,
        "bobot",
        pl.format(
            "Jumlah bobot NIP {} periode {} adalah {}, seharusnya " + f"{total:g}.",
            pl.col("nip"),
            pl.col("periode"),
            pl.col("_jumlah"),
        ),
        pl.format(
            "Weights of NIP {} in period {} sum to {}, not " + f"{total:g}.", pl.col("nip"), pl.col("periode"), pl.col("_jumlah")
        ),
        file,
        "capaian",
    )


# Cells left blank or marked "not rated" are not errors; anything else that a column's vocabulary or
# number parser can't read is rejected at its cell, never filled in from elsewhere or dropped.
NOT_FILLED = ["", "-", "–", "—"]
_RATINGS = ", ".join(RATING)
VOCABULARY: dict[str, dict[str, tuple]] = {
    "pegawai": {
        "jenis_kelamin": (n.sex, "L/P, Laki-laki/Perempuan", "L/P, Laki-laki/Perempuan (male/female)"),
        "status_asn": (n.status_asn, "PNS, PPPK", "PNS, PPPK"),
    },
    "evaluasi": {
        "predikat": (n.predikat, ", ".join(PREDIKAT), ", ".join(PREDIKAT)),
        "predikat_organisasi": (n.predikat_org, ", ".join(PREDIKAT_ORG), ", ".join(PREDIKAT_ORG)),
        "rating_hasil_kerja": (n.rating, _RATINGS, _RATINGS),
        "rating_perilaku": (n.rating, _RATINGS, _RATINGS),
    },
    "capaian": {"bobot": (n.number, "angka, misalnya 40 atau 12,5", "a number, e.g. 40 or 12.5")},
    "skm": {
        "jenis_kelamin": (n.sex, "L/P, Laki-laki/Perempuan", "L/P, Laki-laki/Perempuan (male/female)"),
        "usia": (n.number, "angka", "a number"),
    },
}


def filled(col: str) -> pl.Expr:
    """Whether a cell holds something (not blank, not a 'not rated' dash)."""
    s = pl.col(col).cast(pl.String).str.strip_chars()
    return s.is_not_null() & ~s.is_in(NOT_FILLED)


def unreadable(frame: pl.DataFrame, kind: str, file: str) -> pl.DataFrame:
    """Rows with a filled optional cell that its vocabulary (or number format) doesn't know."""
    out = [pl.DataFrame(schema=REJECT_SCHEMA)]
    for col, (parse, accepted_id, accepted_en) in VOCABULARY.get(kind, {}).items():
        orig = f"_asal_{col}"
        if orig not in frame.columns:
            continue
        # each distinct cell text read once (a file repeats a few weights or words over its rows): the texts
        # nothing reads, then the rows holding one of them
        texts = frame.select(pl.col(orig).unique())
        unknown = texts.filter(filled(orig) & parse(orig).is_null()).get_column(orig)
        if unknown.is_empty():
            continue
        mask = pl.col(orig).is_in(unknown.implode())
        out.append(
            make_rejects(
                frame,
                mask,
                col,
                pl.format("Nilai '{}' tidak dikenal; yang diterima: " + accepted_id + ".", pl.col(orig)),
                pl.format("Value '{}' is not recognised; accepted: " + accepted_en + ".", pl.col(orig)),
                file,
                kind,
            )
        )
    return pl.concat(out, how="vertical_relaxed")


NIP_COLUMNS = ["nip", "nip_atasan", "nip_penilai", "nip_petugas"]
# how a spreadsheet shows a long number: 1.97908E+17, 1,97908E+17, or with a decimal tail 197908022002122000.0
EXCEL_NUMBER = r"^\d+([.,]\d+)?[eE]\+?\d+$|^\d{15,}[.,]0+$"


def excel_nips(frame: pl.DataFrame, kind: str, file: str) -> pl.DataFrame:
    """NIPs that a spreadsheet stored as numbers (only 15 digits kept): rejected with the fix."""
    out = [pl.DataFrame(schema=REJECT_SCHEMA)]
    for col in NIP_COLUMNS:
        orig = f"_asal_{col}"
        if orig not in frame.columns:
            continue
        mask = pl.col(orig).cast(pl.String).str.strip_chars().str.contains(EXCEL_NUMBER).fill_null(False)
        out.append(
            make_rejects(
                frame,
                mask,
                col,
                pl.format(
                    "NIP '{}' disimpan Excel sebagai angka: Excel hanya menyimpan 15 digit, sehingga NIP ini sudah "
                    "berubah. Format kolom NIP sebagai Teks dan ekspor ulang.",
                    pl.col(orig),
                ),
                pl.format(
                    "NIP '{}' was stored by Excel as a number: Excel keeps only 15 digits, so this NIP is already "
                    "wrong. Format the NIP column as Text and export again.",
                    pl.col(orig),
                ),
                file,
                kind,
            )
        )
    return pl.concat(out, how="vertical_relaxed")


def outside_places(frame: pl.DataFrame, kind: str, places: tuple[str, ...], foreign: pl.Series | None, file: str) -> pl.DataFrame:
    """Rows about a place the person loading may not change: a roster or survey row whose place is another,
    or an appraisal row of an employee the warehouse places elsewhere."""
    allowed = ", ".join(places) or "-"
    if kind in ("pegawai", "skm") and "lokasi" in frame.columns:
        mask = pl.col("lokasi").is_not_null() & ~pl.col("lokasi").is_in(list(places))
        return make_rejects(
            frame, mask, "lokasi",
            pl.format("Lokasi {} di luar wewenang Anda (" + allowed + ").", pl.col("lokasi")),
            pl.format("Place {} is outside what you may load (" + allowed + ").", pl.col("lokasi")),
            file, kind,
        )  # fmt: skip
    if foreign is None or foreign.is_empty() or "nip" not in frame.columns:
        return pl.DataFrame(schema=REJECT_SCHEMA)
    mask = pl.col("nip").is_in(foreign.implode())
    return make_rejects(
        frame, mask, "nip",
        pl.format("Pegawai {} bertugas di lokasi di luar wewenang Anda (" + allowed + ").", pl.col("nip")),
        pl.format("Employee {} works in a place outside what you may load (" + allowed + ").", pl.col("nip")),
        file, kind,
    )  # fmt: skip
