"""The posting gate: may *this* terminal post to *this* account, right now?

Conditions (wako:5 端末, joso:6(1), joso:6(2)), each with its own refusal so
the person at the screen and the audit record say exactly which one failed:

1. the terminal is registered, approved (not 申請中, not revoked) and not expired;
2. the account is 運用中 (while a withdrawal is announced, only its notice post
   goes out: joso:7(2)) and within the terminal's approved scope;
   an exception device (個人情報機器) also needs the agreement of the account's
   所属長 / 運用責任者 to its current approval (joso:6(2)), and posts only the
   categories of information approved for it (wako:5-conduct 情報の範囲);
3. the account is not flagged 要パスワード変更 (staff change), and its periodic
   change is not overdue when the organization blocks on that (joso:6(1));
4. this terminal holds a credential for the account — recorded in the
   database *and* present in this terminal's OS keyring — stored after the
   latest platform password change;
5. (:func:`authorize_post`) the request is signed with the terminal key, and
   the signature verifies against the public key registered for the terminal.

Every refusal is written to the audit chain (``posting.refused``); an
authorisation is written with its signature (``posting.authorized``).

Keyring look-ups happen *before* the database transaction: a keyring may
show an unlock prompt, and no database lock should wait for a person.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.accounts.lifecycle_rules import DEFAULT_CATEGORY, lifecycle_rules
from core.accounts.rotation import overdue_under
from core.audit import chain
from core.audit.canonical import canonical_json, sha256_hex, utc_iso
from core.audit.recorder import Recorder
from core.credentials.vault import Vault, credential_name, terminal_key_name
from core.errors import PermissionDenied
from core.i18n import tr
from core.lifecycle.states import AccountStatus, TerminalStatus
from core.storage.engine import Store
from core.storage.models import Credential, DraftVersion, OfficialAccount, Organization, Terminal
from core.storage.row_cache import RowCache, cached
from core.terminals.approval import TerminalKind, categories_of, has_consent, in_scope, is_expired
from core.terminals.keys import KeyState, ensure_terminal_key, fingerprint, sign, verify


class Refusal(enum.StrEnum):
    TERMINAL_UNKNOWN = "terminal_unknown"
    TERMINAL_PENDING = "terminal_pending"
    TERMINAL_REVOKED = "terminal_revoked"
    TERMINAL_EXPIRED = "terminal_expired"
    ACCOUNT_UNKNOWN = "account_unknown"
    ACCOUNT_NOT_ACTIVE = "account_not_active"
    ACCOUNT_LOCKED = "account_locked"
    ACCOUNT_WITHDRAWING = "account_withdrawing"
    OUT_OF_SCOPE = "out_of_scope"
    EXCEPTION_NOT_AGREED = "exception_not_agreed"
    CATEGORY_OUT_OF_SCOPE = "category_out_of_scope"
    ROTATION_REQUIRED = "rotation_required"
    ROTATION_OVERDUE = "rotation_overdue"
    CREDENTIAL_MISSING = "credential_missing"
    CREDENTIAL_STALE = "credential_stale"
    KEY_MISSING = "key_missing"
    SIGNATURE_INVALID = "signature_invalid"


class PostingRefused(PermissionDenied):
    """Raised by :meth:`GateResult.raise_if_refused` and :func:`authorize_post`."""

    def __init__(self, result: GateResult) -> None:
        super().__init__(result.message)
        self.result = result


@dataclass(frozen=True)
class GateResult:
    allowed: bool
    refusal: Refusal | None = None
    message: str = ""
    details: Mapping[str, Any] = field(default_factory=dict)

    def raise_if_refused(self) -> None:
        if not self.allowed:
            raise PostingRefused(self)


@dataclass(frozen=True)
class PostingPermit:
    """A posting request signed with the terminal key (its signature is in the audit chain)."""

    terminal_uid: str
    account_id: int
    request: Mapping[str, Any]
    signed_at: str
    key_fingerprint: str
    signature: str

    def message(self) -> bytes:
        return signed_message(self.terminal_uid, self.account_id, self.request, self.signed_at)


def signed_message(terminal_uid: str, account_id: int, request: Mapping[str, Any], signed_at: str) -> bytes:
    """The exact bytes a terminal signs: canonical JSON of who, where, what and when."""
    body = {"terminal": terminal_uid, "account_id": account_id, "request": request, "signed_at": signed_at}
    return canonical_json(body).encode("utf-8")


@dataclass(frozen=True)
class _KeyringFacts:
    has_credential: bool
    private_key: str | None = None


def _message(refusal: Refusal, **values: Any) -> str:
    texts = {
        Refusal.TERMINAL_UNKNOWN: tr("This terminal is not registered; posting is refused."),
        Refusal.TERMINAL_PENDING: tr("This terminal is still awaiting approval by an administrator."),
        Refusal.TERMINAL_REVOKED: tr("The approval of this terminal was revoked."),
        Refusal.TERMINAL_EXPIRED: tr("The approval of this terminal expired on {date}."),
        Refusal.ACCOUNT_UNKNOWN: tr("The account does not exist."),
        Refusal.ACCOUNT_NOT_ACTIVE: tr("The account {handle} is not in operation (status: {status})."),
        Refusal.ACCOUNT_LOCKED: tr(
            "The account {handle} is locked (suspected hijack or incident): nothing is posted until a supervisor "
            "or administrator unlocks it."
        ),
        Refusal.ACCOUNT_WITHDRAWING: tr(
            "The account {handle} is being withdrawn (運用停止予定 {date}): only its withdrawal notice is posted."
        ),
        Refusal.OUT_OF_SCOPE: tr("This terminal is not approved for the account {handle}."),
        Refusal.EXCEPTION_NOT_AGREED: tr(
            "This exception device (personal or off-site) has no agreement from the person responsible for "
            "{handle} to its current approval (joso:6(2))."
        ),
        Refusal.CATEGORY_OUT_OF_SCOPE: tr(
            "This device is approved only for {allowed}; the draft's category is {category} (wako:5 情報の範囲)."
        ),
        Refusal.ROTATION_OVERDUE: tr(
            "The periodic password change of {handle} was due on {date} (joso:6(1)): record the password "
            "change, then store the new credential."
        ),
        Refusal.ROTATION_REQUIRED: tr(
            "The password of {handle} must be changed first (staff changed): record the password change, "
            "then store the new credential."
        ),
        Refusal.CREDENTIAL_MISSING: tr("This terminal's keyring holds no credential for {handle}."),
        Refusal.CREDENTIAL_STALE: tr(
            "The credential for {handle} on this terminal was stored before the latest password change."
        ),
        Refusal.KEY_MISSING: tr("This terminal's signing key is missing or does not match: {state}."),
        Refusal.SIGNATURE_INVALID: tr("The posting request's signature does not verify with this terminal's key."),
    }
    return texts[refusal].format(**values)


@dataclass(frozen=True)
class _Post:
    """The post being authorised (absent for a deletion): its draft and category of information."""

    draft_id: int
    category: str


def _post_of(session: Session, version_id: object) -> _Post | None:
    if isinstance(version_id, bool) or not isinstance(version_id, int):
        return None
    version = session.get(DraftVersion, version_id)
    return _Post(version.draft_id, version.category or DEFAULT_CATEGORY) if version is not None else None


Check = tuple[Refusal | None, dict[str, Any]]


def _day(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d") if moment is not None else "—"


def _terminal_check(terminal: Terminal | None, now: datetime) -> Check:
    if terminal is None:
        return Refusal.TERMINAL_UNKNOWN, {}
    if terminal.status == TerminalStatus.PENDING.value:
        return Refusal.TERMINAL_PENDING, {}
    if terminal.status != TerminalStatus.APPROVED.value:
        return Refusal.TERMINAL_REVOKED, {}
    if is_expired(terminal, now):
        assert terminal.expires_at is not None
        return Refusal.TERMINAL_EXPIRED, {"date": terminal.expires_at.astimezone().strftime("%Y-%m-%d %H:%M")}
    return None, {}


def _status_check(account: OfficialAccount, post: _Post | None, values: dict[str, Any]) -> Check:
    """Posting needs 運用中; during a withdrawal notice only the notice post (and deletions) go out."""
    if account.locked_at is not None:
        return Refusal.ACCOUNT_LOCKED, values
    if account.status == AccountStatus.ACTIVE.value:
        return None, values
    if account.status == AccountStatus.WITHDRAWAL_NOTICE.value:
        if post is None or post.draft_id == account.withdrawal_notice_draft_id:
            return None, values
        return Refusal.ACCOUNT_WITHDRAWING, {**values, "date": _day(account.withdrawal_ends_at)}
    return Refusal.ACCOUNT_NOT_ACTIVE, {**values, "status": AccountStatus(account.status).label}


def _device_check(session: Session, terminal: Terminal, account: OfficialAccount, post: _Post | None) -> Check:
    """Scope of accounts; for an exception device, the 運用責任者's agreement and the categories (情報の範囲)."""
    values: dict[str, Any] = {"handle": account.handle}
    if not in_scope(terminal, account.id):
        return Refusal.OUT_OF_SCOPE, values
    if terminal.kind == TerminalKind.EXCEPTION.value and not has_consent(session, terminal, account.id):
        return Refusal.EXCEPTION_NOT_AGREED, values
    allowed = categories_of(terminal)
    if post is not None and allowed and post.category not in allowed:
        rules = lifecycle_rules()
        return Refusal.CATEGORY_OUT_OF_SCOPE, {
            **values,
            "category": rules.category_label(post.category),
            "allowed": "、".join(rules.category_label(c) for c in sorted(allowed)),
        }
    return None, values


