"""From a file to canonical text rows: find the table, choose its plan (given, profile or suggestion), refuse
what cannot load with its cause, and say what was decided (sheet, context, ignored columns, dropped rows)."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from pipelines.intake import mapping
from pipelines.intake.errors import FileRefused
from pipelines.intake.layouts import refuse_document_form
from pipelines.intake.readers import ROW, Table, read_table

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
        ctx = {k: v for k, v in self.plan.context.items() if v}
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
    if profile is not None and (kind is None or profile.get("kind") == kind) and not opts.maps:
        return mapping.from_profile(profile, table, opts.context)
    plan = mapping.suggest(table, kind, opts.context, opts.maps)
    plan.scale = opts.scale
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
    plan = given or plan_for(table, kind, opts)
    if table.sheet and len(table.sheets) > 1:
        plan.sheet = table.sheet
    return table, plan
