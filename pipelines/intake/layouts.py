"""What a file says outside its table: place, OPD, unit and period from title cells, info sheets and its name.

Also recognises the per-employee SKP document (a form, not a table) so it can be
refused with the name of the flat export to use instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from domain.periods import as_of_from_words
from domain.periods import key_from_words as period_key
from domain.places import place_of as place
from pipelines.intake.errors import FileRefused
from pipelines.intake.readers import Table

FIELDS = ["lokasi", "opd", "unit", "periode", "per_tanggal"]

_LABELS = {
    "unit": r"(unit (organisasi|layanan|pelayanan|kerja)|nama unit( layanan| pelayanan)?|unor|satuan kerja|"
    r"unit penyelenggara( pelayanan)?|nama layanan)",
    "opd": r"(opd|perangkat daerah|skpd|nama opd|nama perangkat daerah|instansi kerja)",
    "instansi": r"(instansi( induk)?|pemerintah daerah|pemda)",
    "lokasi": r"(lokasi|wilayah|kabupaten|kota|kecamatan|kabupaten/kota)",
    "periode": r"(periode( penilaian| survei| survey)?|bulan|masa (survei|penilaian)|waktu (pelaksanaan|survei)|"
    r"triwulan|semester)",
    "tahun": r"(tahun( anggaran)?)",
}


@dataclass
class Context:
    """Values that are not columns, each with where it was found."""

    lokasi: str | None = None
    opd: str | None = None
    unit: str | None = None
    periode: str | None = None  # a key the period parser reads: 2025-01, 2025-Q1, 2025
    per_tanggal: str | None = None  # a roster's as-of date, ISO (2026-10-31)
    source: dict[str, str] = field(default_factory=dict)
    peran: str | None = None  # the rater group of a behaviour sheet ('atasan', 'rekan' ...), from its name or the user

    def as_dict(self) -> dict[str, str | None]:
        return {**{f: getattr(self, f) for f in FIELDS}, "peran": self.peran}


def _pairs(rows: list[list[str]]) -> list[tuple[str, str]]:
    """(label, value) pairs from rows of cells: 'Label : value' in one cell or label and value side by side."""
    out = []
    for row in rows:
        cells = [c for c in row if c and c != ":"]
        for i, c in enumerate(cells):
            if m := re.match(r"^([^:]{2,40}?)\s*:\s*(.+)$", c):
                out.append((m.group(1).strip(), m.group(2).strip()))
            elif i + 1 < len(cells) and len(c) <= 40 and not re.search(r"\d", c):
                out.append((c.rstrip(": "), cells[i + 1].lstrip(": ")))
        if cells:
            out.append(("", " ".join(cells)))
    return out


def _label_of(label: str) -> str | None:
    s = label.lower().strip()
    for name, pattern in _LABELS.items():
        if re.fullmatch(pattern, s):
            return name
    return None


# A regulation's number and year ('Permenpan No.14 Tahun 2017', 'PP 30/2019', 'UU Nomor 27 Tahun 2022') names
# no period of the data: it is taken out of a text before a year or period is looked for in it.
_REGULATION = re.compile(
    r"\b(?:(?:no\.?|nomor)\s*:?\s*\d+[\w./-]*\s*(?:tahun|th\.?)\s*(?:19|20)\d{2}|\d{1,3}\s*/\s*(?:19|20)\d{2}\b"
    r"|(?:pp|uu|perpres|perda|perbup|perwal|se|perka\w*|permen\w*|kepmen\w*|peraturan|keputusan)\.?\s+"
    r"(?:\w+\s+)?(?:no\.?|nomor)?\s*\d{1,3}[\s_./-]+(?:tahun\s+|th\.?\s*)?(?:19|20)\d{2}\b)",
    re.I,
)


def _without_regulations(text: str) -> str:
    return _REGULATION.sub(" ", text)


def read_context(table: Table) -> Context:
    """Context from the title rows, the other sheets and the file name (the first found wins)."""
    ctx = Context()
    places = [("judul", table.above)] + [(f"lembar {s}", g) for s, g in table.info.items()]
    texts: list[tuple[str, str]] = []
    found: dict[str, tuple[str, str]] = {}
    for where, rows in places:
        for label, value in _pairs(rows):
            texts.append((where, _without_regulations(f"{label} {value}")))
            name = _label_of(label) if label else None
            if name and value and name not in found:
                found[name] = (value, where)
    stem = _without_regulations(Path(table.name).stem.replace("_", " ").replace("-", " "))
    texts.append(("nama berkas", stem))
    year = None
    for where, t in texts:
        if m := re.search(r"\b(20\d{2})\b", t):
            year = int(m.group(1))
            ctx.source.setdefault("tahun", where)
            break
    if "tahun" in found and (m := re.search(r"\b(20\d{2})\b", found["tahun"][0])):
        year = int(m.group(1))
    if "periode" in found:
        ctx.periode = period_key(found["periode"][0], year)
        ctx.source["periode"] = found["periode"][1]
        if ctx.periode is None:  # a period is named but is no month, quarter or year: asked for, never guessed
            ctx.source["periode_tidak_jelas"] = found["periode"][0]
    if ctx.periode is None and "periode_tidak_jelas" not in ctx.source:
        for where, t in texts:
            if re.search(r"periode|bulan|triwulan|semester|tahun", t.lower()) and (p := period_key(t, year)):
                ctx.periode, ctx.source["periode"] = p, where
                break
    for where, t in texts:
        if found_date := as_of_from_words(t):
            ctx.per_tanggal, ctx.source["per_tanggal"] = found_date.isoformat(), where
            break
    for name, target in (("unit", "unit"), ("opd", "opd")):
        if name in found:
            setattr(ctx, target, found[name][0])
            ctx.source[target] = found[name][1]
    for where, t in [(found[k][1], found[k][0]) for k in ("lokasi", "instansi", "unit", "opd") if k in found] + texts:
        if p := place(t):
            ctx.lokasi, ctx.source["lokasi"] = p, where
            break
    return ctx


_ROLE_WORDS = {
    "atasan": "atasan",
    "rekan": "rekan",
    "bawahan": "bawahan",
    "diri": "diri",
    "sendiri": "diri",
    "masyarakat": "masyarakat",
    "pelanggan": "masyarakat",
}
_RECAP = re.compile(r"rekap|ringkas|summary|resume|grafik|diagram|chart|hasil akhir|total", re.I)
_NOTES = re.compile(r"petunjuk|panduan|instruksi|cara pengisian|keterangan|readme|referensi|daftar isi|cover|sampul", re.I)


def sheet_role(sheet: str) -> str:
    """What a sheet's name says it is: 'petunjuk' (instructions), 'rekap' (a summary), else 'data'."""
    if _NOTES.search(sheet):
        return "petunjuk"
    return "rekap" if _RECAP.search(sheet) else "data"


