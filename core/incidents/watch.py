"""The impersonation watch: search the platforms for names close to each official account's.

For every official account on a platform with an account search
(:mod:`core.platforms.search`), the handle's name part and the display name
are searched; every result whose handle or display name resembles the
official one (:mod:`core.incidents.lookalike`) and is not itself an account
of the registry is a candidate. Candidates already kept as evidence of an
incident are reported as known, not new.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from sqlalchemy import select

from core.incidents.lookalike import resembles
from core.lifecycle.states import AccountStatus
from core.platforms.errors import PublishError
from core.platforms.search import FoundAccount, search_bluesky, search_mastodon
from core.storage.engine import Store
from core.storage.models import IncidentEvidence, OfficialAccount

# (query, base URL given by the caller or None, the official account) → results
Searcher = Callable[[str, str | None, OfficialAccount], list[FoundAccount]]


def _bluesky(query: str, base_url: str | None, _account: OfficialAccount) -> list[FoundAccount]:
    return search_bluesky(query) if base_url is None else search_bluesky(query, base_url=base_url)


def _mastodon(query: str, base_url: str | None, account: OfficialAccount) -> list[FoundAccount]:
    server = base_url or _server(account)
    return search_mastodon(query, base_url=server) if server else []


SEARCHERS: dict[str, Searcher] = {"bluesky": _bluesky, "mastodon": _mastodon}


@dataclass(frozen=True)
class Candidate:
    found: FoundAccount
    official_account_id: int
    official_handle: str
    resembles: str  # which of the official names it resembles
    known: bool  # already evidence of an incident


@dataclass
class WatchReport:
    candidates: list[Candidate] = field(default_factory=list)
    searched: list[str] = field(default_factory=list)  # official handles searched
    not_searchable: list[str] = field(default_factory=list)  # official handles on platforms without a search
    errors: list[tuple[str, str]] = field(default_factory=list)  # (official handle, message)

    @property
    def new(self) -> list[Candidate]:
        return [c for c in self.candidates if not c.known]


def _name_part(handle: str) -> str:
    """``@koho@city.example`` → ``koho``; ``koho.city.example`` (Bluesky) → ``koho``."""
    return handle.lstrip("@").split("@")[0].split(".")[0]


def _same_account(found: FoundAccount, official: OfficialAccount) -> bool:
    return (
        found.platform == official.platform
        and found.handle.lstrip("@").casefold() == official.handle.lstrip("@").casefold()
    )


def _server(account: OfficialAccount) -> str | None:
    """The Mastodon server an account lives on: from its URL, else from its handle."""
    if account.url:
        parts = urlsplit(account.url)
        if parts.scheme and parts.netloc:
            return f"{parts.scheme}://{parts.netloc}"
    pieces = account.handle.lstrip("@").split("@")
    return f"https://{pieces[1]}" if len(pieces) == 2 else None


def watch_impersonation(
    store: Store,
    *,
    account_ids: Iterable[int] | None = None,
    base_urls: Mapping[str, str] | None = None,
    searchers: Mapping[str, Searcher] = SEARCHERS,
) -> WatchReport:
    """Search for look-alikes of the registry's accounts (or of ``account_ids``)."""
    wanted = set(account_ids) if account_ids is not None else None
    with store.read() as session:
        registry = list(session.scalars(select(OfficialAccount).order_by(OfficialAccount.id)))
        known_urls = {u.casefold() for u in session.scalars(select(IncidentEvidence.url)) if u}
    report = WatchReport()
    for account in registry:
        if wanted is not None and account.id not in wanted:
            continue
        if account.status == AccountStatus.DELETED.value:
            continue
        search = searchers.get(account.platform)
        if search is None:
            report.not_searchable.append(account.handle)
            continue
        base = (base_urls or {}).get(account.platform)
        names = {n for n in (_name_part(account.handle), account.display_name) if n.strip()}
        seen: set[tuple[str, str]] = set()
        try:
            results = [found for name in sorted(names) for found in search(name, base, account)]
        except PublishError as exc:
            report.errors.append((account.handle, exc.message))
            continue
        report.searched.append(account.handle)
        for found in results:
            key = (found.platform, found.handle.casefold())
            if key in seen or any(_same_account(found, other) for other in registry):
                continue
            seen.add(key)
            match = resembles(_name_part(found.handle), _name_part(account.handle)) or (
                resembles(found.display_name, account.display_name) if found.display_name else None
            )
            if match is None:
                continue
            report.candidates.append(
                Candidate(found, account.id, account.handle, match.official, found.url.casefold() in known_urls)
            )
    return report
