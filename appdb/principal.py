"""Who is signed in, and what that lets them see: the one place a role becomes a warehouse Scope."""

from __future__ import annotations

from dataclasses import dataclass

from domain.places import PLACES
from warehouse.db import Scope

ROLE_LABELS = {
    "admin": ("Admin BKPSDM", "BKPSDM admin"),
    "pimpinan": ("Pimpinan", "Regional head"),
    "kepala_opd": ("Kepala OPD", "Head of OPD"),
    "atasan": ("Atasan", "Supervisor"),
    "agregat": ("Pemantau agregat", "Aggregate viewer"),
    "superadmin": ("Superadmin (baris perintah)", "Superadmin (command line)"),
}


@dataclass(frozen=True)
class Principal:
    """A signed-in person: account name, role and the places/OPDs/NIP their scope is built from."""

    username: str
    role: str
    display_name: str = ""
    lokasi: tuple[str, ...] = ()
    opd: tuple[str, ...] = ()
    nip: str | None = None
    source: str = "local"  # local | oidc

    @property
    def is_admin(self) -> bool:
        """Whether the admin pages (Data, Akun, Log akses) are open to this principal."""
        return self.role in ("admin", "superadmin")

    @property
    def unrestricted(self) -> bool:
        """The one explicitly unrestricted role: made only from the command line."""
        return self.role == "superadmin"

    @property
    def sees_people(self) -> bool:
        """Whether any page may show this principal a name or NIP."""
        return self.role != "agregat"

    def scope(self, min_group: int, atasan_min_group: int | None = None) -> Scope:
        """The warehouse scope of this principal; anything incomplete or unknown sees nothing.

        `min_group` is the aggregate viewer's smallest group, `atasan_min_group` an Atasan's (default: the same)."""
        places = tuple(self.lokasi)
        if self.unrestricted:
            return Scope()
        if self.role in ("admin", "pimpinan"):
            return Scope(lokasi=places) if places else Scope.nothing()
        if self.role == "kepala_opd":
            return Scope(lokasi=places, opd=tuple(self.opd)) if places and self.opd else Scope.nothing()
        if self.role == "atasan":
            # the chain below the NIP, aggregates of the NIP's own unit (whole, at least min_group people: its
            # supervisor and peers are in it); a NIP not in the warehouse sees nothing; places given (as an admin
            # of a place must) bound it too, so a NIP elsewhere shows nothing
            if not self.nip:
                return Scope.nothing()
            k = max(min_group if atasan_min_group is None else atasan_min_group, 2)
            return Scope(atasan=self.nip, lokasi=places, min_group=k) if places else Scope(atasan=self.nip, min_group=k)
        if self.role == "agregat":
            if not places:
                return Scope.nothing()
            return Scope(lokasi=places, opd=tuple(self.opd) or None, aggregate_only=True, min_group=max(min_group, 2))
        return Scope.nothing()

    def benchmark_scope(self, min_group: int, kepala_opd: bool = False) -> Scope | None:
        """Every place as aggregates only, for comparing one's own places with the others (Bandingkan,
        Ringkasan), or None for a role without it. A pimpinan has it; a kepala OPD only when `kepala_opd`
        (`[privacy] kepala_opd_banding`). It is the aggregate viewer's scope over the four places: no query
        returns a row about one person under it, and every figure comes from whole safe groups of at least
        `min_group` people (warehouse.disclosure), so another place's people stay out of reach."""
        if self.role == "pimpinan" and self.lokasi or self.role == "kepala_opd" and kepala_opd and self.lokasi:
            return Scope(lokasi=tuple(PLACES), aggregate_only=True, min_group=max(min_group, 2))
        return None
