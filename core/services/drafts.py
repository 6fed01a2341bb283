"""Drafts: the working copy, submission into immutable versions, and listing.

Submission goes through the composer's gate (:mod:`core.composer.submission`)
inside the submitting transaction: nothing blocks, every ``confirm`` finding
is acknowledged with a reason and every applicable guideline confirmation is
ticked — whatever the client. The version freezes the findings, the
acknowledgements and the ticks the supervisor will see.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    ScalarSelect,
    Select,
    Text,
    and_,
    case,
    func,
    literal,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session, aliased

from core.accounts.lifecycle_rules import DEFAULT_CATEGORY, category_keys
from core.accounts.usable import ensure_account_usable
from core.audit.canonical import sha256_hex
from core.audit.editing import CLOSED, EDITABLE_FIELDS, SUBMITTED, end_sessions, note_save
from core.composer.acknowledgements import stamp_acknowledgements, stamp_confirmations
from core.composer.media_items import StoredMedia, media_of, stored_json
from core.errors import Conflict, InvalidInput, NotFound
from core.i18n import tr
from core.lifecycle.states import ATTEMPT_SHOWN, DraftState, PublicationState, ReviewDecision, ShownState, shown_state
from core.lifecycle.transitions import move
from core.organization.roles import Role
from core.records.numbering import allocate as allocate_number
from core.services.base import Service, organization_row
from core.services.validation import aware_datetime, storable
from core.services.versions import newest_version_id
from core.signoff.content_hash import content_hash
from core.signoff.contributors import note_contributor
from core.storage import planner, search
from core.storage.engine import Store
from core.storage.models import (
    Draft,
    DraftVersion,
    MediaBlob,
    OfficialAccount,
    Publication,
    Review,
    Staff,
    utcnow,
)

if TYPE_CHECKING:
    from core.composer.media_store import PreparedMedia
    from core.composer.submission import GateStatus

MAX_TEXT = 100_000
MAX_MEDIA = 80


def _start_draft(session: Session, staff: Staff, **fields: Any) -> Draft:
    """A new working draft owned by ``staff`` (author, last editor, first contributor), flushed for its id."""
    draft = Draft(author_id=staff.id, last_editor_id=staff.id, state=DraftState.DRAFT.value, **fields)
    session.add(draft)
    session.flush()
    note_contributor(session, draft.id, staff.id)
    return draft


class DraftService(Service):
    def create(self, account_id: int, text: str = "", *, title: str = "", scheduled_at: datetime | None = None) -> int:
        with self.store.write() as session:
            staff = self.authorize(session, Role.OPERATOR)
            account: OfficialAccount = self.get_or_404(session, OfficialAccount, account_id, tr("Account"))
            # joso:3(3): only an account with a complete, filed operating policy carries drafts.
            ensure_account_usable(session, account)
            draft = _start_draft(
                session,
                staff,
                account_id=account.id,
                title=storable(title, tr("Title")).strip()[:200],
                text=_clean(text),
                media=[],
                scheduled_at=aware_datetime(scheduled_at, tr("Scheduled time")),
            )
            self.record(
                session,
                "draft.created",
                {"draft_id": draft.id, "account_id": account.id, "text_sha256": sha256_hex(draft.text)},
            )
            return draft.id

    def save(
        self,
        draft_id: int,
        row_version: int,
        *,
        text: str,
        media: Sequence[StoredMedia] | None = None,
        scheduled_at: datetime | None = None,
        title: str | None = None,
        acknowledgements: Mapping[str, str] | None = None,
        confirmations: Iterable[str] | None = None,
        category: str | None = None,
    ) -> int:
        """Save the working copy; return the new row version (optimistic locking).

        ``media``, ``title``, ``acknowledgements`` (finding key → one-line
        reason), ``confirmations`` (ticked ids) and ``category`` (of information,
        wako:5-conduct) are left unchanged when ``None``. Media must refer to
        stored blobs (:meth:`store_media`).
        """
        text = _clean(text)
        scheduled_at = aware_datetime(scheduled_at, tr("Scheduled time"))
        clean_media = _clean_media(media) if media is not None else None
        with self.store.write() as session:
            staff = self.authorize(session, Role.OPERATOR)
            draft: Draft = self.get_or_404(session, Draft, draft_id, tr("Draft"))
            if not DraftState(draft.state).editable:
                raise Conflict(
                    tr("This draft is {state} and cannot be edited.").format(state=DraftState(draft.state).label)
                )
            values: dict[str, Any] = {
                "text": text,
                "scheduled_at": scheduled_at,
                "last_editor_id": staff.id,
                "updated_at": utcnow(),
                "row_version": row_version + 1,
            }
            if clean_media is not None:
                _require_blobs(session, media or ())
                values["media"] = clean_media
            now = utcnow()
            if acknowledgements is not None:
                values["acknowledgements"] = stamp_acknowledgements(
                    acknowledgements, draft.acknowledgements or {}, staff.id, now
                )
            if confirmations is not None:
                values["confirmations"] = stamp_confirmations(confirmations, draft.confirmations or {}, staff.id, now)
            if title is not None:
                values["title"] = storable(title, tr("Title")).strip()[:200]
            if category is not None:
                values["category"] = _category(category)
            changed = [f for f in EDITABLE_FIELDS if f in values and values[f] != getattr(draft, f)]
            result = session.execute(
                update(Draft).where(Draft.id == draft_id, Draft.row_version == row_version).values(**values)
            )
            if result.rowcount != 1:  # type: ignore[attr-defined]
                raise Conflict(tr("Someone else changed this draft. Reload it and try again."))
            note_contributor(session, draft_id, staff.id)
            # Coalesced per editing session (core/audit/editing.py): autosaves do not flood the record.
            note_save(
                session,
                self.actor.recorder,
                draft_id=draft_id,
                staff_id=staff.id,
                changed=changed,
                state=_saved_state(
                    text,
                    values.get("media", draft.media),
                    values.get("acknowledgements", draft.acknowledgements),
                    values.get("confirmations", draft.confirmations),
                    values.get("category", draft.category),
                ),
                now=self.store.now(),
            )
            return row_version + 1

    def end_editing(self, draft_id: int) -> None:
        """The composer window closed: end this person's editing session, recording saves not yet in the chain."""
        with self.store.write() as session:
            staff = self.authorize(session)
            draft: Draft = self.get_or_404(session, Draft, draft_id, tr("Draft"))
            end_sessions(
                session,
                self.actor.recorder,
                draft_id,
                CLOSED,
                self.store.now(),
                _saved_state(draft.text, draft.media, draft.acknowledgements, draft.confirmations, draft.category),
                only=(staff.id, self.actor.recorder.terminal),
            )

    def create_correction(self, publication_id: int) -> int:
        """A correction (訂正, wako:5-キ, joso:4(5)): a new draft linked to a published post.

        It starts from the published text and media, so the operator edits
        only what was wrong, and goes through sign-off like any other draft.
        """
        from core.lifecycle.states import PublicationState

        with self.store.write() as session:
            staff = self.authorize(session, Role.OPERATOR)
            publication: Publication = self.get_or_404(session, Publication, publication_id, tr("Publication"))
            if publication.state not in (PublicationState.PUBLISHED.value, PublicationState.DELETED.value):
                raise Conflict(tr("Only a published post can be corrected."))
            version = session.get(DraftVersion, publication.version_id)
            assert version is not None
            original = session.get(Draft, version.draft_id)
            assert original is not None
            account = session.get(OfficialAccount, version.account_id)
            assert account is not None
            ensure_account_usable(session, account)
            draft = _start_draft(
                session,
                staff,
                account_id=version.account_id,
                title=(tr("Correction: {title}").format(title=original.title or version.text[:30]))[:200],
                text=version.text,
                media=[dict(m) for m in version.media or []],
                corrects_publication_id=publication.id,
            )
            self.record(
                session,
                "draft.correction_created",
                {
                    "draft_id": draft.id,
                    "corrects_publication_id": publication.id,
                    "original_draft_id": original.id,
                    "original_url": publication.url,
                },
            )
            return draft.id

    def duplicate(self, draft_id: int) -> int:
        """A new working draft with the text and media of ``draft_id`` (e.g. a rejected one); no time.

        A rejected draft stays rejected, with its record; what was good in it
        need not be typed again. The copy is the current operator's own and
        goes through the whole sign-off again.
        """
        with self.store.write() as session:
            staff = self.authorize(session, Role.OPERATOR)
            source: Draft = self.get_or_404(session, Draft, draft_id, tr("Draft"))
            ensure_account_usable(session, source.account)
            draft = _start_draft(
                session,
                staff,
                account_id=source.account_id,
                title=(tr("Copy of {title}").format(title=source.title or source.text[:30]))[:200],
                text=source.text,
                media=[dict(m) for m in source.media or []],
                scheduled_at=None,  # a new time is chosen for the new draft
            )
            self.record(session, "draft.duplicated", {"draft_id": draft.id, "source_draft_id": source.id})
            return draft.id

    def store_media(self, prepared: PreparedMedia) -> str:
        """Store prepared bytes (EXIF-stripped, redacted) as a content-addressed blob; return its SHA-256.

        Storing the same bytes twice is a no-op, so re-attaching a file costs nothing.
        """
        digest = prepared.sha256
        with self.store.write() as session:
            self.authorize(session, Role.OPERATOR)
            if session.get(MediaBlob, digest) is None:
                session.add(
                    MediaBlob(
                        sha256=digest,
                        kind=prepared.kind,
                        mime=prepared.mime,
                        size=len(prepared.data),
                        data=prepared.data,
                    )
                )
                self.record(
                    session,
                    "media.stored",
                    {"sha256": digest, "kind": prepared.kind, "mime": prepared.mime, "size": len(prepared.data)},
                )
        return digest

    def submit(self, draft_id: int, row_version: int) -> int:
        """Freeze the working copy as a new immutable version awaiting approval."""
        with self.store.write() as session:
            staff = self.authorize(session, Role.OPERATOR)
            return self.submit_in(session, staff, draft_id, row_version)

    def submit_in(self, session: Session, staff: Staff, draft_id: int, row_version: int) -> int:
        """:meth:`submit` inside the caller's transaction (a group submits its drafts in one)."""
        draft: Draft = self.get_locked(session, Draft, draft_id, tr("Draft"))
        if draft.row_version != row_version:
            raise Conflict(tr("Someone else changed this draft. Reload it and try again."))
        if not DraftState(draft.state).editable:
            raise Conflict(
                tr("This draft is {state} and cannot be submitted.").format(state=DraftState(draft.state).label)
            )
        return self.freeze_version(session, staff, draft)

    def freeze_version(self, session: Session, staff: Staff, draft: Draft) -> int:
        """Inside the caller's transaction: freeze the locked, editable ``draft`` as a new version awaiting approval.

        The gate, the content hash, the 文書番号 and the ``draft.submitted`` entry, exactly as :meth:`submit`;
        a move on the calendar (:mod:`core.services.planning`) re-submits through here.
        """
        ensure_account_usable(session, draft.account)
        from core.composer.submission import title_problem  # the checks engine loads on first use

        gate = _gate(session, draft, self.store.now())
        untitled = title_problem(draft.title or "")
        reasons = ([untitled] if untitled else []) + ([] if gate.ok else gate.reasons())
        if reasons:
            raise InvalidInput(tr("The draft cannot be submitted yet:") + "\n" + "\n".join("・" + r for r in reasons))
        number = (
            session.scalar(select(func.max(DraftVersion.number)).where(DraftVersion.draft_id == draft.id)) or 0
        ) + 1
        digest = content_hash(
            text=draft.text,
            account_id=draft.account_id,
            scheduled_at=draft.scheduled_at,
            media=media_of(draft.media),
        )
        version = DraftVersion(
            draft_id=draft.id,
            number=number,
            account_id=draft.account_id,
            platform=draft.account.platform,
            title=draft.title,
            text=draft.text,
            media=list(draft.media),
            scheduled_at=draft.scheduled_at,
            author_id=draft.author_id,
            last_editor_id=draft.last_editor_id,
            submitted_by_id=staff.id,
            content_hash=digest,
            findings=[r.to_json() for r in gate.records],
            acknowledgements=gate.acknowledgements_in_use(draft.acknowledgements or {}),
            confirmations=gate.confirmations_in_use(draft.confirmations or {}),
            emergency=draft.emergency,
            emergency_reason=draft.emergency_reason,
            category=draft.category or DEFAULT_CATEGORY,
        )
        session.add(version)
        move(draft, DraftState.SUBMITTED)
        session.flush()
        note_contributor(session, draft.id, staff.id)
        document = allocate_number(session, draft.id, self.store.now())
        end_sessions(
            session,
            self.actor.recorder,
            draft.id,
            SUBMITTED,
            self.store.now(),
            _saved_state(draft.text, draft.media, draft.acknowledgements, draft.confirmations, draft.category),
        )
        self.record(
            session,
            "draft.submitted",
            {
                "draft_id": draft.id,
                "version_id": version.id,
                "number": number,
                "document_number": document.label,
                "content_hash": digest,
                "findings": [r.key for r in gate.records],
                "acknowledged": sorted(version.acknowledgements),
                "confirmed": sorted(version.confirmations),
                "category": version.category,
            },
        )
        return version.id

    def discard(self, draft_id: int, row_version: int) -> None:
        """破棄: throw away a draft that was never submitted; the record keeps its title, text and media.

        A draft that was submitted once has versions a supervisor saw: it is kept (take it back,
        or let it be rejected) so the record stays whole.
        """
        with self.store.write() as session:
            staff = self.authorize(session, Role.OPERATOR)
            draft: Draft = self.get_locked(session, Draft, draft_id, tr("Draft"))
            if draft.row_version != row_version:
                raise Conflict(tr("Someone else changed this draft. Reload it and try again."))
            versions = session.scalar(select(func.count(DraftVersion.id)).where(DraftVersion.draft_id == draft_id))
            if draft.state != DraftState.DRAFT.value or versions:
                raise Conflict(
                    tr("Only a draft that was never submitted can be discarded; this one is kept in the record.")
                )
            move(draft, DraftState.DISCARDED)
            session.flush()
            self.record(
                session,
                "draft.discarded",
                {
                    "draft_id": draft.id,
                    "account_id": draft.account_id,
                    "staff_id": staff.id,
                    "title": draft.title,
                    "text": draft.text,
                    "media_sha256": [m["sha256"] for m in draft.media or []],
                },
            )

    def reopen(self, draft_id: int, row_version: int, reason: str) -> int:
        """Take a submitted or approved draft back for editing; return its new row version.

        Withdrawing a submission or setting aside an approval (to change the
        text, re-time a missed post …) leaves every earlier version and
        decision in the record; the draft must be submitted and approved
        again before it can go out. Refused while a sending attempt is open,
        whose outcome a person must settle first.
        """
        reason = (reason or "").strip()
        if not reason:
            raise InvalidInput(tr("Give the reason for taking this draft back."))
        with self.store.write() as session:
            staff = self.authorize(session, Role.OPERATOR)
            draft: Draft = self.get_locked(session, Draft, draft_id, tr("Draft"))
            if draft.row_version != row_version:
                raise Conflict(tr("Someone else changed this draft. Reload it and try again."))
            state = DraftState(draft.state)
            if state not in (DraftState.SUBMITTED, DraftState.APPROVED):
                raise Conflict(
                    tr("Only a draft awaiting approval or approved can be taken back (this one is {state}).").format(
                        state=state.label
                    )
                )
            open_attempt = session.scalar(
                select(Publication.id)
                .join(DraftVersion, DraftVersion.id == Publication.version_id)
                .where(
                    DraftVersion.draft_id == draft_id,
                    Publication.state.in_(
                        [PublicationState.PENDING.value, PublicationState.NEEDS_RECONCILIATION.value]
                    ),
                )
            )
            if open_attempt is not None:
                raise Conflict(
                    tr("A sending attempt for this draft is still open; settle it before taking the draft back.")
                )
            move(draft, DraftState.DRAFT)
            session.flush()
            self.record(
                session,
                "draft.reopened",
                {"draft_id": draft.id, "from_state": state.value, "reason": reason, "staff_id": staff.id},
            )
            return draft.row_version


