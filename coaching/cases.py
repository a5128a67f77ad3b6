"""Coaching cases: open, move through their states, add session notes and an outcome, each change an event.

Every writer takes the writer's reach (`within`): the employee the record is about must be inside the
writer's scope, or the write is refused exactly as for a case or employee that doesn't exist.
Writers say which version of the case they read; a stale version raises `Conflict` carrying the case as it is
now, and changes nothing (so the caller can show both and the person loses nothing they typed).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from appdb.coaching import awards, case_events, case_sessions, cases
from coaching.scope import Within

OPEN = ("baru", "dijadwalkan", "berjalan")
CLOSED = ("selesai", "dibatalkan")
# baru -> dijadwalkan -> berjalan -> selesai; any open state may be cancelled (with a reason).
# The page saves a session note on a new or scheduled case with `start` (it moves to berjalan: the note proves
# coaching began), so a coach goes open -> note -> close; "selesai" needs an outcome in words.
ALLOWED: dict[str, tuple[str, ...]] = {
    "baru": ("dijadwalkan", "dibatalkan"),
    "dijadwalkan": ("berjalan", "dibatalkan"),
    "berjalan": ("selesai", "dibatalkan"),
    "selesai": (),
    "dibatalkan": (),
}
STATUS_TEXT = {
    "baru": ("baru", "new"),
    "dijadwalkan": ("dijadwalkan", "scheduled"),
    "berjalan": ("berjalan", "in progress"),
    "selesai": ("selesai", "done"),
    "dibatalkan": ("dibatalkan", "cancelled"),
}


class CaseError(ValueError):
    """A refused change, with the reason in Bahasa Indonesia and English."""

    def __init__(self, text_id: str, text_en: str):
        super().__init__(f"{text_id} / {text_en}")
        self.text_id, self.text_en = text_id, text_en

    def text(self, lang: str) -> str:
        """The reason in the given language ('id' or 'en')."""
        return self.text_en if lang == "en" else self.text_id


class TransitionRefused(CaseError):
    """The case cannot move from its state to the one asked for."""


class CaseNotFound(CaseError, LookupError):
    """No case with that id."""


class Conflict(CaseError):
    """Someone changed the case since it was read; `current` is the case as it is now."""

    def __init__(self, current: dict[str, Any], expected: int):
        super().__init__(
            f"Kasus ini telah diubah orang lain (versi {current['version']}, Anda membaca versi {expected}). "
            "Perubahan Anda belum disimpan; periksa keadaan terbaru lalu simpan lagi.",
            f"Someone else changed this case (version {current['version']}, you read version {expected}). "
            "Your change was not saved; check the latest state and save again.",
        )
        self.current, self.expected = current, expected


class OutOfScope(CaseNotFound):
    """The record's employee is outside the writer's scope; worded like a missing case or employee, so a
    refusal tells nothing about who exists elsewhere."""


def _not_found(case_id: int | None) -> OutOfScope:
    if case_id is None:
        return OutOfScope("Pegawai tidak ditemukan.", "Employee not found.")
    return OutOfScope(f"Kasus {case_id} tidak ditemukan.", f"Case {case_id} not found.")


def _require(within: Within, nip: str | None, case_id: int | None = None) -> None:
    """Refuse a write about an employee outside the writer's scope (the one decision, `Within.allows`)."""
    if not within.allows(nip):
        raise _not_found(case_id)


def _now(at: dt.datetime | None = None) -> dt.datetime:
    """The time a change is recorded at: now, or an earlier moment given by a caller replaying a history (the
    demo's past cases); never the future, so a trail cannot claim what has not happened yet."""
    now = dt.datetime.now(dt.UTC)
    if at is None:
        return now
    at = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
    if at > now:
        raise CaseError("Waktu perubahan tidak boleh di masa depan.", "A change cannot be dated in the future.")
    return at


