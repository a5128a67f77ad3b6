"""Pure Polars expressions that turn Indonesian spellings into canonical values.

Each function returns an expression; a value that cannot be understood becomes
null, and validation then reports the original text back to the clerk.
"""

from __future__ import annotations

import polars as pl

from domain.appraisal import PREDIKAT, RATING
from domain.periods import MONTH_NUMBER, ROMAN
from domain.places import place_expr


def text(col: str) -> pl.Expr:
    """Trimmed text with empty strings as null."""
    s = pl.col(col).cast(pl.String).str.strip_chars()
    return pl.when(s == "").then(None).otherwise(s)


def _letters(col: str) -> pl.Expr:
    return pl.col(col).cast(pl.String).str.to_lowercase().str.replace_all(r"[^a-z]", "")


# How a number cell is written. Most cells say so themselves: '85,5' and '1.234,5' use a decimal comma,
# '60.0' and '1,234.5' a decimal point. Only a single separator followed by exactly three digits
# ('1.234', '1,234') is ambiguous; it follows what the column's unambiguous cells use, and is a
# thousands separator when they say nothing.
KOMA, TITIK = "koma", "titik"
_AMBIGUOUS_DOT = r"^[+-]?[1-9]\d{0,2}\.\d{3}$"
_AMBIGUOUS_COMMA = r"^[+-]?[1-9]\d{0,2},\d{3}$"
_PLAIN = r"^[+-]?\d+$"
_DECIMAL_POINT = r"^[+-]?\d+\.\d+$"
_DECIMAL_COMMA = r"^[+-]?\d+,\d+$"
_GROUPED_DOT = r"^[+-]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$"  # 1.234.567 or 1.234,5
_GROUPED_COMMA = r"^[+-]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$"  # 1,234,567 or 1,234.5


def _number_text(col: str) -> pl.Expr:
    return text(col).str.replace_all(r"[\s%\u00a0]", "")


def number(col: str, convention: str | bool | None = None) -> pl.Expr:
    """Parse one number cell by how that cell is written ('1.234,5', '85,5', '60.0', '1,234.5', '1234');
    `convention` (KOMA or TITIK, from `number_convention`) settles only '1.234' / '1,234'. Text that is
    not a number ('seratus', '12a', '1.2.3') becomes null, and validation rejects it at its cell."""
    if convention is True:
        convention = KOMA
    elif convention is False:
        convention = None
    s = _number_text(col)
    point = s.str.replace_all(",", "", literal=True).cast(pl.Float64, strict=False)  # commas group thousands
    comma = s.str.replace_all(".", "", literal=True).str.replace(",", ".", literal=True).cast(pl.Float64, strict=False)
    return (
        pl.when(s.str.contains(_AMBIGUOUS_DOT))
        .then(point if convention == TITIK else comma)
        .when(s.str.contains(_AMBIGUOUS_COMMA))
        .then(comma if convention == KOMA else point)
        .when(s.str.contains(_PLAIN) | s.str.contains(_DECIMAL_POINT) | s.str.contains(_GROUPED_COMMA))
        .then(point)
        .when(s.str.contains(_DECIMAL_COMMA) | s.str.contains(_GROUPED_DOT))
        .then(comma)
        .alias(col)
    )


def number_convention(frame: pl.DataFrame, col: str) -> str | None:
    """KOMA or TITIK when the column's unambiguous cells agree on a decimal separator, else None.

    Looked at over the column's distinct values, all of them (not a sample)."""
    s = _number_text(col)
    ambiguous = s.str.contains(_AMBIGUOUS_DOT) | s.str.contains(_AMBIGUOUS_COMMA)
    says_comma = ~ambiguous & (s.str.contains(_DECIMAL_COMMA) | s.str.contains(_GROUPED_DOT))
    says_point = ~ambiguous & (s.str.contains(_DECIMAL_POINT) | s.str.contains(_GROUPED_COMMA))
    seen = frame.select(pl.col(col).unique()).select(
        says_comma.fill_null(False).any().alias("k"), says_point.fill_null(False).any().alias("t")
    )
    k, t = seen.row(0)
    if k and not t:
        return KOMA
    if t and not k:
        return TITIK
    return None


def nip(col: str) -> pl.Expr:
    """Strip spaces, dots and dashes from a NIP; null when nothing is left."""
    s = pl.col(col).cast(pl.String).str.replace_all(r"[\s.\-']", "")
    return pl.when(s == "").then(None).otherwise(s).alias(col)


