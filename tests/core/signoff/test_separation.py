"""Separation of duties where the service is bypassed, and a signer's deactivation.

Rows written by raw SQL, with the database's foreign keys out of the way
(SQLite ``PRAGMA foreign_keys=OFF``, PostgreSQL
``session_replication_role=replica``), must still not make a contributor the
approver; and publishing re-checks the approver against every contributor.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Connection, text
from sqlalchemy.exc import IntegrityError, ProgrammingError

from core.demo.support import make_ready
from core.lifecycle.states import DraftState, ReviewDecision
from core.publishing.preflight import PublishRefused, check_approval
from core.services.audit_log import query_audit
from core.services.drafts import DraftService, load_draft_detail
from core.services.reviews import ReviewService
from core.services.signing_keys import list_keys
from core.services.staff import StaffService
from core.signoff.approval import ApprovalProblem, verify_approval
from core.signoff.keys import DemoSigner
from core.signoff.message import decision_message
from core.storage.models import DraftVersion, Staff, utcnow
from tests.support.world import World


@contextmanager
def without_foreign_keys(world: World) -> Iterator[Connection]:
    """A raw connection on which the database does not enforce foreign keys."""
    with world.store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        # Outside any transaction: SQLite ignores this pragma inside one.
        if world.store.dialect == "sqlite":
            raw.execute("PRAGMA foreign_keys=OFF")
            assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 0
        else:
            conn.exec_driver_sql("SET session_replication_role = replica")
            assert conn.exec_driver_sql("SHOW session_replication_role").scalar() == "replica"
            conn.commit()
        try:
            with conn.begin():
                yield conn
        finally:
            if world.store.dialect == "sqlite":
                raw.execute("PRAGMA foreign_keys=ON")
            else:
                conn.exec_driver_sql("SET session_replication_role = DEFAULT")
                conn.commit()


def _signed_review(world: World, version_id: int, reviewer_id: int, login: str) -> dict[str, Any]:
    """Everything a valid signed review row holds, signed with ``login``'s registered key."""
    with world.store.read() as session:
        version = session.get(DraftVersion, version_id)
        assert version is not None
        reviewer = session.get(Staff, reviewer_id)
        assert reviewer is not None
        key = next(k for k in list_keys(world.store) if k.staff_id == reviewer_id)
        decided = utcnow()
        message = decision_message(
            draft_id=version.draft_id,
            version_id=version.id,
            content_hash=version.content_hash,
            decision=ReviewDecision.APPROVED.value,
            reviewer_id=reviewer.id,
            reviewer_login=reviewer.os_login,
            key_fingerprint=key.fingerprint,
            decided_at=decided,
            comment="",
        )
        return {
            "version_id": version.id,
            "author_id": version.author_id,
            "last_editor_id": version.last_editor_id,
            "reviewer_id": reviewer.id,
            "content_hash": version.content_hash,
            "signature": DemoSigner(login).sign(message),
            "key_id": key.id,
            "created_at": decided,
            "draft_id": version.draft_id,
        }


_INSERT_REVIEW = text(
    "INSERT INTO review (version_id, author_id, last_editor_id, reviewer_id, decision, comment, content_hash, "
    "signature, signing_key_id, after_publication, created_at) VALUES (:version_id, :author_id, :last_editor_id, "
    ":reviewer_id, 'approved', '', :content_hash, :signature, :key_id, false, :created_at)"
)


def _edited_by_both_then_submitted_by_op1(world: World) -> tuple[int, int]:
    """``both`` (supervisor and operator) edits an early revision; op1 edits last and submits."""
    draft_id = DraftService(world.store, world.op1).create(world.account, "図書館は休館します。")
    row = DraftService(world.store, world.both).save(draft_id, 1, text="中央図書館は休館します。")
    op1 = DraftService(world.store, world.op1)
    op1.save(draft_id, row, text="中央図書館は12月1日に休館します。")
    return draft_id, op1.submit(draft_id, make_ready(op1, draft_id))


def test_raw_sql_self_approval_is_refused_without_foreign_keys(world: World) -> None:
    """The author approves their own version, lying about the author columns the CHECK looks at."""
    version_id = world.submitted(world.both)
    values = _signed_review(world, version_id, world.both.staff_id, world.both.login)
    values |= {"author_id": world.op1.staff_id, "last_editor_id": world.op2.staff_id}
    with pytest.raises(IntegrityError, match="separation of duties"), without_foreign_keys(world) as conn:
        conn.execute(_INSERT_REVIEW, values)
    with world.store.read() as session:
        assert session.scalar(text("SELECT count(*) FROM review")) == 0


