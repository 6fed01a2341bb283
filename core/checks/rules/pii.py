"""Personal data in the text: マイナンバー, phone numbers, e-mail and postal
addresses, payment card numbers (wako:5-compliance, joso:5(1)).

All patterns run on the NFKC text, so full-width digits (０９０－…) and
full-width ＠ are found like their ASCII forms. The organization's published
contacts (profile) are not reported: a city posts its own numbers every day.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import regex

from core.checks.context import CheckContext, Hit, compact_address

# -- マイナンバー ----------------------------------------------------------------

# (the regex module skips to digits faster than re here)
_MYNUMBER = regex.compile(r"(?<!\d)(?<!\d[ -])\d{4}(?P<sep>[ -]?)\d{4}(?P=sep)\d{4}(?!\d)(?![ -]\d)")


def mynumber_check_digit(first_eleven: str) -> int:
    """Check digit of an Individual Number per the 総務省令 formula.

    P_n is the n-th digit counted from the right of the first eleven digits;
    Q_n = n + 1 for n = 1..6 and n - 5 for n = 7..11; r = Σ P_n·Q_n mod 11;
    the check digit is 0 when r ≤ 1, else 11 - r.
    """
    if len(first_eleven) != 11 or not first_eleven.isdigit():
        raise ValueError("expected 11 digits")
    total = 0
    for n in range(1, 12):
        p = int(first_eleven[11 - n])
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    remainder = total % 11
    return 0 if remainder <= 1 else 11 - remainder


def is_valid_mynumber(digits: str) -> bool:
    return len(digits) == 12 and digits.isdigit() and mynumber_check_digit(digits[:11]) == int(digits[11])


def check_mynumber(ctx: CheckContext) -> Iterator[Hit]:
    for match in _MYNUMBER.finditer(ctx.text):
        digits = match.group().replace(" ", "").replace("-", "")
        if is_valid_mynumber(digits):
            yield Hit("pii.mynumber", match.start(), match.end())


# -- payment cards ---------------------------------------------------------------

_CARD = regex.compile(r"(?<!\d)(?<!\d[ -])\d(?:[ -]?\d){12,18}(?!\d)(?![ -]\d)")


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def check_card_number(ctx: CheckContext) -> Iterator[Hit]:
    for match in _CARD.finditer(ctx.text):
        digits = match.group().replace(" ", "").replace("-", "")
        if 13 <= len(digits) <= 19 and len(set(digits)) > 1 and luhn_valid(digits):
            yield Hit("pii.card_number", match.start(), match.end())


# -- phone numbers -----------------------------------------------------------------

# Cheap pre-filter: the phonenumbers matcher is thorough but slow, so it only
# sees stretches that could hold a Japanese number (0… or +81…, ≥ 9 digits).
_PHONE_CANDIDATE = re.compile(r"(?<![\d+])(?:\+\s?81|\(0|0)[\d ()\-]{7,18}\d(?!\d)")


def check_phone(ctx: CheckContext) -> Iterator[Hit]:
    text = ctx.text
    if not any(ch.isdigit() for ch in text):
        return
    candidates = list(_PHONE_CANDIDATE.finditer(text))
    if not candidates:
        return
    for candidate in candidates:
        for start, end, number in _numbers_in(candidate.group()):
            if number not in ctx.setup.public_phones:
                yield Hit("pii.phone", candidate.start() + start, candidate.start() + end)


@functools.lru_cache(maxsize=1024)
def _numbers_in(candidate: str) -> tuple[tuple[int, int, str], ...]:
    """Numbers the phonenumbers matcher finds in one candidate stretch, as
    ``(start, end, E.164)``. Cached: while the operator types, the same
    stretches are checked again and again."""
    if sum(ch.isdigit() for ch in candidate) < 9:
        return ()
    import phonenumbers

    found = []
    for match in phonenumbers.PhoneNumberMatcher(candidate, "JP"):
        number: str = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        found.append((match.start, match.start + len(match.raw_string), number))
    return tuple(found)


# -- e-mail ------------------------------------------------------------------------

_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+"
    r"[A-Za-z]{2,24}(?![A-Za-z0-9\-])"
)


def check_email(ctx: CheckContext) -> Iterator[Hit]:
    text = ctx.text
    if "@" not in text:
        return
    for match in _EMAIL.finditer(text):
        if match.group().casefold() not in ctx.setup.public_emails:
            yield Hit("pii.email", match.start(), match.end())


# -- postal addresses ----------------------------------------------------------------

_DASH = "[-\u2010\u2011\u2013\u2212]"
_KANA_KANJI = "[\u3005\u3041-\u3096\u30a1-\u30fa\u30fc\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_KANJI_NUMBER = "[一二三四五六七八九十]{1,3}"
_NUMBER_END = rf"(?!\d)(?!{_DASH}\d)"

# (substring that must occur in the text, pattern): each pattern starts with a
# literal or a digit, so the engine skips quickly to candidates, and patterns
# whose marker is absent are not run at all.
_POSTAL_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("〒", re.compile(rf"〒\s*\d{{3}}{_DASH}?\d{{4}}(?!\d)")),
    ("郵便番号", re.compile(rf"郵便番号\s*:?\s*\d{{3}}{_DASH}?\d{{4}}(?!\d)")),
    # A bare 123-4567 only when a place name follows, else it is as likely a
    # local phone number.
    (
        "",
        re.compile(
            rf"(?<![\d\-\u2010\u2011\u2013\u2212])\d{{3}}{_DASH}\d{{4}}(?!\d)(?!{_DASH})"
            rf"(?=\s*{_KANA_KANJI}{{0,8}}?[都道府県市区町村])"
        ),
    ),
    ("丁目", re.compile(rf"(?:\d{{1,4}}|{_KANJI_NUMBER})丁目\s*\d{{1,5}}(?:番地?|{_DASH})\s*(?:\d{{1,4}}号?)?")),
    ("番地", re.compile(r"\d{1,5}番地(?:\s*\d{1,4}号?)?")),
    ("号", re.compile(r"\d{1,5}番\s*\d{1,4}号")),
)
# 1-2-3 after a place name; a leading 0 would be a phone number.
_HYPHENATED = re.compile(
    rf"(?<![\d\-\u2010\u2011\u2013\u2212])[1-9]\d{{0,2}}{_DASH}\d{{1,4}}{_DASH}\d{{1,4}}{_NUMBER_END}"
)
_PLACE_CHAR = re.compile(rf"{_KANA_KANJI}")


def _postal_matches(text: str) -> Iterator[tuple[int, int]]:
    for marker, pattern in _POSTAL_PATTERNS:
        if marker in text:
            for match in pattern.finditer(text):
                yield match.span()
    for match in _HYPHENATED.finditer(text):
        start = match.start()
        if start > 0 and _PLACE_CHAR.match(text, start - 1):
            yield match.span()


def check_postal_address(ctx: CheckContext) -> Iterator[Hit]:
    text = ctx.text
    if not any(ch.isdigit() for ch in text):
        return
    own = ctx.setup.own_addresses
    spans = sorted(set(_postal_matches(text)))
    last_end = -1
    for start, end in spans:
        if start < last_end:  # 丁目 and 1-2-3 forms may overlap; keep the first
            continue
        last_end = end
        if any(compact_address(text[start:end]) in address for address in own):
            continue
        yield Hit("pii.postal_address", start, end)
