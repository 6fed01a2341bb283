"""The composer: the operator's editor with the inline checklist, media and preview.

Views over :mod:`core.composer` and the draft service; the rules themselves
(what blocks, what must be acknowledged) live in core.
"""
