"""The exact bytes a supervisor's decision signs.

Canonical JSON (sorted keys, NFC, UTC ``Z`` times) of what was decided about
which content: changing any of it — the content hash above all — breaks the
signature.
"""

from __future__ import annotations

from datetime import datetime

from core.audit.canonical import canonical_json, utc_iso

MESSAGE_VERSION = 1


def decision_message(
    *,
    draft_id: int,
    version_id: int,
    content_hash: str,
    decision: str,
    reviewer_id: int,
    reviewer_login: str,
    key_fingerprint: str,
    decided_at: datetime,
    comment: str,
) -> bytes:
    return canonical_json(
        {
            "kohogate": "decision",
            "v": MESSAGE_VERSION,
            "draft_id": draft_id,
            "version_id": version_id,
            "content_hash": content_hash,
            "decision": decision,
            "reviewer_id": reviewer_id,
            "reviewer_login": reviewer_login,
            "key_fingerprint": key_fingerprint,
            "decided_at": utc_iso(decided_at),
            "comment": comment,
        }
    ).encode("utf-8")
