"""What every response carries so article text can never run in the browser."""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.middleware.base import BaseHTTPMiddleware

# Scripts only from this server (there are none inline, and no page needs one), no plugins, no
# framing, forms only to this server; styles from our own file; SVG charts are inline markup.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
# URL schemes an article's own link may use on a page; anything else (javascript:, data:)
# is shown as text, never as a link.
LINK_SCHEMES = frozenset({"http", "https"})


class SecurityHeaders(BaseHTTPMiddleware):
    async def dispatch(self, request, call_next):
        response = await call_next(request)
        response.headers.update(HEADERS)
        return response


def safe_href(url: str | None) -> str | None:
    """``url`` when it is an http(s) link, else None (the template then prints it as text)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url if scheme in LINK_SCHEMES and not any(ord(c) < 32 for c in url) else None
