"""The organization profile, its departments and its rules for official accounts.

The account rules are the naming rule for account IDs (joso:3(3)-ウ) and how
often platform passwords are changed (joso:6(1)). Whether an ID follows the
rule is decided in one place, :func:`core.accounts.policy.check_handle`; the
settings screen's "example ID" helper asks :func:`try_account_id`, which uses
it too, so what the administrator sees is what the account checks will say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.accounts.consultation import sections_to_consult
from core.accounts.lifecycle_rules import RotationOverdue
from core.accounts.policy import check_handle
from core.accounts.withdrawal import notice_period_problem
from core.errors import Conflict, InvalidInput
from core.i18n import tr
from core.lifecycle.states import AccountStatus
from core.organization.profile import OrganizationProfile
from core.organization.roles import Role
from core.services.base import Service, organization_row
from core.services.validation import clean_list, clean_text
from core.storage.engine import Store
from core.storage.models import Department, OfficialAccount, Organization

# The column's width; a rule longer than that is a program, not a naming rule.
MAX_ACCOUNT_ID_PATTERN_LENGTH = 200
# Shorter than a week makes staff choose weak passwords they can remember; longer than two
# years is no longer the periodic change joso:6(1) asks for.
MIN_ROTATION_DAYS = 7
MAX_ROTATION_DAYS = 730


def load_organization(store: Store) -> Organization:
    with store.read() as session:
        return organization_row(session)


def profile_of(session: Session) -> OrganizationProfile:
    """The profile as the checks see it, read in ``session`` (one place builds it)."""
    org = organization_row(session)
    departments = session.scalars(select(Department.name).where(Department.active).order_by(Department.id))
    return OrganizationProfile(
        name=org.name,
        own_domains=tuple(org.own_domains),
        public_phones=tuple(org.public_phones),
        public_emails=tuple(org.public_emails),
        postal_addresses=tuple(org.postal_addresses),
        departments=tuple(departments),
        partner_contacts=tuple(org.partner_contacts or ()),
        own_channels=tuple(org.own_channels or ()),
        place_names=tuple(org.place_names or ()),
        officials=tuple(org.officials or ()),
    )


def load_profile(store: Store) -> OrganizationProfile:
    with store.read() as session:
        return profile_of(session)


def load_check_config(store: Store) -> dict[str, Any]:
    with store.read() as session:
        org = session.get(Organization, 1)
        return dict(org.check_config) if org is not None else {}


def list_departments(store: Store, *, include_inactive: bool = False) -> list[Department]:
    with store.read() as session:
        query = select(Department).order_by(Department.id)
        if not include_inactive:
            query = query.where(Department.active)
        return list(session.scalars(query))


def department_choices(store: Store, *, keeping: int | None = None) -> tuple[tuple[int, str], ...]:
    """Departments to choose from as ``(id, name)``: the active ones, and ``keeping`` even if it was closed."""
    return tuple((d.id, d.name) for d in list_departments(store, include_inactive=True) if d.active or d.id == keeping)


@dataclass(frozen=True)
class AccountRules:
    """The organization's rules for official accounts, as the settings screen shows them."""

    account_id_pattern: str | None
    rotation_interval_days: int


def load_account_rules(store: Store) -> AccountRules:
    with store.read() as session:
        org = organization_row(session)
        return AccountRules(org.account_id_pattern, org.rotation_interval_days)


@dataclass(frozen=True)
class LifecycleSettings:
    """The organization's choices for an account's life (defaults: ``resources/rules/account_lifecycle.toml``)."""

    consult_sections: tuple[str, ...]  # wako 運用開始の留意点, joso:3(2)
    sections_are_default: bool
    review_interval_days: int  # joso:7(1)
    withdrawal_notice_days: int  # joso:7(2)
    rotation_overdue: RotationOverdue  # joso:6(1)


def load_lifecycle_settings(store: Store) -> LifecycleSettings:
    with store.read() as session:
        org = organization_row(session)
        return LifecycleSettings(
            consult_sections=sections_to_consult(org.consult_sections),
            sections_are_default=org.consult_sections is None,
            review_interval_days=org.review_interval_days,
            withdrawal_notice_days=org.withdrawal_notice_days,
            rotation_overdue=RotationOverdue(org.rotation_overdue or RotationOverdue.BLOCK.value),
        )


MIN_REVIEW_DAYS = 30
MAX_REVIEW_DAYS = 1096


