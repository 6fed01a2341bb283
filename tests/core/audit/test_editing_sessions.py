"""Autosaves are coalesced per editing session: a bounded number of entries, who changed what, the chain intact."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from unittest import mock

from sqlalchemy import select

from core.audit.editing import IDLE, RECORD_EVERY
from core.audit.verify import verify_chain
from core.demo.support import make_ready
from core.services.drafts import DraftService, load_draft_detail
from core.storage.engine import Store
from core.storage.models import AuditEntry
from tests.support.world import World


def _entries(world: World, after: int) -> list[tuple[str, dict]]:
    with world.store.read() as session:
        rows = session.execute(
            select(AuditEntry.event, AuditEntry.payload).where(AuditEntry.seq > after).order_by(AuditEntry.seq)
        ).all()
    return [(event, json.loads(payload)) for event, payload in rows]


def _head(world: World) -> int:
    with world.store.read() as session:
        return session.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()).limit(1)) or 0


class Clock:
    """The database clock, moved on by hand (the coalescing judges time by Store.now)."""

    def __init__(self) -> None:
        self.moment = datetime(2026, 12, 2, 1, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.moment


def _autosave(drafts: DraftService, draft_id: int, times: int, clock: Clock, step: timedelta) -> None:
    row_version = load_draft_detail(drafts.store, draft_id).row_version
    for n in range(times):
        clock.moment += step
        row_version = drafts.save(draft_id, row_version, text=f"お知らせ{n}")


def test_a_hundred_quick_autosaves_add_two_entries_and_the_chain_verifies(world: World) -> None:
    drafts = DraftService(world.store, world.op1)
    draft_id = drafts.create(world.account, "お知らせ")
    before = _head(world)
    clock = Clock()
    with mock.patch.object(Store, "now", side_effect=clock):
        _autosave(drafts, draft_id, 100, clock, timedelta(seconds=2))
        drafts.end_editing(draft_id)
    entries = _entries(world, before)
    assert [e for e, _ in entries] == ["draft.saved", "draft.editing_ended"]
    started, ended = entries[0][1], entries[1][1]
    assert started["phase"] == "started"
    assert started["changed"] == ["text"]
    assert ended["saves"] == 99
    assert ended["saves_in_session"] == 100
    assert ended["changed"] == ["text"]
    assert ended["reason"] == "closed"
    assert ended["staff_id"] == world.op1.staff_id
    assert verify_chain(world.store).ok


def test_a_long_session_records_at_most_one_entry_per_interval(world: World) -> None:
    drafts = DraftService(world.store, world.op1)
    draft_id = drafts.create(world.account, "お知らせ")
    before = _head(world)
    clock = Clock()
    step = timedelta(seconds=30)  # 100 saves over 50 minutes
    with mock.patch.object(Store, "now", side_effect=clock):
        _autosave(drafts, draft_id, 100, clock, step)
        version = drafts.submit(draft_id, make_ready(drafts, draft_id))  # its own save: the 101st
    assert version
    events = [e for e, _ in _entries(world, before)]
    saved = events.count("draft.saved")
    assert saved <= 1 + (100 * step) // RECORD_EVERY
    assert events[-1] == "draft.submitted"
    assert events[-2] == "draft.editing_ended"
    # Every save is accounted for: the entries' counts add up to the session's saves.
    total = sum(p["saves"] for e, p in _entries(world, before) if e in ("draft.saved", "draft.editing_ended"))
    assert total == 101
    assert verify_chain(world.store).ok


def test_another_editor_and_an_idle_window_end_the_session(world: World) -> None:
    first, second = DraftService(world.store, world.op1), DraftService(world.store, world.op2)
    draft_id = first.create(world.account, "お知らせ")
    before = _head(world)
    clock = Clock()
    with mock.patch.object(Store, "now", side_effect=clock):
        _autosave(first, draft_id, 5, clock, timedelta(seconds=2))
        _autosave(second, draft_id, 1, clock, timedelta(seconds=2))  # 鈴木 takes over: 佐藤's session ends
        clock.moment += IDLE + timedelta(minutes=1)
        other = first.create(world.account, "別件")
        _autosave(first, other, 1, clock, timedelta(seconds=1))  # any save notices 鈴木's idle session
    entries = _entries(world, before)
    ended = [p for e, p in entries if e == "draft.editing_ended"]
    assert [(p["staff_id"], p["reason"], p["saves"]) for p in ended] == [(world.op1.staff_id, "another_editor", 4)]
    # 鈴木's single save was recorded when the session started, so its idle end adds nothing.
    assert sum(1 for e, p in entries if e == "draft.saved" and p["draft_id"] == draft_id) == 2
    assert verify_chain(world.store).ok
