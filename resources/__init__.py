"""Data files of KohoGate: translations, guideline rules, word lists, icons.

A package (not a bare folder) so that an installed wheel carries it and
``core.resources.resource_path`` finds it the same way as in a checkout.
"""
