"""The guideline checks: what may be posted, per wako and joso guidelines.

Pure Python (no Qt). The composer calls :func:`run_checks` on every keystroke
and :func:`check_person_names` (the analysis tier: person names and word
rules on SudachiPy morphemes) on a worker thread; the settings screen uses
:func:`list_rules` and :class:`CheckConfig`; ``app.py check`` is
:mod:`cli.check`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.checks.catalog import RuleDefinition
    from core.checks.config import CheckConfig
    from core.checks.confirmations import ConfirmationItem, confirmation_items, confirmations_for
    from core.checks.engine import check_person_names, run_checks, with_person_names
    from core.checks.length import text_length
    from core.checks.model import (
        CheckResult,
        DraftInput,
        Finding,
        LengthInfo,
        MediaItem,
        MediaKind,
        Severity,
    )
    from core.checks.rule_listing import RuleInfo, list_rules
    from core.platforms.facts import Platform

# Imported on first use (PEP 562): `cli.check` is loaded by every start
# of app.py, and the engine's regexes and word lists are not needed there.
_LOCATIONS = {
    "RuleDefinition": "core.checks.catalog",
    "CheckConfig": "core.checks.config",
    "ConfirmationItem": "core.checks.confirmations",
    "confirmation_items": "core.checks.confirmations",
    "confirmations_for": "core.checks.confirmations",
    "check_person_names": "core.checks.engine",
    "run_checks": "core.checks.engine",
    "with_person_names": "core.checks.engine",
    "text_length": "core.checks.length",
    "CheckResult": "core.checks.model",
    "DraftInput": "core.checks.model",
    "Finding": "core.checks.model",
    "LengthInfo": "core.checks.model",
    "MediaItem": "core.checks.model",
    "MediaKind": "core.checks.model",
    "Severity": "core.checks.model",
    "Platform": "core.platforms.facts",
    "RuleInfo": "core.checks.rule_listing",
    "list_rules": "core.checks.rule_listing",
}


def __getattr__(name: str) -> Any:
    module = _LOCATIONS.get(name)
    if module is None:
        raise AttributeError(f"module 'core.checks' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = [
    "CheckConfig",
    "CheckResult",
    "ConfirmationItem",
    "DraftInput",
    "Finding",
    "LengthInfo",
    "MediaItem",
    "MediaKind",
    "Platform",
    "RuleDefinition",
    "RuleInfo",
    "Severity",
    "check_person_names",
    "confirmation_items",
    "confirmations_for",
    "list_rules",
    "run_checks",
    "text_length",
    "with_person_names",
]
