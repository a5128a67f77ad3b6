"""The mapping step: which column of a file goes where, suggested from the vocabularies, editable, remembered.

A `Plan` says, for one layout: the kind of data, each header's target (or None:
ignored) with a confidence, month columns of a wide recap, answer labels turned
into 1-4, and the context (place, OPD, unit, period). `apply` turns a found table
into the canonical text frame the cleaners expect. A confirmed plan is saved as a
profile (a plain JSON file keyed by the layout's header fingerprint) and used again
for the next file of that layout.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import polars as pl

from domain.appraisal import BEHAVIOUR_CONVERSIONS, BEHAVIOUR_SCALE, BERAKHLAK
from domain.kinds import KINDS, header_key
from domain.periods import MONTH_NUMBER, first_day_text
from domain.places import place_expr
from domain.survey import ANSWER_SCALE, LETTER_ANSWERS, OTHER_SCALE, UNSUR
from pipelines.intake import content
from pipelines.intake.errors import FileRefused
from pipelines.intake.layouts import Context, merge_context, read_context
from pipelines.intake.readers import ROW, Table
from pipelines.intake.vocab import NOT_RATED, answer, match, tokens

SHIPPED = Path(__file__).resolve().parents[2] / "profiles"


@dataclass
class Plan:
    """How one layout maps onto a kind of data."""

    kind: str | None
    columns: dict[str, str | None]
    confidence: dict[str, float] = field(default_factory=dict)
    wide: dict[str, str] = field(default_factory=dict)  # month header -> 'jan'..'des' or 'tahunan'
    context: dict[str, str | None] = field(default_factory=dict)
    sheet: str | None = None
    fingerprint: str = ""
    profile: str | None = None  # the profile this plan came from
    values: dict[str, dict[str, int]] = field(default_factory=dict)  # unsur -> answer label -> 1-4 (edited)
    scale: str | None = None  # a documented scale conversion the user chose (domain.survey.CONVERSIONS)
    score: float = 1.0  # how sure the plan is of its kind and required columns, headers and content together
    doubts: list[tuple[str, str]] = field(default_factory=list)  # why the score is low (Indonesian, English)
    remarks: list[tuple[str, str]] = field(default_factory=list)  # what reading the values decided (id, en)
    given: dict[str, str | None] = field(default_factory=dict)  # the context and sheet the user gave (not saved)

    @property
    def ignored(self) -> list[str]:
        return [h for h, t in self.columns.items() if t is None and h not in self.wide]

    def to_json(self) -> dict:
        skip = ("confidence", "score", "doubts", "remarks", "given")
        return {k: v for k, v in asdict(self).items() if k not in skip}


def fingerprint(header: list[str]) -> str:
    """A layout's identity: its header names, folded and sorted."""
    keys = sorted(header_key(h) for h in header if h and not h.startswith("_kolom_"))
    return hashlib.sha1("|".join(keys).encode()).hexdigest()[:16]


def _month(h: str) -> str | None:
    key = header_key(h)
    if key == "tahunan":
        return "tahunan"
    return key if key in MONTH_NUMBER and len(key) >= 3 else None


def _resolve(header: list[str], kind: str) -> tuple[dict[str, str | None], dict[str, float]]:
    """Each header's target in one kind; a target goes to the header that matches it best."""
    found = {h: match(h, kind) for h in header if h and not h.startswith("_kolom_")}
    best: dict[str, tuple[str, float]] = {}

    def rank(h: str, target: str, conf: float) -> tuple[float, bool]:
        # equally sure: the header that names the target itself ('Indikator Kinerja Individu' for the indicator
        # beside 'Rencana Hasil Kerja', the result it measures)
        return conf, bool(tokens(target.replace("_", " ")) & tokens(h))

    for h, (target, conf) in found.items():
        if target and (target not in best or rank(h, target, conf) > rank(best[target][0], target, best[target][1])):
            best[target] = (h, conf)
    columns = {h: None for h in header if h and not h.startswith("_kolom_")}
    confidence = {h: 0.0 for h in columns}
    for target, (h, conf) in best.items():
        columns[h], confidence[h] = target, conf
    return columns, confidence


def missing_columns(kind: str, targets: set[str], has_context: set[str] | None = None) -> list[str]:
    """Required targets a plan lacks (context-fillable ones count when the context has them)."""
    ctx_ok = set(KINDS[kind].context) & (has_context if has_context is not None else set())
    req = list(KINDS[kind].required)
    if kind == "evaluasi" and "predikat" in targets:
        req = [c for c in req if not c.startswith("rating_")]
    if kind == "pegawai" and "unit_kerja" in targets:
        ctx_ok |= {"opd"}
    return [c for c in req if c not in targets and c not in ctx_ok]


def _context_targets(ctx: Context, kind: str) -> set[str]:
    have = {k for k, v in ctx.as_dict().items() if v}
    out = set()
    if "lokasi" in have:
        out.add("lokasi")
    if "opd" in have:
        out.add("opd")
    if "unit" in have or "opd" in have:
        out.add("unit_layanan")
    if "unit" in have:  # a roster of one unit: the unit stands for the OPD when none is named
        out.add("opd")
    if "periode" in have:
        out |= {"periode", "tanggal"}
    if "peran" in have:
        out.add("peran_penilai")
    return out


