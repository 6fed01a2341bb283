"""The 決裁記録 PDF: searchable Japanese (見 民 日 長 as written), 決裁欄, history, appendix; no Qt."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from core import i18n
from core.demo.support import make_ready
from core.errors import InvalidInput
from core.lifecycle.states import ReviewDecision
from core.records.approval import load_approval_record, write_approval_record
from core.records.pdf import MISSING, printable
from core.services.drafts import DraftService, load_draft_detail
from core.services.reviews import ReviewService
from core.signoff.keys import DemoSigner
from tests.support.world import World

TEXT = "見本市の市民の日に市長が挨拶します。"
TITLE = "市民の日のお知らせ"
COMMENT = "日付を見直してください"
# Kangxi radicals and CJK radicals supplement: what a broken ToUnicode map yields instead of 見 民 日 長.
RADICALS = re.compile("[\u2e80-\u2fdf]")


@pytest.fixture(autouse=True)
def _japanese() -> None:
    i18n.set_language("ja")  # a filed record is Japanese; the autouse isolation restores the language


def returned_then_approved(world: World) -> int:
    drafts = DraftService(world.store, world.op1)
    draft_id = drafts.create(world.account, TEXT, title=TITLE)
    first = drafts.submit(draft_id, make_ready(drafts, draft_id))
    reviews = ReviewService(world.store, world.sup)
    reviews.decide(first, ReviewDecision.RETURNED, COMMENT, signer=DemoSigner(world.sup.login))
    detail = load_draft_detail(world.store, draft_id)
    drafts.save(draft_id, detail.row_version, text=TEXT + "（11月3日）")
    second = drafts.submit(draft_id, make_ready(drafts, draft_id))
    reviews.decide(second, ReviewDecision.APPROVED, signer=DemoSigner(world.sup.login))
    return second


def pypdf_text(pdf: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages)


def pdftotext(pdf: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; .ci/run installs it")
    return subprocess.run([tool, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_text_extracts_as_written_with_both_extractors(world: World, tmp_path: Path) -> None:
    out = write_approval_record(world.store, returned_then_approved(world), tmp_path / "kessai.pdf")
    for text in (pypdf_text(out), pdftotext(out)):
        flat = re.sub(r"\s+", "", text)  # a table cell may wrap a word over two lines
        assert RADICALS.search(text) is None
        assert "\x00" not in text
        for word in ("見本市の市民の日に市長が挨拶します。", TITLE, "見", "民", "日", "長"):
            assert word in flat, word


def test_the_approval_boxes_and_the_history_of_a_returned_draft(world: World, tmp_path: Path) -> None:
    version = returned_then_approved(world)
    record = load_approval_record(world.store, version)
    assert record.document_number == "第1号"
    assert [(h.number, h.decision) for h in record.history] == [(1, "returned"), (2, "approved")]
    out = write_approval_record(world.store, version, tmp_path / "k.pdf")
    text = re.sub(r"\s+", "", pdftotext(out))
    for word in ("決裁欄", "起案者", "起案日", "件名", "文書番号", "第1号", "決裁者", "高橋美咲", "佐藤花子"):
        assert word in text, word
    # The history, in the order the PDF draws it (pdftotext may read a table by columns):
    # version 1 submitted, returned with its comment, version 2 submitted, approved.
    drawn = re.sub(r"\s+", "", pypdf_text(out))
    history = drawn[drawn.index("審査の経過") :]
    marks = [history.index(w) for w in ("第1版提出", "第1版差戻し", COMMENT, "第2版提出", "第2版承認")]
    assert marks == sorted(marks)
    assert "第1版" in text
    assert "第2版" in text
    # The appendix: the content hash and the signature of the approval.
    assert record.review.content_hash in text
    assert record.review.decision is not None
    assert record.review.decision.key_fingerprint.replace(" ", "") in text
    # Empty sections say so in words, never a lone dash.
    assert "•—" not in text
    assert "・—" not in text


def test_the_number_is_given_once_per_draft_and_kept(world: World) -> None:
    first = returned_then_approved(world)
    other = world.submitted(world.op1, "二件目")
    assert load_approval_record(world.store, first).document_number == "第1号"
    assert load_approval_record(world.store, other).document_number == "第2号"


def test_a_character_the_font_lacks_is_marked_not_dropped() -> None:
    assert printable("お祭り🎉") == "お祭り" + MISSING
    assert printable("見\n民") == "見\n民"


def test_a_folder_is_not_a_pdf_name(world: World, tmp_path: Path) -> None:
    version = world.submitted(world.op1)
    with pytest.raises(InvalidInput):
        write_approval_record(world.store, version, tmp_path)


def test_the_prefix_is_the_organizations_and_a_given_number_never_changes(world: World) -> None:
    from core.services.organization import OrganizationService, ProfileUpdate, load_profile

    profile = load_profile(world.store)
    service = OrganizationService(world.store, world.admin)

    def set_prefix(prefix: str) -> None:
        service.update_profile(ProfileUpdate(profile.name, (), (), (), (), document_prefix=prefix))

    set_prefix(" 見本広 ")
    first = world.submitted(world.op1)
    set_prefix("秘広")
    second = world.submitted(world.op1)
    assert load_approval_record(world.store, first).document_number == "見本広第1号"
    assert load_approval_record(world.store, second).document_number == "秘広第2号"


def test_pictures_are_printed_with_their_alt_text(world: World, tmp_path: Path) -> None:
    from dataclasses import replace

    from pypdf import PdfReader

    from core.composer.media_store import prepare_image
    from core.demo.support import poster_png

    drafts = DraftService(world.store, world.op1)
    draft_id = drafts.create(world.account, "市民まつりのポスターです。")
    prepared = prepare_image(poster_png(), "poster.png")
    drafts.store_media(prepared)
    item = replace(prepared.item(), alt="市民まつりのポスター（11月3日、見本市役所前）")
    drafts.save(draft_id, 1, text="市民まつりのポスターです。", media=[item])
    version = drafts.submit(draft_id, make_ready(drafts, draft_id))
    out = write_approval_record(world.store, version, tmp_path / "k.pdf")
    text = re.sub(r"\s+", "", pdftotext(out))
    assert "代替テキスト:市民まつりのポスター（11月3日、見本市役所前）" in text
    assert "poster.png" in text
    images = [image for page in PdfReader(str(out)).pages for image in page.images]
    assert len(images) == 1
