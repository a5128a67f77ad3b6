"""The talent-management settings the marts read (issue 24): scalar ones become `<section>_<key>` variables like
every rule section's; the lists become list variables (their SQL names written out here, so grep leads from a
mart to settings.toml)."""

from __future__ import annotations

from settings import Settings

TALENTA_SECTIONS = ("talenta", "kepatuhan", "kalibrasi")


def talenta_lists(s: Settings) -> dict[str, list]:
    """The list settings as DuckDB list variables."""
    t, k = s.section("talenta"), s.section("kepatuhan")
    return {
        "talenta_kotak_suksesi": [int(b) for b in t["kotak_suksesi"]],
        "talenta_sanksi_mengecualikan": [str(v) for v in t["sanksi_mengecualikan"]],
        "kepatuhan_dikecualikan": [str(v) for v in k["dikecualikan"]],
    }
