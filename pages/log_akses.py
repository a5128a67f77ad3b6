"""Log akses: who signed in, looked at or downloaded personal data, loaded files or changed accounts (admins only)."""

from __future__ import annotations

import datetime as dt

import polars as pl
import streamlit as st

from appdb import access
from ui.auth import current_principal, engine, role_label
from ui.data import settings
from ui.i18n import lang, t
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
    "ok": ("Berhasil", "OK"),
    "wrong_password": ("Kata sandi salah", "Wrong password"),
    "locked": ("Terkunci", "Locked"),
    "disabled": ("Akun nonaktif", "Disabled"),
    "unknown": ("Akun tidak dikenal", "Unknown account"),
    "not_found": ("Tidak ada", "Not found"),
    "failed": ("Gagal", "Failed"),
}


def _label(code: str | None) -> str:
    pair = LABELS.get(code or "")
    return (pair[1] if lang() == "en" else pair[0]) if pair else (code or "–")


def _frame(rows: list[dict]) -> pl.DataFrame:
    cols = ["at", "username", "role", "event", "page", "outcome", "rows", "detail"]
    if not rows:
        return pl.DataFrame()
    return pl.DataFrame(
        [
            {
                **{c: r[c] for c in cols},
                "role": role_label(r["role"]) if r["role"] else "–",
                "event": _label(r["event"]),
                "outcome": _label(r["outcome"]),
                "detail": "; ".join(f"{k}: {v}" for k, v in (r["detail"] or {}).items()) or "–",
            }
            for r in rows
        ],
        schema_overrides={"rows": pl.Int64},
    )


def run() -> None:
    st.title(t("page_log_akses"))
    who = current_principal()
    if who is None or not who.is_admin:
        st.error(t("admin_only"))
        return
    st.caption(t("log_retention", d=settings().section("log").get("retention_days", 0)))
    today = dt.date.today()
    c1, c2, c3, c4 = st.columns(4)
    since = c1.date_input(t("log_since"), today - dt.timedelta(days=30), key="log_since")
    until = c2.date_input(t("log_until"), today, key="log_until")
    user = c3.text_input(t("log_user"), key="log_user")
    events = c4.multiselect(t("log_events"), access.EVENTS, key="log_events", placeholder=t("all"))
    rows = access.entries(
        engine(),
        since=dt.datetime.combine(since, dt.time()).astimezone(dt.UTC),
        until=dt.datetime.combine(until + dt.timedelta(days=1), dt.time()).astimezone(dt.UTC),
        username=user.strip() or None,
        events=tuple(events),
    )
    show(_frame(rows), "log_akses", t("page_log_akses"), None)


if __name__ == "__main__":  # opened by address before the router ran once
    from ui.page import reroute

    reroute()