def sheet_context(sheet: str, kind: str | None, distinguishes: bool, year: int | None = None) -> dict[str, str | None]:
    """Context a sheet's name gives: a place, a period ('Januari' with the title's `year`), a rater group; and,
    where the sheets of one kind are told apart by their names (`distinguishes`), the unit (survey) or OPD
    (roster) the name is."""
    out: dict[str, str | None] = {}
    low = sheet.lower()
    if p := place(sheet):
        out["lokasi"] = p
    if (k := period_key(sheet, year)) is not None:
        out["periode"] = k
    for word, role in _ROLE_WORDS.items():
        if re.search(rf"\b{word}\b", low):
            out["peran"] = role
            break
    if distinguishes and not out.get("periode") and not out.get("peran"):
        if kind == "skm":
            out["unit"] = sheet.strip()
        elif kind == "pegawai":
            out["opd"] = sheet.strip()
    return out


def merge_context(found: Context, given: dict[str, str | None] | None) -> Context:
    """The user's values win over what the file says."""
    out = Context(**found.as_dict(), source=dict(found.source))
    for k, v in (given or {}).items():
        if v in (None, "") or (k not in FIELDS and k != "peran"):
            continue
        if k == "periode":
            v = v if re.fullmatch(r"\d{4}(-\d{2}|-Q[1-4])?", v.strip()) else (period_key(v) or v)
        elif k == "lokasi":
            v = place(v) or v
        elif k == "per_tanggal":  # '31 Oktober 2026', '31/10/2026', a date or ISO text
            v = str(v)
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
                parsed = as_of_from_words(f"per {v}")
                v = parsed.isoformat() if parsed else v
        setattr(out, k, v)
        out.source[k] = "pengguna"
    return out


_FORM_WORDS = (
    "sasaran kinerja pegawai",
    "pejabat penilai",
    "pegawai yang dinilai",
    "rencana hasil kerja",
    "dokumen evaluasi kinerja pegawai",
    "evaluasi kinerja pegawai",
    "atasan pejabat penilai",
)


def refuse_document_form(table: Table) -> None:
    """Refuse the per-employee SKP/evaluation document, naming the flat e-Kinerja export to use."""
    rows = table.above + [table.header] + [list(map(str, r)) for r in table.body.head(60).iter_rows()]
    text = " ".join(c for r in rows for c in r if c and c != "None").lower()
    hits = sum(w in text for w in _FORM_WORDS)
    if hits >= 2:
        raise FileRefused(
            table.name,
            "Ini formulir SKP/evaluasi satu pegawai (dokumen), bukan tabel data. Unduh 'Laporan Penilaian SKP' "
            "(predikat semua pegawai) atau 'Laporan SKP' dari e-Kinerja BKN sebagai Excel, lalu muat berkas itu.",
            "This is one employee's SKP/evaluation form (a document), not a data table. Download the 'Laporan "
            "Penilaian SKP' (every employee's predikat) or the 'Laporan SKP' from BKN e-Kinerja as Excel and load "
            "that file.",
        )
