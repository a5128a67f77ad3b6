"""From a file to canonical text rows: find the table, choose its plan (given, profile or suggestion), refuse
what cannot load with its cause, and say what was decided (sheet, context, ignored columns, dropped rows)."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from pathlib import Path

import polars as pl

from domain.kinds import KINDS
from pipelines.intake import mapping
from pipelines.intake.errors import FileRefused
from pipelines.intake.layouts import read_context, refuse_document_form, sheet_context, sheet_role
from pipelines.intake.readers import ROW, Table, read_table, sheet_names, sniff

# Tables read from uploads, by (name, content hash, sheet): the mapping step's reruns, its dry run and the load
# read each version of a file once. Tables are never changed after reading, so sharing them is safe.
_READ: OrderedDict[tuple[str, str, str | None], Table] = OrderedDict()
_READ_LOCK = threading.Lock()
_READ_KEEP = 4


def read_once(name: str, data: bytes, sheet: str | None = None) -> Table:
    """The table of one version of a file (read on first use, then remembered for the next few calls)."""
    key = (name, hashlib.sha256(data).hexdigest(), sheet)
    with _READ_LOCK:
        if key in _READ:
            _READ.move_to_end(key)
            return _READ[key]
    table = read_table(name, data, sheet)
    with _READ_LOCK:
        _READ[key] = table
        while len(_READ) > _READ_KEEP:
            _READ.popitem(last=False)
    return table


@dataclass
class ReadOptions:
    """What the user said about the files of one load (CLI options or the Data page's mapping step)."""

    sheet: str | None = None
    profile: str | None = None
    context: dict[str, str | None] = field(default_factory=dict)
    plans: dict[str, mapping.Plan] = field(default_factory=dict)  # file name -> confirmed plan
    profiles_dir: Path | None = None
    granularity: str = "bulanan"  # the settings' period granularity (which columns of a monthly recap load)
    # The places the person loading may change (an admin's own places); None: any (the command line).
    places: tuple[str, ...] | None = None
    foreign: pl.Series | None = None  # NIPs the warehouse places outside `places` (filled by the loader)
    maps: dict[str, str | None] = field(default_factory=dict)  # the CLI's --map "Header=target" (None: ignore)
    scale: str | None = None  # a documented scale conversion chosen explicitly (the CLI's --skala)
    save_profile: str | None = None  # save the plan a file loads with under this name (the CLI's --save-profile)
    min_score: float = 0.75  # below this confidence a suggested plan is refused with the options that confirm it
    sheet_kind: str | None = None  # the kind the sheet was found to hold (for the context its name gives)
    distinguishes: bool = False  # the sheet is one of several of its kind: its name is its unit/OPD
    sheet_context: dict[str, str | None] = field(default_factory=dict)  # what the sheet's name says (user's wins)
    entries: dict[str, SheetEntry] = field(default_factory=dict)  # a workbook's sheets as entries of a load


@dataclass
class SheetEntry:
    """One sheet of a workbook read as its own entry of a load, and the sheets skipped beside it."""

    file: str
    sheet: str
    kind: str | None
    distinguishes: bool = False
    skipped: list[tuple[str, str, str]] = field(default_factory=list)  # (sheet, why, why in English)
    plan: mapping.Plan | None = None  # a plan the user confirmed for this sheet (or its layout)

    def options(self, opts: ReadOptions) -> ReadOptions:
        """The load's options for this sheet."""
        plans = {**opts.plans, self.file: self.plan} if self.plan else {k: v for k, v in opts.plans.items() if k != self.file}
        return replace(
            opts,
            sheet=self.sheet,
            sheet_kind=self.kind,
            distinguishes=self.distinguishes,
            entries={},
            sheet_context={},
            plans=plans,
        )

    def notes(self) -> tuple[str, str]:
        """The sheets skipped beside this one and why, in Indonesian and English."""
        if not self.skipped:
            return "", ""
        ids = ", ".join(f"'{s}' ({why})" for s, why, _en in self.skipped)
        ens = ", ".join(f"'{s}' ({en})" for s, _why, en in self.skipped)
        return f"lembar dilewati: {ids}", f"sheets skipped: {ens}"


@dataclass
class Prepared:
    """One file read and mapped, before cleaning."""

    kind: str
    frame: pl.DataFrame
    plan: mapping.Plan
    table: Table
    not_rated: int = 0

    def notes(self) -> tuple[str, str]:
        """What the loader decided, in Indonesian and English (empty when there is nothing to say)."""
        ids, ens = [], []
        if self.table.sheet and len(self.table.sheets) > 1:
            ids.append(f"lembar '{self.table.sheet}'")
            ens.append(f"sheet '{self.table.sheet}'")
        if self.plan.profile:
            ids.append(f"profil '{self.plan.profile}'")
            ens.append(f"profile '{self.plan.profile}'")
        ctx = {k: v for k, v in self.plan.context.items() if v and k != "per_tanggal"}  # the as-of date: its own note
        if ctx:
            text = ", ".join(f"{k}={v}" for k, v in ctx.items())
            ids.append(f"konteks: {text}")
            ens.append(f"context: {text}")
        if self.plan.ignored:
            ids.append(f"kolom diabaikan: {', '.join(self.plan.ignored)}")
            ens.append(f"columns ignored: {', '.join(self.plan.ignored)}")
        if self.table.dropped:
            rows = ", ".join(f"{r} ({t[:20]})" if t else str(r) for r, t in self.table.dropped[:8])
            ids.append(f"baris ringkasan/catatan dibuang: {rows}")
            ens.append(f"summary/note rows dropped: {rows}")
        for said_id, said_en in self.plan.remarks:
            ids.append(said_id)
            ens.append(said_en)
        if self.not_rated:
            ids.append(f"{self.not_rated} baris belum dinilai ('-') dilewati")
            ens.append(f"{self.not_rated} rows not yet rated ('-') skipped")
        return "; ".join(ids), "; ".join(ens)


def plan_for(table: Table, kind: str | None, opts: ReadOptions) -> mapping.Plan:
    """The confirmed plan for this file, else the named profile, else a profile of the same layout, else a
    suggestion from the vocabularies."""
    if table.name in opts.plans:
        return opts.plans[table.name]
    try:
        profile = mapping.find_profile(opts.profiles_dir, opts.profile, mapping.fingerprint(table.header))
    except KeyError:
        names = ", ".join(mapping.list_profiles(opts.profiles_dir)) or "-"
        raise FileRefused(
            table.name,
            f"Profil '{opts.profile}' tidak ada. Profil yang ada: {names}.",
            f"Profile '{opts.profile}' does not exist. Profiles: {names}.",
        ) from None
    context = {**opts.sheet_context, **{k: v for k, v in opts.context.items() if v}}
    if profile is not None and (kind is None or profile.get("kind") == kind) and not opts.maps:
        return mapping.from_profile(profile, table, context)
    plan = mapping.suggest(table, kind, context, opts.maps)
    plan.scale = opts.scale
    plan.given = {**{k: v for k, v in opts.context.items() if v}, "sheet": opts.sheet if not opts.sheet_kind else None}
    return plan


def prepare(name: str, data: bytes, kind: str | None, opts: ReadOptions | None = None) -> Prepared:
    """Read, map and check one file; refuses it whole (FileRefused) when it cannot load."""
    opts = opts or ReadOptions()
    plan_given = opts.plans.get(name)
    table = read_once(name, data, opts.sheet or (plan_given.sheet if plan_given else None))
    refuse_document_form(table)
    if table.body.height == 0:
        raise FileRefused(
            name, "Tidak ada baris data: berkas hanya berisi judul kolom.", "No data rows: the file holds only the header row."
        )
    if table.sheet and len(table.sheets) > 1:
        opts = replace(opts, sheet_context=_named_by_sheet(table, opts.sheet_kind or kind, opts.distinguishes))
    plan = plan_for(table, kind, opts)
    if table.sheet and len(table.sheets) > 1:
        plan.sheet = table.sheet
    if opts.scale and not plan.scale:
        plan.scale = opts.scale
    mapping.explain_missing(plan, table, opts.min_score, opts.context)
    if name not in opts.plans and not plan.profile:  # a plan the user confirmed (or a profile's) is not second-guessed
        mapping.refuse_unsure(plan, table, opts.min_score, opts.context)
    frame, skipped = mapping.apply(plan, table, opts.granularity)
    if opts.save_profile and opts.profiles_dir is not None:
        mapping.save_profile(opts.profiles_dir, opts.save_profile, plan)
    if frame.height == 0:
        raise FileRefused(
            name, "Tidak ada baris data yang sudah dinilai (semua '-').", "No data rows that have been rated (all '-')."
        )
    return Prepared(plan.kind, frame.sort(ROW, maintain_order=True), plan, table, skipped)


def inspect(name: str, data: bytes, kind: str | None, opts: ReadOptions | None = None) -> tuple[Table, mapping.Plan]:
    """The table found in a file and the plan suggested for it (a profile's, when its layout is known),
    for the mapping step to show and edit; refusals of the reader itself still raise."""
    opts = opts or ReadOptions()
    given = opts.plans.get(name)
    table = read_once(name, data, opts.sheet or (given.sheet if given else None))
    if given is None and table.sheet and len(table.sheets) > 1:  # the unit a sheet per unit is named by, ...
        kind_now = plan_for(table, kind, opts).kind
        opts = replace(opts, sheet_context=_named_by_sheet(table, kind_now, bool(_same_layout(name, data, table))))
    plan = given or plan_for(table, kind, opts)
    if table.sheet and len(table.sheets) > 1:
        plan.sheet = table.sheet
    return table, plan


def _named_by_sheet(table: Table, kind: str | None, distinguishes: bool) -> dict[str, str | None]:
    """What a table's sheet name says (with the year its title gives, for sheets named by month alone)."""
    titled = read_context(table).periode or ""
    year = int(titled[:4]) if titled[:4].isdigit() else None
    return sheet_context(table.sheet or "", kind, distinguishes, year)


def _same_layout(name: str, data: bytes, table: Table) -> list[str]:
    """The other sheets of a workbook laid out as this table (the same header fingerprint)."""
    out = []
    for s in table.sheets:
        if s == table.sheet:
            continue
        try:
            if mapping.fingerprint(read_once(name, data, s).header) == mapping.fingerprint(table.header):
                out.append(s)
        except FileRefused:
            continue
    return out


def _values(p: Prepared, cols: list[str]) -> list[tuple]:
    """A sheet's rows over `cols`, numbers compared as numbers ('4' and '4.0' are one answer), in any order."""

    def norm(v: object) -> object:
        t = "" if v is None else str(v).strip()
        try:
            return float(t.replace(",", "."))
        except ValueError:
            return t.lower()

    return sorted((tuple(norm(v) for v in row) for row in p.frame.select(cols).iter_rows()), key=repr)


def _copies(done: list[tuple[str, str, Prepared | None, FileRefused | None]]) -> dict[str, str]:
    """Sheets that hold the same rows as another sheet of the same kind (a workbook showing one survey twice,
    as a processing table and as the form the decree prints): sheet -> the sheet loaded instead, the one that
    tells more (more columns filled). Loading both would count every respondent twice."""
    out: dict[str, str] = {}
    ready = [(s, p) for s, role, p, _e in done if p is not None and role != "rekap"]
    for i, (s1, p1) in enumerate(ready):
        for s2, p2 in ready[i + 1 :]:
            if s1 in out or s2 in out or p1.kind != p2.kind or p1.frame.height != p2.frame.height:
                continue
            kind = KINDS.get(p1.kind)
            wanted = [*(kind.key or []), *kind.numeric] if kind else []
            cols = [c for c in dict.fromkeys(wanted) if c in p1.frame.columns and c in p2.frame.columns]
            if len(cols) < 3 or p1.frame.height < 2 or _values(p1, cols) != _values(p2, cols):
                continue
            filled = lambda p: sum(p.frame[c].null_count() < p.frame.height for c in p.frame.columns)  # noqa: E731
            richer, poorer = (s1, s2) if filled(p1) >= filled(p2) else (s2, s1)
            out[poorer] = richer
    return out


def _why(exc: FileRefused) -> tuple[str, str]:
    first = lambda t: t.split(". ")[0].rstrip(".")  # noqa: E731 - the reason's first sentence names it
    return first(exc.pesan)[:160], first(exc.message)[:160]


def _confirmed_sheets(name: str, data: bytes, plan: mapping.Plan) -> list[tuple[str, SheetEntry]]:
    """A plan confirmed for one sheet (the mapping step) applied to every sheet laid out the same way, each with
    what its own name says (its unit, OPD, period or rater group over the confirmed sheet's)."""
    if not plan.sheet:
        return []
    table = read_once(name, data, plan.sheet)
    same = _same_layout(name, data, table)
    if not same:
        return []
    out = [(f"{name} [{plan.sheet}]", SheetEntry(name, plan.sheet, plan.kind, True, plan=plan))]
    for s in same:
        other = read_once(name, data, s)
        named = {k: v for k, v in _named_by_sheet(other, plan.kind, True).items() if v}
        sheet_plan = replace(plan, sheet=s, context={**plan.context, **named})
        out.append((f"{name} [{s}]", SheetEntry(name, s, plan.kind, True, plan=sheet_plan)))
    return out


def split_sheets(name: str, data: bytes, kind: str | None, opts: ReadOptions) -> list[tuple[str, SheetEntry]]:
    """A workbook read sheet by sheet: each sheet holding data becomes an entry of the load (named 'file
    [sheet]' when there are several), each decided on its own; instruction sheets, sheets without a table of a
    known kind and summary sheets beside the data they summarise are named as skipped. Empty for a single-sheet
    file, a sheet asked for, or a plan already confirmed."""
    if name in opts.plans and not opts.sheet and sniff(data) in ("zip", "ole"):
        return _confirmed_sheets(name, data, opts.plans[name])
    if opts.sheet or name in opts.plans or sniff(data) not in ("zip", "ole"):
        return []
    names = sheet_names(name, data)
    if len(names) < 2:
        return []
    kinds: dict[str, str | None] = {}
    for s in names:
        try:
            table = read_once(name, data, s)
            kinds[s] = plan_for(table, kind, replace(opts, sheet=s)).kind if table.body.height else None
        except FileRefused:
            kinds[s] = None
    # sheets told apart by their names (one per unit, per OPD): laid out alike, each the same kind of data
    alike = {
        s: bool(kinds[s]) and any(kinds[o] == kinds[s] for o in _same_layout(name, data, read_once(name, data, s)))
        for s in names
        if kinds[s]
    }
    done: list[tuple[str, str, Prepared | None, FileRefused | None]] = []
    for s in names:
        entry = SheetEntry(name, s, kinds[s], alike.get(s, False))
        try:
            quiet = replace(opts, save_profile=None)  # the profile is saved when the entry itself loads
            done.append((s, sheet_role(s), prepare(name, data, kind, entry.options(quiet)), None))
        except FileRefused as exc:
            done.append((s, sheet_role(s), None, exc))
    loaded_kinds = {p.kind for _s, role, p, _e in done if p is not None and role != "rekap"}
    copies = _copies(done)
    keep, skipped = [], []
    for s, role, p, exc in done:
        if p is None:
            why = ("petunjuk", "instructions") if role == "petunjuk" else _why(exc)
            skipped.append((s, *why, role, exc))
        elif role == "rekap" and p.kind in loaded_kinds:
            skipped.append((s, "ringkasan/rekap data lembar lain", "a summary of the other sheets", role, None))
        elif s in copies:
            n, other = p.frame.height, copies[s]
            why = (
                f"berisi {n} baris yang sama dengan lembar '{other}' (dua tampilan data yang sama): dimuat sekali, dari '{other}'"
            )
            en = f"holds the same {n} rows as sheet '{other}' (two views of the same data): loaded once, from '{other}'"
            skipped.append((s, why, en, role, None))
        else:
            keep.append(SheetEntry(name, s, p.kind, alike.get(s, False)))
    if kind is None and any(k not in (None, "pegawai") for k in kinds.values()):
        # a list of people beside scores or answers is that workbook's lookup, not the office's roster: a roster
        # replaces who works where, so it loads only when asked for by name
        for e in [e for e in keep if e.kind == "pegawai"]:
            keep.remove(e)
            why = f'daftar pegawai di samping data lain; muat dengan --sheet "{e.sheet}" --kind pegawai bila memang daftar'
            en = f'a list of people beside other data; load it with --sheet "{e.sheet}" --kind pegawai if it is a roster'
            skipped.append((e.sheet, why, en, "data", None))
    if not keep:  # nothing loads: the most telling refusal (a data sheet of a known kind) is given, others named
        ranked = sorted(skipped, key=lambda x: (x[4] is None, x[3] != "data", kinds[x[0]] is None, names.index(x[0])))
        best = ranked[0][0]
        keep = [SheetEntry(name, best, kinds[best], alike.get(best, False))]
        skipped = [x for x in skipped if x[0] != best]
    keep[0].skipped = [(s, why, en) for s, why, en, _r, _e in skipped]
    if len(keep) == 1:
        return [(name, keep[0])]
    return [(f"{name} [{e.sheet}]", e) for e in keep]
