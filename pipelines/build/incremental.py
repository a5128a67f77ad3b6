"""Incremental mart builds: a load rebuilds the marts' rows of the periods it touches and keeps the rest.

The new version starts as a copy of the current version's file (pipelines.build.build): a table this build does
not change stays as it was, a partitioned one loses its rows of the dirty periods and gets them computed again,
a table rebuilt whole is dropped and made again.

A mart declares in its header comment which column partitions it (`-- partition: periode`): its rows of a period
are computed from that period's rows of its inputs alone (plus the roster dimensions and rule tables). Such a mart
keeps the previous version's rows except the dirty periods', which are computed again. A mart whose windows
look back over several periods of an employee names the settings that set their length, `-- reach: a, b` (each a
number of periods): a change in a period then reaches that period and the next ones of the same kind within the
longest window, by calendar position; those are recomputed, reading the periods their windows cover. A mart built
whole may name what it is made from, `-- kept when unchanged: stg_pegawai`: when those tables hold what they held
in the previous version (compared row for row), the copy keeps it as it is (the roster history when no roster
came). A mart without
the declaration (the default: the roster, the survey marts, yearly marts, every mart added without
thinking about it) is rebuilt whole, as is a partitioned mart that reads a table rebuilt whole
other than the roster dimensions and rule tables.

The dirty periods are
- the facts': a period whose staged rows differ between the versions, found by a signature per period
  (`_sidik`: the rows' source, load number and count; a load writes new rows under a load number never used
  before and removes rows only in the periods its rows cover, so a period's rows changed iff its signature did);
- the roster's (`roster_periods`): where a roster snapshot changed a placement, the periods ending on or after the
  earliest date the old and new placements differ (every period of that employee when their first stretch
  changed), and every period of an employee whose name or presence on the roster changed (and of those they
  supervise, whose rows carry their superior's name), and the periods an employee rated others while having no
  appraisal of their own when their current place or OPD changed (fct_penilai falls back to it).

A partitioned mart may therefore read from the roster dimensions only what these reaches cover: from
dim_pegawai_riwayat the placement in force on a day, from dim_pegawai the name, presence, place and OPD. A mart
that needs more of a table (a stretch's end, who is on the roster when, statuses dated across periods) names it
in a second header line, `-- whole when changed: dim_pegawai_riwayat, stg_pengecualian`: it is partitioned
while every table named there is exactly as in the previous version (the usual upload of one month's results)
and rebuilt whole when any of them changed. A mart without the declaration is rebuilt whole.
tests/test_incremental_properties.py compares every table with a full build after random loads.

Everything is decided by comparing the previous version with the new one being built, so a version built by
other mart definitions or other rule settings (`_versi`) is never a base: then everything is rebuilt.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from pipelines.build import staging
from settings import Settings
from warehouse.marts import (
    HERE,
    _inline,
    _rule_tables,
    _variables,
    build_periods,
    builds_in_batches,
    rules_fingerprint,
    run_batches,
    version,
)

PREV = "lalu"  # the previous version, attached read-only while the new one is built
PARTITION = re.compile(r"^--\s*partition:\s*(\w+)\b")
WHOLE_WHEN = re.compile(r"^--\s*whole when changed:\s*(.+)$")
REACH = re.compile(r"^--\s*reach:\s*(.+)$")
KEPT_WHEN = re.compile(r"^--\s*kept when unchanged:\s*(.+)$")
CREATED = re.compile(r"CREATE (?:TABLE|VIEW) (\w+) AS", re.I)
# Tables whose changes reach period marts only in the ways roster_periods knows, and the rule tables (a changed
# rule is a changed rules fingerprint, which rebuilds everything).
ROSTER = ("dim_pegawai_riwayat", "dim_pegawai")
# Columns that say how long a stretch lasts, not what it is: a placement as of a day reads the latest stretch
# begun by then, so a stretch that now ends (a mover, a leaver) or runs on (a later roster) changes no period.
EXTENT = ("nip", "berlaku_dari", "berlaku_sampai", "keluar", "roster_terakhir")


def partition_of(sql: str) -> str | None:
    """The column a mart declares as its partition in its header (`-- partition: periode`), else None (whole)."""
    for line in sql.splitlines():
        if line.strip() and not line.startswith("--"):
            return None
        if m := PARTITION.match(line):
            return m.group(1)
    return None


def _header_list(sql: str, pattern: re.Pattern) -> set[str]:
    for line in sql.splitlines():
        if line.strip() and not line.startswith("--"):
            break
        if m := pattern.match(line):
            return {t.strip() for t in m.group(1).split(",") if t.strip()}
    return set()


def whole_when_changed(sql: str) -> set[str]:
    """The tables a partitioned mart reads more of than a period's rows (`-- whole when changed: a, b`)."""
    return _header_list(sql, WHOLE_WHEN)