def _saved_state(
    text: str,
    media: Sequence[Any],
    acknowledgements: Mapping[str, Any] | None,
    confirmations: Mapping[str, Any] | None,
    category: str | None,
) -> dict[str, Any]:
    """What a save leaves in the draft, as the audit entries of an editing session record it (hashes, not text)."""
    return {
        "text_sha256": sha256_hex(text),
        "length": len(text),
        "media_sha256": [m["sha256"] for m in media],
        "acknowledged": sorted(acknowledgements or {}),
        "confirmed": sorted(confirmations or {}),
        "category": category,
    }


def _gate(session: Session, draft: Draft, now: datetime | None = None) -> GateStatus:
    """The submission gate for ``draft``, with the organization's settings read in this transaction."""
    from core.checks.config import CheckConfig
    from core.composer.submission import evaluate
    from core.platforms.facts import Platform
    from core.services.organization import profile_of

    org = organization_row(session)
    profile = profile_of(session)
    return evaluate(
        draft.text,
        Platform.parse(draft.account.platform),
        _with_blob_facts(session, media_of(draft.media)),
        draft.acknowledgements or {},
        (draft.confirmations or {}).keys(),
        profile,
        CheckConfig.from_json(org.check_config),
        scheduled_at=draft.scheduled_at,
        now=now,
    )


