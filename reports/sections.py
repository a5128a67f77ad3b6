"""Report sections, each from the query the matching page calls (warehouse.queries) with the reader's scope:
the page PDFs and the regional pack are lists of these."""

from __future__ import annotations

import polars as pl

from reports import charts
from reports.context import Context
from reports.doc import Column, Document
from reports.text import col, tr, value
from ui import text_talenta  # noqa: F401  (registers the compliance columns' labels)
from ui.charts import PLACE_COLOURS, PREDIKAT_COUNT_COLS
from warehouse import queries, talenta

PREDIKAT = list(PREDIKAT_COUNT_COLS)


def _place_order(frame: pl.DataFrame) -> pl.DataFrame:
    order = {p: i for i, p in enumerate(PLACE_COLOURS)}
    return frame.sort(pl.col("lokasi").replace_strict(order, default=9), "lokasi")


def _delta(ctx: Context, now, before, d: int = 1, scale: float = 1.0, unit: str = "") -> str:
    if now is None or before is None:
        return ""
    ch = (now - before) * scale
    arrow = "▲ " if round(ch, d) > 0 else ("▼ " if round(ch, d) < 0 else "")
    sign = "+" if ch > 0 else ("−" if ch < 0 else "")
    return f"{arrow}{sign}{ctx.num(abs(ch), d)}{unit}"


def _grade(ctx: Context, k: float | None) -> str:
    if k is None:
        return "–"
    e = ctx.settings.section("skm")
    return "A" if k >= e["a_min"] else "B" if k >= e["b_min"] else "C" if k >= e["c_min"] else "D"


def headline(doc: Document, ctx: Context) -> None:
    """Per place: employees, mean work result, share Sangat Baik, share below Baik and IKM, each with its change."""
    head = _place_order(queries.overview(ctx.con, ctx.f, ctx.scope)["head"])
    lg = ctx.lang
    doc.heading(tr("headline", lg))
    if head.is_empty():
        doc.text(tr("no_rows", lg))
        return
    r0 = head.row(0, named=True)
    prev = tr("vs_prev", lg, p=ctx.period(r0["periode_lalu"])) if r0["periode_lalu"] else tr("no_prev", lg)
    doc.text(f"{ctx.period(r0['periode'])} · {prev}", "h2")
    ikm = queries.ikm_by_place(ctx.con, ctx.f, ctx.scope).sort("periode")
    for r in head.iter_rows(named=True):
        part = ikm.filter(pl.col("lokasi") == r["lokasi"])
        k = part["ikm_konversi"][-1] if part.height else None
        k0 = part["ikm_konversi"][-2] if part.height > 1 else None
        doc.text(r["lokasi"], "h2")
        doc.figures(
            [
                (tr("employees", lg), ctx.num(r["n"], 0), _delta(ctx, r["n"], r["n_lalu"], 0)),
                (tr("mean_score", lg), ctx.num(r["rata_hasil"], 1), _delta(ctx, r["rata_hasil"], r["rata_hasil_lalu"], 1)),
                (tr("share_sb", lg), ctx.pct(r["share_sangat_baik"], 1), ""),
                (tr("share_below", lg), ctx.pct(r["bawah"], 1), _delta(ctx, r["bawah"], r["bawah_lalu"], 1, 100, " pp")),
                (tr("ikm", lg), f"{ctx.num(k, 2)} ({_grade(ctx, k)})" if k is not None else "–", _delta(ctx, k, k0, 2)),
            ]
        )


def predikat_mix(doc: Document, ctx: Context) -> None:
    """The predikat shares of the last period per place, as the Skor page's stacked bars."""
    head = _place_order(queries.overview(ctx.con, ctx.f, ctx.scope)["head"])
    doc.heading(tr("predikat_mix", ctx.lang))
    if head.is_empty():
        doc.text(tr("no_rows", ctx.lang))
        return
    rows = []
    for r in head.iter_rows(named=True):
        shares = [(r[c] or 0) / r["n_predikat"] if r["n_predikat"] else 0.0 for c in PREDIKAT_COUNT_COLS.values()]
        rows.append((r["lokasi"], shares))
    doc.chart(charts.stacked_shares(rows, PREDIKAT, doc.width, lambda v: ctx.pct(v, 0)), ctx.period(head["periode"][0]))
    cols = (
        [Column("lokasi", col("lokasi", ctx.lang), 1.4)]
        + [Column(p, p, 1, True) for p in PREDIKAT]
        + [Column("n", "n", 0.7, True)]
    )
    body = [
        [
            r["lokasi"],
            *[
                f"{ctx.num(r[c], 0)} ({ctx.pct((r[c] or 0) / r['n_predikat'] if r['n_predikat'] else None)})"
                for c in PREDIKAT_COUNT_COLS.values()
            ],
            ctx.num(r["n_predikat"], 0),
        ]
        for r in head.iter_rows(named=True)
    ]
    doc.table(cols, body)


