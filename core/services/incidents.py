"""The incident desk: register, timeline, evidence, account lock and pause-all (joso:6(4)–(6), wako:5-impersonation).

Every change is one transaction with its audit entry. Timeline steps and
evidence are append-only in the database (triggers); evidence is kept as the
bytes that were captured and addressed by their SHA-256, which is checked
again whenever it is read, so a changed file is caught rather than shown.

Audit payloads carry ids, kinds and hashes, never the captured text itself:
the chain can never be purged, and evidence may hold a resident's personal data.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.accounts.usable import ensure_account_usable
from core.audit.canonical import sha256_hex
from core.errors import Conflict, InvalidInput, NotFound
from core.i18n import tr
from core.incidents.model import (
    Evidence,
    IncidentDetail,
    IncidentKind,
    IncidentState,
    IncidentSummary,
    OfficialRef,
    Severity,
    Step,
    StepKind,
    Suspect,
)
from core.incidents.reports import Contact, PlatformReport, prepare_reports
from core.lifecycle.transitions import check_initial, move
from core.organization.roles import Role
from core.platforms.facts import Platform
from core.services.base import Service, organization_row
from core.services.pause import staff_name
from core.services.validation import clean_text
from core.storage.engine import Store
from core.storage.models import (
    Incident,
    IncidentAccount,
    IncidentDraft,
    IncidentEvidence,
    IncidentStep,
    IncidentSuspect,
    OfficialAccount,
)

if TYPE_CHECKING:
    from core.disclosure.notice import Notice
    from core.incidents.watch import Candidate

MAX_EVIDENCE_BYTES = 20 * 1024 * 1024  # a screenshot or a saved page; larger belongs in the records system
ANYONE = (Role.OPERATOR, Role.SUPERVISOR, Role.ADMINISTRATOR)
DECIDERS = (Role.SUPERVISOR, Role.ADMINISTRATOR)


class EvidenceAltered(Conflict):
    """Stored evidence no longer hashes to what was recorded."""


@dataclass(frozen=True)
class ForeignPost:
    """A post on an official account that KohoGate did not make (after a hijack), as the platform gave it."""

    platform: str
    post_id: str
    url: str
    text: str
    created_at: datetime | None

    def captured(self) -> bytes:
        """The evidence bytes: stable JSON, so the same post always hashes the same."""
        import json

        record = {
            "platform": self.platform,
            "post_id": self.post_id,
            "url": self.url,
            "created_at": self.created_at.isoformat() if self.created_at else None,
            "text": self.text,
        }
        return json.dumps(record, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


@dataclass(frozen=True)
class AccountLock:
    account_id: int
    handle: str
    locked_at: datetime
    reason: str
    incident_id: int | None


class IncidentService(Service):
    # -- register --
    def report(
        self,
        kind: IncidentKind,
        title: str,
        *,
        severity: Severity = Severity.MEDIUM,
        account_ids: Iterable[int] = (),
        discovered_at: datetime | None = None,
        description: str = "",
    ) -> int:
        """Open an incident; any staff member may (the one who notices is often an operator)."""
        title = clean_text(title, tr("Title"), max_length=200)
        description = clean_text(description, tr("Description"), max_length=20_000, required=False)
        accounts = sorted(set(account_ids))
        with self.store.write() as session:
            staff = self.authorize(session, *ANYONE)
            for account_id in accounts:
                self.get_or_404(session, OfficialAccount, account_id, tr("Account"))
            check_initial(IncidentState.OPEN)
            now = self.store.now()
            moment = discovered_at or now
            if moment.tzinfo is None:
                raise InvalidInput(tr("The time of discovery needs a time zone."))
            if moment > now + timedelta(minutes=5):
                raise InvalidInput(tr("The time of discovery lies in the future."))
            incident = Incident(
                kind=IncidentKind(kind).value,
                title=title,
                description=description,
                severity=Severity(severity).value,
                state=IncidentState.OPEN.value,  # checked against the lifecycle table above
                discovered_at=moment,
                discovered_by_id=staff.id,
                created_at=now,
            )
            session.add(incident)
            session.flush()
            session.add_all(IncidentAccount(incident_id=incident.id, account_id=a) for a in accounts)
            self.record(
                session,
                "incident.reported",
                {
                    "incident_id": incident.id,
                    "kind": incident.kind,
                    "severity": incident.severity,
                    "accounts": accounts,
                },
            )
            return incident.id

    def add_step(
        self,
        incident_id: int,
        kind: StepKind,
        *,
        at: datetime | None = None,
        counterpart: str = "",
        reference: str = "",
        note: str = "",
    ) -> int:
        """One timeline entry: reported to 管理課 (to whom), the police (station, reference number), …"""
        kind = StepKind(kind)
        if kind is StepKind.CLOSED:
            raise InvalidInput(tr("Close the incident with its summary instead."))
        counterpart = clean_text(counterpart, tr("To whom"), max_length=200, required=False)
        reference = clean_text(reference, tr("Reference"), max_length=500, required=False)
        note = clean_text(note, tr("Note"), max_length=20_000, required=kind is StepKind.NOTE)
        if kind is StepKind.POLICE_CONSULTED and not counterpart:
            raise InvalidInput(tr("Name the police station that was consulted."))
        with self.store.write() as session:
            staff = self.authorize(session, *ANYONE)
            incident = self.get_locked(session, Incident, incident_id, tr("Incident"))
            if incident.state == IncidentState.CLOSED.value:
                raise Conflict(tr("Incident {id} is closed; open a new one.").format(id=incident_id))
            return self._step(session, incident, staff.id, kind, at, counterpart, reference, note)

    def _step(
        self,
        session: Session,
        incident: Incident,
        staff_id: int,
        kind: StepKind,
        at: datetime | None,
        counterpart: str,
        reference: str,
        note: str,
    ) -> int:
        now = self.store.now()
        moment = at or now
        if moment.tzinfo is None:
            raise InvalidInput(tr("The time of the step needs a time zone."))
        step = IncidentStep(
            incident_id=incident.id,
            kind=kind.value,
            at=moment,
            counterpart=counterpart,
            reference=reference,
            note=note,
            recorded_by_id=staff_id,
            recorded_at=now,
        )
        session.add(step)
        session.flush()
        self.record(session, kind.audit_event, {"incident_id": incident.id, "step_id": step.id})
        return step.id

    def set_state(self, incident_id: int, state: IncidentState, *, summary: str = "") -> None:
        """収束 / 終結 (or back to 対応中). Closing needs a summary and a supervisor or administrator."""
        state = IncidentState(state)
        with self.store.write() as session:
            roles = DECIDERS if state is IncidentState.CLOSED else ANYONE
            staff = self.authorize(session, *roles)
            incident = self.get_locked(session, Incident, incident_id, tr("Incident"))
            current = IncidentState(incident.state)
            if current is IncidentState.CLOSED:
                raise Conflict(tr("Incident {id} is closed; open a new one.").format(id=incident_id))
            text = clean_text(summary, tr("Summary"), max_length=20_000, required=state is IncidentState.CLOSED)
            move(incident, state)  # refuses a move the lifecycle table does not list
            if state is IncidentState.CLOSED:
                self._step(session, incident, staff.id, StepKind.CLOSED, None, "", "", text)
                incident.closed_at = self.store.now()
            self.record(session, "incident.state_changed", {"incident_id": incident_id, "state": state.value})

    # -- suspicious accounts (なりすまし) --
    def add_suspect(
        self, incident_id: int, platform: str, handle: str, *, display_name: str = "", url: str = ""
    ) -> int:
        """Record an account that poses as one of ours; the platform report and the notice name it."""
        platform, handle, display_name, url = _clean_suspect(platform, handle, display_name, url)
        with self.store.write() as session:
            staff = self.authorize(session, *ANYONE)
            incident = self.get_locked(session, Incident, incident_id, tr("Incident"))
            if incident.state == IncidentState.CLOSED.value:
                raise Conflict(tr("Incident {id} is closed; open a new one.").format(id=incident_id))
            return self._suspect(session, incident.id, staff.id, platform, handle, display_name, url)

    def _suspect(
        self, session: Session, incident_id: int, staff_id: int, platform: str, handle: str, name: str, url: str
    ) -> int:
        row = IncidentSuspect(
            incident_id=incident_id,
            platform=platform,
            handle=handle,
            display_name=name,
            url=url,
            recorded_by_id=staff_id,
            recorded_at=self.store.now(),
        )
        session.add(row)
        session.flush()
        # The handle is public and the point of the record (the notice names it): it may be in the chain.
        self.record(
            session,
            "incident.suspect_added",
            {"incident_id": incident_id, "suspect_id": row.id, "platform": platform, "handle": handle},
        )
        return row.id

    def report_impersonator(self, candidate: Candidate, *, severity: Severity = Severity.HIGH) -> int:
        """A look-alike the watch found becomes an impersonation incident in one step.

        The incident names the official account it resembles, records the
        suspicious account, and keeps what the platform's search answered as
        evidence (so the watch reports it as known from now on).
        """
        found = candidate.found
        platform, handle, name, url = _clean_suspect(found.platform, found.handle, found.display_name, found.url)
        captured = "\n".join(
            [
                f"platform: {platform}",
                f"handle: {handle}",
                f"display_name: {name}",
                f"url: {url}",
                f"resembles: {candidate.official_handle} ({candidate.resembles})",
            ]
        ).encode("utf-8")
        with self.store.write() as session:
            staff = self.authorize(session, *ANYONE)
            official = self.get_or_404(session, OfficialAccount, candidate.official_account_id, tr("Account"))
            now = self.store.now()
            incident = Incident(
                kind=IncidentKind.IMPERSONATION.value,
                title=tr("Look-alike of {official}: {handle}").format(official=official.handle, handle=handle)[:200],
                description="",
                severity=Severity(severity).value,
                state=IncidentState.OPEN.value,
                discovered_at=now,
                discovered_by_id=staff.id,
                created_at=now,
            )
            session.add(incident)
            session.flush()
            session.add(IncidentAccount(incident_id=incident.id, account_id=official.id))
            self.record(
                session,
                "incident.reported",
                {
                    "incident_id": incident.id,
                    "kind": incident.kind,
                    "severity": incident.severity,
                    "accounts": [official.id],
                },
            )
            self._suspect(session, incident.id, staff.id, platform, handle, name, url)
            self._evidence(
                session,
                incident.id,
                staff.id,
                label=tr("Account found by the impersonation watch"),
                url=url,
                body=captured,
                filename="",
                mime="text/plain; charset=utf-8",
            )
            return incident.id

    # -- warning posts (注意喚起) --
    def draft_warnings(self, incident_id: int, account_ids: Iterable[int]) -> list[int]:
        """One prefilled draft per chosen official account, linked to the incident; returns the draft ids.

        The drafts are ordinary drafts of the person asking (an operator):
        they go through the composer's checks, submission and a supervisor's
        signed approval like any other post. Nothing is published here.
        """
        from core.incidents.warnings import warning_post
        from core.services.drafts import _start_draft

        chosen = sorted(set(account_ids))
        if not chosen:
            raise InvalidInput(tr("Choose at least one official account to post the warning from."))
        with self.store.write() as session:
            staff = self.authorize(session, Role.OPERATOR)
            incident = self.get_locked(session, Incident, incident_id, tr("Incident"))
            if incident.state == IncidentState.CLOSED.value:
                raise Conflict(tr("Incident {id} is closed; open a new one.").format(id=incident_id))
            kind = IncidentKind(incident.kind)
            named = _warned_about(session, incident, kind)
            notice_url = session.scalar(
                select(IncidentStep.reference)
                .where(IncidentStep.incident_id == incident_id, IncidentStep.kind == StepKind.NOTICE_PUBLISHED.value)
                .order_by(IncidentStep.id.desc())
                .limit(1)
            )
            org = organization_row(session).name
            drafts = []
            for account_id in chosen:
                account = self.get_or_404(session, OfficialAccount, account_id, tr("Account"))
                ensure_account_usable(session, account)  # joso:3(3): a filed policy, as for any draft
                post = warning_post(kind, Platform(account.platform), org, named, notice_url or "")
                if post is None:
                    raise InvalidInput(
                        tr("There is no warning post for an incident of the kind {kind}.").format(kind=kind.label)
                    )
                draft = _start_draft(session, staff, account_id=account.id, title=post.title, text=post.text, media=[])
                session.add(IncidentDraft(incident_id=incident_id, draft_id=draft.id, created_at=self.store.now()))
                self.record(
                    session,
                    "draft.created",
                    {"draft_id": draft.id, "account_id": account.id, "text_sha256": sha256_hex(draft.text)},
                )
                self.record(session, "incident.warning_drafted", {"incident_id": incident_id, "draft_id": draft.id})
                drafts.append(draft.id)
            return drafts

    # -- the hijacked account's posts compared with KohoGate's (乗っ取り) --
    def record_comparison(self, incident_id: int, account_id: int, read: int, foreign: Sequence[ForeignPost]) -> int:
        """Keep each post KohoGate did not make as evidence and the comparison as a step; return new evidence.

        A post already kept for this incident (same bytes, same hash) is not
        kept twice, so the comparison can be run again as the platform answers more.
        """
        with self.store.write() as session:
            staff = self.authorize(session, *ANYONE)
            incident = self.get_locked(session, Incident, incident_id, tr("Incident"))
            if incident.state == IncidentState.CLOSED.value:
                raise Conflict(tr("Incident {id} is closed; open a new one.").format(id=incident_id))
            account = self.get_or_404(session, OfficialAccount, account_id, tr("Account"))
            kept = set(
                session.scalars(select(IncidentEvidence.sha256).where(IncidentEvidence.incident_id == incident_id))
            )
            added = 0
            for post in foreign:
                body = post.captured()
                if hashlib.sha256(body).hexdigest() in kept:
                    continue
                self._evidence(
                    session,
                    incident_id,
                    staff.id,
                    label=tr("Post not made by KohoGate ({handle})").format(handle=account.handle),
                    url=post.url[:2000],
                    body=body,
                    filename="",
                    mime="application/json",
                )
                added += 1
            summary = tr("{read} recent posts read, {foreign} not made by KohoGate ({new} newly kept as evidence).")
            note = "\n".join(
                [summary.format(read=read, foreign=len(foreign), new=added), *(p.url for p in foreign if p.url)]
            )
            self._step(
                session,
                incident,
                staff.id,
                StepKind.POSTS_COMPARED,
                None,
                account.handle[:200],
                f"{len(foreign)}/{read}",
                note,
            )
            return added

    # -- evidence --
    def add_evidence(
        self,
        incident_id: int,
        *,
        label: str = "",
        url: str = "",
        text: str | None = None,
        data: bytes | None = None,
        filename: str = "",
        mime: str = "",
    ) -> str:
        """Keep a URL, captured text or a file exactly as it was; return its SHA-256."""
        label = clean_text(label, tr("Label"), max_length=200, required=False)
        url = clean_text(url, tr("URL"), max_length=2000, required=False)
        if url and not url.lower().startswith(("https://", "http://")):
            raise InvalidInput(tr("The evidence URL must start with https:// or http://."))
        if data is None:
            body = (text or "").encode("utf-8")
            mime = "text/plain; charset=utf-8"
        else:
            body = data
        if not body and not url:
            raise InvalidInput(tr("Evidence needs a URL, captured text or a file."))
        if len(body) > MAX_EVIDENCE_BYTES:
            raise InvalidInput(
                tr("The evidence file is too large ({size} MB; at most {limit} MB).").format(
                    size=len(body) // (1024 * 1024), limit=MAX_EVIDENCE_BYTES // (1024 * 1024)
                )
            )
        filename = clean_text(filename, tr("File name"), max_length=255, required=False)
        with self.store.write() as session:
            staff = self.authorize(session, *ANYONE)
            incident = self.get_locked(session, Incident, incident_id, tr("Incident"))
            if incident.state == IncidentState.CLOSED.value:
                raise Conflict(tr("Incident {id} is closed; open a new one.").format(id=incident_id))
            return self._evidence(
                session, incident_id, staff.id, label=label, url=url, body=body, filename=filename, mime=mime
            )

    def _evidence(
        self,
        session: Session,
        incident_id: int,
        staff_id: int,
        *,
        label: str,
        url: str,
        body: bytes,
        filename: str,
        mime: str,
    ) -> str:
        digest = hashlib.sha256(body).hexdigest()
        row = IncidentEvidence(
            incident_id=incident_id,
            sha256=digest,
            label=label[:200],
            url=url,
            filename=filename,
            mime=(mime or "application/octet-stream")[:100],
            size=len(body),
            data=body,
            recorded_by_id=staff_id,
            recorded_at=self.store.now(),
        )
        session.add(row)
        session.flush()
        self.record(
            session,
            "incident.evidence_added",
            {"incident_id": incident_id, "evidence_id": row.id, "sha256": digest, "size": len(body)},
        )
        return digest

    # -- account lock (乗っ取り) --
    def lock_account(self, account_id: int, reason: str, *, incident_id: int | None = None) -> None:
        """Stop every post to the account at once and require a new password (joso:6(4), wako:5-カ).

        Anyone may lock — the person who notices a hijack must not wait for
        a supervisor — but only a supervisor or administrator may unlock.
        """
        reason = clean_text(reason, tr("Reason"), max_length=2000)
        with self.store.write() as session:
            self.authorize(session, *ANYONE)
            account = self.get_locked(session, OfficialAccount, account_id, tr("Account"))
            if incident_id is not None:
                self.get_or_404(session, Incident, incident_id, tr("Incident"))
            if account.locked_at is not None:
                raise Conflict(tr("The account {handle} is already locked.").format(handle=account.handle))
            account.locked_at = self.store.now()
            account.lock_reason = reason
            account.lock_incident_id = incident_id
            # 要パスワード変更: nothing posts with the old credential even after unlocking.
            account.rotation_required = True
            account.rotation_reason = reason
            self.record(session, "account.locked", {"account_id": account_id, "incident_id": incident_id})

    def unlock_account(self, account_id: int, reason: str) -> None:
        reason = clean_text(reason, tr("Reason"), max_length=2000)
        with self.store.write() as session:
            self.authorize(session, *DECIDERS)
            account = self.get_locked(session, OfficialAccount, account_id, tr("Account"))
            if account.locked_at is None:
                raise Conflict(tr("The account {handle} is not locked.").format(handle=account.handle))
            account.locked_at = None
            account.lock_reason = None
            account.lock_incident_id = None
            self.record(session, "account.unlocked", {"account_id": account_id})

    # -- pause all (全停止) --
    def pause_all(self, reason: str) -> None:
        reason = clean_text(reason, tr("Reason"), max_length=2000)
        with self.store.write() as session:
            staff = self.authorize(session, *DECIDERS)
            org = organization_row(session)
            if org.paused_at is not None:
                raise Conflict(tr("Scheduled posting is already paused."))
            org.paused_at = self.store.now()
            org.paused_by_id = staff.id
            org.pause_reason = reason
            self.record(session, "organization.paused", {})

    def resume_all(self, reason: str) -> None:
        """Resume scheduled posting. Show :func:`posts_held_by_pause` first: those go out (or are missed) next."""
        reason = clean_text(reason, tr("Reason"), max_length=2000)
        with self.store.write() as session:
            self.authorize(session, *DECIDERS)
            org = organization_row(session)
            if org.paused_at is None:
                raise Conflict(tr("Scheduled posting is not paused."))
            org.paused_at = None
            org.paused_by_id = None
            org.pause_reason = None
            self.record(session, "organization.resumed", {})


# -- reading --
def account_locks(store: Store) -> list[AccountLock]:
    with store.read() as session:
        rows = session.scalars(
            select(OfficialAccount).where(OfficialAccount.locked_at.is_not(None)).order_by(OfficialAccount.id)
        )
        return [
            AccountLock(a.id, a.handle, a.locked_at, a.lock_reason or "", a.lock_incident_id)
            for a in rows
            if a.locked_at is not None
        ]


def list_incidents(store: Store, *, open_only: bool = False) -> list[IncidentSummary]:
    """Newest first; ``open_only`` leaves out 終結."""
    with store.read() as session:
        query = select(Incident).order_by(Incident.discovered_at.desc(), Incident.id.desc())
        if open_only:
            query = query.where(Incident.state != IncidentState.CLOSED.value)
        incidents = list(session.scalars(query))
        handles = _account_handles(session, [i.id for i in incidents])
        return [_summary(i, handles.get(i.id, ())) for i in incidents]


def load_incident(store: Store, incident_id: int) -> IncidentDetail:
    with store.read() as session:
        incident = session.get(Incident, incident_id)
        if incident is None:
            raise NotFound(tr("{what} {id} does not exist.").format(what=tr("Incident"), id=incident_id))
        account_ids = tuple(
            session.scalars(
                select(IncidentAccount.account_id)
                .where(IncidentAccount.incident_id == incident_id)
                .order_by(IncidentAccount.account_id)
            )
        )
        names: dict[int | None, str] = {}

        def name(staff_id: int) -> str:
            if staff_id not in names:
                names[staff_id] = staff_name(session, staff_id)
            return names[staff_id]

        steps = tuple(
            Step(s.id, StepKind(s.kind), s.at, name(s.recorded_by_id), s.counterpart, s.reference, s.note)
            for s in session.scalars(
                select(IncidentStep)
                .where(IncidentStep.incident_id == incident_id)
                .order_by(IncidentStep.at, IncidentStep.id)
            )
        )
        evidence = tuple(
            Evidence(e.id, e.sha256, e.label, e.url, e.filename, e.mime, e.size, e.recorded_at, name(e.recorded_by_id))
            for e in session.scalars(
                select(IncidentEvidence)
                .where(IncidentEvidence.incident_id == incident_id)
                .order_by(IncidentEvidence.id)
            )
        )
        suspects = tuple(
            Suspect(r.id, r.platform, r.handle, r.display_name, r.url, r.recorded_at, name(r.recorded_by_id))
            for r in session.scalars(
                select(IncidentSuspect).where(IncidentSuspect.incident_id == incident_id).order_by(IncidentSuspect.id)
            )
        )
        officials = tuple(_official_ref(a) for a in _accounts(session, account_ids))
        drafts = tuple(
            session.scalars(
                select(IncidentDraft.draft_id)
                .where(IncidentDraft.incident_id == incident_id)
                .order_by(IncidentDraft.draft_id)
            )
        )
        handles = _account_handles(session, [incident_id]).get(incident_id, ())
        return IncidentDetail(
            _summary(incident, handles),
            incident.description,
            name(incident.discovered_by_id),
            account_ids,
            steps,
            evidence,
            incident.row_version,
            suspects,
            officials,
            drafts,
        )


def _accounts(session: Session, account_ids: Sequence[int]) -> list[OfficialAccount]:
    if not account_ids:
        return []
    return list(
        session.scalars(select(OfficialAccount).where(OfficialAccount.id.in_(account_ids)).order_by(OfficialAccount.id))
    )


def _official_ref(account: OfficialAccount) -> OfficialRef:
    return OfficialRef(
        account.id,
        account.platform,
        account.handle,
        account.display_name,
        account.url or "",
        account.verified,
        account.department.name if account.department else "",
    )


def official_refs(store: Store, *, published_only: bool = True) -> list[OfficialRef]:
    """The registry's accounts residents may trust (in operation), for the notice's list of real accounts."""
    from core.lifecycle.states import AccountStatus

    shown = {AccountStatus.ACTIVE.value, AccountStatus.PAUSED.value, AccountStatus.WITHDRAWAL_NOTICE.value}
    with store.read() as session:
        rows = session.scalars(select(OfficialAccount).order_by(OfficialAccount.platform, OfficialAccount.id))
        return [_official_ref(a) for a in rows if not published_only or a.status in shown]


def organization_contact(store: Store, department: str = "") -> Contact:
    with store.read() as session:
        org = organization_row(session)
        return Contact(
            org.name,
            department,
            next(iter(org.public_emails or []), ""),
            next(iter(org.public_phones or []), ""),
        )


def platform_reports(store: Store, incident_id: int, *, page_url: str = "") -> tuple[PlatformReport, ...]:
    """The report to prepare for each platform concerned (form address and the facts to paste)."""
    detail = load_incident(store, incident_id)
    department = next((o.department for o in detail.officials if o.department), "")
    return prepare_reports(detail, organization_contact(store, department), page_url=page_url)


def incident_notice(store: Store, incident_id: int, *, page_url: str = "") -> Notice:
    """The public warning for the city's website (wako:5-impersonation, joso:6(4)), see core.disclosure.notice."""
    from core.disclosure.notice import notice_for

    detail = load_incident(store, incident_id)
    department = next((o.department for o in detail.officials if o.department), "")
    return notice_for(
        detail, official_refs(store), organization_contact(store, department), store.now(), page_url=page_url
    )


