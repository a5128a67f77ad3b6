"""Umpan balik's unit detail: every count for the chosen unit and survey period, identical comments grouped with
their count, the words most often in complaints; each query against a plain Python reference over the raw
responses, on the demo and on random small warehouses."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from streamlit.testing.v1 import AppTest

from domain.words import STOP_WORDS
from tests.helpers import query
from tests.random_warehouse import build, worlds
from warehouse import queries as Q
from warehouse.db import Scope

HARNESS = str(Path(__file__).with_name("app_page.py"))
FIELDS = ("jenis_kelamin", "pendidikan", "pekerjaan", "layanan")


def _raw(s, lokasi: str, unit: str, periode: str) -> list[dict]:
    sql = "SELECT * FROM stg_skm WHERE lokasi = $l AND unit_layanan = $u AND periode = $p"
    return query(s, sql, {"l": lokasi, "u": unit, "p": periode}).to_dicts()


def _units(s, n: int = 4) -> list[tuple[str, str, str]]:
    """A few units and periods of the warehouse, the biggest and the smallest."""
    rows = query(s, "SELECT lokasi, unit_layanan, periode FROM fct_ikm ORDER BY n_responden DESC, lokasi, unit_layanan, periode")
    rows = rows.rows()
    return rows[: n // 2] + rows[-(n // 2) :]


def _profile_ref(raw: list[dict]) -> dict[tuple, int]:
    return {(f, v): c for f in FIELDS for v, c in Counter(r[f] for r in raw).items()}


def _groups_ref(raw: list[dict], low: int) -> dict[str, tuple[int, bool]]:
    out: dict[str, list] = {}
    for r in raw:
        text = (r["kritik_saran"] or "").strip()
        if not text:
            continue
        key = " ".join(text.split()).lower()
        n, complaint = out.get(key, (0, False))
        out[key] = (n + 1, complaint or min(r[f"u{i}"] for i in range(1, 10)) <= low)
    return out


def _words_ref(raw: list[dict], low: int) -> tuple[Counter, int]:
    complaints = [
        r["kritik_saran"].lower()
        for r in raw
        if (r["kritik_saran"] or "").strip() and min(r[f"u{i}"] for i in range(1, 10)) <= low
    ]
    words = Counter(w for text in complaints for w in set(re.findall(r"[^\W\d_]+", text)) if len(w) >= 3 and w not in STOP_WORDS)
    return words, len(complaints)


def test_every_count_is_of_the_chosen_unit_and_period(demo_settings):
    with duckdb.connect(str(demo_settings.warehouse), read_only=True) as con:
        for key in _units(demo_settings):
            n = query(demo_settings, "SELECT n_responden FROM fct_ikm WHERE lokasi=$l AND unit_layanan=$u AND periode=$p",
                      dict(zip("lup", key, strict=True))).item()  # fmt: skip
            profile = Q.skm_respondent_profile(con, Scope(), *key)
            got = {(r["kolom"], r["nilai"]): r["jumlah"] for r in profile.iter_rows(named=True)}
            raw = _raw(demo_settings, *key)
            assert got == _profile_ref(raw)
            for field in FIELDS:  # each table adds up to the heading's n
                assert sum(c for (f, _), c in got.items() if f == field) == n == len(raw)


def test_identical_comments_are_one_row_with_their_count(demo_settings):
    with duckdb.connect(str(demo_settings.warehouse), read_only=True) as con:
        for key in _units(demo_settings):
            groups = Q.skm_comment_groups(con, Scope(), *key, 2)
            got = {" ".join(r["kritik_saran"].split()).lower(): (r["jumlah"], r["keluhan"]) for r in groups.iter_rows(named=True)}
            assert got == _groups_ref(_raw(demo_settings, *key), 2)
            assert groups.height == len(got)  # no text twice
            assert groups["jumlah"].to_list() == sorted(groups["jumlah"].to_list(), reverse=True)
            filtered = Q.skm_comment_groups(con, Scope(), *key, 2, text="PETUGAS")
            assert set(filtered["kritik_saran"]) == {k for k in groups["kritik_saran"] if "petugas" in k.lower()}


def test_the_complaint_words_are_counted_once_per_complaint_without_stop_words(demo_settings):
    with duckdb.connect(str(demo_settings.warehouse), read_only=True) as con:
        for key in _units(demo_settings):
            ref, total = _words_ref(_raw(demo_settings, *key), 2)
            got = Q.skm_complaint_words(con, Scope(), *key, 2, sorted(STOP_WORDS), top=1000)
            assert dict(zip(got["kata"], got["n_keluhan"], strict=True)) == dict(ref)
            if total:
                assert set(got["n_semua_keluhan"]) == {total}
                assert got["share_keluhan"].to_list() == pytest.approx([c / total for c in got["n_keluhan"]])
            top = Q.skm_complaint_words(con, Scope(), *key, 2, sorted(STOP_WORDS), top=5)
            assert top["kata"].to_list() == [w for w, _ in sorted(ref.items(), key=lambda x: (-x[1], x[0]))][:5]
            assert not set(top["kata"]) & STOP_WORDS


def test_the_detail_follows_the_viewer_scope(demo_settings):
    key = _units(demo_settings)[0]
    other = next(p for p in ("Bangko", "Jambi", "Belawan", "Rakumpit") if p != key[0])
    with duckdb.connect(str(demo_settings.warehouse), read_only=True) as con:
        for sc in (Scope(aggregate_only=True), Scope(lokasi=(other,))):
            assert Q.skm_respondent_profile(con, sc, *key).is_empty()
            assert Q.skm_comment_groups(con, sc, *key, 2).is_empty()
            assert Q.skm_complaint_words(con, sc, *key, 2, []).is_empty()
        assert not Q.skm_respondent_profile(con, Scope(lokasi=(key[0],)), *key).is_empty()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(worlds())
def test_on_random_warehouses_the_profile_adds_up_to_each_period_n(world):
    s = build(world)
    ikm = query(s, "SELECT lokasi, unit_layanan, periode, n_responden FROM fct_ikm").rows()
    with duckdb.connect(str(s.warehouse), read_only=True) as con:
        for lokasi, unit, periode, n in ikm:
            profile = Q.skm_respondent_profile(con, Scope(), lokasi, unit, periode)
            raw = _raw(s, lokasi, unit, periode)
            got = {(r["kolom"], r["nilai"]): r["jumlah"] for r in profile.iter_rows(named=True)}
            assert got == _profile_ref(raw) and len(raw) == n
            assert Q.skm_comment_groups(con, Scope(), lokasi, unit, periode, 2).is_empty()  # no comments there


def test_the_page_detail_counts_the_chosen_period(demo_settings, monkeypatch):
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(demo_settings.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(demo_settings.staging))
    from ui.data import settings as ui_settings

    ui_settings.clear()
    at = AppTest.from_file(HARNESS, default_timeout=90)
    at.session_state["_page"] = "umpan_balik"
    at.query_params["skm_bagian"] = "rincian"
    at.run()
    assert not at.exception, at.exception
    unit, periode = at.selectbox(key="skm_unit").value, at.selectbox(key="skm_periode").value
    sql = "SELECT lokasi, unit_layanan, n_responden FROM fct_ikm WHERE periode = $p"
    n = next(r[2] for r in query(demo_settings, sql, {"p": periode}).rows() if unit in (r[1], f"{r[1]} ({r[0]})"))
    heads = [h.value for h in at.subheader]
    assert any(h.startswith("Profil responden") and f"(n={n})" in h for h in heads), heads
    profile = [d.value for d in at.dataframe if list(d.value.columns)[1:] == ["Jumlah"]]
    assert len(profile) == 4 and all(int(g["Jumlah"].sum()) == n for g in profile)
    comments = next(d.value for d in at.dataframe if "Kritik dan saran" in d.value.columns)
    assert comments["Kritik dan saran"].is_unique and int(comments["Jumlah"].sum()) <= n
    assert any(h.startswith("Kata yang paling sering dikeluhkan") for h in heads)
    ui_settings.clear()
