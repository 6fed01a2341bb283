"""Password strength, estimated with zxcvbn (joso:6(1): 推測しがたいもの).

Used for the *platform* password an administrator sets when rotating an
account's credentials. The password is only measured here: never stored,
never logged (it is registered as a secret so that even an accidental log
line is redacted).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.i18n import tr
from core.runtime.logging_setup import register_secret

#: The lowest zxcvbn score (0–4) accepted when recording a password change.
MINIMUM_SCORE = 3


@dataclass(frozen=True)
class Strength:
    score: int
    warning: str
    suggestions: tuple[str, ...]

    @property
    def acceptable(self) -> bool:
        return self.score >= MINIMUM_SCORE

    @property
    def label(self) -> str:
        return [tr("Very weak"), tr("Weak"), tr("Fair"), tr("Strong"), tr("Very strong")][self.score]


def estimate(password: str, user_inputs: tuple[str, ...] = ()) -> Strength:
    """zxcvbn's score 0–4 for ``password`` (``user_inputs``: account names etc. to penalise)."""
    if not password:
        return Strength(0, "", ())
    from zxcvbn import zxcvbn  # type: ignore[import-untyped]

    result = zxcvbn(password[:100], user_inputs=list(user_inputs))
    feedback = result.get("feedback") or {}
    return Strength(
        score=int(result["score"]),
        warning=str(feedback.get("warning") or ""),
        suggestions=tuple(str(s) for s in feedback.get("suggestions") or ()),
    )


def estimate_final(password: str, user_inputs: tuple[str, ...] = ()) -> Strength:
    """Like :func:`estimate`, for the value actually submitted: registers it for redaction first."""
    register_secret(password)
    return estimate(password, user_inputs)