def _with_blob_facts(session: Session, media: Sequence[StoredMedia]) -> list[StoredMedia]:
    """``media`` with each item's type and upload size as stored with its blob.

    The item's own ``mime``/``size`` come from the client and may be missing
    (items saved before sizes were recorded) or wrong; the platform's limits
    are checked against the bytes that will be uploaded.
    """
    wanted = {m.sha256 for m in media}
    if not wanted:
        return list(media)
    rows = session.execute(select(MediaBlob.sha256, MediaBlob.mime, MediaBlob.size).where(MediaBlob.sha256.in_(wanted)))
    stored = {sha: (mime, size) for sha, mime, size in rows.tuples()}
    out: list[StoredMedia] = []
    for item in media:
        blob = stored.get(item.sha256)
        out.append(replace(item, mime=blob[0], size=blob[1]) if blob is not None else item)
    return out


def _clean_media(media: Sequence[StoredMedia]) -> list[dict[str, Any]]:
    if len(media) > MAX_MEDIA:
        raise InvalidInput(tr("Too many attachments (at most {limit}).").format(limit=MAX_MEDIA))
    return stored_json(media)


def _require_blobs(session: Session, media: Sequence[StoredMedia]) -> None:
    wanted = {m.sha256 for m in media} | {m.captions_sha256 for m in media if m.captions_sha256}
    if not wanted:
        return
    present = set(session.scalars(select(MediaBlob.sha256).where(MediaBlob.sha256.in_(wanted))))
    if wanted - present:
        raise InvalidInput(tr("An attached file is missing from the database. Attach it again."))


