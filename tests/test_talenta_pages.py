"""AppTest of the Kalibrasi, Talenta and Kepatuhan pages and Panduan's talent section (issue 24): no exception, the
key elements there, no raw code on screen in either language, and the aggregate viewer shown counts only."""

from __future__ import annotations

import pytest

from appdb.principal import Principal
from tests.helpers import query
from tests.test_readable import (
    app,  # noqa: F401  (the fixture)
    raw_codes,
    screen_text,
)

PLACES = ("Bangko", "Jambi", "Belawan", "Rakumpit")
AGGREGATE = Principal("agregat-uji", "agregat", "Inspektorat uji", PLACES)
PAGES = ["kalibrasi", "talenta", "kepatuhan"]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_renders_in_both_languages_without_raw_codes(app, page, lang):  # noqa: F811
    at = app(page, lang)
    assert at.title[0].value
    texts = screen_text(at)
    assert len(texts) > 10
    assert raw_codes(texts) == []


def test_talent_page_names_each_box_with_its_action(app):  # noqa: F811
    at = app("talenta")
    captions = [c.value for c in at.caption]
    for b in range(1, 10):
        assert any(c.startswith(f"**{b}** · ") for c in captions), b
    assert "Dipromosikan dan dipertahankan" in " ".join(captions)


def test_compliance_headline_counts_match_the_mart(app, demo_settings):  # noqa: F811
    at = app("kepatuhan")
    last = query(demo_settings, "SELECT max(periode) FROM fct_kepatuhan").item()
    excused = query(demo_settings, "SELECT count(*) FROM fct_kepatuhan WHERE periode = $p AND dikecualikan", {"p": last}).item()
    shown = {m.label: m.value for m in at.metric}
    assert shown["Dikecualikan"] == str(excused)
    missing = query(
        demo_settings, "SELECT count(*) FROM fct_kepatuhan WHERE periode = $p AND NOT dikecualikan AND NOT ada_skp", {"p": last}
    ).item()
    assert [m.delta for m in at.metric if m.label == "Sudah SKP"] == [f"belum: {missing}"]


@pytest.mark.parametrize("page", PAGES)
def test_aggregate_viewer_sees_no_person(app, page, demo_settings):  # noqa: F811
    at = app(page, "id", None, _principal=AGGREGATE)
    texts = " ".join(screen_text(at))
    names = query(demo_settings, "SELECT nama FROM dim_pegawai")["nama"].to_list()
    assert [n for n in names if n in texts] == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_guide_explains_the_talent_rules_with_the_settings_in_force(app, lang):  # noqa: F811
    at = app("panduan", lang, {"panduan_bagian": "talenta"})
    body = " ".join(m.value for m in at.markdown)
    assert "PermenPANRB 3/2020" in body
    assert ("mulai 80" if lang == "id" else "from 80") in body
    assert raw_codes(screen_text(at)) == []
