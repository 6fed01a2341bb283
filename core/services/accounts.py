"""Official accounts: the registry, operating policy, named staff, filing and credentials.

Administrators edit; everyone reads. The operating policy follows joso:3(3)
ア–セ (:mod:`core.accounts.policy`); an account is usable for drafts only
once its policy is complete and filed (:func:`core.accounts.usable.ensure_account_usable`).
Credentials go to this terminal's OS keyring through the vault; the
database keeps only which terminal holds one, since when, set by whom.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.accounts.consultation import Consultation
from core.accounts.continuation import next_review
from core.accounts.duties import Duty
from core.accounts.kinds import AccountKind, parse_kind
from core.accounts.policy import TITLES_KEY, Missing, check_handle, clean_policy
from core.accounts.rotation import flag_rotation, maybe_complete_rotation
from core.accounts.usable import (
    configured_sections,
    consultation_missing,
    consultations,
    policy_missing,
    usability_problems,
)
from core.credentials.strength import estimate_final
from core.credentials.vault import Vault, credential_name
from core.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from core.i18n import tr
from core.lifecycle.states import AccountStatus
from core.lifecycle.transitions import move
from core.organization.roles import Role
from core.platforms.facts import platform_label
from core.runtime.logging_setup import register_secret
from core.services.base import Service, organization_row
from core.services.validation import clean_text, record_id, storable
from core.storage.engine import Store
from core.storage.models import (
    AccountStaff,
    Credential,
    Department,
    OfficialAccount,
    Organization,
    Staff,
    Terminal,
    utcnow,
)


@dataclass(frozen=True)
class StaffAssignment:
    staff_id: int
    display_name: str
    department: str
    duty: Duty
    active: bool


@dataclass(frozen=True)
class AccountInfo:
    id: int
    platform: str
    handle: str
    display_name: str
    department: str
    department_id: int | None
    status: AccountStatus
    url: str | None
    verified: bool = False
    filed_at: datetime | None = None
    rotation_required: bool = False
    rotation_reason: str | None = None
    password_changed_at: datetime | None = None
    missing: tuple[str, ...] = ()
    kind: AccountKind = AccountKind.OFFICIAL
    opened_at: datetime | None = None
    review_due_at: datetime | None = None
    withdrawal_started_at: datetime | None = None
    withdrawal_ends_at: datetime | None = None  # 運用停止予定
    withdrawal_reason: str | None = None
    withdrawal_immediate: bool = False
    withdrawal_notice_draft_id: int | None = None
    deleted_at: datetime | None = None
    deletion_method: str | None = None
    # Sections not yet consulted (filing is refused until empty).
    consultation_missing: tuple[str, ...] = ()

    def review_overdue(self, now: datetime) -> bool:
        """The continuation review is due (joso:7(1)); only accounts still running are reviewed."""
        running = self.status in (AccountStatus.ACTIVE, AccountStatus.PAUSED)
        return running and self.review_due_at is not None and self.review_due_at <= now

    @property
    def usable(self) -> bool:
        """Drafts may use it: policy complete, filed, not deleted."""
        ended = self.status in (AccountStatus.DELETED, AccountStatus.STOPPED)
        return not self.missing and self.filed_at is not None and not ended


@dataclass(frozen=True)
class CredentialInfo:
    terminal_id: int
    terminal_hostname: str
    terminal_uid: str
    set_at: datetime
    set_by: str


@dataclass(frozen=True)
class AccountDetail:
    info: AccountInfo
    policy: Mapping[str, Any]
    staff: tuple[StaffAssignment, ...]
    missing: tuple[Missing, ...]
    credentials: tuple[CredentialInfo, ...] = field(default=())
    consultations: tuple[Consultation, ...] = field(default=())
    sections: tuple[str, ...] = field(default=())

    def titles(self) -> dict[Duty, str]:
        """Disclosure titles per duty: written ones, else derived from the staff's departments."""
        written = self.policy.get(TITLES_KEY) or {}
        titles: dict[Duty, str] = {}
        for duty in Duty:
            if written.get(duty.value):
                titles[duty] = str(written[duty.value])
                continue
            departments = sorted({a.department for a in self.staff if a.duty is duty and a.department})
            titles[duty] = "、".join(duty.default_title(d) for d in departments) or duty.label
        return titles


