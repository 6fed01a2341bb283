"""``text.invisible_characters``: zero-width and bidirectional controls.

Reported on the original text (they are removed from the normalised copy), one
finding per run of such characters; joiners inside emoji are legitimate.
"""

from __future__ import annotations

from collections.abc import Iterator

from core.checks.context import CheckContext, Hit
from core.checks.normalize import invisible_character_spans


def check_invisible(ctx: CheckContext) -> Iterator[Hit]:
    original = ctx.normalized.original
    if original.isascii():
        return
    for start, end in invisible_character_spans(original):
        yield Hit("text.invisible_characters", start, end, in_original=True)
