"""What the access log costs a page: milliseconds per appended row, on SQLite (WAL) and on PostgreSQL.

    uv run python -m bench.access_log            # SQLite in a temporary folder
    uv run python -m bench.access_log --postgres  # also a throw-away Debian PostgreSQL (as the tests start it)

A page that shows personal data appends one row per distinct view (ui/audit.py), so this is the time a
page view adds; compare it with the page-data times in results.md.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from appdb import access
from appdb.engine import make_engine, migrate
from appdb.principal import Principal

WHO = Principal("bench", "pimpinan", "Bench", lokasi=("Jambi",))
DETAIL = {"table": "pembinaan", "filters": {"dari": "2025-11", "sampai": "2026-10", "lokasi": ["Jambi"]}}


def measure(url: str, runs: int = 500) -> dict:
    """Median and 95th percentile milliseconds of one `access.record` (its own transaction, as on a page)."""
    engine = make_engine(url)
    migrate(engine)
    for _ in range(20):  # warm the pool
        access.record(engine, "view", WHO, page="pembinaan", rows=100, detail=DETAIL)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        access.record(engine, "view", WHO, page="pembinaan", rows=100, detail=DETAIL, session="0123456789abcdef")
        times.append((time.perf_counter() - started) * 1000)
    engine.dispose()
    times.sort()
    return {"median_ms": statistics.median(times), "p95_ms": times[int(len(times) * 0.95)], "runs": runs}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--runs", type=int, default=500)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-log-"))
    results = {"sqlite (WAL)": measure(f"sqlite:///{folder / 'app.db'}", args.runs)}
    if args.postgres:
        from tests.appdb_fixtures import start_postgres, stop_postgres

        pg_root = Path(tempfile.mkdtemp(prefix="bench-pg-"))
        pg_root.chmod(0o755)
        server = start_postgres(pg_root)
        try:
            results["postgresql 15 (localhost TCP)"] = measure(server.create_database(), args.runs)
        finally:
            stop_postgres(server)
    for name, r in results.items():
        print(f"{name}: median {r['median_ms']:.2f} ms, p95 {r['p95_ms']:.2f} ms per logged view ({r['runs']} runs)")


if __name__ == "__main__":
    main()
