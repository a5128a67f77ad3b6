"""Reports from the command line.

    python -m reports pack --lokasi Jambi --periode 2026-11 --out paket.pdf [--opd "Dinas Kesehatan"] [--lang en]
    python -m reports skm --lokasi Jambi --unit "Dinas Sosial Kota Jambi" --periode 2026-Q3 --out skm.pdf
    python -m reports scheduler [--once]

The command line reads the whole warehouse (no reader's scope); the scheduler sends each subscriber their own.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from settings import load_settings
from warehouse.db import Scope, connect


def _context(args, settings, f):
    from reports.context import Context

    con = connect(str(settings.warehouse))
    return Context(con=con, f=f, scope=Scope(), lang=args.lang, settings=settings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reports", description="PDF reports of the ASN performance dashboard")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("pack", help="the regional report pack for a place (or an OPD) and a period")
    p.add_argument("--lokasi", action="append", default=[], help="a place (repeatable)")
    p.add_argument("--opd", action="append", default=[], help="an OPD (repeatable)")
    p.add_argument("--periode", required=True, help="the period the pack ends with, e.g. 2026-11")
    p.add_argument("--bulan", type=int, default=12, help="how many appraisal periods the trends cover")
    p.add_argument("--lang", choices=["id", "en"], default="id")
    p.add_argument("--out", required=True, type=Path)
    s = sub.add_parser("skm", help="the SKM publication of one service unit and survey period (PermenPANRB 14/2017)")
    s.add_argument("--lokasi", required=True)
    s.add_argument("--unit", required=True, help="the service unit (unit layanan)")
    s.add_argument("--periode", required=True, help="the survey period, e.g. 2026-Q3")
    s.add_argument("--lang", choices=["id", "en"], default="id")
    s.add_argument("--out", required=True, type=Path)
    sch = sub.add_parser("scheduler", help="send the subscribed reports that are due, by e-mail")
    sch.add_argument("--once", action="store_true", help="one round, then exit (for cron)")
    args = parser.parse_args(argv)
    settings = load_settings()

    if args.command == "pack":
        from reports.build import pack, pack_filters

        con = connect(str(settings.warehouse))
        f = pack_filters(con, tuple(args.lokasi), tuple(args.opd), args.periode, args.bulan)
        args.out.write_bytes(pack(_context(args, settings, f)))
    elif args.command == "skm":
        from reports.context import Context
        from reports.skm import publication
        from warehouse.db import Filters

        con = connect(str(settings.warehouse))
        ctx = Context(con=con, f=Filters(lokasi=(args.lokasi,)), scope=Scope(), lang=args.lang, settings=settings)
        from appdb.engine import app_db_url, open_app_db

        engine = open_app_db(app_db_url(settings))
        args.out.write_bytes(publication(ctx, args.lokasi, args.unit, args.periode, engine))
    else:
        from reports.scheduler import serve

        serve(settings, once=args.once)
        return 0
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
