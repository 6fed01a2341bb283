"""Why a platform call failed, in plain words, and whether it is safe to try again.

The one question that matters after a failed post is *did it reach the
platform?* A refused connection means nothing was sent, so the same request
may simply go again. A connection dropped after the request went out, a
timeout while waiting for the answer, or a 5xx answer means the post may
exist already: a retry is only safe on a platform that honours an
idempotency key (Mastodon, LINE); everywhere else the outbox must look for
the post first (要確認). :class:`ErrorKind` carries exactly that distinction.

Messages never include the platform's raw answer or the request: those may
echo a token. Only the HTTP status and the platform's short error code go in,
and the code is untrusted input too: every :class:`PublishError` is redacted
where it is built (:func:`core.credentials.redaction.redact`: known
credentials and token-shaped strings), and only a code that *is* a code
(:func:`~core.credentials.redaction.error_code`) is kept for the audit record.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from datetime import datetime

from core.credentials.redaction import clean_untrusted, error_code, redact
from core.errors import KohoGateError
from core.i18n import tr


class ErrorKind(enum.StrEnum):
    NOT_SENT = "not_sent"  # the request never reached the platform: safe to retry
    AMBIGUOUS = "ambiguous"  # it may have arrived: retry only with an idempotency key
    RATE_LIMITED = "rate_limited"  # 429: wait, then retry
    REJECTED = "rejected"  # 4xx: the platform said no; retrying will not help
    AUTH = "auth"  # 401/403: the credential is wrong, expired or lacks a permission
    UNSUPPORTED = "unsupported"  # the adapter cannot send this (e.g. images to LINE)


class PublishError(KohoGateError):
    """A platform call failed; ``kind`` says whether the post may exist.

    ``message`` and ``hint`` are redacted here, whoever builds the error, so
    no adapter can hand an echoed token on to the screen, the log or the
    database. ``code`` is the platform's error code when it is a plain
    identifier (``""`` otherwise): with ``kind`` and ``status``, all that the
    audit record keeps of a failure.
    """

    def __init__(
        self,
        kind: ErrorKind,
        message: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
        hint: str | None = None,
        code: str = "",
    ) -> None:
        super().__init__(redact(message, strict=True), hint=redact(hint, strict=True) if hint else hint)
        self.kind = kind
        self.status = status
        self.retry_after = retry_after
        self.code = error_code(code) if code else ""

    @property
    def may_have_posted(self) -> bool:
        return self.kind is ErrorKind.AMBIGUOUS


def not_sent(platform: str) -> PublishError:
    return PublishError(
        ErrorKind.NOT_SENT,
        tr("Could not connect to {platform}. Check the network connection; nothing was posted.").format(
            platform=platform
        ),
    )


def ambiguous(platform: str, status: int | None = None) -> PublishError:
    if status is not None:
        message = tr(
            "{platform} answered with a server error ({status}) after receiving the post. "
            "The post may or may not have been published."
        ).format(platform=platform, status=status)
    else:
        message = tr(
            "The connection to {platform} broke after the post was sent. The post may or may not have been published."
        ).format(platform=platform)
    return PublishError(ErrorKind.AMBIGUOUS, message, status=status)


def during_upload(platform: str, error: PublishError) -> PublishError:
    """A failure while uploading media, before the post itself was sent: no post can exist yet.

    An ambiguous upload may leave an orphaned media file on the platform, but
    never a post, so it is safe to try again.
    """
    if error.kind is not ErrorKind.AMBIGUOUS:
        return error
    return PublishError(
        ErrorKind.NOT_SENT,
        tr("Uploading an image or video to {platform} failed. Nothing was posted; try again.").format(
            platform=platform
        ),
        status=error.status,
    )


def rate_limited(platform: str, retry_after: float | None, reset_at: datetime | None = None) -> PublishError:
    if reset_at is not None:
        when = reset_at.astimezone().strftime("%H:%M")
        message = tr("{platform} limits how often posts may be sent. Try again after {time}.").format(
            platform=platform, time=when
        )
    elif retry_after is not None:
        message = tr("{platform} limits how often posts may be sent. Try again in {seconds} seconds.").format(
            platform=platform, seconds=round(retry_after)
        )
    else:
        message = tr("{platform} limits how often posts may be sent. Try again in a few minutes.").format(
            platform=platform
        )
    return PublishError(ErrorKind.RATE_LIMITED, message, status=429, retry_after=retry_after)


def rejected(platform: str, status: int, code: object = "") -> PublishError:
    """The platform said no. ``code`` is its answer's error field, as it came (it is cleaned here)."""
    detail_text = clean_untrusted(code, limit=60) if code else ""
    if status in (401, 403):
        return PublishError(
            ErrorKind.AUTH,
            tr(
                "{platform} did not accept the stored credential ({status}). It may have expired or lack the "
                "permission to post: ask the account manager to store a new one."
            ).format(platform=platform, status=status),
            status=status,
            code=str(code),
        )
    detail = f" [{detail_text}]" if detail_text else ""
    return PublishError(
        ErrorKind.REJECTED,
        tr("{platform} refused the post ({status}{detail}). Nothing was published.").format(
            platform=platform, status=status, detail=detail
        ),
        status=status,
        code=str(code),
    )


def unsupported(message: str) -> PublishError:
    return PublishError(ErrorKind.UNSUPPORTED, message)


def from_status(platform: str, status: int, *, retry_after: float | None = None, code: object = "") -> PublishError:
    """The error for an HTTP answer ``status`` that was not a success."""
    if status == 429:
        return rate_limited(platform, retry_after)
    if status >= 500:
        return ambiguous(platform, status)
    return rejected(platform, status, code)


# Transport failures where the request provably never left this machine.
_NOT_SENT_NAMES = frozenset(
    {
        "ConnectError",
        "ConnectTimeout",
        "NewConnectionError",
        "NameResolutionError",
        "ConnectionRefusedError",
        "gaierror",
        "ProxyError",
    }
)


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    todo: list[BaseException] = [exc]
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        for nxt in (current.__cause__, current.__context__, getattr(current, "reason", None), *current.args):
            if isinstance(nxt, BaseException):
                todo.append(nxt)


def classify_transport(platform: str, exc: BaseException) -> PublishError:
    """A transport exception (httpx, requests, urllib3, or an SDK wrapping one) as a :class:`PublishError`.

    Only a failure to *connect* counts as "not sent"; a broken connection or a
    read timeout after connecting may come after the platform acted.
    """
    names = {type(e).__name__ for e in _chain(exc)}
    if names & _NOT_SENT_NAMES:
        return not_sent(platform)
    return ambiguous(platform)


def retry_after_seconds(headers: dict[str, str], now: datetime) -> float | None:
    """Seconds to wait from ``Retry-After`` or the ``x-ratelimit-reset``/``x-rate-limit-reset`` headers."""
    lower = {k.lower(): v for k, v in headers.items()}
    value = lower.get("retry-after")
    if value:
        try:
            return max(0.0, float(value))
        except ValueError:
            return None
    reset = lower.get("x-rate-limit-reset") or lower.get("x-ratelimit-reset")
    if reset:
        try:
            stamp = float(reset)
        except ValueError:
            try:
                return max(0.0, (datetime.fromisoformat(reset) - now).total_seconds())
            except ValueError:
                return None
        return max(0.0, stamp - now.timestamp())
    return None
