"""The "Unduh laporan (PDF)" action every analysis page draws with one call: the PDF of the view for the same
filters, language and reader (reports.build), made only when pressed and logged like the other downloads.
Ringkasan adds the regional pack; Umpan balik adds the SKM publication per unit with its follow-up plan."""

from __future__ import annotations

import streamlit as st

import ui.text_reports  # noqa: F401  (registers the labels)
from reports.build import pack, page_report
from reports.context import Context
from ui import audit
from ui.auth import PRINCIPAL
from ui.data import connection, scope, settings
from ui.i18n import lang, t
from ui.page import filters

PDF = "application/pdf"


def context() -> Context:
    """The report context of this session: its filters, scope, language and principal."""
    return Context(
        con=connection(), f=filters(), scope=scope(), lang=lang(), settings=settings(), who=st.session_state.get(PRINCIPAL)
    )


def report_button(page: str, nip: str | None = None) -> None:
    """Draw the page's PDF download (and, on Ringkasan, the regional pack; on Umpan balik, the SKM publication)."""
    ctx = context()
    name = f"laporan_{page}.pdf"
    row = st.container(horizontal=True)  # the buttons side by side, each as wide as its label
    detail_file = name if nip is None else f"laporan_profil_{nip[-6:]}.pdf"
    row.download_button(
        t("report_pdf"),
        audit.logged_download(lambda: page_report(ctx, page, nip), detail_file, ctx.f, 0),
        file_name=detail_file,
        mime=PDF,
        key=f"pdf_{page}",
        on_click="ignore",
        help=t("report_pdf_help"),
    )
    if page == "ringkasan":
        row.download_button(
            t("report_pack"),
            audit.logged_download(lambda: pack(ctx), "paket_laporan.pdf", ctx.f, 0),
            file_name="paket_laporan.pdf",
            mime=PDF,
            key="pdf_pack",
            on_click="ignore",
            help=t("report_pack_help"),
        )
    if page == "ringkasan" and ctx.who is not None:
        _alerts(ctx)
    if page == "umpan_balik":
        from ui.skm_publication import panel

        panel(ctx)


def _alerts(ctx: Context) -> None:
    """The alerts holding now within this reader's scope (evaluated by the scheduler after each load)."""
    from appdb.reports import active_alerts
    from reports.alerts import covers
    from ui import fmt
    from ui.auth import engine
    from ui.page import PAGES

    mine = [a for a in active_alerts(engine()) if covers(ctx.who, ctx.scope, a)]
    if not mine:
        return
    # folded: the headline figures stay on the first screen; the count in the title says there is something to read
    with st.expander(t("alerts_title", n=fmt.num(len(mine), 0, ctx.lang)), expanded=False, icon="⚠️"):
        for a in mine[:10]:
            st.markdown("- " + fmt.md(a["text_en" if ctx.lang == "en" else "text_id"]))
        if len(mine) > 10:
            st.caption(t("alerts_more", n=fmt.num(len(mine) - 10, 0, ctx.lang)))
        for link in dict.fromkeys(a["link"] for a in mine):
            if link in PAGES and link:
                st.page_link(PAGES[link], label=t("alerts_open", page=PAGES[link].title))
            elif link == "" and "" in PAGES:  # a curve break: Ringkasan's own curve section
                st.page_link(PAGES[""], label=t("alerts_open_curve"), query_params={"ringkasan_bagian": "kurva"})
