"""Notifications by e-mail: who is told of what, the mail's text, the SMTP transport (no Qt, no services)."""
