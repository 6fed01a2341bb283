"""The moderation queue's use cases: store what was read, triage, act, escalate, 炎上 episodes, retention.

Database only: the platform calls (reading, hiding, blocking …) are made by
:mod:`core.services.inbound_watch`, which calls these for every change of
state. Each change is one transaction with its audit entry.

Inbound items are residents' personal data. Audit payloads therefore carry
ids, counts, rule ids and hashes, never the reply's text or its author; the
text lives in ``inbound_item`` and is purged after the organization's
retention period (default one year). What an escalation copies into an
incident is incident evidence (content-addressed, append-only) and stays
with the incident.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from core.audit.canonical import canonical_json, utc_iso
from core.errors import Conflict, InvalidInput
from core.i18n import tr
from core.inbound.spike import Decision, SpikeSettings, decide, reading
from core.inbound.triage import Level, Match, Triage
from core.organization.roles import Role
from core.platforms.facts import Moderation
from core.platforms.inbound import Author, InboundItem, ItemKind
from core.services.base import Service
from core.services.validation import clean_text
from core.storage.engine import Store
from core.storage.models import (
    DraftVersion,
    InboundAction,
    InboundCursor,
    InboundEvidence,
    InboundSettings,
    InboundSpike,
    OfficialAccount,
    Publication,
    Staff,
)
from core.storage.models import InboundItem as ItemRow

ANYONE = (Role.OPERATOR, Role.SUPERVISOR, Role.ADMINISTRATOR)
MODERATORS = (Role.OPERATOR, Role.SUPERVISOR)
DEFAULT_RETENTION_DAYS = 365


class ItemState:
    OPEN = "open"
    HANDLED = "handled"


#: The audit event of each moderation action.
ACTION_EVENTS = {
    Moderation.HIDE: "inbound.hidden",
    Moderation.DELETE: "inbound.deleted",
    Moderation.BLOCK: "inbound.blocked",
    Moderation.MUTE: "inbound.muted",
    Moderation.REPORT: "inbound.reported",
}
#: Actions after which the reply is no longer there to see: its evidence is kept first.
NEEDS_EVIDENCE = frozenset({Moderation.HIDE, Moderation.DELETE})


@dataclass(frozen=True)
class Settings:
    retention_days: int = DEFAULT_RETENTION_DAYS
    spike: SpikeSettings = field(default_factory=SpikeSettings)


@dataclass(frozen=True)
class ActionRecord:
    action: str
    by_hand: bool
    reason: str
    by: str
    at: datetime


@dataclass(frozen=True)
class QueueItem:
    """One row of the moderation queue, as the screen shows it."""

    id: int
    account_id: int
    account_handle: str
    platform: str
    item: InboundItem
    received_at: datetime
    level: Level
    matches: tuple[Match, ...]
    state: str
    incident_id: int | None
    reply_draft_id: int | None
    original_text: str  # the post it answers: KohoGate's record of it, else the text the platform sent
    actions: tuple[ActionRecord, ...] = ()

    @property
    def handled(self) -> bool:
        return self.state == ItemState.HANDLED

    @property
    def first_rule(self) -> Match | None:
        return self.matches[0] if self.matches else None


@dataclass(frozen=True)
class Stored:
    new_ids: tuple[int, ...]
    levels: dict[str, int]


@dataclass(frozen=True)
class SpikeAlert:
    account_id: int
    handle: str
    per_hour: int
    baseline_per_hour: float
    share_flagged: float
    episode_id: int


def evidence_bytes(item: InboundItem, account_handle: str) -> bytes:
    """The reply as it was, in canonical JSON: what is hashed and kept before it is hidden or deleted."""
    body = {
        "account": account_handle,
        "id": item.item_id,
        "kind": item.kind.value,
        "author": {"id": item.author.id, "handle": item.author.handle, "name": item.author.name},
        "text": item.text,
        "url": item.url,
        "posted_at": utc_iso(item.created_at) if item.created_at else None,
        "in_reply_to": item.in_reply_to,
    }
    return canonical_json(body).encode("utf-8")


def _item(row: ItemRow) -> InboundItem:
    return InboundItem(
        row.platform_item_id,
        ItemKind(row.kind),
        Author(row.author_id, row.author_handle, row.author_name),
        row.text,
        row.url,
        row.posted_at,
        row.in_reply_to,
        row.root,
        row.ref,
        row.parent_text,
    )


class InboundService(Service):
    # -- reading ---------------------------------------------------------------------------------
    def store_read(
        self,
        account_id: int,
        items: Sequence[tuple[InboundItem, Triage]],
        *,
        cursor: str | None,
        complete: bool,
        resume_after: datetime | None,
        outcome: str,
    ) -> Stored:
        """Keep the new items (one row per platform id) and the cursor; audit when anything changed."""
        now = self.store.now()
        with self.store.write() as session:
            self.authorize(session, *ANYONE)
            self.get_or_404(session, OfficialAccount, account_id, tr("Account"))
            ids = [i.item_id for i, _t in items]
            known = (
                set(
                    session.scalars(
                        select(ItemRow.platform_item_id).where(
                            ItemRow.account_id == account_id, ItemRow.platform_item_id.in_(ids)
                        )
                    )
                )
                if ids
                else set()
            )
            rows: list[ItemRow] = []
            levels: dict[str, int] = {}
            for item, result in items:
                if item.item_id in known:
                    continue
                known.add(item.item_id)
                levels[result.level.value] = levels.get(result.level.value, 0) + 1
                rows.append(_new_row(account_id, item, result, now))
            session.add_all(rows)
            state = session.get(InboundCursor, account_id)
            if state is None:
                state = InboundCursor(account_id=account_id, last_outcome="")
                session.add(state)
            moved = state.cursor != cursor
            state.cursor = cursor
            state.read_at = now
            state.resume_after = resume_after
            state.last_outcome = outcome
            session.flush()
            if rows or moved or resume_after is not None:
                self.record(
                    session,
                    "inbound.read",
                    {
                        "account_id": account_id,
                        "new": len(rows),
                        "levels": levels,
                        "complete": complete,
                        "outcome": outcome,
                    },
                )
            return Stored(tuple(r.id for r in rows), levels)

    # -- acting ----------------------------------------------------------------------------------
    def keep_evidence(self, item_id: int) -> str:
        """Keep the item's text, author, URL and time (hashed) before it is hidden or deleted; return the hash."""
        with self.store.write() as session:
            staff = self.authorize(session, *MODERATORS)
            row = self.get_or_404(session, ItemRow, item_id, tr("Reply"))
            account = session.get(OfficialAccount, row.account_id)
            data = evidence_bytes(_item(row), account.handle if account else "")
            digest = hashlib.sha256(data).hexdigest()
            session.add(
                InboundEvidence(
                    item_id=item_id, sha256=digest, data=data, recorded_by_id=staff.id, recorded_at=self.store.now()
                )
            )
            self.record(session, "inbound.evidence_kept", {"item_id": item_id, "sha256": digest})
            return digest

    def record_action(
        self, item_id: int, action: Moderation, reason: str, *, by_hand: bool = False, evidence: str | None = None
    ) -> None:
        """What was done on the platform (through the API, or by hand in the platform's app)."""
        reason = clean_text(reason, tr("Reason"), max_length=2000)
        with self.store.write() as session:
            staff = self.authorize(session, *MODERATORS)
            row = self.get_locked(session, ItemRow, item_id, tr("Reply"))
            if action in NEEDS_EVIDENCE and evidence is None:
                evidence = _latest_evidence(session, item_id)
                if evidence is None:
                    raise Conflict(tr("Keep the reply as evidence before it is hidden or deleted."))
            now = self.store.now()
            session.add(
                InboundAction(
                    item_id=item_id,
                    action=action.value,
                    by_hand=by_hand,
                    reason=reason,
                    evidence_sha256=evidence,
                    done_by_id=staff.id,
                    done_at=now,
                )
            )
            row.state, row.handled_at = ItemState.HANDLED, now
            self.record(
                session,
                ACTION_EVENTS[action],
                {
                    "item_id": item_id,
                    "account_id": row.account_id,
                    "by_hand": by_hand,
                    "evidence_sha256": evidence,
                    "reason_sha256": hashlib.sha256(reason.encode()).hexdigest(),
                },
            )

    def mark_handled(self, item_id: int, reason: str) -> None:
        """No action needed (a question answered elsewhere, a harmless reply), with the reason."""
        reason = clean_text(reason, tr("Reason"), max_length=2000)
        with self.store.write() as session:
            staff = self.authorize(session, *MODERATORS)
            row = self.get_locked(session, ItemRow, item_id, tr("Reply"))
            now = self.store.now()
            session.add(
                InboundAction(
                    item_id=item_id, action="handled", reason=reason, done_by_id=staff.id, done_at=now, by_hand=False
                )
            )
            row.state, row.handled_at = ItemState.HANDLED, now
            self.record(
                session,
                "inbound.handled",
                {"item_id": item_id, "reason_sha256": hashlib.sha256(reason.encode()).hexdigest()},
            )

    def escalate(self, item_id: int, reason: str) -> int:
        """Open an incident for the reply (脅迫・詐欺 → the threat kind, whose steps include the police)
        and copy the reply into it as evidence; returns the incident id."""
        from core.incidents.model import IncidentKind, Severity
        from core.services.incidents import IncidentService

        reason = clean_text(reason, tr("Reason"), max_length=2000)
        with self.store.read() as session:
            row = self.get_or_404(session, ItemRow, item_id, tr("Reply"))
            if row.incident_id is not None:
                raise Conflict(tr("This reply is already part of incident {id}.").format(id=row.incident_id))
            account = session.get(OfficialAccount, row.account_id)
            handle = account.handle if account else ""
            item, account_id = _item(row), row.account_id
            level = Level(row.level)
        incidents = IncidentService(self.store, self.actor)
        severity = Severity.HIGH if level is Level.ACTION else Severity.MEDIUM
        title = tr("Reply to {handle} needing action ({level})").format(handle=handle, level=level.label)
        incident_id = incidents.report(
            IncidentKind.THREAT, title, severity=severity, account_ids=[account_id], description=reason
        )
        incidents.add_evidence(
            incident_id,
            label=tr("The reply as read from the platform"),
            url=item.url if item.url.startswith(("https://", "http://")) else "",
            data=evidence_bytes(item, handle),
            filename=f"reply-{item_id}.json",
            mime="application/json",
        )
        with self.store.write() as session:
            self.authorize(session, *ANYONE)
            row = self.get_locked(session, ItemRow, item_id, tr("Reply"))
            row.incident_id = incident_id
            self.record(session, "inbound.escalated", {"item_id": item_id, "incident_id": incident_id})
        return incident_id

    def start_reply(self, item_id: int) -> int:
        """A draft answering the reply (wako:5-conduct: carefully, sincerely, fairly), linked to it; it goes
        through sign-off like any other post. Returns the draft id."""
        from core.services.drafts import DraftService

        with self.store.read() as session:
            row = self.get_or_404(session, ItemRow, item_id, tr("Reply"))
            if row.reply_draft_id is not None:
                raise Conflict(
                    tr("A reply to this item is already drafted (draft {id}).").format(id=row.reply_draft_id)
                )
            account_id, handle = row.account_id, row.author_handle
        mention = f"{handle} " if handle.startswith("@") else ""
        draft_id = DraftService(self.store, self.actor).create(
            account_id, mention, title=tr("Reply to {handle}").format(handle=handle or "—")
        )
        with self.store.write() as session:
            self.authorize(session, *ANYONE)
            row = self.get_locked(session, ItemRow, item_id, tr("Reply"))
            row.reply_draft_id = draft_id
            self.record(session, "inbound.reply_drafted", {"item_id": item_id, "draft_id": draft_id})
        return draft_id

    # -- settings, 炎上, retention --------------------------------------------------------------
    def change_settings(self, settings: Settings) -> None:
        if not 30 <= settings.retention_days <= 3650:
            raise InvalidInput(tr("Keep replies between 30 and 3650 days."))
        spike = settings.spike
        if spike.factor < 1.5 or spike.min_per_hour < 1 or not 0 < spike.flagged_share <= 1:
            raise InvalidInput(tr("The 炎上 threshold needs a factor of at least 1.5 and at least one reply an hour."))
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            row = session.get(InboundSettings, 1) or InboundSettings(id=1)
            row.retention_days = settings.retention_days
            row.spike_factor = spike.factor
            row.spike_min_per_hour = spike.min_per_hour
            row.spike_flagged_share = spike.flagged_share
            session.add(row)
            self.record(
                session,
                "inbound.settings_changed",
                {"retention_days": settings.retention_days, "factor": spike.factor, "min_per_hour": spike.min_per_hour},
            )

    def watch_spike(self, account_id: int, now: datetime) -> SpikeAlert | None:
        """Look at the account's last hour; an alert only when a new 炎上 episode starts (once per episode)."""
        spike_settings = load_settings(self.store).spike
        with self.store.write() as session:
            self.authorize(session, *ANYONE)
            since = now - timedelta(days=8)
            rows = session.execute(
                select(ItemRow.posted_at, ItemRow.received_at, ItemRow.level).where(
                    ItemRow.account_id == account_id, ItemRow.received_at > since
                )
            ).all()
            stamps = [((posted or received), level != Level.INFO.value) for posted, received, level in rows]
            current = reading(stamps, now)
            episode = session.scalar(
                select(InboundSpike).where(InboundSpike.account_id == account_id, InboundSpike.ended_at.is_(None))
            )
            decision = decide(spike_settings, current, episode_open=episode is not None)
            if decision is Decision.START:
                episode = InboundSpike(
                    account_id=account_id,
                    started_at=now,
                    peak_per_hour=current.per_hour,
                    baseline_per_hour=current.baseline_per_hour,
                )
                session.add(episode)
                session.flush()
                self.record(
                    session,
                    "inbound.spike_detected",
                    {"account_id": account_id, "episode_id": episode.id, "per_hour": current.per_hour},
                )
                account = session.get(OfficialAccount, account_id)
                return SpikeAlert(
                    account_id,
                    account.handle if account else "",
                    current.per_hour,
                    current.baseline_per_hour,
                    current.share_flagged,
                    episode.id,
                )
            if episode is not None and decision is Decision.CONTINUE:
                episode.peak_per_hour = max(episode.peak_per_hour, current.per_hour)
            if episode is not None and decision is Decision.END:
                episode.ended_at = now
                self.record(session, "inbound.spike_ended", {"account_id": account_id, "episode_id": episode.id})
            return None

    def open_spike_incident(self, episode_id: int) -> int:
        """Accept the proposal: a 炎上 incident for the episode (supervisors and administrators)."""
        from core.incidents.model import IncidentKind, Severity
        from core.services.incidents import IncidentService

        with self.store.read() as session:
            episode = self.get_or_404(session, InboundSpike, episode_id, tr("炎上 episode"))
            if episode.incident_id is not None:
                raise Conflict(tr("This 炎上 episode already has incident {id}.").format(id=episode.incident_id))
            account = session.get(OfficialAccount, episode.account_id)
            handle, account_id = (account.handle if account else ""), episode.account_id
            started, peak = episode.started_at, episode.peak_per_hour
        incident_id = IncidentService(self.store, self.actor).report(
            IncidentKind.FLAMING,
            tr("炎上 suspected on {handle}: {count} replies an hour").format(handle=handle, count=peak),
            severity=Severity.HIGH,
            account_ids=[account_id],
            discovered_at=started,
        )
        with self.store.write() as session:
            self.authorize(session, Role.SUPERVISOR, Role.ADMINISTRATOR)
            episode = self.get_locked(session, InboundSpike, episode_id, tr("炎上 episode"))
            episode.incident_id = incident_id
            self.record(session, "inbound.spike_escalated", {"episode_id": episode_id, "incident_id": incident_id})
        return incident_id

    def purge(self, now: datetime) -> int:
        """Delete items older than the retention period with their actions and evidence; never an incident's."""
        days = load_settings(self.store).retention_days
        before = now - timedelta(days=days)
        with self.store.write() as session:
            self.authorize(session, *ANYONE)
            old = select(ItemRow.id).where(ItemRow.received_at < before, ItemRow.incident_id.is_(None))
            ids = list(session.scalars(old))
            if not ids:
                return 0
            session.execute(delete(InboundAction).where(InboundAction.item_id.in_(ids)))
            session.execute(delete(InboundEvidence).where(InboundEvidence.item_id.in_(ids)))
            session.execute(delete(ItemRow).where(ItemRow.id.in_(ids)))
            self.record(session, "inbound.purged", {"count": len(ids), "before": utc_iso(before), "days": days})
            return len(ids)