def _category(value: str) -> str:
    """A category of information the organization knows (wako:5-conduct 情報の範囲)."""
    key = str(value).strip()
    if key not in category_keys():
        raise InvalidInput(tr("Unknown category of information {category}.").format(category=repr(key)[:40]))
    return key


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", storable(text or "", tr("The text")))
    if len(text) > MAX_TEXT:
        raise InvalidInput(
            tr("The text is too long ({length} characters; at most {limit}).").format(length=len(text), limit=MAX_TEXT)
        )
    return text


# --- listing ---------------------------------------------------------------


@dataclass(frozen=True)
class DraftFilter:
    account_id: int | None = None
    state: DraftState | None = None
    author_id: int | None = None
    updated_from: datetime | None = None
    updated_to: datetime | None = None
    #: Found in the title, the text, or the account's ID or name.
    text: str = ""
    #: The state as the list shows it (要確認, 送信失敗, 予約済み …), judged by the database clock.
    shown: ShownState | None = None


def newest_publication_state() -> ScalarSelect[Any]:
    """The state of the newest publication row of the draft's newest version (correlated to ``Draft``), or NULL."""
    return (
        select(Publication.state)
        .where(Publication.version_id == newest_version_id(Draft.id))
        .order_by(Publication.id.desc())
        .limit(1)
        .correlate(Draft)
        .scalar_subquery()
    )