def _plain(value: Any) -> Any:
    """JSON-safe: dates as ISO text, lists and dicts walked."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _aware(value: Any) -> Any:
    # SQLite hands timestamps back without their zone; they were written in UTC
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value


def _row(con: sa.Connection, case_id: int) -> dict[str, Any]:
    row = con.execute(sa.select(cases).where(cases.c.id == case_id)).mappings().one_or_none()
    if row is None:
        raise CaseNotFound(f"Kasus {case_id} tidak ditemukan.", f"Case {case_id} not found.")
    return {k: _aware(v) for k, v in row.items()}


def get_case(engine: sa.Engine, case_id: int) -> dict[str, Any]:
    """One case as a dict (raises CaseNotFound)."""
    with engine.connect() as con:
        return _row(con, case_id)


def _event(
    con: sa.Connection,
    case_id: int,
    actor: str,
    event: str,
    before: dict | None,
    after: dict | None,
    version: int,
    at: dt.datetime,
) -> None:
    con.execute(
        sa.insert(case_events).values(
            case_id=case_id, at=at, actor=actor, event=event, before=_plain(before), after=_plain(after), version=version
        )
    )


def open_case(
    engine: sa.Engine,
    *,
    nip: str,
    actor: str,
    within: Within,
    nama: str = "",
    lokasi: str | None = None,
    opd: str | None = None,
    periode: str | None = None,
    aturan: list[str] | None = None,
    fokus: list[str] | None = None,
    coach_nip: str | None = None,
    coach_nama: str | None = None,
    rencana: list[dict] | None = None,
    due_date: dt.date | None = None,
    at: dt.datetime | None = None,
) -> dict[str, Any]:
    """Open a new case (status baru, version 1) and record the 'dibuka' event; returns the case."""
    if not nip:
        raise CaseError("NIP pegawai wajib diisi.", "The employee's NIP is required.")
    _require(within, nip)
    now = _now(at)
    values = dict(
        nip=nip,
        nama=nama,
        lokasi=lokasi,
        opd=opd,
        periode=periode,
        aturan=list(aturan or []),
        fokus=list(fokus or []),
        coach_nip=coach_nip or None,
        coach_nama=coach_nama or None,
        rencana=_plain(list(rencana or [])),
        due_date=due_date,
        status="baru",
        opened_by=actor,
        opened_at=now,
        updated_at=now,
        version=1,
    )
    with engine.begin() as con:
        case_id = con.execute(sa.insert(cases).values(**values).returning(cases.c.id)).scalar_one()
        _event(con, case_id, actor, "dibuka", None, {k: values[k] for k in _TRACKED if k in values}, 1, now)
        return _row(con, case_id)


_TRACKED = ("status", "alasan_batal", "hasil", "coach_nip", "coach_nama", "rencana", "due_date", "fokus", "aturan")


def _change(
    engine: sa.Engine,
    case_id: int,
    expected_version: int,
    actor: str,
    within: Within,
    event: str,
    check,
    changes: dict[str, Any],
    at: dt.datetime | None = None,
) -> dict[str, Any]:
    """Apply `changes` if the case is in the writer's scope, still at `expected_version` and `check(case)`
    passes; one event."""
    now = _now(at)
    with engine.begin() as con:
        current = _row(con, case_id)
        _require(within, current["nip"], case_id)
        if current["version"] != expected_version:
            raise Conflict(current, expected_version)
        check(current)
        new_version = expected_version + 1
        # the version in the WHERE makes a concurrent writer between our read and this update lose, not overwrite
        done = con.execute(
            sa.update(cases)
            .where(cases.c.id == case_id, cases.c.version == expected_version)
            .values(**changes, updated_at=now, version=new_version)
        )
        if done.rowcount != 1:
            raise Conflict(_row(con, case_id), expected_version)
        keys = [k for k in changes if k in _TRACKED]
        _event(con, case_id, actor, event, {k: current[k] for k in keys}, {k: changes[k] for k in keys}, new_version, now)
        return _row(con, case_id)


def _label(status: str) -> tuple[str, str]:
    return STATUS_TEXT.get(status, (status, status))


def transition(
    engine: sa.Engine,
    case_id: int,
    to: str,
    *,
    expected_version: int,
    actor: str,
    within: Within,
    reason: str | None = None,
    hasil: str | None = None,
    at: dt.datetime | None = None,
) -> dict[str, Any]:
    """Move a case to status `to`; dibatalkan needs a reason, selesai an outcome (given now or saved before).
    Refused moves raise TransitionRefused."""
    if to == "dibatalkan" and not (reason or "").strip():
        raise TransitionRefused("Pembatalan memerlukan alasan.", "Cancelling needs a reason.")

    def check(case: dict) -> None:
        if to not in ALLOWED.get(case["status"], ()):
            (fi, fe), (ti, te) = _label(case["status"]), _label(to)
            raise TransitionRefused(
                f"Status tidak dapat berubah dari '{fi}' ke '{ti}'.", f"The status cannot change from '{fe}' to '{te}'."
            )
        if to == "selesai" and not (hasil or "").strip() and not (case["hasil"] or "").strip():
            raise TransitionRefused(
                "Tulis hasil pembinaan sebelum menyelesaikan kasus.", "Write the outcome before closing the case as done."
            )

    changes: dict[str, Any] = {"status": to}
    if to in CLOSED:
        changes["closed_at"] = _now(at)
    if to == "dibatalkan":
        changes["alasan_batal"] = reason.strip()
    if hasil and hasil.strip() and to != "dibatalkan":  # a cancelled case has no outcome
        changes["hasil"] = hasil.strip()
    return _change(engine, case_id, expected_version, actor, within, "status", check, changes, at)


def _open_only(case: dict) -> None:
    if case["status"] in CLOSED:
        i, e = _label(case["status"])
        raise TransitionRefused(f"Kasus sudah {i}; tidak dapat diubah lagi.", f"The case is {e}; it can't change.")


def update_plan(
    engine: sa.Engine,
    case_id: int,
    *,
    expected_version: int,
    actor: str,
    within: Within,
    at: dt.datetime | None = None,
    **fields,
) -> dict[str, Any]:
    """Change the coach, plan, due date or focus of an open case."""
    allowed = {"coach_nip", "coach_nama", "rencana", "due_date", "fokus"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    changes = {k: (_plain(v) if k == "rencana" else v) for k, v in fields.items()}
    return _change(engine, case_id, expected_version, actor, within, "rencana", _open_only, changes, at)


def set_outcome(
    engine: sa.Engine,
    case_id: int,
    hasil: str,
    *,
    expected_version: int,
    actor: str,
    within: Within,
    at: dt.datetime | None = None,
) -> dict[str, Any]:
    """Record the outcome in words (while the case runs or once it is done)."""

    def check(case: dict) -> None:
        if case["status"] == "dibatalkan":
            raise TransitionRefused("Kasus yang dibatalkan tidak memiliki hasil.", "A cancelled case has no outcome.")

    return _change(engine, case_id, expected_version, actor, within, "hasil", check, {"hasil": hasil.strip()}, at)


def add_session(
    engine: sa.Engine,
    case_id: int,
    *,
    tanggal: dt.date,
    dibahas: str,
    langkah: str,
    expected_version: int,
    actor: str,
    within: Within,
    start: bool = False,
    at: dt.datetime | None = None,
) -> dict[str, Any]:
    """Add a session note (date, what was discussed, agreed next step) to an open case.

    With `start`, a note on a new or scheduled case also moves it to berjalan (coaching has begun: the note
    proves it), recorded as its own status event before the note's, in the same transaction."""
    if not dibahas.strip():
        raise CaseError("Isi apa yang dibahas.", "Say what was discussed.")
    now = _now(at)
    with engine.begin() as con:
        current = _row(con, case_id)
        _require(within, current["nip"], case_id)
        if current["version"] != expected_version:
            raise Conflict(current, expected_version)
        _open_only(current)
        starts = start and current["status"] in ("baru", "dijadwalkan")
        new_version = expected_version + (2 if starts else 1)
        moved = {"status": "berjalan"} if starts else {}
        done = con.execute(
            sa.update(cases)
            .where(cases.c.id == case_id, cases.c.version == expected_version)
            .values(updated_at=now, version=new_version, **moved)
        )
        if done.rowcount != 1:
            raise Conflict(_row(con, case_id), expected_version)
        if starts:
            _event(con, case_id, actor, "status", {"status": current["status"]}, moved, expected_version + 1, now)
        note = {"tanggal": tanggal, "dibahas": dibahas.strip(), "langkah": langkah.strip()}
        con.execute(sa.insert(case_sessions).values(case_id=case_id, created_by=actor, created_at=now, **note))
        _event(con, case_id, actor, "sesi", None, note, new_version, now)
        return _row(con, case_id)


