"""The tamper-evident audit record: a SHA-256 hash chain in the database."""
