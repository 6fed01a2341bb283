"""The start's one read (issue 21): what the window needs before its first screen, in one transaction."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

from core.organization.identity import current_login
from core.runtime.bootstrap import Environment, open_environment
from core.services.changes import latest_seq
from core.services.organization import is_demo_organization, load_profile
from core.services.staff import StaffService, actor_for, list_staff
from core.services.startup import StartSnapshot, read_start
from core.storage.engine import Store
from tests.support.world import World


def _counted(store: Store, login: str) -> tuple[StartSnapshot, int]:
    with mock.patch.object(Store, "read", autospec=True, side_effect=Store.read) as reads:
        snapshot = read_start(store, login, "T-1")
    return snapshot, reads.call_count


def test_the_start_read_is_what_the_separate_reads_say_in_one_transaction(world: World) -> None:
    store = world.store
    snapshot, transactions = _counted(store, "SATO")  # logins are case-insensitive
    assert transactions == 1
    assert snapshot == StartSnapshot(
        initialized=True,
        organization=load_profile(store).name,
        is_demo=is_demo_organization(store),
        actor=actor_for(store, "sato", "T-1"),
        people=(),  # the user switcher is for demo data only
        head_seq=latest_seq(store),
    )
    assert snapshot.actor is not None
    assert snapshot.actor.staff_id == world.op1.staff_id


def test_an_unknown_or_inactive_login_has_no_actor(world: World) -> None:
    assert read_start(world.store, "stranger", "T-1").actor is None
    StaffService(world.store, world.admin).set_active(world.op1.staff_id, False)
    snapshot = read_start(world.store, "sato", "T-1")
    assert snapshot.initialized
    assert snapshot.actor is None
    assert snapshot.organization == load_profile(world.store).name  # the not-registered page names it


def test_in_demo_data_the_switchers_people_come_with_the_person(demo_env: Environment) -> None:
    store = demo_env.store
    snapshot, transactions = _counted(store, current_login())
    assert transactions == 1
    assert snapshot.is_demo
    assert list(snapshot.people) == list_staff(store, include_inactive=False)
    assert snapshot.actor == actor_for(store, current_login(), "T-1")
    assert snapshot.head_seq == latest_seq(store)


def test_a_database_not_set_up_says_so(data_dir: Path) -> None:
    env = open_environment(str(data_dir), None)
    try:
        assert read_start(env.store, current_login(), env.terminal.uid) == StartSnapshot(initialized=False)
    finally:
        env.close()