def sessions(engine: sa.Engine, case_id: int) -> list[dict[str, Any]]:
    """A case's session notes, oldest first."""
    q = sa.select(case_sessions).where(case_sessions.c.case_id == case_id).order_by(case_sessions.c.tanggal, case_sessions.c.id)
    with engine.connect() as con:
        return [dict(r) for r in con.execute(q).mappings()]


def events(engine: sa.Engine, case_id: int) -> list[dict[str, Any]]:
    """A case's trail, oldest first: who, when, what, before and after."""
    q = sa.select(case_events).where(case_events.c.case_id == case_id).order_by(case_events.c.id)
    with engine.connect() as con:
        return [{k: _aware(v) for k, v in r.items()} for r in con.execute(q).mappings()]


def record_award(
    engine: sa.Engine,
    *,
    nip: str,
    jenis: str,
    tanggal: dt.date,
    diberikan_oleh: str,
    actor: str,
    within: Within,
    nama: str = "",
    catatan: str | None = None,
) -> int:
    """Record a recognition given; returns its id."""
    if not jenis.strip() or not diberikan_oleh.strip():
        raise CaseError("Isi jenis penghargaan dan pemberinya.", "Fill in the kind of award and who gave it.")
    _require(within, nip)
    with engine.begin() as con:
        return con.execute(
            sa.insert(awards)
            .values(
                nip=nip,
                nama=nama,
                jenis=jenis.strip(),
                tanggal=tanggal,
                diberikan_oleh=diberikan_oleh.strip(),
                catatan=catatan,
                created_by=actor,
                created_at=_now(),
            )
            .returning(awards.c.id)
        ).scalar_one()
