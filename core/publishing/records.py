"""Publication records: the outbox rows, manual posts, reconciliation and deletions.

Every state change of a publication happens here, each in one transaction
with its audit entry. The network calls live in :mod:`core.publishing.outbox`,
which calls these methods *before* (the row and its idempotency key exist
before anything is sent) and *after* each attempt. Nothing here ever holds a
credential.
"""

from __future__ import annotations

import enum
import functools
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from core.audit import chain
from core.audit.canonical import sha256_hex
from core.composer.media_items import StoredMedia, media_of
from core.credentials.redaction import clean_untrusted, error_code
from core.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from core.i18n import tr
from core.lifecycle.states import DeletionState, DraftState, PublicationState
from core.lifecycle.transitions import check_initial, machine_for, move
from core.organization.roles import Role
from core.publishing.post_urls import checked_post_url
from core.services.base import Service
from core.services.emergency import before_approval_due
from core.signoff.approval import verify_approval
from core.storage.engine import Store
from core.storage.locks import get_for_update
from core.storage.models import (
    DeletionRequest,
    Draft,
    DraftVersion,
    OfficialAccount,
    Publication,
    Staff,
    Terminal,
    utcnow,
)
from core.storage.row_cache import RowCache, cached

if TYPE_CHECKING:
    from core.credentials.vault import Vault
    from core.publishing.preflight import VerifiedApproval

#: Publication states in which a new attempt may reuse the row and its key.
RETRYABLE = (PublicationState.PENDING.value, PublicationState.FAILED.value)
# How long a claimed outbox row belongs to the run that claimed it (see open_attempt).
CLAIM_TTL = timedelta(minutes=5)
# Who may write the outbox's bookkeeping after a claim: operators post, supervisors reconcile and delete.
BOOKKEEPING_ROLES = (Role.OPERATOR, Role.SUPERVISOR)


@dataclass(frozen=True)
class OutboxRow:
    """What the outbox needs to send one publication (no credential: that stays in the vault)."""

    publication_id: int
    idempotency_key: str
    created_at: datetime
    state: PublicationState
    attempts: int
    last_attempt_at: datetime | None
    draft_id: int
    version_id: int
    content_hash: str
    account_id: int
    platform: str
    handle: str
    account_url: str | None
    text: str
    media: tuple[StoredMedia, ...]
    newly_created: bool
    # The approved media bytes under their SHA-256, as verified for this claim (read and hashed once).
    blobs: Mapping[str, bytes] = field(default_factory=dict, repr=False, compare=False)


@dataclass(frozen=True)
class Claim:
    """A claimed outbox row: the attempt counted with it (0: none yet), or why the claim was given back."""

    row: OutboxRow
    attempt: int
    refused: BaseException | None


@dataclass(frozen=True)
class PublicationInfo:
    """What looking for a 要確認 post again needs: its state, the account, and the text to look for."""

    publication_id: int
    state: PublicationState
    account_id: int
    platform: str
    handle: str
    account_url: str | None
    text: str
    attempts: int


def _latest_version(session: Session, draft_id: int) -> DraftVersion | None:
    return session.scalar(
        select(DraftVersion).where(DraftVersion.draft_id == draft_id).order_by(DraftVersion.number.desc()).limit(1)
    )


def _terminal_id(session: Session, uid: str) -> int | None:
    return session.scalar(select(Terminal.id).where(Terminal.uid == uid))


@functools.lru_cache(maxsize=8)
def _terminal_of(uid: str) -> Any:
    """The terminal's id as part of the INSERT itself (one statement less than reading it first); built once per uid."""
    return select(Terminal.id).where(Terminal.uid == uid).scalar_subquery()


def _new_row(version: DraftVersion, terminal_uid: str, state: PublicationState, **fields: Any) -> Publication:
    """An outbox row for ``version`` with a fresh idempotency key (the one every retry will reuse)."""
    check_initial(state)
    return Publication(
        version_id=version.id,
        account_id=version.account_id,
        terminal_id=_terminal_of(terminal_uid),
        state=state.value,
        idempotency_key=str(uuid.uuid4()),
        content_hash=version.content_hash,
        platform=version.platform,
        **fields,
    )


