"""Log akses: who signed in, looked at or downloaded personal data, loaded files or changed accounts (admins only)."""

from __future__ import annotations

import datetime as dt
import re

import polars as pl
import streamlit as st

from appdb import access
from appdb.accounts import log_visibility
from ui import fmt
from ui.auth import current_principal, engine, role_label
from ui.data import settings
from ui.download import zone
from ui.i18n import T, col, lang, t
from ui.page import title_key
from ui.tables import show

# Events and outcomes as people read them (the log stores codes).
LABELS = {
    "signin": ("Masuk", "Signed in"),
    "signin_failed": ("Gagal masuk", "Sign-in failed"),
    "signout": ("Keluar", "Signed out"),
    "timeout": ("Sesi habis", "Timed out"),
    "view": ("Melihat data pribadi", "Viewed personal data"),
    "profile": ("Membuka profil", "Opened a profile"),
    "download": ("Mengunduh", "Downloaded"),
    "upload": ("Memuat berkas", "Uploaded"),
    "user_change": ("Mengubah akun", "Changed an account"),
    "denied": ("Ditolak", "Refused"),
    "purge": ("Pembersihan log", "Log purge"),
    "report_sent": ("Laporan terjadwal dikirim", "Scheduled report sent"),
    "subscription": ("Mengubah langganan laporan", "Changed a report subscription"),
    "skm_plan": ("Mengisi rencana tindak lanjut SKM", "Entered an SKM follow-up plan"),
    "ok": ("Berhasil", "OK"),
    "wrong_password": ("Kata sandi salah", "Wrong password"),
    "locked": ("Terkunci", "Locked"),
    "disabled": ("Akun nonaktif", "Disabled"),
    "unknown": ("Akun tidak dikenal", "Unknown account"),
    "not_found": ("Tidak ada", "Not found"),
    "failed": ("Gagal", "Failed"),
    "oidc": ("SSO instansi", "agency SSO"),  # how someone signed in
    "local": ("akun lokal", "local account"),
}


# The names of what an entry's detail holds that are not grid columns (those read as their column: ui.i18n.col).
DETAIL = {
    "table": ("Tabel", "Table"),
    "filters": ("Filter", "Filters"),
    "file": ("Berkas", "File"),
    "files": ("Berkas", "Files"),
    "kind": ("Jenis", "Kind"),
    "user": ("Akun", "Account"),
    "action": ("Tindakan", "Action"),
    "source": ("Lewat", "Via"),
    "password": ("Kata sandi", "Password"),
    "changed": ("Diubah", "Changed"),
    "before": ("Sebelum", "Before"),
    "through_seq": ("Sampai baris", "Through row"),
    "retention_days": ("Disimpan (hari)", "Kept (days)"),
}
PERIOD_KEY = re.compile(r"^\d{4}-(\d{2}|Q\d)$")  # what ui.fmt.period turns into "Okt 2026" / "TW IV 2026"


def _value(v) -> str:
    """A detail value as people read it: lists joined, period keys as periods, codes without underscores."""
    if v is None:
        return "–"
    if isinstance(v, dict):
        return _detail(v, nested=True)
    if isinstance(v, (list, tuple)):
        return ", ".join(_value(x) for x in v) or "–"
    if isinstance(v, bool):
        return t("yes") if v else t("no")
    text = str(v)
    if PERIOD_KEY.match(text):
        return fmt.period(text, lang())
    return text.replace("_", " ") if re.fullmatch(r"[a-z]+(_[a-z0-9]+)+", text) else text


def _detail(d: dict | None, nested: bool = False) -> str:
    """An entry's detail, e.g. "Tabel: pembinaan; Filter: Periode Nov 2025 – Okt 2026, Lokasi: Jambi"."""
    if not d:
        return "–"
    d = dict(d)
    parts = []
    if "dari" in d or "sampai" in d:  # a period range
        parts.append(f"{t('period_range')} {_value(d.pop('dari', ''))} – {_value(d.pop('sampai', ''))}")
    for k, v in d.items():
        pair = DETAIL.get(k)
        name = (pair[1] if lang() == "en" else pair[0]) if pair else col(k).replace("_", " ")
        parts.append(f"{name}: {_detail_value(k, v)}")
    return (", " if nested else "; ").join(parts)