def curve(doc: Document, ctx: Context, limit: int | None = None) -> None:
    """The units whose predikat mix breaks the distribution curve, with the rules each breaks."""
    br = queries.distribution_breaks(ctx.con, ctx.f, ctx.scope)
    lg = ctx.lang
    doc.heading(tr("curve", lg))
    if br.is_empty():
        doc.text(tr("curve_none", lg))
        return
    doc.text(tr("curve_count", lg, units=ctx.num(br.select("lokasi", "opd", "unit_kerja").n_unique(), 0)))
    last = br.filter(pl.col("periode") == br["periode"].max())
    cols = [
        Column("lokasi", col("lokasi", lg), 0.8),
        Column("opd", col("opd", lg), 1.6),
        Column("unit_kerja", col("unit_kerja", lg), 1.8),
        Column("periode", col("periode", lg), 0.9),
        Column("n", "n", 0.5, True),
        Column("pelanggaran", "Pelanggaran" if lg == "id" else "Rule broken", 2.6),
    ]
    rows = [
        [
            r["lokasi"],
            r["opd"],
            r["unit_kerja"],
            ctx.period(r["periode"], long=False),
            ctx.num(r["n"], 0),
            "; ".join(value("pelanggaran", c, lg) for c in r["pelanggaran"] or []),
        ]
        for r in (last.head(limit) if limit else last).iter_rows(named=True)
    ]
    doc.table(cols, rows, ctx.period(last["periode"][0]))


def trends(doc: Document, ctx: Context) -> None:
    """Mean work result per place and period (Tren page), and IKM per place and survey quarter."""
    per = queries.scores_by(ctx.con, ctx.f, ctx.scope, ["lokasi", "periode"]).sort("periode")
    lg = ctx.lang
    doc.heading(tr("trends", lg))
    if per.is_empty():
        doc.text(tr("no_rows", lg))
        return
    periods = per["periode"].unique().sort().to_list()
    series = {}
    for place in _place_order(per.select("lokasi").unique())["lokasi"]:
        by = dict(per.filter(pl.col("lokasi") == place).select("periode", "rata_hasil").iter_rows())
        series[place] = [by.get(p) for p in periods]
    labels = [ctx.period(p, long=False) for p in periods]
    doc.chart(
        charts.lines(series, labels, doc.width, lambda v: ctx.num(v, 0), fine=lambda v: ctx.num(v, 1)), tr("trend_caption", lg)
    )
    ikm = queries.ikm_by_place(ctx.con, ctx.f, ctx.scope).sort("periode")
    if ikm.height:
        qs = ikm["periode"].unique().sort().to_list()
        s2 = {
            p: [dict(ikm.filter(pl.col("lokasi") == p).select("periode", "ikm_konversi").iter_rows()).get(q) for q in qs]
            for p in series
            if p in ikm["lokasi"]
        }
        doc.chart(
            charts.lines(s2, [ctx.period(q, long=False) for q in qs], doc.width, lambda v: ctx.num(v, 1), 140),
            ctx.label("trend_ikm"),
        )


