"""Small helpers every page uses."""

from __future__ import annotations

import secrets
from collections.abc import Callable

import streamlit as st
from streamlit.logger import get_logger
from streamlit.runtime.scriptrunner_utils.exceptions import ScriptControlException

from warehouse.db import Filters

log = get_logger(__name__)


def guarded(run: Callable[[], None], where: str) -> None:
    """Run a page (or the router): an unexpected error shows the person a reference number, never a traceback,
    a file name or a server path; the details go to the server log under the same number."""
    try:
        run()
    except ScriptControlException:  # st.stop, st.rerun, a page switch: how Streamlit steers a run, not errors
        raise
    except Exception:
        ref = secrets.token_hex(4).upper()
        log.error("Error reference %s on %r", ref, where, exc_info=True)
        from ui.i18n import t

        st.error(t("page_failed", ref=ref))


def filters() -> Filters:
    """The shared filters drawn by the router."""
    return st.session_state.get("_filters") or Filters()


def chart(fig, key: str, fields: tuple[str, ...] = ()) -> None:
    """Draw a Plotly chart; with `fields` (e.g. ("lokasi", "opd")), clicking a point, bar or cell whose
    customdata ends with those values narrows the sidebar filters to them."""
    from ui.charts import PLOTLY_CONFIG

    if not fields:
        st.plotly_chart(fig, key=key, config=PLOTLY_CONFIG)
        return
    # A new key after each narrowing: the old selection must not narrow again after a reset.
    event = st.plotly_chart(
        fig, key=f"{key}_{st.session_state.get('_narrowed', 0)}", on_select="rerun", selection_mode="points", config=PLOTLY_CONFIG
    )
    points = event.get("selection", {}).get("points", []) if event else []
    chosen: dict[str, list[str]] = {}
    for pt in points:
        data = pt.get("customdata")
        if isinstance(data, list) and len(data) >= len(fields):
            for name, v in zip(fields, data[-len(fields) :], strict=True):
                if v and v not in chosen.setdefault(name, []):
                    chosen[name].append(v)
    if chosen and any(st.session_state.get(k) != v for k, v in chosen.items()):
        from ui.filters import narrow

        narrow(**chosen)


def freshness_line(info: dict) -> str:
    """The line on every page saying when data was last loaded, which periods it holds and how many rows were
    refused, from `queries.freshness`'s answer."""
    from ui import fmt
    from ui.i18n import lang, t

    lg = lang()
    return t(
        "fresh",
        waktu=fmt.day(info["waktu"], lg),
        dari=fmt.period(info["dari"], lg),
        sampai=fmt.period(info["sampai"], lg),
        n=fmt.num(info["n_periode"], 0, lg),
        rej=fmt.num(info["ditolak"], 0, lg),
    )


# Pages the shared filters don't act on: drawing them there would suggest they do (they keep their values meanwhile:
# `persist_state`, and come back on the next page that uses them).
UNFILTERED = {"data", "akun", "log-akses", "panduan"}

PAGES: dict[str, object] = {}  # filled by the router: url path -> st.Page


def address(title_key: str) -> str:
    """A page's URL path from its title's text key: "page_log_akses" -> "log-akses"."""
    return title_key.removeprefix("page_").replace("_", "-")


def title_key(path: str) -> str:
    """The other way: a page's title key from its URL path; the root address ("") is the first page, Ringkasan."""
    return "page_" + (path or "ringkasan").replace("-", "_")


def profile_link(nip: str | None) -> None:
    """A link to the employee profile page for one NIP."""
    page = PAGES.get("profil")
    if nip and page is not None:
        from ui.i18n import t

        st.page_link(page, label=t("open_profile"), icon=":material/person:", query_params={"nip": nip})


def score_axis() -> str:
    """The hasil kerja axis title with the capaian cap from the settings."""
    from ui import fmt
    from ui.data import settings
    from ui.i18n import lang, t

    return t("hasil_kerja_cap", cap=fmt.num(settings().section("capaian")["cap"], 0, lang()))


def people_link(f: Filters) -> None:
    """After narrowing to an OPD or place: a link on to the coaching list of those people (filters carry over)."""
    page = PAGES.get("pembinaan")
    chosen = list(f.opd) or list(f.lokasi)
    if page is not None and chosen:
        from ui import fmt
        from ui.i18n import t

        st.page_link(page, label=t("to_people", x=fmt.md(", ".join(chosen))), icon=":material/support:")


def uploader_language() -> None:
    """The file uploader's own texts (button, size limit, drop hint) in the chosen language.

    Streamlit draws them in English with no option to change them, so they are replaced by CSS.
    """
    from ui.data import settings
    from ui.i18n import t

    mb = min(float(settings().section("muat").get("max_upload_mb", 50)), float(st.get_option("server.maxUploadSize")))
    limit = t("upload_limit", mb=f"{mb:g}")
    # Only the words are swapped: the button's own label (a Markdown paragraph beside its icon) is hidden and the
    # translation drawn in its place, so nothing overlaps; the remove buttons of chosen files hold no label.
    st.html(f"""<style>
    [data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{ display: none; }}
    [data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"]::after {{
      content: "{t("upload_browse")}"; white-space: nowrap; }}
    [data-testid="stFileUploaderDropzoneInstructions"] span {{ display: none; }}
    [data-testid="stFileUploaderDropzoneInstructions"] div::after {{ content: "{limit}"; font-size: 0.875rem; }}
    </style>""")


def reroute() -> None:
    """Hand a page file run on its own back to the router.

    A server that has not yet run the router treats `pages/` as a pages folder, so the first visit to
    a shared link such as /skor runs pages/skor.py by itself and shows an empty page. Turning that
    routing off and rerunning sends the same address through `dashboard.py` instead.
    """
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
    st.rerun()