def _info(session: Session, account: OfficialAccount) -> AccountInfo:
    return AccountInfo(
        id=account.id,
        platform=account.platform,
        handle=account.handle,
        display_name=account.display_name,
        department=account.department.name if account.department else "",
        department_id=account.department_id,
        status=AccountStatus(account.status),
        url=account.url,
        verified=account.verified,
        filed_at=account.filed_at,
        rotation_required=account.rotation_required,
        rotation_reason=account.rotation_reason,
        password_changed_at=account.password_changed_at,
        missing=tuple(str(m) for m in policy_missing(session, account)),
        kind=parse_kind(account.kind),
        opened_at=account.opened_at,
        review_due_at=account.review_due_at,
        withdrawal_started_at=account.withdrawal_started_at,
        withdrawal_ends_at=account.withdrawal_ends_at,
        withdrawal_reason=account.withdrawal_reason,
        withdrawal_immediate=bool(account.withdrawal_immediate),
        withdrawal_notice_draft_id=account.withdrawal_notice_draft_id,
        deleted_at=account.deleted_at,
        deletion_method=account.deletion_method,
        consultation_missing=tuple(consultation_missing(session, account)) if account.filed_at is None else (),
    )


def list_accounts(store: Store) -> list[AccountInfo]:
    with store.read() as session:
        return [_info(session, a) for a in session.scalars(select(OfficialAccount).order_by(OfficialAccount.id))]


def _assignments(session: Session, account_id: int) -> tuple[StaffAssignment, ...]:
    rows = session.execute(
        select(AccountStaff, Staff)
        .join(Staff, Staff.id == AccountStaff.staff_id)
        .where(AccountStaff.account_id == account_id)
        .order_by(AccountStaff.duty, Staff.id)
    ).all()
    return tuple(
        StaffAssignment(
            staff_id=staff.id,
            display_name=staff.display_name,
            department=staff.department.name if staff.department else "",
            duty=Duty(link.duty),
            active=staff.active,
        )
        for link, staff in rows
    )


def _credentials(session: Session, account_id: int) -> tuple[CredentialInfo, ...]:
    rows = session.execute(
        select(Credential, Terminal, Staff)
        .join(Terminal, Terminal.id == Credential.terminal_id)
        .join(Staff, Staff.id == Credential.set_by_id)
        .where(Credential.account_id == account_id, Credential.removed_at.is_(None))
        .order_by(Credential.set_at)
    ).all()
    return tuple(CredentialInfo(t.id, t.hostname, t.uid, c.set_at, s.display_name) for c, t, s in rows)


def account_detail(store: Store, account_id: int) -> AccountDetail:
    with store.read() as session:
        account = session.get(OfficialAccount, account_id)
        if account is None:
            raise NotFound(tr("{what} {id} does not exist.").format(what=tr("Account"), id=account_id))
        return AccountDetail(
            info=_info(session, account),
            policy=dict(account.policy or {}),
            staff=_assignments(session, account_id),
            missing=tuple(policy_missing(session, account)),
            credentials=_credentials(session, account_id),
            consultations=tuple(consultations(session, account_id)),
            sections=configured_sections(session),
        )


def account_id_pattern(store: Store) -> str | None:
    with store.read() as session:
        org = session.get(Organization, 1)
        return org.account_id_pattern if org else None


def _known_platform(value: str) -> str:
    """One of the platforms KohoGate knows (its id names files and selects the adapter)."""
    from core.platforms.facts import Platform

    text = clean_text(value, tr("Platform"), max_length=32)
    try:
        return Platform.parse(text).value
    except ValueError:
        raise InvalidInput(
            tr("{platform} is not a platform KohoGate knows ({valid}).").format(
                platform=text, valid=", ".join(p.value for p in Platform)
            )
        ) from None