def _rotation_check(session: Session, account: OfficialAccount, now: datetime, rows: RowCache | None) -> Check:
    values: dict[str, Any] = {"handle": account.handle}
    if account.rotation_required:
        return Refusal.ROTATION_REQUIRED, values
    # The organization's rule with the time now: a change that becomes overdue during a run stops it.
    due = overdue_under(cached(rows, session, Organization, 1, lambda: session.get(Organization, 1)), account, now)
    if due is not None:
        return Refusal.ROTATION_OVERDUE, {**values, "date": _day(due)}
    return None, values


def _credential_check(
    session: Session, terminal: Terminal, account: OfficialAccount, facts: _KeyringFacts, rows: RowCache | None
) -> Refusal | None:
    credential = cached(
        rows,
        session,
        Credential,
        (terminal.id, account.id),
        lambda: session.scalar(
            select(Credential).where(
                Credential.terminal_id == terminal.id,
                Credential.account_id == account.id,
                Credential.removed_at.is_(None),
            )
        ),
    )
    if credential is None or not facts.has_credential:
        return Refusal.CREDENTIAL_MISSING
    if account.password_changed_at is not None and credential.set_at < account.password_changed_at:
        return Refusal.CREDENTIAL_STALE
    return None


def _db_check(
    session: Session,
    terminal_uid: str,
    account_id: int,
    facts: _KeyringFacts,
    now: datetime,
    version_id: object = None,
    rows: RowCache | None = None,
) -> tuple[Refusal | None, dict[str, Any], Terminal | None]:
    """The first failing condition, the message values, and the terminal row.

    ``rows``: the terminal, account, organization and credential rows as a run
    of ``publish-due`` already read them (:mod:`core.storage.row_cache`); every
    condition is still checked, with the time ``now``.
    """
    terminal = cached(
        rows,
        session,
        Terminal,
        terminal_uid,
        lambda: session.scalar(select(Terminal).where(Terminal.uid == terminal_uid)),
    )
    refusal, values = _terminal_check(terminal, now)
    if refusal is not None or terminal is None:
        return refusal, values, terminal
    account = cached(rows, session, OfficialAccount, account_id, lambda: session.get(OfficialAccount, account_id))
    if account is None:
        return Refusal.ACCOUNT_UNKNOWN, {}, terminal
    post = _post_of(session, version_id)
    checks: tuple[Callable[[], Check], ...] = (
        lambda: _status_check(account, post, {"handle": account.handle}),
        lambda: _device_check(session, terminal, account, post),
        lambda: _rotation_check(session, account, now, rows),
    )
    for check in checks:
        refusal, values = check()
        if refusal is not None:
            return refusal, values, terminal
    return _credential_check(session, terminal, account, facts, rows), {"handle": account.handle}, terminal


