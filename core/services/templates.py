"""定型文: the organization's template library (administrators) and drafts made from a template (operators).

A template is checked by the same engine as a draft whenever it is saved
(:func:`core.templates.model.check_template`): a ``block`` finding refuses it,
other findings are kept as its flags. A draft made from a template records the
template, the revision and the values in ``draft_template`` and in its
``draft.created`` entry; from then on it is an ordinary draft (its own checks,
its own sign-off).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.accounts.kinds import AccountKind, parse_kind
from core.accounts.usable import ensure_account_usable
from core.audit.canonical import sha256_hex
from core.checks.config import CheckConfig
from core.errors import Conflict, InvalidInput
from core.i18n import tr
from core.organization.profile import OrganizationProfile
from core.organization.roles import Role
from core.platforms.facts import Platform
from core.services.accounts import AccountInfo, draftable_accounts
from core.services.base import Service, organization_row
from core.services.drafts import _clean, _start_draft
from core.services.organization import profile_of
from core.services.validation import aware_datetime
from core.storage.engine import Store
from core.storage.models import DraftTemplate, OfficialAccount, PostTemplate
from core.templates.model import (
    TemplateCategory,
    TemplateCheck,
    TemplateContent,
    check_template,
    refuse_if_blocking,
    validated,
)
from core.templates.placeholders import Placeholder, clean_value, fill, missing
from core.templates.starter import starter_templates


@dataclass(frozen=True)
class TemplateInfo:
    id: int
    content: TemplateContent
    revision: int
    flags: tuple[str, ...]
    starter_key: str | None
    updated_at: datetime
    retired: bool


@dataclass(frozen=True)
class SavedTemplate:
    id: int
    revision: int
    check: TemplateCheck


@dataclass(frozen=True)
class DraftOrigin:
    """Where a draft came from: the template (as it is now named), the revision used and the values given."""

    template_id: int
    name: str
    revision: int
    values: dict[str, str]


def _content(row: PostTemplate) -> TemplateContent:
    return TemplateContent(
        name=row.name,
        title=row.title,
        text=row.text,
        category=TemplateCategory(row.category),
        platforms=tuple(Platform.parse(p) for p in row.platforms or ()),
        account_kinds=tuple(AccountKind(k) for k in row.account_kinds or ()),
        clauses=tuple(row.clauses or ()),
        note=row.note,
    )


def _info(row: PostTemplate) -> TemplateInfo:
    return TemplateInfo(
        row.id,
        _content(row),
        row.revision,
        tuple(row.flags or ()),
        row.starter_key,
        row.updated_at,
        row.retired_at is not None,
    )


def _checked(session: Session, content: TemplateContent) -> tuple[TemplateContent, TemplateCheck]:
    content = validated(content)
    profile: OrganizationProfile = profile_of(session)
    check = check_template(content, profile, CheckConfig.from_json(organization_row(session).check_config))
    refuse_if_blocking(check)
    return content, check


def _apply(row: PostTemplate, content: TemplateContent, check: TemplateCheck) -> None:
    row.name = content.name
    row.title = content.title
    row.text = content.text
    row.category = content.category.value
    row.platforms = [p.value for p in content.platforms]
    row.account_kinds = [k.value for k in content.account_kinds]
    row.clauses = list(content.clauses)
    row.note = content.note
    row.flags = list(check.flags)


def _payload(row: PostTemplate) -> dict[str, Any]:
    return {
        "template_id": row.id,
        "revision": row.revision,
        "name": row.name,
        "title": row.title,
        "text": row.text,
        "category": row.category,
        "platforms": list(row.platforms),
        "account_kinds": list(row.account_kinds),
        "clauses": list(row.clauses),
        "flags": list(row.flags),
        "starter_key": row.starter_key,
    }


class TemplateService(Service):
    def create(self, content: TemplateContent, *, starter_key: str | None = None) -> SavedTemplate:
        with self.store.write() as session:
            staff = self.authorize(session, Role.ADMINISTRATOR)
            content, check = _checked(session, content)
            now = self.store.now()
            row = PostTemplate(
                created_by_id=staff.id, created_at=now, updated_at=now, revision=1, starter_key=starter_key
            )
            _apply(row, content, check)
            session.add(row)
            session.flush()
            self.record(session, "template.created", _payload(row))
            return SavedTemplate(row.id, row.revision, check)

    def update(self, template_id: int, revision: int, content: TemplateContent) -> SavedTemplate:
        """Change a template; drafts already made from it keep their text (and the revision they used)."""
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            row: PostTemplate = self.get_locked(session, PostTemplate, template_id, tr("Template"))
            if row.retired_at is not None:
                raise Conflict(tr("This template was retired; add a new one instead."))
            if row.revision != revision:
                raise Conflict(tr("Someone else changed this template. Reload it and try again."))
            content, check = _checked(session, content)
            _apply(row, content, check)
            row.revision += 1
            row.updated_at = self.store.now()
            session.flush()
            self.record(session, "template.updated", _payload(row))
            return SavedTemplate(row.id, row.revision, check)

    def retire(self, template_id: int) -> None:
        """No longer offered to operators; kept, because drafts name it."""
        with self.store.write() as session:
            self.authorize(session, Role.ADMINISTRATOR)
            row: PostTemplate = self.get_locked(session, PostTemplate, template_id, tr("Template"))
            if row.retired_at is not None:
                raise Conflict(tr("This template is already retired."))
            row.retired_at = self.store.now()
            self.record(session, "template.retired", {"template_id": row.id, "name": row.name})

    def add_starters(self) -> list[int]:
        """Add the shipped starter templates the library does not have yet (each checked, each audited)."""
        with self.store.read() as session:
            present = set(
                session.scalars(select(PostTemplate.starter_key).where(PostTemplate.starter_key.is_not(None)))
            )
        return [self.create(s.content, starter_key=s.key).id for s in starter_templates() if s.key not in present]

    def create_draft(
        self,
        template_id: int,
        account_id: int,
        values: Mapping[Placeholder, str],
        *,
        scheduled_at: datetime | None = None,
    ) -> int:
        """A new working draft for ``account_id`` from the template, every placeholder filled."""
        scheduled_at = aware_datetime(scheduled_at, tr("Scheduled time"))
        with self.store.write() as session:
            staff = self.authorize(session, Role.OPERATOR)
            row: PostTemplate = self.get_or_404(session, PostTemplate, template_id, tr("Template"))
            if row.retired_at is not None:
                raise Conflict(tr("This template was retired and is no longer offered."))
            account: OfficialAccount = self.get_or_404(session, OfficialAccount, account_id, tr("Account"))
            ensure_account_usable(session, account)
            content = _content(row)
            if not content.applies_to(Platform.parse(account.platform), parse_kind(account.kind)):
                raise InvalidInput(
                    tr("This template is not meant for this account ({scope}).").format(scope=content.scope_label())
                )
            left = tuple(dict.fromkeys(missing(content.title, values) + missing(content.text, values)))
            if left:
                raise InvalidInput(
                    tr("Fill in every placeholder first: {fields}.").format(fields=tr(", ").join(p.label for p in left))
                )
            text = _clean(fill(content.text, values))
            title = fill(content.title, values)[:200]
            used = {p.value: clean_value(p, values[p]) for p in content.placeholders}
            draft = _start_draft(
                session, staff, account_id=account.id, title=title, text=text, media=[], scheduled_at=scheduled_at
            )
            session.add(
                DraftTemplate(
                    draft_id=draft.id,
                    template_id=row.id,
                    template_revision=row.revision,
                    values=used,
                    created_at=self.store.now(),
                )
            )
            self.record(
                session,
                "draft.created",
                {
                    "draft_id": draft.id,
                    "account_id": account.id,
                    "text_sha256": sha256_hex(draft.text),
                    "template_id": row.id,
                    "template_revision": row.revision,
                    "values": used,
                },
            )
            return draft.id


def list_templates(store: Store, *, include_retired: bool = False) -> list[TemplateInfo]:
    query = select(PostTemplate).order_by(PostTemplate.category, PostTemplate.name, PostTemplate.id)
    if not include_retired:
        query = query.where(PostTemplate.retired_at.is_(None))
    with store.read() as session:
        return [_info(row) for row in session.scalars(query)]


def templates_for_account(store: Store, account_id: int) -> list[TemplateInfo]:
    """The active templates offered for a draft on ``account_id`` (its platform and kind)."""
    with store.read() as session:
        account = session.get(OfficialAccount, account_id)
        if account is None:
            return []
        platform, kind = Platform.parse(account.platform), parse_kind(account.kind)
    return [t for t in list_templates(store) if t.content.applies_to(platform, kind)]


def get_template(store: Store, template_id: int) -> TemplateInfo | None:
    with store.read() as session:
        row = session.get(PostTemplate, template_id)
        return _info(row) if row is not None else None


def origin_of_draft(store: Store, draft_id: int) -> DraftOrigin | None:
    with store.read() as session:
        found = session.execute(
            select(DraftTemplate, PostTemplate.name)
            .join(PostTemplate, PostTemplate.id == DraftTemplate.template_id)
            .where(DraftTemplate.draft_id == draft_id)
        ).first()
        if found is None:
            return None
        link, name = found
        return DraftOrigin(link.template_id, name, link.template_revision, dict(link.values))


def checking_inputs(store: Store) -> tuple[OrganizationProfile, CheckConfig]:
    """What the picker's live check needs (read once when it opens)."""
    with store.read() as session:
        return profile_of(session), CheckConfig.from_json(organization_row(session).check_config)


@dataclass(frozen=True)
class DraftingInputs:
    """What a dialog that makes drafts outside the composer (定型文, 一括作成) opens on: read before it opens."""

    #: The accounts a new draft may be made for (:func:`core.services.accounts.draftable_accounts`).
    accounts: tuple[AccountInfo, ...]
    profile: OrganizationProfile
    config: CheckConfig
    #: The template library (only when asked for: the 一括作成 dialog has no use for it).
    templates: tuple[TemplateInfo, ...] = ()


def drafting_inputs(store: Store, *, templates: bool = False) -> DraftingInputs:
    profile, config = checking_inputs(store)
    return DraftingInputs(
        accounts=tuple(draftable_accounts(store)),
        profile=profile,
        config=config,
        templates=tuple(list_templates(store)) if templates else (),
    )
