"""Errors a clerk can act on, in Indonesian and English.

A library's own words ("calamine error: Cannot detect file format", a Polars parse error) never reach the
person: `unreadable` turns them into what to do, and keeps the library's text for the server's log.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


class FileRefused(Exception):
    """A file that cannot be used at all: unreadable, wrong kind, required columns missing."""

    def __init__(self, file: str, pesan: str, message: str) -> None:
        super().__init__(f"{file}: {message}")
        self.file = file
        self.pesan = pesan
        self.message = message

    def text(self, lang: str = "id") -> str:
        """The reason in the chosen language, naming the file."""
        return f"{self.file}: {self.pesan if lang == 'id' else self.message}"


_RESAVE_XLSX = (
    "Buka berkas ini di Excel atau LibreOffice: bila terbuka, simpan ulang sebagai Buku Kerja Excel (.xlsx) lalu muat "
    "lagi; bila tidak terbuka, berkasnya rusak atau terpotong saat diunduh atau dikirim: minta berkas aslinya lagi.",
    "Open the file in Excel or LibreOffice: if it opens, save it again as an Excel Workbook (.xlsx) and load it "
    "again; if it does not, the file is damaged or was cut off while downloaded or sent: ask for the original again.",
)
# (kind, words in the library's message, lowercase) -> (pesan, message); the first match wins, the kind's last
# entry (no words) is its fallback
_PLAIN: list[tuple[str, tuple[str, ...], tuple[str, str]]] = [
    (
        "excel",
        ("password", "encrypt", "protected"),
        (
            "Berkas Excel ini dilindungi kata sandi. Buka di Excel, hapus kata sandinya (File → Info → Lindungi Buku "
            "Kerja → Enkripsi dengan Kata Sandi, kosongkan), simpan, lalu muat lagi.",
            "This Excel file is protected by a password. Open it in Excel, remove the password (File → Info → Protect "
            "Workbook → Encrypt with Password, leave it empty), save, then load it again.",
        ),
    ),
    (
        "excel",
        (),
        (
            "Berkas ini tidak dapat dibuka sebagai Excel: rusak, terpotong, atau sebenarnya berkas lain yang diberi "
            "nama .xlsx/.xls. " + _RESAVE_XLSX[0],
            "This file cannot be opened as Excel: it is damaged, cut off, or another kind of file named .xlsx/.xls. "
            + _RESAVE_XLSX[1],
        ),
    ),
    (
        "csv",
        ("utf-8", "utf8", "encoding", "invalid unicode"),
        (
            "Huruf dalam berkas CSV ini tidak dapat dibaca (pengodean teks tidak dikenal). Buka di Excel dan simpan "
            'sebagai "CSV UTF-8 (dipisahkan koma)", lalu muat lagi.',
            "The characters of this CSV file cannot be read (unknown text encoding). Open it in Excel and save it as "
            '"CSV UTF-8 (comma delimited)", then load it again.',
        ),
    ),
    (
        "csv",
        (),
        (
            'Berkas CSV ini tidak dapat dibaca sebagai tabel: ada baris dengan jumlah kolom berbeda, tanda kutip (") '
            "yang tidak ditutup, atau isinya bukan teks. Buka di Excel, periksa baris yang berantakan, simpan sebagai "
            "CSV atau .xlsx, lalu muat lagi.",
            'This CSV file cannot be read as a table: some rows have a different number of columns, a quote (") is '
            "never closed, or it is not text. Open it in Excel, check the rows that look wrong, save it as CSV or "
            ".xlsx, then load it again.",
        ),
    ),
    (
        "parquet",
        (),
        (
            "Berkas Parquet ini rusak atau terpotong. Ekspor ulang dari aplikasi asalnya (atau simpan sebagai .csv "
            "atau .xlsx), lalu muat lagi.",
            "This Parquet file is damaged or cut off. Export it again from the application it came from (or save it "
            "as .csv or .xlsx), then load it again.",
        ),
    ),
]


def plain(kind: str, library_text: str) -> tuple[str, str]:
    """What to do about a file a library could not read, as (pesan, message), from the library's own text."""
    low = library_text.lower()
    for k, words, texts in _PLAIN:
        if k == kind and (not words or any(w in low for w in words)):
            return texts
    raise ValueError(f"no plain message for kind {kind!r}")


def unreadable(name: str, kind: str, exc: BaseException) -> FileRefused:
    """A refusal of a file the `kind` reader ("excel", "csv", "parquet") could not read: the person is told what
    to do; the library's message goes to the log only."""
    log.info("%s: the %s reader refused the file: %s", name, kind, exc)
    pesan, message = plain(kind, f"{type(exc).__name__}: {exc}")
    return FileRefused(name, pesan, message)