def _refuse(
    session: Session,
    recorder: Recorder,
    terminal_uid: str,
    terminal: Terminal | None,
    account_id: int,
    refusal: Refusal,
    values: Mapping[str, Any],
) -> GateResult:
    chain.append(
        session,
        recorder,
        "posting.refused",
        {
            "terminal_uid": terminal_uid,
            "terminal_id": terminal.id if terminal else None,
            "account_id": account_id,
            "reason": refusal.value,
        },
    )
    return GateResult(False, refusal, _message(refusal, **values), dict(values))


def check_posting(
    store: Store,
    vault: Vault,
    terminal_uid: str,
    account_id: int,
    recorder: Recorder,
    *,
    now: datetime | None = None,
    version_id: int | None = None,
) -> GateResult:
    """Conditions 1–4 for posting from ``terminal_uid`` to ``account_id``; refusals are audited.

    ``version_id``: the version to be posted (its category and draft decide the
    conditions about information scope and withdrawal); ``None`` for a deletion.
    Does not sign anything: use :func:`authorize_post` right before sending.
    """
    has_credential = vault.has(credential_name(terminal_uid, account_id))
    moment = now or store.now()
    with store.write() as session:
        return posting_check_in(
            session,
            terminal_uid,
            account_id,
            recorder,
            has_credential=has_credential,
            now=moment,
            version_id=version_id,
        )


