"""The publishing gate: the signed approval *and* the terminal gate, before anything is sent.

Two independent checks, in this order, each refusal naming the failed
condition and written to the audit chain:

1. :func:`core.signoff.approval.verify_approval` — the newest version is
   approved, the supervisor's signature verifies with a registered,
   unrevoked key, and the draft's content *now* (text, account, time, the
   bytes of every media file) still hashes to what was signed. Refusal
   event ``publishing.refused`` with ``reason`` = the approval problem.
2. :func:`core.terminals.authorization.check_posting` — this terminal is approved, in
   scope, not expired; the account is 運用中 (or announcing its withdrawal and
   this is the notice post) and not flagged for rotation or overdue; an
   exception device has the 運用責任者's agreement and the draft's category is
   one it may post; the credential is present (it audits its own ``posting.refused``).

3. :func:`core.terminals.trust.check_trust` — this terminal's approval and
   the approver's signing key were endorsed by an administrator key pinned
   in this terminal's keyring (not in the database). Refusal
   ``publishing.refused`` with ``reason`` = the trust problem.

The signed permit (:func:`core.terminals.authorization.authorize_post`) is taken by the
outbox once the outbox row exists, so that the idempotency key is part of
what the terminal signs.

The approval is verified once per publish (:func:`gate_publish`): the media
bytes read and hashed on the way travel on in :class:`VerifiedApproval`, and
the outbox row is claimed only if the draft is still the one verified (its
``row_version``), instead of verifying — and reading every file — again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.audit import chain
from core.credentials.vault import Vault, credential_name, open_vault
from core.errors import NotFound, PermissionDenied
from core.i18n import tr
from core.organization.identity import Actor
from core.signoff.approval import verify_approval
from core.storage.engine import Store
from core.storage.locks import get_bare, get_for_update
from core.storage.models import Draft, DraftVersion, Review
from core.storage.row_cache import RowCache
from core.terminals.authorization import check_manual_posting, check_posting, posting_check_in
from core.terminals.trust import check_trust


class PublishRefused(PermissionDenied):
    """Publishing was refused; ``condition`` is the machine-readable name of what failed."""

    def __init__(self, condition: str, message: str) -> None:
        super().__init__(tr("Publishing refused: {reason}").format(reason=message))
        self.condition = condition
        self.reason = message


@dataclass(frozen=True)
class VerifiedApproval:
    """What one approval check established, for the rest of the same publish.

    ``media``: the bytes of every approved media file under their SHA-256,
    as read and hashed by the check. ``row_version``: the draft as checked;
    a claim made later refuses a draft that changed since.
    """

    draft_id: int
    account_id: int
    version_id: int | None
    row_version: int
    media: Mapping[str, bytes] = field(default_factory=dict, repr=False)
    signing_key_id: int | None = None  # the approval's key (none for an emergency post before approval)


def verified_approval(store: Store, actor: Actor, draft_id: int, *, emergency: bool = False) -> VerifiedApproval:
    """The approval, verified for the draft's current content; else refuse (audited).

    With ``emergency``, a submitted 緊急 draft passes without approval when the
    organization allows publishing before approval (the caller then records
    the after-the-fact review deadline).
    """
    return _verified_and_posting(store, None, actor, draft_id, emergency=emergency)


def _verified_and_posting(
    store: Store,
    vault: Vault | None,
    actor: Actor,
    draft_id: int,
    *,
    emergency: bool = False,
    account_hint: int | None = None,
) -> VerifiedApproval:
    """The approval check and, with ``vault``, the terminal gate after it, in one transaction.

    Each refusal is committed with its audit entry (``publishing.refused``,
    ``posting.refused``) and raised afterwards, so the record stays.
    ``account_hint``: the draft's account as the caller read it (saves a query; a wrong hint costs one).
    """
    expected = account_hint
    while True:
        if vault is not None and expected is None:
            expected = _account_of(store, draft_id)
        # Keyring before the transaction: a keyring may prompt, and no database lock should wait for a person.
        has_credential = vault.has(credential_name(actor.terminal, expected or 0)) if vault is not None else None
        moment = store.now() if vault is not None else None
        with store.write() as session:
            outcome = gate_in(
                session,
                actor,
                draft_id,
                has_credential=has_credential,
                now=moment,
                account=expected,
                emergency=emergency,
            )
        if isinstance(outcome, int):
            # The account changed since the caller looked: ask the keyring about the right one.
            expected = outcome
            continue
        if isinstance(outcome, PublishRefused):
            # Raised after the commit so the refusal stays in the record.
            raise outcome
        return outcome


def gate_in(
    session: Session,
    actor: Actor,
    draft_id: int,
    *,
    has_credential: bool | None,
    now: datetime | None,
    account: int | None,
    emergency: bool = False,
    lock: bool = False,
    rows: RowCache | None = None,
) -> VerifiedApproval | PublishRefused | int:
    """The approval check and, with ``has_credential`` (read from the keyring beforehand), the terminal gate.

    Without ``has_credential``, the approval alone: for a caller whose signed
    permit checks the terminal gate in the same transaction.

    In the caller's write transaction, which must commit a refusal (it is
    returned, not raised: its audit entry must stay in the record). An
    ``int``: the draft's account, which is not ``account``, the one the
    keyring was asked about (nothing was checked). ``lock``: the draft row is locked for the rest of the transaction
    (a claim follows in the same transaction). ``rows``: a run's rows (:mod:`core.storage.row_cache`).
    """
    from core.services.emergency import before_approval_due

    draft = get_for_update(session, Draft, draft_id, bare=True) if lock else get_bare(session, Draft, draft_id)
    if draft is None:
        raise NotFound(tr("{what} {id} does not exist.").format(what=tr("Draft"), id=draft_id))
    if account is not None and draft.account_id != account:
        return draft.account_id
    blobs: dict[str, bytes] = {}
    check = verify_approval(session, draft_id, blobs=blobs, rows=rows)
    if not (check.ok or (emergency and before_approval_due(session, draft_id) is not None)):
        chain.append(
            session,
            actor.recorder,
            "publishing.refused",
            {"draft_id": draft_id, "version_id": check.version_id, "reason": check.problem.value},
        )
        return PublishRefused(check.problem.value, check.message)
    verified = VerifiedApproval(
        draft.id, draft.account_id, check.version_id, draft.row_version, blobs, check.signing_key_id
    )
    if has_credential is None or now is None:
        return verified
    result = posting_check_in(
        session,
        actor.terminal,
        verified.account_id,
        actor.recorder,
        has_credential=has_credential,
        now=now,
        version_id=verified.version_id,
    )
    if result.allowed:
        return verified
    assert result.refusal is not None
    return PublishRefused(result.refusal.value, result.message)


def _account_of(store: Store, draft_id: int) -> int:
    with store.read() as session:
        return session.scalar(select(Draft.account_id).where(Draft.id == draft_id)) or 0


def _approval_key(store: Store, draft_id: int) -> int | None:
    """The signing key of the newest version's review (none for an emergency post before approval)."""
    with store.read() as session:
        number = select(func.max(DraftVersion.number)).where(DraftVersion.draft_id == draft_id).scalar_subquery()
        return session.scalar(
            select(Review.signing_key_id)
            .join(DraftVersion, DraftVersion.id == Review.version_id)
            .where(DraftVersion.draft_id == draft_id, DraftVersion.number == number)
        )


