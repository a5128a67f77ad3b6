"""What the dashboard's web server adds in front of Streamlit (serve.py): security headers on every response,
and Streamlit's anonymous metrics endpoint closed. Plain ASGI, no Streamlit state: it runs before a session
exists."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

# No page of the dashboard may be framed by another site (clickjacking), nor sniffed, nor leak its address.
HEADERS = [
    (b"content-security-policy", b"frame-ancestors 'none'"),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")
# Streamlit answers these to anyone: session counts, cache sizes and (when configured) user attributes.
CLOSED = ("/_stcore/metrics",)


class Hardening:
    """ASGI middleware: refuse the closed paths (404, empty) and add the security headers (HSTS over HTTPS)."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if str(scope.get("path", "")).rstrip("/").endswith(CLOSED):
            await send({"type": "http.response.start", "status": 404, "headers": [(b"content-length", b"0"), *HEADERS]})
            await send({"type": "http.response.body", "body": b""})
            return
        extra = [*HEADERS, HSTS] if scope.get("scheme") == "https" else HEADERS

        async def with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _v in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in extra if h[0] not in names)]
            await send(message)

        await self.app(scope, receive, with_headers)