def posting_check_in(
    session: Session,
    terminal_uid: str,
    account_id: int,
    recorder: Recorder,
    *,
    has_credential: bool,
    now: datetime,
    version_id: int | None = None,
) -> GateResult:
    """:func:`check_posting` in the caller's write transaction (``has_credential`` read from the keyring before it).

    The caller commits a refusal too: its audit entry must stay in the record.
    """
    facts = _KeyringFacts(has_credential=has_credential)
    refusal, values, terminal = _db_check(session, terminal_uid, account_id, facts, now, version_id)
    if refusal is not None:
        return _refuse(session, recorder, terminal_uid, terminal, account_id, refusal, values)
    return GateResult(True, None, "", values)


def postable_accounts(store: Store, terminal_uid: str, *, now: datetime | None = None) -> set[int]:
    """Accounts this terminal is approved for right now (read-only: nothing is audited).

    For background work that must not write a refusal every minute on a
    machine that was never meant to post; the gate proper still runs (and
    audits) before anything is sent.
    """
    moment = now or store.now()
    with store.read() as session:
        terminal = session.scalar(select(Terminal).where(Terminal.uid == terminal_uid))
        if terminal is None or terminal.status != TerminalStatus.APPROVED.value or is_expired(terminal, moment):
            return set()
        accounts = session.scalars(select(OfficialAccount.id))
        return {account_id for account_id in accounts if in_scope(terminal, account_id)}


def check_manual_posting(
    store: Store,
    terminal_uid: str,
    account_id: int,
    recorder: Recorder,
    *,
    now: datetime | None = None,
    version_id: int | None = None,
) -> GateResult:
    """Conditions 1–3 for a post made by hand in the platform's own app on this terminal.

    No stored credential is needed (the operator signs in to the platform's
    app), but the terminal must be approved for the account, the account in
    operation and not waiting for a password change. Refusals are audited.
    """
    facts = _KeyringFacts(has_credential=True)
    moment = now or store.now()
    with store.write() as session:
        refusal, values, terminal = _db_check(session, terminal_uid, account_id, facts, moment, version_id)
        if refusal is not None and refusal not in (Refusal.CREDENTIAL_MISSING, Refusal.CREDENTIAL_STALE):
            return _refuse(session, recorder, terminal_uid, terminal, account_id, refusal, values)
        return GateResult(True, None, "", values)


@dataclass(frozen=True)
class SigningFacts:
    """What signing a request needs from the keyring, read *before* any transaction (a keyring may prompt)."""

    key_state: KeyState
    private_key: str | None
    has_credential: bool


def signing_facts(
    store: Store, vault: Vault, terminal_uid: str, account_id: int, recorder: Recorder, *, manual: bool = False
) -> SigningFacts:
    """The terminal key (created and registered the first time) and whether the credential is present."""
    key_state = ensure_terminal_key(store, vault, terminal_uid, recorder)
    private = vault.get(terminal_key_name(terminal_uid)) if key_state in (KeyState.READY, KeyState.CREATED) else None
    return SigningFacts(key_state, private, manual or vault.has(credential_name(terminal_uid, account_id)))


