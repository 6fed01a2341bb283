"""Each platform's facts and capabilities, in one table.

Everything the rest of the product needs to know about a platform without
talking to it lives here: its name as people write it, how long a post may
be and how that length is counted, what media it takes, whether KohoGate
posts to it itself, whether a retry can double-post, whether a post can be
taken back, what to paste as its credential and which hosts its post URLs
have. No other module compares platform ids; they ask this table.

Figures come from ``../shared/notes/platforms.md`` and the platforms' own
documents (each cited next to it). Platforms change them, which is why they
are in one place. ``None`` means "no limit published" (or not applicable):
the checks then say nothing rather than guess.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from core.i18n import tr

MB = 1024 * 1024


class Counting(enum.Enum):
    """The unit a platform's text limit is expressed in."""

    TWITTER_WEIGHTED = "twitter-weighted"  # twitter-text config v3
    GRAPHEMES = "graphemes"  # extended grapheme clusters (Bluesky)
    CODE_POINTS_URL_23 = "code-points-url-23"  # Mastodon: each URL counts 23
    CODE_POINTS = "code-points"
    UTF16_UNITS = "utf16-units"  # LINE counts JavaScript string length
    UTF8_BYTES = "utf8-bytes"  # YouTube descriptions are limited in bytes


class Platform(enum.Enum):
    X = "x"
    BLUESKY = "bluesky"
    MASTODON = "mastodon"
    THREADS = "threads"
    MISSKEY = "misskey"
    INSTAGRAM = "instagram"
    FACEBOOK = "facebook"
    LINE = "line"
    YOUTUBE = "youtube"

    @property
    def facts(self) -> PlatformFacts:
        return _FACTS[self]

    @property
    def limits(self) -> PlatformFacts:
        """The same facts; the name the length and media checks have always used."""
        return _FACTS[self]

    @property
    def display_name(self) -> str:
        return _FACTS[self].display_name

    @property
    def text_limit(self) -> int:
        return _FACTS[self].text_limit

    @property
    def alt_text_limit(self) -> int | None:
        return _FACTS[self].image.alt_limit

    @property
    def max_images(self) -> int:
        return _FACTS[self].max_images

    @classmethod
    def parse(cls, value: str) -> Platform:
        """``"X"``/``"x"`` → ``Platform.X``; ``ValueError`` naming the valid ids otherwise."""
        try:
            return cls(value.strip().lower())
        except ValueError:
            valid = ", ".join(p.value for p in cls)
            raise ValueError(f"unknown platform {value!r} (valid: {valid})") from None


@dataclass(frozen=True)
class MediaRules:
    """What a platform accepts for one kind of attachment (image or video).

    An empty ``mime_types`` means the platform takes no attachment of this kind.
    ``alt_limit`` is ``None`` where there is no alt-text field or no published limit.
    """

    mime_types: frozenset[str] = frozenset()
    max_bytes: int | None = None
    alt_limit: int | None = None
    alt_counting: Counting = Counting.CODE_POINTS
    max_seconds: float | None = None  # videos only

    @property
    def accepted(self) -> bool:
        return bool(self.mime_types)


@dataclass(frozen=True)
class PlatformFacts:
    """One platform. ``api``: KohoGate posts itself (an adapter is registered);
    otherwise the operator posts by hand and records the URL.

    ``idempotent``: a retry with the outbox's key never makes a second post.
    ``deletable``: a published post can be taken back at all (by API or by hand).
    ``single_video``: a post carries images or one video, never both or two videos.
    ``reads_own_posts``: the API lets the account read back what it posted (the outbox's
    reconciliation and the hijack comparison need it).
    """

    platform: Platform
    text_limit: int
    counting: Counting
    max_images: int
    image: MediaRules
    video: MediaRules
    single_video: bool
    bio_limit: int | None
    bio_counting: Counting
    api: bool
    idempotent: bool
    deletable: bool
    post_hosts: frozenset[str] = field(default_factory=frozenset)
    reads_own_posts: bool = True

    @property
    def id(self) -> str:
        return self.platform.value

    @property
    def display_name(self) -> str:
        """The service's name as people write it, translated (never the raw id)."""
        return _display_names()[self.platform]

    # The names the length and media checks read (one alt-text limit: the image's).
    @property
    def label(self) -> str:
        return self.display_name

    @property
    def alt_text_limit(self) -> int | None:
        return self.image.alt_limit

    @property
    def alt_text_counting(self) -> Counting:
        return self.image.alt_counting

    @property
    def deletes_through_api(self) -> bool:
        return self.api and self.deletable

    def media(self, kind: str) -> MediaRules:
        """The rules for ``"image"`` or ``"video"``; nothing accepted for another kind."""
        if kind == "image":
            return self.image
        if kind == "video":
            return self.video
        return MediaRules()

    @property
    def credential_hint(self) -> str:
        """What to paste as this platform's credential (the credential dialog shows it)."""
        return _credential_hints().get(
            self.platform,
            tr("This platform is posted to by hand in its own app; KohoGate stores no token for it."),
        )

    @property
    def not_deletable_message(self) -> str:
        """Why a post cannot be taken back and what to do instead (only for ``deletable=False``)."""
        reason = _not_deletable_messages().get(self.platform)
        if reason is not None:
            return reason
        return tr("{platform} posts cannot be deleted. Publish a correction instead.").format(
            platform=self.display_name
        )

    def owns_url(self, host: str) -> bool:
        """Is ``host`` one of the hosts this platform's post URLs have (``www.``/``mobile.`` ignored)?"""
        host = host.strip().lower().rstrip(".")
        for prefix in ("www.", "mobile.", "m."):
            if host.startswith(prefix):
                host = host[len(prefix) :]
                break
        return host in self.post_hosts


