"""Rule implementations, one module per family of rule ids.

- ``links.py``: ``link.shortener``, ``link.third_party``, ``link.confusable_host``
- ``pii.py``: ``pii.mynumber``, ``pii.phone``, ``pii.email``, ``pii.card_number``,
  ``pii.postal_address``
- ``person_names.py``: the analysis tier — ``pii.person_name``, ``pii.person_details``
  and word rules on morphemes (SudachiPy; run off the UI thread)
- ``length.py``: ``length.over_limit``
- ``media.py``: ``media.alt_missing``, ``media.alt_poor``, ``media.caption_missing``,
  ``media.exif_location``
- ``platform_media.py``: ``media.limit``, ``media.single_video``, ``media.file_type``,
  ``media.file_size``, ``media.video_length``, ``media.alt_too_long`` (the target
  platform's facts) and ``media.faces``
- ``text.py``: ``text.invisible_characters``
- ``content.py``: ``content.lexicon.<category>`` (phrases), ``content.dm_request``,
  ``content.quote``, ``content.harmful_program``

Each rule is a function ``(CheckContext) -> Iterable[Hit]``; the engine
applies severities, messages and the organization's settings.
"""
