"""What a reader sees, page by page in both languages: no raw codes, column names, None or ISO dates; numbers
the chosen language's way while columns stay numeric; URLs that hold codes, not translated labels; reset;
neutral zero changes; the guide follows the settings."""

from __future__ import annotations

import html
import json
import re

import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest

from tests.helpers import app_headline, query
from tests.test_app import HARNESS, PAGES
from ui.filters import OPD_SEP

# Streamlit's own English widget texts, which an Indonesian page must replace
STREAMLIT_ENGLISH = ("Choose options", "Choose an option", "Select...", "No results", "Add options")
# Raw codes: period keys and ISO dates, quarter keys, snake_case codes and column names, None/NaN, clock times.
RAW = [
    re.compile(p)
    for p in (
        r"\bNone\b",
        r"\bnan\b",
        r"\bNaN\b",
        r"\b\d{4}-\d{2}\b",
        r"\b\d{4}-Q\d\b",
        r"\b[a-z]+_[a-z0-9_]+\b",
        r"\d{2}:\d{2}:\d{2}",
    )
]
FILE_NAME = re.compile(r"\S+\.(csv|xlsx|parquet)\b")
NUMBER = {"id": re.compile(r"^[-+]?\d{1,3}(\.\d{3})*(,\d+)?%?$"), "en": re.compile(r"^[-+]?\d{1,3}(,\d{3})*(\.\d+)?%?$")}


@pytest.fixture()
def app(demo_settings, monkeypatch):
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(demo_settings.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(demo_settings.staging))
    from ui.data import settings

    settings.clear()

    def make(page: str, lang: str = "id", params: dict | None = None, **state) -> AppTest:
        at = AppTest.from_file(HARNESS, default_timeout=60)
        at.session_state["_page"] = page
        if lang == "en":
            at.session_state["lang"] = "English"
        for k, v in (params or {}).items():
            at.query_params[k] = v
        for k, v in state.items():
            at.session_state[k] = v
        at.run()
        assert not at.exception, at.exception
        return at

    yield make
    settings.clear()


def _nip(demo_settings) -> str:
    return query(demo_settings, "SELECT nip FROM mart_pembinaan ORDER BY urgensi DESC LIMIT 1").item()


# Moment.js date tokens the dashboard's column formats use, as strftime (the browser formats those columns).
MOMENT = {"YYYY": "%Y", "MM": "%m", "DD": "%d"}


def _grids(at) -> list[tuple]:
    """Each grid as (underlying values, displayed text): a Styler's display text, or a date column drawn
    in its column format by the browser."""
    out = []
    for d in at.dataframe:
        styler = d.proto.arrow_data.styler
        shown = convert_arrow_bytes_to_pandas_df(styler.display_values) if styler.display_values else d.value.copy()
        for name, cfg in (json.loads(d.proto.columns) if d.proto.columns else {}).items():
            form = (cfg.get("type_config") or {}).get("format")
            if (cfg.get("type_config") or {}).get("type") in ("date", "datetime") and form and name in shown.columns:
                for token, code in MOMENT.items():
                    form = form.replace(token, code)
                shown[name] = [v.strftime(form) if v is not None and v == v else "–" for v in d.value[name]]
        out.append((d.value, shown))
    return out


def _chart_text(spec: dict) -> list[str]:
    layout = spec.get("layout", {})
    texts = [
        str((layout.get("title") or {}).get("text", "")),
        str(((layout.get("title") or {}).get("subtitle") or {}).get("text", "")),
    ]
    for axis in ("xaxis", "yaxis"):
        texts.append(str(((layout.get(axis) or {}).get("title") or {}).get("text", "")))
    for trace in spec.get("data", []):
        texts.append(str(trace.get("name", "")))
        for field in ("x", "y", "text"):
            vals = trace.get(field)
            if isinstance(vals, list):
                texts += [str(v) for v in vals if isinstance(v, str)]
        texts.append(str(((trace.get("colorbar") or {}).get("title") or {}).get("text", "")))
    return texts


