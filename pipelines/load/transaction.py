"""Load users' files: read, normalise, validate, stage, then rebuild the warehouse atomically.

The only writer of the warehouse. One load at a time (a lock file); readers are
never blocked because the new warehouse is built beside the old one and swapped
in with one rename.
"""

from __future__ import annotations

import contextlib
import fcntl
import getpass
import hashlib
import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import polars as pl

from domain.kinds import ORDER
from domain.places import PLACES
from pipelines.build import staging
from pipelines.build.build import LOAD_SCHEMA, build_warehouse, clean_leftovers, fault_point, read_manifest
from pipelines.clean.check_list import clean_file, file_rejects
from pipelines.clean.validate import REJECT_SCHEMA
from pipelines.intake.errors import FileRefused
from pipelines.intake.mapping import detect_kind
from pipelines.intake.prepare import ReadOptions, prepare, read_once, split_sheets
from pipelines.intake.readers import headers as file_headers
from pipelines.intake.readers import sniff
from pipelines.load import guards
from schemas import raw_schema
from settings import Settings

Progress = Callable[[float, str], None]
# Progress messages are Indonesian (the CLI's language); a caller showing English swaps the words.
PROGRESS_EN = {
    "Membaca berkas": "Reading files",
    "Diperiksa": "Checked",
    "Membangun gudang data": "Building the warehouse",
    "Selesai": "Done",
}


def progress_text(msg: str, lang: str) -> str:
    """A progress message in the chosen language."""
    if lang == "id":
        return msg
    for word, english in PROGRESS_EN.items():
        if msg.startswith(word):
            return english + msg[len(word) :]
    return msg


@dataclass
class FileResult:
    """What happened to one file."""

    berkas: str
    jenis: str | None
    status: str  # dimuat | sebagian | ditolak | sama
    dibaca: int = 0
    dimuat: int = 0
    ditolak: int = 0
    pesan: str = ""
    message: str = ""
    sha256: str = ""
    diganti: str = ""  # what the load replaced of its source, by place and period (and who a roster no longer lists)
    replaced: str = ""  # the same in English
    detik: float = 0.0  # seconds to read, normalise, validate and stage this file
    detik_validasi: float = 0.0  # of which validation (pandera model and cross-file checks)
    mulai: float = 0.0  # when this file's work started and ended (time.perf_counter; files overlap in a load)
    selesai: float = 0.0


@dataclass
class LoadReport:
    """A whole load: one result per file and every rejected row."""

    load_id: int
    files: list[FileResult] = field(default_factory=list)
    rejects: pl.DataFrame = field(default_factory=lambda: pl.DataFrame(schema=REJECT_SCHEMA))
    detik_bangun: float = 0.0  # seconds to write staging and build the warehouse
    places: tuple[str, ...] | None = None  # the places the person loading held (None: the command line, all)
    tahap: dict = field(default_factory=dict)  # the build's seconds per stage and what it rebuilt (build_warehouse)

    @property
    def exit_code(self) -> int:
        """0 all loaded, 1 some rows rejected, 2 a file refused."""
        if any(f.status == "ditolak" for f in self.files):
            return 2
        return 1 if any(f.ditolak for f in self.files) else 0

    def summary(self) -> pl.DataFrame:
        """One row per file: kind, status, rows read, loaded, rejected, message."""
        if not self.files:
            return pl.DataFrame()
        return pl.DataFrame([f.__dict__ for f in self.files]).drop("sha256", "detik", "detik_validasi", "mulai", "selesai")


_IN_PROCESS = threading.Lock()  # flock is per open file; threads of one process (uploads) queue here first
Wait = Callable[[str, str], None]


