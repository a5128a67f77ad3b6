"""The four places the dashboard serves, and how files name them."""

from __future__ import annotations

import re

import polars as pl

PLACES: tuple[str, ...] = ("Bangko", "Jambi", "Belawan", "Rakumpit")

# Letters-only patterns that name a place in a file ('Kabupaten Merangin', 'Kec. Medan Belawan', 'Kota Jambi').
# Checked in this order: 'Jambi' last, since the province's name is in other places' addresses.
PLACE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("bangko|merangin", "Bangko"),
    ("belawan", "Belawan"),
    ("rakumpit|palangka", "Rakumpit"),
    ("jambi", "Jambi"),
)


def letters(text: str | None) -> str:
    """Lower-case letters only: the form the place patterns are matched against."""
    return re.sub(r"[^a-z]", "", (text or "").lower())


def place_of(text: str | None) -> str | None:
    """One of the four places named in a text, or None."""
    s = letters(text)
    for pattern, name in PLACE_PATTERNS:
        if re.search(pattern, s):
            return name
    return None


def place_expr(col: str) -> pl.Expr:
    """The place a text column names, as a Polars expression (null where it names none)."""
    s = pl.col(col).cast(pl.String).str.to_lowercase().str.replace_all(r"[^a-z]", "")
    out = pl.when(pl.lit(False)).then(pl.lit(None, dtype=pl.String))
    for pattern, name in PLACE_PATTERNS:
        out = out.when(s.str.contains(pattern)).then(pl.lit(name))
    return out
