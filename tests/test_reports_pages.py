"""AppTest of the report actions on the pages: the PDF button on every analysis page, the Langganan page (a
subscription saved and logged, for each role that may subscribe), and the SKM follow-up plan on Umpan balik
(saved by the unit's Head of OPD with who and when; read-only for others)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from appdb import access
from appdb.engine import open_app_db
from appdb.principal import Principal
from appdb.reports import latest_plan, subscriptions
from tests.test_app import ADMIN, app  # noqa: F401  (the AppTest fixture)
from warehouse import queries
from warehouse.db import Filters, Scope, connect

AGGREGATE = Principal("pantau", "agregat", "Pemantau", lokasi=("Jambi",))
ANALYSIS = ["ringkasan", "skor", "tren", "bandingkan", "umpan_balik", "pembinaan", "penghargaan"]


@pytest.mark.parametrize("page", ANALYSIS)
def test_every_analysis_page_offers_its_pdf(app, page):  # noqa: F811
    at = app(page)
    labels = [b.label for b in at.get("download_button")]
    assert "Unduh laporan (PDF)" in labels
    if page == "ringkasan":
        assert "Unduh paket laporan daerah (PDF)" in labels


@pytest.mark.parametrize("who", [ADMIN, AGGREGATE], ids=["admin", "agregat"])
def test_langganan_saves_a_subscription_with_the_filters(app, who, monkeypatch):  # noqa: F811
    at = app("langganan", who, lokasi=["Jambi"])
    at.text_input[0].input("pemantau@uji.local")
    at.selectbox[2].select("bulanan")
    at.button[0].click().run()
    assert not at.exception, at.exception
    engine = open_app_db(_url())
    subs = subscriptions(engine, who.username)
    assert len(subs) == 1 and subs[0]["jadwal"] == "bulanan" and subs[0]["filters"]["lokasi"] == ["Jambi"]
    assert [r for r in access.entries(engine, events=("subscription",)) if r["username"] == who.username]
    listed = " ".join(m.value for m in at.markdown)  # the new subscription is listed, its filters in words
    assert "Bulanan" in listed and "Lokasi\\: Jambi" in listed


def _url() -> str:
    import os

    return os.environ["KINERJA_APP_DB"]


def test_the_unit_head_saves_the_follow_up_plan(app, demo_settings):  # noqa: F811
    con = connect(str(demo_settings.warehouse))
    row = queries.ikm_units(con, Filters(lokasi=("Jambi",)), Scope()).row(0, named=True)
    con.close()
    head = Principal("kadis", "kepala_opd", "Kepala Dinas", lokasi=("Jambi",), opd=(row["opd"],))
    at = app("umpan_balik", head)
    at.selectbox(key="skm_pub_unit").select(row["unit_layanan"]).run()
    at.selectbox(key="skm_pub_period").select(row["periode"]).run()
    area = next(a for a in at.text_area if a.key.startswith("skm_plan_"))
    area.input("Tambah loket; sosialisasi persyaratan di laman.").run()
    at.button(key="skm_plan_save").click().run()
    assert not at.exception, at.exception
    plan = latest_plan(open_app_db(_url()), "Jambi", row["unit_layanan"], row["periode"])
    assert plan["rencana"].startswith("Tambah loket") and plan["created_by"] == "kadis"
    with open_app_db(_url()).connect() as c:  # append-only: an edit is refused by the database
        with pytest.raises(sa.exc.DBAPIError):
            c.execute(sa.text("UPDATE skm_tindak_lanjut SET rencana = 'x'"))
    # a Pimpinan of the place reads the plan but cannot change it
    boss = Principal("sekda", "pimpinan", "Sekda", lokasi=("Jambi",))
    at2 = app("umpan_balik", boss)
    at2.selectbox(key="skm_pub_unit").select(row["unit_layanan"]).run()
    at2.selectbox(key="skm_pub_period").select(row["periode"]).run()
    assert not [a for a in at2.text_area if a.key.startswith("skm_plan_")]
    assert any("Tambah loket" in x.value for x in at2.text)
