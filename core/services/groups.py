"""一括作成: one message for several accounts — compose, submit together, approve together.

Each account gets an ordinary draft (its own ``draft.created``, ``draft.submitted``
and ``review.*`` entries, its own content hash and signature); the group adds
``group.created``, ``group.submitted`` and ``group.approved`` entries that name
the drafts. Submitting or approving a group is one transaction: all of its
drafts or none. Returning one draft of a group is an ordinary decision on that
draft alone; the others keep their state.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.audit.canonical import sha256_hex
from core.errors import Conflict, InvalidInput, KohoGateError
from core.groups.variants import MAX_ACCOUNTS, MemberState, awaiting_decision
from core.i18n import tr
from core.lifecycle.states import DraftState, ReviewDecision
from core.organization.roles import Role
from core.services.base import Service
from core.services.drafts import DraftService, _clean, _start_draft
from core.services.reviews import ReviewService
from core.services.validation import aware_datetime, storable
from core.signoff.keys import Signer
from core.storage.engine import Store
from core.storage.models import Draft, DraftGroup, DraftGroupMember, DraftVersion, OfficialAccount, Review


@dataclass(frozen=True)
class GroupCreated:
    group_id: int
    draft_ids: tuple[int, ...]


@dataclass(frozen=True)
class GroupInfo:
    id: int
    title: str
    members: tuple[MemberState, ...]

    @property
    def accounts_label(self) -> str:
        return tr(", ").join(m.account for m in self.members)


class GroupService(Service):
    def create(
        self, account_ids: Sequence[int], text: str, *, title: str, scheduled_at: datetime | None = None
    ) -> GroupCreated:
        """One working draft per account, each starting from ``text``, tied together as a group."""
        ids = list(dict.fromkeys(account_ids))
        if len(ids) < 2:
            raise InvalidInput(tr("Choose at least two accounts (for one account, write an ordinary draft)."))
        if len(ids) > MAX_ACCOUNTS:
            raise InvalidInput(tr("At most {limit} accounts in one group.").format(limit=MAX_ACCOUNTS))
        title = storable(title, tr("Title")).strip()[:200]
        text = _clean(text)
        scheduled_at = aware_datetime(scheduled_at, tr("Scheduled time"))
        from core.accounts.usable import ensure_account_usable

        with self.store.write() as session:
            staff = self.authorize(session, Role.OPERATOR)
            now = self.store.now()
            group = DraftGroup(title=title, created_by_id=staff.id, created_at=now)
            session.add(group)
            session.flush()
            draft_ids: list[int] = []
            for position, account_id in enumerate(ids):
                account: OfficialAccount = self.get_or_404(session, OfficialAccount, account_id, tr("Account"))
                ensure_account_usable(session, account)
                draft = _start_draft(
                    session, staff, account_id=account.id, title=title, text=text, media=[], scheduled_at=scheduled_at
                )
                session.add(DraftGroupMember(draft_id=draft.id, group_id=group.id, position=position))
                self.record(
                    session,
                    "draft.created",
                    {
                        "draft_id": draft.id,
                        "account_id": account.id,
                        "text_sha256": sha256_hex(draft.text),
                        "group_id": group.id,
                    },
                )
                draft_ids.append(draft.id)
            session.flush()
            self.record(session, "group.created", {"group_id": group.id, "draft_ids": draft_ids, "title": title})
            return GroupCreated(group.id, tuple(draft_ids))

    def submit(self, group_id: int, row_versions: Mapping[int, int]) -> list[int]:
        """Submit every editable draft of the group at once (each through the submission gate).

        ``row_versions`` gives each draft's row version as the operator last saw it.
        One refused draft refuses the group, naming the account and why.
        """
        with self.store.write() as session:
            staff = self.authorize(session, Role.OPERATOR)
            group: DraftGroup = self.get_locked(session, DraftGroup, group_id, tr("Group"))
            drafts = DraftService(self.store, self.actor)
            editable = [
                (draft_id, handle)
                for draft_id, handle, state in _members(session, group.id)
                if DraftState(state).editable
            ]
            if not editable:
                raise Conflict(tr("No draft of this group is waiting to be submitted."))
            version_ids: list[int] = []
            for draft_id, handle in editable:
                if draft_id not in row_versions:
                    raise Conflict(tr("The drafts of this group changed. Reload them and try again."))
                try:
                    version_ids.append(drafts.submit_in(session, staff, draft_id, row_versions[draft_id]))
                except KohoGateError as exc:
                    raise type(exc)(f"{handle}: {exc.message}", hint=exc.hint) from exc
            group.submitted_at = self.store.now()
            self.record(
                session,
                "group.submitted",
                {
                    "group_id": group.id,
                    "draft_ids": [d for d, _ in editable],
                    "version_ids": version_ids,
                },
            )
            return version_ids

    def approve(self, group_id: int, comment: str = "", *, signer: Signer) -> list[int]:
        """Approve every draft of the group still awaiting a decision: one signed review per draft.

        Each signature covers its own version's content hash, as a decision on that
        draft alone would. Refused as a whole when this reviewer may not decide one
        of them (that draft is named); decide the others one by one then.
        """
        comment = (comment or "").strip()
        with self.store.write() as session:
            reviewer = self.authorize(session)
            group: DraftGroup = self.get_locked(session, DraftGroup, group_id, tr("Group"))
            members = awaiting_decision(_member_states(session, group.id))
            if not members:
                raise Conflict(tr("No draft of this group is awaiting a decision."))
            reviews = ReviewService(self.store, self.actor)
            review_ids: list[int] = []
            for member in members:
                assert member.awaiting_version_id is not None
                try:
                    review_ids.append(
                        reviews.decide_in(
                            session,
                            reviewer,
                            member.awaiting_version_id,
                            ReviewDecision.APPROVED,
                            comment,
                            signer=signer,
                        )
                    )
                except KohoGateError as exc:
                    raise type(exc)(f"{member.account}: {exc.message}", hint=exc.hint) from exc
            hashes = {
                review_id: content_hash
                for review_id, content_hash in session.execute(
                    select(Review.id, Review.content_hash).where(Review.id.in_(review_ids))
                )
            }
            self.record(
                session,
                "group.approved",
                {
                    "group_id": group.id,
                    "draft_ids": [m.draft_id for m in members],
                    "version_ids": [m.awaiting_version_id for m in members],
                    "review_ids": review_ids,
                    "content_hashes": [hashes[r] for r in review_ids],
                },
            )
            return review_ids


def _members(session: Session, group_id: int) -> list[tuple[int, str, str]]:
    rows = session.execute(
        select(Draft.id, OfficialAccount.handle, Draft.state)
        .join(DraftGroupMember, DraftGroupMember.draft_id == Draft.id)
        .join(OfficialAccount, OfficialAccount.id == Draft.account_id)
        .where(DraftGroupMember.group_id == group_id)
        .order_by(DraftGroupMember.position)
    )
    return [(d, h, s) for d, h, s in rows.tuples()]


def _member_states(session: Session, group_id: int) -> tuple[MemberState, ...]:
    latest = (
        select(DraftVersion.draft_id, func.max(DraftVersion.number).label("n"))
        .group_by(DraftVersion.draft_id)
        .subquery()
    )
    decided = select(Review.version_id)
    rows = session.execute(
        select(
            Draft.id,
            OfficialAccount.handle,
            OfficialAccount.platform,
            Draft.state,
            DraftVersion.id,
            DraftVersion.id.in_(decided),
        )
        .join(DraftGroupMember, DraftGroupMember.draft_id == Draft.id)
        .join(OfficialAccount, OfficialAccount.id == Draft.account_id)
        .outerjoin(latest, latest.c.draft_id == Draft.id)
        .outerjoin(DraftVersion, (DraftVersion.draft_id == Draft.id) & (DraftVersion.number == latest.c.n))
        .where(DraftGroupMember.group_id == group_id)
        .order_by(DraftGroupMember.position)
    )
    return tuple(
        MemberState(
            draft_id,
            handle,
            platform,
            DraftState(state),
            version_id if version_id is not None and state == DraftState.SUBMITTED.value and not is_decided else None,
        )
        for draft_id, handle, platform, state, version_id, is_decided in rows.tuples()
    )


def group_info(store: Store, group_id: int) -> GroupInfo | None:
    with store.read() as session:
        group = session.get(DraftGroup, group_id)
        if group is None:
            return None
        return GroupInfo(group.id, group.title, _member_states(session, group.id))


def group_of_draft(store: Store, draft_id: int) -> int | None:
    with store.read() as session:
        return session.scalar(select(DraftGroupMember.group_id).where(DraftGroupMember.draft_id == draft_id))