class AccountService(Service):
    def create(
        self,
        platform: str,
        handle: str,
        display_name: str,
        department_id: int | None,
        url: str | None = None,
        kind: AccountKind = AccountKind.OFFICIAL,
    ) -> int:
        handle = clean_text(handle, tr("Account ID"), max_length=200)
        name = clean_text(display_name, tr("Account name"), max_length=200)
        platform = _known_platform(platform)
        url = _clean_url(url)
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            if department_id is not None:
                self.get_or_404(session, Department, department_id, tr("Department"))
            self._ensure_unique(session, platform, handle, None)
            account = OfficialAccount(
                platform=platform,
                handle=handle,
                display_name=name,
                department_id=department_id,
                url=url,
                status=AccountStatus.PREPARING.value,
                kind=AccountKind(kind).value,
            )
            session.add(account)
            session.flush()
            self.record(
                session,
                "account.created",
                {
                    "account_id": account.id,
                    "platform": platform,
                    "handle": handle,
                    "display_name": name,
                    "department_id": department_id,
                    "url": url,
                    "kind": account.kind,
                },
            )
            return account.id

    def update(
        self,
        account_id: int,
        *,
        platform: str,
        handle: str,
        display_name: str,
        department_id: int | None,
        url: str | None,
        verified: bool,
        kind: AccountKind | None = None,
    ) -> None:
        """Change the account's own fields. Changing name, ID, service, URL or kind withdraws the filing.

        ``kind`` (joso:3(1)) is left as it is when ``None``.
        """
        handle = clean_text(handle, tr("Account ID"), max_length=200)
        name = clean_text(display_name, tr("Account name"), max_length=200)
        platform = _known_platform(platform)
        url = _clean_url(url)
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            account: OfficialAccount = self.get_or_404(session, OfficialAccount, account_id, tr("Account"))
            if department_id is not None:
                self.get_or_404(session, Department, department_id, tr("Department"))
            self._ensure_unique(session, platform, handle, account.id)
            before = {
                "platform": account.platform,
                "handle": account.handle,
                "display_name": account.display_name,
                "department_id": account.department_id,
                "url": account.url,
                "verified": account.verified,
                "kind": account.kind,
            }
            after = {
                "platform": platform,
                "handle": handle,
                "display_name": name,
                "department_id": department_id,
                "url": url,
                "verified": verified,
                "kind": AccountKind(kind).value if kind is not None else account.kind,
            }
            if before == after:
                return
            account.platform, account.handle, account.display_name = platform, handle, name
            account.department_id, account.url, account.verified = department_id, url, verified
            account.kind = str(after["kind"])
            changes = {k: after[k] for k in after if before[k] != after[k]}
            self.record(session, "account.updated", {"account_id": account.id, "changes": changes})
            if {"platform", "handle", "display_name", "url", "kind"} & changes.keys():
                self._withdraw_filing(session, account)

    def set_policy(self, account_id: int, values: Mapping[str, Any]) -> None:
        """Replace the operating policy texts (joso:3(3)); a changed policy must be filed again."""
        try:
            policy = clean_policy(values)
        except ValueError as exc:
            raise InvalidInput(
                tr("{field} is too long (at most {max} characters).").format(field=str(exc), max=4000)
            ) from None
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            account: OfficialAccount = self.get_or_404(session, OfficialAccount, account_id, tr("Account"))
            if dict(account.policy or {}) == policy:
                return
            changed = sorted(
                k for k in set(policy) | set(account.policy or {}) if policy.get(k) != (account.policy or {}).get(k)
            )
            account.policy = policy
            self.record(
                session, "account.policy_updated", {"account_id": account.id, "policy": policy, "changed": changed}
            )
            self._withdraw_filing(session, account)

    def set_staff(self, account_id: int, assignments: Iterable[tuple[int, Duty]]) -> list[int]:
        """Name the account's staff. People no longer on the account trigger a password change.

        Returns the ids of people removed from the account altogether (異動:
        wako:5-カ, joso:6(1)); if any, the account is flagged 要パスワード変更.
        """
        wanted = {(record_id(staff_id, tr("Staff")), _duty(duty)) for staff_id, duty in assignments}
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            account: OfficialAccount = self.get_or_404(session, OfficialAccount, account_id, tr("Account"))
            for staff_id in {s for s, _ in wanted}:
                staff = self.get_or_404(session, Staff, staff_id, tr("Staff"))
                if not staff.active:
                    raise InvalidInput(
                        tr("{name} is inactive and cannot be named on an account.").format(name=staff.display_name)
                    )
            rows = session.scalars(select(AccountStaff).where(AccountStaff.account_id == account.id)).all()
            current = {(r.staff_id, Duty(r.duty)) for r in rows}
            if current == wanted:
                return []
            for row in rows:
                if (row.staff_id, Duty(row.duty)) not in wanted:
                    session.delete(row)
            for staff_id, duty in sorted(wanted - current):
                session.add(AccountStaff(account_id=account.id, staff_id=staff_id, duty=duty.value))
            session.flush()
            removed = sorted({s for s, _ in current} - {s for s, _ in wanted})
            self.record(
                session,
                "account.staff_changed",
                {
                    "account_id": account.id,
                    "from": [[s, d.value] for s, d in sorted(current)],
                    "to": [[s, d.value] for s, d in sorted(wanted)],
                    "removed": removed,
                },
            )
            if removed and account.status != AccountStatus.DELETED.value:
                names = [session.get(Staff, s).display_name for s in removed]  # type: ignore[union-attr]
                flag_rotation(
                    session,
                    self.actor.recorder,
                    account,
                    tr("Removed from the account's staff: {names}.").format(names="、".join(names)),
                )
            return removed

    def file(self, account_id: int) -> None:
        """Record that the complete operating policy was filed (届出, joso:3(3))."""
        with self.store.write() as session:
            admin = self.authorize(session, Role.ADMINISTRATOR)
            account: OfficialAccount = self.get_or_404(session, OfficialAccount, account_id, tr("Account"))
            missing = [str(m) for m in policy_missing(session, account)]
            # wako 運用開始の留意点 / joso:3(2): consulted before opening. Once filed, a later
            # re-filing (a changed policy) does not ask again for an account already consulted.
            missing += consultation_missing(session, account)
            if missing:
                raise InvalidInput(
                    tr("The operating policy cannot be filed while items are missing:")
                    + "\n"
                    + "\n".join(f"• {m}" for m in missing)
                )
            account.filed_at = utcnow()
            account.filed_by_id = admin.id
            self.record(session, "account.policy_filed", {"account_id": account.id, "policy": dict(account.policy)})

    def set_status(self, account_id: int, status: AccountStatus) -> None:
        """Put the account into operation or pause it; 撤退 and deletion go through the withdrawal.

        Withdrawal (:class:`core.services.account_lifecycle.AccountLifecycleService`) needs a
        notice period or, for an immediate stop, a reason (joso:7(2)).
        """
        if status not in (AccountStatus.ACTIVE, AccountStatus.PAUSED, AccountStatus.PREPARING):
            raise InvalidInput(
                tr(
                    "An account is withdrawn with a notice period, or stopped at once with a reason (joso:7(2)): "
                    "use Withdraw… on the account."
                )
            )
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            account: OfficialAccount = self.get_locked(session, OfficialAccount, account_id, tr("Account"))
            if account.status == status.value:
                return
            if status is AccountStatus.ACTIVE:
                problems = usability_problems(session, account)
                if problems:
                    raise InvalidInput(
                        tr("The account cannot go into operation yet:") + "\n" + "\n".join(f"• {p}" for p in problems)
                    )
            before = move(account, status)
            payload: dict[str, Any] = {"account_id": account.id, "from": before.value, "to": status.value}
            if status is AccountStatus.ACTIVE and account.opened_at is None:
                # joso:7(1): the first continuation review falls due a review interval after opening.
                org = organization_row(session)
                account.opened_at = utcnow()
                account.review_due_at = next_review(account.opened_at, org.review_interval_days)
                payload["review_due_at"] = account.review_due_at
            self.record(session, "account.status_changed", payload)

    def confirm_password_change(self, account_id: int, new_password: str) -> int:
        """Record that the platform password was changed (joso:6(1)); returns its zxcvbn score.

        The password is measured and forgotten: neither it nor a hash of it is
        stored or logged; the audit entry keeps the score only. A weak one
        (score below 3) is refused.
        """
        with self.store.read() as session:
            account = session.get(OfficialAccount, account_id)
            inputs = (account.handle, account.display_name) if account else ()
        strength = estimate_final(new_password, inputs)
        if not strength.acceptable:
            raise InvalidInput(
                tr(
                    "The new password is too easy to guess ({label}). Use a longer mix of words, digits and symbols."
                ).format(label=strength.label)
            )
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            account_row: OfficialAccount = self.get_or_404(session, OfficialAccount, account_id, tr("Account"))
            account_row.password_changed_at = utcnow()
            self.record(
                session,
                "account.password_changed",
                {"account_id": account_row.id, "strength_score": strength.score},
            )
            maybe_complete_rotation(session, self.actor.recorder, account_row)
        return strength.score

    def _withdraw_filing(self, session: Session, account: OfficialAccount) -> None:
        if account.filed_at is not None:
            account.filed_at = None
            account.filed_by_id = None
            self.record(session, "account.filing_withdrawn", {"account_id": account.id})

    @staticmethod
    def _ensure_unique(session: Session, platform: str, handle: str, own_id: int | None) -> None:
        exists = session.scalar(
            select(OfficialAccount.id).where(OfficialAccount.platform == platform, OfficialAccount.handle == handle)
        )
        if exists is not None and exists != own_id:
            raise Conflict(
                tr("The account {handle} on {platform} is already registered.").format(
                    handle=handle, platform=platform_label(platform)
                )
            )


