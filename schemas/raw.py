"""Raw shape of every input: text columns with canonical names, required ones present."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from domain.kinds import KINDS


def raw_schema(kind: str) -> pa.DataFrameSchema:
    """A lenient schema: required canonical columns must exist; cells are text, or numbers from a Parquet file."""
    k = KINDS[kind]
    cols = {c: pa.Column(None, nullable=True, required=True) for c in k.required}
    cols |= {c: pa.Column(None, nullable=True, required=False) for c in k.optional}
    cols["_baris"] = pa.Column(pl.Int64, description="Row number in the source file, as a spreadsheet shows it")
    return pa.DataFrameSchema(cols, name=f"{kind}_raw", strict=False, coerce=False)
