"""Which adapter speaks to which platform.

A table of lazy import paths, checked against the facts: a platform whose
facts say ``api`` must have an adapter here and no other may. Nothing is
imported until a post is made, so neither the GUI's start-up nor a command
pays for an SDK it does not use, and the adapters import :mod:`.base`
without it importing them back.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import cast

from core.i18n import tr
from core.platforms.base import Connection, Publisher, PublisherFactory
from core.platforms.errors import unsupported
from core.platforms.facts import Platform, facts_of

#: ``module:Class`` of each adapter, imported on first use.
ADAPTERS: Mapping[Platform, str] = {
    Platform.MASTODON: "core.platforms.mastodon:MastodonPublisher",
    Platform.BLUESKY: "core.platforms.bluesky:BlueskyPublisher",
    Platform.X: "core.platforms.x:XPublisher",
    Platform.FACEBOOK: "core.platforms.facebook:FacebookPublisher",
    Platform.LINE: "core.platforms.line:LinePublisher",
}


def adapter_class(platform: Platform) -> PublisherFactory:
    """The adapter class for ``platform`` (imports its module); ``KeyError`` for a manual platform."""
    module_name, _, class_name = ADAPTERS[platform].partition(":")
    module = importlib.import_module(module_name)
    return cast("PublisherFactory", getattr(module, class_name))


def make_publisher(connection: Connection) -> Publisher:
    """The adapter for ``connection.platform``, or :class:`PublishError` (use manual mode)."""
    facts = facts_of(connection.platform)
    if facts is None or not facts.api or facts.platform not in ADAPTERS:
        name = facts.display_name if facts is not None else connection.platform
        raise unsupported(
            tr(
                "KohoGate cannot post to {platform} itself. Use manual posting: copy the text, post, record the URL."
            ).format(platform=name)
        )
    return adapter_class(facts.platform)(connection)


def unregistered() -> tuple[Platform, ...]:
    """Platforms whose facts and adapter table disagree (an API platform without an adapter or
    an adapter for a manual one); empty when consistent."""
    return tuple(p for p in Platform if p.facts.api != (p in ADAPTERS))
