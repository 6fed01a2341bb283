"""Presenting a check result: JSON lines for programs, annotated text for people."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from core.checks.model import CheckResult, DraftInput, Finding, Severity
from core.i18n import tr


def finding_json(finding: Finding, lang: str) -> dict[str, Any]:
    return {
        "rule": finding.rule_id,
        "severity": finding.severity.value,
        "clause": finding.clause,
        "start": finding.start,
        "end": finding.end,
        "media_index": finding.media_index,
        "message": finding.message(lang),
    }


def result_json(file: str, result: CheckResult, lang: str) -> str:
    """One line of ``app.py check --format json``."""
    payload = {
        "file": file,
        "findings": [finding_json(f, lang) for f in result.findings],
        "length": {
            "platform": result.length.platform.value,
            "used": result.length.used,
            "limit": result.length.limit,
        },
        "blocking": result.blocking,
    }
    return json.dumps(payload, ensure_ascii=False)


def severity_label(severity: Severity) -> str:
    return f"[{severity.label}]"


def display_width(text: str) -> int:
    """Terminal columns: wide (East Asian) characters take two."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _line_and_column(text: str, offset: int) -> tuple[int, int, str]:
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line_end = len(text) if line_end == -1 else line_end
    line_no = text.count("\n", 0, offset) + 1
    return line_no, offset - line_start + 1, text[line_start:line_end]


def _printable(line: str) -> str:
    """Control and invisible characters shown as ``<U+200B>`` so the caret lines up."""
    out = []
    for ch in line:
        if ch == "\t":
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
            out.append(f"<U+{ord(ch):04X}>")
        else:
            out.append(ch)
    return "".join(out)


def result_text(file: str, draft: DraftInput, result: CheckResult, lang: str) -> str:
    """The human report: each finding with its line, a caret under the span and the clause."""
    length = result.length
    lines = [
        tr("{file} ({platform}: {used}/{limit})").format(
            file=file, platform=length.platform.limits.label, used=length.used, limit=length.limit
        )
    ]
    if not result.findings:
        lines.append("  " + tr("No findings."))
    for finding in result.findings:
        head = f"{severity_label(finding.severity)} {finding.rule_id} ({finding.clause})"
        if finding.media_index is not None:
            name = draft.media[finding.media_index].file_name if finding.media_index < len(draft.media) else "?"
            where = tr("media {index} ({name})").format(index=finding.media_index + 1, name=name)
            lines.append(f"  {file}: {where}: {head}")
            lines.append(f"      {finding.message(lang)}")
            continue
        start = finding.start or 0
        end = finding.end if finding.end is not None else start
        line_no, column, line = _line_and_column(draft.text, start)
        lines.append(f"  {file}:{line_no}:{column}: {head}")
        lines.append(f"      {finding.message(lang)}")
        prefix = _printable(line[: column - 1])
        span_text = _printable(draft.text[start : min(end, start + len(line) - column + 1)])
        lines.append("      " + _printable(line))
        lines.append("      " + " " * display_width(prefix) + "^" * max(1, display_width(span_text)))
    counts = {s: sum(1 for f in result.findings if f.severity is s) for s in Severity}
    lines.append(
        "  "
        + tr("{block} to fix, {confirm} to confirm, {warn} notes").format(
            block=counts[Severity.BLOCK], confirm=counts[Severity.CONFIRM], warn=counts[Severity.WARN]
        )
    )
    if result.blocking:
        lines.append("  " + tr("This draft cannot be submitted until the findings marked to fix are fixed."))
    return "\n".join(lines)
