"""決裁記録 (起案用紙): the approval record of a post, in the form a Japanese office files.

Page one: 文書番号, 起案日, 起案者, 件名, the 決裁欄 (who drafted, submitted,
decided and published, with dates), the post as it will appear with its
pictures and their alt text, the findings with the operator's reasons and
the ticked confirmations. Then the full review history (every version and
every decision, 差戻し with its comment), and an appendix with the content
hashes, the signature and the key that made it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from core.errors import NotFound
from core.i18n import tr
from core.lifecycle.states import DraftState, PublicationState, ReviewDecision
from core.platforms.facts import platform_label
from core.records.pdf import Box, RecordPdf, local_date, local_time, usable_target
from core.signoff.review_data import ReviewData, load_review_data, media_label
from core.storage.engine import Store
from core.storage.models import (
    Draft,
    DraftVersion,
    Organization,
    Publication,
    RecordNumber,
    Review,
    SigningKey,
    Staff,
)


@dataclass(frozen=True)
class HistoryEntry:
    """One version of the draft and what was decided on it."""

    number: int
    submitted_by: str
    submitted_at: datetime
    content_hash: str
    decision: str = ""  # a ReviewDecision value; "" while awaiting a decision
    reviewer: str = ""
    deputy_for: str = ""
    comment: str = ""
    decided_at: datetime | None = None
    after_publication: bool = False
    key_fingerprint: str = ""


@dataclass(frozen=True)
class PublicationEntry:
    state: str
    url: str
    published_at: datetime | None
    manual: bool


@dataclass(frozen=True)
class ApprovalRecord:
    """Everything the 決裁記録 prints (:func:`load_approval_record`)."""

    review: ReviewData
    organization: str
    document_number: str
    fiscal_year: int | None
    drafted_at: datetime  # 起案日: the first submission
    drafter: str
    state: DraftState
    history: tuple[HistoryEntry, ...]
    publications: tuple[PublicationEntry, ...]
    printed_at: datetime

    @property
    def approval(self) -> HistoryEntry | None:
        return next((h for h in reversed(self.history) if h.decision == ReviewDecision.APPROVED.value), None)


def load_approval_record(store: Store, version_id: int) -> ApprovalRecord:
    review = load_review_data(store, version_id)
    with store.read() as session:
        draft = session.get(Draft, review.draft_id)
        if draft is None:
            raise NotFound(tr("{what} {id} does not exist.").format(what=tr("Draft"), id=review.draft_id))
        names = {s.id: s.display_name for s in session.scalars(select(Staff))}
        org = session.get(Organization, 1)
        number = session.get(RecordNumber, draft.id)
        rows = session.execute(
            select(DraftVersion, Review)
            .outerjoin(Review, Review.version_id == DraftVersion.id)
            .where(DraftVersion.draft_id == draft.id)
            .order_by(DraftVersion.number)
        ).all()
        keys = {k.id: k.fingerprint for k in session.scalars(select(SigningKey))}
        history = tuple(
            HistoryEntry(
                number=v.number,
                submitted_by=names.get(v.submitted_by_id, ""),
                submitted_at=v.created_at,
                content_hash=v.content_hash,
                decision=r.decision if r else "",
                reviewer=names.get(r.reviewer_id, "") if r else "",
                deputy_for=names.get(r.deputy_for_id, "") if r and r.deputy_for_id else "",
                comment=r.comment if r else "",
                decided_at=r.created_at if r else None,
                after_publication=bool(r and r.after_publication),
                key_fingerprint=keys.get(r.signing_key_id, "") if r and r.signing_key_id else "",
            )
            for v, r in rows
            if v.number <= review.number
        )
        publications = tuple(
            PublicationEntry(p.state, p.url or "", p.published_at, p.manual)
            for p in session.scalars(
                select(Publication).where(Publication.version_id == version_id).order_by(Publication.id)
            )
        )
        return ApprovalRecord(
            review=review,
            organization=org.name if org else "",
            document_number=number.label if number else "",
            fiscal_year=number.fiscal_year if number else None,
            drafted_at=history[0].submitted_at if history else review.submitted_at,
            drafter=names.get(draft.author_id, review.author),
            state=DraftState(draft.state),
            history=history,
            publications=publications,
            printed_at=store.now(),
        )


def _decision_label(entry: HistoryEntry) -> str:
    if not entry.decision:
        return tr("awaiting a decision")
    labels = {
        ReviewDecision.APPROVED.value: tr("Approved (承認)"),
        ReviewDecision.RETURNED.value: tr("Returned (差戻し)"),
        ReviewDecision.REJECTED.value: tr("Rejected (却下)"),
    }
    label = labels.get(entry.decision, entry.decision)
    return label + (tr(" (after publication)") if entry.after_publication else "")


def _reviewer(entry: HistoryEntry) -> str:
    if entry.deputy_for:
        return tr("{name} (deputy for {absent})").format(name=entry.reviewer, absent=entry.deputy_for)
    return entry.reviewer


def approval_boxes(record: ApprovalRecord) -> list[Box]:
    """The chain of the filed version: 起案, 提出, 決裁, 公開 — each with a name and a date."""
    data = record.review
    first = record.history[0] if record.history else None
    boxes = [Box(tr("Drafted by (起案者)"), record.drafter, tr("Drafted (起案)"), local_date(record.drafted_at))]
    if first is None or data.number > 1 or data.submitted_by != record.drafter:
        boxes.append(
            Box(
                tr("Submitted (version {n})").format(n=data.number),
                data.submitted_by,
                tr("Submitted (提出)"),
                local_date(data.submitted_at),
            )
        )
    current = next((h for h in record.history if h.number == data.number), None)
    if current is not None and current.decision:
        boxes.append(
            Box(tr("Decided by (決裁者)"), _reviewer(current), _decision_label(current), local_date(current.decided_at))
        )
    else:
        boxes.append(Box(tr("Decided by (決裁者)"), "", tr("awaiting a decision"), ""))
    published = next((p for p in record.publications if p.published_at is not None), None)
    if published is not None:
        boxes.append(
            Box(
                tr("Published (公開)"),
                tr("by hand") if published.manual else "KohoGate",
                PublicationState(published.state).label,
                local_date(published.published_at),
            )
        )
    return boxes


def _header(record: ApprovalRecord) -> list[tuple[str, str]]:
    data = record.review
    number = record.document_number or tr("not numbered")
    if record.fiscal_year is not None:
        number = tr("{number} (fiscal year {year})").format(number=number, year=record.fiscal_year)
    rows = [
        (tr("Document number (文書番号)"), number),
        (tr("Drafted on (起案日)"), local_date(record.drafted_at)),
        (tr("Drafted by (起案者)"), record.drafter),
        (tr("Subject (件名)"), data.title or tr("(no title)")),
        (tr("Organization"), record.organization),
        (tr("State"), record.state.label),
    ]
    if data.emergency:
        rows.append((tr("Emergency"), data.emergency_reason or tr("yes")))
    return rows


def _post(pdf: RecordPdf, store: Store, data: ReviewData) -> None:
    from core.services.drafts import load_blob

    pdf.heading(tr("The post as it will appear"))
    pdf.fields(
        [
            (tr("Account"), f"{data.account_name} ({data.account})"),
            (tr("Platform"), platform_label(data.platform)),
            (tr("Scheduled"), local_time(data.scheduled_at) or tr("not scheduled (posted when approved)")),
            (tr("Version"), tr("version {n}").format(n=data.number)),
        ]
    )
    pdf.paragraph(data.text or tr("(no text)"), boxed=True)
    pdf.pdf.ln(1.5)
    if not data.media:
        pdf.paragraph(tr("Images and videos: none"))
    for index, item in enumerate(data.media, start=1):
        if item.decorative:
            alt = tr("decorative, no alt text needed: {reason}").format(reason=item.decorative_reason or tr("none"))
        else:
            alt = item.alt or tr("(no alt text)")
        caption = tr("{item} — alt text: {alt}").format(item=media_label(item, index), alt=alt)
        blob = load_blob(store, item.sha256) if item.is_image else None
        if blob:
            pdf.image(blob, caption, alt=alt)
        else:
            pdf.paragraph(caption, size=9)


def _findings(pdf: RecordPdf, data: ReviewData) -> None:
    pdf.heading(tr("Findings and the operator's reasons"))
    items = []
    for f in data.findings:
        line = f"[{f.severity_label}] {f.title} ({f.clause}): {f.message}"
        if f.excerpt:
            line += "\n　" + tr("Where: {excerpt}").format(excerpt=f.excerpt)
        if f.reason:
            line += "\n　" + tr("Acknowledged by {name}: {reason}").format(name=f.acknowledged_by, reason=f.reason)
        items.append(line)
    pdf.bullets(items, empty=tr("None (the checks found nothing to confirm)."))
    pdf.heading(tr("Confirmations ticked"))
    # ■ (ticked, as on Japanese paper forms) is in JIS X 0208, so the font has it; ☑ is not.
    ticks = [f"{c.text} ({c.clauses}) — {c.ticked_by}" for c in data.confirmations]
    pdf.bullets(ticks, empty=tr("None (no confirmation applied to this post)."), marker="■ ")


def _history(pdf: RecordPdf, record: ApprovalRecord) -> None:
    pdf.heading(tr("Review history"))
    rows = []
    for entry in record.history:
        rows.append(
            [
                tr("version {n}").format(n=entry.number),
                tr("Submitted"),
                entry.submitted_by,
                local_time(entry.submitted_at),
                "",
            ]
        )
        if entry.decision:
            rows.append(
                [
                    tr("version {n}").format(n=entry.number),
                    _decision_label(entry),
                    _reviewer(entry),
                    local_time(entry.decided_at),
                    entry.comment or tr("none"),
                ]
            )
    for publication in record.publications:
        rows.append(
            [
                tr("version {n}").format(n=record.review.number),
                PublicationState(publication.state).label + (tr(" (by hand)") if publication.manual else ""),
                "",
                local_time(publication.published_at),
                publication.url or tr("none"),
            ]
        )
    pdf.table(
        [tr("Version"), tr("Step"), tr("By"), tr("When"), tr("Comment / URL")],
        rows,
        (15, 24, 28, 50, pdf.width - 117),
    )


def _appendix(pdf: RecordPdf, record: ApprovalRecord) -> None:
    data = record.review
    pdf.new_page()
    pdf.heading(tr("Appendix: integrity of this record"))
    pdf.paragraph(
        tr(
            "The content hash binds the text, the account, the scheduled time and every file with its alt text. "
            "The supervisor's Ed25519 signature covers the decision and that hash; anyone holding the public key "
            "can check it. The audit record of KohoGate keeps every step with a hash chain."
        ),
        size=9,
    )
    pdf.mono(tr("Content hash of version {n} (SHA-256)").format(n=data.number), data.content_hash)
    decision = data.decision
    pdf.mono(tr("Signature (Ed25519, base64)"), decision.signature if decision else "")
    pdf.mono(tr("Fingerprint of the signing key"), decision.key_fingerprint if decision else "")
    for entry in record.history:
        if entry.number != data.number:
            pdf.mono(tr("Content hash of version {n} (SHA-256)").format(n=entry.number), entry.content_hash)
    pdf.fields(
        [
            (tr("Draft / version"), f"{data.draft_id} / {data.number} (id {data.version_id})"),
            (tr("Printed"), local_time(record.printed_at)),
        ]
    )


def render_approval_record(store: Store, record: ApprovalRecord) -> RecordPdf:
    data = record.review
    title = tr("Approval record (決裁記録)")
    pdf = RecordPdf(
        title,
        footer=f"{record.document_number}  {data.title}".strip(),
        subject=f"{record.document_number} {data.title}".strip(),
        author=record.organization,
    )
    pdf.title(title, right=record.organization)
    pdf.fields(_header(record), label_width=40)
    pdf.heading(tr("Approval (決裁欄)"))
    pdf.approval_boxes(approval_boxes(record))
    _post(pdf, store, data)
    _findings(pdf, data)
    _history(pdf, record)
    _appendix(pdf, record)
    return pdf


def write_approval_record(store: Store, version_id: int, out: Path) -> Path:
    """Write the 決裁記録 of ``version_id`` to ``out`` (nothing is written on failure)."""
    out = usable_target(out)
    record = load_approval_record(store, version_id)
    return render_approval_record(store, record).save(out)
