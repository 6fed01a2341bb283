"""一括作成: one message composed once, one draft per chosen account (pure rules, no storage)."""