def nip_parts(col: str) -> list[pl.Expr]:
    """Birth date, TMT, sex and ASN kind decoded from a clean 18-digit NIP (Perka BKN 22/2007)."""
    s = pl.col(col)
    month = s.str.slice(12, 2).cast(pl.Int32, strict=False)
    is_pppk = month.is_between(21, 29)
    birth = s.str.slice(0, 8).str.strptime(pl.Date, "%Y%m%d", strict=False)
    tmt_pns = (s.str.slice(8, 6) + "01").str.strptime(pl.Date, "%Y%m%d", strict=False)
    tmt_pppk = (s.str.slice(8, 4) + "0101").str.strptime(pl.Date, "%Y%m%d", strict=False)
    tmt = pl.when(is_pppk).then(tmt_pppk).otherwise(tmt_pns)
    sex = s.str.slice(14, 1)
    seq = s.str.slice(15, 3)
    ok = (
        s.str.contains(r"^\d{18}$").fill_null(False)
        & birth.is_not_null()
        & tmt.is_not_null()
        & sex.is_in(["1", "2"])
        & (seq != "000")
        & (tmt > birth)
    )
    return [
        birth.alias("tanggal_lahir"),
        tmt.alias("tmt_pengangkatan"),
        pl.when(sex == "1").then(pl.lit("L")).when(sex == "2").then(pl.lit("P")).alias("jk_nip"),
        pl.when(is_pppk).then(pl.lit("PPPK")).otherwise(pl.lit("PNS")).alias("jenis_asn_nip"),
        ok.alias("nip_valid"),
    ]


def _year_num(year: pl.Expr, num: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    return year.cast(pl.Int32, strict=False), num.cast(pl.Int32, strict=False)


def period(col: str) -> list[pl.Expr]:
    """Parse period spellings into (periode key, periode_jenis, periode_mulai).

    Accepted: 2025-01, 01/2025, Januari 2025, Jan 2025, 2025-01-31 (a date),
    Triwulan I 2025, TW1 2025, TW I 2025, Q1 2025, 2025-Q1, 2025 / Tahun 2025.
    """
    s = pl.col(col).cast(pl.String).str.strip_chars().str.to_lowercase().str.replace_all(r"\s+", " ")
    iso = s.str.extract_groups(r"^(\d{4})[-/.](\d{1,2})(?:[-/.]\d{1,2})?(?:[ t].*)?$")
    mmyy = s.str.extract_groups(r"^(\d{1,2})[-/.](\d{4})$")
    named = s.str.extract_groups(r"^([a-z]+)\.? (\d{4})$")
    q1 = s.str.extract_groups(r"^(?:triwulan|tw|q|kuartal|quarter) ?(iv|i{1,3}|[1-4]) ?(?:tahun )?(\d{4})$")
    q2 = s.str.extract_groups(r"^(\d{4}) ?[-/ ]? ?(?:q|tw|triwulan) ?(iv|i{1,3}|[1-4])$")
    yr = s.str.extract(r"^(?:tahun |year )?(\d{4})$", 1).cast(pl.Int32, strict=False)

    month_name = named.struct.field("1").replace_strict(MONTH_NUMBER, default=None, return_dtype=pl.Int32)
    my = pl.coalesce(
        iso.struct.field("1").cast(pl.Int32, strict=False),
        mmyy.struct.field("2").cast(pl.Int32, strict=False),
        pl.when(month_name.is_not_null()).then(named.struct.field("2").cast(pl.Int32, strict=False)),
    )
    mm = pl.coalesce(
        iso.struct.field("2").cast(pl.Int32, strict=False),
        mmyy.struct.field("1").cast(pl.Int32, strict=False),
        month_name,
    )
    month_ok = my.is_not_null() & mm.is_between(1, 12)
    qy = pl.coalesce(q1.struct.field("2"), q2.struct.field("1")).cast(pl.Int32, strict=False)
    qn = pl.coalesce(q1.struct.field("1"), q2.struct.field("2")).replace_strict(ROMAN, default=None, return_dtype=pl.Int32)
    quarter_ok = qy.is_not_null() & qn.is_not_null()
    valid_year = lambda y: y.is_between(1990, 2100)  # noqa: E731
    key = (
        pl.when(month_ok & valid_year(my))
        .then(my.cast(pl.String) + "-" + mm.cast(pl.String).str.zfill(2))
        .when(quarter_ok & valid_year(qy))
        .then(qy.cast(pl.String) + "-Q" + qn.cast(pl.String))
        .when(yr.is_not_null() & valid_year(yr))
        .then(yr.cast(pl.String))
    )
    kind = (
        pl.when(key.str.contains(r"^\d{4}-\d{2}$"))
        .then(pl.lit("bulanan"))
        .when(key.str.contains("Q"))
        .then(pl.lit("triwulanan"))
        .when(key.is_not_null())
        .then(pl.lit("tahunan"))
    )
    start = (
        pl.when(kind == "bulanan")
        .then(pl.date(my, mm, 1))
        .when(kind == "triwulanan")
        .then(pl.date(qy, (qn - 1) * 3 + 1, 1))
        .when(kind == "tahunan")
        .then(pl.date(yr, 1, 1))
    )
    return [key.alias("periode"), kind.alias("periode_jenis"), start.alias("periode_mulai")]


def date(col: str) -> pl.Expr:
    """Parse dd/mm/yyyy, dd-mm-yyyy, yyyy-mm-dd (with or without time) or '31 Januari 2026'."""
    s = pl.col(col).cast(pl.String).str.strip_chars().str.to_lowercase()
    dmy = s.str.extract_groups(r"^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})$")
    ymd = s.str.extract_groups(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t].*)?$")
    named = s.str.extract_groups(r"^(\d{1,2}) ([a-z]+)\.? (\d{4})$")
    d = pl.coalesce(dmy.struct.field("1"), ymd.struct.field("3"), named.struct.field("1"))
    m = pl.coalesce(
        dmy.struct.field("2").cast(pl.Int32, strict=False),
        ymd.struct.field("2").cast(pl.Int32, strict=False),
        named.struct.field("2").replace_strict(MONTH_NUMBER, default=None, return_dtype=pl.Int32),
    )
    y = pl.coalesce(dmy.struct.field("3"), ymd.struct.field("1"), named.struct.field("3"))
    joined = y + "-" + m.cast(pl.String).str.zfill(2) + "-" + d.cast(pl.String).str.zfill(2)
    return joined.str.strptime(pl.Date, "%Y-%m-%d", strict=False)


