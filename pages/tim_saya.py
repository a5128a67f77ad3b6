"""Tim saya: an Atasan's own staff, direct and indirect (the nip_atasan chain at the last period in range), with
that period's scores and predikat and a link to each one's profile."""

from __future__ import annotations

import polars as pl
import streamlit as st

import ui.text_peran  # noqa: F401  (registers the labels)
from ui import fmt
from ui.data import cached, scope
from ui.i18n import lang, t
from ui.page import filters
from ui.tables import show
from warehouse import team


def run() -> None:
    f, sc, lg = filters(), scope(), lang()
    st.title(t("page_tim_saya"))
    if sc.atasan is None:  # the page is listed for an Atasan only; by address, anyone else is told why it is empty
        st.info(t("team_not_atasan"))
        return
    data = cached(team.team, f, sc)
    if data.is_empty():
        st.info(t("team_empty"))
        return
    direct = int(data["langsung"].sum())
    st.caption(
        t(
            "team_intro",
            p=fmt.period(data["periode"][0], lg, long=True),
            n=fmt.num(data.height, 0, lg),
            d=fmt.num(direct, 0, lg),
            i=fmt.num(data.height - direct, 0, lg),
        )
    )
    rows = data.with_columns(
        pl.when(pl.col("langsung")).then(pl.lit(t("team_direct"))).otherwise(pl.lit(t("team_indirect"))).alias("hubungan"),
        (pl.lit("/profil?nip=") + pl.col("nip")).alias("profil"),
    )
    show(
        rows.select("nama", "hubungan", "profil", "jabatan", "unit_kerja", "hasil_kerja", "perilaku", "predikat"),
        "tim_saya",
        t("page_tim_saya"),
        f,
        links={"profil": t("open_profile")},
        widths={"nama": 180, "hubungan": 110, "profil": 105},
    )


def pick_from_team() -> str | None:
    """For an Atasan on a page that needs one employee (Profil): a choice among their own staff, so the page
    never opens empty; None for anyone else or an empty team."""
    sc = scope()
    if sc.atasan is None:
        return None
    data = cached(team.team, filters(), sc)
    if data.is_empty():
        return None
    names = {r["nip"]: f"{r['nama']} · {r['jabatan'] or ''}" for r in data.iter_rows(named=True)}
    return st.selectbox(
        t("team_pick"), list(names), format_func=names.get, index=None, key="tim_pick", placeholder=t("pick_employee")
    )


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