def _clean_lifecycle(settings: LifecycleSettings) -> dict[str, Any]:
    sections = clean_list(settings.consult_sections)
    if not sections:
        raise InvalidInput(
            tr("Name at least one section to consult before an account opens (wako 運用開始の留意点, joso:3(2)).")
        )
    review = settings.review_interval_days
    if isinstance(review, bool) or not MIN_REVIEW_DAYS <= review <= MAX_REVIEW_DAYS:
        raise InvalidInput(
            tr("The continuation review interval must be between {min} and {max} days (joso:7(1)).").format(
                min=MIN_REVIEW_DAYS, max=MAX_REVIEW_DAYS
            )
        )
    problem = notice_period_problem(settings.withdrawal_notice_days)
    if problem is not None:
        raise InvalidInput(problem)
    return {
        "consult_sections": None if settings.sections_are_default else sections,
        "review_interval_days": review,
        "withdrawal_notice_days": settings.withdrawal_notice_days,
        "rotation_overdue": RotationOverdue(settings.rotation_overdue).value,
    }


def clean_account_id_pattern(pattern: str | None) -> str | None:
    """The naming rule as stored: trimmed, ``None`` for no rule; :class:`InvalidInput` if unusable."""
    text = clean_text(pattern or "", tr("Account ID rule"), max_length=MAX_ACCOUNT_ID_PATTERN_LENGTH, required=False)
    if not text:
        return None
    try:
        re.compile(text)
    except re.error as exc:
        raise InvalidInput(
            tr("The account ID rule {pattern} is not a valid regular expression.").format(pattern=text),
            hint=tr("Technical detail: {detail}").format(detail=exc),
        ) from None
    return text


def clean_rotation_interval(days: int) -> int:
    # bool is an int to Python; a checkbox value slipping through must not become "1 day".
    if isinstance(days, bool) or not isinstance(days, int) or not MIN_ROTATION_DAYS <= days <= MAX_ROTATION_DAYS:
        raise InvalidInput(
            tr(
                "The password change interval must be between {min} and {max} days: a shorter one makes "
                "people choose weak passwords, a longer one is no longer a periodic change (joso:6(1))."
            ).format(min=MIN_ROTATION_DAYS, max=MAX_ROTATION_DAYS)
        )
    return days


@dataclass(frozen=True)
class SampleCheck:
    """The verdict on an example ID; ``matches`` is ``None`` when there is nothing to decide."""

    matches: bool | None
    message: str


def try_account_id(pattern: str | None, sample: str) -> SampleCheck:
    """Would an account with ID ``sample`` pass the naming rule ``pattern`` (not yet saved)?"""
    try:
        rule = clean_account_id_pattern(pattern)
        # Cleaned like AccountService cleans a handle, so the verdict is the one the account gets.
        handle = clean_text(sample, tr("Account ID"), max_length=200, required=False)
    except InvalidInput as exc:
        return SampleCheck(None, exc.message)
    if rule is None:
        return SampleCheck(None, tr("No rule: any account ID is accepted."))
    if not handle:
        return SampleCheck(None, tr("Type an example ID to try the rule."))
    problem = check_handle(rule, handle)
    if problem is None:
        return SampleCheck(True, tr("{handle} follows the naming rule.").format(handle=handle))
    return SampleCheck(False, problem)


def _accounts_outside_rule(session: Session, pattern: str | None) -> list[tuple[int, str]]:
    """``(id, handle)`` of the accounts not deleted whose ID breaks ``pattern``."""
    accounts = session.scalars(
        select(OfficialAccount)
        .where(OfficialAccount.status != AccountStatus.DELETED.value)
        .order_by(OfficialAccount.id)
    )
    return [(a.id, a.handle) for a in accounts if check_handle(pattern, a.handle) is not None]


def accounts_outside_rule(store: Store, pattern: str | None) -> list[str]:
    """IDs of the accounts a new naming rule would take out of use (their policy turns incomplete).

    Raises :class:`InvalidInput` for an unusable rule, like saving it would.
    """
    rule = clean_account_id_pattern(pattern)
    with store.read() as session:
        return [handle for _, handle in _accounts_outside_rule(session, rule)]


@dataclass(frozen=True)
class ProfileUpdate:
    name: str
    own_domains: Sequence[str]
    public_phones: Sequence[str]
    public_emails: Sequence[str]
    postal_addresses: Sequence[str]
    # None leaves the rule as it is, so callers that edit only the profile need not know it;
    # an empty pattern removes the naming rule.
    account_id_pattern: str | None = None
    rotation_interval_days: int | None = None
    # The check lists (issue 19); None leaves a list as it is.
    partner_contacts: Sequence[str] | None = None
    own_channels: Sequence[str] | None = None
    place_names: Sequence[str] | None = None
    officials: Sequence[str] | None = None
    # 文書番号の接頭辞 (「見本広」 → 「見本広第12号」); None leaves it as it is.
    document_prefix: str | None = None


