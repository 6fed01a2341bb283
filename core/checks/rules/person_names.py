"""The analysis tier: ``pii.person_name``, ``pii.person_details`` and word rules
on morphemes (``content.lexicon.<category>`` entries starting with ``~``).

All three read SudachiPy's morphemes (:mod:`core.checks.morphemes`), which is
too slow for every keystroke, so :func:`core.checks.engine.run_checks` runs
them only on request and the GUI runs :func:`check_person_names` on a worker
thread after typing pauses.

A name is a private person's only when nothing says otherwise: Sudachi's
person-name morphemes that are the organization's place names (新倉 is a 姓 to
Sudachi and a district of 和光市), its officials in their public role
(柴﨑光子市長, or any name followed by an elected office), or the first part of
a place or facility (新倉小学校, 白子公園) are left out. A name with an age
(5歳, 小学3年) in a post that also gives a street address is
``pii.person_details``: that identifies someone, a child all the more.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from core.checks.catalog import LEXICON_PREFIX
from core.checks.context import CheckContext, Hit, fold_name
from core.checks.morphemes import Morpheme, analyse
from core.checks.normalize import normalize
from core.checks.rules.pii import street_address_spans


@dataclass(frozen=True)
class NameSpan:
    """A name at ``[start, end)`` of the ORIGINAL text."""

    start: int
    end: int
    surface: str


# What follows a name that is really a place or a facility (新倉小学校, 白子公園).
_PLACE_SUFFIXES = (
    "市",
    "町",
    "村",
    "区",
    "郡",
    "県",
    "都",
    "府",
    "駅",
    "線",
    "公園",
    "小学校",
    "中学校",
    "高校",
    "高等学校",
    "学校",
    "学園",
    "大学",
    "図書館",
    "公民館",
    "体育館",
    "センター",
    "会館",
    "ホール",
    "病院",
    "医院",
    "神社",
    "寺",
    "院",
    "川",
    "橋",
    "通り",
    "地区",
    "地域",
    "丁目",
    "団地",
    "台",
    "保育園",
    "保育所",
    "幼稚園",
    "こども園",
    "交番",
    "警察署",
    "消防署",
    "郵便局",
    "自治会",
    "町内会",
    "商店街",
    "温泉",
    "港",
    "山",
    "池",
    "緑地",
    "広場",
    "運動場",
    "グラウンド",
    "プール",
    "記念館",
    "美術館",
    "博物館",
    "児童館",
    "出張所",
    "支所",
    "庁舎",
    "交差点",
    "方面",
    "周辺",
    "付近",
    "沿い",
    "浄水場",
    "霊園",
    "墓地",
    "踏切",
    "インター",
    "IC",
    "ダム",
    "の森",
)
# Elected and appointed offices: a name before one is the office holder in public.
_OFFICES = frozenset(
    {
        "市長",
        "副市長",
        "町長",
        "副町長",
        "村長",
        "副村長",
        "区長",
        "教育長",
        "議長",
        "副議長",
        "知事",
        "副知事",
        "議員",
        "大臣",
        "総理",
        "首相",
        "市議",
        "県議",
        "管理者",
        "消防長",
        "候補",
        "候補者",
    }
)
_AGE = regex.compile(r"\d{1,3}\s*(?:歳|才|か月|ヶ月|カ月)|(?:小学|中学|高校)\s*\d\s*年|\d年生|[一二三四五六]年生")
_AGE_WINDOW = 30


def _followed_by_place(morphemes: Sequence[Morpheme], index: int) -> bool:
    if index + 1 >= len(morphemes):
        return False
    following = morphemes[index + 1]
    if following.pos[0] == "接尾辞" and following.pos[2] in ("地名", "一般") and following.surface in _PLACE_SUFFIXES:
        return True
    return following.surface.startswith(_PLACE_SUFFIXES) or following.is_place_name


def _followed_by_office(morphemes: Sequence[Morpheme], index: int) -> bool:
    return index + 1 < len(morphemes) and morphemes[index + 1].surface in _OFFICES


def _raw_name_runs(morphemes: Sequence[Morpheme]) -> list[tuple[int, int]]:
    """Runs of consecutive person-name morphemes, as (first, last) indexes."""
    runs: list[tuple[int, int]] = []
    for i, morpheme in enumerate(morphemes):
        if not morpheme.is_person_name:
            continue
        if runs and runs[-1][1] == i - 1 and morphemes[i - 1].end == morpheme.start:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


_KATAKANA = regex.compile(r"^[\p{Katakana}ー・]+$")
_DEPARTMENT_ENDS = tuple("部課係室局所署")


def _not_a_name(morphemes: Sequence[Morpheme], first: int, last: int, text: str) -> bool:
    """What Sudachi calls a name but a reader would not: romaji inside addresses
    and links (``hanako_s@…``), a lone katakana word (トング, マイナ), the tail of
    a compound noun naming a department (上下水道部 → 道部)."""
    if text.isascii():
        return True
    if first == last and _KATAKANA.match(text):
        return True
    previous = morphemes[first - 1] if first > 0 else None
    return (
        text.endswith(_DEPARTMENT_ENDS)
        and previous is not None
        and previous.end == morphemes[first].start
        and previous.pos[0] == "名詞"
    )


def _is_public(ctx: CheckContext, morphemes: Sequence[Morpheme], first: int, last: int) -> bool:
    setup = ctx.setup
    text = ctx.text[morphemes[first].start : morphemes[last].end]
    if _not_a_name(morphemes, first, last, text):
        return True
    parts = [m.surface for m in morphemes[first : last + 1]]
    if text in setup.place_names or any(p in setup.place_names for p in parts):
        return True
    folded = fold_name(text)
    if folded in setup.officials or any(folded and o.startswith(folded) for o in setup.officials):
        return True
    return _followed_by_office(morphemes, last) or _followed_by_place(morphemes, last)


def person_name_spans(ctx: CheckContext, morphemes: Sequence[Morpheme]) -> list[tuple[int, int]]:
    """Spans of private persons' names in the normalised text; a family name
    followed by a given name is one span."""
    spans = []
    for first, last in _raw_name_runs(morphemes):
        start, end = morphemes[first].start, morphemes[last].end
        # A lone one-character "name" is mostly noise (光, 誠 as ordinary words).
        if end - start >= 2 and not _is_public(ctx, morphemes, first, last):
            spans.append((start, end))
    return spans


def _name_spans_plain(text: str) -> list[tuple[int, int]]:
    """Every name Sudachi sees (no profile), for :func:`find_person_names`."""
    morphemes = analyse(text)
    spans = []
    for first, last in _raw_name_runs(morphemes):
        start, end = morphemes[first].start, morphemes[last].end
        if end - start >= 2:
            spans.append((start, end))
    return spans


def find_person_names(text: str) -> list[NameSpan]:
    """Names in ``text`` with spans in the original text (thread-safe)."""
    normalized = normalize(text)
    names = []
    for start, end in _name_spans_plain(normalized.text):
        o_start, o_end = normalized.span_to_original(start, end)
        names.append(NameSpan(o_start, o_end, text[o_start:o_end]))
    return names


def check_person_name_hits(ctx: CheckContext) -> Iterator[Hit]:
    """Every analysis-tier hit: person names, person details, word rules."""
    text = ctx.text
    morphemes = analyse(text)
    spans = person_name_spans(ctx, morphemes)
    for start, end in spans:
        yield Hit("pii.person_name", start, end, params={"word": text[start:end]})
    yield from _person_details(ctx, spans)
    for match in ctx.setup.word_rules.find(text, morphemes):
        yield Hit(LEXICON_PREFIX + match.category, match.start, match.end, params={"word": match.word})


def _person_details(ctx: CheckContext, spans: list[tuple[int, int]]) -> Iterator[Hit]:
    if not spans:
        return
    text = ctx.text
    if not any(map(str.isdigit, text)) and "年生" not in text:
        return
    addresses = street_address_spans(ctx)
    if not addresses:
        return
    for start, end in spans:
        window = text[max(0, start - _AGE_WINDOW) : end + _AGE_WINDOW]
        if _AGE.search(window):
            yield Hit("pii.person_details", start, end, params={"word": text[start:end]})
