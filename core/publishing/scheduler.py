"""Scheduled posting: approved posts with a time go out when due, or are reported as missed.

The same function serves the background scheduler of the running app and
``app.py publish-due`` (Windows Task Scheduler / cron). The clock is a
parameter, so tests move time by hand.

Posts for platforms without an API (Instagram, Threads, YouTube …) are
made by hand: when due they are listed for a person (``by_hand``), and past
their window they are reported as missed like any other.

A post is *due* from its approved time until the end of its window
(``window``, one hour by default): past that, sending it would surprise the
people who approved a time, so it is recorded as missed
(``publication.missed_window``) and shown to a person — never silently
dropped and never sent late without someone deciding to.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from core.errors import KohoGateError
from core.i18n import tr
from core.lifecycle.states import DraftState, PublicationState
from core.platforms.errors import ErrorKind
from core.storage.engine import Store
from core.storage.models import Draft, DraftVersion, OfficialAccount, Organization, Publication

if TYPE_CHECKING:
    from core.publishing.outbox import Outbox

DEFAULT_WINDOW = timedelta(hours=1)
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Scheduled:
    draft_id: int
    title: str
    account: str
    platform: str
    scheduled_at: datetime
    account_id: int = 0
    locked: bool = False  # the account is locked (乗っ取り): nothing goes out for it

    @property
    def local_time(self) -> str:
        """The scheduled time as people here read it (local zone, to the minute)."""
        return self.scheduled_at.astimezone().strftime("%Y-%m-%d %H:%M")


@dataclass
class DueReport:
    sent: list[tuple[Scheduled, str | None]] = field(default_factory=list)
    missed: list[Scheduled] = field(default_factory=list)
    failed: list[tuple[Scheduled, str]] = field(default_factory=list)
    # Due now on a platform without an API: a person posts them (manual mode).
    by_hand: list[Scheduled] = field(default_factory=list)
    # 全停止: due (or past their window) but held back while scheduled posting is paused.
    held: list[Scheduled] = field(default_factory=list)
    # Due for an account that is locked (乗っ取り): not sent, not refused and audited every run.
    locked: list[Scheduled] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.missed and not self.failed


# Failures a retry cannot mend: a person must fix the credential, the post or the adapter first.
PERMANENT_FAILURES = (ErrorKind.AUTH.value, ErrorKind.REJECTED.value, ErrorKind.UNSUPPORTED.value)


def _blocked_drafts(store: Store) -> set[int]:
    """Drafts a run must not touch.

    Waiting for a person (要確認), already reported as missed, or failed in
    a way a retry cannot mend — retrying those every minute would only fill
    the record with the same failure.
    """
    from core.services.versions import newest_version_id

    failed = Publication.state == PublicationState.FAILED.value
    query = (
        select(DraftVersion.draft_id)
        .join(Publication, Publication.version_id == DraftVersion.id)
        # Only the newest version's attempts: a missed post re-timed and approved again goes out.
        .where(DraftVersion.id == newest_version_id(DraftVersion.draft_id))
        .where(
            (Publication.state == PublicationState.NEEDS_RECONCILIATION.value)
            | (failed & (Publication.attempts == 0) & Publication.window_ends_at.is_not(None))
            | (failed & Publication.last_error_kind.in_(PERMANENT_FAILURES))
        )
    )
    with store.read() as session:
        return set(session.scalars(query))


def scheduled_posts(store: Store, *, until: datetime | None = None, manual_platforms: bool = False) -> list[Scheduled]:
    """Approved drafts with a time (up to ``until``), oldest first.

    Platforms without an API are left out unless ``manual_platforms``: their
    posts are made by hand, so the scheduler only reminds.
    """
    from core.platforms.facts import api_platform_ids

    query = (
        select(
            Draft.id,
            Draft.title,
            Draft.text,
            OfficialAccount.handle,
            OfficialAccount.platform,
            Draft.scheduled_at,
            OfficialAccount.id,
            OfficialAccount.locked_at,
        )
        .join(OfficialAccount, OfficialAccount.id == Draft.account_id)
        .where(Draft.state == DraftState.APPROVED.value, Draft.scheduled_at.is_not(None))
        .order_by(Draft.scheduled_at, Draft.id)
    )
    if until is not None:
        query = query.where(Draft.scheduled_at <= until)
    if not manual_platforms:
        query = query.where(OfficialAccount.platform.in_(api_platform_ids()))
    with store.read() as session:
        rows = session.execute(query).all()
    return [Scheduled(r[0], r[1] or r[2][:30], r[3], r[4], r[5], r[6], r[7] is not None) for r in rows]


def _paused(store: Store) -> bool:
    with store.read() as session:
        return session.scalar(select(Organization.paused_at).where(Organization.id == 1)) is not None


@dataclass(frozen=True)
class HeldPosts:
    """What resuming would release: posts still in their window, and posts that will be reported missed."""

    due: tuple[Scheduled, ...]
    missed: tuple[Scheduled, ...]


def posts_held_by_pause(store: Store, now: datetime, *, window: timedelta = DEFAULT_WINDOW) -> HeldPosts:
    """Shown before resuming scheduled posting, so nothing goes out by surprise."""
    blocked = _blocked_drafts(store)
    due: list[Scheduled] = []
    missed: list[Scheduled] = []
    for item in scheduled_posts(store, until=now, manual_platforms=True):
        # A locked account's posts stay held after resuming: the lock is lifted on its own.
        if item.draft_id not in blocked and not item.locked:
            (missed if now > item.scheduled_at + window else due).append(item)
    return HeldPosts(tuple(due), tuple(missed))


def run_due(
    outbox: object, now: datetime, *, window: timedelta = DEFAULT_WINDOW, only_postable: bool = False
) -> DueReport:
    """Send every due post through ``outbox`` (an :class:`~core.publishing.outbox.Outbox`); report the rest.

    With ``only_postable`` (the app's background scheduler) posts for
    accounts this terminal is not approved for are left to the terminals
    that are, instead of being refused — and audited — on every run; missed
    windows are still reported from anywhere.
    """
    from core.publishing.outbox import Outbox

    assert isinstance(outbox, Outbox)
    report = DueReport()
    if _paused(outbox.store):
        # Nothing goes out and nothing is marked missed: resuming shows what became due meanwhile.
        report.held = [i for i in scheduled_posts(outbox.store, until=now, manual_platforms=True)]
        return report
    try:
        _send_due(outbox, report, now, window, only_postable)
    finally:
        outbox.close()  # the last result recorded, the run's HTTP clients (one per account) closed
        _late(outbox, report)
    return report


def _late(outbox: Outbox, report: DueReport) -> None:
    """Posts that went out but whose result could not be recorded afterwards: failed, like a failed record."""
    for draft_id, exc in outbox.late_failures():
        sent = [entry for entry in report.sent if entry[0].draft_id == draft_id]
        for entry in sent:
            report.sent.remove(entry)
            report.failed.append((entry[0], _failure(entry[0], exc)))


def _failure(item: Scheduled, exc: BaseException) -> str:
    """What the report says of a post that failed."""
    if isinstance(exc, KohoGateError):
        return exc.message
    # One post's unexpected failure must not stop the others; the traceback (redacted) goes
    # to the log for whoever investigates, the report says which post and that it failed.
    log.error("scheduled post of draft %s failed unexpectedly", item.draft_id, exc_info=exc)
    return tr("Unexpected error ({kind}); see the log.").format(kind=type(exc).__name__)


def _send_due(outbox: Outbox, report: DueReport, now: datetime, window: timedelta, only_postable: bool) -> None:
    from core.platforms.facts import supports_api
    from core.publishing.outbox import RunChanged
    from core.terminals.authorization import postable_accounts

    blocked = _blocked_drafts(outbox.store)
    here = postable_accounts(outbox.store, outbox.actor.terminal, now=now) if only_postable else None
    outbox.begin_run()
    items = scheduled_posts(outbox.store, until=now, manual_platforms=True)
    for index, item in enumerate(items):
        if item.draft_id in blocked:
            continue
        ends = item.scheduled_at + window
        sends = not item.locked and now <= ends and supports_api(item.platform)
        sends = sends and (here is None or item.account_id in here)
        # A post the outbox gates and claims in one transaction makes sure of the run's decisions there.
        checked_there = sends and outbox.checks_as_it_claims(item.account_id)
        if not checked_there and outbox.revalidate() and _paused(outbox.store):
            # 全停止 during the run: what is left is held like at the start of a paused run.
            report.held.extend(items[index:])
            return
        if item.locked:
            # Held, not missed: once unlocked, the window decides as for any post (and 要パスワード
            # 変更 still stops it until a new credential is stored).
            report.locked.append(item)
            continue
        if now > ends:
            outbox.settle()  # the post sent before is recorded first
            outbox.records.report_missed(item.draft_id, item.scheduled_at, ends)
            report.missed.append(item)
            continue
        if not supports_api(item.platform):
            report.by_hand.append(item)
            continue
        if here is not None and item.account_id not in here:
            continue
        try:
            try:
                outcome = outbox.publish(
                    item.draft_id, due_at=item.scheduled_at, window_ends_at=ends, account_id=item.account_id
                )
            except RunChanged:
                # Nothing was written; the outbox dropped its decisions and takes this post afresh.
                if _paused(outbox.store):
                    report.held.extend(items[index:])
                    return
                outcome = outbox.publish(
                    item.draft_id, due_at=item.scheduled_at, window_ends_at=ends, account_id=item.account_id
                )
        except Exception as exc:
            report.failed.append((item, _failure(item, exc)))
            continue
        report.sent.append((item, outcome.url))
