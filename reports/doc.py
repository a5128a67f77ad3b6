"""One PDF document: agency header with logo, title block (filters and period in words, data as-of and loads, who
generated it and when), sections of text, vector charts and tables that repeat their header on every page, and
page numbers ("Halaman 2 dari 5")."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    LongTable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from reports.text import tr

# Fonts with the Indonesian and typographic characters the reports use (–, −, ▲, ▼, •): DejaVu from Debian's
# fonts-dejavu-core when present, else Bitstream Vera, which reportlab ships (DejaVu's ancestor).
_FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path(__import__("reportlab").__file__).parent / "fonts"]
_FONT_FILES = {"DejaVuSans.ttf": "DejaVuSans-Bold.ttf", "Vera.ttf": "VeraBd.ttf"}
FONT, BOLD = "ReportSans", "ReportSans-Bold"
HEAD_FILL = colors.HexColor("#1f3b57")
ZEBRA = colors.HexColor("#f2f5f8")
GRID = colors.HexColor("#c8ced6")


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    for folder in _FONT_DIRS:
        for regular, bold in _FONT_FILES.items():
            if (folder / regular).exists() and (folder / bold).exists():
                pdfmetrics.registerFont(TTFont(FONT, str(folder / regular)))
                pdfmetrics.registerFont(TTFont(BOLD, str(folder / bold)))
                pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
                return
    raise RuntimeError("no TrueType font found for the reports (install fonts-dejavu-core)")


_register_fonts()

STYLES = {
    "title": ParagraphStyle("title", fontName=BOLD, fontSize=17, leading=21, spaceAfter=4),
    "h1": ParagraphStyle("h1", fontName=BOLD, fontSize=13, leading=16, spaceBefore=10, spaceAfter=5, textColor=HEAD_FILL),
    "h2": ParagraphStyle("h2", fontName=BOLD, fontSize=10.5, leading=13, spaceBefore=6, spaceAfter=3),
    "body": ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12, spaceAfter=3),
    "small": ParagraphStyle("small", fontName=FONT, fontSize=7.5, leading=9.5, textColor=colors.HexColor("#444444")),
    "cell": ParagraphStyle("cell", fontName=FONT, fontSize=7.8, leading=9.4),
    "cellr": ParagraphStyle("cellr", fontName=FONT, fontSize=7.8, leading=9.4, alignment=TA_RIGHT),
    "head": ParagraphStyle("head", fontName=BOLD, fontSize=7.8, leading=9.4, textColor=colors.white),
    "big": ParagraphStyle("big", fontName=BOLD, fontSize=15, leading=18),
}


def para(text: str, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped: names and comments from files never become markup)."""
    return Paragraph(escape(str(text)), STYLES[style])


@dataclass
class Meta:
    """What every report prints about itself: the title, the agency, filters in words, the data's as-of time and
    loads, and who generated it when."""

    title: str
    lang: str
    agency: str
    logo: Path | None
    rows: list[tuple[str, str]] = field(default_factory=list)  # (label, value) under the title
    landscape: bool = False


@dataclass
class Column:
    """A table column: its key, header text, how wide (relative), and whether its cells are numbers (right-aligned)."""

    key: str
    header: str
    width: float = 1.0
    numeric: bool = False


def table(columns: list[Column], rows: list[list[str]], width: float, widths_abs: list[float] | None = None) -> LongTable:
    """A table whose header row repeats on every page it runs onto; zebra rows; numbers right-aligned."""
    head = [Paragraph(escape(c.header), STYLES["head"]) for c in columns]
    body = [
        [Paragraph(escape(str(v)), STYLES["cellr" if c.numeric else "cell"]) for c, v in zip(columns, r, strict=True)]
        for r in rows
    ]
    total = sum(c.width for c in columns)
    col_widths = widths_abs or [width * c.width / total for c in columns]
    t = LongTable([head, *body], colWidths=col_widths, repeatRows=1, splitByRow=1)
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    style += [("BACKGROUND", (0, i), (-1, i), ZEBRA) for i in range(2, len(body) + 1, 2)]
    t.setStyle(TableStyle(style))
    return t


