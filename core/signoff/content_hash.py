"""The hash an approval is bound to: exactly what will be posted."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from core.audit.canonical import canonical_json, sha256_hex, utc_iso


def content_hash(
    *, text: str, account_id: int, scheduled_at: datetime | None, media: Sequence[Mapping[str, Any]]
) -> str:
    """SHA-256 over NFC text, target account, scheduled time and each media item.

    Media items contribute the SHA-256 of the file as it will be uploaded plus
    their alt text and captions, so replacing an image or editing its
    description also makes an approval stale. Full-width and half-width forms
    are deliberately NOT folded: ``１`` and ``1`` are different posts.
    """
    canonical = {
        "text": unicodedata.normalize("NFC", text),
        "account_id": account_id,
        "scheduled_at": utc_iso(scheduled_at) if scheduled_at else None,
        "media": [
            {
                "sha256": item.get("sha256"),
                "kind": item.get("kind"),
                "alt": item.get("alt", ""),
                "decorative": bool(item.get("decorative", False)),
                "captions_sha256": item.get("captions_sha256"),
            }
            for item in media
        ],
    }
    return sha256_hex(canonical_json(canonical))
