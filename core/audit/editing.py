"""Editing sessions: autosaves coalesced into a few audit entries that still say who changed what.

The composer saves every couple of seconds; one entry per save buried the
record (121 entries in 20 minutes). An *editing session* is one person on one
terminal editing one draft. Its saves are counted in ``draft_edit_session``
(a working table, not evidence) and the chain gets:

- ``draft.saved`` at the session's first save (who started changing what),
  then at most one more every :data:`RECORD_EVERY` while saves continue, each
  naming the fields changed since the previous entry and how many saves;
- ``draft.editing_ended`` when the session ends with saves not yet in the
  chain: the draft is submitted, its window is closed, someone else starts
  editing it, or it was left idle for :data:`IDLE` (noticed at the next save
  of any draft, so a crashed window is accounted for too).

The versions that matter are recorded in full by their own events
(``draft.submitted`` with the content hash, the signed review, the
publication). The chain stays append-only: nothing is ever rewritten, only
fewer entries are written. After a crash at most :data:`RECORD_EVERY` of one
person's saves are missing from the chain until the session is closed, and
the working copy itself is safe in the draft row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.audit import chain
from core.audit.canonical import utc_iso
from core.audit.recorder import Recorder
from core.storage.models import DraftEditSession

RECORD_EVERY = timedelta(minutes=10)
IDLE = timedelta(minutes=30)
EDITABLE_FIELDS = ("text", "media", "scheduled_at", "title", "acknowledgements", "confirmations", "category")

STARTED = "started"
CONTINUED = "continued"
SUBMITTED = "submitted"
CLOSED = "closed"
ANOTHER_EDITOR = "another_editor"
IDLE_REASON = "idle"


def _merged(old: Iterable[Any], new: Iterable[str]) -> list[str]:
    seen = {str(v) for v in old} | set(new)
    return [f for f in EDITABLE_FIELDS if f in seen]


def _end(
    session: Session, recorder: Recorder, row: DraftEditSession, reason: str, now: datetime, state: Mapping[str, Any]
) -> None:
    if row.unrecorded > 0:
        chain.append(
            session,
            recorder,
            "draft.editing_ended",
            {
                "draft_id": row.draft_id,
                "session_id": row.id,
                "staff_id": row.staff_id,
                "saves": row.unrecorded,
                "saves_in_session": row.saves,
                "changed": _merged(row.changed, ()),
                "started_at": utc_iso(row.started_at),
                "last_saved_at": utc_iso(row.last_saved_at),
                "reason": reason,
                **state,
            },
        )
    row.ended_at = row.last_saved_at if reason == IDLE_REASON else now
    row.unrecorded = 0
    row.changed = []


def end_sessions(
    session: Session,
    recorder: Recorder,
    draft_id: int,
    reason: str,
    now: datetime,
    state: Mapping[str, Any],
    *,
    keep: tuple[int, str] | None = None,
    only: tuple[int, str] | None = None,
) -> None:
    """End the draft's open sessions: all, all but ``keep``, or ``only`` that one ((staff id, terminal))."""
    rows = session.scalars(
        select(DraftEditSession)
        .where(DraftEditSession.draft_id == draft_id, DraftEditSession.ended_at.is_(None))
        .order_by(DraftEditSession.id)
        # Two workstations ending the same session would both write its entry: the second waits, then skips it.
        .with_for_update()
    )
    for row in list(rows):
        who = (row.staff_id, row.terminal)
        if (keep is not None and who == keep) or (only is not None and who != only):
            continue
        _end(session, recorder, row, reason, now, state)


def end_idle_sessions(session: Session, recorder: Recorder, now: datetime) -> None:
    """Sessions nobody saved in for :data:`IDLE` (a window left open, a crash) are ended as of their last save."""
    rows = session.scalars(
        select(DraftEditSession)
        .where(DraftEditSession.ended_at.is_(None), DraftEditSession.last_saved_at < now - IDLE)
        # A session another workstation is ending right now is left to it.
        .with_for_update(skip_locked=True)
    )
    for row in list(rows):
        _end(session, recorder, row, IDLE_REASON, now, {})


def note_save(
    session: Session,
    recorder: Recorder,
    *,
    draft_id: int,
    staff_id: int,
    changed: Iterable[str],
    state: Mapping[str, Any],
    now: datetime,
) -> None:
    """Count one save; append an entry when a session starts or :data:`RECORD_EVERY` has passed."""
    changed = list(changed)
    end_idle_sessions(session, recorder, now)
    end_sessions(session, recorder, draft_id, ANOTHER_EDITOR, now, {}, keep=(staff_id, recorder.terminal))
    row = session.scalar(
        select(DraftEditSession).where(
            DraftEditSession.draft_id == draft_id,
            DraftEditSession.staff_id == staff_id,
            DraftEditSession.terminal == recorder.terminal,
            DraftEditSession.ended_at.is_(None),
        )
    )
    if row is None:
        row = DraftEditSession(
            draft_id=draft_id,
            staff_id=staff_id,
            terminal=recorder.terminal,
            started_at=now,
            last_saved_at=now,
            last_recorded_at=now,
            saves=1,
            unrecorded=0,
            changed=[],
        )
        session.add(row)
        session.flush()
        _saved_entry(session, recorder, row, STARTED, 1, _merged((), changed), state)
        return
    row.saves += 1
    row.unrecorded += 1
    row.last_saved_at = now
    row.changed = _merged(row.changed, changed)
    if now - row.last_recorded_at >= RECORD_EVERY:
        _saved_entry(session, recorder, row, CONTINUED, row.unrecorded, list(row.changed), state)
        row.unrecorded = 0
        row.changed = []
        row.last_recorded_at = now


def _saved_entry(
    session: Session,
    recorder: Recorder,
    row: DraftEditSession,
    phase: str,
    saves: int,
    changed: list[str],
    state: Mapping[str, Any],
) -> None:
    chain.append(
        session,
        recorder,
        "draft.saved",
        {
            "draft_id": row.draft_id,
            "session_id": row.id,
            "phase": phase,
            "saves": saves,
            "saves_in_session": row.saves,
            "changed": changed,
            **state,
        },
    )
