"""The template library: administrators manage it (checked, audited), operators make drafts from it."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from core.errors import Conflict, InvalidInput, PermissionDenied
from core.platforms.facts import Platform
from core.services.drafts import DraftService, load_draft_detail
from core.services.templates import (
    TemplateService,
    list_templates,
    origin_of_draft,
    templates_for_account,
)
from core.storage.models import AuditEntry
from core.templates.model import TemplateCategory, TemplateContent
from core.templates.placeholders import Placeholder
from core.templates.starter import starter_templates
from tests.support.world import World

CLOSURE = TemplateContent(
    name="臨時休館",
    title="{place} 臨時休館",
    text="【臨時休館】{place}は{date}に休館します。詳しくは {url} お問い合わせ: {department}",
    category=TemplateCategory.CLOSURE,
    clauses=("joso:4(5)",),
)
VALUES = {
    Placeholder.PLACE: "市民体育館",
    Placeholder.DATE: "12月1日",
    Placeholder.URL: "https://city.mihon.lg.jp/kyukan",
    Placeholder.DEPARTMENT: "秘書広報課",
}


def entries(world: World, event: str) -> list[dict[str, object]]:
    with world.store.read() as session:
        rows = session.scalars(select(AuditEntry.payload).where(AuditEntry.event == event).order_by(AuditEntry.seq))
        return [json.loads(p) for p in rows]


def test_administrators_manage_the_library_and_every_change_is_audited(world: World) -> None:
    library = TemplateService(world.store, world.admin)
    saved = library.create(CLOSURE)
    assert saved.check.ok
    assert saved.check.flags == ()
    changed = library.update(saved.id, saved.revision, CLOSURE.__class__(**{**CLOSURE.__dict__, "name": "休館"}))
    assert changed.revision == 2
    with pytest.raises(Conflict):
        library.update(saved.id, saved.revision, CLOSURE)  # an older revision
    library.retire(saved.id)
    assert list_templates(world.store) == []
    assert [t.content.name for t in list_templates(world.store, include_retired=True)] == ["休館"]
    assert [e["revision"] for e in entries(world, "template.created") + entries(world, "template.updated")] == [1, 2]
    assert entries(world, "template.retired") == [{"template_id": saved.id, "name": "休館"}]


def test_operators_may_not_manage_templates(world: World) -> None:
    with pytest.raises(PermissionDenied):
        TemplateService(world.store, world.op1).create(CLOSURE)


def test_a_template_failing_a_blocking_rule_is_refused(world: World) -> None:
    bad = TemplateContent("短縮", "{date}", "{date} 詳しくは https://bit.ly/3xYz をご覧ください")
    with pytest.raises(InvalidInput, match="cannot be saved"):
        TemplateService(world.store, world.admin).create(bad)
    assert entries(world, "template.created") == []


def test_a_draft_from_a_template_records_which_one(world: World) -> None:
    template = TemplateService(world.store, world.admin).create(CLOSURE)
    draft_id = TemplateService(world.store, world.op1).create_draft(template.id, world.account, VALUES)
    detail = load_draft_detail(world.store, draft_id)
    assert detail.title == "市民体育館 臨時休館"
    assert detail.text.startswith("【臨時休館】市民体育館は12月1日に休館します。")
    origin = origin_of_draft(world.store, draft_id)
    assert origin is not None
    assert (origin.template_id, origin.revision) == (template.id, 1)
    assert origin.values["place"] == "市民体育館"
    created = entries(world, "draft.created")[-1]
    assert created["template_id"] == template.id
    assert created["template_revision"] == 1
    # From then on it is an ordinary draft: the operator edits it and it goes through sign-off.
    DraftService(world.store, world.op1).save(draft_id, detail.row_version, text=detail.text + " ")


def test_a_placeholder_left_unfilled_is_refused(world: World) -> None:
    template = TemplateService(world.store, world.admin).create(CLOSURE)
    values = {**VALUES, Placeholder.DATE: " "}
    with pytest.raises(InvalidInput, match="Fill in every placeholder first: Date"):
        TemplateService(world.store, world.op1).create_draft(template.id, world.account, values)


def test_templates_are_offered_by_platform_and_retired_ones_are_not(world: World) -> None:
    library = TemplateService(world.store, world.admin)
    line_only = library.create(TemplateContent("LINE", "{date}", "{date}のお知らせ", platforms=(Platform.LINE,)))
    everywhere = library.create(CLOSURE)
    assert [t.id for t in templates_for_account(world.store, world.account)] == [everywhere.id]  # an X account
    with pytest.raises(InvalidInput, match="not meant for this account"):
        TemplateService(world.store, world.op1).create_draft(line_only.id, world.account, {Placeholder.DATE: "1日"})
    library.retire(everywhere.id)
    with pytest.raises(Conflict, match="retired"):
        TemplateService(world.store, world.op1).create_draft(everywhere.id, world.account, VALUES)


def test_the_starter_set_is_added_once_each_template_checked(world: World) -> None:
    library = TemplateService(world.store, world.admin)
    added = library.add_starters()
    assert len(added) == len(starter_templates())
    assert library.add_starters() == []
    names = {t.content.name for t in list_templates(world.store)}
    assert "避難所の開設" in names
    assert all(t.flags == () for t in list_templates(world.store))
