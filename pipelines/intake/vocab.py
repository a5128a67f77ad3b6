"""Indonesian vocabularies for the files offices bring: headers, SKM questions and answer labels, footers.

Written from the published layouts (BKN e-Kinerja downloads, SIASN/SIMPEG rosters,
PermenPANRB 14/2017 questionnaire and survey-app reports). Everything here is a plain
lookup or a keyword rule; the fuzzy suggestions (rapidfuzz) come last and are marked
as less certain.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from domain.kinds import KINDS, header_key
from domain.periods import MONTH_NUMBER
from domain.survey import ANSWERS, UNSUR, UNSUR_WORDS

# First cells of rows under a table that summarise it (survey-app reports, recaps).
FOOTER = re.compile(
    r"^(jumlah|total|nrr|nilai rata|rata[- ]?rata|ikm|nilai ikm|konversi|mutu|kinerja unit|nilai unsur|"
    r"nrr tertimbang|keterangan|catatan|mengetahui|ket\.?\s*:|sumber)\b",
    re.I,
)

NOT_RATED = {"-", "–", "—", "belum dinilai", "belum ada", "n/a", "na", "tidak dinilai", "belum"}


def aliases(kind: str) -> dict[str, str]:
    """Header key -> target for one kind (its aliases, then the published layouts' spellings, which win)."""
    out: dict[str, str] = {}
    k = KINDS[kind]
    for target in k.columns:
        out.setdefault(header_key(target), target)
    for target, names in k.aliases.items():
        for a in names:
            out.setdefault(header_key(a), target)
    for target, names in k.layout_aliases.items():
        for a in names:
            out[header_key(a)] = target
    if kind == "skm":
        for u, name in UNSUR.items():
            out[header_key(name)] = u
    return out


_ALIASES = {k: aliases(k) for k in KINDS}


def unsur_of(key: str) -> tuple[str, float] | None:
    """The SKM unsur a header or question names: by its name first, then by its U-number."""
    for u, pattern in UNSUR_WORDS:
        if re.search(pattern, key):
            return u, (0.95 if re.match(r"u_?\d", key) else 0.85)
    m = re.match(r"^u_?([1-9])(?:_|$)", key)
    if m:
        return f"u{m.group(1)}", 0.8
    return None


def match(header: str, kind: str) -> tuple[str | None, float]:
    """The target a header stands for in one kind, with a confidence from 0 to 1."""
    key = header_key(header)
    if not key:
        return None, 0.0
    table = _ALIASES[kind]
    if key in table:
        return table[key], 1.0
    if kind == "skm":
        found = unsur_of(key)
        if found and (len(key) > 3 or found[1] >= 0.8):
            return found
    best = process.extractOne(key, list(table), scorer=fuzz.ratio, score_cutoff=86) if len(key) >= 4 else None
    if best:
        return table[best[0]], round(best[1] / 100 * 0.7, 2)
    return None, 0.0


def is_header_cell(cell: str) -> bool:
    """Whether a cell reads like a known column header of any kind."""
    key = header_key(cell)
    if not key or re.fullmatch(r"[\d_]+", key):
        return False
    if any(key in t for t in _ALIASES.values()) or key in MONTH_NUMBER or key == "tahunan":
        return True
    return unsur_of(key) is not None and len(key) < 160


def answer(label: str | None) -> int | None:
    """A questionnaire answer on the 1-4 scale: '4', '4 - Sangat sesuai', 'Sangat sesuai', 'Gratis'."""
    if label is None:
        return None
    s = str(label).strip().lower()
    m = re.match(r"^([1-4])(?:[.,]0+)?(?:\s*[-.:)]\s*.*)?$", s)
    if m:
        return int(m.group(1))
    s = re.sub(r"[^a-z ]+", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    return ANSWERS.get(s)