def newest_attempt_in(states: Sequence[str], stored: DraftState) -> Select[Any]:
    """The drafts in ``stored`` whose newest attempt (newest publication row of the newest version) is in ``states``.

    Not correlated: built once per query, where :func:`newest_publication_state` is looked up
    row by row. The stored state keeps the set small: the one large kind of attempt,
    ``published``, is asked for only of submitted drafts (posted in an emergency).
    """
    return _newest_attempt_in(tuple(states), stored)


@functools.lru_cache(maxsize=64)
def _newest_attempt_in(states: tuple[str, ...], stored: DraftState) -> Select[Any]:
    # Built once per list of states: aliasing the models costs some 50 ms a call, nine calls a state-ordered page.
    draft = aliased(Draft)
    version = aliased(DraftVersion)
    attempt = aliased(Publication)
    later = aliased(Publication)
    newer = select(later.id).where(later.version_id == attempt.version_id, later.id > attempt.id).exists()
    return (
        select(version.draft_id)
        .join(draft, draft.id == version.draft_id)
        .join(attempt, attempt.version_id == version.id)
        .where(
            draft.state == stored.value,
            attempt.state.in_(states),
            version.id == newest_version_id(version.draft_id),
            ~newer,
        )
    )


def shown_state_sql(now: datetime) -> ColumnElement[str]:
    """:func:`core.lifecycle.states.shown_state` as SQL, so the list can filter and sort on it."""
    newest = newest_publication_state()
    approved = Draft.state == DraftState.APPROVED.value
    attempts = [(and_(approved, newest == p.value), shown.value) for p, shown in ATTEMPT_SHOWN.items()]
    return case(
        *attempts,
        (and_(approved, Draft.scheduled_at.is_not(None), Draft.scheduled_at > now), ShownState.SCHEDULED.value),
        (
            and_(Draft.state == DraftState.SUBMITTED.value, newest == PublicationState.PUBLISHED.value),
            ShownState.PUBLISHED.value,
        ),
        (
            and_(Draft.state == DraftState.PUBLISHED.value, newest == PublicationState.DELETED.value),
            ShownState.DELETED.value,
        ),
        else_=Draft.state,
    )


def local_days(first: date | None, last: date | None) -> tuple[datetime | None, datetime | None]:
    """``updated_from``/``updated_to`` (UTC) covering the local calendar days ``first`` to ``last``.

    ``None`` leaves that end open. The end is the start of the day after
    ``last`` because the filter's upper bound is exclusive; each midnight is
    converted on its own so a day with a daylight-saving change is still
    covered whole. Reversed days are swapped, so a half-typed range never
    shows an empty list.
    """
    if first is not None and last is not None and first > last:
        first, last = last, first
    start = _local_midnight(first) if first is not None else None
    end = _local_midnight(last + timedelta(days=1)) if last is not None else None
    return start, end


def _local_midnight(day: date) -> datetime:
    # A naive datetime's astimezone() reads it as local time, which is the calendar the person sees.
    return datetime(day.year, day.month, day.day).astimezone(UTC)


SORT_COLUMNS = ("updated_at", "created_at", "state", "account", "title", "text", "author", "scheduled_at", "id")


@dataclass(frozen=True)
class DraftSort:
    column: str = "updated_at"
    descending: bool = True


@dataclass(frozen=True, slots=True)
class DraftRow:
    # Slots: a list holds pages of these, and a dict per row would double what a page costs.
    id: int
    title: str
    excerpt: str
    account: str
    platform: str
    state: DraftState
    author: str
    updated_at: datetime
    scheduled_at: datetime | None
    emergency: bool = field(default=False)
    row_version: int = 1
    shown: ShownState | None = None

    @property
    def shown_state(self) -> ShownState:
        return self.shown if self.shown is not None else ShownState(self.state.value)


@dataclass(frozen=True)
class DraftCursor:
    """Where a page ended: the last row's group in the order, its sort value in that group, its id.

    The next page is "the rows after this one" (keyset pagination), which an
    index answers as fast at the millionth row as at the first; an offset
    would make the database walk every row before it.
    """

    group: Any
    key: Any
    id: int


@dataclass(frozen=True)
class DraftPage:
    rows: list[DraftRow]
    #: Where the next page starts; ``None`` when the list ends with this page.
    next: DraftCursor | None


@dataclass(frozen=True)
class _Group:
    """A stretch of the order walked with one index: ``where`` picks it, ``key`` (then id) orders it."""

    ident: Any
    where: ColumnElement[bool] | None
    key: ColumnElement[Any] | None


# The shown excerpt as SQL, with literal bounds: an expression index (0021) matches only the same text.
TEXT_HEAD = func.substr(Draft.text, literal_column("1"), literal_column("120"), type_=Text)

_PLAIN_KEYS: dict[str, ColumnElement[Any]] = {
    "updated_at": Draft.updated_at,  # type: ignore[dict-item]
    "created_at": Draft.created_at,  # type: ignore[dict-item]
    "title": Draft.title,  # type: ignore[dict-item]
    "text": TEXT_HEAD,
}


