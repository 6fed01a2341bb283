"""The 監査記録 queries (filters, readable summaries) and editing staff (roles, department), without Qt."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from core import i18n
from core.audit import chain
from core.errors import Conflict, InvalidInput
from core.organization.roles import Role
from core.services.audit_log import (
    AuditActor,
    AuditFilter,
    Names,
    audit_actors,
    audit_events,
    count_audit,
    query_audit,
    summarize,
)
from core.services.drafts import DraftService
from core.services.organization import list_departments
from core.services.staff import StaffService, find_by_login, list_staff
from tests.support.world import World


def _all(world: World, flt: AuditFilter) -> list:
    rows = query_audit(world.store, flt=flt, limit=10_000)
    assert count_audit(world.store, flt) == len(rows)
    return rows


def _department(world: World, name: str) -> int:
    return next(d.id for d in list_departments(world.store) if d.name == name)


def _staff(world: World, login: str):
    info = find_by_login(world.store, login)
    assert info is not None
    return info


# ---- filters ------------------------------------------------------------------------------------


def test_filter_by_person(world: World) -> None:
    DraftService(world.store, world.op1).create(world.account, "お知らせ")
    rows = _all(world, AuditFilter(actor="sato"))
    assert [r.event for r in rows] == ["draft.created"]
    assert rows[0].actor_name == "佐藤 花子"
    # Every entry belongs to exactly one person in the list offered to filter by.
    per_person = [count_audit(world.store, AuditFilter(actor=a.login)) for a in audit_actors(world.store)]
    assert sum(per_person) == count_audit(world.store)
    assert count_audit(world.store, AuditFilter(actor="nobody")) == 0


def test_filter_by_event_type(world: World) -> None:
    rows = _all(world, AuditFilter(event="staff.created"))
    assert len(rows) == 5  # the first administrator and four others
    assert {r.event for r in rows} == {"staff.created"}
    assert count_audit(world.store, AuditFilter(event="staff.")) == 0  # a code, not a prefix
    assert count_audit(world.store, AuditFilter(event_prefix="staff.")) == 5


def _at_local(*parts: int) -> datetime:
    # A naive datetime's astimezone() reads it as this computer's time: the calendar the person sees.
    return datetime(*parts).astimezone(UTC)


def test_filter_by_local_calendar_days(world: World) -> None:
    moments = [
        _at_local(2024, 2, 29, 23, 59, 59),
        _at_local(2024, 3, 1, 0, 0, 0),
        _at_local(2024, 3, 2, 23, 59, 59),
        _at_local(2024, 3, 3, 0, 0, 0),
    ]
    with world.store.write() as session:
        for number, moment in enumerate(moments):
            chain.append(session, world.admin.recorder, "test.dated", {"n": number}, now=moment)

    def numbers(first: date | None, last: date | None) -> list[int]:
        rows = _all(world, AuditFilter(event="test.dated", first_day=first, last_day=last))
        return sorted(json.loads(r.payload)["n"] for r in rows)

    march_1, march_2 = date(2024, 3, 1), date(2024, 3, 2)
    assert numbers(march_1, march_2) == [1, 2]
    assert numbers(march_2, march_1) == [1, 2]  # a half-typed, reversed range is not empty
    assert numbers(march_1, None) == [1, 2, 3]
    assert numbers(None, march_2) == [0, 1, 2]
    assert numbers(march_1, march_1) == [1]
    assert numbers(None, None) == [0, 1, 2, 3]


def test_filters_combine_and_keep_paging(world: World) -> None:
    flt = AuditFilter(actor="kanri", event_prefix="staff.")
    everything = _all(world, flt)
    assert len(everything) == 5
    first = query_audit(world.store, flt=flt, offset=0, limit=2)
    second = query_audit(world.store, flt=flt, offset=2, limit=2)
    assert [r.seq for r in first + second] == [r.seq for r in everything[:4]]
    oldest_first = query_audit(world.store, flt=flt, descending=False, limit=10)
    assert [r.seq for r in oldest_first] == sorted(r.seq for r in everything)


def test_a_page_after_an_entry_continues_the_filtered_list_in_either_order(world: World) -> None:
    flt = AuditFilter(actor="kanri", event_prefix="staff.")
    everything = _all(world, flt)
    first = query_audit(world.store, flt=flt, limit=2)
    second = query_audit(world.store, flt=flt, limit=2, after=first[-1].seq)
    rest = query_audit(world.store, flt=flt, limit=10, after=second[-1].seq)
    assert [r.seq for r in first + second + rest] == [r.seq for r in everything]
    oldest = query_audit(world.store, flt=flt, descending=False, limit=2)
    newer = query_audit(world.store, flt=flt, descending=False, limit=10, after=oldest[-1].seq)
    assert [r.seq for r in oldest + newer] == sorted(r.seq for r in everything)


def test_people_and_event_types_to_filter_by(world: World) -> None:
    DraftService(world.store, world.op1).create(world.account, "お知らせ")
    actors = audit_actors(world.store)
    assert AuditActor("sato", "佐藤 花子") in actors
    assert AuditActor("kanri", "管理 一郎").label == "管理 一郎 (kanri)"
    assert "suzuki" not in {a.login for a in actors}  # only people who appear in the record
    events = audit_events(world.store)
    assert "draft.created" in events
    assert "staff.created" in events
    assert "review.approved" not in events  # nothing was approved
    from core.audit.events import event_label

    assert [event_label(e) for e in events] == sorted(event_label(e) for e in events)


# ---- summaries ----------------------------------------------------------------------------------


def _latest(world: World, event: str) -> str:
    return query_audit(world.store, flt=AuditFilter(event=event), limit=1)[0].summary


def test_known_events_read_as_sentences_with_names(world: World) -> None:
    assert _latest(world, "account.created") == "Created the account @josokoiki.koho (X)"
    assert _latest(world, "account.status_changed") == "Account @josokoiki.koho: Preparing → In operation"
    assert _latest(world, "staff.created") == "Added 伊藤 誠 (ito) as Operator, Supervisor"
    StaffService(world.store, world.admin).set_roles(world.op1.staff_id, [Role.SUPERVISOR])
    assert _latest(world, "staff.roles_changed") == "Roles of 佐藤 花子: Operator → Supervisor"
    StaffService(world.store, world.admin).set_department(world.op1.staff_id, _department(world, "秘書広報課"))
    assert _latest(world, "staff.department_changed") == "Moved 佐藤 花子 from no department to 秘書広報課"
    assert summarize("draft.saved", {"draft_id": 12, "length": 152}) == "Saved draft 12 (152 characters)"


def test_other_events_show_translated_fields(world: World) -> None:
    payload = {"account_id": 1, "reason": "line one\nline two", "text_sha256": "ab" * 32, "verified": True}
    names = Names(accounts={1: "@josokoiki.koho"})
    summary = summarize("future.event", payload, names)
    assert summary == "Account: @josokoiki.koho / Reason: line one line two / Verified: yes"
    assert "ab" * 8 not in summary  # hashes stay in the JSON
    i18n.set_language("ja")
    try:
        japanese = summarize("future.event", payload, names)
    finally:
        i18n.set_language("en")
    assert "アカウント: @josokoiki.koho" in japanese
    assert "理由: line one line two" in japanese
    assert "account_id" not in japanese


def test_a_payload_from_another_version_still_gets_a_summary() -> None:
    # account.staff_changed expects a list of [staff, duty] pairs; a newer shape falls back to the fields.
    assert summarize("account.staff_changed", {"account_id": 7, "to": 3}) == "Account: 7 / After: 3"
    long = summarize("future.event", {"comment": "あ" * 500})
    assert len(long) < 100
    assert long.endswith("…")


def test_the_raw_payload_stays_available(world: World) -> None:
    row = query_audit(world.store, flt=AuditFilter(event="account.created"), limit=1)[0]
    assert json.loads(row.payload)["handle"] == "@josokoiki.koho"
    assert '"handle": "@josokoiki.koho"' in row.pretty_payload
    assert row.pretty_payload.count("\n") > 3


# ---- staff: roles and department -----------------------------------------------------------------


def test_nobody_is_added_or_left_without_a_role(world: World) -> None:
    staff = StaffService(world.store, world.admin)
    entries = count_audit(world.store)
    with pytest.raises(InvalidInput, match="at least one role"):
        staff.create("新人 職員", "shinjin", None, [])
    assert find_by_login(world.store, "shinjin") is None
    with pytest.raises(InvalidInput, match="at least one role"):
        staff.set_roles(world.op1.staff_id, [])
    with pytest.raises(InvalidInput, match="at least one role"):
        staff.update(world.op1.staff_id, roles=[], department_id=_department(world, "秘書広報課"))
    sato = _staff(world, "sato")
    assert sato.roles == {Role.OPERATOR}
    assert sato.department_id is None  # the department change was refused with the roles
    assert count_audit(world.store) == entries


def test_update_saves_roles_and_department_and_audits_each(world: World) -> None:
    staff = StaffService(world.store, world.admin)
    department = _department(world, "秘書広報課")
    before = count_audit(world.store)
    assert staff.update(world.op1.staff_id, roles=[Role.OPERATOR, Role.SUPERVISOR], department_id=department)
    sato = _staff(world, "sato")
    assert sato.roles == {Role.OPERATOR, Role.SUPERVISOR}
    assert (sato.department_id, sato.department) == (department, "秘書広報課")
    new = query_audit(world.store, limit=count_audit(world.store) - before)
    assert sorted(r.event for r in new) == ["staff.department_changed", "staff.roles_changed"]
    # Saving the same again changes nothing and records nothing.
    assert not staff.update(world.op1.staff_id, roles=[Role.SUPERVISOR, Role.OPERATOR], department_id=department)
    assert count_audit(world.store) == before + 2


def test_update_is_all_or_nothing(world: World) -> None:
    staff = StaffService(world.store, world.admin)
    with pytest.raises(Conflict):
        # The last administrator cannot drop the role; the move is not saved either.
        staff.update(world.admin.staff_id, roles=[Role.OPERATOR], department_id=_department(world, "秘書広報課"))
    admin = next(s for s in list_staff(world.store) if s.id == world.admin.staff_id)
    assert admin.roles == {Role.ADMINISTRATOR}
    assert admin.department == "情報推進課"