def screen_text(at) -> list[str]:
    """Every piece of text the page puts on screen (widgets, figures, grids, charts)."""
    texts = []
    for kind in ("title", "header", "subheader", "caption", "info", "warning"):
        texts += [str(e.value) for e in getattr(at, kind)]
    for e in at.markdown:  # what a reader sees of markup: its text, and its tooltips (title="...")
        markup = str(e.value)
        texts.append(html.unescape(re.sub(r"<style>.*?</style>|<[^>]+>", " ", markup, flags=re.S)))
        texts += [html.unescape(tip) for tip in re.findall(r"title='([^']*)'", markup)]
    for w in [*at.selectbox, *at.multiselect, *at.select_slider, *at.radio, *at.text_input]:
        texts.append(w.label)
        texts += [str(o) for o in getattr(w.proto, "options", [])]
        if getattr(w.proto, "placeholder", ""):
            texts.append(w.proto.placeholder)
    for value, shown in _grids(at):
        texts += [str(c) for c in value.columns]
        texts += [str(v) for v in shown.astype(str).to_numpy().ravel()]
    for chart in at.get("plotly_chart"):
        texts += _chart_text(json.loads(chart.proto.spec))
    return texts


def raw_codes(texts: list[str]) -> list[str]:
    hits = []
    for text in texts:
        clean = FILE_NAME.sub("", text)
        hits += [f"{p.pattern!r} in {text[:80]!r}" for p in RAW if p.search(clean)]
    return hits


def test_the_checker_finds_what_the_issue_saw():
    seen = [
        "maks_baik, min_butuh_atau_kurang",
        "2026-10",
        "2026-Q4",
        "rata_target",
        "None",
        "2026-10-29 00:00:00",
        "berorientasi_pelayanan",
    ]
    assert all(raw_codes([s]) for s in seen)
    assert raw_codes(["Okt 2026", "TW IV 2026", "Rata-rata target", "–", "29 Oktober 2026", "pegawai_2026.csv"]) == []


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_no_raw_code_on_any_page(app, demo_settings, page, lang):
    params = {"nip": _nip(demo_settings)} if page == "profil" else None
    at = app(page, lang, params)
    texts = screen_text(at)
    assert len(texts) > 5
    assert raw_codes(texts) == []
    if lang == "id":
        assert [x for x in texts if any(e in x for e in STREAMLIT_ENGLISH)] == []
    # Streamlit's default placeholder of an empty multiselect is English ("Choose options"): each sets its own
    assert [m.label for m in at.multiselect if not m.proto.placeholder] == []


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(
    ("page", "params"),
    [
        ("ringkasan", {"ringkasan_bagian": "kurva"}),
        ("skor", {"skor_bagian": "opd"}),
        ("skor", {"skor_bagian": "indikator"}),
        ("tren", {"tren_group": "opd"}),
        ("bandingkan", {"banding_mode": "percentile"}),
        ("umpan_balik", {"skm_bagian": "rincian"}),
        ("tren", {"tren_bagian": "predikat"}),
        ("tren", {"tren_bagian": "ikm", "tren_group": "opd"}),
    ],
)
def test_no_raw_code_in_other_views(app, page, params, lang):
    assert raw_codes(screen_text(app(page, lang, params))) == []


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(
    ("page", "params"),
    [
        ("ringkasan", None),
        ("skor", {"skor_bagian": "opd"}),
        ("skor", {"skor_bagian": "indikator"}),
        ("tren", None),
        ("bandingkan", None),
        ("umpan_balik", None),
        ("umpan_balik", {"skm_bagian": "rincian"}),
    ],
)
def test_numbers_are_numeric_columns_shown_the_languages_way(app, page, params, lang):
    at = app(page, lang, params)
    checked = 0
    for value, shown in _grids(at):
        for c in value.columns:
            if value[c].dtype.kind in "if":
                cells = [s for s in shown[c].astype(str) if s != "–"]
                bad = [s for s in cells if not NUMBER[lang].match(s)]
                assert bad == [], (c, bad[:5])
                checked += len(cells)
    assert checked > 0


