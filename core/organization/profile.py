"""The organization profile as the checks and services see it (no database types)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class OrganizationProfile:
    """Facts about the city that decide what is "own" and what is personal data.

    ``own_domains`` are bare host names (``city.wako.lg.jp``); their subdomains
    count as own too. Published contacts are the numbers, addresses and postal
    addresses the city itself publishes, which may appear in posts freely.

    ``partner_contacts`` are other bodies' published numbers and addresses the
    city passes on (police, fire, hospitals, a partner's 0120 number), one per
    line with an optional label (``朝霞警察署 048-464-0110``). ``own_channels``
    are the city's own accounts on other platforms
    (``https://www.youtube.com/@wakocity``): links to them are its own.
    ``place_names`` are the area's place names (新倉, 白子) and ``officials``
    the officials who appear in posts in their public role (``柴﨑光子``, or
    ``市長 柴﨑光子``): neither is a private person's name.
    """

    name: str
    own_domains: tuple[str, ...] = ()
    public_phones: tuple[str, ...] = ()
    public_emails: tuple[str, ...] = ()
    postal_addresses: tuple[str, ...] = ()
    departments: tuple[str, ...] = field(default=())
    partner_contacts: tuple[str, ...] = ()
    own_channels: tuple[str, ...] = ()
    place_names: tuple[str, ...] = ()
    officials: tuple[str, ...] = ()
