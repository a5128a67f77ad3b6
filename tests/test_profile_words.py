"""Profil says why predikat and the PP 30/2019 score differ, exactly where they stand on different steps."""

from __future__ import annotations

from tests.helpers import query
from tests.test_small_groups import app  # noqa: F401  (the AppTest fixture)

# Each word's step, best 5 to worst 1, written out here apart from domain.appraisal.
STEP = {"Sangat Baik": 5, "Baik": 4, "Butuh Perbaikan": 3, "Cukup": 3, "Kurang/Misconduct": 2, "Kurang": 2}
STEP |= {"Sangat Kurang": 1, "Buruk": 1}


def _people(demo_settings) -> tuple[str, str]:
    rows = query(demo_settings, "SELECT nip, predikat, predikat_pp30 FROM fct_kinerja").to_dicts()
    differs: dict[str, bool] = {}
    for r in rows:
        gap = r["predikat"] is not None and r["predikat_pp30"] is not None
        gap = gap and STEP[r["predikat"]] != STEP[r["predikat_pp30"]]
        differs[r["nip"]] = differs.get(r["nip"], False) or gap
    return next(n for n, d in differs.items() if d), next(n for n, d in differs.items() if not d)


def _explains(at) -> bool:
    return any("dihitung dengan cara berbeda" in c.value for c in at.caption)


def test_profile_explains_a_gap_between_predikat_and_pp30_only_where_there_is_one(app, demo_settings):  # noqa: F811
    differing, agreeing = _people(demo_settings)
    first = query(demo_settings, "SELECT min(periode) FROM fct_kinerja").item()
    last = query(demo_settings, "SELECT max(periode) FROM fct_kinerja").item()
    span = {"periode": [first, last]}
    assert _explains(app("profil", {"nip": differing, **span}))
    assert not _explains(app("profil", {"nip": agreeing, **span}))