def _holder(staging_dir: Path) -> dict:
    try:
        return json.loads((staging_dir / ".lock.info").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def waiting_message(info: dict) -> tuple[str, str]:
    """'Waiting for the load of … by … since …', in Indonesian and English."""
    files = ", ".join(info.get("berkas", [])[:3]) or "?"
    who = info.get("pengguna") or "?"
    since = info.get("mulai", "?")
    pid = info.get("pid", "?")
    return (
        f"Menunggu pemuatan lain selesai: {files} oleh {who} (proses {pid}, mulai {since}).",
        f"Waiting for another load to finish: {files} by {who} (process {pid}, started {since}).",
    )


@contextlib.contextmanager
def writer_lock(staging_dir: Path, on_wait: Wait | None = None, who: str = "", files: list[str] | None = None) -> Iterator[None]:
    """One loader at a time, across threads and processes. A second one waits, and `on_wait` is told for whom."""
    staging_dir.mkdir(parents=True, exist_ok=True)
    if not _IN_PROCESS.acquire(blocking=False):
        if on_wait:
            on_wait(*waiting_message(_holder(staging_dir)))
        _IN_PROCESS.acquire()
    try:
        with (staging_dir / ".lock").open("w") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if on_wait:
                    on_wait(*waiting_message(_holder(staging_dir)))
                fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                info = {
                    "pid": os.getpid(),
                    "pengguna": who or getpass.getuser(),
                    "berkas": files or [],
                    "mulai": datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
                }
                with contextlib.suppress(OSError):
                    (staging_dir / ".lock.info").write_text(json.dumps(info), encoding="utf-8")
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)
    finally:
        _IN_PROCESS.release()


def _refused(name: str, exc: FileRefused, kind: str | None, digest: str) -> FileResult:
    return FileResult(name, kind, "ditolak", pesan=exc.pesan, message=exc.message, sha256=digest)


def _frame_for(
    name: str, data: bytes, kind: str | None, opts: ReadOptions | None = None
) -> tuple[str, pl.DataFrame, tuple[str, str]]:
    """Read a file, find its table and map its headers (pipelines.intake.prepare); refuse it whole when it cannot load.

    Returns the kind, the canonical text frame and what was decided (sheet, context, ignored columns, dropped
    rows) in Indonesian and English.
    """
    prepared = prepare(name, data, kind, opts)
    return prepared.kind, raw_schema(prepared.kind).validate(prepared.frame), prepared.notes()


Source = bytes | Path


def _bytes(src: Source) -> bytes:
    return src.read_bytes() if isinstance(src, Path) else src


def _workbook(src: Source) -> bytes | None:
    """A workbook's bytes (read sheet by sheet); None for other files, which are read only when their turn comes."""
    if isinstance(src, Path):
        with src.open("rb") as fh:
            head = fh.read(8)
    else:
        head = src[:8]
    return _bytes(src) if sniff(head) in ("zip", "ole") else None


def _upload_headers(name: str, data: bytes) -> list[str]:
    """An uploaded file's headers, from the table the rest of the load reads too (read once)."""
    try:
        return [c for c in read_once(name, data).header if c]
    except Exception:  # noqa: BLE001 - an unreadable file is refused with its reason when it is prepared
        return []


def _ordered(
    files: list[tuple[str, Source]], kind: str | None, opts: ReadOptions | None = None
) -> list[tuple[str, Source, str | None]]:
    """Each file with its kind as the headers tell (or as given); employee rosters first, so the other
    files of the same load can refer to them."""

    def detected(item: tuple[str, Source]) -> str | None:
        name, src = item
        if opts and name in opts.plans:
            return opts.plans[name].kind
        return kind or detect_kind(_upload_headers(name, src) if isinstance(src, bytes) else file_headers(src))

    tagged = []
    for name, src in files:
        book = _workbook(src) if opts is not None else None
        try:
            sheets = split_sheets(name, book, kind, opts) if book is not None else []
        except FileRefused:  # an unreadable workbook: refused below with the others, in the report, not raised
            sheets = []
        for entry_name, entry in sheets:  # a workbook read sheet by sheet (pipelines.intake.prepare.split_sheets)
            opts.entries[entry_name] = entry
            tagged.append((entry_name, src, entry.kind))
        if not sheets:
            tagged.append((name, src, detected((name, src))))
    return sorted(tagged, key=lambda t: ORDER.index(t[2]) if t[2] in ORDER else len(ORDER))


