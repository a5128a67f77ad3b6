"""E-mail through the [smtp] settings: host, port, TLS (none, starttls, ssl), sender, and an account whose
password comes from the environment (KINERJA_SMTP_PASSWORD), never from the repository."""

from __future__ import annotations

import os
import smtplib
import ssl
from email.message import EmailMessage

BODY = {
    "id": 'Terlampir laporan "{title}" dari Dasbor Kinerja ASN, dibuat dengan cakupan akun Anda.\n\n'
    "Anda menerima e-mail ini karena berlangganan laporan ini; ubah atau hentikan di halaman Langganan laporan.",
    "en": 'Attached is the report "{title}" from the ASN Performance Dashboard, made with your account\'s scope.\n\n'
    "You receive this e-mail because you subscribed to this report; change or stop it on the Report subscriptions page.",
}


def message(cfg: dict, to: str, title: str, pdf: bytes, lang: str, file_name: str) -> EmailMessage:
    """The e-mail: subject, a short text, the PDF attached."""
    msg = EmailMessage()
    msg["From"] = str(cfg.get("pengirim") or "dasbor-kinerja@localhost")
    msg["To"] = to
    msg["Subject"] = title
    msg.set_content(BODY.get(lang, BODY["id"]).format(title=title))
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename=file_name)
    return msg


ALERT_SUBJECT = {"id": "Peringatan Dasbor Kinerja ASN ({n})", "en": "ASN Performance Dashboard alerts ({n})"}
ALERT_INTRO = {
    "id": "Setelah pemuatan data terakhir, hal berikut mulai berlaku dalam cakupan Anda (buka halamannya di dasbor):",
    "en": "After the latest data load, the following started to hold within your scope (open its page in the dashboard):",
}
PAGE_NAMES = {
    "umpan-balik": ("Umpan balik masyarakat", "Public feedback"),
    "bandingkan": ("Bandingkan", "Compare"),
    "": ("Ringkasan · Kurva distribusi", "Overview · Distribution curve"),
    "kasus": ("Kasus pembinaan", "Coaching cases"),
    "data": ("Data", "Data"),
}


def send_alert_mail(cfg: dict, to: str, alerts: list[dict], lang: str, base_url: str = "") -> None:
    """One e-mail listing new alerts: what changed, by how much, and the page that shows it (its address when
    [laporan] alamat_dasbor is set)."""
    lines = [ALERT_INTRO.get(lang, ALERT_INTRO["id"]), ""]
    for a in alerts:
        page = PAGE_NAMES.get(a["link"], (a["link"], a["link"]))[lang == "en"]
        where = f"{page}: {base_url.rstrip('/')}/{a['link']}" if base_url else page
        lines.append(f"- {a['text_en' if lang == 'en' else 'text_id']} [{where}]")
    msg = EmailMessage()
    msg["From"] = str(cfg.get("pengirim") or "dasbor-kinerja@localhost")
    msg["To"] = to
    msg["Subject"] = ALERT_SUBJECT.get(lang, ALERT_SUBJECT["id"]).format(n=len(alerts))
    msg.set_content("\n".join(lines))
    _send(cfg, msg)


def send_report(cfg: dict, to: str, title: str, pdf: bytes, lang: str, file_name: str) -> None:
    """Send one report; raises on any failure (the scheduler retries)."""
    _send(cfg, message(cfg, to, title, pdf, lang, file_name))


def _send(cfg: dict, msg: EmailMessage) -> None:
    host, port = str(cfg.get("host", "localhost")), int(cfg.get("port", 25))
    tls = str(cfg.get("tls", "none"))
    timeout = float(cfg.get("timeout", 30))
    if tls == "ssl":
        server = smtplib.SMTP_SSL(host, port, timeout=timeout, context=ssl.create_default_context())
    else:
        server = smtplib.SMTP(host, port, timeout=timeout)
    with server:
        if tls == "starttls":
            server.starttls(context=ssl.create_default_context())
        user = str(cfg.get("username") or "")
        if user:
            server.login(user, os.environ.get("KINERJA_SMTP_PASSWORD", ""))
        server.send_message(msg)
