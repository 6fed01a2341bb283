"""``link.shortener`` (wako:5-ア) and ``link.third_party`` (wako:5-イ, joso:6(3)).

Links are found in the normalised text, so ``ｂｉｔ．ｌｙ/x`` and ``bit\u200b.ly/x``
are caught like ``bit.ly/x``. A host is the organization's own only when it is
one of its domains or a subdomain (``city.sample.lg.jp.evil.example`` is not).
A shortener link is reported once, as a shortener, not also as third-party.
"""

from __future__ import annotations

from collections.abc import Iterator

from core.checks.context import CheckContext, Hit
from core.checks.urls import host_matches


def check_links(ctx: CheckContext) -> Iterator[Hit]:
    setup = ctx.setup
    for link in ctx.links:
        display = link.host
        if host_matches(link.host, setup.shorteners):
            yield Hit("link.shortener", link.start, link.end, params={"host": display})
        elif not host_matches(link.host, setup.own_domains):
            yield Hit("link.third_party", link.start, link.end, params={"host": display})
