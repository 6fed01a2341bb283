"""The organization profile as the checks and services see it (no database types)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class OrganizationProfile:
    """Facts about the city that decide what is "own" and what is personal data.

    ``own_domains`` are bare host names (``city.wako.lg.jp``); their subdomains
    count as own too. Published contacts are the numbers, addresses and postal
    addresses the city itself publishes, which may appear in posts freely.
    """

    name: str
    own_domains: tuple[str, ...] = ()
    public_phones: tuple[str, ...] = ()
    public_emails: tuple[str, ...] = ()
    postal_addresses: tuple[str, ...] = ()
    departments: tuple[str, ...] = field(default=())