def stored_states_of(shown: ShownState) -> frozenset[DraftState]:
    """The draft states :func:`shown_state_sql` can turn into ``shown`` (an index narrows a shown filter with them)."""
    found = {DraftState(shown.value)} if shown.value in DraftState.__members__.values() else set()
    if shown in ATTEMPT_SHOWN.values() or shown is ShownState.SCHEDULED:
        found.add(DraftState.APPROVED)
    if shown is ShownState.PUBLISHED:
        found.add(DraftState.SUBMITTED)
    if shown is ShownState.DELETED:
        found.add(DraftState.PUBLISHED)
    return frozenset(found)


def shown_where(stored: DraftState, shown: ShownState, now: datetime) -> ColumnElement[bool]:
    """A draft in ``stored`` shows ``shown``: :func:`shown_state_sql` for one stored state, as plain conditions.

    The CASE looks the newest attempt up for every row it tests, twice nested, five times a
    row; this asks which drafts' newest attempt is in a state once (:func:`newest_attempt_in`,
    a set the database builds from the attempts in those states, then probes per row), with
    the schedule where it decides. A lookup per row also cost PostgreSQL's estimate a
    subquery per row of the whole table, so it sorted every draft of a filter rather than walk
    the order's index (0.4–0.8 s for account + author + 公開済み at a million). Derived from
    :func:`core.lifecycle.states.shown_state` itself, so the two cannot drift apart.
    """
    later = now + timedelta(days=1)
    always, if_ahead, if_not_ahead = [], [], []
    for attempt in (None, *PublicationState):
        ahead = shown_state(stored, attempt, later, now) is shown
        not_ahead = shown_state(stored, attempt, None, now) is shown
        value = attempt.value if attempt is not None else ""
        if ahead and not_ahead:
            always.append(value)
        elif ahead:
            if_ahead.append(value)
        elif not_ahead:
            if_not_ahead.append(value)
    every = {"", *(p.value for p in PublicationState)}

    def among(values: list[str]) -> ColumnElement[bool]:
        # "No attempt" in the list: written as the drafts left out, those whose newest attempt is in the rest
        # (an unknown state then counts as none, as in shown_state_sql's CASE).
        if "" in values:
            rest = sorted(every - set(values))
            return Draft.id.not_in(newest_attempt_in(rest, stored)) if rest else literal(True)
        return Draft.id.in_(newest_attempt_in(values, stored))

    scheduled = and_(Draft.scheduled_at.is_not(None), Draft.scheduled_at > now)
    parts: list[ColumnElement[bool]] = []
    if always:
        parts.append(among(always))
    if if_ahead:
        parts.append(and_(scheduled, among(if_ahead)))
    if if_not_ahead:
        parts.append(and_(~scheduled, among(if_not_ahead)))
    return and_(Draft.state == stored.value, or_(*parts) if parts else literal(False))


def _shows_only(stored: DraftState, shown: ShownState) -> bool:
    """Whether a draft in ``stored`` can show nothing but ``shown`` (then the state column alone decides)."""
    return all(other is shown or stored not in stored_states_of(other) for other in ShownState)


def _groups(session: Session, column: str, now: datetime, descending: bool) -> list[_Group]:
    """The order ``column`` as groups in the order they are walked, each walked by one index.

    A plain column is one group ordered by (column, id). A nullable one is two
    (the unscheduled last either way, on both databases). A name from another
    table (account, author) is one group per account or person, in name order,
    each walked by (account_id, id) — an index cannot span the join. The state
    is one group per shown state (in the lifecycle's order) and stored state.
    """
    if column == "scheduled_at":  # not reversed: the unscheduled stay last
        return [
            _Group("set", Draft.scheduled_at.is_not(None), Draft.scheduled_at),  # type: ignore[arg-type]
            _Group("unset", Draft.scheduled_at.is_(None), None),
        ]
    groups = _ascending_groups(session, column, now)
    return groups[::-1] if descending else groups


def _ascending_groups(session: Session, column: str, now: datetime) -> list[_Group]:
    if column in _PLAIN_KEYS:
        return [_Group(None, None, _PLAIN_KEYS[column])]
    if column == "account":
        accounts = session.execute(
            select(OfficialAccount.id).order_by(OfficialAccount.handle, OfficialAccount.id)
        ).scalars()
        return [_Group(account, Draft.account_id == account, None) for account in accounts]
    if column == "author":
        wrote = select(Draft.id).where(Draft.author_id == Staff.id).exists()
        people = session.execute(select(Staff.id).where(wrote).order_by(Staff.display_name, Staff.id)).scalars()
        return [_Group(person, Draft.author_id == person, None) for person in people]
    if column == "state":
        groups = []
        for shown in ShownState:
            for stored in sorted(stored_states_of(shown), key=list(DraftState).index):
                where = Draft.state == stored.value
                if not _shows_only(stored, shown):
                    where = shown_where(stored, shown, now)
                groups.append(_Group(f"{shown.value}/{stored.value}", where, None))
        return groups
    return [_Group(None, None, None)]  # "id", and anything unknown: the drafts' own order


def _after(group: _Group, cursor: DraftCursor, descending: bool) -> ColumnElement[bool]:
    later = Draft.id < cursor.id if descending else Draft.id > cursor.id
    if group.key is None:
        return later
    value = literal(cursor.key, group.key.type)
    # "key from v on, and past the tie": both databases start the index range at v (a row value on an
    # expression, the text's head, makes SQLite scan from the first row instead).
    if descending:
        return and_(group.key <= value, or_(group.key < value, later))
    return and_(group.key >= value, or_(group.key > value, later))


