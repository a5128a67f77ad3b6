"""The one function that runs SQL: bound parameters, a cursor per call, a Polars frame back."""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass

import duckdb
import polars as pl

from warehouse.tables import TABLES

log = logging.getLogger("warehouse")


class QueryError(RuntimeError):
    """A query failed; the message names the query, never the user's data."""


def run(con: duckdb.DuckDBPyConnection, sql: str, params: dict | None = None, name: str = "query") -> pl.DataFrame:
    """Run SQL with named parameters on a fresh cursor (connections are not thread-safe)."""
    started = time.perf_counter()
    cur = con.cursor()
    try:
        rel = cur.sql(sql, params=params or None)
        frame = pl.from_arrow(rel.to_arrow_table()) if rel is not None else pl.DataFrame()
        return _plain_numbers(frame)
    except duckdb.Error as exc:
        raise QueryError(f"{name}: {exc}") from exc
    finally:
        cur.close()
        log.debug("%s took %.1f ms", name, (time.perf_counter() - started) * 1000)


def _plain_numbers(frame: pl.DataFrame) -> pl.DataFrame:
    """DuckDB sums of counts arrive as 128-bit decimals: make them Int64, other decimals Float64."""
    casts = []
    for name, dtype in frame.schema.items():
        if isinstance(dtype, pl.Decimal):
            casts.append(pl.col(name).cast(pl.Int64 if dtype.scale == 0 else pl.Float64))
        elif dtype == pl.Int128:
            casts.append(pl.col(name).cast(pl.Int64))
    return frame.with_columns(casts) if casts else frame


def current_file(path: str | os.PathLike) -> str:
    """The version file the warehouse pointer names right now.

    Each load writes a new file and swaps a symlink (`pipelines.build.build.swap_in`); opening the resolved
    name, never the pointer, means a process can't be handed a database it opened before the swap.
    """
    return os.path.realpath(path)


