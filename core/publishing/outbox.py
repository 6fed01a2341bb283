"""The outbox: send an approved post exactly once, or say plainly why not.

The sequence for one publication:

1. the gate (:func:`core.publishing.preflight.gate_publish`): approval valid
   for the current content — verified once, each media file read and hashed
   once, the bytes kept for the upload — then the terminal, account and
   credential conditions (one transaction);
2. the outbox row with its idempotency key is written, the terminal signs
   the request, key included (``posting.authorized``), and the first attempt
   is counted — one transaction (:meth:`PublicationService.claim_attempt`),
   committed *before* any network call;
3. the adapter posts; the result or failure is recorded right after (one
   transaction); a retry counts its attempt just before its call.

A run of ``publish-due`` (:meth:`Outbox.begin_run`) keeps the verified chain
of trust, the terminal key and the person's role per account, and the rows
every post reads again (terminal, account, credential, organization, approver,
signing key: every condition is still checked against them, with the time
now), while the audit chain shows only posting bookkeeping. Once it knows
them, steps 1 and 2 are one transaction — the chain's head read first
(nothing else recorded since the run's last look: no other query; anything
but bookkeeping: :class:`RunChanged`, nothing of the post written), the
approval, then the claim, whose signed permit checks the terminal, account
and credential conditions. A permit refused there rolls the transaction
back, and the post goes the way above, so a refusal is recorded as it always
was. On SQLite, whose write transactions hold the database's write lock from
their start, that transaction also records the result of the post sent
before it, first (the record's order unchanged): one transaction and one
commit per post. Anything else that comes first — another account's first
post, a missed post, a change, the run's end — records that result on its
own before it (:meth:`Outbox.settle`); a result that cannot be recorded makes
the post a failure in the run's report, its row an attempt that may be out.
On PostgreSQL step 3 stays a transaction of its own: recording first there
would lock the chain's head while media files are hashed.

Failures, and what happens next:

* not sent (no connection), rate-limited (429): wait and try again with the
  same key, up to ``max_attempts``; then the row is marked failed and may be
  retried later — still with the same key;
* ambiguous (connection dropped after sending, read timeout, 5xx), on every
  platform: first look for the post among the account's recent posts. Found:
  recorded as published. Not found, on a platform that honours the key
  (Mastodon, LINE) with tries left: retry with the same key. Otherwise, or
  when the look-up itself fails: 要確認, and *no automatic retry* until a
  person records the URL or confirms it did not go out. Looking first
  matters on Mastodon too: a server that never stored the key (a 504 before
  it was saved, mastodon #21840) posts again on a blind retry;
* a row found still pending with attempts counted (the app died mid-call,
  its claim expired) is treated the same way: look first, resend only
  with a fresh key on an idempotent platform.

Clock and sleep are injectable so tests and the scheduler run on a fake clock.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from core.audit import chain
from core.credentials.vault import Vault, credential_name
from core.errors import Conflict, KohoGateError
from core.i18n import tr
from core.lifecycle.states import PublicationState
from core.platforms.base import (
    Closable,
    Connection,
    MediaFile,
    PostRequest,
    Progress,
    Publisher,
    PublisherFactory,
    no_progress,
    same_text,
)
from core.platforms.errors import ErrorKind, PublishError
from core.platforms.registry import make_publisher
from core.publishing.preflight import (
    PublishRefused,
    VerifiedApproval,
    check_terminal,
    gate_in,
    gate_publish,
)
from core.publishing.records import Claim, OutboxRow, PublicationService, publication_info
from core.services.base import Service
from core.storage.locks import write_lock_held, writes_queue
from core.storage.models import AuditEntry, AuditHead, utcnow
from core.storage.row_cache import RowCache
from core.terminals.authorization import (
    GateResult,
    PostingRefused,
    SigningFacts,
    authorize_in,
    authorize_post,
    read_credential,
    signing_facts,
)
from core.terminals.keys import KeyState

log = logging.getLogger(__name__)

#: How long Mastodon keeps an Idempotency-Key (about an hour); older keys are not trusted.
KEY_LIFETIME = timedelta(minutes=50)
#: A post scheduled for later is not sent early by the Publish button.
EARLY_GRACE = timedelta(minutes=1)


#: Events that cannot change whether this terminal may post nor the chain of trust: a run's own
#: bookkeeping (and other terminals' posting). Anything else recorded during a run — a lock, a pause,
#: a revoked key or terminal, a role change — makes the run decide afresh (see :meth:`Outbox.revalidate`).
POSTING_NEUTRAL = frozenset(
    {
        "posting.authorized",
        "posting.refused",
        "publishing.refused",
        "publication.queued",
        "publication.attempt",
        "publication.claim_released",
        "publication.published",
        "publication.failed",
        "publication.needs_check",
        "publication.missed_window",
    }
)


@dataclass
class _RunFacts:
    """What a run decided once and reuses while only posting bookkeeping is recorded (``revision``: audit seq).

    ``role_checked``: this person's role to post was read in a transaction
    whose head was ``revision`` or earlier (with only posting bookkeeping since).
    ``rows``: every change to them is audited (never as posting bookkeeping).
    """

    revision: int
    trusted: set[int | None] = field(default_factory=set)
    signing: dict[int, SigningFacts] = field(default_factory=dict)
    role_checked: bool = False
    # Rows every post reads again (terminal, account, credential, organization, approver, signing key):
    # read in the run's own transactions, dropped with the rest of its decisions.
    rows: RowCache = field(default_factory=RowCache)

    def advance(self, span: tuple[int, int] | None) -> None:
        """A transaction of this run appended from ``span[0]`` to ``span[1]``: those entries were its own."""
        if span is not None and span[0] == self.revision:
            self.revision = span[1]


class RunChanged(KohoGateError):
    """Something besides posting bookkeeping was recorded during a run: its decisions were dropped, nothing written.

    :func:`core.publishing.scheduler.run_due` looks at the pause again, then
    tries the post again (deciding everything afresh).
    """


class NeedsChecking(KohoGateError):
    """The post may or may not be out; a person must check (要確認). Never retried automatically."""


class _LongWay(Exception):
    """The run's one transaction gives way (rolled back) to the gate and the claim in their own transactions."""


