"""Secrets in the OS keyring (never in the database, logs or crash reports).

:mod:`core.credentials.vault` is the only module that talks to ``keyring``;
:mod:`core.credentials.strength` estimates password strength with zxcvbn.
"""
