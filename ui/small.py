"""One rule for small groups: a figure from fewer employees than `[banding] min_group` carries the mark ✕.

Every chart label, heatmap cell, table row and download takes its mark from here, and counts the same thing:
distinct employees with a hasil kerja in the range (not employee-periods), so "n" says what it counts.
"""

from __future__ import annotations

import polars as pl

from ui import fmt, text_tampilan  # noqa: F401  (registers this module's labels)
from ui.i18n import lang, t

MARK = "✕"
# The column a marked table gets, right after its count; empty for groups big enough.
MARK_COL = "kelompok_kecil"


def threshold() -> int:
    """The smallest group compared without the mark (employees), from the settings."""
    from ui.data import settings

    return int(settings().section("banding")["min_group"])


def is_small(n: int | float | None, min_n: int | None = None) -> bool:
    """Whether a group of `n` employees is under the threshold (no count: not judged small)."""
    m = threshold() if min_n is None else min_n
    return n is not None and n == n and n < m


def employees(n: int | float | None) -> str:
    """'45 pegawai' / '45 employees': n written with what it counts."""
    return t("n_employees", n=fmt.num(n, 0, lang()))


def employee_periods(n: int | float | None) -> str:
    """'540 nilai pegawai-periode' / '540 employee-period scores'."""
    return t("n_employee_periods", n=fmt.num(n, 0, lang()))


def label(name: str, n: int | float | None, min_n: int | None = None) -> str:
    """A group's label with its employee count, and the mark when it is small: 'Bappeda (2 pegawai) ✕'."""
    mark = f" {MARK}" if is_small(n, min_n) else ""
    return f"{name} ({employees(n)}){mark}"


def value_text(text: str, n: int | float | None, min_n: int | None = None) -> str:
    """A figure's text (a heatmap cell, a bar's value) with the mark when its group is small: '101,7 ✕'."""
    return f"{text} {MARK}" if text and is_small(n, min_n) else text


def note(min_n: int | None = None) -> str:
    """What the mark means, for a chart's subtitle or a caption."""
    return f"{MARK} " + t("small_rule", m=fmt.num(threshold() if min_n is None else min_n, 0, lang()))


def mark_rows(frame: pl.DataFrame, n_col: str = "n_pegawai", min_n: int | None = None, after: str | None = None) -> pl.DataFrame:
    """`frame` with the mark column (✕ and the rule for small groups, empty otherwise), placed after `after`
    (default: the count column)."""
    m = threshold() if min_n is None else min_n
    text = f"{MARK} < {fmt.num(m, 0, lang())} {t('people')}"
    out = frame.with_columns(
        pl.when(pl.col(n_col) < m).then(pl.lit(text)).otherwise(pl.lit(None, dtype=pl.String)).alias(MARK_COL)
    )
    cols = [c for c in frame.columns if c != MARK_COL]
    at = cols.index(after or n_col) + 1
    return out.select([*cols[:at], MARK_COL, *cols[at:]])


def with_employees(frame: pl.DataFrame, counts: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """`frame` with `n_pegawai`: distinct employees per group from `counts` (one grouping of
    warehouse.queries.employee_counts)."""
    if frame.is_empty():
        return frame.with_columns(pl.lit(None, dtype=pl.Int64).alias("n_pegawai"))
    return frame.join(counts.select(*keys, "n_pegawai"), on=keys, how="left")
