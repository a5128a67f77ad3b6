"""One check list for a file's rows: what the load rejects is what the dry run shows.

The load (pipelines.load.transaction) and the mapping step's dry run (pipelines.load.dry_run) both clean a
mapped file with `clean_file` and reject rows with `file_rejects`; only the NIPs known from other files differ
(the dry run knows the warehouse's roster, the load also this load's rosters).
"""

from __future__ import annotations

import polars as pl

from pipelines.clean import checks
from pipelines.clean.clean import clean, fill_equal_weights
from pipelines.clean.clean_talenta import TALENTA_KINDS, talenta_rejects
from pipelines.clean.validate import evaluation_incomplete, schema_rejects, unreadable

APPRAISAL_KINDS = ("capaian", "perilaku", "evaluasi")


def clean_file(kind: str, frame: pl.DataFrame, settings_raw: dict) -> pl.DataFrame:
    """A mapped text frame cleaned and typed, equal weights filled in, the first row of each key marked."""
    frame = clean(kind, frame, settings_raw)
    if kind == "capaian":
        frame = fill_equal_weights(frame)
    return checks.mark_first(frame, kind)


def file_rejects(
    kind: str,
    frame: pl.DataFrame,
    name: str,
    settings_raw: dict,
    known: pl.Series | None,
    places: tuple[str, ...] | None = None,
    foreign: pl.Series | None = None,
) -> pl.DataFrame:
    """Every reject of a file: pandera's clean model, then the checks across rows and files, one per cell.

    `frame` comes from `clean_file`. `known`: the NIPs a row may refer to (None: not checked, and said so by
    the caller); `places`: the places the person loading may change (None: any).
    """
    # the most specific reason first: one reject per cell is kept (the spreadsheet's, then the vocabulary's)
    rejects = [checks.excel_nips(frame, kind, name), checks.unreadable(frame, kind, name), schema_rejects(kind, frame, name)]
    if kind == "evaluasi":
        rejects.append(unreadable(frame, ["rating_hasil_kerja", "rating_perilaku", "predikat"], name, kind))
        rejects.append(evaluation_incomplete(frame, name, kind))
    if places is not None:
        rejects.append(checks.outside_places(frame, kind, places, foreign, name))
    if kind in TALENTA_KINDS:
        rejects += talenta_rejects(frame, kind, name)
    if kind in APPRAISAL_KINDS or kind in ("pp46", *TALENTA_KINDS):  # yearly or dated: no granularity check
        if known is not None:
            rejects.append(checks.unknown_nip(frame, known, name, kind))
        if kind in APPRAISAL_KINDS:
            rejects.append(checks.wrong_granularity(frame, settings_raw["periode"]["granularity"], name, kind))
        rejects.append(checks.duplicates(frame, name, kind))
    if kind == "capaian":
        cap = settings_raw["capaian"]
        rejects.append(checks.weight_sums(checks.first_rows(frame, kind), cap["weight_total"], cap["weight_tolerance"], name))
    out = pl.concat(rejects, how="vertical_relaxed").unique(["baris", "kolom"], keep="first", maintain_order=True)
    return out.with_columns(  # a reason built from a blank cell would be null: never leave a reject without one
        pl.col("alasan").fill_null(pl.format("Nilai pada kolom {} tidak sah.", pl.col("kolom"))),
        pl.col("reason").fill_null(pl.format("The value in column {} is not valid.", pl.col("kolom"))),
    )