# Manual-mode platforms (Instagram, Threads, YouTube, Misskey) are posted by hand in the platform's
# own app; their media figures are still checked so that the prepared post fits.
_IMAGES_JPEG_PNG = frozenset({"image/jpeg", "image/png"})
_IMAGES_COMMON = frozenset({"image/jpeg", "image/png", "image/webp", "image/gif"})

_FACTS: dict[Platform, PlatformFacts] = {
    Platform.X: PlatformFacts(
        Platform.X,
        # 280 weighted: twitter-text config v3 (resources/rules/twitter-text/config-v3.json).
        text_limit=280,
        counting=Counting.TWITTER_WEIGHTED,
        # "up to 4 photos, 1 animated GIF or 1 video in a Post":
        # https://docs.x.com/x-api/media/quickstart/best-practices
        max_images=4,
        image=MediaRules(
            # Upload limits "Image: 5 MB, GIF: 15 MB" (https://docs.x.com/x-api/media); one figure per
            # kind here, so the GIF allowance is not used and a GIF over 5 MB is refused before approval.
            # media_type enum of MediaUploadConfigRequest, X API v2 OpenAPI 2.159 (shared/contracts/x).
            mime_types=_IMAGES_COMMON,
            max_bytes=5 * MB,
            # AltText.text maxLength 1000, X API v2 OpenAPI 2.159 (POST /2/media/metadata).
            alt_limit=1000,
            alt_counting=Counting.CODE_POINTS,
        ),
        video=MediaRules(
            # MediaUploadConfigRequest.media_type (OpenAPI 2.159): video/mp4, video/quicktime among others.
            mime_types=frozenset({"video/mp4", "video/quicktime"}),
            # "Video: 512 MB" (https://docs.x.com/x-api/media).
            max_bytes=512 * MB,
            alt_limit=1000,
            alt_counting=Counting.CODE_POINTS,
            # "Duration should be between 0.5 seconds and 140 seconds" for accounts without Premium:
            # https://docs.x.com/x-api/media/quickstart/best-practices
            max_seconds=140,
        ),
        single_video=True,
        # Profile description "Maximum of 160 characters" (X API v1.1 POST account/update_profile).
        bio_limit=160,
        bio_counting=Counting.CODE_POINTS,
        api=True,
        # No idempotency key documented for POST /2/tweets (shared/notes/platforms.md).
        idempotent=False,
        deletable=True,  # DELETE /2/tweets/:id
        post_hosts=frozenset({"x.com", "twitter.com"}),
    ),
    Platform.BLUESKY: PlatformFacts(
        Platform.BLUESKY,
        # app.bsky.feed.post text maxGraphemes 300 (lexicon; shared/notes/platforms.md).
        text_limit=300,
        counting=Counting.GRAPHEMES,
        # app.bsky.embed.images images maxLength 4 (lexicons/app/bsky/embed/images.json).
        max_images=4,
        image=MediaRules(
            # The lexicon accepts image/*; these are the formats the app and PDS handle.
            mime_types=_IMAGES_COMMON,
            # "The raw image file. May be up to 2 MB, formerly limited to 1 MB" (app.bsky.embed.images#image,
            # atproto lexicon docs); the reference PDS refuses blobs over 2,000,000 bytes
            # (shared/notes/platforms.md, checked on @atproto/pds 0.5.35).
            max_bytes=2_000_000,
            # No lexicon limit on image alt; the Bluesky app caps it at 2000 graphemes.
            alt_limit=2000,
            alt_counting=Counting.GRAPHEMES,
        ),
        video=MediaRules(
            # app.bsky.embed.video video: accept ["video/mp4"] (lexicons/app/bsky/embed/video.json), so .mov
            # (video/quicktime) is refused by the server after upload.
            mime_types=frozenset({"video/mp4"}),
            # maxSize 100000000 ("May be up to 100mb, formerly limited to 50mb"); newer lexicons allow
            # 300 MB, the smaller figure is what every PDS in use accepts.
            max_bytes=100_000_000,
            # app.bsky.embed.video alt maxGraphemes 1000.
            alt_limit=1000,
            alt_counting=Counting.GRAPHEMES,
            # The video service sets per-account limits (app.bsky.video.getUploadLimits): none fixed here.
            max_seconds=None,
        ),
        single_video=True,
        # app.bsky.actor.profile description maxGraphemes 256.
        bio_limit=256,
        bio_counting=Counting.GRAPHEMES,
        api=True,
        # createRecord with the outbox's rkey cannot make a second record; a repeat answers HTTP 500
        # rather than a conflict (reference PDS), so the adapter reads the record back at that rkey
        # after a failed create: a retry either creates the post or finds it (tests/core/platforms/
        # test_bluesky_pds.py against the real server).
        idempotent=True,
        deletable=True,  # com.atproto.repo.deleteRecord
        post_hosts=frozenset({"bsky.app"}),
    ),
    Platform.MASTODON: PlatformFacts(
        Platform.MASTODON,
        # configuration.statuses.max_characters, 500 by default; each URL counts 23.
        text_limit=500,
        counting=Counting.CODE_POINTS_URL_23,
        # configuration.statuses.max_media_attachments, 4 by default
        # (https://docs.joinmastodon.org/entities/Instance/).
        max_images=4,
        image=MediaRules(
            # configuration.media_attachments.supported_mime_types (a default instance).
            mime_types=frozenset({"image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/avif"}),
            # image_size_limit 16777216 (16 MB), as mastodon.social's /api/v2/instance reports
            # (mastodon/mastodon discussion #26709).
            max_bytes=16 * MB,
            # MediaAttachment description: 1500 characters (shared/notes/platforms.md).
            alt_limit=1500,
            alt_counting=Counting.CODE_POINTS,
        ),
        video=MediaRules(
            mime_types=frozenset({"video/mp4", "video/quicktime", "video/webm"}),
            # video_size_limit 103809024 (99 MB), same source.
            max_bytes=99 * MB,
            alt_limit=1500,
            alt_counting=Counting.CODE_POINTS,
        ),
        single_video=True,
        # Profile note: 500 characters on a default instance (PATCH /api/v1/accounts/update_credentials).
        bio_limit=500,
        bio_counting=Counting.CODE_POINTS,
        api=True,
        # Idempotency-Key header, kept about an hour (https://docs.joinmastodon.org/methods/statuses/).
        idempotent=True,
        deletable=True,  # DELETE /api/v1/statuses/:id
        # Every instance has its own host: post URLs are checked against the account's URL instead.
        post_hosts=frozenset(),
    ),
    Platform.THREADS: PlatformFacts(
        Platform.THREADS,
        text_limit=500,  # shared/notes/platforms.md
        counting=Counting.CODE_POINTS,
        # Carousel posts: up to 20 items (Threads API, "Carousel posts").
        max_images=20,
        # Threads media specifications (Meta, "Threads API — Media specifications"): images JPEG/PNG
        # up to 8 MB; video MOV/MP4 up to 1 GB and 300 seconds.
        image=MediaRules(mime_types=_IMAGES_JPEG_PNG, max_bytes=8 * MB),
        video=MediaRules(mime_types=frozenset({"video/mp4", "video/quicktime"}), max_bytes=1024 * MB, max_seconds=300),
        single_video=True,
        # The Threads profile bio is 150 characters, as Instagram's (imported from it at sign-up); Meta
        # publishes no API figure, so the app's limit is used (third-party roundups, 2025–2026).
        bio_limit=150,
        bio_counting=Counting.CODE_POINTS,
        api=False,
        idempotent=False,
        deletable=True,
        post_hosts=frozenset({"threads.net", "threads.com"}),
    ),
    Platform.MISSKEY: PlatformFacts(
        Platform.MISSKEY,
        text_limit=3000,  # shared/notes/platforms.md
        counting=Counting.CODE_POINTS,
        max_images=16,  # notes/create fileIds maxItems 16
        # Drive file size depends on the instance's policy: none fixed here.
        image=MediaRules(mime_types=_IMAGES_COMMON, alt_limit=512),  # drive file comment, max 512
        video=MediaRules(mime_types=frozenset({"video/mp4", "video/quicktime", "video/webm"}), alt_limit=512),
        single_video=False,
        bio_limit=1500,  # Misskey API i/update: description maxLength 1500
        bio_counting=Counting.CODE_POINTS,
        api=False,
        idempotent=False,
        deletable=True,
        # Every instance has its own host.
        post_hosts=frozenset(),
    ),
    Platform.INSTAGRAM: PlatformFacts(
        Platform.INSTAGRAM,
        text_limit=2200,  # caption 2200 (shared/notes/platforms.md)
        counting=Counting.CODE_POINTS,
        max_images=20,  # carousels hold up to 20 items since 2024
        # Posted by hand in the Instagram app, which takes JPEG and PNG (the Content Publishing API's
        # JPEG-only rule does not apply); 8 MB at most per image (Instagram Content Publishing).
        image=MediaRules(mime_types=_IMAGES_JPEG_PNG, max_bytes=8 * MB),
        video=MediaRules(mime_types=frozenset({"video/mp4", "video/quicktime"})),
        single_video=False,
        bio_limit=150,  # Instagram Help Center: a bio holds up to 150 characters
        bio_counting=Counting.CODE_POINTS,
        api=False,
        idempotent=False,
        deletable=True,  # not through the API, but by hand in the app
        post_hosts=frozenset({"instagram.com"}),
    ),
    Platform.FACEBOOK: PlatformFacts(
        Platform.FACEBOOK,
        text_limit=63206,  # the Page post limit Meta's composer enforces (not in the Graph reference)
        counting=Counting.CODE_POINTS,
        # Kept from the earlier table; Meta publishes no per-post photo count for Pages.
        max_images=80,
        # Page photos: .jpeg .bmp .png .gif .tiff, "Files can not exceed 10MB"
        # (https://developers.facebook.com/docs/page-stories-api, the Page media specification).
        image=MediaRules(
            mime_types=frozenset({"image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff"}),
            max_bytes=10 * MB,
        ),
        # Page videos: MP4/MOV, up to 10 GB and 240 minutes (Graph API video upload limits).
        video=MediaRules(
            mime_types=frozenset({"video/mp4", "video/quicktime"}), max_bytes=10 * 1024 * MB, max_seconds=240 * 60
        ),
        single_video=False,
        # A Page's bio (intro) in the new Pages experience takes 101 characters; the older "About" field
        # took 255. Meta's Graph reference gives neither; the stricter figure is used so that the
        # suggested text fits either field (third-party roundups, 2025–2026).
        bio_limit=101,
        bio_counting=Counting.CODE_POINTS,
        api=True,
        idempotent=False,
        deletable=True,
        post_hosts=frozenset({"facebook.com", "fb.com", "fb.watch"}),
    ),
    Platform.LINE: PlatformFacts(
        Platform.LINE,
        # One text bubble of 5000 characters, counted in UTF-16 units (Messaging API text message).
        text_limit=5000,
        counting=Counting.UTF16_UNITS,
        # A broadcast holds up to 5 messages (BroadcastRequest.messages maxItems 5); the text takes one.
        max_images=4,
        # Image message originalContentUrl: HTTPS, JPEG or PNG, max 10 MB; no alt-text field.
        # Video message: mp4, max 200 MB (https://developers.line.biz/en/reference/messaging-api/#image-message,
        # #video-message).
        image=MediaRules(mime_types=_IMAGES_JPEG_PNG, max_bytes=10 * MB),
        video=MediaRules(mime_types=frozenset({"video/mp4"}), max_bytes=200 * MB),
        single_video=True,
        bio_limit=None,  # LINE publishes no figure for the official account's status message
        bio_counting=Counting.CODE_POINTS,
        api=True,
        # X-Line-Retry-Key: a repeat answers 409 instead of sending again.
        idempotent=True,
        # Broadcasts cannot be unsent.
        deletable=False,
        post_hosts=frozenset({"line.me", "page.line.me"}),
        # The Messaging API has no list of the broadcasts sent (only delivery counts).
        reads_own_posts=False,
    ),
    Platform.YOUTUBE: PlatformFacts(
        Platform.YOUTUBE,
        # The video description, 5000 bytes.
        text_limit=5000,
        counting=Counting.UTF8_BYTES,
        max_images=0,  # posts carry a video, not images
        image=MediaRules(),
        video=MediaRules(mime_types=frozenset({"video/mp4", "video/quicktime", "video/webm"})),
        single_video=True,
        bio_limit=1000,  # YouTube Data API channels: brandingSettings.channel.description, 1000 characters
        bio_counting=Counting.CODE_POINTS,
        api=False,
        idempotent=False,
        deletable=True,
        post_hosts=frozenset({"youtube.com", "youtu.be"}),
    ),
}


