"""Use cases: every state change checks roles, makes the change and records it."""
