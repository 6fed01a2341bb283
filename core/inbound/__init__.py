"""The inbound half: triage of replies, 炎上 detection, retention (pure rules; the use cases are in core/services)."""
