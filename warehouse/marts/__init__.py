"""Build the marts: settings become DuckDB variables and small rule tables, then each .sql file runs in order."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl

from settings import Settings

HERE = Path(__file__).parent

MATRIX = [
    # (hasil kerja, perilaku, predikat): PermenPANRB 6/2022 Lampiran
    ("Di Atas Ekspektasi", "Di Bawah Ekspektasi", "Kurang/Misconduct"),
    ("Di Atas Ekspektasi", "Sesuai Ekspektasi", "Baik"),
    ("Di Atas Ekspektasi", "Di Atas Ekspektasi", "Sangat Baik"),
    ("Sesuai Ekspektasi", "Di Bawah Ekspektasi", "Kurang/Misconduct"),
    ("Sesuai Ekspektasi", "Sesuai Ekspektasi", "Baik"),
    ("Sesuai Ekspektasi", "Di Atas Ekspektasi", "Baik"),
    ("Di Bawah Ekspektasi", "Di Bawah Ekspektasi", "Sangat Kurang"),
    ("Di Bawah Ekspektasi", "Sesuai Ekspektasi", "Butuh Perbaikan"),
    ("Di Bawah Ekspektasi", "Di Atas Ekspektasi", "Butuh Perbaikan"),
]
# Order best -> worst; the ordinal 1-5 is a design choice for trends across regimes.
PREDIKAT_ORDER = [
    ("Sangat Baik", 1, 5), ("Baik", 2, 4), ("Butuh Perbaikan", 3, 3), ("Cukup", 3, 3),
    ("Kurang/Misconduct", 4, 2), ("Kurang", 4, 2), ("Sangat Kurang", 5, 1), ("Buruk", 5, 1),
]
SKM_WEIGHTS = {"equal": (1, 9), "legacy_0111": (111, 1000), "legacy_011": (11, 100)}


def _variables(con: duckdb.DuckDBPyConnection, s: Settings) -> None:
    values: dict[str, float | int | str] = {}
    for section in ("capaian", "rating", "pp30", "pp46", "skm", "kurva", "pembinaan", "penghargaan", "sebaran"):
        for key, val in s.section(section).items():
            if isinstance(val, int | float | str) and not isinstance(val, bool):
                values[f"{section}_{key}"] = val
    num, den = SKM_WEIGHTS[s.section("skm")["weights"]]
    values |= {"skm_w_num": num, "skm_w_den": den}
    for name, val in values.items():
        con.execute(f"SET VARIABLE {name} = $v", {"v": val})


def _rule_tables(con: duckdb.DuckDBPyConnection, s: Settings) -> None:
    cfg_matriks = pl.DataFrame(MATRIX, schema=["rating_hasil_kerja", "rating_perilaku", "predikat"], orient="row")  # noqa: F841
    cfg_predikat = pl.DataFrame(PREDIKAT_ORDER, schema=["predikat", "urut", "ordinal"], orient="row")  # noqa: F841
    roles = s.section("perilaku")
    cfg_peran = pl.DataFrame({"peran": list(roles), "bobot": [float(v) for v in roles.values()]})  # noqa: F841
    for t in ("cfg_matriks", "cfg_predikat", "cfg_peran"):
        con.execute(f"CREATE OR REPLACE TABLE {t} AS SELECT * FROM {t}")


def run_marts(con: duckdb.DuckDBPyConnection, settings: Settings) -> None:
    """Create every mart in file order (the number prefix is the dependency order)."""
    _variables(con, settings)
    _rule_tables(con, settings)
    for sql_file in sorted(HERE.glob("*.sql")):
        con.execute(sql_file.read_text(encoding="utf-8"))
