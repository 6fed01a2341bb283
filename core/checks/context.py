"""What a rule sees: the draft, its normalised text and the prepared settings.

Preparing the organization's settings (own domains in Punycode, published
numbers in E.164, the compiled word lists) costs more than a check, so it is
done once per (profile, configuration) pair and cached; a keystroke only
normalises the text and runs the rules.
"""

from __future__ import annotations

import functools
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field

import regex

from core.checks.config import CheckConfig
from core.checks.lexicon import LexiconMatcher, effective_lexicons
from core.checks.model import DraftInput
from core.checks.normalize import NormalizedText
from core.checks.urls import Link, domain_set, find_links
from core.organization.profile import OrganizationProfile
from core.runtime.resources import resource_path

# A parameter of a message: one string for both languages or (ja, en).
Param = str | tuple[str, str]


@dataclass(frozen=True)
class Hit:
    """A rule's raw result before severity and messages are applied.

    Text spans are in the normalised text unless ``in_original`` is set.
    """

    rule_id: str
    start: int | None = None
    end: int | None = None
    media_index: int | None = None
    params: Mapping[str, Param] = field(default_factory=dict)
    in_original: bool = False


@functools.cache
def builtin_shorteners() -> frozenset[str]:
    """``resources/rules/shorteners.txt`` as a set of ASCII hosts."""
    lines = resource_path("rules", "shorteners.txt").read_text(encoding="utf-8").splitlines()
    return domain_set(line.split("#", 1)[0] for line in lines if line.split("#", 1)[0].strip())


def e164(number: str) -> str | None:
    """A phone number as written (``048-424-9090``, ``+81 48…``) in E.164, or ``None``."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse(unicodedata.normalize("NFKC", number), "JP")
    except phonenumbers.NumberParseException:
        return None
    formatted: str = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return formatted


_KANJI_DIGITS = dict(zip("一二三四五六七八九", "123456789", strict=True))
_KANJI_CHOME = regex.compile(r"([一二三四五六七八九十]{1,3})丁目")
_DIGIT_DASH = regex.compile(r"(?<=\d)[\-\u2010-\u2015\u2212\u30fc\uff0d\uff70](?=\d)")
_BLOCK_SEPARATOR = regex.compile(r"(?<=\d)(?:丁目|番地の?|番の?|号の?|の)(?=\d)")
_BLOCK_END = regex.compile(r"(?<=\d)(?:丁目|番地|番|号)")
_SPACE = regex.compile(r"\s+")
_POSTAL_CODE = regex.compile(r"(?<!\d)(\d{3})-?(\d{4})(?!\d)")


def _kanji_number(match: regex.Match[str]) -> str:
    numeral: str = match.group(1)
    tens, ten, ones = numeral.partition("十")
    if not ten:
        digits = "".join(_KANJI_DIGITS[ch] for ch in tens)
    elif len(tens) <= 1 and len(ones) <= 1:
        digits = str(int(_KANJI_DIGITS.get(tens, "1")) * 10 + int(_KANJI_DIGITS.get(ones, "0")))
    else:
        return numeral + "丁目"
    return digits + "丁目"


def canonical_address(text: str) -> str:
    """An address in one spelling, so that 霞が関１丁目２番３号, 霞が関1‐2‐3 and
    霞が関 一丁目2番3号 compare equal: NFKC, no spaces, block numbers as ``1-2-3``."""
    value = _SPACE.sub("", unicodedata.normalize("NFKC", text))
    value = _KANJI_CHOME.sub(_kanji_number, value)
    value = _DIGIT_DASH.sub("-", value)
    value = _BLOCK_SEPARATOR.sub("-", value)
    result: str = _BLOCK_END.sub("", value)
    return result


def postal_codes(text: str) -> frozenset[str]:
    """The seven-digit postal codes written in ``text`` (``〒351-0192`` → ``3510192``)."""
    return frozenset(a + b for a, b in _POSTAL_CODE.findall(canonical_address(text)))


@dataclass(frozen=True)
class CheckSetup:
    profile: OrganizationProfile
    config: CheckConfig
    own_domains: frozenset[str]
    shorteners: frozenset[str]
    public_phones: frozenset[str]
    public_emails: frozenset[str]
    own_addresses: tuple[str, ...]  # in canonical_address() form
    own_postal_codes: frozenset[str]
    lexicon: LexiconMatcher
    link_hosts: frozenset[str]  # linked even without a scheme or a listed TLD


def _build_setup(profile: OrganizationProfile, config: CheckConfig) -> CheckSetup:
    shorteners = (builtin_shorteners() | frozenset(config.shorteners_added)) - frozenset(config.shorteners_removed)
    phones = frozenset(p for p in (e164(n) for n in profile.public_phones) if p)
    emails = frozenset(unicodedata.normalize("NFKC", e).strip().casefold() for e in profile.public_emails)
    addresses = tuple(canonical_address(a) for a in profile.postal_addresses if a.strip())
    codes = frozenset(code for a in profile.postal_addresses for code in postal_codes(a))
    own_domains = domain_set(profile.own_domains)
    return CheckSetup(
        profile=profile,
        config=config,
        own_domains=own_domains,
        shorteners=shorteners,
        public_phones=phones,
        public_emails=emails,
        own_addresses=addresses,
        own_postal_codes=codes,
        lexicon=LexiconMatcher(effective_lexicons(config)),
        link_hosts=shorteners | own_domains,
    )


_cache: OrderedDict[tuple[OrganizationProfile, CheckConfig], CheckSetup] = OrderedDict()
_cache_lock = threading.Lock()


def prepare(profile: OrganizationProfile, config: CheckConfig) -> CheckSetup:
    """The prepared settings for ``profile`` and ``config`` (cached, thread-safe)."""
    key = (profile, config)
    with _cache_lock:
        setup = _cache.get(key)
        if setup is not None:
            _cache.move_to_end(key)
            return setup
    setup = _build_setup(profile, config)
    with _cache_lock:
        _cache[key] = setup
        while len(_cache) > 8:
            _cache.popitem(last=False)
    return setup


class CheckContext:
    """One check run: the draft, its normalised text, the settings, the links."""

    def __init__(self, draft: DraftInput, normalized: NormalizedText, setup: CheckSetup) -> None:
        self.draft = draft
        self.normalized = normalized
        self.setup = setup
        self._links: list[Link] | None = None

    @property
    def text(self) -> str:
        """The normalised text (NFKC, invisible characters removed)."""
        return self.normalized.text

    @property
    def links(self) -> list[Link]:
        if self._links is None:
            self._links = find_links(self.normalized.text, known_hosts=self.setup.link_hosts, userinfo=True)
        return self._links