class PublicationService(Service):
    # ---- the outbox -------------------------------------------------------------------------

    def open_attempt(
        self,
        draft_id: int,
        *,
        due_at: datetime | None = None,
        window_ends_at: datetime | None = None,
        now: datetime | None = None,
        verified: VerifiedApproval | None = None,
    ) -> OutboxRow:
        """The outbox row for the draft's approved version, written (and committed) before any call.

        ``verified``: the approval check this publish already made
        (:func:`core.publishing.preflight.gate_publish`); the claim then only
        makes sure, under the lock, that the draft is still the one checked.
        Without it the approval is verified here.

        Reuses a pending or failed row so its idempotency key stays the same
        on every retry; refuses when the post is already out or waits for a
        person to check whether it went out (要確認).

        The row is *claimed* for this run (``last_attempt_at`` = now, under a
        lock on the draft): a second run — the in-app scheduler and a cron
        ``publish-due`` at the same moment, or two terminals — is refused
        until the first has finished or the claim is older than
        :data:`CLAIM_TTL` (a run that died), so one post never goes out twice.
        The returned row carries the *previous* ``last_attempt_at``.
        """
        moment = now or utcnow()
        with self.store.write() as session:
            return self._open(session, draft_id, due_at, window_ends_at, moment, verified)[1]

    def claim_attempt(
        self,
        draft_id: int,
        permit: Callable[[Session, OutboxRow], None],
        *,
        due_at: datetime | None = None,
        window_ends_at: datetime | None = None,
        now: datetime | None = None,
        verified: VerifiedApproval | None = None,
    ) -> Claim:
        """:meth:`open_attempt`, ``permit`` and :meth:`mark_attempt` in one transaction (one commit before the call).

        ``permit`` (the terminal's signed authorisation, the request, the
        adapter) runs under the claim; when it raises, the claim is released in
        the same transaction and the exception is handed back, so the record
        reads exactly as with separate steps: queued, refused, claim released.
        The attempt is counted only when the post goes straight to the call: a
        row an earlier run left pending with attempts counted is looked for
        first (the caller counts that attempt itself, if it resends).
        """
        moment = now or utcnow()
        with self.store.write() as session:
            return self.claim_in(
                session, draft_id, permit, due_at=due_at, window_ends_at=window_ends_at, now=moment, verified=verified
            )

    def claim_in(
        self,
        session: Session,
        draft_id: int,
        permit: Callable[[Session, OutboxRow], None],
        *,
        due_at: datetime | None,
        window_ends_at: datetime | None,
        now: datetime,
        verified: VerifiedApproval | None,
        gated: bool = False,
        rows: RowCache | None = None,
    ) -> Claim:
        """:meth:`claim_attempt` in the caller's write transaction.

        ``gated``: ``verified`` was established in this same transaction, the
        draft row locked (:func:`core.publishing.preflight.gate_in` with
        ``lock``), and this person's role is known to hold — a run of
        ``publish-due`` checks that nothing but posting bookkeeping was
        recorded since it last read the role (:meth:`Outbox.begin_run
        <core.publishing.outbox.Outbox.begin_run>`). The draft, its version
        and the role are then not read again. ``rows``: the run's rows (the account among them).
        """
        publication, row = self._open(session, draft_id, due_at, window_ends_at, now, verified, gated=gated, kept=rows)
        try:
            # Nothing read here needs this transaction's pending writes: they go out together at the commit.
            with session.no_autoflush:
                permit(session, row)
        except BaseException as exc:  # handed back to the caller and raised after the commit
            self._release(session, publication, row)
            return Claim(row, 0, exc)
        if row.attempts > 0 and row.state is PublicationState.PENDING:
            return Claim(row, 0, None)
        return Claim(row, self._count_attempt(session, publication, now), None)

    def _open(
        self,
        session: Session,
        draft_id: int,
        due_at: datetime | None,
        window_ends_at: datetime | None,
        moment: datetime,
        verified: VerifiedApproval | None,
        *,
        gated: bool = False,
        kept: RowCache | None = None,
    ) -> tuple[Publication, OutboxRow]:
        blobs: dict[str, bytes] = {}
        if gated and verified is not None and verified.version_id is not None:
            # Checked and locked in this transaction (see claim_in): from the session, no query.
            draft = session.get(Draft, draft_id)
            version = session.get(DraftVersion, verified.version_id)
            if draft is None or version is None or verified.draft_id != draft_id:
                raise Conflict(tr("The draft changed while it was being published. Check it, then try again."))
            blobs.update(verified.media)
        else:
            self.authorize(session, Role.OPERATOR)
            # Serialises concurrent opens of one draft on PostgreSQL (SQLite writers already queue).
            draft = get_for_update(session, Draft, draft_id, bare=True)
            if draft is None:
                raise NotFound(tr("{what} {id} does not exist.").format(what=tr("Draft"), id=draft_id))
            version = _latest_version(session, draft_id)
            if verified is not None:
                if (
                    version is None
                    or verified.draft_id != draft_id
                    or verified.version_id != version.id
                    or verified.row_version != draft.row_version
                ):
                    raise Conflict(tr("The draft changed while it was being published. Check it, then try again."))
                blobs.update(verified.media)
            else:
                check = verify_approval(session, draft_id, blobs=blobs)
                if version is None or not check.ok:
                    raise Conflict(tr("Publishing refused: {reason}").format(reason=check.message))
        if draft.state == DraftState.PUBLISHED.value:
            raise Conflict(tr("This post has already been published."))
        rows = list(session.scalars(_ROWS_OF_VERSION, {"version_id": version.id}))
        if any(r.state == PublicationState.NEEDS_RECONCILIATION.value for r in rows):
            raise Conflict(
                tr(
                    "An earlier attempt may have gone out. Check the account first (要確認): "
                    "record the post's URL, or confirm it was not posted."
                )
            )
        if any(r.state == PublicationState.PUBLISHED.value for r in rows):
            raise Conflict(tr("This post has already been published."))
        row = next((r for r in rows if r.state in RETRYABLE), None)
        if (
            row is not None
            and row.state == PublicationState.PENDING.value
            and row.last_attempt_at is not None
            and moment - row.last_attempt_at < CLAIM_TTL
        ):
            raise Conflict(
                tr(
                    "This post is being sent right now (or an attempt was interrupted less than "
                    "{minutes} minutes ago). Wait, then check the draft again."
                ).format(minutes=int(CLAIM_TTL.total_seconds() // 60))
            )
        # Read before anything is written, so that the writes below go out together.
        account_id = version.account_id
        account = cached(kept, session, OfficialAccount, account_id, lambda: session.get(OfficialAccount, account_id))
        assert account is not None
        created = row is None
        if row is None:
            row = _new_row(
                version,
                self.actor.terminal,
                PublicationState.PENDING,
                manual=False,
                attempts=0,
                due_at=due_at,
                window_ends_at=window_ends_at,
                created_at=moment,
                last_attempt_at=moment,  # claimed as it is written (one statement, not an insert and an update)
            )
            session.add(row)
            # Its id goes into the record; entries this transaction deferred stay for its commit (one INSERT).
            session.flush([row] if chain.flushes_deferred(session) else None)
            previous_attempt_at, previous_state = None, row.state
            self.record(
                session,
                "publication.queued",
                {
                    "publication_id": row.id,
                    "draft_id": draft.id,
                    "version_id": version.id,
                    "account_id": version.account_id,
                    "platform": version.platform,
                    "content_hash": version.content_hash,
                    "idempotency_key": row.idempotency_key,
                    "due_at": due_at,
                },
            )
        else:
            previous_attempt_at, previous_state = row.last_attempt_at, row.state
            row.last_attempt_at = moment
        move(row, PublicationState.PENDING)
        return row, OutboxRow(
            publication_id=row.id,
            idempotency_key=row.idempotency_key,
            created_at=row.created_at,
            state=PublicationState(previous_state),
            attempts=row.attempts,
            last_attempt_at=previous_attempt_at,
            draft_id=draft.id,
            version_id=version.id,
            content_hash=version.content_hash,
            account_id=account.id,
            platform=account.platform,
            handle=account.handle,
            account_url=account.url,
            text=version.text,
            media=media_of(version.media),
            newly_created=created,
            blobs=blobs,
        )

    def release_claim(self, row: OutboxRow) -> None:
        """Give back a claim when the run stopped before any call (refused, keyring locked …)."""
        with self.store.write() as session:
            self.authorize(session, *BOOKKEEPING_ROLES)
            publication = session.get(Publication, row.publication_id)
            if publication is not None:
                self._release(session, publication, row)

    def _release(self, session: Session, publication: Publication, row: OutboxRow) -> None:
        if publication.attempts == row.attempts:
            publication.last_attempt_at = row.last_attempt_at
            move(publication, row.state)
            self.record(
                session,
                "publication.claim_released",
                {"publication_id": publication.id, "state": publication.state, "attempts": publication.attempts},
            )

    def mark_attempt(self, publication_id: int, *, now: datetime | None = None) -> int:
        """Count an attempt just before the call; a crash after this leaves evidence it may have gone out."""
        with self.store.write() as session:
            self.authorize(session, *BOOKKEEPING_ROLES)
            row: Publication = self.get_or_404(session, Publication, publication_id, tr("Publication"))
            return self._count_attempt(session, row, now or utcnow())

    def _count_attempt(self, session: Session, row: Publication, moment: datetime) -> int:
        row.attempts += 1
        row.last_attempt_at = moment
        move(row, PublicationState.PENDING)
        self.record(
            session,
            "publication.attempt",
            {"publication_id": row.id, "attempt": row.attempts, "idempotency_key": row.idempotency_key},
        )
        return row.attempts

    def mark_published(
        self,
        publication_id: int,
        post_id: str | None,
        url: str | None,
        *,
        how: str = "api",
        now: datetime | None = None,
    ) -> None:
        """The post is out: record its id and URL and move the draft to 公開済み."""
        with self.store.write() as session:
            self.authorize(session, *BOOKKEEPING_ROLES)
            self._published(session, publication_id, post_id, url, how, now or utcnow())

    def _published(
        self, session: Session, publication_id: int, post_id: str | None, url: str | None, how: str, now: datetime
    ) -> tuple[int, int]:
        row: Publication = self.get_or_404(session, Publication, publication_id, tr("Publication"))
        move(row, PublicationState.PUBLISHED)
        row.platform_post_id = post_id
        row.url = url
        row.published_at = now
        row.last_error = None
        row.last_error_kind = None
        version = session.get(DraftVersion, row.version_id)
        assert version is not None
        draft: Draft = self.get_locked(session, Draft, version.draft_id, tr("Draft"), bare=True)
        _publish_draft(draft)
        head = chain.locked_head(session)
        before = head.seq
        self.record(
            session,
            "publication.published",
            {
                "publication_id": row.id,
                "draft_id": draft.id,
                "version_id": version.id,
                "platform_post_id": post_id,
                "url": url,
                "content_hash": row.content_hash,
                "attempts": row.attempts,
                "how": how,
            },
        )
        return before, head.seq

    def mark_sent(
        self,
        row: OutboxRow,
        attempts: int,
        post_id: str | None,
        url: str | None,
        *,
        now: datetime,
        revision: int | None = None,
    ) -> tuple[int, int]:
        """:meth:`mark_published` for the row this outbox claimed and sent: two guarded updates.

        The publication is updated only while it is still exactly as the claim
        left it (pending, ``attempts``), the draft only from a state that may
        become 公開済み; anything else takes the full path of
        :meth:`mark_published` in the same transaction (which refuses or
        leaves things as they are, as it always did).

        ``revision``: the chain's head when the run last checked this person's
        role; when the head is still there, nothing was recorded since, so the
        role holds and is not read again. Returns the head before and after
        this transaction's entry (the run then knows the entry was its own).
        """
        with self.store.write() as session:
            return self.mark_sent_in(session, row, attempts, post_id, url, now=now, revision=revision)

    def mark_sent_in(
        self,
        session: Session,
        row: OutboxRow,
        attempts: int,
        post_id: str | None,
        url: str | None,
        *,
        now: datetime,
        revision: int | None = None,
    ) -> tuple[int, int]:
        """:meth:`mark_sent` in the caller's write transaction (``revision``: the head it was locked at)."""
        head = chain.locked_head(session)
        before = head.seq
        if revision is None or before != revision:
            self.authorize(session, *BOOKKEEPING_ROLES)
        # Plain statements on the transaction's connection: no ORM object is loaded or changed by them.
        connection = session.connection()
        values = {"b_id": row.publication_id, "b_attempts": attempts, "b_post_id": post_id, "b_url": url, "b_at": now}
        if _count(connection.execute(_SENT, values)) != 1:
            return self._published(session, row.publication_id, post_id, url, "api", now)
        if _count(connection.execute(_DRAFT_PUBLISHED, {"b_id": row.draft_id})) != 1:
            # Already 公開済み (a second row settled later) stays; any other state refuses as move() does.
            _publish_draft(self.get_locked(session, Draft, row.draft_id, tr("Draft"), bare=True))
        self.record(
            session,
            "publication.published",
            {
                "publication_id": row.publication_id,
                "draft_id": row.draft_id,
                "version_id": row.version_id,
                "platform_post_id": post_id,
                "url": url,
                "content_hash": row.content_hash,
                "attempts": attempts,
                "how": "api",
            },
        )
        return before, head.seq

    def mark_failed(
        self, publication_id: int, message: str, kind: str, *, status: int | None = None, code: str = ""
    ) -> None:
        """Nothing was published; a later attempt may reuse the row and its key."""
        self._set_state(publication_id, PublicationState.FAILED, message, kind, "publication.failed", status, code)

    def mark_needs_reconciliation(
        self, publication_id: int, message: str, *, status: int | None = None, code: str = ""
    ) -> None:
        """The post may exist: no automatic retry until a person or a look-up settles it (要確認)."""
        self._set_state(
            publication_id,
            PublicationState.NEEDS_RECONCILIATION,
            message,
            "ambiguous",
            "publication.needs_check",
            status,
            code,
        )

    def _set_state(
        self,
        publication_id: int,
        state: PublicationState,
        message: str,
        kind: str,
        event: str,
        status: int | None,
        code: str,
    ) -> None:
        """The message (redacted again: it may quote a platform) goes to the row, which can be cleared.

        The audit record is append-only and can never be purged, so it gets
        no free text at all: the kind, the HTTP status and a code that is a
        plain identifier.
        """
        with self.store.write() as session:
            self.authorize(session, *BOOKKEEPING_ROLES)
            row: Publication = self.get_or_404(session, Publication, publication_id, tr("Publication"))
            move(row, state)
            row.last_error = clean_untrusted(message, limit=2000)
            row.last_error_kind = kind
            payload: dict[str, Any] = {"publication_id": row.id, "kind": kind, "attempts": row.attempts}
            if status is not None:
                payload["status"] = int(status)
            if error_code(code):
                payload["code"] = error_code(code)
            self.record(session, event, payload)

    def resolve(self, publication_id: int, *, url: str | None) -> None:
        """A person settles a 要確認 row: the post's URL if it went out, ``None`` if it did not."""
        with self.store.write() as session:
            self.authorize(session, Role.OPERATOR, Role.SUPERVISOR)
            row: Publication = self.get_or_404(session, Publication, publication_id, tr("Publication"))
            if row.state != PublicationState.NEEDS_RECONCILIATION.value:
                raise Conflict(tr("This publication does not need checking."))
            event = "publication.resolved_not_posted"
            if url and url.strip():
                account = session.get(OfficialAccount, row.account_id)
                assert account is not None
                move(row, PublicationState.PUBLISHED)
                row.url = checked_post_url(account.platform, account.url, url)
                row.published_at = utcnow()
                version = session.get(DraftVersion, row.version_id)
                assert version is not None
                draft: Draft = self.get_locked(session, Draft, version.draft_id, tr("Draft"))
                _publish_draft(draft)
                event = "publication.resolved_posted"
            else:
                move(row, PublicationState.FAILED)
                row.last_error = OwnMessage.CHECKED_NOT_POSTED.stored
            self.record(session, event, {"publication_id": row.id, "url": row.url})

    def report_missed(self, draft_id: int, due_at: datetime, window_ends_at: datetime) -> int:
        """A scheduled post that was not sent within its window: recorded and shown, never silently dropped."""
        with self.store.write() as session:
            self.authorize(session, *BOOKKEEPING_ROLES)
            version = _latest_version(session, draft_id)
            if version is None:
                raise Conflict(tr("The newest version of this draft is not approved."))
            row = _new_row(
                version,
                self.actor.terminal,
                PublicationState.FAILED,
                attempts=0,
                due_at=due_at,
                window_ends_at=window_ends_at,
                last_error=OwnMessage.MISSED_WINDOW.stored,
            )
            session.add(row)
            session.flush()
            self.record(
                session,
                "publication.missed_window",
                {"publication_id": row.id, "draft_id": draft_id, "due_at": due_at, "window_ends_at": window_ends_at},
            )
            return row.id

    # ---- manual posting ---------------------------------------------------------------------

    def record_manual(self, version_id: int, url: str, *, vault: Vault | None = None) -> int:
        """Record a post the operator made by hand in the platform's own app.

        Allowed for the newest version when its signed approval is still valid
        for the draft's current content — or, for an emergency version when
        the organization allows it, before approval with an after-the-fact
        review due (事後承認). The terminal must be approved for the account
        and the account in operation, as for posting through the API, and the
        record is signed with this terminal's key (``posting.authorized``); only
        the platform credential is not needed. ``vault`` defaults to the OS keyring.
        """
        from core.credentials.vault import open_vault
        from core.terminals.authorization import authorize_post

        url = url.strip()
        with self.store.read() as session:
            self.authorize(session, Role.OPERATOR)
            version_row = session.get(DraftVersion, version_id)
            target = (version_row.account_id, version_row.content_hash) if version_row is not None else None
            account_row = session.get(OfficialAccount, version_row.account_id) if version_row is not None else None
            if account_row is not None:
                # Before anything is signed: the record turns the draft 公開済み for good.
                url = checked_post_url(account_row.platform, account_row.url, url) or ""
            # Checked before the terminal signs anything (and again below, under the lock).
            if version_row is not None:
                check = verify_approval(session, version_row.draft_id)
                if not check.ok and before_approval_due(session, version_row.draft_id) is None:
                    raise Conflict(tr("Publishing refused: {reason}").format(reason=check.message))
        if target is not None:
            account_id, content_hash = target
            # Its own transaction: a refusal stays in the audit record although we raise.
            authorize_post(
                self.store,
                vault or open_vault(),
                self.actor.terminal,
                account_id,
                {"action": "manual", "version_id": version_id, "content_hash": content_hash, "url": url},
                self.actor.recorder,
                manual=True,
            )
        with self.store.write() as session:
            self.authorize(session, Role.OPERATOR)
            version: DraftVersion = self.get_or_404(session, DraftVersion, version_id, tr("Version"))
            draft: Draft = self.get_locked(session, Draft, version.draft_id, tr("Draft"))
            latest = session.scalar(select(func.max(DraftVersion.number)).where(DraftVersion.draft_id == draft.id))
            if version.number != latest:
                raise Conflict(tr("Only the newest version of a draft can be published."))
            if draft.state == DraftState.PUBLISHED.value:
                raise Conflict(tr("This post has already been published."))
            check = verify_approval(session, draft.id)
            due = None
            if not check.ok:
                due = before_approval_due(session, draft.id)
                if due is None or not version.emergency:
                    raise Conflict(tr("Publishing refused: {reason}").format(reason=check.message))
            # A pending outbox row for this version (e.g. a missed scheduled post) is closed by this record.
            open_row = session.scalar(
                select(Publication).where(Publication.version_id == version.id, Publication.state.in_(RETRYABLE))
            )
            publication = open_row or _new_row(version, self.actor.terminal, PublicationState.PUBLISHED)
            publication.terminal_id = _terminal_id(session, self.actor.terminal)
            if open_row is not None:
                move(publication, PublicationState.PUBLISHED)
            publication.manual = True
            publication.url = url or None
            publication.published_at = utcnow()
            publication.post_review_due_at = due
            if open_row is None:
                session.add(publication)
            move(draft, DraftState.PUBLISHED)
            session.flush()
            self.record(
                session,
                "publication.recorded",
                {
                    "publication_id": publication.id,
                    "version_id": version.id,
                    "url": publication.url,
                    "content_hash": version.content_hash,
                    "manual": True,
                    "before_approval": due is not None,
                    "post_review_due_at": due,
                },
            )
            return publication.id

    # ---- deletions (wako:5-キ, joso:4(5)) -------------------------------------------------------

    def request_deletion(self, publication_id: int, reason: str) -> int:
        """Ask a supervisor to delete a published post; the reason is required and kept."""
        from core.platforms.facts import facts_of

        reason = (reason or "").strip()
        if not reason:
            raise InvalidInput(tr("Give the reason for deleting this post."))
        with self.store.write() as session:
            self.authorize(session, Role.OPERATOR, Role.SUPERVISOR)
            row: Publication = self.get_or_404(session, Publication, publication_id, tr("Publication"))
            if row.state != PublicationState.PUBLISHED.value:
                raise Conflict(tr("Only a published post can be deleted."))
            facts = facts_of(row.platform)
            if facts is not None and not facts.deletable:
                raise Conflict(facts.not_deletable_message)
            open_request = session.scalar(
                select(DeletionRequest.id).where(
                    DeletionRequest.publication_id == row.id,
                    DeletionRequest.state.in_([DeletionState.REQUESTED.value, DeletionState.APPROVED.value]),
                )
            )
            if open_request is not None:
                raise Conflict(tr("A deletion of this post has already been requested."))
            check_initial(DeletionState.REQUESTED)
            request = DeletionRequest(
                publication_id=row.id,
                state=DeletionState.REQUESTED.value,
                reason=reason,
                requested_by_id=self.actor.staff_id,
                requested_at=utcnow(),
            )
            session.add(request)
            session.flush()
            self.record(
                session,
                "deletion.requested",
                {"deletion_request_id": request.id, "publication_id": row.id, "url": row.url, "reason": reason},
            )
            return request.id

    def decide_deletion(self, request_id: int, approve: bool, comment: str = "") -> None:
        """A supervisor approves or rejects; nobody decides on their own request."""
        comment = (comment or "").strip()
        if not approve and not comment:
            raise InvalidInput(tr("A comment is required to reject a deletion request."))
        with self.store.write() as session:
            staff = self.authorize(session, Role.SUPERVISOR)
            request: DeletionRequest = self.get_or_404(session, DeletionRequest, request_id, tr("Deletion request"))
            if request.state != DeletionState.REQUESTED.value:
                raise Conflict(tr("This deletion request has already been decided."))
            if request.requested_by_id == staff.id:
                raise PermissionDenied(tr("You cannot decide on your own deletion request."))
            move(request, DeletionState.APPROVED if approve else DeletionState.REJECTED)
            request.decided_by_id = staff.id
            request.decided_at = utcnow()
            request.decision_comment = comment
            self.record(
                session,
                "deletion.approved" if approve else "deletion.rejected",
                {"deletion_request_id": request.id, "publication_id": request.publication_id, "comment": comment},
            )

    def begin_deletion(self, request_id: int) -> None:
        """Record, before the platform is asked, that this person starts an approved deletion.

        Checks the role first: nobody without it reaches the platform, and a
        deletion that succeeds there but fails to be recorded afterwards still
        leaves this entry behind.
        """
        with self.store.write() as session:
            self.authorize(session, Role.OPERATOR, Role.SUPERVISOR)
            request: DeletionRequest = self.get_locked(session, DeletionRequest, request_id, tr("Deletion request"))
            if request.state != DeletionState.APPROVED.value:
                raise Conflict(tr("This deletion has not been approved by a supervisor."))
            row = session.get(Publication, request.publication_id)
            assert row is not None
            self.record(
                session,
                "publication.deletion_started",
                {"deletion_request_id": request.id, "publication_id": row.id, "platform_post_id": row.platform_post_id},
            )

    def mark_deleted(self, request_id: int, *, manually: bool) -> None:
        """The approved deletion is done (through the adapter or by hand); the original text is recorded."""
        with self.store.write() as session:
            self.authorize(session, Role.OPERATOR, Role.SUPERVISOR)
            request: DeletionRequest = self.get_or_404(session, DeletionRequest, request_id, tr("Deletion request"))
            if request.state != DeletionState.APPROVED.value:
                raise Conflict(tr("This deletion has not been approved by a supervisor."))
            row = session.get(Publication, request.publication_id)
            assert row is not None
            version = session.get(DraftVersion, row.version_id)
            assert version is not None
            now = utcnow()
            move(request, DeletionState.DONE)
            request.executed_by_id = self.actor.staff_id
            request.executed_at = now
            request.executed_manually = manually
            move(row, PublicationState.DELETED)
            row.deleted_at = now
            self.record(
                session,
                "publication.deleted",
                {
                    "deletion_request_id": request.id,
                    "publication_id": row.id,
                    "platform_post_id": row.platform_post_id,
                    "url": row.url,
                    "manually": manually,
                    "reason": request.reason,
                    "original_text": version.text,
                    "original_text_sha256": sha256_hex(version.text),
                },
            )


#: Draft states a published post moves to 公開済み (from the lifecycle table).
_BECOME_PUBLISHED = tuple(
    state.value for state in DraftState if machine_for(DraftState).allows(state, DraftState.PUBLISHED)
)


# Built once (every sent post runs them): building a statement costs more than running it.
_SENT = (
    update(Publication)
    .where(
        Publication.id == bindparam("b_id"),
        Publication.state == PublicationState.PENDING.value,
        Publication.attempts == bindparam("b_attempts"),
    )
    .values(
        state=PublicationState.PUBLISHED.value,
        platform_post_id=bindparam("b_post_id"),
        url=bindparam("b_url"),
        published_at=bindparam("b_at"),
        last_error=None,
        last_error_kind=None,
    )
)
_DRAFT_PUBLISHED = (
    update(Draft)
    .where(Draft.id == bindparam("b_id"), Draft.state.in_(_BECOME_PUBLISHED))
    .values(state=DraftState.PUBLISHED.value, row_version=Draft.row_version + 1)
)
_ROWS_OF_VERSION = (
    select(Publication).where(Publication.version_id == bindparam("version_id")).order_by(Publication.id.desc())
)


def _count(result: Any) -> int:
    """The rows an UPDATE matched (``Result`` types it loosely)."""
    return int(result.rowcount)


def _publish_draft(draft: Draft) -> None:
    """The draft's post is out; a draft already published (a second row settled later) stays as it is."""
    if draft.state != DraftState.PUBLISHED.value:
        move(draft, DraftState.PUBLISHED)


# ---- read models --------------------------------------------------------------------------------


class OwnMessage(enum.StrEnum):
    """KohoGate's own words about an attempt, stored as a code and translated when shown.

    Stored text would stay in the language of the session that wrote it: a Japanese
    workstation's note read on an English one (and the reverse).
    """

    CHECKED_NOT_POSTED = "checked_not_posted"
    MISSED_WINDOW = "missed_window"

    @property
    def stored(self) -> str:
        return f"{_OWN_PREFIX}{self.value}"

    @property
    def text(self) -> str:
        return {
            OwnMessage.CHECKED_NOT_POSTED: tr("Checked by a person: not posted."),
            OwnMessage.MISSED_WINDOW: tr("Not sent within its time window; publish it by hand or reschedule it."),
        }[self]


_OWN_PREFIX = "kohogate:"


def shown_error(stored: str | None) -> str | None:
    """The stored note in the reader's language (a platform's own text stays as the platform wrote it)."""
    if stored and stored.startswith(_OWN_PREFIX):
        try:
            return OwnMessage(stored.removeprefix(_OWN_PREFIX)).text
        except ValueError:
            return stored
    return stored


@dataclass(frozen=True)
class PublicationRow:
    id: int
    draft_id: int
    version_id: int
    account: str
    platform: str
    state: PublicationState
    url: str | None
    published_at: datetime | None
    due_at: datetime | None
    last_error: str | None
    manual: bool
    text: str
    account_url: str | None = None


def _row(p: Publication, version: DraftVersion, handle: str, account_url: str | None = None) -> PublicationRow:
    return PublicationRow(
        id=p.id,
        draft_id=version.draft_id,
        version_id=version.id,
        account=handle,
        platform=p.platform or version.platform,
        state=PublicationState(p.state),
        url=p.url,
        published_at=p.published_at,
        due_at=p.due_at,
        last_error=shown_error(p.last_error),
        manual=p.manual,
        text=version.text,
        account_url=account_url,
    )


def publication_info(store: Store, publication_id: int) -> PublicationInfo | None:
    """The publication with its account and text, or ``None`` when there is no such row."""
    query = (
        select(Publication, DraftVersion, OfficialAccount)
        .join(DraftVersion, DraftVersion.id == Publication.version_id)
        .join(OfficialAccount, OfficialAccount.id == Publication.account_id)
        .where(Publication.id == publication_id)
    )
    with store.read() as session:
        found = session.execute(query).first()
        if found is None:
            return None
        p, v, a = found
        return PublicationInfo(
            publication_id=p.id,
            state=PublicationState(p.state),
            account_id=a.id,
            platform=a.platform,
            handle=a.handle,
            account_url=a.url,
            text=v.text,
            attempts=p.attempts,
        )


def publications_for_draft(store: Store, draft_id: int) -> list[PublicationRow]:
    """Every publication row of a draft, newest first."""
    query = (
        select(Publication, DraftVersion, OfficialAccount.handle, OfficialAccount.url)
        .join(DraftVersion, DraftVersion.id == Publication.version_id)
        .join(OfficialAccount, OfficialAccount.id == Publication.account_id)
        .where(DraftVersion.draft_id == draft_id)
        .order_by(Publication.id.desc())
    )
    with store.read() as session:
        return [_row(p, v, h, u) for p, v, h, u in session.execute(query)]


def publications_needing_attention(store: Store) -> list[PublicationRow]:
    """要確認 and failed rows (missed windows included), oldest first: what a person must look at."""
    query = (
        select(Publication, DraftVersion, OfficialAccount.handle)
        .join(DraftVersion, DraftVersion.id == Publication.version_id)
        .join(OfficialAccount, OfficialAccount.id == Publication.account_id)
        .join(Draft, Draft.id == DraftVersion.draft_id)
        .where(
            Publication.state.in_([PublicationState.NEEDS_RECONCILIATION.value, PublicationState.FAILED.value]),
            Draft.state != DraftState.PUBLISHED.value,
        )
        .order_by(Publication.id)
    )
    with store.read() as session:
        return [_row(p, v, h) for p, v, h in session.execute(query)]


@dataclass(frozen=True)
class DeletionRow:
    id: int
    publication_id: int
    state: DeletionState
    reason: str
    requested_by: str
    requested_by_id: int
    requested_at: datetime
    account: str
    platform: str
    url: str | None
    text: str
    decision_comment: str


def deletion_requests(store: Store, *, states: tuple[DeletionState, ...] = ()) -> list[DeletionRow]:
    """Deletion requests with the post's text and URL, oldest first."""
    query = (
        select(DeletionRequest, Publication, DraftVersion, OfficialAccount.handle, Staff.display_name)
        .join(Publication, Publication.id == DeletionRequest.publication_id)
        .join(DraftVersion, DraftVersion.id == Publication.version_id)
        .join(OfficialAccount, OfficialAccount.id == Publication.account_id)
        .join(Staff, Staff.id == DeletionRequest.requested_by_id)
        .order_by(DeletionRequest.id)
    )
    if states:
        query = query.where(DeletionRequest.state.in_([s.value for s in states]))
    with store.read() as session:
        return [
            DeletionRow(
                id=d.id,
                publication_id=p.id,
                state=DeletionState(d.state),
                reason=d.reason,
                requested_by=name,
                requested_by_id=d.requested_by_id,
                requested_at=d.requested_at,
                account=handle,
                platform=p.platform or v.platform,
                url=p.url,
                text=v.text,
                decision_comment=d.decision_comment or "",
            )
            for d, p, v, handle, name in session.execute(query)
        ]