def _display_names() -> dict[Platform, str]:
    # Translated on every call: the language can change while the app runs.
    return {
        Platform.X: tr("X"),
        Platform.BLUESKY: tr("Bluesky"),
        Platform.MASTODON: tr("Mastodon"),
        Platform.THREADS: tr("Threads"),
        Platform.MISSKEY: tr("Misskey"),
        Platform.INSTAGRAM: tr("Instagram"),
        Platform.FACEBOOK: tr("Facebook"),
        Platform.LINE: tr("LINE"),
        Platform.YOUTUBE: tr("YouTube"),
    }


def _credential_hints() -> dict[Platform, str]:
    # Operators get tokens from the platforms' developer screens, which name them differently; a
    # wrong kind of token only fails at the first post, so the dialog says up front which one each
    # adapter needs.
    return {
        Platform.X: tr(
            "An OAuth 2.0 user access token with tweet.write and media.write. It lasts two hours; for "
            'automatic renewal paste {"client_id": "…", "refresh_token": "…"} instead (offline.access; add '
            '"client_secret" for a confidential client) and KohoGate keeps the renewed token in the keyring.'
        ),
        Platform.MASTODON: tr(
            "An access token of an application on the account's server with write:statuses and write:media."
        ),
        Platform.BLUESKY: tr(
            "An app password (Settings → Privacy and security → App passwords), never the account password."
        ),
        Platform.FACEBOOK: tr(
            "A Page access token with pages_manage_posts (and pages_read_engagement to check posts)."
        ),
        Platform.LINE: tr("The long-lived channel access token of the official account's Messaging API channel."),
    }