def suggest(table: Table, kind: str | None = None, context: dict | None = None, maps: dict | None = None) -> Plan:
    """The plan the vocabularies and the values suggest for a table (kind guessed when not given); `maps`
    (header -> target or None) are the user's own choices (the CLI's --map), taken as certain."""
    ctx = merge_context(read_context(table), context)
    header = [h for h in table.header if h and not h.startswith("_kolom_")]
    wide = {h: m for h in header if (m := _month(h))}
    if len([m for m in wide.values() if m != "tahunan"]) < 3:
        wide = {}
    have = _context_targets(ctx, kind or "")
    options = []
    for k in [kind] if kind else list(KINDS):
        columns, conf = _resolve(header, k)
        for h in wide:
            columns[h], conf[h] = None, 1.0
        targets = {t for t in columns.values() if t} | ({"predikat", "periode"} if wide and k == "evaluasi" else set())
        missing = missing_columns(k, targets, have)
        sig = sum(1 for t in targets if t in KINDS[k].signature)
        strong = k != "pegawai" and sig >= 3  # many columns only this kind has: never taken for a roster
        options.append((strong, not missing, k != "pegawai" and sig > 0, sig, len(targets), k, columns, conf, missing))
    options.sort(key=lambda o: o[:5], reverse=True)
    _strong, complete, _special, sig, n, k, columns, conf, _missing = options[0]
    if not kind and not complete and sig == 0 and not (k == "pegawai" and n >= 2):
        k = None
    plan = Plan(k, columns, conf, wide if k == "evaluasi" else {}, ctx.as_dict(), table.sheet, fingerprint(table.header))
    confirmed = apply_maps(plan, table, maps or {})
    return judge(plan, table, confirmed, kind_given=kind is not None)


def _header_named(table: Table, name: str) -> str | None:
    header = [h for h in table.header if h]
    if name in header:
        return name
    keyed = {header_key(h): h for h in header}
    return keyed.get(header_key(name))


def apply_maps(plan: Plan, table: Table, maps: dict[str, str | None]) -> set[str]:
    """The user's 'Header=target' choices written into a plan; returns the headers they confirm. A header the
    file lacks or a target its kind lacks is refused, naming what there is."""
    if not maps:
        return set()
    if plan.kind is None:
        raise FileRefused(
            table.name,
            "Pilih jenis datanya dengan --kind bila memetakan kolom dengan --map.",
            "Give the kind with --kind when mapping columns with --map.",
        )
    done = set()
    targets = KINDS[plan.kind].columns
    for name, target in maps.items():
        h = _header_named(table, name)
        if h is None:
            heads = ", ".join(x for x in table.header if x and not x.startswith("_kolom_"))
            raise FileRefused(
                table.name,
                f"Kolom '{name}' tidak ada di berkas. Kolom yang ada: {heads}.",
                f"Column '{name}' is not in the file. Its columns: {heads}.",
            )
        if target is not None and target not in targets:
            raise FileRefused(
                table.name,
                f"'{target}' bukan kolom data {plan.kind}. Pilihan: {', '.join(targets)}.",
                f"'{target}' is not a {plan.kind} column. Choices: {', '.join(targets)}.",
            )
        for other, t in plan.columns.items():  # one header per target
            if target is not None and t == target and other != h:
                plan.columns[other] = None
        plan.columns[h] = target
        plan.confidence[h] = 1.0
        done.add(h)
    return done