@dataclass
class _Staged:
    """One file's outcome before the warehouse is built."""

    result: FileResult
    rejects: pl.DataFrame | None = None
    part: tuple[tuple[str, str], Path] | None = None  # ((kind, source), staging part)
    roster: pl.DataFrame | None = None  # a roster's NIPs and places, for the files after it

    @property
    def nips(self) -> pl.Series | None:
        return None if self.roster is None else self.roster["nip"]


def _digest(data: bytes, opts: ReadOptions | None) -> str:
    """What makes two loads the same: the file's bytes and what was said about it (the same roster file given
    another as-of date is another snapshot, not a repeat)."""
    h = hashlib.sha256(data)
    said = {k: v for k, v in (opts.context if opts else {}).items() if v not in (None, "")}
    if said:
        h.update(json.dumps(said, sort_keys=True, default=str).encode())
    return h.hexdigest()


def _capped(rejects: pl.DataFrame, settings: Settings) -> tuple[pl.DataFrame, str, str]:
    """A file's rejects as kept: at most `[muat] rejects_kept` (a hostile file can hold millions, and every
    page and download that shows them would carry them all), with a note saying how many there were."""
    cap = int(settings.section("muat").get("rejects_kept", 10_000))
    if rejects.height <= cap:
        return rejects, "", ""
    n = rejects.height
    return (
        rejects.head(cap),
        f" Hanya {cap:,} catatan penolakan pertama yang disimpan (dari {n:,}).".replace(",", "."),
        f" Only the first {cap:,} rejections are kept (of {n:,}).",
    )


def _stage_file(
    i: int,
    name: str,
    src: Source,
    kind: str | None,
    source: str | None,
    known: pl.Series,
    already: dict,
    settings: Settings,
    stamp: str,
    load_id: int,
    opts: ReadOptions | None = None,
) -> _Staged:
    """Read, normalise and validate one file, and write its valid rows to a staging part."""
    data = _bytes(src)
    digest = _digest(data, opts)
    if digest in already:
        k, n = already[digest]
        return _Staged(
            FileResult(
                name,
                k,
                "sama",
                n,
                0,
                0,
                "Berkas yang sama sudah dimuat; tidak ada perubahan.",
                "The same file was loaded before; nothing changed.",
                digest,
            )
        )
    started = time.perf_counter()
    entry = opts.entries.get(name) if opts is not None else None
    file_name = entry.file if entry else name
    try:
        k, frame, (notes_id, notes_en) = _frame_for(file_name, data, kind, entry.options(opts) if entry else opts)
    except FileRefused as exc:
        if entry and entry.skipped:
            exc = FileRefused(exc.file, f"{exc.pesan} ({entry.notes()[0]})", f"{exc.message} ({entry.notes()[1]})")
        return _Staged(_refused(name, exc, kind or (entry.kind if entry else None), digest))
    if entry and entry.skipped:
        notes_id = "; ".join(x for x in (notes_id, entry.notes()[0]) if x)
        notes_en = "; ".join(x for x in (notes_en, entry.notes()[1]) if x)
    del data
    frame = clean_file(k, frame, settings.raw)
    checked = time.perf_counter()
    places, foreign = (opts.places, opts.foreign) if opts is not None else (None, None)
    bad_rows = file_rejects(k, frame, name, settings.raw, known, places, foreign)
    checked = time.perf_counter() - checked
    bad = bad_rows["baris"].unique()
    good = frame.filter(~pl.col("_baris").is_in(bad.implode())) if bad.len() else frame
    del frame
    bad_rows, cap_id, cap_en = _capped(bad_rows, settings)
    if good.is_empty():  # nothing valid: replace nothing (a header-only or all-rejected file)
        pesan, message = guards.no_rows(bad.len(), bad.len())
        if entry and entry.skipped:  # the sheets skipped beside it are still named
            pesan, message = f"{pesan} ({entry.notes()[0]})", f"{message} ({entry.notes()[1]})"
        refused = FileResult(name, k, "ditolak", bad.len(), 0, bad.len(), pesan + cap_id, message + cap_en, digest)
        return _Staged(refused, bad_rows)
    good = good.drop(pl.selectors.starts_with("_asal_"))  # originals only serve the rejects
    if k == "pegawai":  # a roster is a snapshot as of its date: the file's or the context's, else the load date
        dated = good["per_tanggal"].drop_nulls()
        good = good.with_columns(pl.col("per_tanggal").fill_null(date.today()))
        notes_id, notes_en = _as_of_note(notes_id, notes_en, good["per_tanggal"].max(), dated.is_empty())
    src_key = source or staging.source_key(file_name)
    part = settings.staging / "_parts" / stamp / f"{i}_{k}.parquet"
    part.parent.mkdir(parents=True, exist_ok=True)
    staging.shape(k, good, src_key, load_id).write_parquet(part)
    status = "dimuat" if bad_rows.is_empty() else "sebagian"
    ended = time.perf_counter()
    result = FileResult(
        name,
        k,
        status,
        good.height + bad.len(),
        good.height,
        bad.len(),
        (notes_id + cap_id).strip(),
        (notes_en + cap_en).strip(),
        sha256=digest,
        detik=ended - started,
        detik_validasi=checked,
        mulai=started,
        selesai=ended,
    )
    roster = good.select("nip", "lokasi", "per_tanggal").drop_nulls("nip") if k == "pegawai" else None
    return _Staged(result, bad_rows, ((k, src_key), part), roster)


