"""Aggregates that resist differencing, for restricted viewers (the aggregate viewer and an Atasan).

The method (README, *Privacy*): in every period the viewer's people are partitioned into *atoms*. An OPD of a
place is an atom of its own when each of its counts (employees, and those with a hasil kerja, a perilaku, an
ordinal score, a predikat) is 0 or at least `min_group`; the OPDs that are not form one pooled atom per place,
and while the pool itself is not safe the smallest OPD atoms join it (complementary suppression). A figure is
shown only when, in every period it covers, the cells behind it are a whole union of safe atoms. Every figure
is then a sum of atom sums, so no subtraction, of two figures or of many, can resolve anything finer than an
atom: a group of at least `min_group` people in each count, or nothing.

Restricted viewers cannot filter on unit kerja, jenis jabatan, golongan or status (`warehouse.db.LIMITED_DIMS`):
those filters cut across atoms, and the only breakdowns left are place, OPD and period.
"""

from __future__ import annotations

import polars as pl

# The counts a figure divides by: each must be 0 or at least min_group in every atom.
SIZE_COLS = ["n", "n_hasil", "n_perilaku", "n_ordinal", "n_predikat"]
CELL = ["periode", "lokasi", "opd"]
POOL = "\x00pool"  # the pooled atom's name; never a real OPD name, never shown

# Display precision of figures sent to a restricted viewer (decimal places); other float columns get one.
_SHARE_COLUMNS = {"bawah", "bawah_lalu", "share_capai"}
_TWO_DECIMALS = {"ikm_konversi", "ikm", "z"}
_NO_DECIMALS = {"persentil"}
_LABELS = {"bin"}


def _safe(values: tuple[int, ...] | list[int], k: int) -> bool:
    return all(v == 0 or v >= k for v in values)


def _pool_one_place(cells: list[tuple[str, tuple[int, ...]]], k: int) -> tuple[dict[str, str], bool]:
    """Atoms of one place in one period: OPD -> atom name, and whether the pool (if any) is safe."""
    own = sorted((sizes[0], opd, sizes) for opd, sizes in cells if _safe(sizes, k))
    pool = [(opd, sizes) for opd, sizes in cells if not _safe(sizes, k)]
    total = [sum(col) for col in zip(*(s for _, s in pool), strict=True)] if pool else []
    # complementary suppression: the smallest safe OPDs join an unsafe pool until it is safe (or all joined)
    while pool and not _safe(total, k) and own:
        _, opd, sizes = own.pop(0)
        pool.append((opd, sizes))
        total = [a + b for a, b in zip(total, sizes, strict=True)]
    atoms = {opd: opd for _, opd, _ in own} | {opd: POOL for opd, _ in pool}
    return atoms, (not pool) or _safe(total, k)


def atoms(cells: pl.DataFrame, k: int) -> pl.DataFrame:
    """Per period, place and OPD: its atom (`atom`), whether that atom is safe, and how many OPDs it holds.

    `cells` holds one row per period, place and OPD in the viewer's scope and period range, with SIZE_COLS.
    """
    rows = []
    for (periode, lokasi), part in cells.group_by(["periode", "lokasi"], maintain_order=True):
        entries = [(r[0], tuple(int(v or 0) for v in r[1:])) for r in part.select("opd", *SIZE_COLS).iter_rows()]
        names, pool_safe = _pool_one_place(entries, k)
        sizes = {}
        for atom in names.values():
            sizes[atom] = sizes.get(atom, 0) + 1
        for opd, atom in names.items():
            rows.append((periode, lokasi, opd, atom, pool_safe if atom == POOL else True, sizes[atom]))
    schema = {"periode": pl.String, "lokasi": pl.String, "opd": pl.String, "atom": pl.String, "atom_safe": pl.Boolean}
    return pl.DataFrame(rows, schema={**schema, "atom_cells": pl.Int64}, orient="row")


def shown_groups(cells: pl.DataFrame, group: list[str], k: int) -> pl.DataFrame:
    """The keys of `group` whose figure may be shown: in every period, the chosen cells (`_in`) behind it are
    whole atoms, each safe. `group` may use only place, OPD and period; [] is the whole selection."""
    keys = [c for c in group if c != "periode"]
    a = cells.join(atoms(cells, k), on=CELL, how="left").filter(pl.col("_in"))
    if not keys:
        a, keys = a.with_columns(pl.lit(True).alias("_semua")), ["_semua"]
    atom_keys = list(dict.fromkeys([*keys, "periode", "lokasi", "atom"]))  # an atom is named within its place
    per = a.group_by(atom_keys).agg(pl.len().alias("_chosen"), pl.col("atom_cells").first(), pl.col("atom_safe").first())
    per = per.with_columns(((pl.col("_chosen") == pl.col("atom_cells")) & pl.col("atom_safe")).alias("_ok"))
    if "periode" in group:
        keys = [*keys, "periode"]
    return per.group_by(keys).agg(pl.col("_ok").all()).filter(pl.col("_ok")).select(keys)


def only_shown(frame: pl.DataFrame, cells: pl.DataFrame, group: list[str], k: int) -> pl.DataFrame:
    """`frame` (one row per key of `group`) without the rows whose figure may not be shown."""
    ok = shown_groups(cells, group, k)
    if not [c for c in group if c != "periode"] and "periode" not in group:
        return frame if ok.height else frame.clear()
    return frame.join(ok, on=list(ok.columns), how="semi", nulls_equal=True)


def selectable_opds(cells: pl.DataFrame, k: int) -> pl.DataFrame:
    """Place and OPD pairs that are an atom of their own in at least one period: the only OPD names a
    restricted viewer's filter lists may hold."""
    a = atoms(cells, k)
    return a.filter(pl.col("atom") != POOL).select("lokasi", "opd").unique()


def decimals_of(column: str) -> int:
    """How many decimals a float column is shown with (and so sent with) to a restricted viewer."""
    if column.startswith("share_") or column in _SHARE_COLUMNS:
        return 3  # a share shown as 28.8%
    if column in _TWO_DECIMALS or column.startswith("nrr"):
        return 2
    if column in _NO_DECIMALS:
        return 0
    return 1


def rounded(frame: pl.DataFrame) -> pl.DataFrame:
    """Every float column rounded to the precision it is shown with (a histogram's bin edge is a label, kept)."""
    floats = [c for c, d in frame.schema.items() if d in (pl.Float64, pl.Float32) and c not in _LABELS]
    return frame.with_columns(pl.col(c).round(decimals_of(c)) for c in floats) if floats else frame
