"""Everything the supervisor's review screen and the approval record show about one version."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from core.composer.findings import FindingRecord
from core.composer.media_items import StoredMedia, media_of
from core.errors import NotFound
from core.i18n import current_language, tr
from core.signoff.names import names_as_of
from core.storage.engine import Store
from core.storage.models import Draft, DraftVersion, OfficialAccount, Review, SigningKey


@dataclass(frozen=True)
class DiffPart:
    op: str  # "equal", "insert", "delete"
    text: str


@dataclass(frozen=True)
class FindingView:
    rule: str
    severity: str
    clause: str
    message: str
    excerpt: str
    acknowledged_by: str = ""
    reason: str = ""
    title: str = ""  # the rule's short name in the current language (the id if unknown)

    @property
    def severity_label(self) -> str:
        from core.checks.model import Severity

        return Severity.label_of(self.severity)


@dataclass(frozen=True)
class ConfirmationView:
    id: str
    text: str
    clauses: str
    ticked_by: str


@dataclass(frozen=True)
class DecisionView:
    decision: str
    reviewer: str
    comment: str
    decided_at: datetime
    signature: str
    key_fingerprint: str
    deputy_for: str = ""
    after_publication: bool = False


@dataclass(frozen=True)
class FieldChange:
    """A change outside the text, shown with the text diff: ``what`` changed from ``before`` to ``after``."""

    what: str
    before: str
    after: str


@dataclass(frozen=True)
class ReviewData:
    draft_id: int
    version_id: int
    number: int
    title: str
    account: str
    account_name: str
    platform: str
    text: str
    media: tuple[StoredMedia, ...]
    scheduled_at: datetime | None
    submitted_at: datetime
    author: str
    submitted_by: str
    content_hash: str
    emergency: bool
    emergency_reason: str
    findings: list[FindingView]
    confirmations: list[ConfirmationView]
    policy: list[tuple[str, str]]
    previous_number: int | None = None
    diff: list[DiffPart] = field(default_factory=list)
    changes: list[FieldChange] = field(default_factory=list)
    previous_comment: str = ""
    decision: DecisionView | None = None
    #: What kind of post this is (通常 / 緊急 / 訂正), in words.
    category: str = ""


def text_diff(old: str, new: str) -> list[DiffPart]:
    """Character-level diff (Japanese has no spaces between words)."""
    parts: list[DiffPart] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(DiffPart("equal", new[b1:b2]))
            continue
        if a2 > a1:
            parts.append(DiffPart("delete", old[a1:a2]))
        if b2 > b1:
            parts.append(DiffPart("insert", new[b1:b2]))
    return parts


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else tr("not scheduled")


def media_label(item: StoredMedia, number: int) -> str:
    """「画像1（poster.png）」: how a media item is named on the review screen and the record."""
    return _media_label(item, number)


def _media_label(item: StoredMedia, number: int) -> str:
    kind = tr("video") if item.is_video else tr("image")
    return tr("{kind} {n} ({name})").format(kind=kind, n=number, name=item.name or "—")


def _alt(item: StoredMedia) -> str:
    if item.decorative:
        return tr("decorative: {reason}").format(reason=item.decorative_reason or "—")
    return item.alt


def _captions(item: StoredMedia) -> str:
    if item.captions_burned_in:
        return tr("burned into the picture")
    return (item.captions_name or "") if item.captions_sha256 else tr("none")


def post_category(emergency: bool, correction: bool) -> str:
    """The kind of post for the review and the record: a correction, an emergency post, or a regular one."""
    if correction:
        return tr("Correction of a published post (訂正)")
    if emergency:
        return tr("Emergency (緊急)")
    return tr("Regular post")


def title_change(old: str, new: str) -> list[FieldChange]:
    """The title, when it changed between two versions (the supervisor sees it like any other change)."""
    return [FieldChange(tr("Title"), old, new)] if old != new else []


def content_changes(
    old_media: Sequence[StoredMedia],
    new_media: Sequence[StoredMedia],
    old_time: datetime | None,
    new_time: datetime | None,
    old_emergency: bool = False,
    new_emergency: bool = False,
) -> list[FieldChange]:
    """Everything but the text that differs between two versions.

    The approval covers time, files and their descriptions as well as the
    text, so a supervisor re-reviewing must see a replaced photo or a moved
    time as clearly as an edited sentence. Files are matched by their bytes
    (SHA-256), so a re-ordered image is "moved", not removed and added.
    """
    changes: list[FieldChange] = []
    if old_time != new_time:
        changes.append(FieldChange(tr("Scheduled time"), _when(old_time), _when(new_time)))
    if old_emergency != new_emergency:
        yes, no = tr("yes"), tr("no")
        changes.append(FieldChange(tr("Emergency"), yes if old_emergency else no, yes if new_emergency else no))
    old_by_hash = {m.sha256: (i, m) for i, m in enumerate(old_media, start=1)}
    new_hashes = {m.sha256 for m in new_media}
    for number, item in enumerate(new_media, start=1):
        label = _media_label(item, number)
        earlier = old_by_hash.get(item.sha256)
        if earlier is None:
            changes.append(FieldChange(tr("Added: {item}").format(item=label), "", _alt(item)))
            continue
        old_number, old_item = earlier
        if old_number != number:
            changes.append(FieldChange(tr("Moved: {item}").format(item=label), str(old_number), str(number)))
        if _alt(old_item) != _alt(item):
            changes.append(FieldChange(tr("Alt text of {item}").format(item=label), _alt(old_item), _alt(item)))
        if _captions(old_item) != _captions(item):
            changes.append(
                FieldChange(tr("Captions of {item}").format(item=label), _captions(old_item), _captions(item))
            )
    for digest, (number, item) in old_by_hash.items():
        if digest not in new_hashes:
            changes.append(FieldChange(tr("Removed: {item}").format(item=_media_label(item, number)), _alt(item), ""))
    return changes


def load_review_data(store: Store, version_id: int) -> ReviewData:
    from core.accounts.policy import POLICY_ITEMS
    from core.checks.catalog import rule_definition
    from core.checks.confirmations import confirmation_items

    lang = current_language()
    with store.read() as session:
        version = session.get(DraftVersion, version_id)
        if version is None:
            raise NotFound(tr("{what} {id} does not exist.").format(what=tr("Version"), id=version_id))
        draft = session.get(Draft, version.draft_id)
        account = session.get(OfficialAccount, version.account_id)
        assert draft is not None
        assert account is not None
        name_at = names_as_of(session)
        at = version.created_at
        findings = []
        for f in (FindingRecord.from_json(raw) for raw in version.findings):
            ack = version.acknowledgements.get(f.key, {}) if f.key else {}
            excerpt = version.text[f.start : f.end] if f.span is not None else ""
            if f.media_index is not None:
                excerpt = tr("image/video {n}").format(n=f.media_index + 1)
            rule_id = f.rule
            definition = rule_definition(rule_id)
            title = (definition.title_ja if lang == "ja" else definition.title_en) if definition else rule_id
            findings.append(
                FindingView(
                    title=title,
                    rule=rule_id,
                    severity=f.severity.value,
                    clause=f.clause,
                    message=f.message(lang),
                    excerpt=excerpt,
                    acknowledged_by=name_at(int(ack.get("staff_id") or 0), at) if ack else "",
                    reason=str(ack.get("reason", "")) if ack else "",
                )
            )
        items = {item.id: item for item in confirmation_items()}
        confirmations = [
            ConfirmationView(
                id=item_id,
                text=items[item_id].text(lang) if item_id in items else item_id,
                clauses=", ".join(items[item_id].clauses) if item_id in items else "",
                ticked_by=name_at(int(tick.get("staff_id") or 0), at),
            )
            for item_id, tick in version.confirmations.items()
        ]
        policy = [
            (f"{item.letter} {item.label}", str(account.policy.get(item.key, "")))
            for item in POLICY_ITEMS
            if item.source is None
        ]
        # The diff is against the newest earlier version a supervisor decided on.
        previous = session.execute(
            select(DraftVersion, Review.comment)
            .join(Review, Review.version_id == DraftVersion.id)
            .where(DraftVersion.draft_id == draft.id, DraftVersion.number < version.number)
            .order_by(DraftVersion.number.desc())
        ).first()
        review = session.scalar(select(Review).where(Review.version_id == version.id))
        decision = None
        if review is not None:
            key = session.get(SigningKey, review.signing_key_id) if review.signing_key_id else None
            decision = DecisionView(
                decision=review.decision,
                reviewer=name_at(review.reviewer_id, review.created_at),
                comment=review.comment,
                decided_at=review.created_at,
                signature=review.signature or "",
                key_fingerprint=key.fingerprint if key else "",
                deputy_for=name_at(review.deputy_for_id, review.created_at),
                after_publication=review.after_publication,
            )
        return ReviewData(
            draft_id=draft.id,
            version_id=version.id,
            number=version.number,
            title=version.title or draft.title,
            account=account.handle,
            account_name=account.display_name,
            platform=version.platform,
            text=version.text,
            media=media_of(version.media),
            scheduled_at=version.scheduled_at,
            submitted_at=version.created_at,
            author=name_at(version.author_id, at),
            submitted_by=name_at(version.submitted_by_id, at),
            content_hash=version.content_hash,
            emergency=version.emergency,
            emergency_reason=version.emergency_reason or "",
            findings=findings,
            confirmations=confirmations,
            policy=policy,
            previous_number=previous[0].number if previous else None,
            diff=text_diff(previous[0].text, version.text) if previous else [],
            changes=title_change(previous[0].title or draft.title, version.title or draft.title)
            + content_changes(
                media_of(previous[0].media),
                media_of(version.media),
                previous[0].scheduled_at,
                version.scheduled_at,
                previous[0].emergency,
                version.emergency,
            )
            if previous
            else [],
            previous_comment=previous[1] if previous else "",
            decision=decision,
            category=post_category(version.emergency, draft.corrects_publication_id is not None),
        )