def _as_of_note(notes_id: str, notes_en: str, as_of: date, load_date: bool) -> tuple[str, str]:
    """The load report's word on a roster's as-of date (and that it is the load date when the file gave none)."""
    extra_id = f"data per {as_of:%d/%m/%Y}" + (" (tanggal muat: berkas tidak menyebut tanggal data)" if load_date else "")
    extra_en = f"data as of {as_of:%d/%m/%Y}" + (" (the load date: the file names no as-of date)" if load_date else "")
    return "; ".join(x for x in (notes_id, extra_id) if x), "; ".join(x for x in (notes_en, extra_en) if x)


def _guard_roster(staged: _Staged, roster: guards.RosterIndex, confirmed: bool, many: int) -> _Staged:
    """A roster records whom it no longer lists as having left from its as-of date (their history stays); it is
    refused only when that would be `many` people or more at once and was not confirmed."""
    as_of = staged.roster["per_tanggal"].max()
    places = staged.roster["lokasi"].drop_nulls().unique().to_list()
    r = staged.result
    vanishing = roster.vanishing(staged.nips, places, as_of)
    if not vanishing.is_empty() and not confirmed:
        staged.part[1].unlink(missing_ok=True)
        pesan, message = guards.vanish_refusal(vanishing)
        return _Staged(FileResult(r.berkas, r.jenis, "ditolak", r.dibaca, 0, r.ditolak, pesan, message, r.sha256), staged.rejects)
    leavers = roster.leaving(staged.nips, places, as_of)
    if leavers.is_empty():
        return staged
    if leavers.height >= many and not confirmed:
        staged.part[1].unlink(missing_ok=True)
        pesan, message = guards.roster_refusal(leavers, as_of)
        refused = FileResult(r.berkas, r.jenis, "ditolak", r.dibaca, 0, r.ditolak, pesan, message, r.sha256)
        return _Staged(refused, staged.rejects)
    pesan, message = guards.leaving_note(leavers, as_of)
    r.pesan = "; ".join(x for x in (r.pesan, pesan) if x)
    r.message = "; ".join(x for x in (r.message, message) if x)
    return staged


def _size(src: Source) -> int:
    return len(src) if isinstance(src, bytes) else src.stat().st_size


def _workers(settings: Settings) -> tuple[int, int]:
    """How many files are read at once, and the size (bytes) above which a file is read alone."""
    cfg = settings.section("muat")
    workers = int(cfg.get("workers", 0)) or (os.cpu_count() or 1)
    return max(1, workers), int(float(cfg.get("parallel_max_mb", 64)) * 2**20)


