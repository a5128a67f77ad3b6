"""Every rule reads settings: a changed value reaches every mart, and no rule value is written into the SQL."""

from __future__ import annotations

import re

import pytest

from pipelines.demo.first_run import ensure_warehouse
from pipelines.load.transaction import load_files
from tests.conftest import make_settings
from tests.helpers import NIPS, csv, pegawai, query
from warehouse.marts import HERE, RULE_SECTIONS

BERAKHLAK = ["Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal", "Adaptif", "Kolaboratif"]
# Numbers the SQL may hold although a setting happens to have the same value: calendar arithmetic (12 months,
# 3 per quarter, 4 quarters), the seven BerAKHLAK values, percent (100), rounding places, and the urgency
# ordering's place values (1000 per rule, 100 per predikat step).
FORMULA_CONSTANTS = {0.0, 1.0, 2.0, 3.0, 4.0, 7.0, 12.0, 100.0, 1000.0}


def _files(realisasi: float) -> list[tuple[str, bytes]]:
    cap = csv(
        [{"NIP": NIPS[0], "Periode": "2026-01", "Indikator": "Dokumen", "Target": 10, "Realisasi": realisasi, "Bobot": 100}]
    )
    beh = csv([{"NIP": NIPS[0], "Periode": "2026-01", "Peran Penilai": "atasan", **dict.fromkeys(BERAKHLAK, 80)}])
    return [("pegawai.csv", pegawai()), ("capaian.csv", cap), ("perilaku.csv", beh)]


def test_a_changed_capaian_cap_reaches_capaian_pp30_and_coaching_urgency(tmp_path):
    rules = {"pembinaan.score_cutoff": 200.0, "pembinaan.consecutive_periods": 1}
    s120 = make_settings(tmp_path, **rules)
    assert load_files(_files(12.5), s120).exit_code == 0
    assert ensure_warehouse(s120) == "ok"
    sql = (
        "SELECT c.capaian, k.hasil_kerja, k.nilai_pp30, p.urgensi FROM fct_capaian c JOIN fct_kinerja k USING (nip) "
        "JOIN mart_pembinaan p USING (nip)"
    )
    # 125% capped at 120; PP 30/2019: 70% x 120 + 30% x 80; urgency: one rule, Baik (step 2), 120 - 120
    assert query(s120, sql).row(0) == pytest.approx((120.0, 120.0, 108.0, 1200.0))
    s130 = make_settings(tmp_path, **rules, **{"capaian.cap": 130.0})
    assert ensure_warehouse(s130) == "rebuilt"  # the same staged data, built again with the new cap
    assert query(s130, sql).row(0) == pytest.approx((125.0, 125.0, 0.7 * 125 + 0.3 * 80, 1205.0))
    assert ensure_warehouse(s130) == "ok"


def _numbers(sql: str) -> set[float]:
    code = "\n".join(line.split("--")[0] for line in sql.splitlines())
    code = re.sub(r"'[^']*'", "''", code)  # text literals (dates, names) are not rule values
    return {float(m) for m in re.findall(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])", code)}


def test_no_rule_value_is_written_as_a_literal_in_the_marts():
    s = make_settings(HERE)
    values = {
        float(v)
        for name in RULE_SECTIONS
        for v in s.section(name).values()
        if isinstance(v, int | float) and not isinstance(v, bool)
    }
    for f in sorted(HERE.glob("*.sql")):
        leaked = (_numbers(f.read_text(encoding="utf-8")) & values) - FORMULA_CONSTANTS
        assert not leaked, f"{f.name} writes rule values {sorted(leaked)} instead of getvariable(...)"


def test_the_literal_check_sees_a_hard_coded_cap():
    assert 120.0 in _numbers("SELECT least(hasil_kerja, 120) -- capped at 130")
    assert 130.0 not in _numbers("SELECT least(hasil_kerja, 120) -- capped at 130")
