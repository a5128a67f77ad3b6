"""Per-kind normalisation: canonical names in, typed canonical columns out.

Each `clean_*` is a pure function of a text frame (canonical column names, `_baris`).
Unparseable values become null; the original text is kept in `_asal_<column>` so a
reject can show the clerk exactly what was in the cell.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import polars as pl

from domain.appraisal import BERAKHLAK, REZIM_PP30, REZIM_PP46
from domain.kinds import KINDS
from domain.survey import UNSUR, UNSUR_2004
from pipelines.clean import checks, clean_talenta
from pipelines.clean import normalise as n


def _ensure(frame: pl.DataFrame, kind: str) -> pl.DataFrame:
    missing = [c for c in KINDS[kind].columns if c not in frame.columns]
    return frame.with_columns([pl.lit(None, dtype=pl.String).alias(c) for c in missing])


def _keep_originals(frame: pl.DataFrame, kind: str) -> pl.DataFrame:
    return frame.with_columns([pl.col(c).alias(f"_asal_{c}") for c in KINDS[kind].columns])


_MEMO: OrderedDict[tuple, pl.DataFrame] = OrderedDict()
_MEMO_LOCK = threading.Lock()


def _mapped(distinct: pl.DataFrame, col: str, key: str, exprs: list[pl.Expr], memo: str | None) -> pl.DataFrame:
    """The expressions over the distinct values; with `memo`, a few distinct values are parsed once per
    process (each file of a load repeats the same periods, and compiling the period patterns dominates)."""
    if memo is None or distinct.height > 64:
        return distinct.select(pl.col(col).alias(key), *exprs)
    ident = (memo, col, distinct.schema[col], tuple(sorted(distinct[col].to_list(), key=str)))
    with _MEMO_LOCK:  # files of one load are read on several threads
        found = _MEMO.get(ident)
    if found is None:
        found = distinct.select(pl.col(col).alias(key), *exprs)
        with _MEMO_LOCK:
            _MEMO[ident] = found
            if len(_MEMO) > 256:
                _MEMO.popitem(last=False)
    return found


def by_value(frame: pl.DataFrame, col: str, exprs: list[pl.Expr], small: int = 50_000, memo: str | None = None) -> pl.DataFrame:
    """Evaluate expressions of one column on its distinct values only, then map the results back.

    Periods, NIPs, directions and roles repeat on many rows; parsing each distinct spelling once
    keeps the regular expressions off the hot path at millions of rows. `memo` names expressions that
    depend on nothing but the value (no settings), so their results may be kept between files. A column with one value
    becomes constants; one with few values is mapped by lookup; many values are joined back.
    """
    key = f"__{col}"
    distinct = frame.select(pl.col(col)).unique()
    mapped = _mapped(distinct, col, key, exprs, memo)
    outputs = [c for c in mapped.columns if c != key]
    if (
        outputs == [col]
        and mapped.schema[col] == frame.schema[col]
        and not mapped.select(pl.col(col).ne_missing(pl.col(key)).any()).item()
    ):
        return frame  # already clean: the column is kept as it is, without a copy
    if mapped.height == 1:
        row = mapped.row(0, named=True)
        return frame.with_columns([pl.lit(row[c], dtype=mapped.schema[c]).alias(c) for c in outputs])
    if mapped.height <= small:
        known = mapped.filter(pl.col(key).is_not_null())
        nulls = mapped.filter(pl.col(key).is_null())
        cols = []
        for c in outputs:
            dtype = mapped.schema[c]
            value = pl.col(col).replace_strict(known[key], known[c], default=None, return_dtype=dtype)
            if nulls.height:
                value = pl.when(pl.col(col).is_null()).then(pl.lit(nulls[c][0], dtype=dtype)).otherwise(value)
            cols.append(value.alias(c))
        return frame.with_columns(cols)
    joined = (
        frame.drop([c for c in outputs if c in frame.columns and c != col])
        .rename({col: key})
        .join(mapped, on=key, how="left", nulls_equal=True, maintain_order="left")
    )
    if col not in outputs:
        joined = joined.with_columns(pl.col(key).alias(col))
    return joined.drop(key)


def per_distinct(frame: pl.DataFrame, col: str, expr: pl.Expr, small: int = 50_000) -> pl.DataFrame:
    """One column from its expression: through the distinct values when they repeat (names of units, targets,
    weights, scores), directly when nearly every row differs (free-text comments, amounts)."""
    if frame.select(pl.col(col).n_unique()).item() <= small:
        return by_value(frame, col, [expr.alias(col)], small)
    return frame.with_columns(expr.alias(col))


def text_column(frame: pl.DataFrame, col: str, small: int = 50_000) -> pl.DataFrame:
    """Trimmed text, empty as null."""
    return per_distinct(frame, col, n.text(col), small)


def clean_nip(frame: pl.DataFrame, col: str) -> pl.DataFrame:
    """NIPs without spaces, dots or dashes; a column already written as 18 characters is left as it is."""
    if frame.schema[col] != pl.String:  # a Parquet file may hold NIPs as integers (exact) or floats (caught later)
        frame = frame.with_columns(pl.col(col).cast(pl.String))
    if frame.select((pl.col(col).str.len_bytes() == 18).all()).item():
        return frame
    # The usual spelling is grouped by spaces ('19790802 200212 2 001'): a literal replace is several
    # times faster than the general expression and gives the same result when only digits remain.
    # (The integer cast is a quick "only digits left" test: it refuses every character the expression strips.)
    spaced = frame.get_column(col).cast(pl.String).str.replace_all(" ", "", literal=True)
    filled = spaced.filter(spaced != "")
    if filled.cast(pl.UInt64, strict=False).null_count() == filled.null_count():
        return frame.with_columns(spaced.replace("", None) if filled.len() < spaced.drop_nulls().len() else spaced)
    return by_value(frame, col, [n.nip(col).alias(col)])


def _golongan(col: str) -> pl.Expr:
    """'iii/a', 'III A', 'III/A' -> 'III/a'; PPPK 'ix' -> 'IX'; the golongan inside pangkat text ('Penata Muda
    Tk. I (III/b)', 'Pembina, IV/a') -> 'IV/a'; anything else kept as written."""
    parts = n.text(col).str.extract_groups(r"^([IVXivx]+)\s*/?\s*([a-eA-E])?$")
    roman = parts.struct.field("1").str.to_uppercase()
    letter = parts.struct.field("2").str.to_lowercase()
    tidy = pl.when(letter.is_not_null()).then(roman + "/" + letter).otherwise(roman)
    inner = n.text(col).str.extract_groups(r"(?:^|[\s(,;-])(IV|I{1,3}|iv|i{1,3})\s*/\s*([a-eA-E])(?:$|[\s),;.])")
    within = inner.struct.field("1").str.to_uppercase() + "/" + inner.struct.field("2").str.to_lowercase()
    return pl.coalesce(tidy, within, n.text(col))


def clean_pegawai(frame: pl.DataFrame, settings: dict) -> pl.DataFrame:
    """Employees: NIP decoded, place and status normalised, sex from the NIP when missing."""
    f = _keep_originals(_ensure(frame, "pegawai"), "pegawai")
    f = f.with_columns(n.nip("nip").alias("nip"), n.nip("nip_atasan").alias("nip_atasan"))
    f = f.with_columns(*n.nip_parts("nip"))
    return f.with_columns(
        n.text("nama").alias("nama"),
        pl.coalesce(n.sex("jenis_kelamin"), pl.col("jk_nip")).alias("jenis_kelamin"),
        pl.coalesce(n.status_asn("status_asn"), pl.col("jenis_asn_nip")).alias("status_asn"),
        _golongan("golongan").alias("golongan"),
        n.text("jenis_jabatan").alias("jenis_jabatan"),
        n.text("jabatan").alias("jabatan"),
        n.lokasi("lokasi").alias("lokasi"),
        n.text("instansi").alias("instansi"),
        n.text("opd").alias("opd"),
        n.text("unit_kerja").alias("unit_kerja"),
        n.date("per_tanggal").alias("per_tanggal"),
    )


def _number(col: str, conventions: dict[str, str | None], typed: set[str]) -> pl.Expr:
    """A numeric column: numbers stored as numbers (Parquet) are taken as they are; text is parsed cell by cell."""
    return pl.col(col).cast(pl.Float64) if col in typed else n.number(col, conventions.get(col))


def number_columns(frame: pl.DataFrame, exprs: dict[str, pl.Expr], typed: set[str], small: int = 50_000) -> pl.DataFrame:
    """Numeric columns from their parse expressions: columns already numeric in one pass, text per distinct value."""
    out = frame.with_columns([e.alias(c) for c, e in exprs.items() if c in typed])
    for c, e in exprs.items():
        if c not in typed:
            out = per_distinct(out, c, e, small)
    return out


def clean_capaian(frame: pl.DataFrame, settings: dict, conv: dict, typed: set[str] = frozenset()) -> pl.DataFrame:
    """Indicator results: numbers with decimal comma or point, direction, regime default."""
    f = _keep_originals(_ensure(frame, "capaian"), "capaian")
    rezim = n.text("rezim")
    f = clean_nip(f, "nip")
    f = by_value(f, "periode", n.period("periode"), memo="period")
    f = by_value(f, "indikator", [n.text("indikator").alias("indikator")])
    f = by_value(f, "satuan", [n.text("satuan").alias("satuan")])
    f = by_value(f, "arah", [n.direction("arah").alias("arah")])
    f = by_value(f, "aspek", [n.text("aspek").str.to_lowercase().alias("aspek")])
    f = by_value(
        f,
        "rezim",
        [
            pl.when(rezim.str.contains("46"))
            .then(pl.lit(REZIM_PP46))
            .when(rezim.str.contains("30"))
            .then(pl.lit(REZIM_PP30))
            .otherwise(pl.lit(settings["capaian"]["default_rezim"]))
            .alias("rezim")
        ],
    )
    return number_columns(
        f,
        {
            "target": _number("target", conv, typed),
            "realisasi": _number("realisasi", conv, typed),
            "bobot": (
                _number("bobot", conv, typed)
                if "bobot" in typed
                else pl.when(n.text("bobot").is_null()).then(None).otherwise(n.number("bobot", conv.get("bobot")))
            ),
        },
        typed,
    )


def fill_equal_weights(frame: pl.DataFrame) -> pl.DataFrame:
    """Where a whole employee-period has no weights, give its indicators equal weights."""
    if frame["bobot"].null_count() == 0:
        return frame
    # only cells left blank: a weight written as text ('seratus') is rejected, not replaced
    blank = ~checks.filled("_asal_bobot") if "_asal_bobot" in frame.columns else pl.col("bobot").is_null()
    none = blank.all().over("nip", "periode")
    equal = 100.0 / pl.len().over("nip", "periode")
    return frame.with_columns(pl.when(none).then(equal).otherwise(pl.col("bobot")).alias("bobot"))


def clean_perilaku(frame: pl.DataFrame, settings: dict, conv: dict, typed: set[str] = frozenset()) -> pl.DataFrame:
    """Behaviour ratings: role names normalised, BerAKHLAK scores as numbers."""
    f = _keep_originals(_ensure(frame, "perilaku"), "perilaku")
    f = clean_nip(f, "nip")
    f = clean_nip(f, "nip_penilai")
    f = by_value(f, "periode", n.period("periode"), memo="period")
    f = by_value(f, "peran_penilai", [n.rater_role("peran_penilai").alias("peran_penilai")])
    return number_columns(f, {v: _number(v, conv, typed) for v in BERAKHLAK}, typed)


def clean_evaluasi(frame: pl.DataFrame, settings: dict) -> pl.DataFrame:
    """Official results: rating and predikat spellings normalised."""
    f = _keep_originals(_ensure(frame, "evaluasi"), "evaluasi")
    f = by_value(f, "periode", n.period("periode"), memo="period")
    return f.with_columns(
        n.nip("nip").alias("nip"),
        n.rating("rating_hasil_kerja").alias("rating_hasil_kerja"),
        n.rating("rating_perilaku").alias("rating_perilaku"),
        n.predikat("predikat").alias("predikat"),
        n.predikat_org("predikat_organisasi").alias("predikat_organisasi"),
        n.yes_no("inovasi").alias("inovasi"),
    )


def _clean_survey(
    frame: pl.DataFrame, kind: str, unsur: list[str], texts: tuple[str, ...], conv: dict, typed: set[str]
) -> pl.DataFrame:
    """A survey's responses: date parsed, place and sex normalised, answers as whole numbers, the quarter derived."""
    f = _keep_originals(_ensure(frame, kind), kind)
    answers = [
        pl.when(_number(u, conv, typed) == _number(u, conv, typed).round(0)).then(_number(u, conv, typed)).cast(pl.Int64).alias(u)
        for u in unsur
    ]
    f = by_value(f, "tanggal", [n.date("tanggal").alias("tanggal")])
    f = by_value(f, "lokasi", [n.lokasi("lokasi").alias("lokasi")])
    f = by_value(f, "jenis_kelamin", [n.sex("jenis_kelamin").alias("jenis_kelamin")])
    if "nip_petugas" in KINDS[kind].columns:
        f = clean_nip(f, "nip_petugas")
    for c in texts:
        f = text_column(f, c)
    f = f.with_columns(*answers, _number("usia", conv, typed).alias("usia"))
    quarter = pl.col("tanggal").dt.year().cast(pl.String) + "-Q" + pl.col("tanggal").dt.quarter().cast(pl.String)
    return f.with_columns(quarter.alias("periode"))


def clean_skm(frame: pl.DataFrame, settings: dict, conv: dict, typed: set[str] = frozenset()) -> pl.DataFrame:
    """PermenPANRB 14/2017 survey responses: the nine unsur as whole numbers 1-4."""
    texts = ("unit_layanan", "opd", "pendidikan", "pekerjaan", "layanan", "kritik_saran")
    return _clean_survey(frame, "skm", list(UNSUR), texts, conv, typed)


def clean(kind: str, frame: pl.DataFrame, settings: dict) -> pl.DataFrame:
    """Dispatch to the kind's cleaner, detecting decimal commas from its numeric text columns."""
    numeric = [c for c in KINDS[kind].numeric if c in frame.columns]
    typed = {c for c in numeric if frame.schema[c].is_numeric()}
    dc = {c: n.number_convention(frame, c) for c in numeric if c not in typed}
    if kind == "pegawai":
        return clean_pegawai(frame, settings)
    if kind == "capaian":
        return clean_capaian(frame, settings, dc, typed)
    if kind == "perilaku":
        return clean_perilaku(frame, settings, dc, typed)
    if kind == "evaluasi":
        return clean_evaluasi(frame, settings)
    if kind == "pp46":
        return clean_pp46(frame, settings, dc, typed)
    if kind == "ikm2004":
        return clean_ikm2004(frame, settings, dc, typed)
    if kind == "asesmen":
        return clean_talenta.clean_asesmen(frame, dc, typed)
    if kind == "sanksi":
        return clean_talenta.clean_sanksi(frame)
    if kind == "pengecualian":
        return clean_talenta.clean_pengecualian(frame)
    return clean_skm(frame, settings, dc, typed)


def clean_ikm2004(frame: pl.DataFrame, settings: dict, conv: dict, typed: set[str] = frozenset()) -> pl.DataFrame:
    """KepmenPAN 25/2004 responses: as a 14/2017 survey's, with fourteen unsur."""
    return _clean_survey(frame, "ikm2004", list(UNSUR_2004), ("unit_layanan", "opd", "pendidikan", "pekerjaan"), conv, typed)


def clean_pp46(frame: pl.DataFrame, settings: dict, conv: dict, typed: set[str] = frozenset()) -> pl.DataFrame:
    """PP 46/2011 results: NIP, period, the scores as numbers, the sebutan in its five words."""
    f = _keep_originals(_ensure(frame, "pp46"), "pp46")
    f = clean_nip(f, "nip")
    f = by_value(f, "periode", n.period("periode"), memo="period")
    words = {"sangat baik": "Sangat Baik", "baik": "Baik", "cukup": "Cukup", "kurang": "Kurang", "buruk": "Buruk"}
    tidy = n.text("sebutan").str.to_lowercase().str.replace_all(r"\s+", " ")
    f = f.with_columns(pl.coalesce(tidy.replace_strict(words, default=None), n.text("sebutan")).alias("sebutan"))
    return number_columns(f, {c: _number(c, conv, typed) for c in KINDS["pp46"].numeric}, typed)