def test_sorting_numbers_is_numeric_not_text(app):
    # 99,9 sorts below 108,0: the grid holds numbers, the text is only how they are shown.
    at = app("skor", "id", {"skor_bagian": "opd"})
    grid = at.dataframe[0].value
    assert grid["Rata-rata hasil kerja"].dtype.kind == "f" and grid["Pegawai"].dtype.kind in "iu"
    assert grid["Sangat Baik"].dropna().between(0, 1).all()  # shares kept as fractions, shown as 28,8%


def test_indonesian_number_strings_and_percentages(app):
    at = app("skor", "id", {"skor_bagian": "opd"})
    value, shown = _grids(at)[0]
    shares = shown["Sangat Baik"][value["Sangat Baik"].notna()]
    assert shares.str.endswith("%").all() and shares.str.contains(",").all()


def test_grid_text_for_literal_values():
    import polars as pl

    from ui.tables import display_frame

    frame = pl.DataFrame(
        {
            "n": [1824, None],
            "rata_hasil": [99.94, None],
            "share_capai": [0.2884, None],
            "periode": ["2026-10", "2026-Q4"],
            "jenis_kelamin": ["P", "L"],
            "terlalu_kecil": [True, False],
        }
    )
    shown = display_frame(frame, percent=("share_capai",)).data  # the values under the text: numbers, rounded as shown
    assert shown["n"].tolist()[0] == 1824
    assert shown["Rata-rata hasil kerja"].tolist()[0] == 99.9 and shown["Mencapai target"].tolist()[0] == 0.288
    text = display_frame(frame, percent=("share_capai",)).to_string()
    for expected in ("1.824", "99,9", "28,8%", "Okt 2026", "TW IV 2026", "Perempuan", "Laki-laki", "Ya", "Tidak", "–"):
        assert expected in text


def test_labels_not_codes_in_respondent_profile(app):
    at = app("umpan_balik", "id", {"skm_bagian": "rincian"})
    sexes = {v for value, shown in _grids(at) if "Jenis kelamin" in shown.columns for v in shown["Jenis kelamin"]}
    assert sexes and sexes <= {"Perempuan", "Laki-laki"}
    at_en = app("umpan_balik", "en", {"skm_bagian": "rincian"})
    sexes_en = {v for value, shown in _grids(at_en) if "Sex" in shown.columns for v in shown["Sex"]}
    assert sexes_en and sexes_en <= {"Female", "Male"}


def test_url_holds_codes_and_opens_the_same_view_in_either_language(app, demo_settings):
    keys = query(demo_settings, "SELECT periode FROM dim_periode ORDER BY periode_mulai")["periode"].to_list()
    params = {"periode": [keys[2], keys[6]], "lokasi": ["Jambi"], "tren_group": "opd"}
    views = {}
    for lang in ("id", "en"):
        at = app("tren", lang, params)
        assert at.select_slider(key="periode").value == (keys[2], keys[6])
        assert at.multiselect(key="lokasi").value == ["Jambi"]
        assert at.session_state["tren_group"] == "opd"
        assert at.query_params["periode"] == [keys[2], keys[6]]
        views[lang] = at.dataframe[0].value
    views["en"].columns = views["id"].columns  # headers differ by language, the rows must not
    assert views["id"].equals(views["en"]) and len(views["id"]) > 0


def test_moving_the_period_writes_period_keys_not_month_names(app, demo_settings):
    keys = query(demo_settings, "SELECT periode FROM dim_periode ORDER BY periode_mulai")["periode"].to_list()
    # (AppTest formats a slider's value outside the page, in the default language: move it in Indonesian;
    # the English URL is checked by the round trip above)
    at = app("ringkasan", "id")
    at.select_slider(key="periode").set_value((keys[1], keys[4])).run()
    assert at.select_slider(key="periode").value == (keys[1], keys[4])
    assert at.query_params["periode"] == [keys[1], keys[4]]
    at2 = app("bandingkan", "en")
    at2.selectbox(key="banding_jenis").select_index(1).run()
    chosen = at2.selectbox(key="banding_jenis").value
    assert at2.query_params["banding_jenis"] in (chosen, [chosen])


