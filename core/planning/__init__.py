"""Planning: what goes out when across all accounts (the calendar) and what waits today (the board)."""
