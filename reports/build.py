"""The reports: one PDF per analysis page (what the page shows for the same filters and reader) and the regional
report pack. Each returns the PDF's bytes."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl

from domain.periods import bounds
from reports import sections
from reports.context import Context, document
from reports.doc import Column, Document
from reports.text import col, tr
from ui import fmt
from warehouse import queries
from warehouse.db import Filters

Section = Callable[[Document, Context], None]
# how many names the coaching and recognition sections list (readers who see people only)
NAMES = 25

PAGE_SECTIONS: dict[str, list[Section]] = {
    "ringkasan": [sections.headline, sections.predikat_mix, sections.changes, sections.curve],
    "skor": [sections.predikat_mix, sections.scores_opd, sections.indicators],
    "tren": [sections.trends],
    "bandingkan": [sections.compare],
    "umpan_balik": [sections.ikm_units],
    "pembinaan": [lambda d, c: sections.coaching(d, c, names=NAMES)],
    "penghargaan": [lambda d, c: sections.recognition(d, c, names=NAMES)],
}
PAGES = (*PAGE_SECTIONS, "profil")
PACK_SECTIONS: list[Section] = [
    sections.headline,
    sections.predikat_mix,
    sections.curve,
    sections.trends,
    sections.compare,
    lambda d, c: sections.coaching(d, c, names=NAMES),
    lambda d, c: sections.recognition(d, c, names=NAMES),
    sections.compliance,
    sections.ikm_units,
    lambda d, c: sections.changes(d, c, top=10),
]


def page_report(ctx: Context, page: str, nip: str | None = None) -> bytes:
    """The PDF of one analysis page for the context's filters and reader."""
    if page == "profil":
        return profile_report(ctx, nip or "")
    if page not in PAGE_SECTIONS:
        raise ValueError(f"no report for page {page!r}")
    doc = document(ctx, tr(f"rep_{page}", ctx.lang), wide=page in ("skor", "bandingkan"))
    for section in PAGE_SECTIONS[page]:
        section(doc, ctx)
    return doc.pdf()


def profile_report(ctx: Context, nip: str) -> bytes:
    """One employee's profile (readers who see people and whose scope holds the employee), else a refusal page."""
    lg = ctx.lang
    prof = queries.employee_profile(ctx.con, ctx.scope, nip) if ctx.sees_people and nip else None
    doc = document(ctx, tr("rep_profil", lg))
    if prof is None:
        doc.text(tr("not_found", lg))
        return doc.pdf()
    e = prof["employee"].row(0, named=True)
    nip_text = fmt.mask_nip(e["nip"]) if ctx.settings.section("privacy").get("mask_nip", True) else e["nip"]
    facts = [(col("nama", lg), e["nama"]), (col("nip", lg), nip_text), (col("jabatan", lg), e.get("jabatan") or "–")]
    facts += [(col(k, lg), e.get(k) or "–") for k in ("lokasi", "opd", "unit_kerja", "golongan")]
    doc.table([Column("k", "", 1), Column("v", "", 3)], [list(x) for x in facts])
    doc.heading(tr("profile_history", lg))
    hist = prof["history"]
    cols = [
        Column("periode", col("periode", lg), 1),
        Column("hasil_kerja", col("hasil_kerja", lg), 1, True),
        Column("perilaku", col("perilaku", lg), 1, True),
        Column("predikat", col("predikat", lg), 1.3),
        Column("opd", col("opd", lg), 2),
    ]
    body = [
        [
            ctx.period(r["periode"], long=False),
            ctx.num(r["hasil_kerja"]),
            ctx.num(r["perilaku"]),
            r["predikat"] or "–",
            r["opd"] or "–",
        ]
        for r in hist.iter_rows(named=True)
    ]
    doc.table(cols, body)
    return doc.pdf()


def pack_filters(con, lokasi: tuple[str, ...], opd: tuple[str, ...], periode: str, months: int = 12) -> Filters:
    """The pack's filters: the place (or OPD), and the `months` appraisal periods up to `periode` (the latest
    period in the warehouse when `periode` is later than all of them)."""
    keys = queries.periods(con)
    end = bounds(periode)[1]
    upto = keys.filter(pl.col("periode_mulai") < end).sort("periode_mulai")["periode"].to_list()
    if not upto:
        return Filters(dari=periode, sampai=periode, lokasi=lokasi, opd=opd)
    window = upto[-months:]
    return Filters(dari=window[0], sampai=window[-1], lokasi=lokasi, opd=opd)


def pack(ctx: Context) -> bytes:
    """The regional report pack: headline figures with changes, predikat mix and curve check, trends, OPD
    comparison with uncertainty, coaching and recognition, SKP compliance, IKM per service unit with mutu, what
    changed most."""
    place = ", ".join([*ctx.f.opd, *ctx.f.lokasi]) or tr("all", ctx.lang)
    doc = document(ctx, f"{tr('rep_pack', ctx.lang)} — {place}, {ctx.period(ctx.f.sampai)}")
    for section in PACK_SECTIONS:
        section(doc, ctx)
    return doc.pdf()
