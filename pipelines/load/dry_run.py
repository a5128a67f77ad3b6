"""The mapping step's dry run: a file read, mapped, cleaned and checked exactly as the load would, written nowhere."""

from __future__ import annotations

import polars as pl

from pipelines.clean.check_list import clean_file, file_rejects
from pipelines.intake import mapping
from pipelines.intake.prepare import Prepared, ReadOptions, prepare
from schemas import CLEAN, raw_schema


def dry_run(
    name: str,
    data: bytes,
    plan: mapping.Plan,
    settings_raw: dict,
    opts: ReadOptions | None = None,
    rows: int = 20,
    known: pl.Series | None = None,
) -> tuple[pl.DataFrame, pl.DataFrame, Prepared]:
    """The first rows as they would load and every reject the load would give them (the load's own check list,
    `pipelines.clean.check_list`). `known`: the NIPs rows may refer to; None leaves that one check to the load,
    which also knows the rosters loaded with the file."""
    opts = opts or ReadOptions()
    given = ReadOptions(sheet=plan.sheet, plans={name: plan}, granularity=opts.granularity, places=opts.places)
    prepared = prepare(name, data, plan.kind, given)
    frame = clean_file(prepared.kind, raw_schema(prepared.kind).validate(prepared.frame), settings_raw)
    bad = file_rejects(prepared.kind, frame, name, settings_raw, known, opts.places, opts.foreign).sort("baris")
    shown = ["_baris", *[c for c in CLEAN[prepared.kind].to_schema().columns if c in frame.columns]]
    return frame.select(shown).head(rows), bad, prepared
