"""How long the regional report pack takes (python -m reports pack), on a warehouse the benchmark built.

    uv run python -m bench.report_pack --scale district      # bench/cache/district/warehouse.duckdb (make bench)
    uv run python -m bench.report_pack --warehouse data/warehouse.duckdb --lokasi Jambi

Per place (or OPD): milliseconds to build the pack's PDF (queries, charts, layout) over --runs runs after one
warm-up, pages and bytes; appended to bench/cache/results/report_pack.json.
"""

from __future__ import annotations

import argparse
import io
import json
from datetime import datetime
from pathlib import Path

from pypdf import PdfReader

from bench.measure import machine, say, timed
from bench.run import CACHE
from reports.build import pack, pack_filters
from reports.context import Context
from settings import load_settings
from warehouse import queries
from warehouse.db import Scope, connect


def measure(warehouse: Path, places: list[str], runs: int) -> list[dict]:
    """One row per place: the pack's build time, pages and size."""
    settings = load_settings()
    con = connect(str(warehouse))
    last = queries.periods(con)["periode"].to_list()[-1]
    out = []
    for place in places:
        f = pack_filters(con, (place,), (), last)
        ctx = Context(con=con, f=f, scope=Scope(), lang="id", settings=settings)
        pdf = pack(ctx)
        say(f"pack {place}: {len(PdfReader(io.BytesIO(pdf)).pages)} pages")
        out.append(
            {
                "lokasi": place,
                "ms": timed(lambda c=ctx: pack(c), runs),
                "pages": len(PdfReader(io.BytesIO(pdf)).pages),
                "bytes": len(pdf),
            }
        )
    con.close()
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.report_pack")
    p.add_argument("--scale", help="a scale the benchmark built (district, province, national)")
    p.add_argument("--warehouse", type=Path)
    p.add_argument("--lokasi", action="append", default=[])
    p.add_argument("--runs", type=int, default=3)
    args = p.parse_args(argv)
    warehouse = args.warehouse or CACHE / str(args.scale) / "warehouse.duckdb"
    places = args.lokasi or ["Jambi", "Bangko"]
    rows = measure(warehouse, places, args.runs)
    result = {
        "when": datetime.now().isoformat(timespec="seconds"),
        "scale": args.scale,
        "warehouse": str(warehouse),
        "machine": machine(),
        "packs": rows,
    }
    (CACHE / "results").mkdir(parents=True, exist_ok=True)
    with (CACHE / "results" / "report_pack.json").open("a") as fh:
        fh.write(json.dumps(result, default=str) + "\n")
    print(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
