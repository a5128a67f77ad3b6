"""Files written for people never carry live spreadsheet formulas (CSV/formula injection)."""

from __future__ import annotations

import polars as pl

RISKY = ("=", "+", "-", "@", "\t", "\r")


def neutralise(frame: pl.DataFrame) -> pl.DataFrame:
    """Prefix text cells that start with = + - @ (or a tab/carriage return) with an apostrophe, so
    spreadsheets show them as text and never run them."""
    text_cols = [c for c, d in frame.schema.items() if d == pl.String]
    risky = pl.lit(list(RISKY), dtype=pl.List(pl.String))
    return frame.with_columns(
        [
            pl.when(risky.list.contains(pl.col(c).str.slice(0, 1))).then(pl.lit("'") + pl.col(c)).otherwise(pl.col(c)).alias(c)
            for c in text_cols
        ]
    )