def _fmt(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


def command_line(file: str, plan: Plan, threshold: float, scale: str | None = None) -> str:
    """The command that loads a file as this plan says: the kind, the sheet asked for, every column the plan is
    unsure of (and every one it maps, when the kind itself is in doubt), the context given, the scale conversion."""
    parts = ["python -m pipelines load", f'"{file}"']
    if plan.kind:
        parts.append(f"--kind {plan.kind}")
    if plan.given.get("sheet"):  # a sheet the user asked for; otherwise every sheet is read again
        parts.append(f'--sheet "{plan.given["sheet"]}"')
    context = plan.given
    unsure_kind = plan.score < threshold and all(plan.confidence.get(h, 0) >= threshold for h, t in plan.columns.items() if t)
    for h, t in plan.columns.items():
        if t and (unsure_kind or plan.confidence.get(h, 0.0) < threshold):
            parts.append(f'--map "{h}={t}"')
    for k, v in context.items():
        if v and k in ("lokasi", "opd", "unit", "periode", "peran"):
            parts.append(f'--{k} "{v}"')
    if scale:
        parts.append(f"--skala {scale}")
    return " ".join(parts)


def mapping_text(plan: Plan) -> tuple[str, str]:
    """A plan's mapping, each header with its target and confidence, in Indonesian and English."""
    pairs = "; ".join(f"{h} → {t} ({_fmt(plan.confidence.get(h, 0.0))})" for h, t in plan.columns.items() if t)
    ignored = ", ".join(plan.ignored[:15])
    return (
        f"Pemetaan yang akan dipakai (jenis {plan.kind}): {pairs}." + (f" Diabaikan: {ignored}." if ignored else ""),
        f"Mapping it would use (kind {plan.kind}): {pairs}." + (f" Ignored: {ignored}." if ignored else ""),
    )


def refuse_unsure(plan: Plan, table: Table, threshold: float, context: dict | None = None) -> None:
    """Refuse a plan whose kind or required columns are not recognised with confidence, showing the mapping it
    would use, its confidence and the command line that confirms it."""
    if plan.score >= threshold:
        return
    why_id = "; ".join(d[0] for d in plan.doubts)
    why_en = "; ".join(d[1] for d in plan.doubts)
    map_id, map_en = mapping_text(plan)
    cmd = command_line(table.name, plan, threshold, plan.scale)
    raise FileRefused(
        table.name,
        f"Jenis data dan kolomnya belum dikenali dengan yakin (keyakinan {_fmt(plan.score)}, perlu {_fmt(threshold)})"
        + (f": {why_id}" if why_id else "")
        + f". {map_id} Bila benar, muat dengan: {cmd}",
        f"The kind of data and its columns are not recognised with confidence (confidence {_fmt(plan.score)}, needs "
        f"{_fmt(threshold)})" + (f": {why_en}" if why_en else "") + f". {map_en} If this is right, load it with: {cmd}",
    )


def _answer_share(table: Table, h: str) -> float:
    vals = [v for v in table.body[h].drop_nulls().head(200).to_list() if isinstance(v, str) and v.strip()]
    return sum(1 for v in vals if answer(v) is not None) / len(vals) if vals else 0.0


def judge(plan: Plan, table: Table, confirmed: set[str] | frozenset[str] = frozenset(), kind_given: bool = False) -> Plan:
    """Weigh each mapped column's header confidence with what its values look like, and the plan's kind with
    both: a NIP header over no NIPs, or a roster whose score columns would be ignored, lowers the score.
    `confirmed`: headers the user mapped himself (full confidence); `kind_given`: the user named the kind."""
    if plan.kind is None or table.body.height == 0:
        plan.score = 0.0 if plan.kind is None else plan.score
        return plan
    k = KINDS[plan.kind]
    doubts: list[tuple[str, str]] = []
    for h, target in plan.columns.items():
        if not target or h not in table.body.columns:
            continue
        if h in confirmed:
            plan.confidence[h] = 1.0
            continue
        c = plan.confidence.get(h, 0.0)
        if target in ("jenis_kelamin", "usia"):  # a respondent's description: coded otherwise, it is left out
            f = content.fit(target, content.column_shape(table.body, h), least=1)
            if f is not None and f < 0.5:  # an optional column whose values are something else is left out
                plan.columns[h], plan.confidence[h] = None, 0.0
            continue
        if target == "per_tanggal" and c < 0.95 and (_varies(table.body, h) or tokens(h) & _OTHER_DATES):
            # a roster's as-of date is one date for the whole snapshot: a column of many dates under a header
            # that only resembles it ('Tanggal lahir', 'TMT jabatan') is something else, left out
            plan.columns[h], plan.confidence[h] = None, 0.0
            continue
        if c >= 0.95:  # a header named as our vocabulary names it: bad values are rejected row by row, loudly
            continue
        f = content.fit(target, content.column_shape(table.body, h), _answer_share(table, h) if target in UNSUR else 0.0)
        if f is None:
            continue
        plan.confidence[h] = round(min(c, f) if f < 0.5 else min(1.0, (c + f) / 2), 2)
        if f < 0.5:
            doubts.append(
                (
                    f"isi kolom '{h}' tidak tampak seperti {target}",
                    f"the values of column '{h}' do not look like {target}",
                )
            )
    doubts += _by_content(plan, table)
    key_targets = set(k.required) | set(k.signature)
    scores = [plan.confidence.get(h, 0.0) for h, t in plan.columns.items() if t in key_targets]
    plan.score = round(min(scores), 2) if scores else 0.0
    if plan.kind == "pegawai" and not kind_given:
        body = table.body
        scored = [
            h
            for h in plan.ignored
            if h in body.columns and not _roster_number(h) and content.looks_like_scores(content.column_shape(body, h))
        ]
        nips = [h for h, t in plan.columns.items() if t == "nip" and h in body.columns]
        if nips and body.height >= 4:
            values = body[nips[0]].drop_nulls()
            if values.len() and values.n_unique() <= values.len() * 0.7:  # a roster lists each person once
                plan.score = min(plan.score, 0.4)
                doubts.append(
                    (
                        f"NIP berulang di kolom '{nips[0]}' ({values.len()} baris, {values.n_unique()} NIP): "
                        "berkas ini tampaknya bukan daftar pegawai",
                        f"NIPs repeat in column '{nips[0]}' ({values.len()} rows, {values.n_unique()} NIPs): "
                        "this file does not look like a roster",
                    )
                )
        attendance = [h for h in plan.ignored if h in body.columns and _attendance(h, body)]
        if len(attendance) >= 2:  # a daily or monthly attendance list has NIP and name too, but is no roster
            plan.score = min(plan.score, 0.4)
            names = ", ".join(attendance[:8])
            doubts.append(
                (
                    f"kolom kehadiran ({names}): berkas ini tampaknya daftar hadir, bukan daftar pegawai",
                    f"attendance columns ({names}): this file looks like an attendance list, not a roster",
                )
            )
        if len(scored) >= 3:
            plan.score = min(plan.score, 0.4)
            names = ", ".join(scored[:8])
            doubts.append(
                (
                    f"{len(scored)} kolom berisi nilai/angka akan diabaikan ({names}): berkas ini tampaknya bukan daftar pegawai",
                    f"{len(scored)} columns of scores would be ignored ({names}): this file does not look like a roster",
                )
            )
    plan.doubts = doubts
    return plan


_MEASURE = re.compile(r"\b(nilai|skor|score|rata|poin|point|persen|capaian|realisasi|target|ikm|nrr|predikat|rating)")


_ROSTER_NUMBERS = re.compile(
    r"^(no|nomor|urut|thn|tahun|bln|bulan|umur|usia|masa|mk|tmt|kode|nik|npwp|telp|telepon|hp|wa|rek|rekening|gaji|"
    r"eselon|jumlah|jml|kgb|id|nrp|nuptk|nrg|kelas|pendidikan|angkatan|anak|tanggungan)$"
)


_ATTENDANCE_WORDS = {
    "hadir", "kehadiran", "absen", "absensi", "presensi", "izin", "ijin", "sakit", "alpa", "alfa", "mangkir",
    "terlambat", "telat", "cuti", "psw", "jam",
}  # fmt: skip
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}(:\d{2})?$")


def _attendance(header: str, body: pl.DataFrame) -> bool:
    """Whether a column belongs to an attendance list: its header names presence, leave or lateness, or its
    values are clock times (07:30)."""
    if set(header_key(header).split("_")) & _ATTENDANCE_WORDS:
        return True
    values = body[header].drop_nulls().cast(pl.String).str.strip_chars().head(50)
    return values.len() > 0 and values.str.contains(_CLOCK.pattern).mean() >= 0.8


