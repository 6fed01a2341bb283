"""States of drafts, publications, accounts and terminals, and which moves between them are allowed."""
