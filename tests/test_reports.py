"""The PDF reports: the figures the pages show for the same filters (read back from the PDF's text), the filters
and as-of printed, no person in an aggregate viewer's PDF and nothing outside a Kepala OPD's OPD, tables that
repeat their header on every page, and the SKM publication against a plain reference computed from the survey
rows."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from decimal import ROUND_HALF_UP, Decimal

import polars as pl
import pytest
from pypdf import PdfReader

from appdb.engine import make_engine, migrate
from appdb.principal import Principal
from appdb.reports import latest_plan, save_plan
from reports.build import pack, page_report
from reports.context import Context
from reports.doc import Column, Document, Meta
from reports.skm import publication
from warehouse import queries
from warehouse.db import Filters, Scope, connect

ADMIN = Principal("admin-jambi", "admin", "Admin Jambi", lokasi=("Jambi",))
AGGREGATE = Principal("pantau", "agregat", "Pemantau", lokasi=("Jambi",))


def pages_text(pdf: bytes) -> list[str]:
    """Each page's text with whitespace runs made single spaces."""
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def num(v: float, d: int, lang: str) -> str:
    """A plain reference of the number formats: 1234.5 -> '1.234,5' (id) / '1,234.5' (en)."""
    text = f"{v:,.{d}f}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "id" else text


@pytest.fixture(scope="module")
def con(demo_settings):
    c = connect(str(demo_settings.warehouse))
    yield c
    c.close()


def ctx(con, settings, f=Filters(), scope=Scope(), lang="id", who=None) -> Context:
    return Context(con=con, f=f, scope=scope, lang=lang, settings=settings, who=who)


def agg_scope(settings) -> Scope:
    return AGGREGATE.scope(int(settings.section("privacy")["min_group"]))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_ringkasan_pdf_carries_the_page_figures_filters_and_as_of(con, demo_settings, lang):
    f = Filters(lokasi=("Jambi",))
    text = " ".join(pages_text(page_report(ctx(con, demo_settings, f, lang=lang), "ringkasan")))
    head = queries.overview(con, f, Scope())["head"].row(0, named=True)
    assert num(head["n"], 0, lang) in text
    assert num(head["rata_hasil"], 1, lang) in text
    assert num(head["share_sangat_baik"] * 100, 1, lang) + "%" in text
    place = "Lokasi: Jambi" if lang == "id" else "Place: Jambi"
    assert place in text
    assert ("Data per" if lang == "id" else "Data as of") in text
    assert ("Halaman 1 dari" if lang == "id" else "Page 1 of") in text
    assert "WIB" in text


def test_page_pdfs_follow_the_filters(con, demo_settings):
    """A different place gives that place's figures, and another place's name nowhere in the tables."""
    for place in ("Jambi", "Bangko"):
        f = Filters(lokasi=(place,))
        text = " ".join(pages_text(page_report(ctx(con, demo_settings, f), "bandingkan")))
        data = queries.compare_opd(con, f, Scope(), 10)
        for r in data.head(5).iter_rows(named=True):
            assert num(r["rata_hasil"], 1, "id") in text
        other = "Bangko" if place == "Jambi" else "Jambi"
        assert f"({other})" not in text and f"({place})" in text


def _names(con, f: Filters) -> set[str]:
    people = pl.concat(
        [
            queries.coaching_list(con, f, Scope(), limit=None).select("nama", "nip"),
            queries.recognition_list(con, f, Scope(), limit=None).select("nama", "nip"),
        ]
    )
    return set(people["nama"].drop_nulls()) | set(people["nip"].drop_nulls())


def test_an_aggregate_viewers_pdfs_hold_no_name_or_nip(con, demo_settings):
    f = Filters(lokasi=("Jambi",))
    people = _names(con, f)
    assert people
    sc = agg_scope(demo_settings)
    for make in (lambda c: page_report(c, "pembinaan"), lambda c: page_report(c, "penghargaan"), pack):
        text = " ".join(pages_text(make(ctx(con, demo_settings, f, sc, who=AGGREGATE))))
        assert not [p for p in people if p in text]
        assert not re.search(r"\d{8}\D?\d{6}\D?\d\D?\d{3}", text)  # a NIP, spaced or not
        assert "pribadi" in text  # the aggregate note
    # the same reports for an admin of the place do name people: the check above can fail
    admin = " ".join(pages_text(page_report(ctx(con, demo_settings, f, ADMIN.scope(5), who=ADMIN), "penghargaan")))
    assert [p for p in people if p in admin]