def _new_row(account_id: int, item: InboundItem, result: Triage, now: datetime) -> ItemRow:
    return ItemRow(
        account_id=account_id,
        platform_item_id=item.item_id[:300],
        kind=item.kind.value,
        author_id=item.author.id[:300],
        author_handle=item.author.handle[:300],
        author_name=item.author.name[:300],
        text=item.text,
        url=item.url[:2000],
        posted_at=item.created_at,
        received_at=now,
        in_reply_to=item.in_reply_to[:300],
        root=item.root[:300],
        ref=item.ref[:200],
        parent_text=item.parent_text,
        level=result.level.value,
        matches=[m.to_json() for m in result.matches],
        state=ItemState.OPEN,
    )


def _latest_evidence(session: Session, item_id: int) -> str | None:
    return session.scalar(
        select(InboundEvidence.sha256).where(InboundEvidence.item_id == item_id).order_by(InboundEvidence.id.desc())
    )


# -- reading ------------------------------------------------------------------------------------
def load_settings(store: Store) -> Settings:
    with store.read() as session:
        row = session.get(InboundSettings, 1)
    if row is None:
        return Settings()
    return Settings(
        row.retention_days, SpikeSettings(row.spike_factor, row.spike_min_per_hour, row.spike_flagged_share)
    )