def compare(doc: Document, ctx: Context) -> None:
    """OPD means with their confidence intervals, too-small groups marked (Bandingkan page)."""
    cfg = ctx.settings.section("banding")
    data = queries.compare_opd(ctx.con, ctx.f, ctx.scope, cfg["min_group"], cfg["confidence"])
    lg = ctx.lang
    doc.heading(tr("compare", lg))
    if data.is_empty():
        doc.text(tr("no_rows", lg))
        return
    data = data.sort("rata_hasil", descending=True)
    rows = [
        (f"{r['opd']} ({r['lokasi']})", r["rata_hasil"], r["ci_bawah"], r["ci_atas"], r["terlalu_kecil"], r["lokasi"])
        for r in data.iter_rows(named=True)
    ]
    caption = tr("compare_caption", lg, c=ctx.num(cfg["confidence"] * 100, 0), k=ctx.num(cfg["min_group"], 0))
    for i in range(0, len(rows), 45):  # a long list is drawn in page-sized parts
        doc.chart(
            charts.intervals(rows[i : i + 45], doc.width, lambda v: ctx.num(v, 0)), caption if i + 45 >= len(rows) else None
        )
    cols = [
        Column("lokasi", col("lokasi", lg), 0.8),
        Column("opd", col("opd", lg), 2.2),
        Column("n", "n", 0.5, True),
        Column("rata_hasil", col("rata_hasil", lg), 1, True),
        Column("ci", f"{ctx.num(cfg['confidence'] * 100, 0)}% CI", 1.3, True),
        Column("kecil", tr("too_small", lg), 0.8),
    ]
    body = [
        [
            r["lokasi"],
            r["opd"],
            ctx.num(r["n"], 0),
            ctx.num(r["rata_hasil"], 1),
            f"{ctx.num(r['ci_bawah'], 1)} – {ctx.num(r['ci_atas'], 1)}",
            "✓" if r["terlalu_kecil"] else "",
        ]
        for r in data.iter_rows(named=True)
    ]
    doc.table(cols, body)


def scores_opd(doc: Document, ctx: Context) -> None:
    """Scores per OPD over the range (Skor page's table), with a bar per OPD."""
    lv = queries.scores_levels(ctx.con, ctx.f, ctx.scope, ["lokasi", "opd"], (("lokasi", "opd"),))[("lokasi", "opd")]
    lg = ctx.lang
    doc.heading(tr("scores_opd", lg))
    if lv.is_empty():
        doc.text(tr("no_rows", lg))
        return
    lv = lv.sort("rata_hasil", descending=True, nulls_last=True)
    fills = [charts.place_colour(p) for p in lv["lokasi"]]
    labels = [f"{o} ({p})" for o, p in zip(lv["opd"], lv["lokasi"], strict=True)]
    for i in range(0, lv.height, 50):
        doc.chart(
            charts.hbars(
                labels[i : i + 50], lv["rata_hasil"].to_list()[i : i + 50], doc.width, lambda v: ctx.num(v, 1), fills[i : i + 50]
            )
        )
    cols = [
        Column("lokasi", col("lokasi", lg), 0.8),
        Column("opd", col("opd", lg), 2.2),
        Column("n", "n", 0.6, True),
        Column("rata_hasil", col("rata_hasil", lg), 1, True),
        Column("sb", tr("share_sb", lg), 0.9, True),
        Column("bawah", tr("share_below", lg), 0.9, True),
    ]
    below = ["share_butuh_perbaikan", "share_kurang", "share_sangat_kurang"]
    body = [
        [
            r["lokasi"],
            r["opd"],
            ctx.num(r["n"], 0),
            ctx.num(r["rata_hasil"], 1),
            ctx.pct(r["share_sangat_baik"]),
            ctx.pct(sum(r[c] or 0 for c in below) if r["n_predikat"] else None),
        ]
        for r in lv.iter_rows(named=True)
    ]
    doc.table(cols, body)


def indicators(doc: Document, ctx: Context) -> None:
    """Indicator results (Skor page): mean capaian and share meeting target."""
    ind = queries.indicator_capaian(ctx.con, ctx.f, ctx.scope)
    lg = ctx.lang
    doc.heading(tr("indicators", lg))
    cols = [
        Column("indikator", col("indikator", lg), 3),
        Column("n", "n", 0.6, True),
        Column("rata_capaian", col("rata_capaian", lg), 1, True),
        Column("share_capai", col("share_capai", lg), 1, True),
    ]
    body = [
        [r["indikator"], ctx.num(r["n"], 0), ctx.num(r["rata_capaian"], 1), ctx.pct(r["share_capai"])]
        for r in ind.iter_rows(named=True)
    ]
    doc.table(cols, body)


