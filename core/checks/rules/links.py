"""``link.shortener`` (wako:5-ア), ``link.third_party`` (wako:5-イ, joso:6(3))
and ``link.confusable_host`` (wako:5-ア).

Links are found in the normalised text, so ``ｂｉｔ．ｌｙ/x`` and ``bit\u200b.ly/x``
are caught like ``bit.ly/x``. A host is the organization's own only when it is
one of its domains or a subdomain (``city.sample.lg.jp.evil.example`` is not),
or when the link goes to one of its own channels on another platform
(``youtube.com/@city`` in the profile makes ``https://www.youtube.com/@city/videos``
its own, not ``youtube.com/@other``). A shortener link is reported once, as a
shortener, not also as third-party.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from core.checks.context import CheckContext, Hit
from core.checks.urls import Link, host_matches, link_path


def _own_channel(ctx: CheckContext, link: Link) -> bool:
    channels = ctx.setup.own_channels
    if not channels:
        return False
    path = link_path(ctx.text, link).casefold()
    for host, prefix in channels:
        if host_matches(link.host, frozenset({host})) and (
            path == prefix or path.startswith(prefix.rstrip("/") + "/") or path.startswith(prefix + "?")
        ):
            return True
    return False


def check_links(ctx: CheckContext) -> Iterator[Hit]:
    setup = ctx.setup
    for link in ctx.links:
        display = link.host
        if host_matches(link.host, setup.shorteners):
            yield Hit("link.shortener", link.start, link.end, params={"host": display})
        elif not host_matches(link.host, setup.own_domains) and not _own_channel(ctx, link):
            yield Hit("link.third_party", link.start, link.end, params={"host": display})


_LOOKALIKE_SCRIPT = regex.compile(r"[\p{Cyrillic}\p{Greek}\p{Armenian}\p{Cherokee}]", regex.VERSION1)
# The same blocks as plain ranges: the standard library skips through them far faster than a
# Unicode-property class, and most drafts have none of these letters at all.
_LOOKALIKE_BLOCKS = re.compile(
    "[\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u13a0-\u13ff\u1c80-\u1c8f\u1f00-\u1fff"
    "\u2de0-\u2dff\ua640-\ua69f\uab70-\uabbf]"
)
_WORD = r"[\p{Latin}\p{Cyrillic}\p{Greek}\p{Armenian}\p{Cherokee}0-9\-]"
# Possessive and anchored at the start of a run, so a long run is scanned once.
_DOMAIN_LIKE = regex.compile(rf"(?<!{_WORD}|\.){_WORD}++(?:\.{_WORD}++)+", regex.VERSION1)
_LATIN = regex.compile(r"[A-Za-z]")


# Cyrillic and Greek letters drawn like Latin ones (Unicode's confusables.txt, the common part):
# a label made only of them (аррӏе) reads as a Latin word.
_LATIN_LOOKALIKES = frozenset("аеорсухіјѕԁһӏԛԝьАВЕКМНОРСТХІЈЅԜαεικνορτυχΑΒΕΗΙΚΜΝΟΡΤΥΧΖ")


def _whole_script_lookalike(label: str) -> bool:
    letters = [ch for ch in label if ch.isalpha()]
    return bool(letters) and all(ch in _LATIN_LOOKALIKES for ch in letters)


def _mixed(name: str) -> bool:
    """A label mixing Latin with look-alike letters, or a host whose labels are
    Latin except one spelled wholly in look-alikes (``myna.аррӏе.com``)."""
    labels = name.split(".")
    if any(_LATIN.search(label) and _LOOKALIKE_SCRIPT.search(label) for label in labels):
        return True
    return any(_LATIN.search(label) for label in labels) and any(_whole_script_lookalike(label) for label in labels)


def check_confusable_hosts(ctx: CheckContext) -> Iterator[Hit]:
    """Domain-like words mixing Latin with look-alike letters of another script
    (``аpple.com`` with a Cyrillic а): an IDN homograph, whether or not an app
    would make it a link. Punycode hosts of links are decoded and checked too."""
    text = ctx.text
    if _LOOKALIKE_BLOCKS.search(text) is not None:
        for match in _DOMAIN_LIKE.finditer(text):
            if _mixed(match.group()):
                yield Hit("link.confusable_host", match.start(), match.end(), params={"host": match.group()})
    if "xn--" in text.casefold():
        for link in ctx.links:
            decoded = _decoded(link.host)
            if decoded is not None and _mixed(decoded):
                yield Hit("link.confusable_host", link.start, link.end, params={"host": decoded})


def _decoded(host: str) -> str | None:
    if "xn--" not in host:
        return None
    labels = []
    for label in host.split("."):
        if label.startswith("xn--"):
            try:
                labels.append(label[4:].encode("ascii").decode("punycode"))
            except UnicodeError:
                return None
        else:
            labels.append(label)
    return ".".join(labels)
