"""決裁記録: a one-page PDF of an approved post for the city's document filing.

Content, images with their alt text, findings with acknowledgements and
reasons, ticked confirmations, who submitted and who approved when, the
content hash and the signature — laid out as HTML and printed with Qt's PDF
writer (text stays extractable, so the record can be searched).
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QWidget

from core.errors import KohoGateError
from core.lifecycle.states import ReviewDecision
from core.platforms.facts import platform_label
from core.services.drafts import load_blob
from core.signoff.review_data import ReviewData, load_review_data, media_label
from gui.i18n import translator
from gui.reports.fonts import RecordFonts, record_fonts

if TYPE_CHECKING:
    from core.storage.engine import Store

tr = translator("ApprovalRecord")

THUMBNAIL_WIDTH = 160


def _local(moment: datetime | None) -> str:
    # With the zone offset: a filed record is read long after, perhaps elsewhere.
    return moment.astimezone().strftime("%Y-%m-%d %H:%M (UTC%z)") if isinstance(moment, datetime) else ""


@dataclass(frozen=True)
class RecordSource:
    """What a record shows, read from the database (off the UI thread); laying it out needs no database."""

    data: ReviewData
    thumbnails: dict[str, bytes]
    printed_at: datetime


def load_record(store: Store, version_id: int) -> RecordSource:
    data = load_review_data(store, version_id)
    thumbnails: dict[str, bytes] = {}
    for item in data.media:
        blob = load_blob(store, item.sha256) if item.is_image else None
        if blob:
            thumbnails[item.sha256] = blob
    return RecordSource(data, thumbnails, store.now())


def record_html(source: RecordSource, fonts: RecordFonts) -> str:
    data = source.data
    e = html.escape
    rows = [
        (tr("Account"), f"{data.account_name} ({data.account}, {platform_label(data.platform)})"),
        (tr("Title"), data.title),
        (tr("Author"), data.author),
        (tr("Submitted by"), f"{data.submitted_by} — {_local(data.submitted_at)}"),
        (tr("Scheduled"), _local(data.scheduled_at) or tr("not scheduled")),
    ]
    if data.emergency:
        rows.append((tr("Emergency"), data.emergency_reason))
    if data.decision is not None:
        approver = data.decision.reviewer + (
            tr(" (deputy for {name})").format(name=data.decision.deputy_for) if data.decision.deputy_for else ""
        )
        label = ReviewDecision(data.decision.decision).label
        rows.append((tr("Decision"), f"{label} — {approver} — {_local(data.decision.decided_at)}"))
        if data.decision.comment:
            rows.append((tr("Comment"), data.decision.comment))
    table = "".join(f"<tr><th align='left'>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in rows)
    media = []
    for index, item in enumerate(data.media, start=1):
        alt = item.alt or (tr("(decorative)") if item.decorative else tr("(no alt text)"))
        blob = source.thumbnails.get(item.sha256)
        image = (
            f"<img src='data:{e(item.mime or 'image/png')};base64,{base64.b64encode(blob).decode()}' "
            f"width='{THUMBNAIL_WIDTH}'>"
            if blob
            else ""
        )
        media.append(f"<p>{image}<br><b>{e(media_label(item, index))}</b> — {e(tr('Alt text:'))} {e(alt)}</p>")
    findings = "".join(
        f"<li>[{e(f.severity_label)}] {e(f.title)} ({e(f.clause)}): {e(f.message)}"
        + (f"<br>&nbsp;&nbsp;{e(tr('Acknowledged by'))} {e(f.acknowledged_by)}: {e(f.reason)}" if f.reason else "")
        + "</li>"
        for f in data.findings
    )
    # ■ (ticked, as on Japanese paper forms) is in JIS X 0208, so every Japanese font has it; ☑ is not.
    confirmations = "".join(f"<li>■ {e(c.text)} ({e(c.clauses)}) — {e(c.ticked_by)}</li>" for c in data.confirmations)
    signature = data.decision.signature if data.decision else ""
    fingerprint = data.decision.key_fingerprint if data.decision else ""
    printed = _local(source.printed_at)
    return f"""
<html><body style="font-family:'{e(fonts.text)}'; font-size:9pt">
<h2>{e(tr("Approval record (決裁記録)"))}</h2>
<table cellspacing="0" cellpadding="2">{table}</table>
<h3>{e(tr("Content"))}</h3>
<p style="white-space:pre-wrap; border:1px solid #888; padding:4px">{e(data.text)}</p>
{"".join(media)}
<h3>{e(tr("Findings and acknowledgements"))}</h3><ul>{findings or "<li>—</li>"}</ul>
<h3>{e(tr("Confirmations"))}</h3><ul>{confirmations or "<li>—</li>"}</ul>
<h3>{e(tr("Integrity"))}</h3>
<p style="font-family:'{e(fonts.mono)}'; font-size:7pt">{e(tr("Content hash (SHA-256)"))}: {e(data.content_hash)}<br>
{e(tr("Key fingerprint"))}: {e(fingerprint)}<br>
{e(tr("Signature (Ed25519)"))}: {e(signature)}<br>
{e(tr("Version"))} {data.number} / {e(tr("Draft"))} {data.draft_id} / {e(tr("Printed"))} {e(printed)}</p>
</body></html>"""


def write_approval_record(store: Store, version_id: int, out: Path) -> Path:
    """Write the record of ``version_id`` to ``out`` (one A4 page, shrunk to fit)."""
    return print_record(load_record(store, version_id), out)


def print_record(source: RecordSource, out: Path) -> Path:
    """Lay out and print a record already read (:func:`load_record`): Qt's text layout, on the UI thread."""
    fonts = record_fonts()  # before the writer: no half-made file when there is no Japanese font
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(150)
    writer.setTitle(tr("Approval record (決裁記録)"))
    writer.setCreator("KohoGate")
    document = QTextDocument()
    document.setDefaultFont(fonts.base_font(9))
    document.setHtml(record_html(source, fonts))
    # Lay the page out in screen units (96 dpi); print_() scales it to the writer's resolution.
    page = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
    document.setPageSize(QSizeF(page.width() * 96 / 72, page.height() * 96 / 72))
    if document.pageCount() > 1:
        # One page is the filing format: shrink the text until it fits.
        font = document.defaultFont()
        while document.pageCount() > 1 and font.pointSizeF() > 5:
            font.setPointSizeF(font.pointSizeF() - 0.5)
            document.setDefaultFont(font)
    document.print_(writer)
    return out


def save_record_to(
    parent: QWidget, store: Store, version_id: int, out: Path, then: Callable[[Path], None] | None = None
) -> None:
    """Read the record off the UI thread, print it on the UI thread; a failure goes through the message door."""
    from gui.messages import show_error
    from gui.operations import Operation

    def printed(source: RecordSource) -> None:
        try:
            path = print_record(source, out)
        except KohoGateError as exc:
            show_error(parent, exc)
            return
        if then is not None:
            then(path)

    Operation(parent, lambda: load_record(store, version_id)).success(printed).run()