def cursor_of(store: Store, account_id: int) -> InboundCursor | None:
    with store.read() as session:
        row = session.get(InboundCursor, account_id)
        if row is not None:
            session.expunge(row)
        return row


def _originals(session: Session, rows: Sequence[ItemRow]) -> dict[tuple[int, str], str]:
    """The text of the official posts the items reply to, where KohoGate published them."""
    wanted = {(r.account_id, r.in_reply_to) for r in rows if r.in_reply_to}
    if not wanted:
        return {}
    found = session.execute(
        select(Publication.account_id, Publication.platform_post_id, DraftVersion.text)
        .join(DraftVersion, DraftVersion.id == Publication.version_id)
        .where(Publication.platform_post_id.in_({post for _a, post in wanted}))
    ).all()
    return {(a, str(p)): t for a, p, t in found if (a, str(p)) in wanted}


def _actions(session: Session, ids: Sequence[int]) -> dict[int, list[ActionRecord]]:
    result: dict[int, list[ActionRecord]] = {}
    if not ids:
        return result
    rows = session.execute(
        select(InboundAction, Staff.display_name)
        .join(Staff, Staff.id == InboundAction.done_by_id)
        .where(InboundAction.item_id.in_(ids))
        .order_by(InboundAction.id)
    ).all()
    for action, name in rows:
        result.setdefault(action.item_id, []).append(
            ActionRecord(action.action, action.by_hand, action.reason, name, action.done_at)
        )
    return result


