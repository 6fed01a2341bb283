"""The hash an approval is bound to: exactly what will be posted."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import datetime

from core.audit.canonical import canonical_json, sha256_hex, utc_iso
from core.composer.media_items import StoredMedia


def content_hash(*, text: str, account_id: int, scheduled_at: datetime | None, media: Sequence[StoredMedia]) -> str:
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
                "sha256": item.sha256,
                "kind": item.kind,
                "alt": item.alt,
                "decorative": item.decorative,
                "captions_sha256": item.captions_sha256,
            }
            for item in media
        ],
    }
    return sha256_hex(canonical_json(canonical))