def _roster_number(header: str) -> bool:
    """Whether a numeric column is one a roster has (row numbers, years of service, age, codes), not a score."""
    words = header_key(header).split("_")
    return any(_ROSTER_NUMBERS.match(w) for w in words) and not _names_a_measure(header)


def _names_a_measure(header: str) -> bool:
    """Whether a header names a score: a measure word, or a column only another kind has (a BerAKHLAK value,
    an unsur, a rating)."""
    if _MEASURE.search(header.lower()):
        return True
    for k in KINDS:
        target, conf = match(header, k)
        if k != "pegawai" and conf >= 0.8 and target in KINDS[k].signature:
            return True
    return False


def _by_content(plan: Plan, table: Table) -> list[tuple[str, str]]:
    """A required NIP, date or period column the headers did not name, suggested from its values (to confirm)."""
    have = {t for t in plan.columns.values() if t}
    said = []
    for target in ("nip", "tanggal", "periode"):
        if target not in KINDS[plan.kind].required or target in have:
            continue
        for h, t in plan.columns.items():
            if t is None and h in table.body.columns and h not in plan.wide:
                f = content.fit(target, content.column_shape(table.body, h), least=1)
                if f is not None and f >= 0.9:
                    plan.columns[h], plan.confidence[h] = target, 0.5
                    said.append(
                        (
                            f"kolom '{h}' diduga {target} dari isinya, bukan dari judulnya",
                            f"column '{h}' is taken for {target} from its values, not its header",
                        )
                    )
                    break
    return said


def _place_in_values(plan: Plan, table: Table) -> bool:
    """Whether the unit, OPD or instansi the rows name tells the place (then no lokasi column is needed)."""
    from pipelines.intake.layouts import place

    cols = [h for h, t in plan.columns.items() if t in ("unit_layanan", "opd", "instansi", "unit_kerja", "lokasi")]
    for h in cols:
        if h in table.body.columns and table.body.schema[h] == pl.String:
            if any(place(v) for v in table.body[h].head(50).drop_nulls().to_list()):
                return True
    return False


def refuse_legacy(plan: Plan, table: Table) -> None:
    """Refuse, naming them, the legacy layouts no current kind may take: the KepmenPAN 25/2004 IKM (fourteen
    unsur) read as a 14/2017 survey, and a PP 46/2011 prestasi kerja recap read as 6/2022 results."""
    keys = [header_key(h) for h in table.header if h]
    if plan.kind != "ikm2004" and any(re.fullmatch(r"u_?1[0-4](_.*)?", k) for k in keys):
        raise FileRefused(
            table.name,
            "Ini IKM 14 unsur (KepmenPAN 25/2004, bobot 0,071), bukan SKM 9 unsur PermenPANRB 14/2017: tidak dimuat "
            "sebagai SKM dan tidak dicampur ke tren IKM 14/2017. Muat dengan --kind ikm2004.",
            "This is a 14-unsur IKM (KepmenPAN 25/2004, weight 0.071), not the 9-unsur PermenPANRB 14/2017 SKM: it "
            "is not loaded as SKM nor mixed into 14/2017 IKM trends. Load it with --kind ikm2004.",
        )
    words = " ".join(keys)
    pp46 = "prestasi_kerja" in words or ("nilai_skp" in words and re.search(r"integritas|komitmen|disiplin", words))
    if plan.kind != "pp46" and pp46:
        raise FileRefused(
            table.name,
            "Ini rekap penilaian prestasi kerja PP 46/2011 (nilai SKP, perilaku kerja, nilai prestasi kerja, sebutan), "
            "bukan hasil PermenPANRB 6/2022: tidak dimuat sebagai evaluasi atau perilaku. Muat dengan --kind pp46.",
            "This is a PP 46/2011 prestasi kerja recap (nilai SKP, behaviour aspects, nilai prestasi kerja, sebutan), "
            "not PermenPANRB 6/2022 results: it is not loaded as evaluation or behaviour. Load it with --kind pp46.",
        )


def explain_missing(plan: Plan, table: Table, threshold: float = 0.75, context: dict | None = None) -> None:
    """Refuse a plan that lacks required columns, naming them for the kind the file most resembles."""
    header = [h for h in table.header if h and not h.startswith("_kolom_")]
    if plan.kind is None:
        raise FileRefused(
            table.name,
            "Jenis data tidak dikenali dari judul kolom. Kolom yang ditemukan: "
            f"{', '.join(header[:20])}. Pilih jenisnya (pegawai, capaian, perilaku, evaluasi, skm).",
            f"Cannot tell the kind of data from the headers. Columns found: {', '.join(header[:20])}. "
            "Give the kind (pegawai, capaian, perilaku, evaluasi, skm).",
        )
    targets = {t for t in plan.columns.values() if t} | ({"predikat", "periode"} if plan.wide else set())
    have = {f for f, v in plan.context.items() if v}
    ctx_targets = _context_targets(
        Context(**{f: plan.context.get(f) for f in ("lokasi", "opd", "unit", "periode", "peran")}), plan.kind
    )
    if plan.kind in ("pegawai", "skm", "ikm2004") and _place_in_values(plan, table):
        ctx_targets.add("lokasi")
    missing = missing_columns(plan.kind, targets, ctx_targets)
    refuse_legacy(plan, table)
    if plan.kind == "skm":
        found = sorted(t for t in targets if t in UNSUR)
        if 0 < len(found) < 9 and any(u in missing for u in UNSUR):
            raise FileRefused(
                table.name,
                f"Kuesioner ini bukan kuesioner SKM PermenPANRB 14/2017 (sembilan unsur): hanya {len(found)} unsur "
                f"dikenali ({', '.join(found)}). Tetapkan kolomnya di langkah pemetaan atau gunakan kuesioner baku.",
                f"This questionnaire is not the PermenPANRB 14/2017 SKM questionnaire (nine unsur): only "
                f"{len(found)} unsur recognised ({', '.join(found)}). Map the columns in the mapping step or use the "
                "standard questionnaire.",
            )
    if missing:
        ctx_hint = [m for m in missing if m in KINDS[plan.kind].context]
        tip_id, tip_en = _context_tip(ctx_hint, table)
        cols = [m for m in missing if m not in ctx_hint]
        if cols:
            cmd = command_line(table.name, plan, threshold, plan.scale)
            maps = " ".join(f'--map "<judul kolom>={m}"' for m in cols)
            tip_id += f" Bila kolomnya ada dengan judul lain, petakan: {cmd} {maps}"
            tip_en += f" If the file has them under other headers, map them: {cmd} {maps.replace('judul kolom', 'header')}"
        del have
        raise FileRefused(
            table.name,
            f"Kolom wajib untuk data {plan.kind} tidak ada: {', '.join(missing)}. Kolom yang ditemukan: "
            f"{', '.join(header)}.{tip_id}",
            f"Required {plan.kind} columns are missing: {', '.join(missing)}. Columns found: {', '.join(header)}.{tip_en}",
        )


