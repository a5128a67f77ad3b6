"""Command line for the application database: migrate, and add, disable, enable, reset and list users.

python -m appdb add-user NAME --role admin --lokasi Jambi --lokasi Bangko   (asks for the password)
python -m appdb list-users
python -m appdb disable NAME | enable NAME | reset-password NAME
python -m appdb set-scope NAME --role kepala_opd --lokasi Jambi --opd "Dinas Kesehatan"
python -m appdb purge-log          (applies [log] retention_days)
python -m appdb verify-log         (checks the access log's hash chain; exit 1 when rows are missing or altered)

The command line acts as a superadmin: the only place a `--role superadmin` account can be made or changed.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from appdb import access
from appdb.accounts import AccountError, Policy, cli_actor, create_user, list_users, set_password, update_user
from appdb.engine import app_db_url, open_app_db
from appdb.tables import ALL_ROLES
from settings import load_settings


def _password(args) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Kata sandi / password: ")
    if getpass.getpass("Ulangi / repeat: ") != first:
        raise SystemExit("Kata sandi tidak sama / passwords differ")
    return first


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m appdb", description="Akun dan log akses / accounts and access log")
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("migrate", help="bring the database to the newest schema")
    sub.add_parser("list-users")
    for name in ("add-user", "set-scope"):
        a = sub.add_parser(name)
        a.add_argument("username")
        a.add_argument("--role", choices=ALL_ROLES, required=name == "add-user")
        a.add_argument("--lokasi", action="append", default=None, help="a place in scope (repeat)")
        a.add_argument("--opd", action="append", default=None, help="an OPD in scope (repeat)")
        a.add_argument("--nip", help="the Atasan's own NIP (their chain), or the NIP single sign-on matches")
        a.add_argument("--email", help="the e-mail single sign-on matches")
        a.add_argument("--name", dest="display_name")
        if name == "add-user":
            a.add_argument("--sso-only", action="store_true", help="no password: single sign-on only")
            a.add_argument("--password-stdin", action="store_true")
    for name in ("disable", "enable", "reset-password"):
        a = sub.add_parser(name)
        a.add_argument("username")
        if name == "reset-password":
            a.add_argument("--password-stdin", action="store_true")
    sub.add_parser("purge-log")
    sub.add_parser("verify-log", help="check the access log's hash chain")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = load_settings()
    engine = open_app_db(app_db_url(settings))
    policy = Policy.from_settings(settings.section("auth"))
    actor = cli_actor(getpass.getuser() if os.name == "posix" else "user")
    try:
        return _run(args, engine, policy, settings, actor)
    except AccountError as exc:
        print(f"Ditolak / refused: {exc}", file=sys.stderr)
        return 2


def _run(args, engine, policy, settings, actor) -> int:
    if args.cmd == "migrate":
        print("ok")
    elif args.cmd == "list-users":
        for u in list_users(engine, actor=actor):
            state = "aktif" if u["active"] else "nonaktif"
            print(
                f"{u['username']:<24} {u['role']:<11} {state:<9} lokasi={','.join(u['lokasi']) or '-'} "
                f"opd={','.join(u['opd']) or '-'} nip={u['nip'] or '-'} email={u['email'] or '-'}"
            )
    elif args.cmd == "add-user":
        password = None if args.sso_only else _password(args)
        create_user(
            engine,
            args.username,
            args.role,
            password,
            policy,
            display_name=args.display_name or "",
            email=args.email,
            nip=args.nip,
            lokasi=args.lokasi or (),
            opd=args.opd or (),
            actor=actor,
        )
    elif args.cmd == "set-scope":
        changes = {
            k: v
            for k, v in dict(
                role=args.role, lokasi=args.lokasi, opd=args.opd, nip=args.nip, email=args.email, display_name=args.display_name
            ).items()
            if v is not None
        }
        update_user(engine, args.username, actor=actor, **changes)
    elif args.cmd in ("disable", "enable"):
        update_user(engine, args.username, actor=actor, active=args.cmd == "enable")
    elif args.cmd == "reset-password":
        set_password(engine, args.username, _password(args), policy, actor=actor)
    elif args.cmd == "purge-log":
        print(access.purge(engine, int(settings.section("log").get("retention_days", 0)), actor))
    elif args.cmd == "verify-log":
        return _verify(engine)
    return 0


def _verify(engine) -> int:
    """Print each break in the access log's chain; 0 when it holds, 1 otherwise."""
    problems = access.verify_log(engine)
    for p in problems:
        print(f"seq {p['seq']}: {p['problem']}" + (f" ({p['missing']} rows)" if p.get("missing") else ""))
    print("ok: the access log is whole" if not problems else f"{len(problems)} problem(s)")
    print(f"head: {access.head(engine) or '-'}")  # worth noting elsewhere: a rewrite of the whole chain changes it
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
