"""SQLAlchemy models. One schema for SQLite and PostgreSQL; changes go through Alembic.

Enums are stored as their string values (no native ENUM types) so that a new
state is a code change, not a type migration, on both databases. Times are
timezone-aware UTC. JSON columns hold small lists (domains, media items).

No ``from __future__ import annotations`` here: with it every ``Mapped[...]`` is a string that
SQLAlchemy evaluates again at import, some 20 ms of each start (issue 21). A class used before
its definition is named in quotes.
"""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Computed,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    func,
    literal_column,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.sql.expression import ColumnElement

# Deterministic constraint names keep Alembic migrations identical on both databases.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on both databases (SQLite would hand back naive ones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime written to the database; use datetime.now(UTC)")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        datetime: UTCDateTime(),
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


class Organization(Base):
    """The single organization this database belongs to (row id 1)."""

    __tablename__ = "organization"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    own_domains: Mapped[list[Any]] = mapped_column(default=list)
    public_phones: Mapped[list[Any]] = mapped_column(default=list)
    public_emails: Mapped[list[Any]] = mapped_column(default=list)
    postal_addresses: Mapped[list[Any]] = mapped_column(default=list)
    # What the checks read besides the own contacts (issue 19): other bodies' public contacts,
    # own accounts on other platforms, place names, officials in their public role.
    partner_contacts: Mapped[list[Any]] = mapped_column(default=list, server_default="[]")
    own_channels: Mapped[list[Any]] = mapped_column(default=list, server_default="[]")
    place_names: Mapped[list[Any]] = mapped_column(default=list, server_default="[]")
    officials: Mapped[list[Any]] = mapped_column(default=list, server_default="[]")
    account_id_pattern: Mapped[str | None] = mapped_column(String(200))
    check_config: Mapped[dict[str, Any]] = mapped_column(default=dict)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    # joso:6(1): passwords are changed periodically; 0 turns the reminder off.
    rotation_interval_days: Mapped[int] = mapped_column(Integer, default=180, server_default="180")
    # joso:6 / wako:4 緊急時: may an emergency post go out before approval (事後承認)?
    emergency_publish_before_approval: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    post_review_hours: Mapped[int] = mapped_column(Integer, default=24, server_default="24")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # 全停止: while set, no scheduled post goes out (a disaster, a tragedy, an incident).
    paused_at: Mapped[datetime | None] = mapped_column()
    paused_by_id: Mapped[int | None] = mapped_column(Integer)
    pause_reason: Mapped[str | None] = mapped_column(Text)
    # 文書番号: the organization's prefix (「見本広」 in 「見本広第12号」).
    document_prefix: Mapped[str] = mapped_column(String(50), default="", server_default="")
    # An account's life (resources/rules/account_lifecycle.toml). None: the guideline's sections
    # to consult before opening (wako 運用開始の留意点, joso:3(2)).
    consult_sections: Mapped[list[Any] | None] = mapped_column(JSON, nullable=True)
    review_interval_days: Mapped[int] = mapped_column(Integer, default=365, server_default="365")
    withdrawal_notice_days: Mapped[int] = mapped_column(Integer, default=30, server_default="30")
    # "block": an overdue periodic password change stops posting; "remind": it is only shown.
    rotation_overdue: Mapped[str] = mapped_column(String(16), default="block", server_default="block")


