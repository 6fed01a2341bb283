"""Migration 0013 numbers the drafts submitted before it, in the order of their first submission."""

from __future__ import annotations

from sqlalchemy import select

from core.storage.migrate import upgrade
from core.storage.models import RecordNumber
from tests.support.world import World


def test_drafts_submitted_before_0013_get_numbers_in_order(world: World) -> None:
    from alembic import command

    from core.storage.migrate import alembic_config

    first = world.submitted(world.op1, "一件目")
    second = world.submitted(world.op1, "二件目")
    assert first < second
    config = alembic_config()
    with world.store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0009")
    upgrade(world.store.engine)
    with world.store.read() as session:
        numbers = [(n.label, n.seq) for n in session.scalars(select(RecordNumber).order_by(RecordNumber.draft_id))]
    assert numbers == [("第1号", 1), ("第2号", 2)]
