"""Errors a clerk can act on, in Indonesian and English."""

from __future__ import annotations


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
