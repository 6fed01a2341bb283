"""Demonstration data and ready-made drafts for the demo command, screenshots and tests."""
