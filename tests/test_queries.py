"""Query functions the pages call, against the demo warehouse built by the real pipeline."""

from __future__ import annotations

from datetime import date

import polars as pl

from tests.helpers import query
from warehouse import queries as Q
from warehouse.db import Scope, connect


def _history(rows: list[tuple[str, int | None, float | None]]) -> pl.DataFrame:
    return pl.DataFrame(
        {"periode": [r[0] for r in rows], "periode_mulai": [date(int(r[0][:4]), int(r[0][5:]), 1) for r in rows],
         "n_indikator": [r[1] for r in rows], "perilaku": [r[2] for r in rows]},
        schema_overrides={"n_indikator": pl.Int64, "perilaku": pl.Float64},
    )


def test_detail_periods_default_to_the_latest_with_indicators():
    # 2025-03 has only an official evaluation (no indicators, no behaviour): not offered at all
    hist = _history([("2025-01", 4, 80.0), ("2025-02", None, 82.0), ("2025-03", None, None), ("2024-12", 3, None)])
    options, default = Q.detail_periods(hist)
    assert options == ["2025-02", "2025-01", "2024-12"]
    assert default == "2025-01"


def test_detail_periods_fall_back_to_behaviour_then_nothing():
    assert Q.detail_periods(_history([("2025-01", None, 70.0), ("2025-02", None, 75.0)])) == (
        ["2025-02", "2025-01"], "2025-02")
    assert Q.detail_periods(_history([("2025-01", None, None)])) == ([], None)
    assert Q.detail_periods(pl.DataFrame()) == ([], None)


def test_employee_detail_holds_exactly_one_period_of_that_employee(demo_settings):
    con = connect(str(demo_settings.warehouse))
    nip = query(demo_settings, "SELECT nip FROM fct_kinerja WHERE n_indikator IS NOT NULL ORDER BY nip LIMIT 1").item()
    prof = Q.employee_profile(con, Scope(), nip)
    _options, periode = Q.detail_periods(prof["history"])
    latest = query(demo_settings, "SELECT max(periode) FROM fct_capaian WHERE nip = $n", {"n": nip}).item()
    assert periode == latest
    detail = Q.employee_detail(con, Scope(), nip, periode)
    expected = query(demo_settings, "SELECT indikator, capaian FROM fct_capaian WHERE nip = $n AND periode = $p "
                                    "ORDER BY capaian, indikator", {"n": nip, "p": periode})
    assert detail["indicators"].select("indikator", "capaian").equals(expected)
    assert set(detail["indicators"]["periode"]) == {periode}
    roles = query(demo_settings, "SELECT count(*) FROM fct_perilaku WHERE nip = $n AND periode = $p",
                  {"n": nip, "p": periode}).item()
    assert detail["behaviour"].height == roles > 0 and set(detail["behaviour"]["nip"]) == {nip}


def test_employee_outside_the_viewers_scope_gets_nothing(demo_settings):
    con = connect(str(demo_settings.warehouse))
    nip, lokasi = query(demo_settings, "SELECT nip, lokasi FROM dim_pegawai ORDER BY nip LIMIT 1").row(0)
    other = Scope(lokasi=tuple({"Bangko", "Jambi", "Belawan", "Rakumpit"} - {lokasi}))
    assert Q.employee_profile(con, other, nip) is None
    assert Q.employee_detail(con, other, nip, "2025-01") is None
    assert Q.employee_profile(con, Scope(lokasi=(lokasi,)), nip) is not None
