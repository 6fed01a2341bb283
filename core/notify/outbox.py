"""Filling the notification outbox, in the caller's transaction.

``core.audit.chain.append`` calls :func:`enqueue_for_event` for every event
named in :data:`core.notify.kinds.EVENT_KINDS`, inside the same write
transaction as the audit entry: the event and the rows that will tell people
of it are committed together or not at all. Sending happens later
(``core.services.notifications.deliver_pending``), so a mail server that is
down never blocks or undoes a decision.

Only people with an address and a mode other than "no e-mail" get a row; the
acting person is not told of their own act.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.audit.recorder import Recorder
from core.notify.kinds import (
    AUDIENCE_ROLE,
    EVENT_KINDS,
    OVERDUE_REVIEW,
    Audience,
    MailMode,
    NotificationState,
    Rule,
    next_digest_at,
)
from core.storage.models import (
    Draft,
    DraftContributor,
    DraftVersion,
    MailSettings,
    Notification,
    OfficialAccount,
    Publication,
    RecordNumber,
    Staff,
    StaffRole,
)


def enqueue_for_event(
    session: Session, seq: int, recorder: Recorder, event: str, payload: Mapping[str, Any], now: datetime
) -> int:
    """Rows for the people ``event`` concerns; returns how many were added."""
    rule = EVENT_KINDS.get(event)
    if rule is None:
        return 0
    facts, draft = _facts(session, event, payload)
    recipients = _recipients(session, rule, draft)
    return _add(session, rule, recipients, facts, now, seq=seq, actor=None if rule.tell_actor else recorder.actor)


def enqueue_overdue_reviews(session: Session, now: datetime) -> int:
    """One row per administrator and overdue review, once per account and due date (the key keeps it once)."""
    from core.lifecycle.states import AccountStatus

    rows = session.execute(
        select(
            OfficialAccount.id, OfficialAccount.handle, OfficialAccount.platform, OfficialAccount.review_due_at
        ).where(
            OfficialAccount.status.in_([AccountStatus.ACTIVE.value, AccountStatus.PAUSED.value]),
            OfficialAccount.review_due_at.is_not(None),
            OfficialAccount.review_due_at <= now,
        )
    ).all()
    added = 0
    recipients = _recipients(session, OVERDUE_REVIEW, None)
    for account_id, handle, platform, due in rows:
        facts = {"account_id": account_id, "account": _handle(platform, handle), "due": due.date().isoformat()}
        for staff in recipients:
            key = f"review_overdue:{account_id}:{due.date().isoformat()}:{staff.id}"
            if session.scalar(select(Notification.id).where(Notification.dedupe_key == key)) is not None:
                continue
            added += _add(session, OVERDUE_REVIEW, [staff], facts, now, dedupe_key=key)
    return added


def _add(
    session: Session,
    rule: Rule,
    recipients: Iterable[Staff],
    facts: Mapping[str, Any],
    now: datetime,
    *,
    seq: int | None = None,
    actor: str | None = None,
    dedupe_key: str | None = None,
) -> int:
    hour = session.scalar(select(MailSettings.digest_hour).where(MailSettings.id == 1))
    count = 0
    for staff in recipients:
        if actor is not None and staff.os_login == actor:
            continue
        digest = staff.mail_mode == MailMode.DIGEST.value
        session.add(
            Notification(
                kind=rule.kind.value,
                staff_id=staff.id,
                audit_seq=seq,
                facts=dict(facts),
                dedupe_key=dedupe_key,
                digest=digest,
                state=NotificationState.PENDING.value,
                created_at=now,
                next_attempt_at=next_digest_at(now, 8 if hour is None else hour) if digest else now,
            )
        )
        count += 1
    if count:
        session.flush()
    return count


def _recipients(session: Session, rule: Rule, draft: Draft | None) -> list[Staff]:
    wanted = Staff.active.is_(True) & Staff.email.is_not(None) & (Staff.mail_mode != MailMode.OFF.value)
    if rule.audience is Audience.AUTHOR:
        if draft is None:
            return []
        return list(session.scalars(select(Staff).where(wanted, Staff.id == draft.author_id)))
    query = select(Staff).join(StaffRole).where(wanted, StaffRole.role == AUDIENCE_ROLE[rule.audience].value)
    if rule.audience is Audience.SUPERVISORS and draft is not None:
        # Whoever worked on the draft may not approve it (separation of duties): no point telling them.
        query = query.where(
            Staff.id.not_in(select(DraftContributor.staff_id).where(DraftContributor.draft_id == draft.id))
        )
    return list(session.scalars(query.order_by(Staff.id)).unique())


def _handle(platform: str, handle: str) -> str:
    from core.platforms.facts import platform_label

    return f"{handle} ({platform_label(platform)})"


def _facts(session: Session, event: str, payload: Mapping[str, Any]) -> tuple[dict[str, Any], Draft | None]:
    """The plain facts a mail may show; the payload's signatures, hashes and error texts stay out."""
    if event.startswith("incident."):
        ids = [int(i) for i in payload.get("accounts") or []]
        accounts = session.execute(
            select(OfficialAccount.platform, OfficialAccount.handle).where(OfficialAccount.id.in_(ids))
        ).all()
        return {"incident_id": payload.get("incident_id"), "accounts": [_handle(p, h) for p, h in accounts]}, None
    draft: Draft | None = None
    facts: dict[str, Any] = {}
    if "publication_id" in payload:
        publication = session.get(Publication, int(payload["publication_id"]))
        version = session.get(DraftVersion, publication.version_id) if publication is not None else None
        draft = session.get(Draft, version.draft_id) if version is not None else None
        facts["error_kind"] = str(payload.get("kind") or "")
    elif "draft_id" in payload:
        draft = session.get(Draft, int(payload["draft_id"]))
    if event in {"review.returned", "review.rejected"}:
        facts["comment"] = str(payload.get("comment") or "")[:500]
    if draft is not None:
        number = session.scalar(select(RecordNumber.label).where(RecordNumber.draft_id == draft.id))
        facts.update(
            draft_id=draft.id,
            title=draft.title or " ".join(draft.text.split())[:40],
            document_number=number or "",
            account=_handle(draft.account.platform, draft.account.handle),
        )
    return facts, draft