def authorize_in(
    session: Session,
    facts: SigningFacts,
    terminal_uid: str,
    account_id: int,
    request: Mapping[str, Any],
    recorder: Recorder,
    *,
    now: datetime,
    manual: bool = False,
    rows: RowCache | None = None,
) -> PostingPermit | GateResult:
    """Every condition, checked in the caller's write transaction; the permit (audited) or the refusal (audited).

    The caller commits either way: a refusal's audit entry must stay in the record.
    ``rows``: see :func:`_db_check`.
    """
    keyring = _KeyringFacts(facts.has_credential, facts.private_key)
    signed_at = utc_iso(now)
    # A publish or manual request names its version: the post's category and draft are checked too.
    version_id = request.get("version_id") if request.get("action") in ("publish", "manual") else None
    refusal, values, terminal = _db_check(session, terminal_uid, account_id, keyring, now, version_id, rows)
    if manual and refusal in (Refusal.CREDENTIAL_MISSING, Refusal.CREDENTIAL_STALE):
        refusal = None
    private = facts.private_key
    if refusal is None and (private is None or terminal is None or not terminal.public_key):
        refusal, values = Refusal.KEY_MISSING, {**values, "state": facts.key_state.label}
    if refusal is None:
        assert terminal is not None
        assert terminal.public_key is not None
        assert private is not None
        message = signed_message(terminal_uid, account_id, request, signed_at)
        signature = sign(private, message)
        if verify(terminal.public_key, message, signature):
            permit = PostingPermit(
                terminal_uid=terminal_uid,
                account_id=account_id,
                request=dict(request),
                signed_at=signed_at,
                key_fingerprint=fingerprint(terminal.public_key),
                signature=signature,
            )
            chain.append(
                session,
                recorder,
                "posting.authorized",
                {
                    "terminal_uid": terminal_uid,
                    "terminal_id": terminal.id,
                    "account_id": account_id,
                    "request_sha256": sha256_hex(canonical_json(dict(request))),
                    "signed_at": signed_at,
                    "key_fingerprint": permit.key_fingerprint,
                    "signature": signature,
                },
            )
            return permit
        refusal = Refusal.SIGNATURE_INVALID
    return _refuse(session, recorder, terminal_uid, terminal, account_id, refusal, values)


def authorize_post(
    store: Store,
    vault: Vault,
    terminal_uid: str,
    account_id: int,
    request: Mapping[str, Any],
    recorder: Recorder,
    *,
    now: datetime | None = None,
    manual: bool = False,
) -> PostingPermit:
    """Check every condition, sign ``request`` with the terminal key and record it; or raise.

    ``manual``: the post is made by hand in the platform's own app, so the
    platform credential conditions do not apply (everything else does).

    ``request`` should identify what is sent (e.g. version id, content hash,
    idempotency key). The first post of a terminal that has no key yet
    creates and registers it here (keeping key work off the start-up path).
    Raises :class:`PostingRefused` (its ``result`` names the condition).
    """
    moment = now or store.now()
    facts = signing_facts(store, vault, terminal_uid, account_id, recorder, manual=manual)
    # A refusal is committed first and raised afterwards: raising inside the
    # transaction would roll back its audit entry.
    with store.write() as session:
        outcome = authorize_in(session, facts, terminal_uid, account_id, request, recorder, now=moment, manual=manual)
    if isinstance(outcome, GateResult):
        raise PostingRefused(outcome)
    return outcome


def verify_permit(store: Store, permit: PostingPermit) -> bool:
    """Does ``permit``'s signature verify with the public key registered for its terminal?"""
    with store.read() as session:
        public = session.scalar(select(Terminal.public_key).where(Terminal.uid == permit.terminal_uid))
    return bool(public) and verify(str(public), permit.message(), permit.signature)


def read_credential(vault: Vault, terminal_uid: str, account_id: int) -> str | None:
    """The platform credential for the publisher, after :func:`authorize_post` (registered for redaction)."""
    return vault.get(credential_name(terminal_uid, account_id))
