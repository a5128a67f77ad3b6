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
    r"^([σς∑]|sigma\b|jumlah|jml\b|total|nrr|nilai rata|rata[- ]?rata|ikm|nilai ikm|konversi|mutu|kinerja unit|"
    r"nilai unsur|nilai\s*/\s*unsur|nilai per unsur|nrr tertimbang|keterangan|catatan|mengetahui|ket\.?\s*:|sumber|"
    r"nilai persepsi|predikat unit)",
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


# Words that say nothing about a column's meaning (dropped before headers are compared by their tokens).
STOPWORDS = {
    "yang",
    "anda",
    "saudara",
    "bapak",
    "ibu",
    "di",
    "ke",
    "dari",
    "untuk",
    "dan",
    "atau",
    "the",
    "of",
    "a",
    "an",
    "your",
    "you",
    "no",
    "ini",
    "tersebut",
    "pada",
    "dalam",
    "oleh",
    "apa",
    "mohon",
    "isi",
    "bagaimana",
    "pendapat",
    "tentang",
    "kolom",
    "data",
}

# Header phrases published layouts use for a target, beyond our aliases (matched by tokens, not exactly).
SYNONYMS: dict[str, dict[str, list[str]]] = {
    "capaian": {
        "indikator": [
            "indikator kinerja individu",
            "indikator kinerja",
            "rencana hasil kerja",
            "indikator sasaran",
            "uraian indikator",
            "iki",
        ],
        "target": ["target kinerja", "target kuantitas", "target output"],
        "realisasi": ["realisasi kinerja", "realisasi kuantitas", "realisasi output", "capaian realisasi"],
        "satuan": ["satuan output", "satuan target"],
    },
    "skm": {
        "unit_layanan": [
            "unit layanan dikunjungi",
            "unit layanan kunjungi",
            "unit pelayanan dikunjungi",
            "nama unit pelayanan",
            "tempat pelayanan",
            "unit yang dikunjungi",
        ],
        "tanggal": ["tanggal pengisian", "waktu pengisian", "tanggal kunjungan", "tanggal survei", "cap waktu"],
        "layanan": ["jenis layanan diterima", "layanan diterima", "jenis pelayanan diterima"],
        "kritik_saran": ["kritik saran", "saran masukan", "kritik masukan"],
        "usia": ["umur responden", "usia tahun"],
    },
    "pegawai": {
        "jabatan": ["jabatan nama", "nama jabatan"],
        "golongan": ["pangkat gol", "pangkat golongan", "gol ruang", "pangkat gol ruang", "golongan ruang"],
        "nama": ["nama lengkap", "nama pegawai", "nama gelar"],
        "unit_kerja": ["unit kerja", "sub unit kerja", "unit organisasi"],
    },
    "evaluasi": {"predikat": ["predikat kinerja", "hasil akhir"]},
}


def _stem(tok: str) -> str:
    """A crude Indonesian stem: 'dikunjungi' and 'kunjungi' compare equal."""
    for prefix in ("di", "ber", "me", "mem", "men", "meng"):
        if tok.startswith(prefix) and len(tok) - len(prefix) >= 5:
            return tok[len(prefix) :]
    return tok


def tokens(text: str) -> frozenset[str]:
    """A header's meaningful words, folded and stemmed."""
    return frozenset(_stem(t) for t in header_key(text).split("_") if t and t not in STOPWORDS)


def _phrases(kind: str) -> list[tuple[frozenset[str], str]]:
    out = [(tokens(a), t) for a, t in _ALIASES[kind].items()]
    out += [(tokens(p), t) for t, ps in SYNONYMS.get(kind, {}).items() for p in ps]
    return [(ts, t) for ts, t in out if ts]


_PHRASES = {k: _phrases(k) for k in KINDS}


def by_tokens(header: str, kind: str) -> tuple[str | None, float]:
    """The target whose phrase's words all appear in the header, preferring the phrase that explains most of it."""
    h = tokens(header)
    if not h or len(h) > 12:
        return None, 0.0
    best: tuple[float, str | None] = (0.0, None)
    for ts, target in _PHRASES[kind]:
        if ts <= h:
            score = 0.7 + 0.25 * len(ts) / len(h)
            if score > best[0]:
                best = (score, target)
    return best[1], round(best[0], 2)


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
    target, score = by_tokens(header, kind)
    if target:
        return target, score
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
