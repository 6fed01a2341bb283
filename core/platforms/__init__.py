"""Each platform in one place: its facts and capabilities (:mod:`.facts`) and its adapter.

The adapters (one module per platform) speak that platform's API and
nothing else; :mod:`.registry` maps a platform to its adapter. The
publishing use cases in :mod:`core.publishing` decide whether and when to
call them.
"""