@dataclass(frozen=True)
class DraftAuthor:
    id: int
    display_name: str
    login: str


def draft_authors(store: Store) -> list[DraftAuthor]:
    """Everyone who wrote at least one draft, including staff who have since left."""
    # EXISTS per staff member probes the author index, so this stays cheap with 100,000 drafts.
    wrote = select(Draft.id).where(Draft.author_id == Staff.id).exists()
    query = select(Staff.id, Staff.display_name, Staff.os_login).where(wrote).order_by(Staff.display_name, Staff.id)
    with store.read() as session:
        return [DraftAuthor(r[0], r[1], r[2]) for r in session.execute(query)]


def _named_accounts(session: Session, words: str) -> list[int]:
    """The accounts whose ID or name holds ``words``: looked up first, so that the drafts' query is
    the trigram index's alone when (as mostly) no account matches — an OR with a subquery over the
    accounts keeps SQLite from starting at the index."""
    if not words:
        return []
    named = or_(
        search.contains(session, OfficialAccount.handle, words),
        search.contains(session, OfficialAccount.display_name, words),
    )
    return list(session.scalars(select(OfficialAccount.id).where(named).order_by(OfficialAccount.id)))


def _filtered(
    query: Select[Any], flt: DraftFilter, session: Session, now: datetime | None = None, named: Sequence[int] = ()
) -> Select[Any]:
    """``query`` narrowed to ``flt``; ``named``: the accounts the text names (:func:`_named_accounts`)."""
    asked = {flt.state.value if flt.state else None, flt.shown.value if flt.shown else None}
    if DraftState.DISCARDED.value not in asked:
        query = query.where(Draft.state != DraftState.DISCARDED.value)  # 破棄 is shown only when asked for
    if flt.account_id is not None:
        query = query.where(Draft.account_id == flt.account_id)
    if flt.state is not None:
        query = query.where(Draft.state == flt.state.value)
    if flt.author_id is not None:
        query = query.where(Draft.author_id == flt.author_id)
    if flt.updated_from is not None:
        query = query.where(Draft.updated_at >= flt.updated_from)
    if flt.updated_to is not None:
        query = query.where(Draft.updated_at < flt.updated_to)
    if flt.text:
        found = search.text_found(session, Draft.id, Draft.title, Draft.text, flt.text)
        if named:
            found = or_(found, Draft.account_id.in_(named))
        query = query.where(found)
    if flt.shown is not None:
        # The stored states first: an index finds those, and the CASE runs only on what they leave.
        query = query.where(Draft.state.in_(sorted(s.value for s in stored_states_of(flt.shown))))
        moment = now or datetime.now(UTC)
        if flt.shown is ShownState.SCHEDULED:
            # Implied by the CASE, and an index finds it: scheduled posts still ahead are few among all drafts.
            query = query.where(planner.few(session, Draft.scheduled_at > moment))
        if not all(_shows_only(stored, flt.shown) for stored in stored_states_of(flt.shown)):
            # The CASE only where the stored state leaves it open (an approved draft, say): row by row it is dear.
            query = query.where(
                or_(
                    *(
                        Draft.state == stored.value
                        if _shows_only(stored, flt.shown)
                        else shown_where(stored, flt.shown, moment)
                        for stored in sorted(stored_states_of(flt.shown), key=list(DraftState).index)
                    )
                )
            )
    return query


def count_drafts(store: Store, flt: DraftFilter = DraftFilter()) -> int:
    now = store.now() if flt.shown is not None else None
    with store.read(interactive=True) as session:
        named = _named_accounts(session, flt.text)
        return session.scalar(_filtered(select(func.count(Draft.id)), flt, session, now, named)) or 0


def query_drafts(
    store: Store,
    flt: DraftFilter = DraftFilter(),
    sort: DraftSort = DraftSort(),
    *,
    after: DraftCursor | None = None,
    limit: int = 200,
) -> list[DraftRow]:
    """One page of drafts (the rows of :func:`draft_page`)."""
    return draft_page(store, flt, sort, after=after, limit=limit).rows


