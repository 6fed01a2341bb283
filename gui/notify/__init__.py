"""The running app's side of notifications by e-mail (the rules are in core/notify)."""
