"""What to paste as a platform's credential: shown in the credential dialog.

Operators get tokens from the platforms' developer screens, which name them
differently; a wrong kind of token only fails at the first post, so the
dialog says up front which one each adapter needs (see the adapters in
core/publishing for the scopes they use).
"""

from __future__ import annotations

from core.i18n import tr


def credential_hint(platform: str) -> str:
    hints = {
        "x": tr(
            "An OAuth 2.0 user access token with tweet.write and media.write. It lasts two hours; for "
            'automatic renewal paste {"client_id": "…", "refresh_token": "…"} instead (offline.access; add '
            '"client_secret" for a confidential client) and KohoGate keeps the renewed token in the keyring.'
        ),
        "mastodon": tr(
            "An access token of an application on the account's server with write:statuses and write:media."
        ),
        "bluesky": tr("An app password (Settings → Privacy and security → App passwords), never the account password."),
        "facebook": tr("A Page access token with pages_manage_posts (and pages_read_engagement to check posts)."),
        "line": tr("The long-lived channel access token of the official account's Messaging API channel."),
    }
    return hints.get(
        platform,
        tr("This platform is posted to by hand in its own app; KohoGate stores no token for it."),
    )