LEVEL_ORDER = {Level.ACTION.value: 0, Level.CHECK.value: 1, Level.INFO.value: 2}


def list_queue(
    store: Store,
    *,
    account_id: int | None = None,
    include_handled: bool = False,
    limit: int = 2000,
    item_id: int | None = None,
) -> list[QueueItem]:
    """The queue: open items first, most severe first, newest first within a level."""
    from sqlalchemy import case

    with store.read() as session:
        query = select(ItemRow, OfficialAccount.handle, OfficialAccount.platform).join(
            OfficialAccount, OfficialAccount.id == ItemRow.account_id
        )
        if account_id is not None:
            query = query.where(ItemRow.account_id == account_id)
        if item_id is not None:
            query = query.where(ItemRow.id == item_id)
        elif not include_handled:
            query = query.where(ItemRow.state == ItemState.OPEN)
        severity = case(LEVEL_ORDER, value=ItemRow.level, else_=3)
        newest = func.coalesce(ItemRow.posted_at, ItemRow.received_at)
        query = query.order_by(ItemRow.state.desc(), severity, newest.desc(), ItemRow.id.desc()).limit(limit)
        rows = session.execute(query).all()
        items = [r[0] for r in rows]
        originals = _originals(session, items)
        actions = _actions(session, [i.id for i in items])
        return [
            QueueItem(
                id=row.id,
                account_id=row.account_id,
                account_handle=handle,
                platform=platform,
                item=_item(row),
                received_at=row.received_at,
                level=Level(row.level),
                matches=tuple(Match.from_json(m) for m in row.matches),
                state=row.state,
                incident_id=row.incident_id,
                reply_draft_id=row.reply_draft_id,
                original_text=originals.get((row.account_id, row.in_reply_to), "") or row.parent_text,
                actions=tuple(actions.get(row.id, [])),
            )
            for row, handle, platform in rows
        ]


