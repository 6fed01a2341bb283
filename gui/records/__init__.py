"""Dialogs for records a city files (the PDFs themselves are made in core.records)."""
