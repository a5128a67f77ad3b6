"""The SKM publication of one service unit and survey period, in the form PermenPANRB 14/2017 asks units to
publish: IKM and mutu, NRR per unsur, respondents and their profile, the three weakest unsur, and the unit's
follow-up plan. Counts and means only; small profile groups merged; fit to post publicly."""

from __future__ import annotations

import polars as pl
import sqlalchemy as sa

from appdb.reports import latest_plan
from domain.survey import SKM_WEIGHTS, UNSUR_LABELS
from reports import charts
from reports.context import Context, document, when_text
from reports.doc import Column
from reports.text import col, tr, value
from warehouse import queries
from warehouse.db import Filters
from warehouse.skm_publication import PROFILE_FIELDS, respondent_profile


def unit_row(ctx: Context, lokasi: str, unit: str, periode: str) -> dict | None:
    """fct_ikm's row of the unit and period as the reader may see it (ikm_units applies the scope), or None."""
    units = queries.ikm_units(ctx.con, Filters(lokasi=(lokasi,)), ctx.scope)
    row = units.filter((pl.col("unit_layanan") == unit) & (pl.col("periode") == periode))
    return row.row(0, named=True) if row.height else None


def nrr_table(row: dict) -> pl.DataFrame:
    """NRR per unsur with its label, weakest first flagged by rank (1 = weakest; ties by unsur order)."""
    frame = pl.DataFrame({"unsur": list(UNSUR_LABELS), "nrr": [row[f"nrr_{u}"] for u in UNSUR_LABELS]})
    return frame.with_columns(pl.col("nrr").rank("ordinal").alias("rank"))


def weakest(row: dict, n: int = 3) -> list[str]:
    """The `n` unsur with the lowest NRR (ties: the earlier unsur first)."""
    return nrr_table(row).sort("nrr", "unsur").head(n)["unsur"].to_list()


def _profile_label(kategori: str, nilai: str | None, lg: str) -> str:
    if nilai is None:
        return tr("unknown", lg)
    if kategori == "usia":
        lo, _, hi = nilai.partition("-")
        if nilai.endswith("+"):
            return tr("age_over", lg, a=nilai[:-1])
        return ("≤ " + hi + (" tahun" if lg == "id" else " years")) if lo == "0" else tr("age_group", lg, a=lo, b=hi)
    return value(kategori, nilai, lg)


def _profile(doc, ctx: Context, lokasi: str, unit: str, periode: str, total: int) -> None:
    prof = respondent_profile(ctx.con, ctx.scope, lokasi, unit, periode)
    k = int(ctx.settings.section("privacy").get("min_group", 5))
    lg = ctx.lang
    doc.heading(tr("skm_profile", lg))
    rows = []
    for field in PROFILE_FIELDS:
        part = prof.filter(pl.col("kategori") == field)
        small = part.filter(pl.col("n") < k)
        shown = part.filter(pl.col("n") >= k)
        items = [(_profile_label(field, v, lg), n) for v, n in shown.select("nilai", "n").iter_rows()]
        if small.height:  # groups under the minimum are merged: no published cell points at a few people
            items.append((tr("skm_other", lg), int(small["n"].sum())))
        for i, (label, n) in enumerate(items):
            rows.append([col(field, lg) if i == 0 else "", label, ctx.num(n, 0), ctx.pct(n / total if total else None)])
    cols = [Column("k", tr("skm_group", lg), 1.2), Column("v", "", 2), Column("n", tr("skm_count", lg), 0.8, True)]
    doc.table([*cols, Column("p", tr("skm_share", lg), 0.8, True)], rows)


def publication(ctx: Context, lokasi: str, unit: str, periode: str, engine: sa.Engine | None) -> bytes:
    """The publication's PDF; a refusal page when the unit and period are outside the reader's scope."""
    lg = ctx.lang
    cfg = ctx.settings.section("skm")
    title = f"{tr('rep_skm', lg)} — {unit}, {ctx.period(periode)}"
    row = unit_row(ctx, lokasi, unit, periode)
    extra = [(tr("skm_unit", lg), f"{unit} ({lokasi})"), (tr("skm_period", lg), ctx.period(periode))]
    doc = document(Context(**{**ctx.__dict__, "f": Filters(lokasi=(lokasi,))}), title, extra, public=True)
    if row is None:
        doc.text(tr("not_found", lg))
        return doc.pdf()
    num, den = SKM_WEIGHTS.get(str(cfg.get("weights", "equal")), (1, 9))
    weight = f"{num}/{den}" if (num, den) == (1, 9) else ctx.num(num / den, 3)
    doc.text(
        tr(
            "skm_basis",
            lg,
            w=weight,
            k=ctx.num(cfg["konversi"], 0),
            a=ctx.num(cfg["a_min"], 2),
            b=ctx.num(cfg["b_min"], 2),
            c=ctx.num(cfg["c_min"], 2),
        ),
        "small",
    )
    doc.text(f"{tr('skm_dates', lg)}: {when_text_date(ctx, row)}", "small")
    doc.heading(tr("skm_result", lg))
    doc.figures(
        [
            (tr("ikm", lg), ctx.num(row["ikm_konversi"], 2), ""),
            (tr("skm_ikm_raw", lg), ctx.num(row["ikm"], 3), ""),
            (tr("skm_mutu", lg), tr(f"mutu_{row['mutu']}", lg), ""),
            (tr("skm_respondents", lg), ctx.num(row["n_responden"], 0), ""),
        ]
    )
    if row["n_responden"] < cfg["min_respondents"]:
        doc.text(tr("skm_small", lg, n=ctx.num(cfg["min_respondents"], 0)))
    nrr = nrr_table(row)
    low = set(weakest(row))
    doc.heading(tr("skm_nrr", lg))
    labels = [f"{u.upper()} {value('unsur', u, lg)}" for u in nrr["unsur"]]
    fills = [charts.colour("#c62828") if u in low else charts.colour("#0072b2") for u in nrr["unsur"]]
    doc.chart(charts.hbars(labels, nrr["nrr"].to_list(), doc.width, lambda v: ctx.num(v, 3), fills, 0, 4))
    cols = [
        Column("u", tr("skm_unsur", lg), 3),
        Column("nrr", tr("skm_nrr_col", lg), 1, True),
        Column("w", tr("skm_nrr_w", lg), 1, True),
    ]
    body = [[lbl, ctx.num(v, 3), ctx.num(v * num / den, 3)] for lbl, v in zip(labels, nrr["nrr"], strict=True)]
    body.append([tr("skm_ikm_raw", lg), "", ctx.num(row["ikm"], 3)])
    doc.table(cols, body)
    doc.heading(tr("skm_weakest", lg))
    for u in weakest(row):
        doc.text(f"• {u.upper()} {value('unsur', u, lg)}: {ctx.num(row[f'nrr_{u}'], 3)}")
    _profile(doc, ctx, lokasi, unit, periode, int(row["n_responden"]))
    doc.heading(tr("skm_plan", lg))
    plan = latest_plan(engine, lokasi, unit, periode) if engine is not None else None
    if plan is None:
        doc.text(tr("skm_plan_none", lg))
    else:
        for line in plan["rencana"].splitlines():
            if line.strip():
                doc.text(line)
        doc.text(tr("skm_plan_at", lg, when=when_text(plan["created_at"], lg)), "small")
    doc.text(tr("skm_public", lg), "small")
    return doc.pdf()


def when_text_date(ctx: Context, row: dict) -> str:
    from ui import fmt

    return f"{fmt.day(row['tanggal_awal'], ctx.lang)} – {fmt.day(row['tanggal_akhir'], ctx.lang)}"