def open_spikes(store: Store) -> list[SpikeAlert]:
    """炎上 episodes still open (for the moderation screen's banner)."""
    with store.read() as session:
        rows = session.execute(
            select(InboundSpike, OfficialAccount.handle)
            .join(OfficialAccount, OfficialAccount.id == InboundSpike.account_id)
            .where(InboundSpike.ended_at.is_(None))
            .order_by(InboundSpike.started_at)
        ).all()
        return [
            SpikeAlert(s.account_id, handle, s.peak_per_hour, s.baseline_per_hour, 0.0, s.id)
            for s, handle in rows
            if s.incident_id is None
        ]


@dataclass(frozen=True)
class EpisodeVolume:
    """What a 炎上 incident shows: replies per hour around the episode, the posts that drew them,
    and the answers drafted to them."""

    handle: str
    started_at: datetime
    ended_at: datetime | None
    hours: tuple[tuple[datetime, int, int], ...]  # (hour, replies, of which flagged)
    drew: tuple[tuple[str, int], ...]  # (the official post, or its id; replies to it)
    answers: tuple[int, ...]  # draft ids


def episode_volume(store: Store, incident_id: int, *, now: datetime | None = None) -> EpisodeVolume | None:
    """The volume of the 炎上 episode an incident was opened for; ``None`` for any other incident."""
    with store.read() as session:
        episode = session.scalar(select(InboundSpike).where(InboundSpike.incident_id == incident_id))
        if episode is None:
            return None
        account = session.get(OfficialAccount, episode.account_id)
        start = episode.started_at.replace(minute=0, second=0, microsecond=0) - timedelta(hours=12)
        end = min(episode.ended_at or now or store.now(), start + timedelta(hours=72))
        written = func.coalesce(ItemRow.posted_at, ItemRow.received_at)
        rows = session.execute(
            select(
                ItemRow.posted_at, ItemRow.received_at, ItemRow.level, ItemRow.in_reply_to, ItemRow.reply_draft_id
            ).where(ItemRow.account_id == episode.account_id, written >= start, written <= end + timedelta(hours=1))
        ).all()
        buckets: dict[datetime, list[int]] = {}
        moment = start
        while moment <= end:
            buckets[moment] = [0, 0]
            moment += timedelta(hours=1)
        drew: dict[str, int] = {}
        answers = []
        for posted, received, level, reply_to, draft in rows:
            hour = (posted or received).replace(minute=0, second=0, microsecond=0)
            if hour in buckets:
                buckets[hour][0] += 1
                buckets[hour][1] += level != Level.INFO.value
            if reply_to:
                drew[reply_to] = drew.get(reply_to, 0) + 1
            if draft is not None:
                answers.append(draft)
        texts = _post_texts(session, episode.account_id, list(drew))
        top = sorted(drew.items(), key=lambda kv: -kv[1])[:5]
        return EpisodeVolume(
            account.handle if account else "",
            episode.started_at,
            episode.ended_at,
            tuple((hour, counts[0], counts[1]) for hour, counts in buckets.items()),
            tuple((texts.get(post, post), count) for post, count in top),
            tuple(sorted(set(answers))),
        )


def _post_texts(session: Session, account_id: int, post_ids: list[str]) -> dict[str, str]:
    if not post_ids:
        return {}
    found = session.execute(
        select(Publication.platform_post_id, DraftVersion.text)
        .join(DraftVersion, DraftVersion.id == Publication.version_id)
        .where(Publication.account_id == account_id, Publication.platform_post_id.in_(post_ids))
    ).all()
    return {str(p): t for p, t in found}
