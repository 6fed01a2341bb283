"""Word-list rules (``content.lexicon.<category>``), ``content.dm_request``,
``content.quote`` and ``content.harmful_program``.

The word lists cover the prohibited categories of wako:5 and joso:5; see
``resources/rules/README.md`` for why some obvious words are left out.
``content.dm_request`` (wako:5-エ) looks for requests to send a direct message,
but not for notices that the account does *not* answer DMs.
``content.quote`` (wako:5-イ, joso:6(3)) finds pasted quotes of other users'
posts (``RT @someone:``, ``QT``, ``@someone さんの投稿より``);
``content.harmful_program`` (joso:5(11)) finds links to programs and scripts
(``.exe``, ``.apk`` …) and the lure "enable macros".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import regex

from core.checks.catalog import LEXICON_PREFIX
from core.checks.context import CheckContext, Hit


def check_lexicon(ctx: CheckContext) -> Iterator[Hit]:
    for match in ctx.setup.lexicon.find(ctx.text):
        yield Hit(LEXICON_PREFIX + match.category, match.start, match.end, params={"word": match.word})


_DM = regex.compile(
    r"(?<![A-Za-z])DM(?=\s*(?:で|にて|へ|から|まで|を|に|ください|下さい|くださ|お待ち|して|送|受付|募集|にてお|頂|いただ|くれ|よろしく|お願い|!|！))"
    r"|ダイレクト\s*[・･]?\s*メッセージ|ダイレクトメール(?=で|にて|を|まで|へ)"
    r"|direct\s+message|(?<![A-Za-z])DM\s+(?:us|me)(?![A-Za-z])"
    # Paraphrases (wako:5-エ 非公開メッセージ): "個別にメッセージを", "メッセージ機能で",
    # "非公開のメッセージで", "プライベートメッセージ", "メッセージでご連絡ください".
    r"|(?:個別|個人的|直接|非公開|内々)(?:に|の|で)?\s*(?:メッセージ|メッセ|チャット)"
    r"|(?:メッセージ|チャット)\s*機能(?:で|を|から|にて)"
    r"|プライベート\s*メッセージ|(?<![A-Za-z])PM(?=\s*(?:で|にて|ください|下さい|お願い))"
    r"|(?<!応援|お祝い|感謝|激励|ビデオ)メッセージ(?:で|にて)(?:お|ご)?(?:送り|送って|連絡|問い合わせ|問合せ|知らせ)"
    r"|(?:リプ|リプライ|コメント)(?:か|または|や)DM"
    r"|(?<!応援|お祝い|感謝|激励|ビデオ)メッセージ\s*(?:ください|下さい)",
    regex.IGNORECASE | regex.VERSION1,
)
# "DMには対応しておりません" tells readers the opposite: not a request.
_NEGATION = regex.compile(
    r".{0,12}?(?:対応して(?:おり|い)ません|受け付けて(?:おり|い)ません|お答えでき(?:ません|かねます)"
    r"|お答えして(?:おり|い)ません|お答えしません|お受けして(?:おり|い)ません"
    r"|返信(?:は)?(?:して|いたして|致して)?(?:おり|い)ません|行って(?:おり|い)ません|利用して(?:おり|い)ません"
    r"|お控えください|送らないで)",
    regex.VERSION1,
)


def check_dm_request(ctx: CheckContext) -> Iterator[Hit]:
    text = ctx.text
    upper = text.upper()
    if not any(k in upper for k in ("DM", "PM", "ダイレクト", "DIRECT", "メッセ", "チャット", "トーク")):
        return
    for match in _DM.finditer(text):
        if _NEGATION.match(text, match.end(), min(len(text), match.end() + 40)):
            continue
        yield Hit("content.dm_request", match.start(), match.end())


# -- quotes of other users' posts (wako:5-イ, joso:6(3)) ---------------------------------

_QUOTE = regex.compile(
    r"(?<![A-Za-z0-9])(?:RT|QT|MT|RP)\s*[:：]?\s*@[A-Za-z0-9_.]{1,30}"
    r"|(?:引用|転載|リポスト|リツイート)\s*(?:RT)?\s*[:：]\s*@?[A-Za-z0-9_.]{1,30}"
    r"|@[A-Za-z0-9_.]{1,30}\s*(?:さん|様|氏)?の(?:投稿|ポスト|ツイート|つぶやき)(?:より|から|を(?:ご)?(?:引用|転載|紹介))"
    r"|(?:以下|下記)(?:の)?(?:投稿|ポスト|ツイート)を(?:引用|転載|リポスト)",
    regex.IGNORECASE | regex.VERSION1,
)


_QUOTE_HINT = (
    "rt",
    "qt",
    "mt",
    "rp",
    "引用",
    "転載",
    "リポスト",
    "リツイート",
    "投稿",
    "ポスト",
    "ツイート",
    "つぶやき",
)


def check_quote(ctx: CheckContext) -> Iterator[Hit]:
    text = ctx.text
    folded = text.casefold()
    if not any(hint in folded for hint in _QUOTE_HINT):
        return
    for match in _QUOTE.finditer(text):
        yield Hit("content.quote", match.start(), match.end())


# -- harmful programs (joso:5(11)) -------------------------------------------------------

# File types that run code when opened; a city's notice links documents, not these.
HARMFUL_EXTENSIONS = frozenset(
    {
        "exe",
        "apk",
        "scr",
        "bat",
        "cmd",
        "js",
        "jse",
        "vbs",
        "vbe",
        "msi",
        "jar",
        "ps1",
        "hta",
        "wsf",
        "lnk",
        "pif",
        "cpl",
        "dll",
        "com",
        "reg",
        "xapk",
        "dmg",
        "pkg",
        "appx",
        "msix",
    }
)
# ``setup.exe`` named without a link is as much a program to run.
_PROGRAM_EXTENSIONS = ("exe", "apk", "scr", "bat", "vbs", "msi", "jar", "ps1", "hta", "wsf", "lnk", "xapk")
# ASCII names only and anchored at the start of a name, so a scan stays linear. The standard library's
# engine (possessive quantifiers since Python 3.11), the first character before its look-behind (so
# the engine leaps to the characters that can start a name): six times faster than before.
_PROGRAM_FILE = re.compile(
    r"[A-Za-z0-9_\-](?<![A-Za-z0-9_\-][A-Za-z0-9_\-])[A-Za-z0-9_\-]*+\.(?:"
    + "|".join(_PROGRAM_EXTENSIONS)
    + r")(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_PROGRAM_HINT = tuple("." + e for e in _PROGRAM_EXTENSIONS)
_MACRO_LURE = regex.compile(
    r"マクロ\s*を?\s*(?:有効|オン|許可|実行)|コンテンツ\s*の?\s*有効化|編集\s*を\s*有効に"
    r"|enable\s+(?:macros|content|editing)"
    r"|(?:提供元|発行元)?不明(?:な|の)アプリ(?:の)?(?:インストール)?[」』\"]?\s*を?\s*(?:許可|有効)"
    r"|セキュリティ(?:ソフト|対策ソフト)?\s*を\s*(?:無効|オフ|停止)",
    regex.IGNORECASE | regex.VERSION1,
)


_LURE_HINT = ("マクロ", "有効", "enable", "不明", "セキュリティ")


def _link_extension(text: str, start: int, end: int) -> str:
    url = text[start:end]
    path = regex.split(r"[?#]", url, maxsplit=1)[0]
    scheme_end = path.find("://")
    slash = path.find("/", scheme_end + 3 if scheme_end != -1 else 0)
    if slash == -1:
        return ""
    name = path[slash:].rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


_LINK_HINT = tuple("." + e for e in HARMFUL_EXTENSIONS)


def _hints(words: Iterable[str]) -> re.Pattern[str]:
    """One pass finding any of ``words`` in either case (what ``casefold`` and a search per word found).

    Python's IGNORECASE also pairs ſ with s and K (Kelvin) with k, as casefold does; none of the words
    holds a letter casefold would turn into two.
    """
    return re.compile("|".join(map(re.escape, words)), re.IGNORECASE)


_LINK_HINTS = _hints(_LINK_HINT)
_PROGRAM_HINTS = _hints(_PROGRAM_HINT)
_LURE_HINTS = _hints(_LURE_HINT)


def check_harmful_program(ctx: CheckContext) -> Iterator[Hit]:
    text = ctx.text
    covered: list[tuple[int, int]] = []
    # A link to a program has its extension in the text: most drafts skip the links entirely.
    links = ctx.links if _LINK_HINTS.search(text) else ()
    for link in links:
        extension = _link_extension(text, link.start, link.end)
        if extension in HARMFUL_EXTENSIONS:
            covered.append((link.start, link.end))
            yield Hit("content.harmful_program", link.start, link.end, params={"word": "." + extension})
    if _PROGRAM_HINTS.search(text):
        for match in _PROGRAM_FILE.finditer(text):
            if not any(s <= match.start() < e for s, e in covered):
                yield Hit("content.harmful_program", match.start(), match.end(), params={"word": match.group()})
    if not _LURE_HINTS.search(text):
        return
    for match in _MACRO_LURE.finditer(text):
        yield Hit("content.harmful_program", match.start(), match.end(), params={"word": match.group()})
