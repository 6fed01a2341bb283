"""The inbound half in the GUI: the background reader (the queue screen is gui/screens/moderation.py)."""
