"""Which coaching records a viewer may see or write: the warehouse's Scope applied to each record's employee.

This is the one decision for cases, sessions and awards, reads and writes alike. A record belongs to an
employee (its NIP); the viewer may see or write it when that employee's current roster row is inside the
viewer's `Scope` as the warehouse applies it in SQL (`warehouse.db.where`: places, OPDs, an Atasan's
`nip_atasan` chain, no person at all for aggregate viewers). Only a scope that states no restriction of any
kind (`Scope.unrestricted`: the command line) also reaches records of people no longer on the roster.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import polars as pl

from warehouse import queries
from warehouse.db import Scope

PEOPLE_SCHEMA = {"nip": pl.String, "lokasi": pl.String, "opd": pl.String}


@dataclass(frozen=True)
class Within:
    """A viewer's reach over coaching records: their warehouse scope and the warehouse to resolve NIPs in."""

    scope: Scope
    con: duckdb.DuckDBPyConnection | None = None

    @classmethod
    def everything(cls) -> Within:
        """The explicitly unrestricted reach (command line and tests; never built from a principal)."""
        return cls(Scope())

    def people(self, nips: list[str]) -> pl.DataFrame:
        """The given NIPs' roster rows (nip, lokasi, opd) inside the scope; none without a warehouse."""
        if not nips or self.con is None:
            return pl.DataFrame(schema=PEOPLE_SCHEMA)
        return queries.people(self.con, self.scope, sorted(set(nips))).select(list(PEOPLE_SCHEMA))

    def allows(self, nip: str | None) -> bool:
        """Whether a record about this employee may be seen or written."""
        if not nip:
            return False
        if self.scope.unrestricted:
            return True
        return not self.people([nip]).is_empty()

    def keep(self, frame: pl.DataFrame) -> pl.DataFrame:
        """The rows of `frame` (with a `nip` column) the viewer may see, with their current place and OPD from
        the roster. Fails closed: an employee outside the scope, or no longer on the roster, is dropped unless
        the scope is unrestricted (which also keeps people who left, with the place recorded)."""
        if frame.is_empty():
            return frame
        unrestricted = self.scope.unrestricted
        people = self.people(frame["nip"].unique().to_list())
        rest = frame.drop([c for c in ("lokasi", "opd") if c in frame.columns])
        out = rest.join(people, on="nip", how="left" if unrestricted else "inner", maintain_order="left")
        if unrestricted and "lokasi" in frame.columns:  # people no longer on the roster keep the place recorded
            out = out.with_columns(pl.col("lokasi").fill_null(frame["lokasi"]), pl.col("opd").fill_null(frame["opd"]))
        return out.select(frame.columns)