def kept_when_unchanged(sql: str) -> set[str]:
    """The tables a mart built whole is made from (`-- kept when unchanged: a, b`): when each holds what it held in
    the previous version, the mart does too, and the copied version keeps it as it is."""
    return _header_list(sql, KEPT_WHEN)


def reach_of(sql: str) -> list[str]:
    """The settings (as build variables) whose largest value is how many periods a mart's windows look back."""
    return sorted(_header_list(sql, REACH))


def reached(con: duckdb.DuckDBPyConnection, dirty: list[str], reach: int) -> tuple[list[str], list[str]]:
    """For windows of `reach` periods: the periods a change in `dirty` reaches (each dirty period and the next
    reach - 1 of its kind by calendar position, among the periods with results in either version) and the periods
    their windows read (each reached period and the reach - 1 before it)."""
    row = con.execute(
        f"""WITH p AS (SELECT DISTINCT periode, periode_jenis, periode_ke FROM fct_kinerja
                       UNION SELECT DISTINCT periode, periode_jenis, periode_ke FROM {PREV}.fct_kinerja),
                d AS (SELECT * FROM p WHERE list_contains($d, periode)),
                kena AS (SELECT DISTINCT p.* FROM p JOIN d ON p.periode_jenis = d.periode_jenis
                         AND p.periode_ke BETWEEN d.periode_ke AND d.periode_ke + $r - 1)
            SELECT coalesce((SELECT list(DISTINCT periode ORDER BY periode) FROM kena), []),
                   coalesce((SELECT list(DISTINCT p.periode ORDER BY p.periode) FROM p JOIN kena k
                             ON p.periode_jenis = k.periode_jenis
                             AND p.periode_ke BETWEEN k.periode_ke - ($r - 1) AND k.periode_ke), [])""",
        {"d": dirty, "r": max(1, reach)},
    ).fetchone()
    return list(row[0]), list(row[1])


