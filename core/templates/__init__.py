"""定型文: an organization's library of post templates with placeholders (pure rules, no storage)."""