def _stage_all(
    ordered: list[tuple[str, Source, str | None]],
    kind: str | None,
    source: str | None,
    known: pl.Series,
    already: dict,
    settings: Settings,
    stamp: str,
    load_id: int,
    tick: Progress,
    roster: guards.RosterIndex,
    replace: bool,
    opts: ReadOptions | None = None,
) -> list[_Staged]:
    """Every file staged, in the order given: rosters one by one (later files check NIPs against them),
    then the other files a few at a time; a large file is read alone, so memory holds one of those."""
    out: list[_Staged | None] = [None] * len(ordered)
    total = max(len(ordered), 1)

    def stage(i: int, known_now: pl.Series) -> _Staged:
        name, src, _k = ordered[i]
        return _stage_file(i, name, src, kind, source, known_now, already, settings, stamp, load_id, opts)

    def done(i: int, staged: _Staged) -> None:
        out[i] = staged
        tick(0.7 * sum(s is not None for s in out) / total, f"Diperiksa {ordered[i][0]}")

    rosters = [i for i, (_n, _s, k) in enumerate(ordered) if k == "pegawai"]
    for i in rosters:
        staged = stage(i, known)
        if staged.part is not None:
            staged = _guard_roster(staged, roster, replace, int(settings.section("pegawai")["konfirmasi_keluar_mulai"]))
        done(i, staged)
        if out[i].nips is not None:
            known = pl.concat([known, out[i].nips]).unique()
    workers, limit = _workers(settings)
    rest = [i for i, (_n, _s, k) in enumerate(ordered) if k != "pegawai"]
    together = [i for i in rest if workers > 1 and _size(ordered[i][1]) <= limit]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(stage, i, known): i for i in together}
        for future in as_completed(futures):
            done(futures[future], future.result())
    for i in (i for i in rest if i not in together):
        done(i, stage(i, known))
    return out


def load_files(
    files: list[tuple[str, Source]],
    settings: Settings,
    kind: str | None = None,
    source: str | None = None,
    progress: Progress | None = None,
    replace: bool = False,
    on_wait: Wait | None = None,
    who: str = "",
    opts: ReadOptions | None = None,
) -> LoadReport:
    """Load (name, bytes or path) pairs into the warehouse; returns what happened to each file.

    Each file's valid rows go straight to a staging part, so memory holds a file or two, not the whole load.
    `replace` confirms a roster that drops employees who have scores. `opts` carries what the user said about
    the files: sheet, profile, context, confirmed mapping plans. Raises `guards.LoadFailed` when a fault (disk
    full, permission denied) stops the load; the previous warehouse is then untouched.
    """
    opts = opts or ReadOptions()
    if opts.profiles_dir is None:
        opts.profiles_dir = profiles_dir(settings)
    opts.granularity = settings.section("periode").get("granularity", "bulanan")
    opts.min_score = float(settings.section("muat").get("keyakinan_min", opts.min_score))
    tick = progress or (lambda _f, _m: None)
    stg_dir, warehouse = settings.staging, settings.warehouse
    try:
        with writer_lock(stg_dir, on_wait, who, [name for name, _src in files]):
            return _load_locked(files, settings, kind, source, tick, replace, opts)
    except guards.LoadFailed:
        raise
    except Exception as exc:
        failed = guards.fault(exc, warehouse.parent)
        if failed is None:
            raise
        raise failed from exc