def connect(path: str, parquet_dir: str | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the warehouse file, or to a Parquet export of it (`python -m pipelines export`).

    With `parquet_dir`, every exported table becomes a view over its files in an in-memory database, so the
    same queries run unchanged on files that DuckDB, MotherDuck or Spark can share.
    """
    if not parquet_dir:
        # facts kept in staging Parquet are read through views: keep their footers parsed between queries
        con = duckdb.connect(current_file(path), read_only=True)
        con.execute("SET parquet_metadata_cache = true")
        return con

    con = duckdb.connect(":memory:")
    root = parquet_dir.rstrip("/")
    for table, parts in TABLES.items():
        where = f"{root}/{table}/**/*.parquet" if parts else f"{root}/{table}.parquet"
        where = where.replace("'", "''")
        # partition values live in the folder names (standard hive layout); they are text
        types = ", ".join(f"'{c.strip()}': VARCHAR" for c in (parts or "").split(","))
        opts = f", hive_partitioning = true, hive_types = {{{types}}}" if parts else ""
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{where}'{opts})")
    return con


@dataclass(frozen=True)
class Scope:
    """What a viewer may see, applied in SQL by every query.

    In `lokasi`/`opd`, None means no restriction on that dimension and an empty tuple means nothing. `Scope()`
    (everything) is for the command line, tests and benchmarks: the dashboard builds scopes only from a
    signed-in principal (`appdb.principal.Principal.scope`), and no principal gets `Scope.nothing()`.
    """

    lokasi: tuple[str, ...] | None = None
    opd: tuple[str, ...] | None = None
    # An Atasan's NIP: people only below it in the nip_atasan chain; aggregates only of its own unit.
    atasan: str | None = None
    # Aggregate viewers: no row about one person at all. Aggregate viewers and Atasan: figures only from whole
    # groups of at least `min_group` people (warehouse.disclosure).
    aggregate_only: bool = False
    min_group: int = 0

    @classmethod
    def nothing(cls) -> Scope:
        """A scope that matches no row (a viewer without a principal or without any place)."""
        return cls(lokasi=())

    @property
    def unrestricted(self) -> bool:
        """Whether nothing at all restricts this scope (the command line's `Scope()`; no principal gets one).

        Code that must decide visibility outside SQL asks this, never "no place and no OPD stated": an
        Atasan's scope states neither and is still restricted to its chain.
        """
        return self.lokasi is None and self.opd is None and self.atasan is None and not self.aggregate_only

    @property
    def suppresses(self) -> bool:
        """Whether small groups are withheld from this viewer, and its breakdowns limited (LIMITED_DIMS)."""
        return (self.aggregate_only or self.atasan is not None) and self.min_group > 1


@dataclass(frozen=True)
class Filters:
    """The shared sidebar filters; empty tuples mean no restriction."""

    dari: str | None = None  # period key, inclusive
    sampai: str | None = None
    lokasi: tuple[str, ...] = ()
    opd: tuple[str, ...] = ()
    unit_kerja: tuple[str, ...] = ()
    jenis_jabatan: tuple[str, ...] = ()
    golongan: tuple[str, ...] = ()
    status_asn: tuple[str, ...] = ()
    # (place, OPD) pairs: two places' OPDs may share a name ("Dinas Kesehatan" in Jambi and in Bangko), so a chosen
    # OPD is one place's; `opd` holds the chosen names too, for code that only needs names.
    opd_lokasi: tuple[tuple[str, str], ...] = ()
    # (place, OPD, unit) triples likewise: "Sekretariat" is a unit of many OPDs in every place
    unit_lokasi: tuple[tuple[str, str, str], ...] = ()

    def pair_keys(self) -> list[str]:
        """The chosen (place, OPD) pairs as one text each, the form `where` compares (PAIR_SEP between)."""
        return [f"{lok}{PAIR_SEP}{opd}" for lok, opd in self.opd_lokasi]

    def unit_keys(self) -> list[str]:
        """The chosen (place, OPD, unit) triples as one text each (PAIR_SEP between)."""
        return [PAIR_SEP.join(u) for u in self.unit_lokasi]


PAIR_SEP = "\x1f"  # a place and an OPD name in one value: a character no name holds

# Allow-list: filter name -> column. Column names never come from user input.
_DIMS = ["lokasi", "opd", "unit_kerja", "jenis_jabatan", "golongan", "status_asn"]
# Filters a viewer whose small groups are withheld may not use on aggregates: each cuts an OPD into parts
# that could be differenced against the whole (README, Privacy; warehouse.disclosure).
LIMITED_DIMS = ("unit_kerja", "jenis_jabatan", "golongan", "status_asn")


# The people below an Atasan: every NIP reachable down the nip_atasan chain (UNION stops on cycles).
_CHAIN = """(WITH RECURSIVE chain(nip) AS (
        SELECT nip FROM dim_pegawai WHERE nip_atasan = $s_atasan
        UNION SELECT d.nip FROM dim_pegawai d JOIN chain c ON d.nip_atasan = c.nip)
    SELECT nip FROM chain WHERE nip <> $s_atasan)"""
# The same chain period by period, through the supervisor each employee had then (fct_penempatan): an Atasan
# sees the periods a person was below them, not a newcomer's past elsewhere nor a mover's months after leaving.
_CHAIN_PERIODS = """(WITH RECURSIVE chain(nip, periode) AS (
        SELECT nip, periode FROM fct_penempatan WHERE nip_atasan = $s_atasan
        UNION SELECT p.nip, p.periode FROM fct_penempatan p JOIN chain c ON p.nip_atasan = c.nip AND p.periode = c.periode)
    SELECT nip, periode FROM chain WHERE nip <> $s_atasan)"""


def where(
    f: Filters,
    scope: Scope,
    dims: list[str] | None = None,
    period_col: str | None = "periode",
    alias: str = "",
    person: str | None = None,
    individual: bool = False,
    person_period: str | None = None,
) -> tuple[str, dict]:
    """A WHERE clause (without the keyword) and its parameters for the given filters and scope.

    `person` names the NIP column when each row is about one employee (an Atasan then sees only the people
    below them); `individual` marks rows about one person without such a column (a survey response). Either
    way an aggregate-only viewer gets no row. Rows about one person in one period (`person_period`, else
    `period_col`, names that period) are the Atasan's when the person was below them in that period.
    """
    prefix = f"{alias}." if alias else ""
    parts, params = ["TRUE"], {}
    present = dims if dims is not None else _DIMS
    limited = scope.suppresses and not person
    for dim in present:
        values = getattr(f, dim)
        if values and not (limited and dim in LIMITED_DIMS):
            parts.append(f"list_contains($f_{dim}, {prefix}{dim})")
            params[f"f_{dim}"] = list(values)
    if f.opd_lokasi and "lokasi" in present and "opd" in present:
        parts.append(f"list_contains($f_opd_lokasi, {prefix}lokasi || $pair_sep || {prefix}opd)")
        params |= {"f_opd_lokasi": f.pair_keys(), "pair_sep": PAIR_SEP}
    if f.unit_lokasi and {"lokasi", "opd", "unit_kerja"} <= set(present) and not limited:
        key = f"{prefix}lokasi || $pair_sep || {prefix}opd || $pair_sep || {prefix}unit_kerja"
        parts.append(f"list_contains($f_unit_lokasi, {key})")
        params |= {"f_unit_lokasi": f.unit_keys(), "pair_sep": PAIR_SEP}
    for dim in ("lokasi", "opd"):
        allowed = getattr(scope, dim)
        if allowed is not None and dim in present:
            parts.append(f"list_contains($s_{dim}, {prefix}{dim})")
            params[f"s_{dim}"] = list(allowed)
    if (person or individual) and scope.aggregate_only:
        parts.append("FALSE")
    if scope.atasan is not None:
        params["s_atasan"] = scope.atasan
        per = person_period or period_col
        if person and per:
            parts.append(f"({prefix}{person}, {prefix}{per}) IN {_CHAIN_PERIODS}")
        elif person:
            parts.append(f"{prefix}{person} IN {_CHAIN}")
        else:
            cols = [d for d in ("lokasi", "opd", "unit_kerja") if d in present] or ["lokasi"]
            own = ", ".join(f"{prefix}{c}" for c in cols)
            parts.append(f"({own}) IN (SELECT {', '.join(cols)} FROM dim_pegawai WHERE nip = $s_atasan)")
    if period_col and f.dari:
        parts.append(f"{prefix}{period_col} >= $dari")
        params["dari"] = f.dari
    if period_col and f.sampai:
        parts.append(f"{prefix}{period_col} <= $sampai")
        params["sampai"] = f.sampai
    return " AND ".join(parts), params