def _not_deletable_messages() -> dict[Platform, str]:
    return {
        Platform.LINE: tr(
            "LINE broadcast messages cannot be unsent: they are already delivered to every friend. "
            "Send a correction (訂正) instead."
        ),
    }


def all_platforms() -> tuple[PlatformFacts, ...]:
    """Every platform's facts, in the order the account editor offers them (most used first)."""
    order = (
        Platform.X,
        Platform.LINE,
        Platform.FACEBOOK,
        Platform.INSTAGRAM,
        Platform.YOUTUBE,
        Platform.BLUESKY,
        Platform.MASTODON,
        Platform.THREADS,
        Platform.MISSKEY,
    )
    return tuple(_FACTS[p] for p in order)


def facts_of(code: str) -> PlatformFacts | None:
    """The facts for a stored platform id (``"x"``), ``None`` for an id this version does not know."""
    try:
        return Platform.parse(code).facts
    except ValueError:
        return None


def platform_label(code: str) -> str:
    """The service's name as people write it ("X", "LINE", "Facebook"); an unknown code as it is."""
    facts = facts_of(code)
    return facts.display_name if facts is not None else code


def supports_api(code: str) -> bool:
    """Does KohoGate post to this platform itself (otherwise: manual posting)?"""
    facts = facts_of(code)
    return facts is not None and facts.api


