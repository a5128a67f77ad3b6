"""Build the marts: settings become DuckDB variables and small rule tables, then each .sql file runs in order."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import duckdb
import polars as pl

from domain.appraisal import BERAKHLAK, MATRIX, PREDIKAT_ORDER, REZIM_PP30, REZIM_PP46, TIDAK_DIISI
from domain.survey import SKM_WEIGHTS
from domain.talenta import BOX
from settings import Settings
from warehouse.marts.talenta_rules import TALENTA_SECTIONS, talenta_lists

HERE = Path(__file__).parent


def _variables(con: duckdb.DuckDBPyConnection, s: Settings) -> dict:
    values: dict[str, float | int | str] = {}
    for section in (
        "capaian",
        "rating",
        "pp30",
        "pp46",
        "skm",
        "kurva",
        "pembinaan",
        "penghargaan",
        "sebaran",
        *TALENTA_SECTIONS,
    ):
        for key, val in s.section(section).items():
            if isinstance(val, int | float | str) and not isinstance(val, bool):
                values[f"{section}_{key}"] = val
    num, den = SKM_WEIGHTS[s.section("skm")["weights"]]
    values |= {"skm_w_num": num, "skm_w_den": den, "tidak_diisi": TIDAK_DIISI, "berakhlak": BERAKHLAK}
    values |= {"rezim_pp30": REZIM_PP30, "rezim_pp46": REZIM_PP46}
    values |= talenta_lists(s)
    for name, val in values.items():
        con.execute(f"SET VARIABLE {name} = $v", {"v": val})
    return values


def _inline(sql: str, values: dict) -> str:
    """A view outlives the build's session variables: write the settings' values into its SQL."""

    def literal(m: re.Match) -> str:
        val = values[m.group(1)]
        if isinstance(val, list):
            return "[" + ", ".join("'" + v.replace("'", "''") + "'" for v in val) + "]"
        return "'" + val.replace("'", "''") + "'" if isinstance(val, str) else repr(float(val))

    return re.sub(r"getvariable\('(\w+)'\)", literal, sql)


def _rule_tables(con: duckdb.DuckDBPyConnection, s: Settings) -> None:
    cfg_matriks = pl.DataFrame(MATRIX, schema=["rating_hasil_kerja", "rating_perilaku", "predikat"], orient="row")  # noqa: F841
    cfg_predikat = pl.DataFrame(PREDIKAT_ORDER, schema=["predikat", "urut", "ordinal"], orient="row")  # noqa: F841
    roles = s.section("perilaku")
    cfg_peran = pl.DataFrame({"peran": list(roles), "bobot": [float(v) for v in roles.values()]})  # noqa: F841
    # the nine-box numbering (PermenPANRB 3/2020), one row per (kinerja level, potensial level)
    cfg_kotak = pl.DataFrame(  # noqa: F841
        [(k, p, n) for (k, p), n in BOX.items()], schema=["kinerja_level", "potensial_level", "kotak"], orient="row"
    )
    for t in ("cfg_matriks", "cfg_predikat", "cfg_peran", "cfg_kotak"):
        con.execute(f"CREATE OR REPLACE TABLE {t} AS SELECT * FROM {t}")


PER_PERIOD = "-- build: per period"
# A mart built in batches of consecutive periods: as many as fit under [gudang] build_batch_rows input rows (at
# province scale every period at once; at national scale one period at a time, as per period).
BATCHED = "-- build: in batches of periods"


def builds_in_batches(sql: str) -> bool:
    """Whether a mart is run over stretches of periods (`getvariable('periode_dari')` to `periode_sampai`)."""
    return PER_PERIOD in sql or BATCHED in sql


def period_batches(
    con: duckdb.DuckDBPyConnection, sql: str, periods: list[str | None], settings: Settings
) -> list[tuple[str | None, str | None]]:
    """The stretches (first, last period) a batched mart is run over, in order, covering `periods` (sorted, a
    subset of the build's periods when only some are computed): one per period for `-- build: per period`; for
    `-- build: in batches of periods`, consecutive periods together while their staged appraisal rows stay
    within [gudang] build_batch_rows. A stretch never spans a period outside `periods`: the filter is a range."""
    if BATCHED not in sql or len(periods) < 2:
        return [(p, p) for p in periods]
    cap = int(settings.section("gudang").get("build_batch_rows", 20_000_000))
    rows = dict(
        con.execute(
            "SELECT periode, sum(n) FROM (SELECT periode, count(*) AS n FROM stg_capaian GROUP BY ALL"
            " UNION ALL SELECT periode, count(*) FROM stg_perilaku GROUP BY ALL) GROUP BY ALL"
        ).fetchall()
    )
    every = build_periods(con)
    place = {p: i for i, p in enumerate(every)}
    out: list[tuple[str | None, str | None]] = []
    first, last, size = None, None, 0
    for p in periods:
        n = int(rows.get(p) or 0)
        adjacent = last is not None and place.get(p, -2) == place.get(last, -9) + 1
        if first is not None and adjacent and size + n <= cap:
            last, size = p, size + n
            continue
        if first is not None:
            out.append((first, last))
        first, last, size = p, p, n
    if first is not None:
        out.append((first, last))
    return out


def run_batches(con: duckdb.DuckDBPyConnection, sql: str, periods: list[str | None], settings: Settings, create: bool) -> None:
    """Run a batched mart over `periods`: the first stretch creates its table (when `create`), the others append."""
    table = re.search(r"CREATE TABLE (\w+) AS", sql).group(1)
    insert = sql.replace(f"CREATE TABLE {table} AS", f"INSERT INTO {table}", 1)
    for i, (first, last) in enumerate(period_batches(con, sql, periods, settings)):
        con.execute("SET VARIABLE periode_dari = $a", {"a": first})
        con.execute("SET VARIABLE periode_sampai = $b", {"b": last})
        con.execute(sql if create and i == 0 else insert)


def version() -> str:
    """Fingerprint of the mart definitions; a warehouse built by other definitions is rebuilt from staging."""
    h = hashlib.sha256()
    for f in [Path(__file__), *sorted(HERE.glob("*.sql"))]:
        h.update(f.name.encode() + f.read_bytes())
    return h.hexdigest()[:16]


# Settings sections the marts compute with: a warehouse built with other values is rebuilt from staging.
RULE_SECTIONS = (
    "capaian",
    "rating",
    "perilaku",
    "pp30",
    "pp46",
    "skm",
    "kurva",
    "pembinaan",
    "penghargaan",
    "sebaran",
    *TALENTA_SECTIONS,
)


def rules_fingerprint(s: Settings) -> str:
    """Fingerprint of the rule settings the marts read (regulation values, cutoffs, rule parameters)."""
    rules = {name: s.section(name) for name in RULE_SECTIONS}
    return hashlib.sha256(json.dumps(rules, sort_keys=True, default=str).encode()).hexdigest()[:16]


def build_periods(con: duckdb.DuckDBPyConnection) -> list[str | None]:
    """The appraisal periods present in the staged facts (one None when there are none)."""
    rows = con.execute(
        "SELECT periode FROM stg_capaian UNION SELECT periode FROM stg_perilaku UNION SELECT periode FROM stg_evaluasi"
    ).fetchall()
    return sorted(r[0] for r in rows if r[0] is not None) or [None]


def run_marts(con: duckdb.DuckDBPyConnection, settings: Settings) -> None:
    """Create every mart in file order (the number prefix is the dependency order).

    A file marked `-- build: per period` or `-- build: in batches of periods` is run once per stretch of
    periods (`period_batches`) with `getvariable('periode_dari')` and `periode_sampai` set: the first run creates
    the table, the others append to it. Memory then holds one stretch at a time, and the table comes out in
    period order, which its row groups' min/max use for skipping.
    """
    values = _variables(con, settings)
    _rule_tables(con, settings)
    periods: list[str | None] | None = None
    for sql_file in sorted(HERE.glob("*.sql")):
        sql = sql_file.read_text(encoding="utf-8")
        if "CREATE VIEW" in sql:
            sql = _inline(sql, values)
        if not builds_in_batches(sql):
            con.execute(sql)
            continue
        periods = periods if periods is not None else build_periods(con)
        run_batches(con, sql, periods, settings, create=True)
    con.execute("CREATE TABLE _versi AS SELECT $v AS marts, $r AS aturan", {"v": version(), "r": rules_fingerprint(settings)})