def rating(col: str) -> pl.Expr:
    """'diatas', 'DI ATAS EKSPEKTASI', 'Sesuai' ... -> the three PermenPANRB 6/2022 ratings."""
    s = _letters(col)
    return (
        pl.when(s.str.contains("atas"))
        .then(pl.lit(RATING[0]))
        .when(s.str.contains("sesuai"))
        .then(pl.lit(RATING[1]))
        .when(s.str.contains("bawah"))
        .then(pl.lit(RATING[2]))
    )


def predikat(col: str) -> pl.Expr:
    """Normalise predikat spellings ('Kurang / misconduct', 'BAIK') to the five official names."""
    s = _letters(col)
    return (
        pl.when(s == "sangatbaik")
        .then(pl.lit(PREDIKAT[0]))
        .when(s == "baik")
        .then(pl.lit(PREDIKAT[1]))
        .when(s.is_in(["butuhperbaikan", "perluperbaikan"]))
        .then(pl.lit(PREDIKAT[2]))
        .when(s.is_in(["kurang", "kurangmisconduct", "misconduct"]))
        .then(pl.lit(PREDIKAT[3]))
        .when(s == "sangatkurang")
        .then(pl.lit(PREDIKAT[4]))
    )


def predikat_org(col: str) -> pl.Expr:
    """Normalise the organisation's predikat (Istimewa, Baik, Butuh Perbaikan, Kurang, Sangat Kurang)."""
    s = _letters(col)
    return (
        pl.when(s == "istimewa")
        .then(pl.lit("Istimewa"))
        .when(s == "baik")
        .then(pl.lit("Baik"))
        .when(s.is_in(["butuhperbaikan", "perluperbaikan"]))
        .then(pl.lit("Butuh Perbaikan"))
        .when(s == "kurang")
        .then(pl.lit("Kurang"))
        .when(s == "sangatkurang")
        .then(pl.lit("Sangat Kurang"))
    )


def lokasi(col: str) -> pl.Expr:
    """Map place spellings ('Kota Jambi', 'Kec. Medan Belawan', 'Merangin') to the four places."""
    return place_expr(col)


def direction(col: str) -> pl.Expr:
    """'naik'/'higher' -> naik, 'turun'/'lower'/'semakin kecil' -> turun; missing means naik."""
    s = _letters(col)
    return pl.when(s.str.contains("turun|lower|kecil|rendah|negatif|minimi")).then(pl.lit("turun")).otherwise(pl.lit("naik"))


def rater_role(col: str) -> pl.Expr:
    """Map rater role spellings to atasan, rekan, bawahan, diri, masyarakat."""
    s = _letters(col)
    return (
        pl.when(s.str.contains("atasan|superior|supervisor|penilai"))
        .then(pl.lit("atasan"))
        .when(s.str.contains("rekan|peer|sejawat"))
        .then(pl.lit("rekan"))
        .when(s.str.contains("bawahan|subordinate"))
        .then(pl.lit("bawahan"))
        .when(s.str.contains("diri|self|sendiri"))
        .then(pl.lit("diri"))
        .when(s.str.contains("masyarakat|public|publik|pelanggan"))
        .then(pl.lit("masyarakat"))
    )


def sex(col: str) -> pl.Expr:
    """L/P from 'L', 'Laki-laki', 'Pria', 'P', 'Perempuan', 'Wanita', 'M', 'F'."""
    s = _letters(col)
    return (
        pl.when(s.is_in(["l", "lk", "lakilaki", "pria", "m", "male"]))
        .then(pl.lit("L"))
        .when(s.is_in(["p", "pr", "perempuan", "wanita", "f", "female"]))
        .then(pl.lit("P"))
    )


def status_asn(col: str) -> pl.Expr:
    """PNS or PPPK from their usual spellings."""
    s = _letters(col)
    return (
        pl.when(s.str.contains("pppk|kontrak|perjanjian"))
        .then(pl.lit("PPPK"))
        .when(s.str.contains("pns|cpns|negeri"))
        .then(pl.lit("PNS"))
    )


def yes_no(col: str) -> pl.Expr:
    """'ya', 'yes', 'ada', '1', 'true' -> True; anything else False."""
    s = _letters(col)
    raw = pl.col(col).cast(pl.String).str.strip_chars()
    return (s.is_in(["ya", "yes", "ada", "true", "y"]) | (raw == "1")).fill_null(False)