def draft_page(
    store: Store,
    flt: DraftFilter = DraftFilter(),
    sort: DraftSort = DraftSort(),
    *,
    after: DraftCursor | None = None,
    limit: int = 200,
) -> DraftPage:
    """The ``limit`` drafts after ``after`` (the start when ``None``) in ``sort`` order, ties broken by id."""
    now = store.now()
    shown = shown_state_sql(now)
    rows: list[DraftRow] = []
    last: tuple[Any, Any, int] | None = None
    with store.read(interactive=True) as session:
        groups = _groups(session, sort.column, now, sort.descending)
        named = _named_accounts(session, flt.text)
        first = 0
        if after is not None:
            # A group's identity is stable (an account's id, not its name): a rename between pages skips nothing.
            first = next((i for i, g in enumerate(groups) if g.ident == after.group), len(groups))
        for position in range(first, len(groups)):
            group = groups[position]
            key = group.key if group.key is not None else literal_column("NULL")
            query = (
                select(
                    Draft.id,
                    Draft.title,
                    TEXT_HEAD,
                    OfficialAccount.handle,
                    OfficialAccount.platform,
                    Draft.state,
                    Staff.display_name,
                    Draft.updated_at,
                    Draft.scheduled_at,
                    Draft.emergency,
                    Draft.row_version,
                    shown,
                    key,
                )
                .join(OfficialAccount, Draft.account_id == OfficialAccount.id)
                .join(Staff, Draft.author_id == Staff.id)
            )
            query = _filtered(query, flt, session, now, named)
            if group.where is not None:
                query = query.where(group.where)
            if after is not None and position == first:
                query = query.where(_after(group, after, sort.descending))
            order = [Draft.id.desc() if sort.descending else Draft.id.asc()]
            if group.key is not None:
                order.insert(0, group.key.desc() if sort.descending else group.key.asc())
            for r in session.execute(query.order_by(*order).limit(limit - len(rows))):
                rows.append(
                    DraftRow(
                        id=r[0],
                        title=r[1],
                        excerpt=" ".join((r[2] or "").split()),
                        account=r[3],
                        platform=r[4],
                        state=DraftState(r[5]),
                        author=r[6],
                        updated_at=r[7],
                        scheduled_at=r[8],
                        emergency=bool(r[9]),
                        row_version=r[10],
                        shown=ShownState(r[11]),
                    )
                )
                last = (group.ident, r[12] if group.key is not None else None, r[0])
            if len(rows) >= limit:
                break
    cursor = DraftCursor(*last) if last is not None and len(rows) >= limit else None
    return DraftPage(rows, cursor)


def load_draft(session: Session, draft_id: int) -> Draft | None:
    return session.get(Draft, draft_id)


def load_blob(store: Store, sha256: str) -> bytes | None:
    """The stored bytes of a media file or captions file (``None`` when unknown)."""
    with store.read() as session:
        blob = session.get(MediaBlob, sha256)
        return bytes(blob.data) if blob is not None else None


def image_bytes(store: Store, media: Iterable[StoredMedia]) -> dict[str, bytes]:
    """The stored bytes of the images among ``media`` by SHA-256, in one read (what a window shows of them)."""
    wanted = {item.sha256 for item in media if item.kind == "image"}
    if not wanted:
        return {}
    with store.read() as session:
        found = session.scalars(select(MediaBlob).where(MediaBlob.sha256.in_(wanted)))
        return {blob.sha256: bytes(blob.data) for blob in found}


@dataclass(frozen=True)
class ReviewComment:
    version_number: int
    decision: ReviewDecision
    reviewer: str
    comment: str
    at: datetime


@dataclass(frozen=True)
class DraftDetail:
    """Everything the composer needs to open a draft."""

    id: int
    account_id: int
    account: str
    platform: str
    state: DraftState
    title: str
    text: str
    media: tuple[StoredMedia, ...]
    scheduled_at: datetime | None
    acknowledgements: dict[str, Any]
    confirmations: dict[str, Any]
    row_version: int
    author_id: int
    comments: list[ReviewComment]
    emergency: bool = False
    emergency_reason: str = ""
    category: str = DEFAULT_CATEGORY

    @property
    def returned_comment(self) -> ReviewComment | None:
        """The supervisor's latest comment when the draft came back (returned), else ``None``."""
        if self.state is not DraftState.RETURNED:
            return None
        return next((c for c in self.comments if c.decision is ReviewDecision.RETURNED), None)


def review_comments(store: Store, draft_id: int) -> list[ReviewComment]:
    """Supervisors' decisions on every version of ``draft_id``, newest first."""
    query = (
        select(DraftVersion.number, Review.decision, Staff.display_name, Review.comment, Review.created_at)
        .join(Review, Review.version_id == DraftVersion.id)
        .join(Staff, Staff.id == Review.reviewer_id)
        .where(DraftVersion.draft_id == draft_id)
        .order_by(Review.created_at.desc(), Review.id.desc())
    )
    with store.read() as session:
        return [ReviewComment(r[0], ReviewDecision(r[1]), r[2], r[3] or "", r[4]) for r in session.execute(query)]


def load_draft_detail(store: Store, draft_id: int) -> DraftDetail:
    with store.read() as session:
        draft = session.get(Draft, draft_id)
        if draft is None:
            raise NotFound(tr("{what} {id} does not exist.").format(what=tr("Draft"), id=draft_id))
        detail = DraftDetail(
            id=draft.id,
            account_id=draft.account_id,
            account=draft.account.handle,
            platform=draft.account.platform,
            state=DraftState(draft.state),
            title=draft.title,
            text=draft.text,
            media=media_of(draft.media),
            scheduled_at=draft.scheduled_at,
            acknowledgements=dict(draft.acknowledgements or {}),
            confirmations=dict(draft.confirmations or {}),
            row_version=draft.row_version,
            author_id=draft.author_id,
            comments=[],
            emergency=draft.emergency,
            emergency_reason=draft.emergency_reason or "",
            category=draft.category or DEFAULT_CATEGORY,
        )
    return DraftDetail(**{**detail.__dict__, "comments": review_comments(store, draft_id)})