class Department(Base):
    __tablename__ = "department"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    code: Mapped[str | None] = mapped_column(String(64), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Staff(Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    display_name: Mapped[str] = mapped_column(String(200))
    # Stored case-folded: Windows logins are case-insensitive.
    os_login: Mapped[str] = mapped_column(String(200), unique=True)
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Where notifications go (issue 18); mail_mode is a core.notify.kinds.MailMode value.
    email: Mapped[str | None] = mapped_column(String(320))
    mail_mode: Mapped[str] = mapped_column(String(16), default="immediate", server_default="immediate")

    department: Mapped[Department | None] = relationship(lazy="joined")
    role_rows: Mapped[list["StaffRole"]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", back_populates="staff"
    )


class StaffRole(Base):
    __tablename__ = "staff_role"

    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(32), primary_key=True)

    staff: Mapped[Staff] = relationship(back_populates="role_rows")


class OfficialAccount(Base):
    __tablename__ = "official_account"
    __table_args__ = (UniqueConstraint("platform", "handle"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(32))
    handle: Mapped[str] = mapped_column(String(200))
    display_name: Mapped[str] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(500))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("department.id"))
    status: Mapped[str] = mapped_column(String(32), default="preparing")
    verified: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # The operating policy, one entry per joso:3(3) item ア–セ (keys "a" … "se").
    policy: Mapped[dict[str, Any]] = mapped_column(default=dict)
    filed_at: Mapped[datetime | None] = mapped_column()
    filed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    # wako:5-カ / joso:6(1): set when staff leave the account; posting waits for a new credential.
    rotation_required: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    rotation_reason: Mapped[str | None] = mapped_column(Text)
    password_changed_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # joso:6(4) 乗っ取り: a locked account posts nothing (app, scheduler, publish-due) until unlocked.
    locked_at: Mapped[datetime | None] = mapped_column()
    lock_reason: Mapped[str | None] = mapped_column(Text)
    lock_incident_id: Mapped[int | None] = mapped_column(Integer)
    # joso:3(1): "official" (組合/市 公式, run by the PR section) or "field" (分野別, run by the department).
    kind: Mapped[str] = mapped_column(String(16), default="official", server_default="official")
    opened_at: Mapped[datetime | None] = mapped_column()
    # joso:7(1): the next continuation review.
    review_due_at: Mapped[datetime | None] = mapped_column()
    # joso:7(2): 撤退 — announced until withdrawal_ends_at (運用停止予定), or stopped at once with a reason.
    withdrawal_started_at: Mapped[datetime | None] = mapped_column()
    withdrawal_ends_at: Mapped[datetime | None] = mapped_column()
    withdrawal_reason: Mapped[str | None] = mapped_column(Text)
    withdrawal_immediate: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    withdrawal_notice_draft_id: Mapped[int | None] = mapped_column(Integer)
    deleted_at: Mapped[datetime | None] = mapped_column()
    deletion_method: Mapped[str | None] = mapped_column(String(16))

    department: Mapped[Department | None] = relationship(lazy="joined")


class AccountConsultation(Base):
    """A consultation with a section before the account opens (wako 運用開始の留意点, joso:3(2)).

    Append-only: a later consultation with the same section supersedes an earlier one.
    """

    __tablename__ = "account_consultation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("official_account.id"), index=True)
    section: Mapped[str] = mapped_column(String(200))
    consulted_at: Mapped[datetime] = mapped_column()
    counterpart: Mapped[str] = mapped_column(String(200))
    outcome: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


class AccountReview(Base):
    """A continuation review (joso:7(1) ア–エ) with the facts KohoGate had. Append-only."""

    __tablename__ = "account_review"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("official_account.id"), index=True)
    period_start: Mapped[datetime] = mapped_column()
    period_end: Mapped[datetime] = mapped_column()
    posts: Mapped[int] = mapped_column(Integer)
    last_post_at: Mapped[datetime | None] = mapped_column()
    incidents: Mapped[int] = mapped_column(Integer)
    inbound: Mapped[int | None] = mapped_column(Integer)
    # Criterion key → the reviewer's note, for each ア–エ found to apply.
    criteria: Mapped[dict[str, Any]] = mapped_column(default=dict)
    decision: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    reviewed_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    reviewed_at: Mapped[datetime] = mapped_column(default=utcnow)
    next_due_at: Mapped[datetime | None] = mapped_column()