class _NotRecorded(Exception):
    """The sent post's result could not be recorded in the next post's transaction (rolled back)."""


@dataclass(frozen=True)
class _Unrecorded:
    """A post sent in this run whose result waits for the next post's transaction (see :meth:`Outbox._sent`)."""

    row: OutboxRow
    attempt: int
    post_id: str | None
    url: str | None
    at: datetime


def _role_checked_at(run: _RunFacts | None) -> int | None:
    """The head at which the run last checked the person's role (``None``: not checked, or no run)."""
    return run.revision if run is not None and run.role_checked else None


def _run_changed() -> RunChanged:
    return RunChanged(tr("Something changed during the run; the run decides afresh."))


@dataclass(frozen=True)
class _Claimed:
    claim: Claim
    request: PostRequest
    publisher: Publisher


@dataclass(frozen=True)
class Lookup:
    """One look among the account's recent posts: ``found`` (id, url), and whether the look-up worked."""

    found: tuple[str, str | None] | None
    known: bool


@dataclass(frozen=True)
class PublishOutcome:
    publication_id: int
    url: str | None
    post_id: str | None
    attempts: int
    reconciled: bool = False


@dataclass
class Outbox(Service):
    """Publishes approved drafts for ``actor`` from this terminal (``actor.terminal``)."""

    vault: Vault | None = None
    factory: PublisherFactory = make_publisher
    clock: Callable[[], datetime] = utcnow
    sleep: Callable[[float], None] = time.sleep
    max_attempts: int = 3
    max_wait: float = 60.0
    base_url: dict[str, str] = field(default_factory=dict)  # platform → endpoint override (tests, proxies)
    # One adapter (one HTTP client, its connections kept alive) per account for the outbox's life:
    # a run of publish-due opens one TLS connection per account, not one per post.
    _publishers: dict[int, Publisher] = field(default_factory=dict, init=False, repr=False)
    _run: _RunFacts | None = field(default=None, init=False, repr=False)
    _unrecorded: _Unrecorded | None = field(default=None, init=False, repr=False)
    _late: list[tuple[int, Exception]] = field(default_factory=list, init=False, repr=False)

    @property
    def records(self) -> PublicationService:
        return PublicationService(self.store, self.actor)

    # ---- helpers ----------------------------------------------------------------------------

    def _vault(self) -> Vault:
        if self.vault is None:
            from core.credentials.vault import open_vault

            self.vault = open_vault()
        return self.vault

    def _publisher(
        self,
        account_id: int,
        platform: str,
        handle: str,
        account_url: str | None,
        credential: Callable[[], str | None] | None = None,
    ) -> Publisher:
        """The account's adapter for this outbox's life; ``credential`` gives one read beforehand."""
        publisher = self._publishers.get(account_id)
        if publisher is None:
            publisher = self._publishers[account_id] = self._new_publisher(
                account_id, platform, handle, account_url, credential
            )
        return publisher

    def _credential(self, account_id: int) -> str | None:
        return read_credential(self._vault(), self.actor.terminal, account_id)

    def begin_run(self) -> None:
        """A run of many posts starts: decisions that hold for the run are kept until :meth:`close`."""
        from core.storage.changes import head_seq

        self._run = _RunFacts(head_seq(self.store))

    def revalidate(self) -> bool:
        """Drop the run's decisions if anything but posting bookkeeping was recorded since the last look.

        One query per post instead of re-deriving the chain of trust and the
        terminal key: any change that could stop a post (a lock, a pause, a
        revoked key or terminal approval) is an audit entry. True when the
        decisions were dropped (the caller then looks at the pause again).
        """
        from core.storage.changes import events_since

        self.settle()
        if self._run is None:
            return False
        revision, events = events_since(self.store, self._run.revision)
        changed = events is None or not events <= POSTING_NEUTRAL
        self._run = _RunFacts(revision) if changed else replace(self._run, revision=revision)
        return changed

    def checks_as_it_claims(self, account_id: int) -> bool:
        """Does a post for ``account_id`` make sure of the run's decisions in its own transaction?

        Then the caller skips :meth:`revalidate` before it.
        """
        run = self._run
        return run is not None and run.role_checked and account_id in run.signing and account_id in self._publishers

    def close(self) -> None:
        """The last result recorded, the adapters' HTTP clients closed (a run's end); a later call opens new ones."""
        self.settle()
        self._run = None
        publishers, self._publishers = list(self._publishers.values()), {}
        for publisher in publishers:
            if isinstance(publisher, Closable):
                publisher.close()

    def _new_publisher(
        self,
        account_id: int,
        platform: str,
        handle: str,
        account_url: str | None,
        read: Callable[[], str | None] | None = None,
    ) -> Publisher:
        credential = read() if read is not None else self._credential(account_id)
        if not credential:
            raise PublishRefused(
                "credential_missing",
                tr("This terminal's keyring holds no credential for {handle}.").format(handle=handle),
            )
        vault, name = self._vault(), credential_name(self.actor.terminal, account_id)
        return self.factory(
            Connection(
                platform,
                handle,
                credential,
                base_url=self.base_url.get(platform),
                account_url=account_url,
                save_credential=lambda renewed: vault.store(name, renewed),
                load_credential=lambda: vault.get(name),
            )
        )

    def _request(self, row: OutboxRow) -> PostRequest:
        """The post to send, with the media bytes the approval check read and hashed (never read again)."""
        media = []
        for index, item in enumerate(row.media, start=1):
            data = row.blobs.get(item.sha256)
            captions = row.blobs.get(item.captions_sha256) if item.captions_sha256 else None
            if data is None or (item.captions_sha256 and captions is None):
                raise Conflict(tr("An approved image or video file is missing."))
            mime = item.mime or "application/octet-stream"
            # Never the item's own file name: the platform sees a neutral one.
            name = f"media{index}.{mime.rsplit('/', 1)[-1]}"
            media.append(
                MediaFile(
                    data=data,
                    mime=mime,
                    kind=item.kind,
                    alt=item.alt,
                    decorative=item.decorative,
                    captions=captions,
                    filename=name,
                )
            )
        return PostRequest(row.text, tuple(media), row.idempotency_key, row.created_at)

    def _permit(
        self, session: Session, facts: SigningFacts, row: OutboxRow, now: datetime, rows: RowCache | None
    ) -> None:
        outcome = authorize_in(
            session,
            facts,
            self.actor.terminal,
            row.account_id,
            {
                "action": "publish",
                "publication_id": row.publication_id,
                "version_id": row.version_id,
                "content_hash": row.content_hash,
                "idempotency_key": row.idempotency_key,
            },
            self.actor.recorder,
            now=now,
            rows=rows,
        )
        if isinstance(outcome, GateResult):
            raise _refused(PostingRefused(outcome))

    def _look_for(self, publisher: Publisher, request: PostRequest) -> Lookup:
        """Is the post among the account's recent posts? (``known`` is false when the look-up failed.)"""
        try:
            posts = publisher.recent(20)
        except PublishError as exc:
            log.warning("reconciliation look-up failed: %s", exc.kind)
            return Lookup(None, known=False)
        for post in posts:
            if same_text(post.text, request.text):
                return Lookup((post.post_id, post.url), known=True)
        return Lookup(None, known=True)

    def _backoff(self, attempt: int, error: PublishError) -> float:
        if error.retry_after is not None:
            return error.retry_after
        return float(min(30, 2 ** (attempt - 1)))

    # ---- the operations ---------------------------------------------------------------------

    def publish(
        self,
        draft_id: int,
        progress: Progress = no_progress,
        *,
        due_at: datetime | None = None,
        window_ends_at: datetime | None = None,
        account_id: int | None = None,
    ) -> PublishOutcome:
        """Send the approved draft now (see the module docstring for every failure path).

        ``account_id``: the draft's account as the caller read it (a scheduled run), saving a query.
        During a run (:meth:`begin_run`) the gate and the claim share one
        transaction once the run knows the account's signing facts and the
        approver's chain of trust; :class:`RunChanged` when that transaction
        finds anything but posting bookkeeping recorded since the run's last look.
        """
        run = self._run
        gated = self._gate_and_claim(run, draft_id, due_at, window_ends_at, account_id)
        if gated is not None:
            claim, request, publisher = gated.claim, gated.request, gated.publisher
        else:
            claim, request, publisher = self._gate_then_claim(run, draft_id, due_at, window_ends_at, account_id)
        row = claim.row
        if row.attempts > 0 and row.state is PublicationState.PENDING:
            # An earlier run counted an attempt and never recorded its end: the post may be out.
            key_fresh = row.last_attempt_at is None or self.clock() - row.last_attempt_at < KEY_LIFETIME
            done = self._before_resending(publisher, row, request, row.attempts, key_fresh, None)
            if done is not None:
                return done
        return self._send(publisher, row, request, progress, counted=claim.attempt)

    def _gate_and_claim(
        self,
        run: _RunFacts | None,
        draft_id: int,
        due_at: datetime | None,
        window_ends_at: datetime | None,
        account_id: int | None,
    ) -> _Claimed | None:
        """The run's way: approval and claim in one transaction, which first makes sure the run's decisions hold.

        The terminal gate is the signed permit's own check, in the same
        transaction. ``None`` when the run cannot take this way — the first
        post for an account, an approver's key this run has not checked,
        another account than the caller said — or when the permit was refused:
        then nothing of this transaction is kept and :meth:`_gate_then_claim`
        refuses in the gate, recording exactly what it always did.
        """
        if run is None or account_id is None or not self.checks_as_it_claims(account_id):
            self.settle()
            return None
        moment, signed_at = self.clock(), self.store.now()
        prepared: list[tuple[PostRequest, Publisher]] = []
        fresh = True
        # The post sent before this one is recorded first, in this transaction (see _sent).
        pending, self._unrecorded = self._unrecorded, None
        try:
            # Nothing read here needs this transaction's entries: they go out together at the commit.
            with self.store.write() as session, session.no_autoflush:
                chain.defer_flushes(session)
                keep_loaded(session)
                fresh = self._still_valid(session, run)
                if pending is not None:
                    self._record_in(session, pending, run)
                outcome, claim = (
                    self._claim_in(
                        session, run, draft_id, account_id, due_at, window_ends_at, (moment, signed_at), prepared
                    )
                    if fresh
                    else (None, None)
                )
                span = chain.head_span(session)
        except (_LongWay, _NotRecorded):
            # Nothing of this transaction was kept: the sent post is recorded on its own, as without a run.
            self._unrecorded = pending
            self.settle()
            if not fresh:
                raise _run_changed() from None
            return None
        except BaseException:
            self._unrecorded = pending
            self.settle()
            raise
        if self._run is not None:
            self._run.advance(span)  # a fresh run's revision too: the sent post's entry was this transaction's own
        if not fresh:
            raise _run_changed()
        if isinstance(outcome, PublishRefused):
            raise outcome  # the approval's refusal, committed: the gate would record the same
        assert claim is not None
        return _Claimed(claim, *prepared[0])

    def _claim_in(
        self,
        session: Session,
        run: _RunFacts,
        draft_id: int,
        account_id: int,
        due_at: datetime | None,
        window_ends_at: datetime | None,
        moments: tuple[datetime, datetime],
        prepared: list[tuple[PostRequest, Publisher]],
    ) -> tuple[PublishRefused | VerifiedApproval, Claim | None]:
        """The approval and the claim in the run's transaction; :class:`_LongWay` when the run cannot take this way."""
        outcome = gate_in(
            session,
            self.actor,
            draft_id,
            has_credential=None,
            now=None,
            account=account_id,
            lock=True,
            rows=run.rows,
        )
        if isinstance(outcome, int):
            raise _LongWay
        if isinstance(outcome, PublishRefused):
            return outcome, None
        if outcome.signing_key_id is None or outcome.signing_key_id not in run.trusted:
            raise _LongWay
        claim = self.records.claim_in(
            session,
            draft_id,
            self._permit_for(run.signing[account_id], moments[1], prepared, rows=run.rows),
            due_at=due_at,
            window_ends_at=window_ends_at,
            now=moments[0],
            verified=outcome,
            gated=True,
            rows=run.rows,
        )
        if claim.refused is not None:
            raise _LongWay
        return outcome, claim

    def _record_in(self, session: Session, pending: _Unrecorded, run: _RunFacts) -> None:
        """The sent post's result, first in this transaction (the record's order kept); else :class:`_NotRecorded`."""
        try:
            self.records.mark_sent_in(
                session,
                pending.row,
                pending.attempt,
                pending.post_id,
                pending.url,
                now=pending.at,
                revision=_role_checked_at(run),
            )
        except Exception as exc:
            raise _NotRecorded from exc

    def settle(self) -> None:
        """Record the post sent last, if its result still waits for the next post's transaction.

        In a transaction of its own, as without a run. A failure to record it
        is kept for the run's report (:meth:`late_failures`): the post went
        out, the record does not say so, and the next run looks for it first.
        """
        pending, self._unrecorded = self._unrecorded, None
        if pending is None:
            return
        run = self._run
        try:
            span = self.records.mark_sent(
                pending.row,
                pending.attempt,
                pending.post_id,
                pending.url,
                now=pending.at,
                revision=_role_checked_at(run),
            )
        except Exception as exc:
            log.warning("the result of publication %s could not be recorded", pending.row.publication_id)
            self._late.append((pending.row.draft_id, exc))
            return
        if run is not None:
            run.advance(span)

    def late_failures(self) -> list[tuple[int, Exception]]:
        """Drafts sent in this run whose result could not be recorded afterwards, with the error (taken once)."""
        late, self._late = self._late, []
        return late

    def _still_valid(self, session: Session, run: _RunFacts) -> bool:
        """In the run's transaction: False (its decisions dropped) when more than bookkeeping came since its last look.

        On SQLite the head read here is the one the chain appends to (``BEGIN
        IMMEDIATE`` holds the write lock already). On PostgreSQL it is read
        without locking the head: a media file may be hashed before the
        first entry, and every workstation's writes would wait for that. An
        entry another workstation commits between this read and the claim's
        first entry is checked by the next post (:meth:`_RunFacts.advance`
        then leaves the revision before it) — the same moment's race as a
        look in a transaction of its own before the post.
        """
        if write_lock_held(session):
            seq = chain.locked_head(session).seq
        else:
            seq = session.scalar(select(AuditHead.seq).where(AuditHead.id == 1)) or 0
        if seq == run.revision:
            return True
        events = set(
            session.scalars(
                select(AuditEntry.event).where(AuditEntry.seq > run.revision, AuditEntry.seq <= seq).distinct()
            )
        )
        if not events <= POSTING_NEUTRAL:
            self._run = _RunFacts(seq)
            return False
        run.revision = seq
        return True

    def _gate_then_claim(
        self,
        run: _RunFacts | None,
        draft_id: int,
        due_at: datetime | None,
        window_ends_at: datetime | None,
        account_id: int | None,
    ) -> tuple[Claim, PostRequest, Publisher]:
        """The gate and the chain of trust, then the claim in its own transaction."""
        verified = gate_publish(
            self.store,
            self._vault(),
            self.actor,
            draft_id,
            trusted=run.trusted if run is not None else None,
            account_hint=account_id,
        )
        # A scheduled run passes the time it judged due by; only the Publish button needs the draft's.
        scheduled = self._scheduled_at(draft_id) if due_at is None else None
        if due_at is None and scheduled is not None and scheduled > self.clock() + EARLY_GRACE:
            raise Conflict(
                tr("This post is scheduled for {time}; it goes out then, not earlier.").format(
                    time=scheduled.astimezone().strftime("%Y-%m-%d %H:%M")
                )
            )
        # Keyring first, never under a database lock (a keyring may show an unlock prompt).
        facts = run.signing.get(verified.account_id) if run is not None else None
        if facts is None:
            terminal, recorder = self.actor.terminal, self.actor.recorder
            facts = signing_facts(self.store, self._vault(), terminal, verified.account_id, recorder)
            if run is not None and facts.key_state is KeyState.READY and facts.has_credential:
                run.signing[verified.account_id] = facts
        credential = None if verified.account_id in self._publishers else self._credential(verified.account_id)
        signed_at, moment = self.store.now(), self.clock()
        prepared: list[tuple[PostRequest, Publisher]] = []
        claim = self.records.claim_attempt(
            draft_id,
            self._permit_for(facts, signed_at, prepared, lambda: credential),
            due_at=due_at,
            window_ends_at=window_ends_at,
            now=moment,
            verified=verified,
        )
        if claim.refused is not None:
            # Nothing was sent; the claim was given back, so the next run (or a retry) may claim the row again.
            raise claim.refused
        if run is not None and run is self._run:
            # The claim read this person's role; nothing since (but bookkeeping) can have changed it.
            run.role_checked = True
        return (claim, *prepared[0])

    def _permit_for(
        self,
        facts: SigningFacts,
        signed_at: datetime,
        prepared: list[tuple[PostRequest, Publisher]],
        credential: Callable[[], str | None] | None = None,
        *,
        rows: RowCache | None = None,
    ) -> Callable[[Session, OutboxRow], None]:
        """Under the claim: the signed permit, the request and the account's adapter (into ``prepared``).

        ``rows``: the run's rows (its one transaction per post, after the chain's head was checked).
        """

        def permit(session: Session, row: OutboxRow) -> None:
            self._permit(session, facts, row, signed_at, rows)
            request = self._request(row)
            publisher = self._publisher(row.account_id, row.platform, row.handle, row.account_url, credential)
            prepared.append((request, publisher))

        return permit

    def _send(
        self, publisher: Publisher, row: OutboxRow, request: PostRequest, progress: Progress, *, counted: int = 0
    ) -> PublishOutcome:
        """Call the platform until it answers, a retry would not help, or a person must check.

        ``counted``: the first attempt, already counted with the claim (0: count it here).
        """
        ambiguous_seen = False
        tries = 0
        while True:
            tries += 1
            if tries == 1 and counted:
                attempt = counted
            else:
                attempt = self.records.mark_attempt(row.publication_id, now=self.clock())
            try:
                result = publisher.post(request, progress)
            except PublishError as error:
                last = tries >= self.max_attempts
                if error.kind in (ErrorKind.REJECTED, ErrorKind.AUTH, ErrorKind.UNSUPPORTED):
                    self._failed(row, error)
                    raise
                if error.kind is ErrorKind.AMBIGUOUS:
                    ambiguous_seen = True
                    done = self._before_resending(publisher, row, request, attempt, not last, error)
                    if done is not None:
                        return done
                    self.sleep(self._backoff(tries, error))
                    continue
                # NOT_SENT or RATE_LIMITED: nothing was created, the same key may go again.
                wait = self._backoff(tries, error)
                if last or wait > self.max_wait:
                    if ambiguous_seen:
                        return self._settle(publisher, row, request, attempt, error)
                    self._failed(row, error)
                    raise
                self.sleep(wait)
                continue
            self._sent(row, attempt, result.post_id, result.url)
            return PublishOutcome(row.publication_id, result.url, result.post_id, attempt)

    def _sent(self, row: OutboxRow, attempt: int, post_id: str | None, url: str | None) -> None:
        """The post is out: recorded now, or — in a run on SQLite — first thing in the next post's transaction.

        There, whose write lock is held from its start, the next claim's
        transaction records it before anything else: one commit per post
        instead of two, and the record's order unchanged. Whatever else comes
        first (another account, a missed post, a change, the run's end) records
        it on its own before (:meth:`settle`). Until then the row reads as an
        attempt that may be out, which is what a crash leaves either way.
        """
        run = self._run
        self.settle()
        if run is not None and run.role_checked and writes_queue(self.store):
            self._unrecorded = _Unrecorded(row, attempt, post_id, url, self.clock())
            return
        span = self.records.mark_sent(row, attempt, post_id, url, now=self.clock(), revision=_role_checked_at(run))
        if run is not None:
            run.advance(span)

    def _before_resending(
        self,
        publisher: Publisher,
        row: OutboxRow,
        request: PostRequest,
        attempt: int,
        may_resend: bool,
        error: PublishError | None,
    ) -> PublishOutcome | None:
        """After an attempt that may have reached the platform: look first, on every platform.

        Found: recorded (reconciled), the outcome returned. Not found, and the
        look-up itself worked: ``None`` — the caller may resend with the same
        key, but only on a platform that honours it and while ``may_resend``
        (tries left, key still fresh). A server that dropped the key
        (mastodon #21840) then still cannot double a post it shows in its own
        timeline. Anything else: 要確認, never resent.
        """
        lookup = self._look_for(publisher, request)
        if lookup.found is not None:
            return self._reconciled(row, lookup.found, attempt)
        if lookup.known and publisher.idempotent and may_resend:
            return None
        return self._needs_checking(row, error)

    def _settle(
        self, publisher: Publisher, row: OutboxRow, request: PostRequest, attempt: int, error: PublishError | None
    ) -> PublishOutcome:
        """After an ambiguous failure and no more tries: find the post, or hand it to a person (要確認)."""
        lookup = self._look_for(publisher, request)
        if lookup.found is not None:
            return self._reconciled(row, lookup.found, attempt)
        return self._needs_checking(row, error)

    def _reconciled(self, row: OutboxRow, found: tuple[str, str | None], attempt: int) -> PublishOutcome:
        self.records.mark_published(row.publication_id, found[0], found[1], how="reconciled", now=self.clock())
        return PublishOutcome(row.publication_id, found[1], found[0], attempt, reconciled=True)

    def _failed(self, row: OutboxRow, error: PublishError) -> None:
        self.records.mark_failed(
            row.publication_id, error.message, error.kind.value, status=error.status, code=error.code
        )

    def _needs_checking(self, row: OutboxRow, error: PublishError | None) -> PublishOutcome:
        message = error.message if error is not None else tr("An earlier attempt was interrupted.")
        self.records.mark_needs_reconciliation(
            row.publication_id,
            message,
            status=error.status if error is not None else None,
            code=error.code if error is not None else "",
        )
        raise NeedsChecking(
            tr(
                "{message} KohoGate did not find it among the account's recent posts and will not send it again."
            ).format(message=message),
            hint=tr("Look at the account: record the post's URL if it is there, or confirm that it was not posted."),
        )

    def reconcile(self, publication_id: int) -> PublishOutcome | None:
        """Look again for a 要確認 post among the recent posts; ``None`` if it is still not found."""
        self.settle()
        info = publication_info(self.store, publication_id)
        if info is None or info.state is not PublicationState.NEEDS_RECONCILIATION:
            raise Conflict(tr("This publication does not need checking."))
        check_terminal(self.store, self._vault(), self.actor, info.account_id)
        publisher = self._publisher(info.account_id, info.platform, info.handle, info.account_url)
        found = self._look_for(publisher, PostRequest(info.text)).found
        if found is None:
            return None
        self.records.mark_published(publication_id, found[0], found[1], how="reconciled", now=self.clock())
        return PublishOutcome(publication_id, found[1], found[0], info.attempts, reconciled=True)

    def delete(self, request_id: int) -> None:
        """Carry out an approved deletion through the adapter (terminal gate and signed request first)."""
        from core.storage.models import DeletionRequest, OfficialAccount, Publication

        self.settle()
        with self.store.read() as session:
            request = session.get(DeletionRequest, request_id)
            if request is None or request.state != "approved":
                raise Conflict(tr("This deletion has not been approved by a supervisor."))
            pub = session.get(Publication, request.publication_id)
            assert pub is not None
            account = session.get(OfficialAccount, pub.account_id)
            assert account is not None
            account_id, platform, handle, url = account.id, account.platform, account.handle, account.url
            post_id = pub.platform_post_id
        if not post_id:
            raise Conflict(
                tr("KohoGate does not know this post's id on the platform: delete it by hand and record that.")
            )
        check_terminal(self.store, self._vault(), self.actor, account_id)
        try:
            authorize_post(
                self.store,
                self._vault(),
                self.actor.terminal,
                account_id,
                {"action": "delete", "deletion_request_id": request_id, "platform_post_id": post_id},
                self.actor.recorder,
            )
        except PostingRefused as exc:
            raise _refused(exc) from None
        publisher = self._publisher(account_id, platform, handle, url)
        if not publisher.deletable:
            from core.platforms.facts import Platform

            raise Conflict(Platform.parse(platform).facts.not_deletable_message)
        self.records.begin_deletion(request_id)
        publisher.delete(post_id)
        self.records.mark_deleted(request_id, manually=False)

    def _scheduled_at(self, draft_id: int) -> datetime | None:
        from core.storage.models import Draft

        with self.store.read() as session:
            draft = session.get(Draft, draft_id)
            return draft.scheduled_at if draft is not None else None


def keep_loaded(session: Session) -> None:
    """Keep every row ``session`` loads until it ends, so that reading it again costs no query.

    The session's identity map holds rows weakly: a row the gate read and let
    go (the account, the version, the draft) would be read again by the claim
    in the same transaction. Nothing read here changes during the
    transaction (the draft is locked, the rest only changes with audited
    writes that the run checks for first).
    """
    kept: list[object] = []
    event.listen(session, "loaded_as_persistent", lambda _session, instance: kept.append(instance))


def _refused(exc: PostingRefused) -> PublishRefused:
    refusal = exc.result.refusal
    return PublishRefused(refusal.value if refusal else "refused", exc.result.message)