def test_raw_sql_approval_by_an_earlier_editor_is_refused(world: World) -> None:
    """The CHECK passes (reviewer is neither author nor last editor); the contributor trigger does not."""
    _, version_id = _edited_by_both_then_submitted_by_op1(world)
    values = _signed_review(world, version_id, world.both.staff_id, world.both.login)
    with pytest.raises(IntegrityError, match="separation of duties"), without_foreign_keys(world) as conn:
        conn.execute(_INSERT_REVIEW, values)


def test_the_same_insert_by_someone_who_did_not_make_the_draft_is_accepted(world: World) -> None:
    """The trigger refuses contributors only: the raw insert itself works (so the refusals above are real)."""
    _, version_id = _edited_by_both_then_submitted_by_op1(world)
    values = _signed_review(world, version_id, world.sup.staff_id, world.sup.login)
    with without_foreign_keys(world) as conn:
        conn.execute(_INSERT_REVIEW, values)
    with world.store.read() as session:
        assert session.scalar(text("SELECT count(*) FROM review")) == 1


def _drop_contributor_trigger(world: World) -> None:
    """What a schema owner could do; publishing must still refuse."""
    with world.store.engine.begin() as conn:
        if world.store.dialect == "sqlite":
            conn.exec_driver_sql("DROP TRIGGER review_not_by_contributor")
        else:
            conn.exec_driver_sql("DROP TRIGGER review_not_by_contributor ON review")


def test_publishing_refuses_an_approval_by_a_contributor(world: World) -> None:
    draft_id, version_id = _edited_by_both_then_submitted_by_op1(world)
    _drop_contributor_trigger(world)
    values = _signed_review(world, version_id, world.both.staff_id, world.both.login)
    with world.store.engine.begin() as conn:
        conn.execute(_INSERT_REVIEW, values)
        conn.execute(text("UPDATE draft SET state = 'approved' WHERE id = :d"), {"d": draft_id})
    with world.store.read() as session:
        result = verify_approval(session, draft_id)
    assert result.problem is ApprovalProblem.SELF_APPROVAL
    with pytest.raises(PublishRefused) as refused:
        check_approval(world.store, world.op1, draft_id)
    assert refused.value.condition == "self_approval"
    assert "contributed" in refused.value.reason


def _approved(world: World) -> tuple[int, int]:
    drafts = DraftService(world.store, world.op1)
    draft_id = drafts.create(world.account, "市民まつりは11月3日です。")
    version_id = drafts.submit(draft_id, make_ready(drafts, draft_id))
    ReviewService(world.store, world.sup).decide(version_id, ReviewDecision.APPROVED, signer=DemoSigner("takahashi"))
    return draft_id, version_id


def test_a_deactivated_signers_unpublished_approvals_stop_counting(world: World) -> None:
    draft_id, _ = _approved(world)
    assert check_approval(world.store, world.op1, draft_id) == world.account
    StaffService(world.store, world.admin).set_active(world.sup.staff_id, False)
    with world.store.read() as session:
        result = verify_approval(session, draft_id)
    assert result.problem is ApprovalProblem.APPROVER_INACTIVE
    assert "高橋 美咲" in result.message
    with pytest.raises(PublishRefused) as refused:
        check_approval(world.store, world.op1, draft_id)
    assert refused.value.condition == "approver_inactive"
    # The record names the drafts whose approval stopped counting, for the supervisor and the administrator.
    entry = next(e for e in query_audit(world.store, event_prefix="staff.deactivated"))
    assert json.loads(entry.payload)["approvals_stopped"] == [draft_id]
    # The way out: take it back, submit again, and another supervisor approves.
    drafts = DraftService(world.store, world.op1)
    row = drafts.reopen(draft_id, load_draft_detail(world.store, draft_id).row_version, "承認者の異動")
    assert load_draft_detail(world.store, draft_id).state is DraftState.DRAFT
    assert row > 0
    second = drafts.submit(draft_id, make_ready(drafts, draft_id))
    ReviewService(world.store, world.both).decide(second, ReviewDecision.APPROVED, signer=DemoSigner("ito"))
    assert check_approval(world.store, world.op1, draft_id) == world.account


def test_append_only_rows_stay_so_without_foreign_keys_or_as_a_replica(world: World) -> None:
    """PostgreSQL skips ordinary triggers under session_replication_role=replica; ours are ENABLE ALWAYS."""
    version_id = world.submitted(world.op1)
    ReviewService(world.store, world.sup).decide(version_id, ReviewDecision.APPROVED, signer=DemoSigner("takahashi"))
    for statement in ("UPDATE audit_entry SET canon = canon", "DELETE FROM review", "DELETE FROM draft_contributor"):
        # PostgreSQL reports a PL/pgSQL RAISE as SQLSTATE P0001, which psycopg files under ProgrammingError.
        expected = IntegrityError if world.store.dialect == "sqlite" else ProgrammingError
        with pytest.raises(expected, match="append-only"), without_foreign_keys(world) as conn:
            conn.exec_driver_sql(statement)