class AccountStaff(Base):
    """Named staff of an account: 運用管理者 (manager), 運用責任者 (responsible), 担当者 (operator)."""

    __tablename__ = "account_staff"

    account_id: Mapped[int] = mapped_column(ForeignKey("official_account.id"), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), primary_key=True)
    duty: Mapped[str] = mapped_column(String(32), primary_key=True)
    assigned_at: Mapped[datetime] = mapped_column(default=utcnow)


class Draft(Base):
    """The working copy an operator edits; submissions freeze a :class:`DraftVersion`."""

    __tablename__ = "draft"
    # Keyset pagination (core/services/drafts.py): every order the list offers walks an index ending in id.
    __table_args__ = (
        Index("ix_draft_account_id_id", "account_id", "id"),
        Index("ix_draft_author_id_id", "author_id", "id"),
        Index("ix_draft_state_id", "state", "id"),
        Index("ix_draft_title_id", "title", "id"),
        Index("ix_draft_text_head_id", func.substr(literal_column("text"), 1, 120), "id"),
        Index("ix_draft_scheduled_at_id", "scheduled_at", "id"),
        Index("ix_draft_created_at_id", "created_at", "id"),
        Index("ix_draft_updated_at_id", "updated_at", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("official_account.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    last_editor_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    state: Mapped[str] = mapped_column(String(32), default="draft")
    title: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    media: Mapped[list[Any]] = mapped_column(default=list)
    scheduled_at: Mapped[datetime | None] = mapped_column()
    emergency: Mapped[bool] = mapped_column(Boolean, default=False)
    emergency_reason: Mapped[str | None] = mapped_column(Text)
    # The category of information (wako:5-conduct 情報の範囲): an exception device posts only its own.
    category: Mapped[str] = mapped_column(String(32), default="general", server_default="general")
    # {finding key: {"reason", "staff_id", "at"}} for acknowledged `confirm` findings.
    acknowledgements: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # {confirmation id: {"staff_id", "at"}} for ticked guideline confirmations.
    confirmations: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # A correction (訂正, wako:5-キ) points at the publication it corrects.
    corrects_publication_id: Mapped[int | None] = mapped_column(
        ForeignKey("publication.id", use_alter=True, name="fk_draft_corrects_publication_id_publication")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Optimistic locking: every update checks and bumps it.
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    account: Mapped[OfficialAccount] = relationship(lazy="joined")
    author: Mapped[Staff] = relationship(foreign_keys=[author_id], lazy="joined")
    versions: Mapped[list["DraftVersion"]] = relationship(
        back_populates="draft", order_by="DraftVersion.number", lazy="selectin"
    )


class DraftContributor(Base):
    """Everyone who ever created, edited or submitted a draft (append-only).

    Separation of duties must not depend on who happened to save last: a
    supervisor who edited an early revision is barred from approving any
    later one of the same draft.
    """

    __tablename__ = "draft_contributor"

    draft_id: Mapped[int] = mapped_column(ForeignKey("draft.id"), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), primary_key=True)
    first_at: Mapped[datetime] = mapped_column(default=utcnow)


class DraftVersion(Base):
    """An immutable submitted version (the database refuses updates and deletes)."""

    __tablename__ = "draft_version"
    __table_args__ = (
        UniqueConstraint("draft_id", "number"),
        # Target of the review's composite key: a review names the real author/editor.
        UniqueConstraint("id", "author_id", "last_editor_id", name="author_editor"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("draft.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    account_id: Mapped[int] = mapped_column(ForeignKey("official_account.id"))
    platform: Mapped[str] = mapped_column(String(32))
    #: The title when submitted (empty for versions from before 0012: the draft's is shown then).
    title: Mapped[str] = mapped_column(String(200), default="", server_default="")
    text: Mapped[str] = mapped_column(Text)
    media: Mapped[list[Any]] = mapped_column(default=list)
    scheduled_at: Mapped[datetime | None] = mapped_column()
    author_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    last_editor_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    submitted_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    content_hash: Mapped[str] = mapped_column(String(64))
    # What the supervisor sees: the check results, acknowledgements and ticks at submission.
    findings: Mapped[list[Any]] = mapped_column(default=list)
    acknowledgements: Mapped[dict[str, Any]] = mapped_column(default=dict)
    confirmations: Mapped[dict[str, Any]] = mapped_column(default=dict)
    emergency: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    emergency_reason: Mapped[str | None] = mapped_column(Text)
    # The draft's category as submitted (the publish gate reads it from here: versions do not change).
    category: Mapped[str] = mapped_column(String(32), default="general", server_default="general")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    draft: Mapped[Draft] = relationship(back_populates="versions")


class Review(Base):
    """A supervisor's decision on one version. One decision per version.

    ``author_id`` and ``last_editor_id`` are copied from the version and tied to
    it by a composite foreign key, so the CHECK constraint below enforces
    separation of duties in the database itself, not only in the service.
    """

    __tablename__ = "review"
    __table_args__ = (
        UniqueConstraint("version_id"),
        ForeignKeyConstraint(
            ["version_id", "author_id", "last_editor_id"],
            ["draft_version.id", "draft_version.author_id", "draft_version.last_editor_id"],
            name="fk_review_version_author_editor",
        ),
        CheckConstraint("reviewer_id <> author_id AND reviewer_id <> last_editor_id", name="not_own_draft"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(Integer, index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    last_editor_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    decision: Mapped[str] = mapped_column(String(32))
    comment: Mapped[str] = mapped_column(Text, default="")
    content_hash: Mapped[str] = mapped_column(String(64))
    # Ed25519 signature (base64) by the reviewer's registered key over the canonical decision.
    signature: Mapped[str | None] = mapped_column(Text)
    signing_key_id: Mapped[int | None] = mapped_column(ForeignKey("signing_key.id"))
    # Set when a deputy (代理) decided for an absent supervisor.
    deputy_for_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    # True for an after-the-fact review (事後承認) of an emergency post.
    after_publication: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    reviewer: Mapped[Staff] = relationship(foreign_keys=[reviewer_id], lazy="joined")


class SigningKey(Base):
    """A supervisor's or administrator's Ed25519 public key; the private half stays in their OS keyring."""

    __tablename__ = "signing_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    public_key: Mapped[str] = mapped_column(String(100))
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    registered_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column()
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    # An administrator's signature over the registration (core/terminals/trust.py), and that
    # administrator's public key: a terminal trusts the key only if the endorser is pinned on it.
    endorsement: Mapped[str | None] = mapped_column(Text)
    endorser_key: Mapped[str | None] = mapped_column(String(100))


class Deputy(Base):
    """An administrator names a deputy (代理) to decide for an absent supervisor for a period."""

    __tablename__ = "deputy"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    supervisor_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    deputy_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    starts_at: Mapped[datetime] = mapped_column()
    ends_at: Mapped[datetime] = mapped_column()
    reason: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column()


class Terminal(Base):
    """A workstation that has started KohoGate; posting needs an approved one."""

    __tablename__ = "terminal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(64), unique=True)
    hostname: Mapped[str] = mapped_column(String(255))
    os_user: Mapped[str] = mapped_column(String(200))
    machine_id: Mapped[str | None] = mapped_column(String(200))
    public_key: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(32), default="pending")
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Approval (wako:5 端末, joso:6(2)): which accounts, until when, and on what grounds.
    scope_all: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    scope_account_ids: Mapped[list[Any]] = mapped_column(default=list)
    expires_at: Mapped[datetime | None] = mapped_column()
    kind: Mapped[str] = mapped_column(String(32), default="regular", server_default="regular")
    exception_reason: Mapped[str | None] = mapped_column(Text)
    information_scope: Mapped[str | None] = mapped_column(Text)
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    approved_at: Mapped[datetime | None] = mapped_column()
    # The categories of information an exception device may post (wako:5-conduct 情報の範囲); [] = any.
    information_categories: Mapped[list[Any] | None] = mapped_column(default=list)
    # The approving administrator's signature over the approval (core/terminals/trust.py).
    endorsement: Mapped[str | None] = mapped_column(Text)
    endorser_key: Mapped[str | None] = mapped_column(String(100))


class TerminalConsent(Base):
    """The account's 所属長 / 運用責任者 agrees to an exception device posting to it (joso:6(2), wako:5-conduct).

    ``approval_at`` is the terminal approval agreed to: a new approval (scope, expiry,
    categories) needs a new agreement. ``revoked_at`` withdraws it.
    """

    __tablename__ = "terminal_consent"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminal.id"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("official_account.id"))
    approval_at: Mapped[datetime] = mapped_column()
    consented_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    duty: Mapped[str] = mapped_column(String(32))
    consented_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column()


class Credential(Base):
    """Which terminal holds a credential for which account. The secret itself is only in that OS keyring."""

    __tablename__ = "credential"
    __table_args__ = (UniqueConstraint("terminal_id", "account_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    terminal_id: Mapped[int] = mapped_column(ForeignKey("terminal.id"))
    account_id: Mapped[int] = mapped_column(ForeignKey("official_account.id"))
    set_at: Mapped[datetime] = mapped_column(default=utcnow)
    set_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    removed_at: Mapped[datetime | None] = mapped_column()


class MediaBlob(Base):
    """Media as it will be uploaded (EXIF stripped, redacted), addressed by its SHA-256.

    In the database rather than a folder so that every workstation on a shared
    PostgreSQL server sees the same files, and the approval hash covers bytes
    nobody can swap underneath it.
    """

    __tablename__ = "media_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    mime: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Publication(Base):
    """An attempt to publish an approved version (the outbox row)."""

    __tablename__ = "publication"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("draft_version.id"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("official_account.id"))
    terminal_id: Mapped[int | None] = mapped_column(ForeignKey("terminal.id"))
    state: Mapped[str] = mapped_column(String(32), default="pending")
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    platform_post_id: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column()
    # Emergency posts published before approval must be reviewed by this time.
    post_review_due_at: Mapped[datetime | None] = mapped_column()
    # The outbox (no double posts): written before the platform call, updated after.
    platform: Mapped[str] = mapped_column(String(32), default="", server_default="")
    manual: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_error: Mapped[str | None] = mapped_column(Text)
    # The ErrorKind of the last failure; permanent kinds stop the scheduler retrying.
    last_error_kind: Mapped[str | None] = mapped_column(String(32))
    last_attempt_at: Mapped[datetime | None] = mapped_column()
    # Scheduled posting: due at, and the end of the window after which it is reported instead of sent.
    due_at: Mapped[datetime | None] = mapped_column(index=True)
    window_ends_at: Mapped[datetime | None] = mapped_column()
    deleted_at: Mapped[datetime | None] = mapped_column()


class DeletionRequest(Base):
    """A request to delete a published post (wako:5-キ, joso:4(5)); a supervisor decides."""

    __tablename__ = "deletion_request"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    publication_id: Mapped[int] = mapped_column(ForeignKey("publication.id"), index=True)
    state: Mapped[str] = mapped_column(String(32), default="requested")
    reason: Mapped[str] = mapped_column(Text)
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    decided_at: Mapped[datetime | None] = mapped_column()
    decision_comment: Mapped[str] = mapped_column(Text, default="")
    executed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    executed_at: Mapped[datetime | None] = mapped_column()
    executed_manually: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class Incident(Base):
    """Something that happened after posting: impersonation, a hijack, threats, 炎上, a wrong post."""

    __tablename__ = "incident"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    severity: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16), default="open", index=True)
    discovered_at: Mapped[datetime] = mapped_column()
    discovered_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column()
    row_version: Mapped[int] = mapped_column(Integer, default=1)


class IncidentAccount(Base):
    """The official accounts an incident concerns."""

    __tablename__ = "incident_account"

    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id"), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("official_account.id"), primary_key=True)


class IncidentStep(Base):
    """One entry of an incident's timeline. Append-only (database triggers)."""

    __tablename__ = "incident_step"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column()
    counterpart: Mapped[str] = mapped_column(String(200), default="")
    reference: Mapped[str] = mapped_column(String(500), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


class IncidentEvidence(Base):
    """A captured URL, text or file, addressed by the SHA-256 of its bytes. Append-only (database triggers)."""

    __tablename__ = "incident_evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(200), default="")
    url: Mapped[str] = mapped_column(String(2000), default="")
    filename: Mapped[str] = mapped_column(String(255), default="")
    mime: Mapped[str] = mapped_column(String(100), default="text/plain")
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


class InboundCursor(Base):
    """Where reading an account's replies stopped (one row per account; the cursor is the reader's own)."""

    __tablename__ = "inbound_cursor"

    account_id: Mapped[int] = mapped_column(ForeignKey("official_account.id"), primary_key=True)
    cursor: Mapped[str | None] = mapped_column(String(300))
    read_at: Mapped[datetime | None] = mapped_column()
    # A rate limit asked to wait: no read of this account before this time.
    resume_after: Mapped[datetime | None] = mapped_column()
    last_outcome: Mapped[str] = mapped_column(String(32), default="")


class InboundItem(Base):
    """A reply, mention, quote or comment read from a platform, with its triage. Residents' personal data:
    purged after the organization's retention period (``inbound_settings``)."""

    __tablename__ = "inbound_item"
    __table_args__ = (UniqueConstraint("account_id", "platform_item_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("official_account.id"), index=True)
    platform_item_id: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(16))
    author_id: Mapped[str] = mapped_column(String(300), default="")
    author_handle: Mapped[str] = mapped_column(String(300), default="")
    author_name: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(String(2000), default="")
    posted_at: Mapped[datetime | None] = mapped_column()
    received_at: Mapped[datetime] = mapped_column(index=True)
    in_reply_to: Mapped[str] = mapped_column(String(300), default="")
    root: Mapped[str] = mapped_column(String(300), default="")
    ref: Mapped[str] = mapped_column(String(200), default="")
    parent_text: Mapped[str] = mapped_column(Text, default="")
    level: Mapped[str] = mapped_column(String(16), index=True)
    matches: Mapped[list[Any]] = mapped_column(default=list)
    state: Mapped[str] = mapped_column(String(16), default="open", index=True)
    handled_at: Mapped[datetime | None] = mapped_column()
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incident.id"))
    reply_draft_id: Mapped[int | None] = mapped_column(ForeignKey("draft.id"))


class InboundAction(Base):
    """What a person did about an item, with the reason (kept and purged with the item)."""

    __tablename__ = "inbound_action"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("inbound_item.id"), index=True)
    action: Mapped[str] = mapped_column(String(16))
    by_hand: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(Text, default="")
    evidence_sha256: Mapped[str | None] = mapped_column(String(64))
    done_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    done_at: Mapped[datetime] = mapped_column()


class InboundEvidence(Base):
    """The item as it was (text, author, URL, time; canonical JSON) before it was hidden or deleted."""

    __tablename__ = "inbound_evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("inbound_item.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    recorded_at: Mapped[datetime] = mapped_column()


class InboundSettings(Base):
    """The organization's inbound settings (row id 1): retention and the 炎上 threshold."""

    __tablename__ = "inbound_settings"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    retention_days: Mapped[int] = mapped_column(Integer, default=365)
    spike_factor: Mapped[float] = mapped_column(default=3.0)
    spike_min_per_hour: Mapped[int] = mapped_column(Integer, default=20)
    spike_flagged_share: Mapped[float] = mapped_column(default=0.3)


class InboundSpike(Base):
    """One 炎上 episode of an account: from the hour it crossed the threshold until it calmed down."""

    __tablename__ = "inbound_spike"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("official_account.id"), index=True)
    started_at: Mapped[datetime] = mapped_column()
    ended_at: Mapped[datetime | None] = mapped_column()
    peak_per_hour: Mapped[int] = mapped_column(Integer, default=0)
    baseline_per_hour: Mapped[float] = mapped_column(default=0.0)
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incident.id"))


class RecordNumber(Base):
    """A draft's 文書番号, given at its first submission (起案); append-only (database triggers)."""

    __tablename__ = "record_number"
    __table_args__ = (UniqueConstraint("fiscal_year", "seq"),)

    draft_id: Mapped[int] = mapped_column(ForeignKey("draft.id"), primary_key=True)
    fiscal_year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(120))
    assigned_at: Mapped[datetime] = mapped_column(default=utcnow)


class DraftEditSession(Base):
    """The running tally of one person's autosaves on one draft (coalesced into a few audit entries)."""

    __tablename__ = "draft_edit_session"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("draft.id"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    terminal: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime] = mapped_column()
    last_saved_at: Mapped[datetime] = mapped_column()
    last_recorded_at: Mapped[datetime] = mapped_column()
    saves: Mapped[int] = mapped_column(Integer, default=0)
    # Saves and changed fields since the session's last audit entry.
    unrecorded: Mapped[int] = mapped_column(Integer, default=0)
    changed: Mapped[list[Any]] = mapped_column(default=list)
    ended_at: Mapped[datetime | None] = mapped_column()


class IncidentSuspect(Base):
    """An account that poses as one of ours (なりすまし): what the platform report and the notice name. Append-only."""

    __tablename__ = "incident_suspect"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id"), index=True)
    platform: Mapped[str] = mapped_column(String(32))
    handle: Mapped[str] = mapped_column(String(200))
    display_name: Mapped[str] = mapped_column(String(200), default="")
    url: Mapped[str] = mapped_column(String(2000), default="")
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)


class IncidentDraft(Base):
    """A warning post prepared from an incident; the draft goes through sign-off like any other. Append-only."""

    __tablename__ = "incident_draft"

    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id"), primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("draft.id"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class MailSettings(Base):
    """The organization's SMTP server (row id 1). The password is in the sending terminal's OS keyring."""

    __tablename__ = "mail_settings"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    host: Mapped[str] = mapped_column(String(255))
    port: Mapped[int] = mapped_column(Integer)
    security: Mapped[str] = mapped_column(String(16))
    sender: Mapped[str] = mapped_column(String(320))
    username: Mapped[str] = mapped_column(String(320), default="", server_default="")
    # A city's internal CA, trusted in addition to the system's (path on the sending terminal).
    ca_file: Mapped[str] = mapped_column(String(1000), default="", server_default="")
    digest_hour: Mapped[int] = mapped_column(Integer, default=8, server_default="8")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class Notification(Base):
    """One person to be told of one event: the durable outbox, written with the event's audit entry."""

    __tablename__ = "notification"
    __table_args__ = (Index("ix_notification_state", "state", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    audit_seq: Mapped[int | None] = mapped_column(Integer)
    # What the mail says, as plain facts (ids, a title, a document number): never a secret or media.
    facts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Events that are found rather than recorded (an overdue review) are told once per key.
    dedupe_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    digest: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    state: Mapped[str] = mapped_column(String(16), default="pending", server_default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    next_attempt_at: Mapped[datetime] = mapped_column()
    claimed_at: Mapped[datetime | None] = mapped_column()
    sent_at: Mapped[datetime | None] = mapped_column()
    last_error_kind: Mapped[str | None] = mapped_column(String(32))


class NotificationAttempt(Base):
    """One try at delivering a notification: when, from which terminal, the outcome and the error's kind."""

    __tablename__ = "notification_attempt"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notification_id: Mapped[int] = mapped_column(ForeignKey("notification.id"), index=True)
    attempted_at: Mapped[datetime] = mapped_column()
    terminal: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(16))
    error_kind: Mapped[str | None] = mapped_column(String(32))


class PostTemplate(Base):
    """定型文: a template of the organization's library (placeholders filled when a draft is made from it).

    Edited in place (``revision`` counts the changes, the audit entries keep each
    text); retired rather than deleted, because drafts name the template they came from.
    """

    __tablename__ = "post_template"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(32))
    platforms: Mapped[list[Any]] = mapped_column(default=list)
    account_kinds: Mapped[list[Any]] = mapped_column(default=list)
    clauses: Mapped[list[Any]] = mapped_column(default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    # Rule ids of the findings that do not block, from the check when it was last saved.
    flags: Mapped[list[Any]] = mapped_column(default=list)
    starter_key: Mapped[str | None] = mapped_column(String(100))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column()


class DraftTemplate(Base):
    """Which template (and which revision of it, with which values) a draft was made from. Append-only."""

    __tablename__ = "draft_template"

    draft_id: Mapped[int] = mapped_column(ForeignKey("draft.id"), primary_key=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("post_template.id"), index=True)
    template_revision: Mapped[int] = mapped_column(Integer)
    values: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class DraftGroup(Base):
    """一括作成: one message composed once for several accounts (one draft per account)."""

    __tablename__ = "draft_group"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column()


class DraftGroupMember(Base):
    """A draft of a group; a draft belongs to at most one group. Append-only."""

    __tablename__ = "draft_group_member"

    draft_id: Mapped[int] = mapped_column(ForeignKey("draft.id"), primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("draft_group.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)


class _CanonField(ColumnElement[str]):
    """Field ``index`` of an audit entry's canonical JSON array (``canon``), in each dialect's words."""

    inherit_cache = True

    def __init__(self, index: int) -> None:
        self.index = index


@compiles(_CanonField, "sqlite")
def _canon_field_sqlite(element: _CanonField, compiler: Any, **kw: Any) -> str:
    return f"json_extract(canon, '$[{element.index}]')"


@compiles(_CanonField, "postgresql")
def _canon_field_postgresql(element: _CanonField, compiler: Any, **kw: Any) -> str:
    return f"(canon::json ->> {element.index})"


def _canon_field(index: int) -> Any:
    # VIRTUAL on SQLite (nothing stored that could disagree with the bytes); PostgreSQL 15 has only STORED.
    return mapped_column(Text, Computed(_CanonField(index), persisted=None), nullable=False)


class AuditEntry(Base):
    """One link of the tamper-evident record. Append-only (database triggers).

    ``canon`` holds the exact bytes that were hashed; the fields are generated from them (migration
    0023), so no field can be changed apart from what its hash covers, and the verifier reads the bytes.
    """

    __tablename__ = "audit_entry"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    canon: Mapped[str] = mapped_column(Text)
    hash: Mapped[str] = mapped_column(String(64))
    # Text, not a DateTime: the exact string is part of the hash on every database.
    # Indexed for the audit screen's person and date filters on a record of years.
    recorded_at: Mapped[str] = _canon_field(1)
    actor: Mapped[str] = _canon_field(2)
    terminal: Mapped[str] = _canon_field(3)
    event: Mapped[str] = _canon_field(4)
    payload: Mapped[str] = _canon_field(5)
    prev_hash: Mapped[str] = _canon_field(6)
    __table_args__ = (
        Index("ix_audit_entry_recorded_at", "recorded_at"),
        Index("ix_audit_entry_actor", "actor"),
        Index("ix_audit_entry_event", "event"),
    )


class AuditHead(Base):
    """The chain's head (row id 1). Locking it serialises writers on PostgreSQL."""

    __tablename__ = "audit_head"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