# the option of the CLI (and the field of the mapping step) that gives each value a file may lack
_CONTEXT_OPTION = {
    "lokasi": ("--lokasi", "Jambi"),
    "opd": ("--opd", '"Dinas Kesehatan"'),
    "unit_layanan": ("--unit", '"Puskesmas ..."'),
    "periode": ("--periode", "2026-Q1"),
    "tanggal": ("--periode", "2026-Q1"),
    "peran_penilai": ("--peran", "atasan"),
}


def _context_tip(missing: list[str], table: Table) -> tuple[str, str]:
    """What to give for values the file lacks: the option and an example for each, and, when the file names a
    period that is no month, quarter or year (a half year written as dates), that period."""
    if not missing:
        return "", ""
    options = dict.fromkeys(f"{_CONTEXT_OPTION[m][0]} {_CONTEXT_OPTION[m][1]}" for m in missing if m in _CONTEXT_OPTION)
    tip_id = f" Berkas tidak menyebut {', '.join(missing)}: berikan sebagai konteks, mis. {' '.join(options)}."
    tip_en = f" The file does not give {', '.join(missing)}: give it as context, e.g. {' '.join(options)}."
    unclear = read_context(table).source.get("periode_tidak_jelas")
    if unclear and {"periode", "tanggal"} & set(missing):
        tip_id += (
            f" Periode di judulnya ('{unclear}') bukan satu bulan, triwulan atau tahun; pilih periode yang dimaksud "
            "(mis. triwulan tempat survei dilakukan)."
        )
        tip_en += (
            f" The period in its title ('{unclear}') is not one month, quarter or year; choose the period meant "
            "(e.g. the quarter the survey was held in)."
        )
    return tip_id, tip_en


# dates of a person's life and career, never the date a roster is as of
_OTHER_DATES = frozenset({"lahir", "tmt", "sk", "pensiun", "masuk", "lulus", "mulai", "selesai", "berakhir"})


