"""Dialogs of the incident desk (インシデント): suspicious accounts, the platform report, the notice, warning posts."""
