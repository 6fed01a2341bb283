"""Helpers for demo data and tests: a generated poster image and "ready to submit" drafts.

Never used by the GUI: there, a person ticks each confirmation and writes
each reason. Demo data goes through the same services and the same gate as
daily use, so a demo submission must be complete too.
"""

from __future__ import annotations

import io
from datetime import datetime

from core.checks.config import CheckConfig
from core.composer.submission import evaluate
from core.organization.identity import Actor
from core.platforms.facts import Platform
from core.services.drafts import DraftService, load_draft_detail
from core.services.organization import load_check_config, load_profile
from core.storage.engine import Store

DEMO_REASON = "デモ: 担当者が内容を確認済み"


def make_ready(service: DraftService, draft_id: int, reason: str = DEMO_REASON) -> int:
    """Tick every applicable confirmation and acknowledge every ``confirm`` finding; return the row version."""
    store = service.store
    detail = load_draft_detail(store, draft_id)
    gate = evaluate(
        detail.text,
        Platform.parse(detail.platform),
        detail.media,
        {},
        (),
        load_profile(store),
        CheckConfig.from_json(load_check_config(store)),
    )
    return service.save(
        draft_id,
        detail.row_version,
        text=detail.text,
        # A title is required to submit; an untitled test or demo draft is named after its opening words.
        title=detail.title or _title_from(detail.text),
        scheduled_at=detail.scheduled_at,
        acknowledgements={r.key: reason for r in gate.unacknowledged},
        confirmations=[c.id for c in gate.confirmations],
    )


def _title_from(text: str) -> str:
    first = " ".join(text.split())[:20]
    return first or "お知らせ"


def poster_png(title: str = "市民まつり 11/3", width: int = 640, height: int = 400) -> bytes:
    """A simple event poster (coloured bands and shapes; text glyphs need a font, so none)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), (250, 236, 210))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, height // 4], fill=(196, 60, 48))
    for i, colour in enumerate([(240, 180, 40), (60, 140, 200), (80, 170, 90), (200, 90, 160)]):
        x = 60 + i * 140
        draw.ellipse([x, height // 2 - 50, x + 100, height // 2 + 50], fill=colour)
    draw.rectangle([0, height - 50, width, height], fill=(90, 60, 40))
    draw.text((20, 30), title.encode("ascii", "ignore").decode() or "Festival", fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def consult_all(store: Store, actor: Actor, account_id: int, when: datetime | None = None) -> None:
    """Record an agreed consultation with every section the organization lists (demo data and tests)."""
    from core.accounts.consultation import ConsultOutcome
    from core.services.account_lifecycle import AccountLifecycleService
    from core.services.organization import load_lifecycle_settings

    service = AccountLifecycleService(store, actor)
    moment = when or store.now()
    for section in load_lifecycle_settings(store).consult_sections:
        service.record_consultation(
            account_id,
            section=section,
            consulted_at=moment,
            counterpart=f"{section}長",
            outcome=ConsultOutcome.AGREED,
            note="開設の必要性・運用体制を説明し、了承を得た。",
        )