def _varies(body: pl.DataFrame, column: str) -> bool:
    """Whether a column holds more than a couple of distinct values (more than one snapshot's date would)."""
    values = body[column].drop_nulls()
    return values.n_unique() > max(2, values.len() // 20)


def value_map(plan: Plan, table: Table) -> dict[str, dict[str, int | None]]:
    """For SKM columns answered with labels: each label and the score it gets (edited, else the vocabulary)."""
    out: dict[str, dict[str, int | None]] = {}
    for h, target in plan.columns.items():
        if target in UNSUR and h in table.body.columns and table.body.schema[h] == pl.String:
            labels = [
                v for v in table.body[h].drop_nulls().unique().sort().to_list() if not re.fullmatch(r"\s*\d+([.,]0+)?\s*", v)
            ][:40]
            if labels:
                edited = plan.values.get(target, {})
                out[target] = {v: edited.get(v, answer(v)) for v in labels}
    return out


def _label_scale(labels: list[str]) -> str:
    """The scale answer labels come from: a middle choice ('netral', 'ragu-ragu', 'cukup puas') means five."""
    middle = any(re.search(r"netral|ragu|biasa saja|cukup puas|cukup setuju", v.lower()) for v in labels)
    return "1-5 (lima pilihan)" if middle else f"{len(set(labels))} pilihan"


def _answers(frame: pl.DataFrame, table: Table, cols: list[str], edited: dict | None = None) -> pl.DataFrame:
    """SKM answers written as labels turned into 1-4; a form on another scale is refused."""
    exprs = []
    for c in cols:
        values = frame[c].drop_nulls().unique().to_list()
        texts = [v for v in values if isinstance(v, str) and not re.fullmatch(r"\s*\d+([.,]0+)?\s*", v)]
        if not texts:
            continue
        mine = (edited or {}).get(c, {})
        other = [v for v in texts if OTHER_SCALE.search(v.lower()) and v not in mine]
        if other:
            raise FileRefused(
                table.name,
                f"Jawaban kolom '{c}' memakai skala lain: skala {_label_scale(texts)} ('{other[0]}'); yang diharapkan 1-4 "
                "(SKM PermenPANRB 14/2017, empat pilihan). Ubah ke kuesioner baku atau petakan nilainya.",
                f"Answers in column '{c}' use another scale: {_label_scale(texts)} ('{other[0]}'); 1-4 is expected "
                "(the PermenPANRB 14/2017 SKM, four choices). Use the standard questionnaire or map its values.",
            )
        lookup = {v: str(a) for v in values if isinstance(v, str) and (a := mine.get(v, answer(v))) is not None}
        exprs.append(pl.col(c).replace(lookup).alias(c))
    return frame.with_columns(exprs) if exprs else frame


def _refuse_scale(plan: Plan, table: Table, found: str, expected: str, choice: str | None) -> None:
    what_id = "jawaban SKM" if plan.kind == "skm" else "nilai perilaku BerAKHLAK"
    what_en = "SKM answers" if plan.kind == "skm" else "BerAKHLAK behaviour scores"
    if choice:
        cmd = command_line(table.name, replace(plan, score=1.0), 0.0, choice)
        tip_id = f" Bila benar, pilih konversinya: {cmd}"
        tip_en = f" If so, choose its conversion: {cmd}"
    else:
        tip_id = " Tidak ada konversi terdokumentasi: gunakan kuesioner baku atau ubah jawabannya di berkas."
        tip_en = " There is no documented conversion: use the standard questionnaire or change the answers in the file."
    if plan.scale and plan.scale != found:
        tip_id = f" Konversi --skala {plan.scale} tidak cocok dengan skala berkas.{tip_id}"
        tip_en = f" The conversion --skala {plan.scale} does not fit the file's scale.{tip_en}"
    raise FileRefused(
        table.name,
        f"Skala {what_id} di berkas ini {found}; yang diharapkan {expected}.{tip_id}",
        f"The {what_en} in this file are on {found}; {expected} is expected.{tip_en}",
    )


def convert_scale(plan: Plan, table: Table, frame: pl.DataFrame) -> tuple[pl.DataFrame, int]:
    """The answers' or scores' scale named: the kind's own passes; another is refused naming the scale found
    and the one expected, unless the user chose its documented conversion (then converted; rows a 1-10 recap
    marks all 0, not rated, are left out and counted)."""
    cols = [c for c in (UNSUR if plan.kind == "skm" else BERAKHLAK) if c in frame.columns]
    texts = [c for c in cols if frame.schema[c] == pl.String]
    if not texts:
        return frame, 0
    found = content.scale_of([content.column_shape(frame, c) for c in texts])
    if plan.kind == "skm":
        shapes = [content.column_shape(frame, c) for c in texts]
        if sum(sh.number for sh in shapes) >= 0.8 * len(shapes) and sum(sh.integer for sh in shapes) < 0.8 * len(shapes):
            raise FileRefused(
                table.name,
                "Kolom unsur berisi nilai rata-rata (NRR, angka desimal), bukan jawaban tiap responden: rekap ini "
                "tidak dapat dimuat sebagai SKM. Muat data per responden (satu baris per responden, jawaban 1-4).",
                "The unsur columns hold averages (NRR, decimals), not each respondent's answers: this summary cannot "
                "load as SKM. Load the per-respondent data (one row per respondent, answers 1-4).",
            )
        if found in (None, ANSWER_SCALE, "0-4"):
            return frame, 0
        if found != "a-d" or plan.scale != "a-d":
            _refuse_scale(plan, table, found, ANSWER_SCALE, "a-d" if found == "a-d" else None)
        letters = {**LETTER_ANSWERS, **{k.upper(): v for k, v in LETTER_ANSWERS.items()}}
        lookup = {k: str(v) for k, v in letters.items()}
        return frame.with_columns([pl.col(c).str.strip_chars().replace(lookup).alias(c) for c in texts]), 0
    if found in (None, BEHAVIOUR_SCALE, "a-d"):
        return frame, 0
    scale = "1-10" if found in ("0-10", "1-10") else found
    if scale not in BEHAVIOUR_CONVERSIONS or plan.scale != scale:
        _refuse_scale(plan, table, found, BEHAVIOUR_SCALE, scale if scale in BEHAVIOUR_CONVERSIONS else None)
    factor, zero_unrated, _id, _en = BEHAVIOUR_CONVERSIONS[scale]
    nums = {c: pl.col(c).str.strip_chars().str.replace(",", ".").cast(pl.Float64, strict=False) for c in texts}
    before = frame.height
    if zero_unrated:
        frame = frame.filter(~pl.all_horizontal([nums[c].fill_null(0) == 0 for c in texts]))
    exprs = []
    for c in texts:
        scaled = pl.when(nums[c] == 0).then(None) if zero_unrated else pl.when(pl.lit(False)).then(None)
        exprs.append(scaled.when(nums[c].is_not_null()).then((nums[c] * factor).cast(pl.String)).otherwise(pl.col(c)).alias(c))
    plan.remarks = [*plan.remarks, (f"skala dikonversi: {_id}", f"scale converted: {_en}")]
    return frame.with_columns(exprs), before - frame.height


def _blank_not_rated(cols: list[str]) -> list[pl.Expr]:
    return [
        pl.when(pl.col(c).str.strip_chars().str.to_lowercase().is_in(list(NOT_RATED))).then(None).otherwise(pl.col(c)).alias(c)
        for c in cols
    ]


def _widen(frame: pl.DataFrame, plan: Plan, year: str | None, table: Table, granularity: str) -> pl.DataFrame:
    """A recap with one column per month (jan ... des, tahunan) as one row per employee and period: the month
    columns, or the tahunan column where the settings declare annual periods."""
    if not year:
        raise FileRefused(
            table.name,
            "Tahun rekap tidak ditemukan di judul; isi --periode dengan tahunnya (mis. 2025).",
            "The recap's year is not in its title; give it with --periode (e.g. 2025).",
        )
    keep = [c for c in frame.columns if c not in plan.wide]
    annual = granularity == "tahunan"
    on = [h for h, m in plan.wide.items() if (m == "tahunan") == annual and h in frame.columns]
    frame = frame.drop([h for h in plan.wide if h not in on and h in frame.columns])
    long = frame.unpivot(index=keep, on=on, variable_name="_kolom", value_name="predikat")
    months = {h: (f"{year}-{MONTH_NUMBER[m]:02d}" if m != "tahunan" else year) for h, m in plan.wide.items()}
    return long.with_columns(pl.col("_kolom").replace_strict(months, default=None).alias("periode")).drop("_kolom")


_PERIOD_WORDS = frozenset({"bulan", "bln", "month", "triwulan", "tw", "semester", "periode", "masa"})
_YEAR_WORDS = frozenset({"tahun", "thn", "year"})


def _period_with_its_year(frame: pl.DataFrame, plan: Plan, body: pl.DataFrame) -> pl.DataFrame:
    """A period written over two columns, 'Bulan' (Januari, 1, TW I) and 'Tahun' (2026), as exports often do: the
    period mapped is given the year of its row ('Januari 2026', '1/2026'). Only when the other column holds years
    and the period column holds none."""
    if "periode" not in frame.columns:
        return frame
    period_h = next((h for h, t in plan.columns.items() if t == "periode" and h in body.columns), None)
    if period_h is None:
        return frame
    others = [h for h in body.columns if h != ROW and h != period_h and not plan.columns.get(h)]

    def years(h: str) -> bool:
        v = body[h].drop_nulls().cast(pl.String).str.strip_chars()
        return v.len() > 0 and v.str.contains(r"^(19|20)\d{2}$").mean() >= 0.9

    if tokens(period_h) & _YEAR_WORDS and years(period_h):  # 'Tahun' taken for the period, the month beside it
        month_h = next((h for h in others if tokens(h) & _PERIOD_WORDS), None)
        if month_h is None:
            return frame
        year_e, part_e = body[period_h], body[month_h]
    else:
        year_h = next((h for h in others if tokens(h) & _YEAR_WORDS and years(h)), None)
        values = body[period_h].drop_nulls().cast(pl.String)
        if year_h is None or values.len() == 0 or values.str.contains(r"(19|20)\d{2}").any():
            return frame
        year_e, part_e = body[year_h], body[period_h]
    part = part_e.cast(pl.String).str.strip_chars()
    year = year_e.cast(pl.String).str.strip_chars()
    joined = (
        pl.DataFrame({"p": part, "y": year})
        .select(
            pl.when(pl.col("p").is_null() | pl.col("y").is_null())
            .then(pl.col("p"))
            .when(pl.col("p").str.contains(r"^\d{1,2}$"))
            .then(pl.col("p") + "/" + pl.col("y"))
            .otherwise(pl.col("p") + " " + pl.col("y"))
        )
        .to_series()
    )
    return frame.with_columns(joined.alias("periode"))


def apply(plan: Plan, table: Table, granularity: str = "bulanan") -> tuple[pl.DataFrame, int]:
    """The canonical text frame (with `_baris`) for a plan, and how many rows were not rated ('-')."""
    kind = plan.kind
    body = table.body
    if body.height == 0:
        raise FileRefused(table.name, "Tidak ada baris data di bawah judul kolom.", "No data rows under the header row.")
    chosen = {h: t for h, t in plan.columns.items() if t and h in body.columns}
    frame = body.select(
        ROW, *[pl.col(h).alias(t) for h, t in chosen.items()], *[pl.col(h) for h in plan.wide if h in body.columns]
    )
    # a NIP stored as a whole number (Parquet, Excel) is kept as its digits; a float one fails the NIP check
    frame = frame.with_columns(
        [pl.col(c).cast(pl.String) for c, d in frame.schema.items() if c.startswith("nip") and d != pl.String]
    )
    frame = _period_with_its_year(frame, plan, body)
    text_cols = [c for c, d in frame.schema.items() if d == pl.String]
    ctx = plan.context
    year = (re.match(r"\d{4}", ctx.get("periode") or "") or [None])[0]
    if plan.wide:
        frame = _widen(frame, plan, year, table, granularity)
    skipped = 0
    if kind == "evaluasi":
        frame = frame.with_columns(
            [pl.lit(None, dtype=pl.String).alias(c) for c in ("rating_hasil_kerja", "rating_perilaku") if c not in frame.columns]
        )
        rated = [c for c in ("rating_hasil_kerja", "rating_perilaku", "predikat") if c in frame.columns]
        frame = frame.with_columns(_blank_not_rated(rated))
        before = frame.height
        frame = frame.filter(pl.any_horizontal([pl.col(c).is_not_null() for c in rated]))
        skipped = before - frame.height
    if kind in ("skm", "perilaku"):
        frame, not_rated = convert_scale(plan, table, frame)
        skipped += not_rated
    if kind == "skm":
        frame = _answers(frame, table, [u for u in UNSUR if u in text_cols], plan.values)
    if kind in ("skm", "ikm2004"):
        if "tanggal" in frame.columns:  # Google Forms 'Cap waktu': d/m/yyyy h:mm:ss, or m/d/yyyy in English
            frame, said = day_first(frame, "tanggal")
            plan.remarks = [*plan.remarks, *said]
    frame = _fill_context(frame, kind, ctx)
    return frame, skipped


_DMY = r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})"