def test_reset_clears_filters_and_the_url(app, demo_settings):
    keys = query(demo_settings, "SELECT periode FROM dim_periode ORDER BY periode_mulai")["periode"].to_list()
    at = app("ringkasan", "id", {"periode": [keys[0], keys[3]], "lokasi": ["Jambi"]})
    assert at.multiselect(key="lokasi").value == ["Jambi"]
    at.button(key="reset_filters").click().run()
    assert not at.exception
    assert at.multiselect(key="lokasi").value == []
    assert at.select_slider(key="periode").value == (keys[0], keys[-1])  # the default: last 12 of 12
    assert "lokasi" not in at.query_params and "periode" not in at.query_params


def test_less_used_filters_open_on_request_and_stay_open_while_one_is_in_use(app):
    more = ["lokasi", "opd", "unit_kerja", "jenis_jabatan", "golongan", "status_asn"]
    at = app("ringkasan")
    assert [m.key for m in at.sidebar.multiselect] == ["lokasi"]
    assert "reset_filters" not in [b.key for b in at.button]  # nothing to reset yet
    at.sidebar.toggle(key="filters_more").set_value(True).run()
    assert [m.key for m in at.sidebar.multiselect] == more
    assert not at.sidebar.toggle(key="filters_more").disabled
    gol = at.sidebar.multiselect(key="golongan").options[0]
    at.sidebar.multiselect(key="golongan").select(gol).run()
    assert at.query_params["golongan"] in (gol, [gol])
    # a filter in force cannot be folded away out of sight
    assert at.sidebar.toggle(key="filters_more").disabled
    at.run()  # on another page or a later run the filter is still shown
    assert [m.key for m in at.sidebar.multiselect] == more
    assert at.sidebar.multiselect(key="golongan").value == [gol]
    at.button(key="reset_filters").click().run()
    assert [m.key for m in at.sidebar.multiselect] == ["lokasi"]
    assert "golongan" not in at.query_params


def test_a_shared_link_with_a_less_used_filter_opens_it(app, demo_settings):
    opd = query(demo_settings, "SELECT min(opd) FROM agg_kinerja WHERE lokasi = 'Jambi'").item()
    at = app("skor", "en", {"lokasi": "Jambi", "opd": opd})
    assert at.sidebar.toggle(key="filters_more").value is True
    # a link made before OPD choices named their place opens as that place's OPD
    assert at.sidebar.multiselect(key="opd").value == [f"Jambi{OPD_SEP}{opd}"]
    assert at.query_params["opd"] in (f"Jambi{OPD_SEP}{opd}", [f"Jambi{OPD_SEP}{opd}"])


def test_a_chart_click_narrows_the_filters(app, demo_settings):
    opd = query(demo_settings, "SELECT min(opd) FROM agg_kinerja WHERE lokasi = 'Jambi'").item()
    at = app("skor", "id", {"skor_bagian": "opd"}, _pending_filters={"lokasi": ["Jambi"], "opd": [opd]})
    code = f"Jambi{OPD_SEP}{opd}"
    assert at.multiselect(key="opd").value == [code]
    assert at.query_params["opd"] in (code, [code])
    assert set(at.dataframe[0].value["OPD"]) == {opd}


def test_no_change_is_grey_without_arrow(app):
    table = app_headline(app("ringkasan", "id"))
    changes = [cell for cells in table["rows"].values() for cell in cells.values() if cell[1] is not None]
    zero = [c for c in changes if re.fullmatch(r"[+-]?0(,0+)?( pp)?", c[1])]
    moved = [c for c in changes if c not in zero]
    assert zero and moved  # the demo has both
    assert all(kind == "flat" for _, _, kind in zero)  # grey, no arrow
    assert all(kind in ("up", "down") and d[0] in "▲▼" for _, d, kind in moved)
    for _, d, _kind in moved:  # the arrow follows the sign; the colour says better or worse
        assert (d[0] == "▲") == ("-" not in d)
    assert set(table["columns"]) == {"n", "rata", "sb", "bawah", "ikm"}
    assert all(tip for _, tip in table["columns"].values())  # every headline figure says what it is


