"""Finding records: what the version stores and the supervisor reads, typed but stored as before."""

from __future__ import annotations

import json

from core.checks.config import CheckConfig
from core.checks.model import Finding, Severity
from core.composer.findings import FindingRecord
from core.composer.media_items import StoredMedia
from core.composer.submission import evaluate
from core.organization.profile import OrganizationProfile
from core.platforms.facts import Platform

PROFILE = OrganizationProfile(name="見本市", own_domains=("city.mihon.lg.jp",))


def _as_written_before(finding: Finding, key: str) -> dict[str, object]:
    """The dict the dict-based finding_record built (copied from the code this replaced)."""
    return {
        "key": key,
        "rule": finding.rule_id,
        "severity": finding.severity.value,
        "clause": finding.clause,
        "start": finding.start,
        "end": finding.end,
        "media_index": finding.media_index,
        "message_ja": finding.message_ja,
        "message_en": finding.message_en,
    }


def test_a_finding_is_stored_in_the_same_json_as_before() -> None:
    media = [StoredMedia(sha256="a" * 64, kind="image", name="p.jpg", alt="運動会の様子", faces=2)]
    gate = evaluate("運動会", Platform.X, media, {}, (), PROFILE, CheckConfig())
    [(finding, record)] = [(f, r) for f, r in zip(gate.findings, gate.records, strict=True) if r.rule == "media.faces"]
    before = _as_written_before(finding, "media.faces|media|" + "a" * 64)
    assert json.dumps(record.to_json(), ensure_ascii=False) == json.dumps(before, ensure_ascii=False)
    assert FindingRecord.from_json(before) == record
    assert record.needs_acknowledgement
    assert record.span is None
    assert record.message("ja").startswith("画像（p.jpg）")


def test_a_text_finding_has_its_span_and_blocks() -> None:
    gate = evaluate("詳しくは https://bit.ly/abc を", Platform.X, [], {}, (), PROFILE, CheckConfig())
    [record] = [r for r in gate.records if r.rule == "link.shortener"]
    assert record.severity is Severity.BLOCK
    assert record.span == (5, 23)
    assert gate.blocking == (record,)