def day_first(frame: pl.DataFrame, col: str) -> tuple[pl.DataFrame, list[tuple[str, str]]]:
    """Dates with their time cut off ('3/10/2026, 09.12.44', '9/28/2026 14:02:11') and written day first: day
    first unless the file proves otherwise (a second number above 12 and never a first one), which is said."""
    text = pl.col(col).cast(pl.String).str.strip_chars()
    cut = text.str.replace(r"\s+(GMT|UTC|WIB|WITA|WIT)([+-]\d{1,2}(:?\d{2})?)?$", "")
    cut = cut.str.replace(r",?\s+\d{1,2}[:.]\d{2}([:.]\d{2})?(\s*[APap]\.?[Mm]\.?)?$", "")
    cut = cut.str.replace(r"^(\d{4})/(\d{1,2})/(\d{1,2})$", "${1}-${2}-${3}")  # 2026/10/03 from some exports
    frame = frame.with_columns(cut.alias(col))
    parts = frame.select(pl.col(col).str.extract_groups(_DMY).alias("p")).unnest("p").drop_nulls()
    if parts.is_empty():
        return frame, []
    first, second = parts["1"].cast(pl.Int32), parts["2"].cast(pl.Int32)
    if (first > 12).any() or not (second > 12).any():
        return frame, []
    proof = parts.filter(second > 12).row(0)
    example = f"{proof[0]}/{proof[1]}/{proof[2]}"
    swapped = pl.col(col).str.replace(_DMY + r"$", "${2}/${1}/${3}")
    return frame.with_columns(swapped.alias(col)), [
        (
            f"tanggal dibaca bulan/hari/tahun (lokal Inggris): '{example}' tidak mungkin hari/bulan",
            f"dates read month/day/year (English locale): '{example}' cannot be day/month",
        )
    ]


