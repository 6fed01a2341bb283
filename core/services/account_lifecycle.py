"""An official account over its life: consultation, continuation review, withdrawal, deletion.

* Before opening, each section the organization lists is consulted (wako
  運用開始の留意点, joso:3(2)); :meth:`AccountService.file` refuses until then.
* Each account has a continuation review due (yearly by default, joso:7(1));
  the review records ア–エ with the facts KohoGate has and decides 継続 / 撤退.
* 撤退 (joso:7(2)) starts a notice period: a prefilled notice post is created
  as a draft (it goes through the composer checks and sign-off like any
  post), the public page shows 運用停止予定, and nothing but the notice goes out.
  At the end the deletion is recorded. The immediate path needs a reason,
  which the public page states at once.

Who decides: the operating body (joso:7 本文) — administrators, and the
account's 運用管理者 / 運用責任者.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.accounts.consultation import ConsultOutcome
from core.accounts.continuation import (
    ContinuationDecision,
    DeletionMethod,
    ReviewFacts,
    ReviewRecord,
    clean_criteria,
    decision_problem,
    next_review,
)
from core.accounts.lifecycle_rules import lifecycle_rules
from core.accounts.withdrawal import notice_period_problem, notice_text
from core.audit.canonical import sha256_hex
from core.errors import Conflict, InvalidInput, PermissionDenied
from core.i18n import tr
from core.lifecycle.states import AccountStatus, PublicationState
from core.lifecycle.transitions import move
from core.services.base import Service, organization_row
from core.services.validation import aware_datetime, clean_text
from core.storage.engine import Store
from core.storage.models import (
    AccountConsultation,
    AccountReview,
    Incident,
    IncidentAccount,
    OfficialAccount,
    Publication,
    Staff,
)

MAX_NOTE = 4000


def review_facts(session: Session, account: OfficialAccount, now: datetime) -> ReviewFacts:
    """Posts, the last post and incidents since the last review (or the opening)."""
    last = session.scalar(select(func.max(AccountReview.reviewed_at)).where(AccountReview.account_id == account.id))
    start = last or account.opened_at or account.created_at
    went_out = (PublicationState.PUBLISHED.value, PublicationState.DELETED.value)
    posts = session.scalar(
        select(func.count(Publication.id)).where(
            Publication.account_id == account.id,
            Publication.state.in_(went_out),
            Publication.published_at >= start,
            Publication.published_at <= now,
        )
    )
    last_post = session.scalar(
        select(func.max(Publication.published_at)).where(
            Publication.account_id == account.id, Publication.state.in_(went_out)
        )
    )
    incidents = session.scalar(
        select(func.count(Incident.id))
        .join(IncidentAccount, IncidentAccount.incident_id == Incident.id)
        .where(IncidentAccount.account_id == account.id, Incident.discovered_at >= start)
    )
    # Inbound messages are not read by this version: the review says so rather than show 0.
    return ReviewFacts(start, now, int(posts or 0), last_post, int(incidents or 0), None)


def current_review_facts(store: Store, account_id: int) -> ReviewFacts:
    with store.read() as session:
        account = session.get(OfficialAccount, account_id)
        if account is None:
            raise InvalidInput(tr("{what} {id} does not exist.").format(what=tr("Account"), id=account_id))
        return review_facts(session, account, store.now())


def list_reviews(store: Store, account_id: int) -> list[ReviewRecord]:
    with store.read() as session:
        rows = session.execute(
            select(AccountReview, Staff.display_name)
            .join(Staff, Staff.id == AccountReview.reviewed_by_id)
            .where(AccountReview.account_id == account_id)
            .order_by(AccountReview.reviewed_at.desc(), AccountReview.id.desc())
        ).all()
        return [
            ReviewRecord(
                id=r.id,
                reviewed_at=r.reviewed_at,
                reviewed_by=name,
                facts=ReviewFacts(r.period_start, r.period_end, r.posts, r.last_post_at, r.incidents, r.inbound),
                criteria=dict(r.criteria or {}),
                decision=ContinuationDecision(r.decision),
                note=r.note,
                next_due_at=r.next_due_at,
            )
            for r, name in rows
        ]


def overdue_reviews(store: Store) -> list[tuple[int, str, datetime]]:
    """``(account id, handle, due)`` of running accounts whose continuation review is overdue."""
    now = store.now()
    with store.read() as session:
        rows = session.execute(
            select(OfficialAccount.id, OfficialAccount.handle, OfficialAccount.review_due_at)
            .where(
                OfficialAccount.status.in_([AccountStatus.ACTIVE.value, AccountStatus.PAUSED.value]),
                OfficialAccount.review_due_at.is_not(None),
                OfficialAccount.review_due_at <= now,
            )
            .order_by(OfficialAccount.review_due_at)
        ).all()
        return [(i, h, d) for i, h, d in rows]


class AccountLifecycleService(Service):
    def _operating_body(self, session: Session, account: OfficialAccount) -> Staff:
        """An administrator, or the account's 運用管理者 / 運用責任者 (joso:7: the operating body decides)."""
        # Here, not at the top: the today board reads overdue_reviews on every start without the account use cases.
        from core.services.accounts import runs_account

        staff = self.authorize(session)
        if not runs_account(session, staff, account.id):
            raise PermissionDenied(
                tr("Only administrators and the account's manager or person responsible may decide this.")
            )
        return staff

    def record_consultation(
        self,
        account_id: int,
        *,
        section: str,
        consulted_at: datetime,
        counterpart: str,
        outcome: ConsultOutcome,
        note: str = "",
    ) -> int:
        """Record a consultation with ``section`` before opening (who, when, outcome, note)."""
        section = clean_text(section, tr("Section"), max_length=200)
        counterpart = clean_text(counterpart, tr("Consulted with"), max_length=200)
        note = clean_text(note, tr("Note"), max_length=MAX_NOTE, required=False)
        when = aware_datetime(consulted_at, tr("Date of consultation"))
        assert when is not None
        outcome = ConsultOutcome(outcome)
        with self.store.write() as session:
            account: OfficialAccount = self.get_or_404(session, OfficialAccount, account_id, tr("Account"))
            staff = self._operating_body(session, account)
            if when > self.store.now() + timedelta(minutes=5):
                raise InvalidInput(tr("A consultation is recorded after it took place, not in the future."))
            row = AccountConsultation(
                account_id=account.id,
                section=section,
                consulted_at=when,
                counterpart=counterpart,
                outcome=outcome.value,
                note=note,
                recorded_by_id=staff.id,
            )
            session.add(row)
            session.flush()
            self.record(
                session,
                "account.consulted",
                {
                    "account_id": account.id,
                    "consultation_id": row.id,
                    "section": section,
                    "consulted_at": when,
                    "counterpart": counterpart,
                    "outcome": outcome.value,
                    "note_sha256": sha256_hex(note) if note else None,
                },
            )
            return row.id

    def review(
        self,
        account_id: int,
        *,
        criteria: Mapping[str, str],
        decision: ContinuationDecision,
        note: str = "",
        notice_days: int | None = None,
    ) -> int:
        """Record a continuation review (joso:7(1)); 撤退 starts the withdrawal with notice at once."""
        try:
            applies = clean_criteria(criteria)
        except ValueError as exc:
            raise InvalidInput(tr("Unknown criterion {key}.").format(key=repr(str(exc))[:20])) from None
        note = clean_text(note, tr("Note"), max_length=MAX_NOTE, required=False)
        decision = ContinuationDecision(decision)
        problem = decision_problem(applies, decision, note)
        if problem is not None:
            raise InvalidInput(problem)
        with self.store.write() as session:
            account: OfficialAccount = self.get_locked(session, OfficialAccount, account_id, tr("Account"))
            staff = self._operating_body(session, account)
            if account.status not in (AccountStatus.ACTIVE.value, AccountStatus.PAUSED.value):
                raise Conflict(
                    tr("Only an account in operation is reviewed (status: {status}).").format(
                        status=AccountStatus(account.status).label
                    )
                )
            now = self.store.now()
            facts = review_facts(session, account, now)
            org = organization_row(session)
            due = next_review(now, org.review_interval_days) if decision is ContinuationDecision.CONTINUE else None
            row = AccountReview(
                account_id=account.id,
                period_start=facts.period_start,
                period_end=facts.period_end,
                posts=facts.posts,
                last_post_at=facts.last_post_at,
                incidents=facts.incidents,
                inbound=facts.inbound,
                criteria=applies,
                decision=decision.value,
                note=note,
                reviewed_by_id=staff.id,
                reviewed_at=now,
                next_due_at=due,
            )
            session.add(row)
            session.flush()
            account.review_due_at = due
            self.record(
                session,
                "account.reviewed",
                {
                    "account_id": account.id,
                    "review_id": row.id,
                    "criteria": sorted(applies),
                    "decision": decision.value,
                    "posts": facts.posts,
                    "incidents": facts.incidents,
                    "next_due_at": due,
                },
            )
            if decision is ContinuationDecision.WITHDRAW:
                self._start_withdrawal(session, staff, account, notice_days, _reason(applies, note))
            return row.id

    def start_withdrawal(self, account_id: int, *, reason: str, notice_days: int | None = None) -> int:
        """撤退 with notice (joso:7(2)); returns the id of the prefilled notice draft.

        ``notice_days`` defaults to the organization's notice period; a period
        outside the allowed range is refused (use :meth:`stop_now` to stop at once).
        """
        reason = clean_text(reason, tr("Reason"), max_length=MAX_NOTE)
        with self.store.write() as session:
            account: OfficialAccount = self.get_locked(session, OfficialAccount, account_id, tr("Account"))
            staff = self._operating_body(session, account)
            return self._start_withdrawal(session, staff, account, notice_days, reason)

    def _start_withdrawal(
        self, session: Session, staff: Staff, account: OfficialAccount, notice_days: int | None, reason: str
    ) -> int:
        from core.services.drafts import _start_draft

        org = organization_row(session)
        days = org.withdrawal_notice_days if notice_days is None else notice_days
        problem = notice_period_problem(days)
        if problem is not None:
            raise InvalidInput(problem)
        if account.status not in (AccountStatus.ACTIVE.value, AccountStatus.PAUSED.value):
            raise Conflict(
                tr("The account {handle} cannot be withdrawn from {status}.").format(
                    handle=account.handle, status=AccountStatus(account.status).label
                )
            )
        now = self.store.now()
        before = move(account, AccountStatus.WITHDRAWAL_NOTICE)
        account.withdrawal_started_at = now
        account.withdrawal_ends_at = now + timedelta(days=days)
        account.withdrawal_reason = reason
        account.withdrawal_immediate = False
        account.review_due_at = None
        draft = _start_draft(
            session,
            staff,
            account_id=account.id,
            title=tr("Notice: this account ends"),
            text=notice_text(account.display_name, org.name, account.withdrawal_ends_at, ""),
            media=[],
            category="administration",
        )
        account.withdrawal_notice_draft_id = draft.id
        self.record(
            session,
            "draft.created",
            {"draft_id": draft.id, "account_id": account.id, "text_sha256": sha256_hex(draft.text)},
        )
        self.record(
            session,
            "account.withdrawal_started",
            {
                "account_id": account.id,
                "from": before.value,
                "notice_days": days,
                "ends_at": account.withdrawal_ends_at,
                "reason": reason,
                "notice_draft_id": draft.id,
            },
        )
        return draft.id

    def cancel_withdrawal(self, account_id: int, reason: str) -> None:
        """Call off an announced withdrawal: the account goes back into operation."""
        reason = clean_text(reason, tr("Reason"), max_length=MAX_NOTE)
        with self.store.write() as session:
            account: OfficialAccount = self.get_locked(session, OfficialAccount, account_id, tr("Account"))
            self._operating_body(session, account)
            move(account, AccountStatus.ACTIVE)
            org = organization_row(session)
            account.withdrawal_started_at = account.withdrawal_ends_at = None
            account.withdrawal_reason = None
            account.withdrawal_notice_draft_id = None
            account.review_due_at = next_review(self.store.now(), org.review_interval_days)
            self.record(session, "account.withdrawal_cancelled", {"account_id": account.id, "reason": reason})

    def stop_now(self, account_id: int, reason: str) -> None:
        """Stop the account at once (joso:7(2) ただし書き): the reason is stated on the public page at once."""
        reason = clean_text(reason, tr("Reason"), max_length=MAX_NOTE, required=False)
        if not reason:
            raise InvalidInput(
                tr("Stopping at once needs the reason, which the public page states (joso:7(2) ただし書き).")
            )
        with self.store.write() as session:
            account: OfficialAccount = self.get_locked(session, OfficialAccount, account_id, tr("Account"))
            self._operating_body(session, account)
            before = move(account, AccountStatus.STOPPED)
            now = self.store.now()
            account.withdrawal_started_at = account.withdrawal_started_at or now
            account.withdrawal_ends_at = now
            account.withdrawal_reason = reason
            account.withdrawal_immediate = True
            account.review_due_at = None
            self.record(
                session,
                "account.stopped",
                {"account_id": account.id, "from": before.value, "reason": reason, "at": now},
            )

    def record_deletion(self, account_id: int, method: DeletionMethod, note: str = "") -> None:
        """Record that the account is gone from the platform (after the notice period, or after a stop)."""
        method = DeletionMethod(method)
        note = clean_text(note, tr("Note"), max_length=MAX_NOTE, required=False)
        with self.store.write() as session:
            account: OfficialAccount = self.get_locked(session, OfficialAccount, account_id, tr("Account"))
            self._operating_body(session, account)
            now = self.store.now()
            ends = account.withdrawal_ends_at
            if account.status == AccountStatus.WITHDRAWAL_NOTICE.value and ends is not None and now < ends:
                raise Conflict(
                    tr(
                        "The notice period of {handle} runs until {date}: record the deletion after that, or stop "
                        "the account at once with a reason."
                    ).format(handle=account.handle, date=ends.astimezone().strftime("%Y-%m-%d"))
                )
            if method is DeletionMethod.API:
                raise InvalidInput(tr("None of the supported platforms deletes an account through its API."))
            before = move(account, AccountStatus.DELETED)
            account.deleted_at = now
            account.deletion_method = method.value
            self.record(
                session,
                "account.deleted",
                {"account_id": account.id, "from": before.value, "method": method.value, "note": note or None},
            )


def _reason(criteria: Mapping[str, str], note: str) -> str:
    letters = [
        f"{c.letter} {c.label}" + (f"（{criteria[c.key]}）" if criteria[c.key] else "")
        for c in lifecycle_rules().criteria
        if c.key in criteria
    ]
    return "\n".join([*letters, note] if note else letters) or note
