"""The submission gate, in the service: refused without the GUI whenever something is missing."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from core.audit.verify import verify_chain
from core.checks.config import CheckConfig
from core.composer.media_items import StoredMedia
from core.composer.media_store import prepare_image
from core.composer.submission import evaluate, required_confirmations
from core.demo.support import make_ready
from core.errors import InvalidInput
from core.lifecycle.states import DraftState, ReviewDecision
from core.organization.profile import OrganizationProfile
from core.platforms.facts import Platform
from core.runtime.bootstrap import Environment
from core.services.drafts import DraftService, load_blob, load_draft_detail
from core.services.reviews import ReviewService
from core.signoff.keys import DemoSigner
from core.storage.models import DraftVersion
from tests.support.images import face_image, face_jpeg_with_gps, png_bytes
from tests.support.world import World

PROFILE = OrganizationProfile(name="見本市", own_domains=("city.mihon.lg.jp",))
SHORT = "詳しくは bit.ly/3xYzAbc をご覧ください。"
FIXED = "詳しくは https://www.city.mihon.lg.jp/event をご覧ください。"
EXTERNAL = "詳しくは https://www.example.com/event をご覧ください。"


class Desk:
    """The shared test world of the service tests (accounts with a filed policy, signing keys)."""

    def __init__(self, env: Environment) -> None:
        world = World(env)
        self.store = world.store
        self.op = world.op1
        self.sup = world.sup
        self.account = world.account
        self.drafts = DraftService(self.store, self.op)

    def tick_all(self, draft_id: int, acknowledgements: dict[str, str] | None = None) -> int:
        detail = load_draft_detail(self.store, draft_id)
        return self.drafts.save(
            draft_id,
            detail.row_version,
            text=detail.text,
            title=detail.title or "お知らせ",  # a title is required to submit
            media=detail.media,
            confirmations=required_confirmations(detail.text, Platform.X, detail.media),
            acknowledgements=acknowledgements or {},
        )


@pytest.fixture
def desk(env: Environment) -> Desk:
    return Desk(env)


def test_unticked_confirmations_refuse_submission(desk: Desk) -> None:
    draft_id = desk.drafts.create(desk.account, "お知らせ")
    with pytest.raises(InvalidInput, match="not ticked"):
        desk.drafts.submit(draft_id, 1)
    assert load_draft_detail(desk.store, draft_id).state is DraftState.DRAFT
    desk.drafts.submit(draft_id, desk.tick_all(draft_id))


def test_a_blocking_finding_refuses_submission_even_when_everything_is_ticked(desk: Desk) -> None:
    draft_id = desk.drafts.create(desk.account, SHORT)
    row_version = desk.tick_all(draft_id)
    with pytest.raises(InvalidInput, match="shortener"):
        desk.drafts.submit(draft_id, row_version)
    row_version = desk.drafts.save(draft_id, row_version, text=FIXED)
    desk.drafts.submit(draft_id, desk.tick_all(draft_id))


def test_confirm_findings_need_an_acknowledgement_with_a_reason(desk: Desk) -> None:
    draft_id = desk.drafts.create(desk.account, EXTERNAL)
    gate = evaluate(EXTERNAL, Platform.X, [], {}, (), PROFILE, CheckConfig())
    [key] = [r.key for r in gate.unacknowledged]
    with pytest.raises(InvalidInput, match="acknowledgement"):
        desk.drafts.submit(draft_id, desk.tick_all(draft_id))
    with pytest.raises(InvalidInput, match="reason"):
        desk.tick_all(draft_id, {key: "   "})
    version_id = desk.drafts.submit(draft_id, desk.tick_all(draft_id, {key: "主催団体の公式ページ"}))
    with desk.store.read() as session:
        version = session.get(DraftVersion, version_id)
        assert version is not None
        assert [f["key"] for f in version.findings] == [key]
        assert set(version.findings[0]) == {
            "key",
            "rule",
            "severity",
            "clause",
            "start",
            "end",
            "media_index",
            "message_ja",
            "message_en",
        }
        assert version.acknowledgements[key]["reason"] == "主催団体の公式ページ"
        assert version.acknowledgements[key]["staff_id"] == desk.op.staff_id
        assert set(version.confirmations) == set(required_confirmations(EXTERNAL, Platform.X, []))
    assert verify_chain(desk.store).ok


def test_an_acknowledgement_survives_unrelated_edits_but_not_a_changed_link() -> None:
    base = evaluate(EXTERNAL, Platform.X, [], {}, (), PROFILE, CheckConfig())
    acks = {r.key: "確認済み" for r in base.unacknowledged}
    edited = evaluate("【再掲】" + EXTERNAL, Platform.X, [], acks, (), PROFILE, CheckConfig())
    assert not edited.unacknowledged
    changed = evaluate(EXTERNAL.replace("example.com", "example.org"), Platform.X, [], acks, (), PROFILE, CheckConfig())
    assert len(changed.unacknowledged) == 1


def _attach(desk: Desk, draft_id: int, data: bytes, name: str, **fields: object) -> StoredMedia:
    prepared = prepare_image(data, name)
    desk.drafts.store_media(prepared)
    item = replace(prepared.item(), **fields)  # type: ignore[arg-type]
    detail = load_draft_detail(desk.store, draft_id)
    desk.drafts.save(draft_id, detail.row_version, text=detail.text, media=[*detail.media, item])
    return item


def test_an_image_without_alt_text_blocks_and_stored_bytes_carry_no_exif(desk: Desk) -> None:
    draft_id = desk.drafts.create(desk.account, "写真のお知らせ")
    item = _attach(desk, draft_id, face_jpeg_with_gps(), "IMG_0001.JPG")
    stored = load_blob(desk.store, item.sha256)
    assert stored is not None
    assert b"Exif" not in stored[:64]
    with pytest.raises(InvalidInput, match="alt text"):
        desk.drafts.submit(draft_id, desk.tick_all(draft_id))
    detail = load_draft_detail(desk.store, draft_id)
    described = replace(detail.media[0], alt="市役所前の花壇を手入れするボランティアの方")
    desk.drafts.save(draft_id, detail.row_version, text=detail.text, media=[described])
    desk.drafts.submit(draft_id, desk.tick_all(draft_id))


def test_faces_must_be_acknowledged_or_redacted() -> None:
    media = [StoredMedia(sha256="a" * 64, kind="image", name="p.jpg", alt="運動会の様子", faces=2)]
    gate = evaluate("運動会", Platform.X, media, {}, (), PROFILE, CheckConfig())
    assert [r.rule for r in gate.unacknowledged] == ["media.faces"]
    # A masked copy carries the number of faces its masking left visible.
    redacted = evaluate(
        "運動会", Platform.X, [replace(media[0], redacted=True, faces=0)], {}, (), PROFILE, CheckConfig()
    )
    assert not redacted.unacknowledged
    half = evaluate("運動会", Platform.X, [replace(media[0], redacted=True, faces=1)], {}, (), PROFILE, CheckConfig())
    assert [r.rule for r in half.unacknowledged] == ["media.faces"]


def test_platform_media_limits_block(desk: Desk) -> None:
    draft_id = desk.drafts.create(desk.account, "写真5枚")
    for shade in range(5):
        _attach(
            desk,
            draft_id,
            png_bytes(face_image(background=40 + shade * 30)),
            f"p{shade}.png",
            alt=f"写真{shade}の説明",
            faces=0,
        )
    with pytest.raises(InvalidInput, match="at most 4"):
        desk.drafts.submit(draft_id, desk.tick_all(draft_id))


def test_media_must_refer_to_stored_files(desk: Desk) -> None:
    draft_id = desk.drafts.create(desk.account, "x")
    with pytest.raises(InvalidInput):
        desk.drafts.save(draft_id, 1, text="x", media=[StoredMedia(sha256="b" * 64, kind="image")])
    with pytest.raises(InvalidInput):
        # What an old client or a bug could hand over is refused before it becomes an item.
        desk.drafts.save(draft_id, 1, text="x", media=[StoredMedia.from_json({"kind": "image"})])


def test_a_returned_draft_shows_the_comment_and_resubmits_as_a_new_version(desk: Desk) -> None:
    draft_id = desk.drafts.create(desk.account, "ごみの収集日が変わります。")
    first = desk.drafts.submit(draft_id, make_ready(desk.drafts, draft_id))
    ReviewService(desk.store, desk.sup).decide(
        first, ReviewDecision.RETURNED, "日程を本文に書いてください。", signer=DemoSigner(desk.sup.login)
    )
    detail = load_draft_detail(desk.store, draft_id)
    assert detail.returned_comment is not None
    assert detail.returned_comment.comment == "日程を本文に書いてください。"
    assert detail.returned_comment.reviewer == "高橋 美咲"
    row_version = desk.drafts.save(draft_id, detail.row_version, text=detail.text + "新しい収集日は毎週火曜日です。")
    second = desk.drafts.submit(draft_id, row_version)
    assert second != first
    with desk.store.read() as session:
        numbers = list(session.scalars(select(DraftVersion.number).where(DraftVersion.draft_id == draft_id)))
    assert sorted(numbers) == [1, 2]
    assert load_draft_detail(desk.store, draft_id).returned_comment is None


def test_a_scheduled_time_already_past_blocks_submission() -> None:
    from datetime import UTC, datetime, timedelta

    from core.composer.submission import schedule_problem

    now = datetime(2026, 11, 21, 9, tzinfo=UTC)
    assert schedule_problem(None, now) is None
    assert schedule_problem(now + timedelta(minutes=1), now) is None
    problem = schedule_problem(now - timedelta(days=2), now)
    assert problem
    media: list[dict[str, object]] = []
    gate = evaluate("お知らせ", Platform.X, media, {}, (), PROFILE, CheckConfig(), scheduled_at=now, now=now)
    assert not gate.ok
    assert gate.schedule_problem in gate.reasons()
