"""Who a report is for and what it covers: the warehouse connection, the filters, the reader's scope (the same
`Scope` the pages use), the language, and the header rows every report prints about itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import duckdb
import polars as pl

from appdb.principal import ROLE_LABELS, Principal
from reports.doc import Document, Meta
from reports.text import tr
from settings import ROOT, Settings
from ui import fmt
from ui.i18n import T
from warehouse import queries
from warehouse.db import Filters, Scope

WIB = ZoneInfo("Asia/Jakarta")
FILTER_KEYS = ("lokasi", "opd", "unit_kerja", "jenis_jabatan", "golongan", "status_asn")


@dataclass(frozen=True)
class Context:
    """Everything a report builder needs; `who` None is the command line (unrestricted scope)."""

    con: duckdb.DuckDBPyConnection
    f: Filters
    scope: Scope
    lang: str
    settings: Settings
    who: Principal | None = None
    via: str = ""  # how it was made when not by the reader's own click: "subscription" ...

    @property
    def sees_people(self) -> bool:
        """Whether names may appear: never for the aggregate viewer, whatever its scope says."""
        return not self.scope.aggregate_only and (self.who is None or self.who.sees_people)

    def num(self, v, d: int = 1) -> str:
        return fmt.num(v, d, self.lang)

    def pct(self, v, d: int = 1) -> str:
        return fmt.pct(v, d, self.lang)

    def period(self, key: str | None, long: bool = True) -> str:
        return fmt.period(key, self.lang, long=long)

    def label(self, key: str) -> str:
        """A label of the dashboard's own (ui.i18n.T) in this report's language."""
        pair = T[key]
        return pair[1] if self.lang == "en" else pair[0]


def now_wib() -> dt.datetime:
    return dt.datetime.now(WIB)


def when_text(moment: dt.datetime, lang: str) -> str:
    """'7 Desember 2026, 13.05 WIB' / '7 December 2026, 13:05 WIB'."""
    local = moment.astimezone(WIB)
    clock = f"{local:%H.%M}" if lang == "id" else f"{local:%H:%M}"
    return f"{fmt.day(local.date(), lang)}, {clock} WIB"


def filters_in_words(ctx: Context) -> list[tuple[str, str]]:
    """The period and every filter, written out ('semua' where none is set)."""
    f, lg = ctx.f, ctx.lang
    if f.dari or f.sampai:
        period = f"{ctx.period(f.dari)} – {ctx.period(f.sampai)}" if f.dari != f.sampai else ctx.period(f.dari)
    else:
        period = tr("all_periods", lg)
    rows = [(tr("period", lg), period)]
    shown = [(ctx.label(k), ", ".join(getattr(f, k))) for k in FILTER_KEYS if getattr(f, k)]
    rest = [ctx.label(k) for k in FILTER_KEYS if not getattr(f, k)]
    rows.append((tr("filters", lg), "; ".join(f"{k}: {v}" for k, v in shown) or tr("all", lg)))
    if shown and rest:
        rows[-1] = (tr("filters", lg), rows[-1][1] + f" ({', '.join(rest)}: {tr('all', lg)})")
    return rows


def scope_words(ctx: Context) -> str:
    """The reader: role and places (or 'command line')."""
    who, lg = ctx.who, ctx.lang
    if who is None:
        return "baris perintah (tanpa batas cakupan)" if lg == "id" else "command line (unrestricted)"
    role = ROLE_LABELS.get(who.role, (who.role, who.role))[1 if lg == "en" else 0]
    places = ", ".join([*who.lokasi, *who.opd]) or "–"
    return f"{who.display_name or who.username} ({who.username}) · {role} · {places}"


def as_of(ctx: Context) -> list[tuple[str, str]]:
    """The data's as-of time and the loads behind it, as far as the reader may see them."""
    fresh = queries.freshness(ctx.con)
    loads = queries.loads_seen(ctx.con, ctx.scope)
    if loads.is_empty():
        load_text = "–"
    else:
        per = loads.group_by("load_id").agg(pl.len().alias("n"), pl.col("waktu").max()).sort("load_id", descending=True)
        files = "berkas" if ctx.lang == "id" else "files"
        load_text = "; ".join(
            f"#{r['load_id']} ({r['n']} {files}, {fmt.day(r['waktu'], ctx.lang)})" for r in per.head(5).iter_rows(named=True)
        )
    span = f"{ctx.period(fresh['dari'])} – {ctx.period(fresh['sampai'])}"
    return [(tr("as_of", ctx.lang), f"{fmt.day(fresh['waktu'], ctx.lang)} ({span})"), (tr("loads", ctx.lang), load_text)]


def logo_path(settings: Settings) -> Path | None:
    raw = str(settings.section("laporan").get("logo") or "")
    if not raw:
        return None
    p = Path(raw)
    return p if p.is_absolute() else ROOT / p


def document(
    ctx: Context, title: str, extra: list[tuple[str, str]] | None = None, wide: bool = False, public: bool = False
) -> Document:
    """A Document whose header carries the agency, the title, filters in words, as-of, reader and time (WIB);
    `public` (a publication) names no reader and no file."""
    cfg = ctx.settings.section("laporan")
    lg = ctx.lang
    if public:
        rows = [*(extra or []), as_of(ctx)[0]]
    else:
        rows = [*(extra or []), *filters_in_words(ctx), *as_of(ctx), (tr("scope", lg), scope_words(ctx))]
    made = when_text(now_wib(), lg) + (f" ({tr('scheduled_by', lg)})" if ctx.via == "subscription" else "")
    rows.append((tr("generated_at", lg), made))
    meta = Meta(
        title=title, lang=lg, agency=str(cfg.get("instansi", "")), logo=logo_path(ctx.settings), rows=rows, landscape=wide
    )
    doc = Document(meta)
    if not ctx.sees_people and not public:
        doc.text(tr("aggregate_note", lg, k=ctx.scope.min_group), "small")
    return doc
