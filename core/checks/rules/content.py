"""Word-list rules (``content.lexicon.<category>``) and ``content.dm_request``.

The word lists cover the prohibited categories of wako:5 and joso:5; see
``resources/rules/README.md`` for why some obvious words are left out.
``content.dm_request`` (wako:5-エ) looks for requests to send a direct message,
but not for notices that the account does *not* answer DMs.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from core.checks.catalog import LEXICON_PREFIX
from core.checks.context import CheckContext, Hit


def check_lexicon(ctx: CheckContext) -> Iterator[Hit]:
    for match in ctx.setup.lexicon.find(ctx.text):
        yield Hit(LEXICON_PREFIX + match.category, match.start, match.end, params={"word": match.word})


_DM = regex.compile(
    r"(?<![A-Za-z])DM(?=\s*(?:で|にて|へ|から|まで|を|に|ください|下さい|お待ち|して|送|受付|募集|にてお))"
    r"|ダイレクト\s*[・･]?\s*メッセージ|ダイレクトメール(?=で|にて|を|まで|へ)"
    r"|direct\s+message|(?<![A-Za-z])DM\s+(?:us|me)(?![A-Za-z])",
    regex.IGNORECASE | regex.VERSION1,
)
# "DMには対応しておりません" tells readers the opposite: not a request.
_NEGATION = regex.compile(
    r".{0,12}?(?:対応して(?:おり|い)ません|受け付けて(?:おり|い)ません|お答えでき(?:ません|かねます)"
    r"|返信(?:は)?(?:して|いたして|致して)?(?:おり|い)ません|行って(?:おり|い)ません|利用して(?:おり|い)ません"
    r"|お控えください|送らないで)",
    regex.VERSION1,
)


def check_dm_request(ctx: CheckContext) -> Iterator[Hit]:
    text = ctx.text
    if "DM" not in text.upper() and "ダイレクト" not in text and "direct" not in text.lower():
        return
    for match in _DM.finditer(text):
        if _NEGATION.match(text, match.end(), min(len(text), match.end() + 40)):
            continue
        yield Hit("content.dm_request", match.start(), match.end())