def reads_own_posts(code: str) -> bool:
    """Can KohoGate read the account's recent posts through the API (for the hijack comparison)?"""
    facts = facts_of(code)
    return facts is not None and facts.api and facts.reads_own_posts


def api_platform_ids() -> tuple[str, ...]:
    """The stored ids of the platforms KohoGate posts to itself (for database filters)."""
    return tuple(f.id for f in all_platforms() if f.api)


def credential_hint(code: str) -> str:
    """What to paste as the credential of an account on ``code``."""
    facts = facts_of(code)
    if facts is None:
        return tr("This platform is posted to by hand in its own app; KohoGate stores no token for it.")
    return facts.credential_hint


# A LINE broadcast has no public page: recording it by hand needs no URL.
_POST_URL_OPTIONAL = frozenset({Platform.LINE})


def post_url_hosts(code: str) -> tuple[str, ...]:
    """The hosts (subdomains included) a post of ``code`` lives on; ``()`` when it is the account's instance.

    Mastodon and Misskey are federated: a post lives on the account's own instance, so the host
    comes from the account's URL. Manual posts are recorded, and links opened, only on these hosts.
    """
    facts = facts_of(code)
    return tuple(sorted(facts.post_hosts)) if facts is not None else ()


def post_url_required(code: str) -> bool:
    """Does a post on ``code`` have a public address that a manual record must name?"""
    try:
        return Platform.parse(code) not in _POST_URL_OPTIONAL
    except ValueError:
        return True


