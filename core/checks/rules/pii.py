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

from core.checks.context import CheckContext, Hit, canonical_address

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

# Issuer identification numbers (ISO/IEC 7812 IIN ranges as the brands publish
# them) and the lengths each brand issues: a Luhn-valid run of digits is a card
# number only when a real issuer uses that prefix at that length. One in ten
# random numbers passes Luhn, so Luhn alone blocked barcodes and order numbers.
_ISSUERS: tuple[tuple[int, int, frozenset[int]], ...] = (
    (4, 4, frozenset({13, 16, 19})),  # Visa
    (51, 55, frozenset({16})),  # Mastercard
    (2221, 2720, frozenset({16})),  # Mastercard 2-series
    (34, 34, frozenset({15})),  # American Express
    (37, 37, frozenset({15})),
    (3528, 3589, frozenset({16, 17, 18, 19})),  # JCB
    (300, 305, frozenset({14, 16, 17, 18, 19})),  # Diners Club
    (36, 36, frozenset({14, 16, 17, 18, 19})),
    (38, 39, frozenset({16, 17, 18, 19})),
    (6011, 6011, frozenset({16, 17, 18, 19})),  # Discover
    (644, 649, frozenset({16, 17, 18, 19})),
    (65, 65, frozenset({16, 17, 18, 19})),
    (62, 62, frozenset({16, 17, 18, 19})),  # UnionPay
)
# Words that say a number is a card's (within _CONTEXT characters before it).
_CARD_CONTEXT = regex.compile(
    r"カード|クレジット|クレカ|デビット|card|visa|master|jcb|amex|american\s*express|diners|有効期限|セキュリティコード|cvv",
    regex.IGNORECASE,
)
# Words that say it is a product or book code: never a card.
_CODE_CONTEXT = regex.compile(
    r"jan|ean|isbn|issn|gtin|upc|itf|バーコード|商品コード|品番|書籍|コード番号|問い合わせ番号|受付番号",
    regex.IGNORECASE,
)
_CONTEXT = 24
# 4-4-4-4 (or 4-6-5 for Amex) groups are how card numbers are printed and written.
_CARD_GROUPS = regex.compile(r"^\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?$|^\d{4}([ -])\d{6}\2\d{4,5}$")


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


def gtin_valid(digits: str) -> bool:
    """The GS1 check digit of a GTIN-8/12/13/14 (JAN, EAN-13, EAN-8, UPC-A, ITF-14;
    ISBN-13 is an EAN-13 starting with 978/979)."""
    if len(digits) not in (8, 12, 13, 14) or not digits.isdigit():
        return False
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def isbn10_valid(code: str) -> bool:
    """ISBN-10 with its mod-11 check character (``X`` for ten)."""
    code = code.upper()
    if len(code) != 10 or not code[:9].isdigit() or not (code[9].isdigit() or code[9] == "X"):
        return False
    total = sum((10 - i) * (10 if ch == "X" else int(ch)) for i, ch in enumerate(code))
    return total % 11 == 0


def card_issuer_ok(digits: str) -> bool:
    """Whether a real card issuer uses ``digits``' prefix at its length."""
    length = len(digits)
    for low, high, lengths in _ISSUERS:
        prefix = int(digits[: len(str(low))])
        if low <= prefix <= high and length in lengths:
            return True
    return False


def is_check_digit_code(digits: str) -> bool:
    """A product or book code whose check digit holds (JAN/EAN-13, GTIN-14, UPC-A, EAN-8)."""
    return gtin_valid(digits)


def looks_like_card(text: str, start: int, end: int) -> bool:
    """A Luhn-valid number with a real issuer prefix and length, written as cards
    are (groups of four) or named as a card nearby, and not a product code."""
    written = text[start:end]
    digits = written.replace(" ", "").replace("-", "")
    if not (13 <= len(digits) <= 19) or len(set(digits)) == 1 or not luhn_valid(digits):
        return False
    if not card_issuer_ok(digits):
        return False
    before = text[max(0, start - _CONTEXT) : start]
    if _CODE_CONTEXT.search(before):
        return False
    if is_check_digit_code(digits) and not _CARD_CONTEXT.search(before):
        return False
    return bool(_CARD_GROUPS.match(written) or _CARD_CONTEXT.search(before))


def check_card_number(ctx: CheckContext) -> Iterator[Hit]:
    text = ctx.text
    for match in _CARD.finditer(text):
        if looks_like_card(text, match.start(), match.end()):
            yield Hit("pii.card_number", match.start(), match.end())


