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
from core.checks.urls import Link, ascii_host, clean_domain, domain_set, find_links
from core.checks.word_rules import WordRuleMatcher
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
    word_rules: WordRuleMatcher
    own_channels: tuple[tuple[str, str], ...] = ()  # (host, path prefix), case-folded
    place_names: frozenset[str] = frozenset()
    officials: frozenset[str] = frozenset()  # names in fold_name() form


# A published contact line: ``朝霞警察署 048-464-0110`` or ``info@hospital.example.jp（市民病院）``.
_CONTACT_EMAIL = regex.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,24}")
_CONTACT_PHONE = regex.compile(r"\+?[\d(][\d\-() \u2010-\u2015\u2212\u30fc]{7,}\d")
# Variant kanji that people and fonts swap in names (柴﨑/柴崎, 髙橋/高橋): one form for comparing.
_NAME_VARIANTS = str.maketrans("﨑髙邉邊齋齊濵濱德𠮷冨嶋", "崎高辺辺斎斉浜浜徳吉富島")
_NAME_NOISE = regex.compile(r"[\s\u3000・･]|[(（].*?[)）]")
_OFFICE_TITLES = "市長|副市長|町長|副町長|村長|副村長|区長|教育長|議長|副議長|知事|副知事|市議会議員|議員"
_TITLES = regex.compile(rf"^(?:{_OFFICE_TITLES})|(?:{_OFFICE_TITLES})$")


def fold_name(name: str) -> str:
    """A name in one form for comparing: NFKC, no spaces or brackets, common variant kanji folded."""
    value: str = _NAME_NOISE.sub("", unicodedata.normalize("NFKC", name))
    untitled: str = _TITLES.sub("", value)
    return untitled.translate(_NAME_VARIANTS).casefold()


def _contacts(lines: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    phones: set[str] = set()
    emails: set[str] = set()
    for line in lines:
        text = unicodedata.normalize("NFKC", line)
        emails.update(m.group().casefold() for m in _CONTACT_EMAIL.finditer(text))
        for match in _CONTACT_PHONE.finditer(_CONTACT_EMAIL.sub(" ", text)):
            number = e164(match.group())
            if number:
                phones.add(number)
    return frozenset(phones), frozenset(emails)


def _channel(url: str) -> tuple[str, str] | None:
    """``https://www.YouTube.com/@City/`` → ``("youtube.com", "/@city")``."""
    value = unicodedata.normalize("NFKC", url).strip()
    host = ascii_host(clean_domain(value))
    if host is None:
        return None
    host = host.removeprefix("www.").removeprefix("m.")
    rest = regex.sub(r"^[a-z][a-z0-9+.-]*://", "", value.casefold())
    slash = rest.find("/")
    path = regex.split(r"[?#]", rest[slash:], maxsplit=1)[0].rstrip("/") if slash != -1 else ""
    return (host, path) if path else None


def _build_setup(profile: OrganizationProfile, config: CheckConfig) -> CheckSetup:
    shorteners = (builtin_shorteners() | frozenset(config.shorteners_added)) - frozenset(config.shorteners_removed)
    contact_phones, contact_emails = _contacts(profile.partner_contacts)
    phones = frozenset(p for p in (e164(n) for n in profile.public_phones) if p) | contact_phones
    emails = frozenset(unicodedata.normalize("NFKC", e).strip().casefold() for e in profile.public_emails)
    emails |= contact_emails
    addresses = tuple(canonical_address(a) for a in profile.postal_addresses if a.strip())
    codes = frozenset(code for a in profile.postal_addresses for code in postal_codes(a))
    own_domains = domain_set(profile.own_domains)
    lexicons = effective_lexicons(config)
    return CheckSetup(
        profile=profile,
        config=config,
        own_domains=own_domains,
        shorteners=shorteners,
        public_phones=phones,
        public_emails=emails,
        own_addresses=addresses,
        own_postal_codes=codes,
        lexicon=LexiconMatcher(lexicons),
        link_hosts=shorteners | own_domains,
        word_rules=WordRuleMatcher(lexicons),
        own_channels=tuple(c for c in (_channel(u) for u in profile.own_channels) if c),
        place_names=frozenset(unicodedata.normalize("NFKC", p).strip() for p in profile.place_names if p.strip()),
        officials=frozenset(f for f in (fold_name(o) for o in profile.officials) if f),
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
