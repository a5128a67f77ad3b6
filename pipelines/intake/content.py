"""What a column's values look like, so a file's kind and columns are judged from content as well as headers.

A header can say "NIP" over a column of phone numbers, or "Nilai" over scores on 1-10. Each column of a found
table is sampled and its values sorted into shapes (NIP, golongan, Likert answers, periods, dates, 0-100
scores, rating words ...). `fit` says how well a column's values suit a target (None when the target expects
nothing in particular); `scale_of` names the scale a set of answer columns uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import polars as pl

from domain.periods import key_from_words

SAMPLE = 200  # values looked at per column

_NIP = re.compile(r"^(19|20)\d{16}$")
_GOL = re.compile(
    r"\b(I{1,3}|IV)\s*/\s*[a-e]\b|\b(juru|pengatur|penata|pembina)\b|^(I{1,3}|IV|V|VI{0,3}|IX|XI{0,3}|X|XIV|XV|XVI{0,2})$", re.I
)
_NUMBER = re.compile(r"^-?\d+([.,]\d+)?%?$")
_DATE = re.compile(
    r"^(\d{1,2}[/\-.]\d{1,2}[/\-.]\d{4}|\d{4}-\d{1,2}-\d{1,2})(,?\s+\d{1,2}[:.]\d{2}([:.]\d{2})?)?$"
    r"|^\d{1,2}\s+[a-z]+\.?\s+\d{4}$",
    re.I,
)
_PERIOD = re.compile(r"^\d{4}(-\d{2}|-q[1-4])?$", re.I)
_RATING = re.compile(r"ekspektasi|^di\s*atas|^diatas|^sesuai|^di\s*bawah|^dibawah", re.I)
_PREDIKAT = re.compile(
    r"^(sangat baik|baik|butuh perbaikan|kurang|kurang\s*/\s*misconduct|misconduct|sangat kurang|cukup|buruk)$", re.I
)
_SEX = re.compile(r"^(l|p|laki[- ]?laki|perempuan|pria|wanita|male|female|m|f)$", re.I)
_LETTER = re.compile(r"^[a-d]$", re.I)
_ROLE = re.compile(r"atasan|rekan|bawahan|diri|sendiri|masyarakat|peer|supervisor|self|subordinate", re.I)


@dataclass(frozen=True)
class Shape:
    """The shares of a column's sampled values that look like each kind of value."""

    n: int
    nip: float
    golongan: float
    number: float
    integer: float
    date: float
    period: float
    rating: float
    predikat: float
    sex: float
    letter: float
    role: float
    words: float  # text mostly of letters (names, units)
    low: float | None  # smallest number (None when no numbers)
    high: float | None


def _num(v: str) -> float | None:
    s = v.strip().rstrip("%").replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


def _nip_like(v: str) -> bool:
    """An 18-digit NIP, with spaces or dots, or one a spreadsheet turned into a number (1.97E+17): still a NIP
    column, whose damaged cells the checks reject one by one."""
    if _NIP.match(re.sub(r"[\s.\-']", "", v)):
        return True
    x = _num(v.replace("E+", "e").replace("e+", "e")) if re.fullmatch(r"[\d.,]+([eE]\+?\d+)?", v) else None
    return x is not None and 1.9e17 <= x < 2.1e17


def shape(values: list[str]) -> Shape:
    """The shape of a sample of text values (empty cells left out)."""
    vals = [str(v).strip() for v in values if v is not None and str(v).strip() not in ("", "-")][:SAMPLE]
    n = len(vals)
    if n == 0:
        return Shape(0, *[0.0] * 12, None, None)

    def share(pred) -> float:
        return sum(1 for v in vals if pred(v)) / n

    nums = [x for v in vals if _NUMBER.match(v) and (x := _num(v)) is not None]
    return Shape(
        n,
        share(_nip_like),
        share(lambda v: bool(_GOL.search(v))),
        len(nums) / n,
        sum(1 for x in nums if x == int(x)) / n,
        share(lambda v: bool(_DATE.match(v))),
        share(lambda v: bool(_PERIOD.match(v)) or key_from_words(v) is not None),
        share(lambda v: bool(_RATING.search(v))),
        share(lambda v: bool(_PREDIKAT.match(v))),
        share(lambda v: bool(_SEX.match(v))),
        share(lambda v: bool(_LETTER.match(v))),
        share(lambda v: bool(_ROLE.search(v))),
        share(lambda v: bool(re.search(r"[A-Za-z]{2}", v)) and len(re.findall(r"\d", v)) < len(re.findall(r"[A-Za-z]", v)) / 2),
        min(nums) if nums else None,
        max(nums) if nums else None,
    )


def column_shape(frame: pl.DataFrame, col: str) -> Shape:
    """The shape of one column of a found table."""
    s = frame[col]
    if s.dtype != pl.String:
        s = s.cast(pl.String)
    return shape(s.drop_nulls().head(SAMPLE * 2).to_list())


_UNSUR = {f"u{i}" for i in range(1, 10)}
_NIPS = {"nip", "nip_atasan", "nip_penilai", "nip_petugas"}


def fit(target: str, sh: Shape, answer_share: float = 0.0, least: int = 3) -> float | None:
    """How well a column of this shape suits a target, 0-1; None when the target expects no particular shape
    or the column holds too few values to tell (a row or two are the checks' business, one cell at a time).
    `answer_share`: the share of values that are known answer labels (SKM); `least`: values needed to judge."""
    if sh.n < least:
        return None
    if target in _NIPS:
        return sh.nip
    if target == "golongan":
        return sh.golongan
    if target in _UNSUR:
        return max(answer_share, sh.integer if sh.low is not None and sh.low >= 0 else 0.0, sh.letter)
    if target in ("target", "realisasi", "bobot") or target.startswith(("nilai_", "skp_")):
        return sh.number
    if target in ("periode",):
        return max(sh.period, sh.date)
    if target == "tanggal":
        return max(sh.date, sh.period)
    if target in ("rating_hasil_kerja", "rating_perilaku"):
        return sh.rating
    if target == "predikat":
        return max(sh.predikat, sh.rating)
    if target == "jenis_kelamin":
        return sh.sex  # codes 1/2 are not taken for a sex: which is which is the form's, not ours
    if target == "usia":
        return sh.number
    if target == "nama":  # names can be anything but numbers or NIPs
        return 1.0 - max(sh.number, sh.nip)
    if target == "peran_penilai":
        return sh.role
    return None


def looks_like_scores(sh: Shape) -> bool:
    """Whether a column holds scores: mostly numbers, not NIPs, not years or codes."""
    return sh.n >= 2 and sh.number >= 0.8 and sh.nip < 0.5 and sh.high is not None and sh.high <= 120


def scale_of(shapes: list[Shape]) -> str | None:
    """The answer scale a set of columns uses: 'a-d', '1-4', '1-5', '0-10' / '1-10', '0-100' (None: no answers)."""
    filled = [s for s in shapes if s.n]
    if not filled:
        return None
    if sum(s.letter for s in filled) / len(filled) >= 0.8:
        return "a-d"
    highs = [s.high for s in filled if s.high is not None]
    lows = [s.low for s in filled if s.low is not None]
    if not highs:
        return None
    high, low = max(highs), min(lows)
    if high <= 4:
        return "1-4" if low >= 1 else "0-4"
    if high <= 5 and low >= 0:
        return "1-5"
    if high <= 10 and low >= 0:
        return "0-10" if low == 0 else "1-10"
    return "0-100" if high <= 100 and low >= 0 else None