def unchanged(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    """Whether `table` holds exactly the rows (every column, duplicates counted) the previous version's did."""
    try:
        return (
            con.execute(
                f"""SELECT count(*) FROM ((SELECT * FROM {table} EXCEPT ALL SELECT * FROM {PREV}.{table})
                    UNION ALL (SELECT * FROM {PREV}.{table} EXCEPT ALL SELECT * FROM {table}))"""
            ).fetchone()[0]
            == 0
        )
    except duckdb.Error:  # missing in either version, or its columns changed
        return False


def _code(sql: str) -> str:
    return re.sub(r"--[^\n]*", "", sql)


def signature(con: duckdb.DuckDBPyConnection, files: dict[str, list[str]]) -> None:
    """`_sidik`: per staged table with periods, per period, the staged rows' source, load number and count, read
    from the staging files (`files`: table -> Parquet paths) before any de-duplication."""
    parts = []
    for table, paths in files.items():
        if not paths or "periode" not in staging.COLUMNS[_kind(table)]:
            continue
        src = "read_parquet([" + ", ".join("'" + p.replace("'", "''") + "'" for p in paths) + "], union_by_name = true)"
        parts.append(f"SELECT '{table}' AS tabel, periode, _sumber, _muat, count(*) AS n FROM {src} GROUP BY ALL")
    empty = "SELECT ''::VARCHAR AS tabel, ''::VARCHAR AS periode, ''::VARCHAR AS _sumber, 0::BIGINT AS _muat, 0::BIGINT AS n"
    con.execute("CREATE OR REPLACE TABLE _sidik AS " + " UNION ALL ".join([f"({empty} LIMIT 0)", *parts]))


def _object(con: duckdb.DuckDBPyConnection, name: str, database: str | None = None) -> str | None:
    """'table', 'view' or None: what `name` is in `database` (default: the version being built)."""
    db = "current_database()" if database is None else "$db"
    params = {"n": name} | ({} if database is None else {"db": database})
    row = con.execute(
        f"""SELECT 'table' FROM duckdb_tables() WHERE database_name = {db} AND table_name = $n
            UNION ALL SELECT 'view' FROM duckdb_views() WHERE database_name = {db} AND view_name = $n AND NOT internal""",
        params,
    ).fetchone()
    return row[0] if row else None


def drop(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Drop `name` from the version being built, table or view (a copied version holds the previous one's)."""
    kind = _object(con, name)
    if kind is not None:
        con.execute(f"DROP {kind.upper()} {name}")


def _kind(table: str) -> str:
    return next(k for k, t in staging.TABLES.items() if t == table)


def staged_dirty(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """Per staged table with periods, the periods whose staged rows differ from the previous version's."""
    rows = con.execute(
        f"""SELECT DISTINCT tabel, periode FROM (
                (SELECT * FROM _sidik EXCEPT ALL SELECT * FROM {PREV}._sidik)
                UNION ALL
                (SELECT * FROM {PREV}._sidik EXCEPT ALL SELECT * FROM _sidik))"""
    ).fetchall()
    out: dict[str, list[str]] = {t: [] for k, t in staging.TABLES.items() if "periode" in staging.COLUMNS[k]}
    for table, periode in rows:
        if table in out and periode is not None:
            out[table].append(periode)
    return {t: sorted(ps) for t, ps in out.items()}


def stage_from_base(
    con: duckdb.DuckDBPyConnection, kind: str, paths: list[Path], periods: list[str], staging_table: Callable
) -> bool:
    """The kind's staging table as the previous version's rows of the unchanged periods (kept in the copied
    version) plus the changed periods read again from the staging files by `staging_table` (pipelines.build.build's);
    False when the previous version has no such table (the caller then stages it whole)."""
    table = staging.TABLES[kind]
    if _object(con, table, PREV) != "table" or _object(con, table) != "table":
        return False
    if not periods:
        return True
    con.execute("SET VARIABLE stg_kotor = $p::VARCHAR[]", {"p": periods})
    con.execute(f"DELETE FROM {table} WHERE list_contains(getvariable('stg_kotor'), periode)")
    if not paths:
        return True
    staging_table(con, kind, paths, periods=periods, table="_stg_baru")
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _stg_baru")
    except duckdb.Error:  # the new files bring a column the previous version's table lacks: stage it whole
        return False
    finally:
        con.execute("DROP TABLE _stg_baru")
    return True


def fact_periods(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The periods whose staged rows differ between the previous version and this one."""
    rows = con.execute(
        f"""SELECT DISTINCT periode FROM (
                (SELECT * FROM _sidik EXCEPT ALL SELECT * FROM {PREV}._sidik)
                UNION ALL
                (SELECT * FROM {PREV}._sidik EXCEPT ALL SELECT * FROM _sidik))"""
    ).fetchall()
    return {r[0] for r in rows if r[0] is not None}


def _diff(cols: str, table: str) -> str:
    return f"""((SELECT {cols} FROM {table} EXCEPT SELECT {cols} FROM {PREV}.{table})
              UNION (SELECT {cols} FROM {PREV}.{table} EXCEPT SELECT {cols} FROM {table}))"""


def roster_periods(con: duckdb.DuckDBPyConnection) -> set[str]:
    """The periods whose rows a roster change reaches (see the module docstring), by comparing the roster
    dimensions of the previous version with the new ones."""
    cols = [r[0] for r in con.execute("DESCRIBE dim_pegawai_riwayat").fetchall() if r[0] not in EXTENT]
    pc = "struct_pack(" + ", ".join(f"{c} := {c}" for c in cols) + ")"
    changed = f"""SELECT count(*) FROM (
        SELECT nip FROM {_diff("nip, nama, lokasi, opd", "dim_pegawai")}
        UNION ALL SELECT nip FROM {_diff(f"nip, berlaku_dari, {pc}", "dim_pegawai_riwayat")})"""
    if con.execute(changed).fetchone()[0] == 0:  # the usual upload: no roster in it, nothing to look for
        return set()
    sql = f"""
    WITH kunci AS (  -- the employee-periods fct_kinerja can hold, with each period's last day
        SELECT nip, periode, any_value(CASE periode_jenis
            WHEN 'bulanan' THEN periode_mulai + INTERVAL 1 MONTH
            WHEN 'triwulanan' THEN periode_mulai + INTERVAL 3 MONTH
            ELSE periode_mulai + INTERVAL 1 YEAR END::DATE - 1) AS akhir
        FROM (SELECT nip, periode, periode_jenis, periode_mulai FROM stg_capaian
              UNION ALL SELECT nip, periode, periode_jenis, periode_mulai FROM stg_evaluasi)
        GROUP BY nip, periode
    ),
    tampil AS (  -- every employee-period an employee appears in, appraised or rating
        SELECT nip, periode FROM kunci
        UNION SELECT nip, periode FROM stg_perilaku
        UNION SELECT nip_penilai, periode FROM stg_perilaku WHERE nip_penilai IS NOT NULL
    ),
    nama AS (SELECT nip FROM {_diff("nip, nama", "dim_pegawai")}),
    bawahan AS (
        SELECT nip FROM dim_pegawai_riwayat WHERE nip_atasan IN (SELECT nip FROM nama)
        UNION SELECT nip FROM {PREV}.dim_pegawai_riwayat WHERE nip_atasan IN (SELECT nip FROM nama)
    ),
    tempat AS (SELECT nip FROM {_diff("nip, lokasi, opd", "dim_pegawai")}),
    o AS (SELECT nip, berlaku_dari, {pc} AS pc FROM {PREV}.dim_pegawai_riwayat),
    n AS (SELECT nip, berlaku_dari, {pc} AS pc FROM dim_pegawai_riwayat),
    berubah AS (
        SELECT DISTINCT nip FROM ((SELECT * FROM n EXCEPT SELECT * FROM o) UNION (SELECT * FROM o EXCEPT SELECT * FROM n))
    ),
    titik AS (
        SELECT nip, berlaku_dari AS t FROM o SEMI JOIN berubah USING (nip)
        UNION SELECT nip, berlaku_dari FROM n SEMI JOIN berubah USING (nip)
    ),
    banding AS (
        SELECT b.nip, b.t, oa.pc AS lama, na.pc AS baru
        FROM titik b
        ASOF LEFT JOIN o oa ON oa.nip = b.nip AND b.t >= oa.berlaku_dari
        ASOF LEFT JOIN n na ON na.nip = b.nip AND b.t >= na.berlaku_dari
    ),
    sejak AS (  -- from when each changed employee's placement differs; the first stretch changed: always
        SELECT nip, CASE WHEN min(t) FILTER (WHERE lama IS DISTINCT FROM baru) = min(t) THEN DATE '0001-01-01'
                         ELSE min(t) FILTER (WHERE lama IS DISTINCT FROM baru) END AS dari
        FROM banding GROUP BY nip
    )
    SELECT periode FROM tampil WHERE nip IN (SELECT nip FROM nama UNION SELECT nip FROM bawahan)
    UNION SELECT p.periode FROM stg_perilaku p
        WHERE p.nip_penilai IN (SELECT nip FROM tempat)
          AND NOT EXISTS (SELECT 1 FROM kunci k WHERE k.nip = p.nip_penilai AND k.periode = p.periode)
    UNION SELECT k.periode FROM kunci k JOIN sejak s USING (nip) WHERE s.dari IS NOT NULL AND k.akhir >= s.dari
    """
    return {r[0] for r in con.execute(sql).fetchall() if r[0] is not None}


def base_ok(con: duckdb.DuckDBPyConnection, settings: Settings) -> bool:
    """Whether the attached previous version can be a base: same mart definitions and rules, with a signature."""
    try:
        marts, rules = con.execute(f"SELECT marts, aturan FROM {PREV}._versi").fetchone()
        con.execute(f"SELECT count(*) FROM {PREV}._sidik").fetchone()
    except duckdb.Error:
        return False
    return marts == version() and rules == rules_fingerprint(settings)


def _names(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
        " UNION SELECT view_name FROM duckdb_views() WHERE database_name = current_database() AND NOT internal"
    ).fetchall()
    return {r[0] for r in rows}


def _reads(sql: str, names: set[str]) -> set[str]:
    code = _code(sql)
    return {n for n in names if re.search(rf"\b{re.escape(n)}\b", code)}


def _run_whole(con: duckdb.DuckDBPyConnection, sql: str, periods: list, settings: Settings) -> None:
    # every period: a mart may narrow its inputs by these
    con.execute("SET VARIABLE periode_hitung = NULL")
    con.execute("SET VARIABLE periode_masukan = NULL")
    if not builds_in_batches(sql):
        con.execute(sql)
        return
    run_batches(con, sql, periods, settings, create=True)


def _run_partition(
    con: duckdb.DuckDBPyConnection, sql: str, col: str, dirty: list[str], periods: list, settings: Settings
) -> None:
    """Keep the previous version's rows of the clean periods (the copy holds them), compute the dirty ones again."""
    table = CREATED.search(sql).group(1)
    con.execute("SET VARIABLE periode_kotor = $d::VARCHAR[]", {"d": dirty})
    # the periods to compute: a mart may narrow its inputs by it early, where the filter below comes too late
    con.execute("SET VARIABLE periode_hitung = $d::VARCHAR[]", {"d": dirty})
    if not dirty:
        return
    con.execute(f"DELETE FROM {table} WHERE list_contains(getvariable('periode_kotor'), {col})")
    if builds_in_batches(sql):
        chosen = set(dirty)
        run_batches(con, sql, [p for p in periods if p in chosen], settings, create=False)
        return
    body = sql.split(f"CREATE TABLE {table} AS", 1)[1].strip().rstrip(";")
    con.execute(f"INSERT INTO {table} SELECT * FROM ({body}) WHERE list_contains(getvariable('periode_kotor'), {col})")


def run_marts_incremental(con: duckdb.DuckDBPyConnection, settings: Settings, times: dict) -> dict:
    """Build every mart in file order, the partitioned ones from the previous version plus their dirty periods.

    Returns what was decided: the dirty periods and which marts were copied or rebuilt whole.
    """
    values = _variables(con, settings)
    _rule_tables(con, settings)
    # staged tables whose rows each belong to one period (talent records are dated spans: their `periode`, the
    # year a status or sanction began, says nothing of the periods it covers)
    spanning = {staging.TABLES[k] for k in ("asesmen", "sanksi", "pengecualian")}
    periodic = {t for t in staging.TABLES.values() if t != staging.TABLES["pegawai"]} - spanning
    # tables whose changes reach every period: those built whole in this version, and the roster and logs as staged
    whole = {staging.TABLES["pegawai"], "load_log", "rejects", "_manifest", "_manifest_rejects"} | spanning
    dirty: list[str] | None = None
    periods: list | None = None
    plan = {"kotor": [], "sebagian": [], "utuh": []}
    same: dict[str, bool] = {}  # per table a declaration names (or a mart kept): as in the previous version
    for sql_file in sorted(HERE.glob("*.sql")):
        started = time.perf_counter()
        sql = sql_file.read_text(encoding="utf-8")
        if "CREATE VIEW" in sql:
            sql = _inline(sql, values)
        made = CREATED.findall(sql)
        col = partition_of(sql)
        periods = periods if periods is not None else build_periods(con)
        extra = whole_when_changed(sql) if col is not None else set()
        sources = kept_when_unchanged(sql) if col is None else set()
        for table in (extra | sources) - set(same):
            same[table] = unchanged(con, table)
        if sources and all(same[t] for t in sources):  # made from what has not changed: the copy holds it
            same |= dict.fromkeys(made, True)
            plan["tetap"] = plan.get("tetap", []) + made
            times[f"mart {Path(sql_file).stem}"] = time.perf_counter() - started
            continue
        if not all(same[t] for t in extra):  # a table it reads across periods changed: this build, it is whole
            col = None
        if col is not None and "CREATE VIEW" in sql:  # a partitioned view: its periods are its inputs'
            con.execute(sql.replace("CREATE VIEW", "CREATE OR REPLACE VIEW"))
            periodic |= set(made)
        elif col is not None and len(made) == 1 and not (_reads(sql, _names(con)) & (whole - set(ROSTER) - extra)):
            if dirty is None:
                roster_same = all(same.get(t) for t in ROSTER)  # kept as they were: no roster reach to look for
                dirty = sorted(fact_periods(con) | (set() if roster_same else roster_periods(con)))
                plan["kotor"] = dirty
            if reach := reach_of(sql):
                mine, inputs = reached(con, dirty, max(int(values[v]) for v in reach))
                con.execute("SET VARIABLE periode_masukan = $m::VARCHAR[]", {"m": inputs})  # what its windows read
                _run_partition(con, sql, col, mine, periods, settings)
                con.execute("SET VARIABLE periode_masukan = NULL")
                whole |= set(made)  # changed beyond the dirty periods: a later mart reading it is rebuilt whole
                plan.setdefault("jangkauan", {}).update(dict.fromkeys(made, mine))
            else:
                _run_partition(con, sql, col, dirty, periods, settings)
                periodic |= set(made)
            plan["sebagian"] += made
        else:
            for name in made:
                drop(con, name)
            _run_whole(con, sql, periods, settings)
            whole |= set(made) - periodic
            plan["utuh"] += made
        times[f"mart {Path(sql_file).stem}"] = time.perf_counter() - started
    drop(con, "_versi")
    con.execute("CREATE TABLE _versi AS SELECT $v AS marts, $r AS aturan", {"v": version(), "r": rules_fingerprint(settings)})
    return plan