def test_an_aggregate_viewer_gets_no_profile(con, demo_settings):
    nip = queries.recognition_list(con, Filters(lokasi=("Jambi",)), Scope(), limit=1)["nip"][0]
    text = " ".join(
        pages_text(page_report(ctx(con, demo_settings, Filters(), agg_scope(demo_settings), who=AGGREGATE), "profil", nip))
    )
    assert nip not in text and "Tidak ditemukan" in text


def test_a_kepala_opds_pack_holds_nothing_outside_their_opd(con, demo_settings):
    opds = queries.compare_opd(con, Filters(lokasi=("Jambi",)), Scope(), 10)["opd"].to_list()
    own = opds[0]
    head = Principal("kadis", "kepala_opd", "Kepala", lokasi=("Jambi",), opd=(own,))
    sc = head.scope(5)
    text = " ".join(pages_text(pack(ctx(con, demo_settings, Filters(), sc, who=head))))
    units = queries.ikm_units(con, Filters(), sc)["unit_layanan"].to_list()
    others = [o for o in opds if o not in own and own not in o and not any(o in u for u in units)]
    assert others
    assert [o for o in others if o in text] == []
    assert own in text
    for place in ("Bangko", "Belawan", "Rakumpit"):
        assert place not in text


def test_a_long_table_repeats_its_header_on_every_page():
    doc = Document(Meta(title="Uji tabel panjang", lang="id", agency="Instansi Uji", logo=None))
    rows = [[f"baris-{i:03d}", num(i * 1.5, 1, "id")] for i in range(300)]
    doc.table([Column("a", "KolomUjiA", 2), Column("b", "KolomUjiB", 1, True)], rows)
    pages = pages_text(doc.pdf())
    assert len(pages) > 3
    for i, page in enumerate(pages, start=1):
        assert "KolomUjiA" in page and "KolomUjiB" in page
        assert f"Halaman {i} dari {len(pages)}" in page
    found = re.findall(r"baris-(\d{3})", " ".join(pages))
    assert found == [f"{i:03d}" for i in range(300)]  # every row once, in order, none lost at a page break


