"""Colours with a meaning, in one place (each at least 4.5:1 against white, WCAG AA)."""

from __future__ import annotations

BLOCK = "#c62828"  # must fix / refused / overdue
CONFIRM = "#a14a00"  # needs a reason or a look
WARN = "#1565c0"  # information
DONE = "#1b7a35"
MUTED = "#555555"

SEVERITY_COLOURS = {"block": BLOCK, "confirm": CONFIRM, "warn": WARN}