def ikm_units(doc: Document, ctx: Context) -> None:
    """IKM and mutu per service unit in the latest survey period (Umpan balik page), bars in the mutu colours."""
    units = queries.ikm_units(ctx.con, ctx.f, ctx.scope)
    lg = ctx.lang
    min_n = int(ctx.settings.section("skm")["min_respondents"])
    doc.heading(tr("ikm_units", lg))
    if units.is_empty():
        doc.text(tr("no_rows", lg))
        return
    # one quarter, as the page shows it: the latest whose months are covered enough, never a quarter still filling
    minimum = float(ctx.settings.section("periode").get("cakupan_min", 0.8))
    quarters = queries.ikm_quarters(queries.ikm_coverage(ctx.con, ctx.f, ctx.scope), minimum)
    quarters = quarters.filter(pl.col("periode").is_in(units["periode"].unique().to_list()))
    full = quarters.filter("lengkap")
    shown = (full if full.height else quarters).row(-1, named=True) if quarters.height else None
    key = shown["periode"] if shown else units["periode"].max()
    last = units.filter(pl.col("periode") == key).sort("ikm_konversi", descending=True)
    prev = units.filter(pl.col("periode") < key)
    before = prev.sort("periode").group_by("lokasi", "unit_layanan").agg(pl.col("ikm_konversi").last().alias("lalu"))
    last = last.join(before, on=["lokasi", "unit_layanan"], how="left")
    labels = [f"{u} ({p})" for u, p in zip(last["unit_layanan"], last["lokasi"], strict=True)]
    fills = [charts.mutu_colour(m) for m in last["mutu"]]
    doc.chart(
        charts.hbars(labels, last["ikm_konversi"].to_list(), doc.width, lambda v: ctx.num(v, 2), fills, 0, 100),
        ctx.period(key) + ("" if shown is None or shown["lengkap"] else " — " + tr("ikm_partial", lg, m=shown["n_bulan"])),
    )
    cols = [
        Column("unit", col("unit_layanan", lg), 2.4),
        Column("lokasi", col("lokasi", lg), 0.8),
        Column("n", col("n_responden", lg), 1.0, True),
        Column("ikm", col("ikm_konversi", lg), 0.9, True),
        Column("mutu", col("mutu", lg), 0.9),
        Column("ch", tr("change_col", lg), 1.0, True),
    ]
    body = [
        [
            r["unit_layanan"],
            r["lokasi"],
            ctx.num(r["n_responden"], 0) + (" *" if r["n_responden"] < min_n else ""),
            ctx.num(r["ikm_konversi"], 2),
            tr(f"mutu_{r['mutu']}", lg),
            _delta(ctx, r["ikm_konversi"], r["lalu"], 2),
        ]
        for r in last.iter_rows(named=True)
    ]
    doc.table(cols, body)
    if (last["n_responden"] < min_n).any():  # the page's small-sample mark, here as a footnote
        doc.text("* " + tr("skm_small", lg, n=ctx.num(min_n, 0)), "small")


def coaching(doc: Document, ctx: Context, names: int = 0) -> None:
    """Coaching: counts per OPD and rule as of the last period; names (most urgent first) only for readers who see people."""
    summ = queries.coaching_summary(ctx.con, ctx.f, ctx.scope)
    lg = ctx.lang
    doc.heading(tr("coaching", lg))
    doc.text(tr("coaching_caption", lg), "small")
    cols = [
        Column("lokasi", col("lokasi", lg), 0.8),
        Column("opd", col("opd", lg), 2.2),
        Column("n", "n", 0.5, True),
        Column("n_predikat", "Predikat", 0.9, True),
        Column("n_berturut", "Berturut-turut" if lg == "id" else "Consecutive", 1, True),
        Column("n_tren", col("tren", lg), 0.8, True),
    ]
    doc.table(
        cols,
        [
            [r["lokasi"], r["opd"], *[ctx.num(r[c], 0) for c in ("n", "n_predikat", "n_berturut", "n_tren")]]
            for r in summ.iter_rows(named=True)
        ],
    )
    if names and ctx.sees_people:
        people = queries.coaching_list(ctx.con, ctx.f, ctx.scope, limit=names)
        _people_table(doc, ctx, people, ["hasil_kerja", "predikat"])


def recognition(doc: Document, ctx: Context, names: int = 0) -> None:
    """Recognition: who qualifies, counted per OPD; names (best first) only for readers who see people."""
    rec = queries.recognition_list(ctx.con, ctx.f, ctx.scope, limit=None)
    lg = ctx.lang
    doc.heading(tr("recognition", lg))
    k = ctx.scope.min_group if ctx.scope.suppresses else 0
    per = (
        rec.group_by("lokasi", "opd")
        .agg(pl.len().alias("n"), pl.col("rata_hasil").mean())
        .filter(pl.col("n") >= k)
        .sort("n", descending=True)
    )
    doc.text(tr("recognition_count", lg, n=ctx.num(int(per["n"].sum()) if per.height else 0, 0)))
    cols = [
        Column("lokasi", col("lokasi", lg), 0.8),
        Column("opd", col("opd", lg), 2.2),
        Column("n", "n", 0.5, True),
        Column("rata_hasil", col("rata_hasil", lg), 1, True),
    ]
    doc.table(cols, [[r["lokasi"], r["opd"], ctx.num(r["n"], 0), ctx.num(r["rata_hasil"], 1)] for r in per.iter_rows(named=True)])
    if names and ctx.sees_people:
        _people_table(doc, ctx, rec.head(names), ["rata_hasil", "predikat"])