def _warned_about(session: Session, incident: Incident, kind: IncidentKind) -> list[str]:
    """Whom the warning names: the impersonators, or the hijacked accounts."""
    if kind is IncidentKind.HIJACK:
        ids = list(
            session.scalars(select(IncidentAccount.account_id).where(IncidentAccount.incident_id == incident.id))
        )
        return [a.handle for a in _accounts(session, ids)]
    return list(
        session.scalars(
            select(IncidentSuspect.handle)
            .where(IncidentSuspect.incident_id == incident.id)
            .order_by(IncidentSuspect.id)
        )
    )


def _clean_suspect(platform: str, handle: str, display_name: str, url: str) -> tuple[str, str, str, str]:
    try:
        code = Platform.parse(platform).value
    except ValueError:
        raise InvalidInput(tr("Unknown platform: {value}").format(value=platform)) from None
    handle = clean_text(handle, tr("Handle"), max_length=200)
    display_name = clean_text(display_name, tr("Display name"), max_length=200, required=False)
    url = clean_text(url, tr("URL"), max_length=2000, required=False)
    if url and not url.lower().startswith(("https://", "http://")):
        raise InvalidInput(tr("The account's URL must start with https:// or http://."))
    return code, handle, display_name, url


def read_evidence(store: Store, evidence_id: int) -> bytes:
    """The evidence's bytes, after checking they still hash to what was recorded."""
    with store.read() as session:
        row = session.get(IncidentEvidence, evidence_id)
        if row is None:
            raise NotFound(tr("{what} {id} does not exist.").format(what=tr("Evidence"), id=evidence_id))
        data, expected = bytes(row.data), row.sha256
    if hashlib.sha256(data).hexdigest() != expected:
        raise EvidenceAltered(
            tr("Evidence {id} was altered after it was recorded: its content no longer matches SHA-256 {sha}.").format(
                id=evidence_id, sha=expected
            )
        )
    return data


def _account_handles(session: Session, incident_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    if not incident_ids:
        return {}
    rows = session.execute(
        select(IncidentAccount.incident_id, OfficialAccount.handle)
        .join(OfficialAccount, OfficialAccount.id == IncidentAccount.account_id)
        .where(IncidentAccount.incident_id.in_(incident_ids))
        .order_by(OfficialAccount.handle)
    )
    found: dict[int, list[str]] = {}
    for incident_id, handle in rows:
        found.setdefault(incident_id, []).append(handle)
    return {k: tuple(v) for k, v in found.items()}


def _summary(incident: Incident, handles: tuple[str, ...]) -> IncidentSummary:
    return IncidentSummary(
        incident.id,
        IncidentKind(incident.kind),
        incident.title,
        Severity(incident.severity),
        IncidentState(incident.state),
        incident.discovered_at,
        handles,
    )
