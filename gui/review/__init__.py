"""The supervisor's side: the review screen for one submitted version."""