def _people_table(doc: Document, ctx: Context, people: pl.DataFrame, figures: list[str]) -> None:
    lg = ctx.lang
    cols = [Column("nama", col("nama", lg), 1.6), Column("opd", col("opd", lg), 1.6), Column("jabatan", col("jabatan", lg), 1.8)]
    cols += [Column(c, col(c, lg), 1.3 if c == "predikat" else 0.9, c != "predikat") for c in figures]
    body = [
        [r["nama"], r["opd"], r["jabatan"] or "–", *[ctx.num(r[c], 1) if c != "predikat" else (r[c] or "–") for c in figures]]
        for r in people.iter_rows(named=True)
    ]
    doc.table(cols, body)


def changes(doc: Document, ctx: Context, top: int = 5) -> None:
    """The OPDs whose mean work result changed most over the range (Ringkasan's list: its five; the pack more)."""
    ch = queries.overview(ctx.con, ctx.f, ctx.scope, top=top)["changes"]
    lg = ctx.lang
    doc.heading(tr("changes", lg))
    if ch.is_empty():
        doc.text(tr("no_rows", lg))
        return
    doc.text(f"{ctx.period(ch['dari'][0])} → {ctx.period(ch['sampai'][0])}", "small")
    cols = [
        Column("lokasi", col("lokasi", lg), 0.8),
        Column("opd", col("opd", lg), 2.2),
        Column("awal", col("awal", lg), 0.9, True),
        Column("akhir", col("akhir", lg), 0.9, True),
        Column("perubahan", col("perubahan", lg), 0.9, True),
        Column("n", "n", 0.5, True),
    ]
    body = [
        [r["lokasi"], r["opd"], ctx.num(r["awal"]), ctx.num(r["akhir"]), _delta(ctx, r["akhir"], r["awal"]), ctx.num(r["n"], 0)]
        for r in ch.iter_rows(named=True)
    ]
    doc.table(cols, body)


def compliance(doc: Document, ctx: Context) -> None:
    """SKP compliance per OPD for the report's last period (Kepatuhan SKP page): who is due an SKP, the shares
    with an SKP, a realisasi and a predikat, the excused apart; an aggregate reader's small OPDs left out."""
    lg = ctx.lang
    periode = ctx.f.sampai
    doc.heading(f"{tr('compliance', lg)} · {ctx.period(periode)}")
    by_opd = talenta.compliance_by_opd(ctx.con, ctx.f, ctx.scope, periode) if periode else pl.DataFrame()
    if by_opd.is_empty():
        doc.text(tr("no_rows", lg))
        return
    due = int(by_opd["n_wajib"].sum())
    shares = {c: (by_opd[f"n_{c}"].sum() / due if due else None) for c in ("skp", "realisasi", "rating")}
    doc.text(
        tr(
            "compliance_caption",
            lg,
            due=ctx.num(due, 0),
            skp=ctx.pct(shares["skp"]),
            realisasi=ctx.pct(shares["realisasi"]),
            rating=ctx.pct(shares["rating"]),
            excused=ctx.num(int(by_opd["n_dikecualikan"].sum()), 0),
        ),
        "small",
    )
    worst = _place_order(by_opd).sort("share_skp", "share_rating", nulls_last=True)
    cols = [
        Column("lokasi", col("lokasi", lg), 0.8),
        Column("opd", col("opd", lg), 2.0),
        Column("n", col("n_wajib", lg), 0.8, True),
        Column("skp", col("share_skp", lg), 0.8, True),
        Column("real", col("share_realisasi", lg), 0.9, True),
        Column("rating", col("share_rating", lg), 0.9, True),
        Column("excl", col("n_dikecualikan", lg), 1.1, True),
    ]
    body = [
        [
            r["lokasi"],
            r["opd"],
            ctx.num(r["n_wajib"], 0),
            *[ctx.pct(r[f"share_{c}"]) for c in ("skp", "realisasi", "rating")],
            ctx.num(r["n_dikecualikan"], 0),
        ]
        for r in worst.iter_rows(named=True)
    ]
    doc.table(cols, body)