def test_a_lower_share_below_baik_is_green(app):
    for cells in app_headline(app("ringkasan", "en"))["rows"].values():
        _, change, kind = cells["bawah"]
        if kind in ("up", "down"):
            assert (kind == "up") == change.startswith("▼")


def test_guide_shows_the_current_settings(demo_settings, monkeypatch, tmp_path):
    override = tmp_path / "region.toml"
    override.write_text(
        "[capaian]\ncap = 130.0\n[pembinaan]\nscore_cutoff = 77.0\nconsecutive_periods = 4\n[skm]\nmin_respondents = 33\n"
        '[laporan]\ninstansi = "BKPSDM Kota Uji"\nhari_mingguan = 4\njam_kirim = 6\npercobaan_maks = 5\n'
        "[peringatan]\nikm_min = 70.5\nditolak_min = 250\nkurva = false\n"
    )
    monkeypatch.setenv("KINERJA_SETTINGS", str(override))
    monkeypatch.setenv("KINERJA_WAREHOUSE", str(demo_settings.warehouse))
    monkeypatch.setenv("KINERJA_STAGING", str(demo_settings.staging))
    from ui.data import settings

    settings.clear()
    try:
        at = AppTest.from_file(HARNESS, default_timeout=60)
        at.session_state["_page"] = "panduan"
        at.run()
        assert not at.exception
        text = " ".join(e.value for e in at.markdown)  # first section: scoring and IKM
        assert "maks **130**" in text and "**33** responden" in text
        at2 = AppTest.from_file(HARNESS, default_timeout=60)  # the second section, as a shared link opens it
        at2.session_state["_page"] = "panduan"
        at2.query_params["panduan_bagian"] = "aturan"
        at2.run()
        assert not at2.exception
        text = " ".join(e.value for e in at2.markdown)
        assert "di bawah **77**" in text and "**4** periode" in text
        # scheduled reports and alerts as the settings have them; an alert switched off is not described
        assert "**BKPSDM Kota Uji**" in text and "setiap **Jumat**" in text and "pukul **06.00** WIB" in text
        assert "paling banyak 5 kali" in text and "di bawah **70,50**" in text and "**250** baris" in text
        assert "kurva distribusi" not in text.split("Peringatan dihitung")[1].split("\n")[0]
        assert "maks **130**" not in text  # one view at a time
    finally:
        settings.clear()


def test_access_log_detail_reads_as_text():
    from pages.log_akses import _detail, _page

    # the page an entry was written on, by its title (the log stores its address)
    assert [_page(p) for p in ("kasus", "log-akses", "", None)] == ["Kasus pembinaan", "Log akses", "Ringkasan", "–"]

    text = _detail(
        {"table": "perubahan_terbesar", "filters": {"dari": "2025-11", "sampai": "2026-10", "lokasi": ["Jambi", "Bangko"]}}
    )
    assert text == "Tabel: perubahan terbesar; Filter: Rentang periode Nov 2025 – Okt 2026, Lokasi: Jambi, Bangko"
    assert raw_codes([text]) == []
    assert _detail({"action": "edit", "user": "budi", "active": False}) == "Tindakan: edit; Akun: budi; Aktif: Tidak"
    change = {"action": "edit", "user": "budi", "role": "kepala_opd", "lokasi": ["Bangko"], "changed": ["active", "lokasi"]}
    assert _detail(change) == "Tindakan: edit; Akun: budi; Peran: Kepala OPD; Lokasi: Bangko; Diubah: Aktif, Lokasi"
    assert _detail(None) == _detail({}) == "–"
    assert _detail({"files": ["capaian_2026-04.csv"], "kind": None}) == "Berkas: capaian_2026-04.csv; Jenis: –"
