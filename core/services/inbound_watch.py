"""Reading replies on an approved terminal, and acting on them on the platforms.

The same :meth:`InboundWatch.run` serves the app's background scheduler
and ``app.py watch replies`` (cron / Task Scheduler). For each account:

1. the terminal gate (:func:`core.terminals.authorization.check_posting`:
   approved terminal, account in operation and in scope, the credential in
   this terminal's keyring) — refusals are audited. The background run
   first leaves out accounts this terminal could not read at all, so a
   machine never meant to read writes no refusal every few minutes;
2. a wait asked by the platform (429) is kept: the account is skipped until then;
3. the reader reads from the stored cursor; each item is triaged
   (:func:`core.inbound.triage.triage`); the items, the new cursor and the
   outcome are stored in one transaction (:meth:`InboundService.store_read`);
4. the 炎上 watch looks at the account's last hour (once per episode);
5. after all accounts, the retention purge.

The credential is read from the keyring into the reader's connection and
goes nowhere else: not into the database, the record, the report or a message.

Acting (hide, delete, block, mute, report) goes through the same gate and
is signed like a post (``posting.authorized``); a hide or delete keeps the
reply as evidence *before* the platform is asked.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from core.credentials.vault import Vault, credential_name
from core.errors import Conflict, KohoGateError
from core.i18n import tr
from core.inbound.triage import Level, triage
from core.lifecycle.states import AccountStatus
from core.platforms.base import Connection
from core.platforms.errors import ErrorKind, PublishError
from core.platforms.facts import Moderation, Platform, inbound_facts, no_replies_message, reads_replies
from core.platforms.inbound import Pacing, Reader, make_reader
from core.services.base import Service
from core.services.inbound import NEEDS_EVIDENCE, InboundService, SpikeAlert, cursor_of, list_queue
from core.services.validation import clean_text
from core.storage.models import OfficialAccount, utcnow
from core.terminals.authorization import PostingRefused, authorize_post, check_posting, postable_accounts

log = logging.getLogger(__name__)

#: The background scheduler reads an account at most this often (platform rate limits are per 15 minutes).
READ_INTERVAL = timedelta(minutes=5)


@dataclass(frozen=True)
class AccountRead:
    account_id: int
    handle: str
    new: int = 0
    levels: dict[str, int] = field(default_factory=dict)
    complete: bool = True
    retry_after: float | None = None
    waiting_until: datetime | None = None
    error: str = ""

    @property
    def needing_action(self) -> int:
        return self.levels.get(Level.ACTION.value, 0) + self.levels.get(Level.CHECK.value, 0)


@dataclass
class WatchReport:
    reads: list[AccountRead] = field(default_factory=list)
    spikes: list[SpikeAlert] = field(default_factory=list)
    not_readable: list[tuple[str, str]] = field(default_factory=list)  # (handle, why)
    purged: int = 0

    @property
    def new(self) -> int:
        return sum(r.new for r in self.reads)

    @property
    def needing_action(self) -> int:
        return sum(r.needing_action for r in self.reads)


@dataclass(frozen=True)
class _Account:
    id: int
    platform: str
    handle: str
    url: str | None


@dataclass
class InboundWatch(Service):
    vault: Vault | None = None
    factory: Callable[[Connection, Pacing], Reader] = make_reader
    pacing: Pacing = field(default_factory=Pacing)
    clock: Callable[[], datetime] = utcnow
    base_url: dict[str, str] = field(default_factory=dict)  # platform → endpoint override (tests, proxies)
    # Readers kept between runs of the app's scheduler: Bluesky limits how often one may log in.
    _readers: dict[int, Reader] = field(default_factory=dict, repr=False)

    @property
    def service(self) -> InboundService:
        return InboundService(self.store, self.actor)

    def _vault(self) -> Vault:
        if self.vault is None:
            from core.credentials.vault import open_vault

            self.vault = open_vault()
        return self.vault

    def close(self) -> None:
        for reader in self._readers.values():
            try:
                reader.close()
            except Exception:  # closing must not hide what the run reported
                log.debug("closing a reader failed", exc_info=True)
        self._readers.clear()

    # -- accounts --------------------------------------------------------------------------------
    def _accounts(self, account_ids: Sequence[int] | None) -> list[_Account]:
        query = select(OfficialAccount).order_by(OfficialAccount.id)
        if account_ids:
            query = query.where(OfficialAccount.id.in_(account_ids))
        with self.store.read() as session:
            rows = list(session.scalars(query))
            return [
                _Account(a.id, a.platform, a.handle, a.url)
                for a in rows
                if a.status == AccountStatus.ACTIVE.value or account_ids
            ]

    def _readable_here(self, accounts: list[_Account]) -> list[_Account]:
        """The accounts this terminal could read now, decided without writing anything."""
        here = postable_accounts(self.store, self.actor.terminal, now=self.clock())
        vault = self._vault()
        with self.store.read() as session:
            usable = {
                a.id
                for a in session.scalars(
                    select(OfficialAccount).where(OfficialAccount.id.in_([x.id for x in accounts]))
                )
                if a.locked_at is None and not a.rotation_required and a.status == AccountStatus.ACTIVE.value
            }
        return [
            a
            for a in accounts
            if a.id in here and a.id in usable and vault.has(credential_name(self.actor.terminal, a.id))
        ]

    def _reader(self, account: _Account) -> Reader:
        reader = self._readers.get(account.id)
        if reader is not None:
            return reader
        vault = self._vault()
        name = credential_name(self.actor.terminal, account.id)
        credential = vault.get(name)
        if not credential:
            raise Conflict(
                tr("This terminal's keyring holds no credential for {handle}.").format(handle=account.handle)
            )
        connection = Connection(
            account.platform,
            account.handle,
            credential,
            base_url=self.base_url.get(account.platform),
            account_url=account.url,
            # X renews its token while reading too: the renewed one goes back to this terminal's keyring only.
            save_credential=lambda renewed: vault.store(name, renewed),
            load_credential=lambda: vault.get(name),
        )
        reader = self.factory(connection, self.pacing)
        self._readers[account.id] = reader
        return reader

    # -- reading ---------------------------------------------------------------------------------
    def run(
        self,
        account_ids: Sequence[int] | None = None,
        *,
        background: bool = False,
        only_here: bool | None = None,
        purge: bool = True,
    ) -> WatchReport:
        """Read ``account_ids`` (every account in operation when ``None``).

        ``background``: the app's scheduler — each account at most every
        :data:`READ_INTERVAL`, and only those this terminal can read
        (``only_here``, which a person's "read now" of all accounts also uses,
        so it reports no refusal for accounts that are read elsewhere).
        """
        report = WatchReport()
        accounts = self._accounts(account_ids)
        for account in accounts:
            if not reads_replies(account.platform):
                report.not_readable.append((account.handle, no_replies_message(account.platform)))
        accounts = [a for a in accounts if reads_replies(a.platform)]
        if background if only_here is None else only_here:
            accounts = self._readable_here(accounts)
        now = self.clock()
        for account in accounts:
            if background and not self._due(account.id, now):
                continue
            result = self.read_account(account, now)
            report.reads.append(result)
            if not result.error:
                alert = self.service.watch_spike(account.id, now)
                if alert is not None:
                    report.spikes.append(alert)
        if purge:
            report.purged = self.service.purge(now)
        return report

    def _due(self, account_id: int, now: datetime) -> bool:
        state = cursor_of(self.store, account_id)
        return state is None or state.read_at is None or now - state.read_at >= READ_INTERVAL

    def read_account(self, account: _Account, now: datetime) -> AccountRead:
        state = cursor_of(self.store, account.id)
        if state is not None and state.resume_after is not None and state.resume_after > now:
            return AccountRead(account.id, account.handle, waiting_until=state.resume_after)
        gate = check_posting(self.store, self._vault(), self.actor.terminal, account.id, self.actor.recorder, now=now)
        if not gate.allowed:
            return AccountRead(account.id, account.handle, error=gate.message)
        cursor = state.cursor if state is not None else None
        try:
            result = self._reader(account).read(cursor)
        except PublishError as error:
            if error.kind is ErrorKind.AUTH:
                self._readers.pop(account.id, None)  # a new credential may be stored meanwhile
            self.service.store_read(
                account.id, (), cursor=cursor, complete=False, resume_after=None, outcome=f"error:{error.kind.value}"
            )
            return AccountRead(account.id, account.handle, complete=False, error=error.message)
        profile, config = self._check_settings()
        platform = Platform.parse(account.platform)
        triaged = [(item, triage(item.text, profile, config, platform=platform)) for item in result.items]
        resume = now + timedelta(seconds=result.retry_after) if result.retry_after is not None else None
        outcome = "ok" if result.complete else "rate_limited" if result.retry_after is not None else "partial"
        stored = self.service.store_read(
            account.id, triaged, cursor=result.cursor, complete=result.complete, resume_after=resume, outcome=outcome
        )
        return AccountRead(
            account.id,
            account.handle,
            new=len(stored.new_ids),
            levels=stored.levels,
            complete=result.complete,
            retry_after=result.retry_after,
        )

    def _check_settings(self) -> tuple[Any, Any]:
        from core.checks.config import CheckConfig
        from core.services.organization import load_check_config, load_profile

        return load_profile(self.store), CheckConfig.from_json(load_check_config(self.store))

    # -- acting ----------------------------------------------------------------------------------
    def act(self, item_id: int, action: Moderation, reason: str) -> None:
        """Do ``action`` on the platform through its API: gate, evidence (hide/delete) first, then the call."""
        reason = clean_text(reason, tr("Reason"), max_length=2000)
        found = list_queue(self.store, item_id=item_id)
        if not found:
            raise Conflict(tr("Reply {id} does not exist.").format(id=item_id))
        queued = found[0]
        if not inbound_facts(queued.platform).can(action):
            raise Conflict(
                tr("{platform} does not offer this through its API: do it in the platform's app and record it.").format(
                    platform=Platform.parse(queued.platform).display_name
                )
            )
        evidence = self.service.keep_evidence(item_id) if action in NEEDS_EVIDENCE else None
        try:
            authorize_post(
                self.store,
                self._vault(),
                self.actor.terminal,
                queued.account_id,
                {"action": f"moderation.{action.value}", "item_id": item_id, "platform_item_id": queued.item.item_id},
                self.actor.recorder,
            )
        except PostingRefused as exc:
            raise Conflict(exc.result.message) from None
        account = _Account(queued.account_id, queued.platform, queued.account_handle, None)
        with self.store.read() as session:
            row = session.get(OfficialAccount, queued.account_id)
            account = _Account(account.id, account.platform, account.handle, row.url if row else None)
        self._reader(account).moderate(action, queued.item, reason)
        self.service.record_action(item_id, action, reason, evidence=evidence)

    def record_by_hand(self, item_id: int, action: Moderation, reason: str) -> None:
        """Done in the platform's own app (X blocks and reports, Facebook reports): recorded, evidence first."""
        evidence = self.service.keep_evidence(item_id) if action in NEEDS_EVIDENCE else None
        self.service.record_action(item_id, action, reason, by_hand=True, evidence=evidence)


def describe_error(exc: BaseException) -> str:
    return exc.message if isinstance(exc, KohoGateError) else type(exc).__name__
