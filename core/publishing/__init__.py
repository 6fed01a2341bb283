"""Publishing use cases: the outbox, the preflight gate, the scheduler, manual posts and deletions.

Platform adapters live apart, in :mod:`core.platforms`.
"""
