"""Audit event names: a label for people and the change each one describes, for every event the code records."""

from __future__ import annotations

import re
from pathlib import Path

from core.audit.events import _LABELS, CHANGE_KINDS, ChangeKind, Changes, change_for_event, changes_for_events

ROOT = Path(__file__).resolve().parents[3]
# Event names as written where they are recorded: record(session, "x.y", …) or chain.append(session, rec, "x.y", …).
_RECORDED = re.compile(
    r"""(?:\.record\(\s*\w+,\s*|append\(\s*\w+,\s*[\w.]+,\s*)(?:\w+\s+if\s+\w+\s+else\s+)?["']([a-z_]+\.[a-z_]+)["']"""
)


def _recorded_events() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "core").rglob("*.py"):
        found.update(_RECORDED.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_labelled_event_says_what_it_changes() -> None:
    assert set(CHANGE_KINDS) == set(_LABELS)


def test_events_the_code_records_are_all_mapped() -> None:
    recorded = _recorded_events()
    assert len(recorded) > 10  # the pattern still finds them
    assert recorded - set(CHANGE_KINDS) == set()


def test_a_draft_event_names_its_draft_and_a_submission_touches_the_queue() -> None:
    assert change_for_event("draft.saved", 7) == Changes(drafts=frozenset({7}))
    assert change_for_event("draft.submitted", 7) == Changes(drafts=frozenset({7}), queue=True)
    # Without a draft id the draft list still knows something changed.
    assert change_for_event("publication.failed", None) == Changes(all_drafts=True, queue=True)
    assert change_for_event("account.updated") == Changes(accounts=True)
    assert change_for_event("media.stored", 3) == Changes()  # only the audit record shows it


def test_an_unknown_event_from_a_newer_version_changes_everything() -> None:
    changed = change_for_event("something.new", 4)
    assert (changed.any_draft, changed.queue, changed.accounts, changed.settings, changed.terminals) == (True,) * 5
    assert ChangeKind.TERMINALS in CHANGE_KINDS["terminal.approved"]


def test_changes_add_up_and_none_is_empty() -> None:
    assert changes_for_events([]).empty
    total = changes_for_events([("draft.saved", 1), ("draft.saved", 2), ("terminal.approved", None)])
    assert total == Changes(drafts=frozenset({1, 2}), terminals=True)
    assert not total.queue
    assert Changes.everything().all_drafts