def document_prefix(store: Store) -> str:
    """The organization's prefix of a 文書番号 (empty when none is set)."""
    with store.read() as session:
        org = session.get(Organization, 1)
        return org.document_prefix if org is not None else ""


class OrganizationService(Service):
    def update_profile(self, update: ProfileUpdate) -> list[str]:
        """Store the profile (and the account rules if given) in one change.

        Returns the IDs of accounts that break a newly set naming rule: they
        cannot be used for drafts until their ID is corrected.
        """
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            org = organization_row(session)
            values: dict[str, Any] = {
                "name": clean_text(update.name, tr("Organization name"), max_length=200),
                "own_domains": clean_list(update.own_domains, lower=True),
                "public_phones": clean_list(update.public_phones),
                "public_emails": clean_list(update.public_emails, lower=True),
                "postal_addresses": clean_list(update.postal_addresses),
            }
            for key in ("partner_contacts", "own_channels", "place_names", "officials"):
                lines = getattr(update, key)
                if lines is not None:
                    values[key] = clean_list(lines)
            if update.account_id_pattern is not None:
                values["account_id_pattern"] = clean_account_id_pattern(update.account_id_pattern)
            if update.rotation_interval_days is not None:
                values["rotation_interval_days"] = clean_rotation_interval(update.rotation_interval_days)
            if update.document_prefix is not None:
                values["document_prefix"] = clean_text(
                    update.document_prefix, tr("Document number prefix"), max_length=50, required=False
                )
            return self._apply(session, org, values)

    def set_account_rules(self, account_id_pattern: str | None, rotation_interval_days: int) -> list[str]:
        """Set the naming rule for account IDs (empty: none) and the password change interval.

        Returns the IDs of accounts that break the new rule, as :meth:`update_profile` does.
        """
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            org = organization_row(session)
            values = {
                "account_id_pattern": clean_account_id_pattern(account_id_pattern),
                "rotation_interval_days": clean_rotation_interval(rotation_interval_days),
            }
            return self._apply(session, org, values)

    def _apply(self, session: Session, org: Organization, values: dict[str, Any]) -> list[str]:
        changed = {k: {"from": getattr(org, k), "to": v} for k, v in values.items() if getattr(org, k) != v}
        for key, value in values.items():
            setattr(org, key, value)
        if not changed:
            return []
        payload: dict[str, Any] = {"changes": changed}
        outside: list[tuple[int, str]] = []
        if "account_id_pattern" in changed:
            # The record shows which accounts the new rule took out of use, not just the rule.
            outside = _accounts_outside_rule(session, org.account_id_pattern)
            payload["accounts_outside_rule"] = [account_id for account_id, _ in outside]
        self.record(session, "organization.updated", payload)
        return [handle for _, handle in outside]

    def set_lifecycle_settings(self, settings: LifecycleSettings) -> None:
        """Sections to consult, review interval, notice period, and what an overdue password change does."""
        values = _clean_lifecycle(settings)
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            self._apply(session, organization_row(session), values)

    def set_check_config(self, config: dict[str, Any]) -> None:
        """Store the organization's check settings (設定 → チェック項目); audited with before/after."""
        from core.checks.config import CheckConfig

        try:
            # Round-trip through CheckConfig: only a valid, normalised configuration is stored.
            config = CheckConfig.from_json(config).to_json()
        except ValueError as exc:
            raise InvalidInput(tr("The check settings are invalid: {error}").format(error=exc)) from None
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            org = organization_row(session)
            if org.check_config != config:
                self.record(session, "checks.configured", {"from": org.check_config, "to": config})
                org.check_config = config

    def add_department(self, name: str, code: str | None = None) -> int:
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            clean = clean_text(name, tr("Department name"), max_length=200)
            if session.scalar(select(Department).where(Department.name == clean)) is not None:
                raise Conflict(tr("A department named {name} already exists.").format(name=clean))
            dept = Department(name=clean, code=(code or "").strip().lower() or None)
            session.add(dept)
            session.flush()
            self.record(session, "department.created", {"department_id": dept.id, "name": clean, "code": dept.code})
            return dept.id


def is_demo_organization(store: Store) -> bool:
    """Whether this database holds demo data (the only place the GUI offers its user switcher)."""
    with store.read() as session:
        org = session.get(Organization, 1)
        return bool(org and org.is_demo)