def _load_locked(
    files: list[tuple[str, Source]],
    settings: Settings,
    kind: str | None,
    source: str | None,
    tick: Progress,
    replace: bool,
    opts: ReadOptions,
) -> LoadReport:
    stg_dir, warehouse = settings.staging, settings.warehouse
    _clean_leftovers(settings)
    manifest = read_manifest(warehouse)
    load_id = _next_load_id(stg_dir, manifest["loads"])
    report = LoadReport(load_id, places=opts.places)
    stamp = f"{load_id}_{int(time.time() * 1000)}"
    loaded = manifest["loads"].filter(pl.col("status") != "ditolak")
    already = dict(zip(loaded["sha256"].to_list(), loaded.select("jenis", "dibaca").rows(), strict=True))
    tick(0.0, "Membaca berkas")
    parts: dict[tuple[str, str], list[Path]] = {}
    roster = guards.RosterIndex(warehouse)
    if opts.places is not None:
        # where each employee is now (their latest roster): a mover's earlier place does not make them foreign
        now = roster.rows.sort("per_tanggal").unique("nip", keep="last")
        opts.foreign = now.filter(~pl.col("lokasi").is_in(list(opts.places)))["nip"]
    try:
        staged = _stage_all(
            _ordered(files, kind, opts),
            kind,
            source,
            roster.rows["nip"],  # the current roster (dim_pegawai holds the same NIPs)
            already,
            settings,
            stamp,
            load_id,
            tick,
            roster,
            replace,
            opts,
        )
        owners: dict[tuple[str, str], list[FileResult]] = {}
        for s in staged:
            report.files.append(s.result)
            if s.part is not None:
                parts.setdefault(s.part[0], []).append(s.part[1])
                owners.setdefault(s.part[0], []).append(s.result)
        places = pl.concat(
            [roster.rows.select("nip", "lokasi"), *(s.roster.select("nip", "lokasi") for s in staged if s.roster is not None)],
            how="vertical_relaxed",
        )
        report.rejects = pl.concat(
            [report.rejects, *(s.rejects for s in staged if s.rejects is not None)], how="vertical_relaxed"
        )
        fault_point("staged")
        tick(0.75, "Membangun gudang data")
        started = time.perf_counter()
        _commit(settings, manifest, parts, report, stamp, places, owners)
    finally:
        shutil.rmtree(stg_dir / "_parts" / stamp, ignore_errors=True)
    report.detik_bangun = time.perf_counter() - started
    tick(1.0, "Selesai")
    return report


def _next_load_id(stg_dir: Path, loads: pl.DataFrame) -> int:
    """A load number never given before: the staging folder's counter (kept even when a load fails) and the
    warehouse's history, whichever is higher, plus one. Called under the writer lock."""
    counter = stg_dir / ".load_seq"
    try:
        last = int(counter.read_text(encoding="utf-8").strip() or 0)
    except (OSError, ValueError):
        last = 0
    load_id = max(last, int(loads["load_id"].max() or 0) if loads.height else 0) + 1
    tmp = counter.with_name(f".load_seq.{os.getpid()}")
    tmp.write_text(str(load_id), encoding="utf-8")
    os.replace(tmp, counter)
    return load_id


def _clean_leftovers(settings: Settings) -> None:
    """What killed loads left: half-built warehouses, staging parts, temporary links (under the lock)."""
    clean_leftovers(settings.warehouse)
    shutil.rmtree(settings.staging / "_parts", ignore_errors=True)
    shutil.rmtree(settings.staging / "_spill", ignore_errors=True)  # a killed build's spilled temporary files
    for p in settings.warehouse.parent.glob(f".{settings.warehouse.name}.*.link"):
        p.unlink(missing_ok=True)


def _load_rows(report: LoadReport) -> pl.DataFrame:
    now = datetime.now().replace(microsecond=0)
    return pl.DataFrame(
        [
            {
                "load_id": report.load_id,
                "waktu": now,
                "berkas": f.berkas,
                "jenis": f.jenis,
                "status": f.status,
                "sha256": f.sha256,
                "diganti": f.diganti,
                "replaced": f.replaced,
                "dibaca": f.dibaca,
                "dimuat": f.dimuat,
                "ditolak": f.ditolak,
                "pesan": f.pesan,
                "message": f.message,
                # the command line may load any place's rows: its loads count as every place's
                "lokasi": list(report.places) if report.places is not None else list(PLACES),
            }
            for f in report.files
        ],
        schema=LOAD_SCHEMA,
    )