def test_charts_are_vector_and_pages_render(con, demo_settings, tmp_path):
    """The pack's charts are drawn, not pasted: its only image is the logo; pdftoppm renders every page."""
    pdf = pack(ctx(con, demo_settings, Filters(lokasi=("Jambi",))))
    reader = PdfReader(io.BytesIO(pdf))
    assert all(len(p.images) <= 1 for p in reader.pages)
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm missing: run .ci/system-deps (poppler-utils)")
    (tmp_path / "pack.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(tmp_path / "pack.pdf"), str(tmp_path / "p")], check=True)
    assert len(list(tmp_path.glob("p-*.png"))) == len(reader.pages)


def _reference_ikm(con, lokasi: str, unit: str, periode: str, settings) -> dict:
    """NRR per unsur, IKM and konversi (half-up, 2 decimals) and mutu, computed from the survey rows in Polars."""
    rows = pl.from_arrow(
        con.sql(
            "SELECT * FROM stg_skm WHERE lokasi = ? AND unit_layanan = ? AND periode = ?", params=[lokasi, unit, periode]
        ).arrow()
    )
    nrr = {f"u{i}": rows[f"u{i}"].sum() / rows.height for i in range(1, 10)}
    ikm = sum(Decimal(rows[f"u{i}"].sum()) for i in range(1, 10)) / Decimal(9 * rows.height)
    konversi = (ikm * Decimal(str(settings.section("skm")["konversi"]))).quantize(Decimal("0.01"), ROUND_HALF_UP)
    e = settings.section("skm")
    grade = "A" if konversi >= Decimal(str(e["a_min"])) else "B" if konversi >= Decimal(str(e["b_min"])) else "C"
    grade = grade if grade != "C" or konversi >= Decimal(str(e["c_min"])) else "D"
    weakest = sorted(nrr, key=lambda u: (nrr[u], int(u[1:])))[:3]
    comments = [c for c in rows["kritik_saran"].drop_nulls().to_list() if len(c) > 15]
    return {"n": rows.height, "nrr": nrr, "konversi": float(konversi), "mutu": grade, "weakest": weakest, "comments": comments}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_skm_publication_matches_a_plain_reference(con, demo_settings, tmp_path, lang):
    units = queries.ikm_units(con, Filters(lokasi=("Jambi",)), Scope()).sort("n_responden", descending=True)
    unit, periode = units["unit_layanan"][0], units["periode"][0]
    ref = _reference_ikm(con, "Jambi", unit, periode, demo_settings)
    engine = make_engine(f"sqlite:///{tmp_path / 'app.db'}")
    migrate(engine)
    save_plan(engine, ADMIN, "Jambi", unit, periode, "Percepat waktu layanan: loket tambahan mulai Januari.")
    text = " ".join(pages_text(publication(ctx(con, demo_settings, lang=lang, who=ADMIN), "Jambi", unit, periode, engine)))
    assert num(ref["konversi"], 2, lang) in text
    assert num(ref["n"], 0, lang) in text
    for u, v in ref["nrr"].items():
        assert num(v, 3, lang) in text, u
    grades = {"A": ("A (Sangat Baik)", "A (Very good)"), "B": ("B (Baik)", "B (Good)"), "C": ("C (Kurang Baik)", "C (Fair)")}
    grades["D"] = ("D (Tidak Baik)", "D (Poor)")
    assert grades[ref["mutu"]][lang == "en"] in text
    weakest_part = text.split("Tiga unsur terendah" if lang == "id" else "The three weakest unsur")[1]
    assert re.findall(r"• (U\d)", weakest_part) == [u.upper() for u in ref["weakest"]]
    assert "loket tambahan" in text
    # public: no comment, no officer, no reader's or planner's name
    assert ref["comments"] and not [c for c in ref["comments"] if c[:40] in text]
    assert not re.search(r"\d{18}", text)
    assert "Admin Jambi" not in text and "admin-jambi" not in text
    assert latest_plan(engine, "Jambi", unit, periode)["created_by"] == "admin-jambi"  # who and when are kept


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_pack_carries_skp_compliance_counted_from_the_facts(con, demo_settings, lang):
    """The pack's compliance section for its last period: the due count and the share with an SKP, counted here
    from fct_kepatuhan (the excused apart), in the reader's number format."""
    last = con.execute("SELECT max(periode) FROM fct_kepatuhan").fetchall()[0][0]
    f = Filters(dari=last, sampai=last, lokasi=("Jambi",))
    due, skp, excused = con.execute(
        """SELECT count(*) FILTER (WHERE NOT dikecualikan), count(*) FILTER (WHERE NOT dikecualikan AND ada_skp),
                  count(*) FILTER (WHERE dikecualikan)
           FROM fct_kepatuhan WHERE periode = $p AND lokasi = 'Jambi'""",
        {"p": last},
    ).fetchall()[0]
    assert due > 0
    text = " ".join(pages_text(pack(ctx(con, demo_settings, f, lang=lang))))
    share = Decimal(100 * skp / due).quantize(Decimal("0.1"), ROUND_HALF_UP)
    heading = "Kepatuhan SKP" if lang == "id" else "SKP compliance"
    shown = (
        f"{num(due, 0, lang)} {'pegawai wajib SKP' if lang == 'id' else 'employees due an SKP'}: {num(float(share), 1, lang)}%"
    )
    assert heading in text and shown in text, (shown, text[text.find(heading) : text.find(heading) + 300])
    assert (f"{num(excused, 0, lang)} {'dikecualikan' if lang == 'id' else 'excused'}") in text
    for place in ("Bangko", "Belawan", "Rakumpit"):
        assert f"{place} " not in text.split(heading)[-1].split("IKM")[0]


def test_the_packs_ikm_is_the_latest_complete_quarter_not_one_still_filling(con, demo_settings):
    """As the page does: a quarter with one month of answers is not 'the latest IKM'."""
    f = Filters(lokasi=("Jambi",))
    months = con.execute(
        """SELECT periode, count(DISTINCT month(tanggal)) AS n FROM stg_skm
           WHERE lokasi = 'Jambi' GROUP BY periode ORDER BY periode"""
    ).fetchall()
    complete = [p for p, n in months if n == 3]
    assert complete and months[-1][1] < 3, "the demo's last quarter must still be filling for this test"
    text = " ".join(pages_text(pack(ctx(con, demo_settings, f))))
    ikm = text.split("IKM per unit layanan dan mutu")[1].split("Unit layanan")[0]
    from ui.fmt import period

    assert period(complete[-1], "id", long=True) in ikm
    assert period(months[-1][0], "id", long=True) not in ikm