def _clean_url(url: str | None) -> str | None:
    url = storable(url or "", tr("URL")).strip() or None
    if url is None:
        return None
    if len(url) > 500:
        raise InvalidInput(tr("{field} is too long (at most {max} characters).").format(field=tr("URL"), max=500))
    # The account URL is where the token goes (Mastodon's instance): over
    # http:// it would cross the network in clear text. Only this machine's
    # own loopback (a test server, a local proxy) may be plain http.
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        raise InvalidInput(tr("The URL must start with https://.")) from None
    scheme = parts.scheme.lower()
    if scheme == "https" and host:
        return url
    if scheme == "http" and _is_loopback(host):
        return url
    raise InvalidInput(tr("The URL must start with https://."))


def _duty(value: Any) -> Duty:
    try:
        return Duty(value)
    except ValueError:
        raise InvalidInput(tr("Unknown duty {duty}.").format(duty=repr(value)[:40])) from None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def naming_problem(store: Store, handle: str) -> str | None:
    """Why ``handle`` breaks the organization's naming rule, or ``None`` (for live feedback in the editor)."""
    return check_handle(account_id_pattern(store), handle)


def runs_account(session: Session, staff: Staff, account_id: int) -> bool:
    """An administrator, or the account's 運用管理者 / 運用責任者: the account's operating body (joso:3(3), joso:7)."""
    if any(r.role == Role.ADMINISTRATOR.value for r in staff.role_rows):
        return True
    duty = session.scalar(
        select(AccountStaff.duty).where(
            AccountStaff.account_id == account_id,
            AccountStaff.staff_id == staff.id,
            AccountStaff.duty.in_([Duty.MANAGER.value, Duty.RESPONSIBLE.value]),
        )
    )
    return duty is not None