def _detail_value(key: str, v) -> str:
    """One detail value: sign-in sources and roles by their labels, changed fields by their column names."""
    if key == "source":
        return _label(v)
    if key == "role" and isinstance(v, str):
        return role_label(v)
    if key == "changed" and isinstance(v, list):
        return ", ".join(col(x) for x in v) or "–"
    return _value(v)


def _label(code: str | None) -> str:
    pair = LABELS.get(code or "")
    return (pair[1] if lang() == "en" else pair[0]) if pair else (code or "–")


def _page(path: str | None) -> str:
    """A page's address as its title in the chosen language ("kasus" -> "Kasus pembinaan"); the first page,
    at the root address, is Ringkasan."""
    if path is None:
        return "–"
    key = title_key(path)
    return t(key) if key in T else path


def _frame(rows: list[dict]) -> pl.DataFrame:
    cols = ["at", "username", "role", "event", "page", "outcome", "rows", "detail"]
    if not rows:
        return pl.DataFrame()
    return pl.DataFrame(
        [
            {
                **{c: r[c] for c in cols},
                "at": fmt.in_zone(r["at"], zone()),  # recorded in UTC, read in the offices' zone (WIB)
                "role": role_label(r["role"]) if r["role"] else "–",
                "event": _label(r["event"]),
                "page": _page(r["page"]),
                "outcome": _label(r["outcome"]),
                "detail": _detail(r["detail"]),
            }
            for r in rows
        ],
        schema_overrides={"rows": pl.Int64},
    ).rename({"event": "kejadian"})  # "event" is the case trail's "Perubahan" column


@st.cache_data(ttl=60, max_entries=4, show_spinner=False)
def _problems(head: str | None, rows: int) -> int:
    """How many breaks the chain check finds, once per (newest row, row count) and minute: the check reads
    the whole log; a row removed shows at once, a row altered within a minute."""
    return len(access.verify_log(engine()))


def _chain_state() -> None:
    """Whether the log's hash chain holds: rows missing, altered or slipped in show here."""
    rows = access.count(engine())
    problems = _problems(access.head(engine()), rows)
    if problems:
        st.error(t("log_broken", n=fmt.num(problems, 0, lang())))
    else:
        st.caption(t("log_whole", n=fmt.num(rows, 0, lang())))


def run() -> None:
    st.title(t("page_log_akses"))
    who = current_principal()
    if who is None or not who.is_admin:
        st.error(t("admin_only"))
        return
    st.caption(t("log_retention", d=settings().section("log").get("retention_days", 0)))
    _chain_state()
    today = dt.date.today()
    c1, c2, c3, c4 = st.columns(4)
    since = c1.date_input(t("log_since"), today - dt.timedelta(days=30), key="log_since", format="DD/MM/YYYY")
    until = c2.date_input(t("log_until"), today, key="log_until", format="DD/MM/YYYY")
    user = c3.text_input(t("log_user"), key="log_user")
    events = c4.multiselect(t("log_events"), access.EVENTS, key="log_events", placeholder=t("all"), format_func=_label)
    names, unknown = log_visibility(engine(), who)  # an admin reads the rows of the accounts it manages, no more
    rows = access.entries(
        engine(),
        since=dt.datetime.combine(since, dt.time()).astimezone(dt.UTC),
        until=dt.datetime.combine(until + dt.timedelta(days=1), dt.time()).astimezone(dt.UTC),
        username=user.strip() or None,
        events=tuple(events),
        names=names,
        unknown=unknown,
    )
    show(_frame(rows), "log_akses", t("page_log_akses"), None)


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
