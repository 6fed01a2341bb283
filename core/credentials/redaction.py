"""Redaction of secrets: the one function every log line, message and stored error passes through.

Two kinds of secret are removed:

* values KohoGate *knows*: every credential that passes through the vault,
  session tokens the adapters obtain, passwords typed into a form — each
  registered with :func:`register_secret` the moment it is seen;
* strings *shaped* like a credential that KohoGate never saw (a platform's
  error text may echo a token it issued itself): ``Bearer …``,
  ``access_token=…`` and similar pairs, JWTs, long base64 runs and — in
  text from outside — long hex runs.

Why also a prefix of a known secret at the very end of a text: an adapter
or a library may cut a platform's answer to a fixed length, and the cut can
fall inside an echoed token; the known value then no longer matches whole.

Platform error text is untrusted input: :func:`clean_untrusted` takes it
apart from everything else (control characters out, whitespace collapsed,
redacted, then cut — in that order, so a cut never splits a secret before
it was replaced) and :func:`error_code` keeps only what looks like a short
machine-readable code, the only part of it fit for the audit record.
"""

from __future__ import annotations

import re
import threading
import unicodedata

REDACTED = "***"
# Shorter values would redact ordinary words; no real credential is this short.
MIN_SECRET_LENGTH = 4
# A cut-off secret is still recognised from this many leading characters.
MIN_PREFIX_LENGTH = 6

_URL_PASSWORD = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://[^:/@\s]*:)(?P<secret>[^@\s]+)(?=@)", re.I)
_BEARER = re.compile(r"\b(?P<scheme>Bearer|Basic|Token|OAuth)(?P<sep>\s+)(?P<secret>[^\s\"',;}\]]+)", re.I)
_PAIR = re.compile(
    r"(?P<key>\b[\w-]*(?:access[_-]?token|refresh[_-]?token|id[_-]?token|token|secret|password|passwd|api[_-]?key"
    r"|apikey|authorization|credential|jwt)\b[\"']?\s*[=:]\s*[\"']?)"
    r"(?P<secret>(?:Bearer\s+)?[^\s\"'&,;}\]]+)",
    re.I,
)
_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*)?")
_HEX_RUN = re.compile(r"(?<![0-9A-Fa-f])[0-9A-Fa-f]{32,}(?![0-9A-Fa-f])")
_TOKEN_RUN = re.compile(r"(?<![A-Za-z0-9+/_=-])[A-Za-z0-9+/_=%.-]{32,}")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
_CODE = re.compile(r"[A-Za-z][A-Za-z0-9_.:-]{0,47}")

_secrets: set[str] = set()
_lock = threading.Lock()


def register_secret(value: str | None) -> None:
    """From now on, ``value`` is replaced by ``***`` wherever :func:`redact` runs (logs, screens, the record)."""
    if value and len(value) >= MIN_SECRET_LENGTH:
        with _lock:
            _secrets.add(value)


def _known() -> list[str]:
    with _lock:
        return sorted(_secrets, key=len, reverse=True)


def _looks_like_token(run: str) -> bool:
    """A long run of base64/base64url characters that is random rather than a word, a path or a name.

    Random credentials mix upper case, lower case and digits; file paths,
    identifiers and host names rarely do all three, and have many slashes or
    dots where base64 has few.
    """
    core = run.strip("=.%-_")
    if len(core) < 32:
        return False
    classes = sum((any(c.isupper() for c in core), any(c.islower() for c in core), any(c.isdigit() for c in core)))
    separators = sum(core.count(c) for c in "/.")
    return classes == 3 and separators * 16 <= len(core)


def _cut_prefix(text: str, secrets: list[str]) -> str:
    """Replace the end of ``text`` when it is the beginning of a known secret (the text was cut inside it)."""
    for secret in secrets:
        longest = min(len(secret) - 1, len(text))
        for size in range(longest, MIN_PREFIX_LENGTH - 1, -1):
            if text.endswith(secret[:size]):
                return text[:-size] + REDACTED
    return text


def redact(text: str, extra: tuple[str, ...] = (), *, strict: bool = False) -> str:
    """``text`` without any known secret (plus ``extra``) or credential-shaped string.

    ``strict`` also removes long hex runs. Not by default: KohoGate's own log
    lines name terminals, content hashes and key fingerprints in hex, which
    are no secrets and which whoever investigates needs; in text from
    outside (:func:`clean_untrusted`) a hex run is an unknown and goes.
    """
    if not text:
        return text
    secrets = sorted({*_known(), *(s for s in extra if s and len(s) >= MIN_SECRET_LENGTH)}, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, REDACTED)
    text = _cut_prefix(text, secrets)
    text = _URL_PASSWORD.sub(lambda m: m.group("scheme") + REDACTED, text)
    text = _BEARER.sub(lambda m: m.group("scheme") + m.group("sep") + REDACTED, text)
    text = _PAIR.sub(lambda m: m.group("key") + REDACTED, text)
    text = _JWT.sub(REDACTED, text)
    if strict:
        text = _HEX_RUN.sub(REDACTED, text)
    return _TOKEN_RUN.sub(lambda m: REDACTED if _looks_like_token(m.group(0)) else m.group(0), text)


def clean_untrusted(raw: object, limit: int = 200) -> str:
    """Text from outside (a platform's error answer) made safe to show, log or store: one line, redacted, cut."""
    text = raw if isinstance(raw, str) else str(raw)
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub(" ", text)
    text = " ".join(text.split())
    text = redact(text, strict=True)
    if len(text) > limit:
        text = text[: max(0, limit - 1)].rstrip() + "…"
    return text


def error_code(raw: object) -> str:
    """The platform's error code when it is one (``InvalidToken``, ``invalid_request``), else ``""``.

    Free text, anything redacted and anything credential-shaped is dropped:
    only a short identifier is fit for the append-only audit record.
    """
    text = clean_untrusted(raw, limit=200)
    if REDACTED in text or not _CODE.fullmatch(text) or _looks_like_token(text):
        return ""
    return text