class CredentialService(Service):
    """Store and remove an account's platform credential in *this* terminal's OS keyring."""

    def _authorize_for(self, session: Session, account: OfficialAccount) -> Staff:
        staff = self.authorize(session)
        if not runs_account(session, staff, account.id):
            raise PermissionDenied(
                tr("Only administrators and the account's manager or person responsible may store its credential.")
            )
        return staff

    def store_credential(self, vault: Vault, terminal_uid: str, account_id: int, secret: str) -> None:
        """Write ``secret`` to the keyring and its metadata to the database, in one transaction.

        The keyring write happens inside the database transaction, last: if it
        fails (locked, refused, too long) nothing is recorded.
        """
        register_secret(secret)
        vault.check_size(secret)
        with self.store.write() as session:
            account: OfficialAccount = self.get_or_404(session, OfficialAccount, account_id, tr("Account"))
            staff = self._authorize_for(session, account)
            terminal = session.scalar(select(Terminal).where(Terminal.uid == terminal_uid))
            if terminal is None:
                raise InvalidInput(tr("This terminal is not registered; posting is refused."))
            row = session.scalar(
                select(Credential).where(Credential.terminal_id == terminal.id, Credential.account_id == account.id)
            )
            now = utcnow()
            if row is None:
                row = Credential(terminal_id=terminal.id, account_id=account.id, set_by_id=staff.id, set_at=now)
                session.add(row)
            else:
                row.set_at, row.set_by_id, row.removed_at = now, staff.id, None
            session.flush()
            self.record(
                session,
                "credential.stored",
                {"account_id": account.id, "terminal_id": terminal.id, "keyring": vault.label},
            )
            maybe_complete_rotation(session, self.actor.recorder, account)
            vault.store(credential_name(terminal_uid, account.id), secret)

    def remove_credential(self, vault: Vault, terminal_uid: str, account_id: int) -> None:
        with self.store.write() as session:
            account: OfficialAccount = self.get_or_404(session, OfficialAccount, account_id, tr("Account"))
            self._authorize_for(session, account)
            terminal = session.scalar(select(Terminal).where(Terminal.uid == terminal_uid))
            row = (
                session.scalar(
                    select(Credential).where(Credential.terminal_id == terminal.id, Credential.account_id == account.id)
                )
                if terminal is not None
                else None
            )
            if row is not None and row.removed_at is None:
                row.removed_at = utcnow()
                self.record(session, "credential.removed", {"account_id": account.id, "terminal_id": row.terminal_id})
            vault.delete(credential_name(terminal_uid, account.id))


