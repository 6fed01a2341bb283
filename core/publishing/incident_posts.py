"""After a hijack: read the account's recent posts and keep those KohoGate did not make as evidence.

joso:6(4) asks to limit the damage of a takeover; the first question is
what was posted in the city's name. This reads the account's recent posts
through its adapter (the same look-up the outbox uses to reconcile), pairs
them with KohoGate's publications (:func:`core.incidents.compare.compare_posts`)
and records every post nobody here made as evidence, plus the comparison as
a timeline step.

It runs on an approved terminal that holds the account's (new) credential;
it only reads. A locked account may be read: the lock stops posting, and
reading is how the damage is found. The network call happens outside any
database transaction (call it off the UI thread).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from core.credentials.vault import Vault
from core.errors import Conflict, InvalidInput, NotFound
from core.i18n import tr
from core.incidents.compare import Comparison, OurPost, compare_posts
from core.lifecycle.states import IncidentState, PublicationState
from core.platforms.base import Connection, PublisherFactory
from core.platforms.facts import platform_label, reads_own_posts
from core.platforms.registry import make_publisher
from core.services.base import Service
from core.services.incidents import ANYONE, ForeignPost, IncidentService
from core.storage.models import DraftVersion, Incident, IncidentAccount, OfficialAccount, Publication
from core.terminals.authorization import postable_accounts, read_credential

RECENT_LIMIT = 40  # Mastodon's maximum page; enough for the hours a takeover usually lasts


@dataclass(frozen=True)
class ComparisonReport:
    account: str
    comparison: Comparison
    kept: int  # evidence items added by this run


@dataclass
class PostComparison(Service):
    vault: Vault | None = None
    factory: PublisherFactory = make_publisher
    base_url: dict[str, str] = field(default_factory=dict)  # platform → endpoint override (tests)

    def compare(self, incident_id: int, account_id: int) -> ComparisonReport:
        account = self._check(incident_id, account_id)
        vault = self._vault()
        credential = read_credential(vault, self.actor.terminal, account_id)
        if not credential:
            raise Conflict(
                tr(
                    "This terminal's keyring holds no credential for {handle}. Store the new credential (after "
                    "changing the password) on this terminal, then compare."
                ).format(handle=account.handle)
            )
        publisher = self.factory(
            Connection(
                account.platform,
                account.handle,
                credential,
                base_url=self.base_url.get(account.platform),
                account_url=account.url,
            )
        )
        recent = publisher.recent(RECENT_LIMIT)  # a PublishError says why, in words
        comparison = compare_posts(recent, self._ours(account_id))
        foreign = [
            ForeignPost(account.platform, p.post_id, p.url or "", p.text, p.created_at) for p in comparison.unmatched
        ]
        kept = IncidentService(self.store, self.actor).record_comparison(
            incident_id, account_id, comparison.read, foreign
        )
        return ComparisonReport(account.handle, comparison, kept)

    def _vault(self) -> Vault:
        if self.vault is None:
            from core.credentials.vault import open_vault

            self.vault = open_vault()
        return self.vault

    def _check(self, incident_id: int, account_id: int) -> OfficialAccount:
        with self.store.read() as session:
            self.authorize(session, *ANYONE)
            incident = session.get(Incident, incident_id)
            if incident is None:
                raise NotFound(tr("{what} {id} does not exist.").format(what=tr("Incident"), id=incident_id))
            if incident.state == IncidentState.CLOSED.value:
                raise Conflict(tr("Incident {id} is closed; open a new one.").format(id=incident_id))
            concerned = session.get(IncidentAccount, (incident_id, account_id))
            account = session.get(OfficialAccount, account_id)
            if account is None or concerned is None:
                raise InvalidInput(tr("The account is not one of the incident's accounts."))
            session.expunge(account)
        if not reads_own_posts(account.platform):
            raise InvalidInput(
                tr(
                    "{platform} does not let KohoGate read the account's posts. Compare them by hand in the "
                    "platform's own app with the publications in KohoGate's record."
                ).format(platform=platform_label(account.platform))
            )
        if account_id not in postable_accounts(self.store, self.actor.terminal):
            raise Conflict(
                tr("This terminal is not approved for {handle}. Compare on a terminal that is.").format(
                    handle=account.handle
                )
            )
        return account

    def _ours(self, account_id: int) -> list[OurPost]:
        states = (PublicationState.PUBLISHED.value, PublicationState.NEEDS_RECONCILIATION.value)
        with self.store.read() as session:
            rows = session.execute(
                select(
                    Publication.id,
                    Publication.platform_post_id,
                    Publication.url,
                    DraftVersion.text,
                    Publication.published_at,
                )
                .join(DraftVersion, DraftVersion.id == Publication.version_id)
                .where(Publication.account_id == account_id, Publication.state.in_(states))
            ).all()
        return [OurPost(r[0], r[1] or "", r[2] or "", r[3], r[4]) for r in rows]