# -- the inbound half: reading replies and moderating them ------------------------------------------


class Moderation(enum.Enum):
    """What the moderation queue can ask a platform to do with a reply or its author."""

    HIDE = "hide"  # X hidden replies, Facebook hide comment, Bluesky threadgate hiddenReplies
    DELETE = "delete"  # only Facebook: a Page may delete comments on its own posts
    BLOCK = "block"
    MUTE = "mute"
    REPORT = "report"


@dataclass(frozen=True)
class InboundFacts:
    """What a platform lets an official account read back and do about it.

    ``reads``: KohoGate reads replies and mentions itself (a reader is
    registered in :mod:`core.platforms.inbound`). ``through_api``: what the
    API lets the account do; ``by_hand``: what the platform's own app offers
    (the queue records it when a person has done it there).
    """

    platform: Platform
    reads: bool
    through_api: frozenset[Moderation] = frozenset()
    by_hand: frozenset[Moderation] = frozenset()

    def can(self, action: Moderation) -> bool:
        return action in self.through_api


_M = Moderation
_INBOUND: dict[Platform, InboundFacts] = {
    # Mastodon: no hiding of others' replies; block, mute and report (POST /api/v1/reports) by API.
    Platform.MASTODON: InboundFacts(Platform.MASTODON, True, frozenset({_M.BLOCK, _M.MUTE, _M.REPORT})),
    # Bluesky: a threadgate's hiddenReplies, app.bsky.graph.block records, muteActor, createReport.
    Platform.BLUESKY: InboundFacts(Platform.BLUESKY, True, frozenset({_M.HIDE, _M.BLOCK, _M.MUTE, _M.REPORT})),
    # X API v2 (OpenAPI 2.159): PUT /2/tweets/:id/hidden and POST /2/users/:id/muting. Blocking left
    # the API (only GET /2/users/:id/blocking remains) and there is no report endpoint.
    Platform.X: InboundFacts(Platform.X, True, frozenset({_M.HIDE, _M.MUTE}), frozenset({_M.BLOCK, _M.REPORT})),
    # Facebook Page: hide (is_hidden) and delete comments on the Page's posts; no report API.
    Platform.FACEBOOK: InboundFacts(
        Platform.FACEBOOK, True, frozenset({_M.HIDE, _M.DELETE}), frozenset({_M.BLOCK, _M.REPORT})
    ),
}


def inbound_facts(code: str) -> InboundFacts:
    """What ``code`` allows on the inbound side; a platform KohoGate cannot read gets ``reads=False``."""
    facts = facts_of(code)
    if facts is None:
        return InboundFacts(Platform.X, False)
    return _INBOUND.get(facts.platform, InboundFacts(facts.platform, False, frozenset(), frozenset(Moderation)))


def reads_replies(code: str) -> bool:
    return inbound_facts(code).reads


def reading_platform_ids() -> tuple[str, ...]:
    """The stored ids of the platforms whose replies KohoGate reads (for database filters)."""
    return tuple(p.value for p in _INBOUND)


def no_replies_message(code: str) -> str:
    """Why the queue shows nothing for an account on ``code`` (LINE: 1:1 chats only, which wako:5-エ rules out)."""
    facts = facts_of(code)
    if facts is not None and facts.platform is Platform.LINE:
        return tr(
            "LINE official accounts have no public replies: messages from friends are one-to-one chats, "
            "which official accounts do not conduct (wako:5-エ). KohoGate does not read them."
        )
    name = facts.display_name if facts is not None else code
    return tr("KohoGate cannot read replies on {platform} through its API: check them in the platform's app.").format(
        platform=name
    )