class Document:
    """Collects a report's parts; `pdf()` lays them out and returns the file's bytes."""

    def __init__(self, meta: Meta) -> None:
        self.meta = meta
        size = landscape(A4) if meta.landscape else A4
        self.pagesize = size
        self.margin = 15 * mm
        self.width = size[0] - 2 * self.margin
        self.parts: list[Flowable] = []

    def heading(self, text: str, level: int = 1) -> None:
        """A section heading, kept with what follows (never alone at a page's foot)."""
        self.parts.append(CondPageBreak(40 * mm if level == 1 else 25 * mm))
        self.parts.append(para(text, "h1" if level == 1 else "h2"))

    def text(self, text: str, style: str = "body") -> None:
        self.parts.append(para(text, style))

    def figures(self, items: list[tuple[str, str, str]]) -> None:
        """A row of headline figures: (label, value, change)."""
        n = max(1, len(items))
        cells = [[para(lbl, "small") for lbl, _, _ in items], [para(v, "big") for _, v, _ in items]]
        cells.append([para(d, "small") for _, _, d in items])
        t = LongTable(cells, colWidths=[self.width / n] * n)
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, -1), (-1, -1), 0.5, GRID)]))
        self.parts.append(t)
        self.parts.append(Spacer(1, 3 * mm))

    def table(self, columns: list[Column], rows: list[list[str]], caption: str | None = None) -> None:
        if caption:
            self.parts.append(para(caption, "small"))
        if not rows:
            self.text(tr("no_rows", self.meta.lang), "small")
            return
        self.parts.append(table(columns, rows, self.width))
        self.parts.append(Spacer(1, 3 * mm))

    def chart(self, drawing: Flowable, caption: str | None = None) -> None:
        """A vector chart (a reportlab Drawing), kept whole on one page with its caption."""
        items = [drawing] + ([para(caption, "small")] if caption else [])
        self.parts.append(KeepTogether([*items, Spacer(1, 3 * mm)]))

    def page_break(self) -> None:
        self.parts.append(PageBreak())

    def _title_block(self) -> list[Flowable]:
        rows = [[para(k, "small"), para(v, "small")] for k, v in self.meta.rows]
        t = LongTable(rows, colWidths=[38 * mm, self.width - 38 * mm]) if rows else Spacer(1, 1)
        if rows:
            t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1)]))
        return [para(self.meta.title, "title"), t, Spacer(1, 4 * mm)]

    def _decorate(self, canvas, doc) -> None:
        """Header (logo and agency name) and footer (title, page n of N) on every page."""
        w, h = self.pagesize
        canvas.saveState()
        top = h - self.margin + 4 * mm
        x = self.margin
        if self.meta.logo and self.meta.logo.exists():
            canvas.drawImage(
                ImageReader(str(self.meta.logo)), x, top - 2 * mm, 9 * mm, 9 * mm, mask="auto", preserveAspectRatio=True
            )
            x += 11 * mm
        canvas.setFont(BOLD, 9)
        canvas.setFillColor(HEAD_FILL)
        canvas.drawString(x, top + 2.5 * mm, self.meta.agency)
        canvas.setStrokeColor(GRID)
        canvas.line(self.margin, top - 3 * mm, w - self.margin, top - 3 * mm)
        canvas.setFont(FONT, 7)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(self.margin, 8 * mm, self.meta.title[:110])
        canvas.restoreState()

    def pdf(self) -> bytes:
        """The laid-out PDF."""
        buf = io.BytesIO()
        doc = SimpleDocTemplate(
            buf,
            pagesize=self.pagesize,
            leftMargin=self.margin,
            rightMargin=self.margin,
            topMargin=self.margin + 6 * mm,
            bottomMargin=self.margin,
            title=self.meta.title,
            author=self.meta.agency,
            lang="id-ID" if self.meta.lang == "id" else "en-GB",
        )
        lang, pagesize, margin = self.meta.lang, self.pagesize, self.margin

        class Numbered(_NumberedCanvas):
            LANG, SIZE, MARGIN = lang, pagesize, margin

        doc.build(self._title_block() + self.parts, onFirstPage=self._decorate, onLaterPages=self._decorate, canvasmaker=Numbered)
        return buf.getvalue()


class _NumberedCanvas(Canvas):
    """Holds each page until the end so every footer can say "page n of N"."""

    LANG, SIZE, MARGIN = "id", A4, 15 * mm

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(FONT, 7)
            self.setFillColor(colors.HexColor("#555555"))
            self.drawRightString(self.SIZE[0] - self.MARGIN, 8 * mm, tr("page_n_of", self.LANG, n=self._pageNumber, total=total))
            super().showPage()
        super().save()