def held_credentials(store: Store, terminal_id: int) -> list[int]:
    """Account ids this terminal holds a credential for (metadata)."""
    with store.read() as session:
        return list(
            session.scalars(
                select(Credential.account_id).where(
                    Credential.terminal_id == terminal_id, Credential.removed_at.is_(None)
                )
            )
        )


def draftable(accounts: Iterable[AccountInfo]) -> list[AccountInfo]:
    """The accounts a new draft may be made for: in use (or being prepared) and usable under the naming rule."""
    return [a for a in accounts if a.status in {AccountStatus.ACTIVE, AccountStatus.PREPARING} and a.usable]


def draftable_accounts(store: Store) -> list[AccountInfo]:
    return draftable(list_accounts(store))


def staff_choices(store: Store) -> Sequence[tuple[int, str, str]]:
    """Active staff as ``(id, name, department)`` for the duty pickers."""
    with store.read() as session:
        return [
            (s.id, s.display_name, s.department.name if s.department else "")
            for s in session.scalars(select(Staff).where(Staff.active).order_by(Staff.id))
        ]


@dataclass(frozen=True)
class AccountFormChoices:
    """What the account form offers, read before it opens (the form reads nothing itself)."""

    #: The organization's account ID rule, shown as the ID field's placeholder.
    pattern: str | None
    #: Active departments as ``(id, name)`` for the running section.
    departments: tuple[tuple[int, str], ...]
    #: Active staff as ``(id, name, department)`` for the duty pickers.
    staff: tuple[tuple[int, str, str], ...]
    #: A new account's starting policy (core.accounts.samples) with the organization's name and contacts.
    sample_policy: Mapping[str, str]


def account_form_choices(store: Store) -> AccountFormChoices:
    from core.accounts.samples import starting_policy
    from core.services.organization import list_departments, load_profile

    profile = load_profile(store)
    department = profile.departments[0] if profile.departments else ""
    return AccountFormChoices(
        pattern=account_id_pattern(store),
        departments=tuple((d.id, d.name) for d in list_departments(store)),
        staff=tuple(staff_choices(store)),
        sample_policy=starting_policy(profile.name, department, profile.public_phones + profile.public_emails),
    )
