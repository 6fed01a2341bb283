"""Finding links in text the way readers' apps will turn them into links.

Two kinds of link matter: with a scheme (``https://…``, any host including
internationalised ones such as ``http://foobar.پاکستان/``) and without one
(``bit.ly/abc``, ``www.example.com``), which apps link as well. Japanese text
has no spaces, so a host without a scheme must be ASCII and end in a known
top-level domain, and trailing Japanese punctuation or text (``…lg.jpをご覧``)
ends a link. The same extractor feeds the link rules (on NFKC text) and the
X/Mastodon length counters (on NFC text), following twitter-text's rules where
they differ from naive parsing (labels longer than 63 characters after
Punycode are not links; ``twitter.jp`` alone is not a link but
``twitter.jp/x`` is).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from core.runtime.resources import resource_path


@dataclass(frozen=True)
class Link:
    """A link at ``[start, end)`` of the scanned text; ``host`` is lower-case ASCII
    (Punycode for internationalised labels)."""

    start: int
    end: int
    host: str
    has_scheme: bool
    # ``user@`` before the host (``https://city.example.jp@bit.ly/x``): the span
    # covers it, but ``host`` is the real destination after the ``@``.
    has_userinfo: bool = False


_ASCII_LABEL = r"[a-z0-9](?:[a-z0-9_-]{0,62}[a-z0-9])?"
_NON_ASCII_LABEL = r"[[\p{L}\p{M}\p{N}]--[\x00-\x7f]](?:[[\p{L}\p{M}\p{N}-]--[\x00-\x7f]]|-)*"
_LABEL = rf"(?:{_ASCII_LABEL}|{_NON_ASCII_LABEL}|[a-z0-9_-]+)"
_PATH_CHARS = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%|\p{Latin}\p{Cyrillic}]*"
_PATH = rf"(?:[/?#]{_PATH_CHARS})?"
_PORT = r"(?::\d{1,5})?"
# A DNS name has at most 127 labels (253 characters). The bound also keeps the
# scan linear: an unbounded ``(?:label\.)+`` backtracks over the whole of a
# long ``a.a.a.…`` run at every start, which made 1 M characters take minutes.
_MAX_LABELS = 126

_WITH_SCHEME = regex.compile(
    rf"(?<![A-Za-z0-9@$#＠＃])(?P<scheme>https?)://(?P<host>{_LABEL}(?:\.{_LABEL}){{0,{_MAX_LABELS}}}){_PORT}(?P<path>{_PATH})",
    regex.IGNORECASE | regex.VERSION1,
)
_WITHOUT_SCHEME = regex.compile(
    rf"(?<![A-Za-z0-9@＠$#＃._/:\-])(?P<host>(?:{_ASCII_LABEL}\.){{1,{_MAX_LABELS}}}(?P<tld>[a-z]{{2,24}}|xn--[a-z0-9-]{{1,59}}))"
    rf"(?![A-Za-z0-9_@-]){_PORT}(?P<path>(?:/{_PATH_CHARS})?)",
    regex.IGNORECASE | regex.VERSION1,
)
# Userinfo (``user:pass@``) is valid URL syntax that browsers still follow, and
# a classic disguise: ``https://city.example.jp@evil.example/`` goes to
# evil.example. Only the link rules look for it; twitter-text does not link
# such URLs, so the length counters leave it off to stay conformant.
_WITH_SCHEME_USERINFO = regex.compile(
    rf"(?<![A-Za-z0-9@$#＠＃])(?P<scheme>https?)://(?P<userinfo>[^\s/?#@\\]++)@"
    rf"(?P<host>{_LABEL}(?:\.{_LABEL}){{0,{_MAX_LABELS}}}){_PORT}(?P<path>{_PATH})",
    regex.IGNORECASE | regex.VERSION1,
)
# Without a scheme ``name@host`` is an e-mail address; only a path after it
# (``user@bit.ly/abc``) makes it a link. A path that starts with another
# address (``a@example.jp/b@example.jp``, two addresses) does not count.
_WITHOUT_SCHEME_USERINFO = regex.compile(
    rf"(?<![A-Za-z0-9._~%+!$&*=:@＠/?#\-])(?P<userinfo>[A-Za-z0-9._~%+!$&*=:\-]+)@"
    rf"(?P<host>(?:{_ASCII_LABEL}\.){{1,{_MAX_LABELS}}}(?P<tld>[a-z]{{2,24}}|xn--[a-z0-9-]{{1,59}}))(?![A-Za-z0-9_@-]){_PORT}"
    rf"(?P<path>/(?![A-Za-z0-9._%+\-]*@)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%|\p{{Latin}}\p{{Cyrillic}}]+)",
    regex.IGNORECASE | regex.VERSION1,
)
# With ``unicode_paths``: a path also runs on through letters of any script but
# hiragana (``…/wiki/和光市_(埼玉県)``), as browsers and Bluesky's own link
# detector read a URL up to a space. Hiragana and CJK punctuation still end
# it: Japanese sentences run on without a space (``…/bousai/をご覧ください。``).
_UNICODE_PATH_RUN = regex.compile(
    r"(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%|]|[[\p{L}\p{M}\p{N}]--[\p{Hiragana}\x00-\x7f]])*",
    regex.VERSION1,
)
_BEFORE_AT = regex.compile(r"[A-Za-z0-9._~%+!$&*=:\-]*@")
_IPV4 = regex.compile(r"^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$")
_TRAILING = ".,:;!?'\"*"
_SPECIAL_SHORT_TLDS = frozenset({"co", "tv"})


@functools.cache
def known_tlds() -> frozenset[str]:
    """Generic top-level domains accepted without a scheme (two-letter ones are
    always accepted as country codes). Data: ``resources/rules/tlds.txt``."""
    path = resource_path("rules", "tlds.txt")
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip().lower()
        if word:
            words.add(word)
    return frozenset(words)


_LABEL_CHARS = regex.compile(r"^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$")


def _ascii_label(label: str) -> str | None:
    """The label as it goes over the wire (Punycode), or ``None`` if invalid."""
    if label.isascii():
        label = label.lower()
        return label if len(label) <= 63 and _LABEL_CHARS.match(label) else None
    if not all(ch.isalnum() or ch == "-" or unicodedata.category(ch).startswith("M") for ch in label):
        return None
    try:
        encoded = "xn--" + label.lower().encode("punycode").decode("ascii")
    except UnicodeError:
        return None
    return encoded if len(encoded) <= 63 else None


def ascii_host(host: str) -> str | None:
    """``host`` in lower-case ASCII (Punycode labels), ``None`` if not a valid host."""
    host = host.strip().rstrip(".").lower()
    if not host:
        return None
    labels = [_ascii_label(label) for label in host.split(".")]
    if any(label is None for label in labels):
        return None
    return ".".join(label for label in labels if label is not None)


def _trim_path(text: str, start: int, end: int) -> int:
    """Drop trailing punctuation that ends the sentence rather than the link,
    keeping balanced brackets (``…/wiki/Foo_(bar)``).

    The bracket balance is counted once and updated as characters are
    dropped: recounting the segment per dropped character was quadratic in
    a path ending in many ``)``."""
    balance: dict[str, int] | None = None
    while end > start:
        last = text[end - 1]
        if last in _TRAILING:
            end -= 1
        elif last in ")]":
            if balance is None:
                segment = text[start:end]
                balance = {")": segment.count(")") - segment.count("("), "]": segment.count("]") - segment.count("[")}
            if balance[last] > 0:
                balance[last] -= 1
                end -= 1
            else:
                break
        else:
            break
    return end


def _valid_tld(tld: str, with_scheme: bool) -> bool:
    if tld.startswith("xn--"):
        return True
    if not tld.isascii():
        return with_scheme and tld.isalpha()
    if not tld.isalpha():
        return False
    return len(tld) == 2 or tld.lower() in known_tlds() or (with_scheme and len(tld) >= 2)


class _Taken:
    """A set of text positions, filled by spans."""

    def __init__(self, length: int) -> None:
        self._length = length
        self._marks: bytearray | None = None

    def add(self, start: int, end: int) -> None:
        if self._marks is None:
            self._marks = bytearray(self._length)
        self._marks[start:end] = b"\x01" * (end - start)

    def __contains__(self, position: int) -> bool:
        return self._marks is not None and bool(self._marks[position])


def find_links(
    text: str,
    *,
    include_schemeless: bool = True,
    twitter_compat: bool = False,
    known_hosts: frozenset[str] = frozenset(),
    userinfo: bool = False,
    unicode_paths: bool = False,
) -> list[Link]:
    """Links in ``text`` in order. ``include_schemeless=False`` keeps only links
    written with ``http(s)://`` (Mastodon's counting); ``twitter_compat`` applies
    twitter-text's extra rule that ``name.cc`` alone (no path) is not a link.
    ``known_hosts`` (shorteners, own domains) are links without a scheme even
    when their top-level domain is not in the list (``forms.gle/…``).
    ``userinfo`` also finds links with ``user@`` before the host, as browsers
    read them (``https://a@bit.ly/x``, ``a@bit.ly/x``), reporting the real host.
    ``unicode_paths`` lets a path written with a scheme run on through
    non-Latin letters other than hiragana (Bluesky's link facets); the
    default keeps twitter-text's rule that such a letter ends the link."""
    links: list[Link] = []
    # Positions inside a link already found: each pass's links do not overlap
    # one another, so marking them costs at most len(text) per pass and the
    # lookup is constant (a list of spans scanned per match was quadratic).
    taken = _Taken(len(text))
    userinfo = userinfo and "@" in text
    if userinfo:
        _scheme_userinfo_pass(text, unicode_paths, links, taken)
    _scheme_pass(text, userinfo, unicode_paths, links, taken)
    if include_schemeless:
        if userinfo:
            _schemeless_userinfo_pass(text, known_hosts, links, taken)
        _schemeless_pass(text, userinfo, twitter_compat, known_hosts, links, taken)
        links.sort(key=lambda link: link.start)
    return links


def _scheme_userinfo_pass(text: str, unicode_paths: bool, links: list[Link], taken: _Taken) -> None:
    for match in _WITH_SCHEME_USERINFO.finditer(text):
        link = _scheme_link(text, match, unicode_paths)
        if link is not None:
            links.append(link)
            taken.add(link.start, link.end)


def _scheme_pass(text: str, userinfo: bool, unicode_paths: bool, links: list[Link], taken: _Taken) -> None:
    for match in _WITH_SCHEME.finditer(text):
        if match.start() in taken:
            continue
        if userinfo and text.startswith("@", match.end("path")):
            continue  # ``https://city.example.jp@`` names no host at all
        link = _scheme_link(text, match, unicode_paths)
        if link is not None:
            links.append(link)
            taken.add(link.start, link.end)


def _schemeless_userinfo_pass(text: str, known_hosts: frozenset[str], links: list[Link], taken: _Taken) -> None:
    for match in _WITHOUT_SCHEME_USERINFO.finditer(text):
        if match.start() in taken:
            continue
        link = _schemeless_link(text, match, False, known_hosts)
        if link is not None:
            links.append(link)
            taken.add(link.start, link.end)


def _schemeless_pass(
    text: str, userinfo: bool, twitter_compat: bool, known_hosts: frozenset[str], links: list[Link], taken: _Taken
) -> None:
    for match in _WITHOUT_SCHEME.finditer(text):
        if match.start() in taken:
            continue
        if userinfo and _BEFORE_AT.match(text, match.end("host")):
            continue  # ``city.example.jp`` of ``city.example.jp.x@evil.com`` is no host
        link = _schemeless_link(text, match, twitter_compat, known_hosts)
        if link is not None:
            links.append(link)


def link_path(text: str, link: Link) -> str:
    """The path (with query) of ``link`` as written in ``text``: ``/@city/videos`` of
    ``https://www.youtube.com/@city/videos``; ``""`` when there is none."""
    url = text[link.start : link.end]
    scheme = url.find("://")
    rest = url[scheme + 3 :] if scheme != -1 else url
    cut = min((i for i in (rest.find("/"), rest.find("?"), rest.find("#")) if i != -1), default=-1)
    return rest[cut:] if cut != -1 else ""


def _scheme_link(text: str, match: regex.Match[str], unicode_paths: bool = False) -> Link | None:
    host = match.group("host")
    labels = host.split(".")
    has_userinfo = _has_userinfo(match)
    # Behind a userinfo any host is the destination (``…@localhost/``,
    # ``…@3232235521/``); no dotted name is needed to make it a link.
    if not has_userinfo:
        if len(labels) < 2 and not _IPV4.match(host):
            return None
        if not _IPV4.match(host) and not _valid_tld(labels[-1], with_scheme=True):
            return None
    encoded = ascii_host(host)
    if encoded is None:
        return None
    if not match.group("path"):
        end = match.end()
    else:
        path_end = match.end("path")
        if unicode_paths:
            path_end = _UNICODE_PATH_RUN.match(text, path_end).end()
        end = _trim_path(text, match.start("path"), path_end)
    return Link(match.start(), end, encoded, has_scheme=True, has_userinfo=has_userinfo)


def _schemeless_link(
    text: str, match: regex.Match[str], twitter_compat: bool, known_hosts: frozenset[str]
) -> Link | None:
    host = match.group("host")
    tld = match.group("tld")
    encoded = ascii_host(host)
    if encoded is None:
        return None
    if not _valid_tld(tld, with_scheme=False) and not host_matches(encoded, known_hosts):
        return None
    path = match.group("path")
    if (
        twitter_compat
        and not path
        and host.count(".") == 1
        and len(tld) == 2
        and tld.lower() not in _SPECIAL_SHORT_TLDS
    ):
        return None
    end = _trim_path(text, match.start("path"), match.end("path")) if path else match.end()
    return Link(match.start(), end, encoded, has_scheme=False, has_userinfo=_has_userinfo(match))


def _has_userinfo(match: regex.Match[str]) -> bool:
    return "userinfo" in match.re.groupindex and match.group("userinfo") is not None


def host_matches(host: str, domains: frozenset[str] | set[str]) -> bool:
    """True when ``host`` is one of ``domains`` or a subdomain of one
    (``a.city.example.jp`` matches ``city.example.jp``; ``city.example.jp.evil.test`` does not)."""
    if host in domains:
        return True
    dot = host.find(".")
    while dot != -1:
        if host[dot + 1 :] in domains:
            return True
        dot = host.find(".", dot + 1)
    return False


def clean_domain(value: str) -> str:
    """A domain as an administrator may paste it (``https://Ｃｉｔｙ.example.jp/top``)
    reduced to the bare host (``city.example.jp``)."""
    value = unicodedata.normalize("NFKC", value).strip().lower()
    value = regex.sub(r"^[a-z][a-z0-9+.-]*://", "", value)
    value = regex.split(r"[/?#]", value, maxsplit=1)[0]
    value = value.rsplit("@", 1)[-1]
    value = regex.sub(r":\d+$", "", value)
    return value.strip(".")


def domain_set(values: Iterable[str]) -> frozenset[str]:
    """Valid hosts of ``values`` in the form :func:`find_links` reports them."""
    hosts = (ascii_host(clean_domain(v)) for v in values)
    return frozenset(h for h in hosts if h)
