"""The access log's hash chain: each row's hash covers the previous row's hash and its own content, so a row
removed, changed or slipped in shows as a break when the chain is checked (`python -m appdb verify-log`)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping

GENESIS = "0" * 64
# app_meta keys: the newest row's "seq|hash|at" (also the row every writer locks first, so appends are serial),
# and the purge's cutoff, present only inside the purge's own transaction (the DELETE trigger checks it).
HEAD_KEY = "access_log_head"
PURGE_KEY = "access_log_purge"
FIELDS = ("seq", "at", "username", "role", "event", "page", "outcome", "rows", "detail", "session")


def utc(at: dt.datetime | None) -> dt.datetime | None:
    """`at` in UTC; SQLite hands back naive datetimes, stored as UTC."""
    if at is None:
        return None
    return at.replace(tzinfo=dt.UTC) if at.tzinfo is None else at.astimezone(dt.UTC)


def _at_text(at: dt.datetime | None) -> str | None:
    return utc(at).strftime("%Y-%m-%dT%H:%M:%S.%f") if at is not None else None


def content(values: Mapping) -> str:
    """A row's hashed content: its fields as canonical JSON (the time in UTC to the microsecond)."""
    row = {k: values.get(k) for k in FIELDS}
    row["at"] = _at_text(row["at"])
    return json.dumps(row, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def row_hash(prev_hash: str, values: Mapping) -> str:
    """sha256 of the previous row's hash and this row's content."""
    return hashlib.sha256(f"{prev_hash}\n{content(values)}".encode()).hexdigest()


def head_value(seq: int, digest: str, at: dt.datetime | None) -> str:
    """What app_meta holds for the newest row."""
    return f"{seq}|{digest}|{_at_text(at) or ''}"


def parse_head(value: str | None) -> tuple[int, str, dt.datetime | None]:
    """(seq, hash, at) of the newest row; (0, GENESIS, None) for a log never written."""
    if not value:
        return 0, GENESIS, None
    seq, digest, at = value.split("|", 2)
    return int(seq), digest, (dt.datetime.fromisoformat(at).replace(tzinfo=dt.UTC) if at else None)


def stored_time(at: dt.datetime, dialect: str) -> str:
    """A UTC time written the way the database compares it with `access_log.at` (the purge cutoff)."""
    at = utc(at)
    if dialect == "sqlite":
        return at.strftime("%Y-%m-%d %H:%M:%S.%f")  # SQLAlchemy's storage format, compared as text
    return at.isoformat()


def verify(rows: list[Mapping], purged_through: int | None, head_seq: int) -> list[dict]:
    """Breaks in `rows` (ordered by seq): a row outside the chain, a gap in seq, a row whose hash doesn't match
    its content or doesn't follow the previous row's, a first row not following the last purge, newest rows
    missing (the head written with the newest row names a later one). Empty when the chain holds."""
    problems: list[dict] = [{"seq": None, "problem": "unchained", "id": r.get("id")} for r in rows if r["seq"] is None]
    rows = [r for r in rows if r["seq"] is not None]
    expected_first = (purged_through or 0) + 1
    prev: Mapping | None = None
    for row in rows:
        seq = row["seq"]
        if prev is None and seq != expected_first:
            problems.append({"seq": seq, "problem": "missing_before", "missing": seq - expected_first})
        if prev is not None and seq != prev["seq"] + 1:
            problems.append({"seq": seq, "problem": "missing_before", "missing": seq - prev["seq"] - 1})
        if prev is not None and row["prev_hash"] != prev["row_hash"]:
            problems.append({"seq": seq, "problem": "broken_link"})
        if row_hash(row["prev_hash"], row) != row["row_hash"]:
            problems.append({"seq": seq, "problem": "altered"})
        prev = row
    last = prev["seq"] if prev is not None else (purged_through or 0)
    if head_seq > last:
        problems.append({"seq": last + 1, "problem": "missing_after", "missing": head_seq - last})
    return problems