def _fill(frame: pl.DataFrame, col: str, value: str | None, override: bool = False) -> pl.DataFrame:
    if value in (None, ""):
        return frame
    if col not in frame.columns:
        return frame.with_columns(pl.lit(value, dtype=pl.String).alias(col))
    empty = pl.col(col).is_null() | (pl.col(col).cast(pl.String).str.strip_chars() == "")
    return frame.with_columns(pl.when(empty).then(pl.lit(value)).otherwise(pl.col(col)).alias(col))


def _fill_context(frame: pl.DataFrame, kind: str, ctx: dict) -> pl.DataFrame:
    """Context values where the file has no column (or an empty cell); a place the file names otherwise
    (e.g. 'Kota Medan' for Belawan) gives way to the context's place."""
    named = [c for c in ("lokasi", "unit_layanan", "opd", "instansi", "unit_kerja") if c in frame.columns]
    if kind in ("pegawai", "skm", "ikm2004") and named and not ctx.get("lokasi"):  # 'Kantor Kecamatan Medan Belawan'
        frame = frame.with_columns(pl.coalesce([place_expr(c) for c in named]).alias("lokasi"))
    if kind in ("pegawai", "skm", "ikm2004") and ctx.get("lokasi"):
        if "lokasi" in frame.columns:
            frame = frame.with_columns(
                pl.when(place_expr("lokasi").is_null()).then(pl.lit(ctx["lokasi"])).otherwise(pl.col("lokasi")).alias("lokasi")
            )
        frame = _fill(frame, "lokasi", ctx["lokasi"])
    if kind == "pegawai":
        frame = _fill(frame, "per_tanggal", ctx.get("per_tanggal"))
        frame = _fill(frame, "opd", ctx.get("opd"))
        if "opd" not in frame.columns and "unit_kerja" in frame.columns:
            frame = frame.with_columns(pl.col("unit_kerja").alias("opd"))
        frame = _fill(frame, "unit_kerja", ctx.get("unit"))
        if "opd" not in frame.columns and ctx.get("unit"):
            frame = _fill(frame, "opd", ctx["unit"])
    if kind in ("skm", "ikm2004"):
        frame = _fill(frame, "opd", ctx.get("opd"))
        frame = _fill(frame, "unit_layanan", ctx.get("unit") or ctx.get("opd"))
        if ctx.get("periode"):
            frame = _fill(frame, "tanggal", first_day_text(ctx["periode"]))
    if kind in ("evaluasi", "capaian", "perilaku", "pp46") and ctx.get("periode"):
        frame = _fill(frame, "periode", ctx["periode"])
    if kind == "perilaku":
        frame = _fill(frame, "peran_penilai", ctx.get("peran"))
    return frame


# ---- profiles: plain JSON files, shipped ones in profiles/, the office's own beside the staging files


def _read_dir(d: Path | None) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for p in sorted(d.glob("*.json")) if d is not None and d.exists() else []:
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        out[data.get("name", p.stem)] = data
    return out


def list_profiles(user_dir: Path | None) -> dict[str, dict]:
    """Every profile by name (the office's own win over shipped ones of the same name)."""
    return {**_read_dir(SHIPPED), **_read_dir(user_dir)}


def find_profile(user_dir: Path | None, name: str | None = None, fp: str | None = None) -> dict | None:
    """A profile by name, or the one whose fingerprint matches a layout (the office's own before shipped ones)."""
    if name:
        profiles = list_profiles(user_dir)
        if name not in profiles:
            raise KeyError(name)
        return profiles[name]
    for group in (_read_dir(user_dir), _read_dir(SHIPPED)):
        for p in group.values():
            if fp and p.get("fingerprint") == fp:
                return p
    return None


def save_profile(user_dir: Path, name: str, plan: Plan) -> Path:
    """Write a plan as a named profile (context the user typed for one file is kept out unless asked)."""
    user_dir.mkdir(parents=True, exist_ok=True)
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "profil"
    path = user_dir / f"{slug}.json"
    data = {"name": name, **plan.to_json(), "profile": None}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def from_profile(profile: dict, table: Table, context: dict | None = None) -> Plan:
    """A plan for a table from a profile: its mapping for the headers this file has, context re-read."""
    saved = {k: v for k, v in (profile.get("context") or {}).items() if k in ("lokasi", "opd", "unit") and v}
    found = read_context(table).as_dict()
    ctx = merge_context(
        read_context(table), {**saved, **{k: v for k, v in found.items() if v}, **{k: v for k, v in (context or {}).items() if v}}
    )
    cols = profile.get("columns", {})
    header = [h for h in table.header if h and not h.startswith("_kolom_")]
    columns = {h: cols.get(h) for h in header}
    wide = {h: m for h, m in (profile.get("wide") or {}).items() if h in header}
    return Plan(
        profile["kind"],
        columns,
        {h: 1.0 for h in header},
        wide,
        ctx.as_dict(),
        table.sheet,
        fingerprint(table.header),
        profile.get("name"),
        profile.get("values") or {},
    )


def detect_kind(headers: list[str]) -> str | None:
    """Guess an input kind from its headers alone (no context counted)."""
    return suggest(Table("", pl.DataFrame(), list(headers), 1)).kind