# -- phone numbers -----------------------------------------------------------------

# Separators people type between the groups of a number: IMEs give ー (U+30FC)
# or one of the Unicode dashes as often as "-". NFKC has already turned the
# full-width － and half-width ｰ into "-" and ー, and U+2011 into U+2010.
_PHONE_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff0d\uff70."
_TO_HYPHEN = str.maketrans(dict.fromkeys(_PHONE_DASHES, "-"))

# Cheap pre-filter: the phonenumbers matcher is thorough but slow, so it only
# sees stretches that could hold a Japanese number (0… or +81…, ≥ 9 digits).
# A "0." that starts a stretch, or a stretch right after "3.", is a decimal
# fraction (0.123456789), never the first group of a Japanese number.
#
# Each pattern scanned over the whole text opens with a character, its look-behind after it: the
# standard engine then leaps to the characters that can start a match, where a pattern opening with
# a look-behind is tried at every position (three to ten times slower over a long draft).
_PHONE_CANDIDATE = re.compile(
    r"(?:\+(?<![\d+]\+)(?<!\d\.\+)\s?81|\((?<![\d+]\()(?<!\d\.\()0|0(?<![\d+]0)(?<!\d\.0)(?!\.))"
    rf"[\d ()\-{_PHONE_DASHES}]{{7,18}}\d(?!\d)"
)


def check_phone(ctx: CheckContext) -> Iterator[Hit]:
    text = ctx.text
    if not any(map(str.isdigit, text)):
        return
    candidates = list(_PHONE_CANDIDATE.finditer(text))
    if not candidates:
        return
    for candidate in candidates:
        # One character for one, so offsets still point into ``text``.
        for start, end, number in _numbers_in(candidate.group().translate(_TO_HYPHEN)):
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

_EMAIL = re.compile(  # the first character before its look-behind: see _PHONE_CANDIDATE
    r"[A-Za-z0-9._%+\-](?<![A-Za-z0-9._%+\-][A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]*@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+"
    r"[A-Za-z]{2,24}(?![A-Za-z0-9\-])"
)


def check_email(ctx: CheckContext) -> Iterator[Hit]:
    text = ctx.text
    if "@" not in text:
        return
    # ``user@host`` inside a link is the link's userinfo, reported by the link
    # rules with the real host; reporting it as an address too would be noise.
    in_links = [(link.start, link.end) for link in ctx.links if link.has_userinfo]
    for match in _EMAIL.finditer(text):
        if any(s <= match.start() and match.end() <= e for s, e in in_links):
            continue
        if match.group().casefold() not in ctx.setup.public_emails:
            yield Hit("pii.email", match.start(), match.end())


# -- postal addresses ----------------------------------------------------------------

_DASH = "[-\u2010\u2011\u2013\u2212]"
_KANA_KANJI = "[\u3005\u3041-\u3096\u30a1-\u30fa\u30fc\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_KANJI_NUMBER = "[一二三四五六七八九十]{1,3}"
_NUMBER_END = rf"(?!\d)(?!{_DASH}\d)"

# (substring that must occur in the text, is a postal code, pattern): each
# pattern starts with a literal or a digit, so the engine skips quickly to
# candidates, and patterns whose marker is absent are not run at all.
_POSTAL_PATTERNS: tuple[tuple[str, bool, re.Pattern[str]], ...] = (
    ("〒", True, re.compile(rf"〒\s*\d{{3}}{_DASH}?\d{{4}}(?!\d)")),
    ("郵便番号", True, re.compile(rf"郵便番号\s*:?\s*\d{{3}}{_DASH}?\d{{4}}(?!\d)")),
    # A bare 123-4567 only when a place name follows, else it is as likely a
    # local phone number.
    (
        "",
        True,
        re.compile(
            rf"\d(?<![\d\-\u2010\u2011\u2013\u2212]\d)\d{{2}}{_DASH}\d{{4}}(?!\d)(?!{_DASH})"
            rf"(?=\s*{_KANA_KANJI}{{0,8}}?[都道府県市区町村])"
        ),
    ),
    ("丁目", False, re.compile(rf"(?:\d{{1,4}}|{_KANJI_NUMBER})丁目\s*\d{{1,5}}(?:番地?|{_DASH})\s*(?:\d{{1,4}}号?)?")),
    ("番地", False, re.compile(r"\d{1,5}番地(?:\s*\d{1,4}号?)?")),
    ("号", False, re.compile(r"\d{1,5}番\s*\d{1,4}号")),
)
# 1-2-3 after a place name; a leading 0 would be a phone number. (The first digit before its
# look-behind: see _PHONE_CANDIDATE.)
_HYPHENATED = re.compile(
    rf"[1-9](?<![\d\-\u2010\u2011\u2013\u2212][1-9])\d{{0,2}}{_DASH}\d{{1,4}}{_DASH}\d{{1,4}}{_NUMBER_END}"
)
_PLACE_CHAR = re.compile(rf"{_KANA_KANJI}")