def check_chain(
    store: Store, vault: Vault, actor: Actor, *, draft_id: int | None = None, signing_key_id: int | None = None
) -> None:
    """This terminal's chain of trust (its approval and the approver's key); :class:`PublishRefused` if broken."""
    key_id = signing_key_id if draft_id is None else _approval_key(store, draft_id)
    _check_key_chain(store, vault, actor, draft_id, key_id)


def _check_key_chain(store: Store, vault: Vault, actor: Actor, draft_id: int | None, key_id: int | None) -> None:
    trust = check_trust(store, vault, actor.terminal, key_id, actor.recorder)
    if trust.ok:
        return
    with store.write() as session:
        chain.append(
            session,
            actor.recorder,
            "publishing.refused",
            {"draft_id": draft_id, "terminal_uid": actor.terminal, "reason": trust.problem.value},
        )
    raise PublishRefused(trust.problem.value, trust.message)


def check_approval(store: Store, actor: Actor, draft_id: int, *, emergency: bool = False) -> int:
    """The draft's account id when its approval is valid (see :func:`verified_approval`)."""
    return verified_approval(store, actor, draft_id, emergency=emergency).account_id


def gate_publish(
    store: Store,
    vault: Vault,
    actor: Actor,
    draft_id: int,
    *,
    trusted: set[int | None] | None = None,
    account_hint: int | None = None,
) -> VerifiedApproval:
    """All gates for ``draft_id`` from this terminal, approval first; or :class:`PublishRefused`.

    ``trusted``: signing keys whose chain of trust this run already verified
    (a run of ``publish-due`` drops it whenever anything but posting
    bookkeeping was recorded since); a key verified here is added.
    """
    verified = _verified_and_posting(store, vault, actor, draft_id, account_hint=account_hint)
    # After the terminal gate, so an expired or revoked terminal is told so in those words.
    if trusted is None:
        check_chain(store, vault, actor, draft_id=draft_id)
    elif verified.signing_key_id not in trusted or verified.signing_key_id is None:
        _check_key_chain(store, vault, actor, draft_id, verified.signing_key_id)
        trusted.add(verified.signing_key_id)
    return verified


def check_publish(store: Store, vault: Vault, actor: Actor, draft_id: int) -> int:
    """All gates for ``draft_id`` from this terminal; the account id, or :class:`PublishRefused`."""
    return gate_publish(store, vault, actor, draft_id).account_id


def check_manual(store: Store, actor: Actor, draft_id: int, vault: Vault | None = None) -> int:
    """The gate for posting by hand: approval (or the emergency rule) and this terminal, no credential needed.

    The operator signs in to the platform's own app, so the keyring need not
    hold a token; everything else is as strict as for the API.
    """
    verified = verified_approval(store, actor, draft_id, emergency=True)
    account_id = verified.account_id
    result = check_manual_posting(store, actor.terminal, account_id, actor.recorder, version_id=verified.version_id)
    if not result.allowed:
        assert result.refusal is not None
        raise PublishRefused(result.refusal.value, result.message)
    check_chain(store, vault or open_vault(), actor, draft_id=draft_id)
    return account_id


def check_terminal(store: Store, vault: Vault, actor: Actor, account_id: int) -> None:
    """The terminal gate alone (for deleting a post: there is no approval of content to check)."""
    result = check_posting(store, vault, actor.terminal, account_id, actor.recorder)
    if not result.allowed:
        assert result.refusal is not None
        raise PublishRefused(result.refusal.value, result.message)
    check_chain(store, vault, actor)