def replaced_text(kind: str, removed: pl.DataFrame) -> tuple[str, str]:
    """What a load replaced of its source, for the load log: 'Jambi 2026-10: 1108 baris' per place and period
    (a roster: per place, with how many employees it no longer lists)."""
    ids, ens = [], []
    for r in removed.iter_rows(named=True):
        where = " ".join(x for x in (r[staging.PLACE] or "?", r.get("periode")) if x)
        if kind == "pegawai":
            day = r["per_tanggal"].isoformat() if r.get("per_tanggal") else "?"
            ids.append(f"{r[staging.PLACE] or '?'} per {day}: {r['n']} baris, {r['n_keluar']} pegawai tidak lagi tercantum")
            ens.append(f"{r[staging.PLACE] or '?'} as of {day}: {r['n']} rows, {r['n_keluar']} employees no longer listed")
        else:
            ids.append(f"{where}: {r['n']} baris")
            ens.append(f"{where}: {r['n']} rows")
    return "; ".join(ids), "; ".join(ens)


def _commit(
    settings: Settings,
    manifest: dict,
    parts: dict,
    report: LoadReport,
    stamp: str,
    places: pl.DataFrame | None = None,
    owners: dict | None = None,
) -> None:
    """Write new staging files, build a new warehouse beside the old, then swap it in.

    Until the swap nothing the current warehouse names is touched; on any failure the files this load
    wrote are removed again.
    """
    stg = settings.staging
    files = manifest["files"]
    written: list[Path] = []
    try:
        for (kind, src), paths in parts.items():
            old_row = files.filter((pl.col("jenis") == kind) & (pl.col("sumber") == src))
            old = pl.scan_parquet(stg / old_row["path"][0]) if old_row.height else None
            rel = f"{kind}/{src}__{stamp}.parquet"
            (stg / kind).mkdir(parents=True, exist_ok=True)
            written.append(stg / rel)
            if old is None and len(paths) == 1:
                os.replace(paths[0], stg / rel)  # a new source: its part is already the staging file
            else:
                merged, removed = staging.merge_source(old, pl.scan_parquet(paths), kind, places)
                merged.sink_parquet(stg / rel)
                for result in (owners or {}).get((kind, src), []):
                    result.diganti, result.replaced = replaced_text(kind, removed)
            files = pl.concat(
                [
                    files.filter(~((pl.col("jenis") == kind) & (pl.col("sumber") == src))),
                    pl.DataFrame({"jenis": [kind], "sumber": [src], "path": [rel]}),
                ]
            )
        rej_rel = f"_rejects/{stamp}.parquet"
        (stg / "_rejects").mkdir(parents=True, exist_ok=True)
        written.append(stg / rej_rel)
        report.rejects.with_columns(pl.lit(report.load_id).alias("load_id")).write_parquet(stg / rej_rel)
        loads = pl.concat([manifest["loads"], _load_rows(report)], how="diagonal_relaxed")  # older logs lack new columns
        rejects = manifest["rejects_files"] + [rej_rel]
        report.tahap = build_warehouse(settings, files, loads, rejects)
    except BaseException:
        for p in written:
            with contextlib.suppress(OSError):
                p.unlink()
        raise
    _sweep(stg, files, rejects, manifest["files"])


def _sweep(stg: Path, files: pl.DataFrame, rejects: list[str], previous: pl.DataFrame) -> None:
    """Remove staging files that neither the committed warehouse nor the one before it names.

    The warehouse reads its largest facts from these files, so a reader still holding the previous
    version keeps working until the next load.
    """
    keep = set(files["path"].to_list()) | set(previous["path"].to_list()) | set(rejects)
    for p in stg.rglob("*.parquet"):
        rel = p.relative_to(stg).as_posix()
        if rel not in keep:
            with contextlib.suppress(OSError):
                os.remove(p)


def profiles_dir(settings: Settings) -> Path:
    """Where the office's own mapping profiles are kept (setting paths.profiles, else beside the staging files)."""
    return settings.path("profiles") if "profiles" in settings.raw.get("paths", {}) else settings.staging / "_profiles"


def load_paths(paths: list[Path], settings: Settings, **kw) -> LoadReport:
    """Load files from disk, reading each only when its turn comes."""
    return load_files([(p.name, Path(p)) for p in paths], settings, **kw)