def _postal_matches(text: str) -> Iterator[tuple[int, int, bool]]:
    for marker, is_code, pattern in _POSTAL_PATTERNS:
        if marker in text:
            for match in pattern.finditer(text):
                yield (*match.span(), is_code)
    for match in _HYPHENATED.finditer(text):
        start = match.start()
        if start > 0 and _PLACE_CHAR.match(text, start - 1):
            yield (*match.span(), False)


# The place name before a block number, read backwards from the number.
_PLACE_BEFORE = re.compile(rf"(?:{_KANA_KANJI}|[ \u3000])*")
_PLACE_MAX = 40
_HIRAGANA = re.compile("[\u3041-\u3096]")
# A name ends at one of these, so the text's locality may start right after one.
_UNIT_ENDS = frozenset("都道府県市区町村郡")


def _is_own_street_address(text: str, start: int, end: int, own: tuple[str, ...]) -> bool:
    """True when the block number at ``[start, end)`` with the place name before
    it is one of the organization's own addresses.

    The number alone proves nothing (every town has a 1丁目2番3号), so the
    place name must match too: the longest tail of the name before the number
    that occurs with the number in an own address must start where a name
    starts in both texts. 和光市広沢1番5号 and 広沢1-5 match 埼玉県和光市広沢1番5号;
    大阪市北区中之島1-5, 新広沢1-5 and 大阪府和光市広沢1-5 do not.
    """
    if not own:
        return False
    window_start = max(0, start - _PLACE_MAX)
    before = text[window_start:start]
    place = before[len(before) - len(_reverse_place_run(before)) :]
    number = text[start:end]
    for size in range(len(place), 0, -1):
        tail = place[len(place) - size :]
        if not tail.strip():
            break
        key = canonical_address(tail + number)
        positions = [(address, i) for address in own for i in _occurrences(address, key)]
        if not positions:
            continue
        # Only the longest tail counts: a shorter one would drop a name the text
        # gives (大阪市北区中之島 → 中之島) and match a different place.
        preceding = place[: len(place) - size].rstrip()[-1:]
        if preceding and not _HIRAGANA.match(preceding):
            return False
        return any(i == 0 or _starts_name(address[i - 1]) for address, i in positions)
    return False


def _reverse_place_run(before: str) -> str:
    run = _PLACE_BEFORE.match(before[::-1])
    return run.group()[::-1] if run else ""


def _starts_name(previous: str) -> bool:
    return previous in _UNIT_ENDS or not _PLACE_CHAR.match(previous)


def _occurrences(address: str, key: str) -> Iterator[int]:
    """Where ``key`` occurs in ``address`` as a whole block number (``1-2`` is not
    in ``…1-2-3``)."""
    i = address.find(key)
    while i != -1:
        after = address[i + len(key) : i + len(key) + 2]
        if not (after[:1].isdigit() or (after[:1] == "-" and after[1:2].isdigit())):
            yield i
        i = address.find(key, i + 1)


def street_address_spans(ctx: CheckContext) -> list[tuple[int, int]]:
    """Postal codes and street addresses in the normalised text that are not the organization's own."""
    text = ctx.text
    if not any(map(str.isdigit, text)):
        return []
    setup = ctx.setup
    spans = sorted(set(_postal_matches(text)))
    found: list[tuple[int, int]] = []
    last_end = -1
    for start, end, is_code in spans:
        if start < last_end:  # 丁目 and 1-2-3 forms may overlap; keep the first
            continue
        last_end = end
        if is_code:
            if "".join(ch for ch in text[start:end] if ch.isdigit()) in setup.own_postal_codes:
                continue
        elif _is_own_street_address(text, start, end, setup.own_addresses):
            continue
        found.append((start, end))
    return found


def check_postal_address(ctx: CheckContext) -> Iterator[Hit]:
    for start, end in street_address_spans(ctx):
        yield Hit("pii.postal_address", start, end)
