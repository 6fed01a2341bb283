"""炎上 detection (joso:6(6)): replies per hour against the account's own trailing baseline.

An account is *above* when, in the last hour, it received at least
``min_per_hour`` replies and either ``factor`` times its usual hourly rate
(the mean over the trailing ``BASELINE`` before that hour) or a share of
flagged (要対応/要確認) replies of at least ``flagged_share``. Times are the
platform's (when the reply was written), so a first read of an account's
backlog does not look like a surge.

An *episode* starts when an account goes above and ends only when the rate
has fallen below half the threshold (hysteresis): a surge that wobbles
around the line is one episode, and people are told once per episode, not
once per reply or per run. The service keeps the open episode in the
database; everything here is a pure function of counts and the clock.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

WINDOW = timedelta(hours=1)
BASELINE = timedelta(days=7)


@dataclass(frozen=True)
class SpikeSettings:
    factor: float = 3.0
    min_per_hour: int = 20
    flagged_share: float = 0.3


@dataclass(frozen=True)
class Reading:
    """The last hour of one account against its baseline."""

    per_hour: int
    flagged: int
    baseline_per_hour: float

    @property
    def share_flagged(self) -> float:
        return self.flagged / self.per_hour if self.per_hour else 0.0


class Decision(enum.Enum):
    NONE = "none"
    START = "start"  # tell people, propose an incident
    CONTINUE = "continue"
    END = "end"


def reading(stamps: Iterable[tuple[datetime, bool]], now: datetime) -> Reading:
    """Count ``(when written, flagged)`` pairs into the last hour and the trailing baseline before it."""
    hour_start, baseline_start = now - WINDOW, now - WINDOW - BASELINE
    recent = flagged = older = 0
    for when, is_flagged in stamps:
        if hour_start < when <= now:
            recent += 1
            flagged += is_flagged
        elif baseline_start < when <= hour_start:
            older += 1
    hours = BASELINE / WINDOW
    return Reading(recent, flagged, older / hours)


def threshold(settings: SpikeSettings, baseline_per_hour: float) -> float:
    """The hourly count above which an account is in a surge (never below ``min_per_hour``)."""
    return max(float(settings.min_per_hour), settings.factor * baseline_per_hour)


def above(settings: SpikeSettings, current: Reading) -> bool:
    if current.per_hour < settings.min_per_hour:
        return False
    return current.per_hour >= threshold(settings, current.baseline_per_hour) or (
        current.share_flagged >= settings.flagged_share
    )


def decide(settings: SpikeSettings, current: Reading, *, episode_open: bool) -> Decision:
    """What to do now, given whether an episode is already open."""
    if not episode_open:
        return Decision.START if above(settings, current) else Decision.NONE
    calm = current.per_hour < threshold(settings, current.baseline_per_hour) / 2
    return Decision.END if calm else Decision.CONTINUE
