"""Manual mode: the approved text and media, ready for the operator to post in the platform's own app.

For platforms whose API needs publicly hosted media or is not offered
(Instagram, Threads, YouTube, LINE images). The same gate applies as for
automatic posting — approval valid for the current content (or the
emergency rule) and this terminal approved for the account — *before* the
text is handed out, except that no platform credential is needed: the
operator signs in to the platform's own app. The operator then records the
post's URL (:meth:`PublicationService.record_manual`), which the terminal
key signs like an API post.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from core.composer.media_items import media_of
from core.organization.identity import Actor
from core.publishing.preflight import check_manual
from core.services.drafts import load_blob
from core.storage.engine import Store
from core.storage.models import Draft, DraftVersion

_SIGNATURES = (
    (b"\xff\xd8\xff", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
)


def _extension(data: bytes) -> str:
    """The file type from the bytes themselves (what the approval covered), from a fixed list."""
    for magic, ext in _SIGNATURES:
        if data.startswith(magic):
            return ext
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ".webp"
    if data[4:8] == b"ftyp":
        return ".mov" if data[8:10] == b"qt" else ".mp4"
    return ".bin"


@dataclass(frozen=True)
class ManualPackage:
    version_id: int
    text: str
    folder: Path | None
    files: list[Path]
    #: The account's platform and address: what tells whether a pasted URL is one of its posts.
    platform: str = ""
    account_url: str | None = None


def prepare_manual(store: Store, actor: Actor, draft_id: int, folder: Path | None) -> ManualPackage:
    """Check the gate, then write the approved media and their alt texts into ``folder``."""
    check_manual(store, actor, draft_id)
    with store.read() as session:
        number = session.scalar(select(func.max(DraftVersion.number)).where(DraftVersion.draft_id == draft_id))
        version = session.scalar(
            select(DraftVersion).where(DraftVersion.draft_id == draft_id, DraftVersion.number == number)
        )
        assert version is not None
        version_id, text, media = version.id, version.text, media_of(version.media)
        draft = session.get(Draft, draft_id)
        assert draft is not None  # the gate above found it
        platform, account_url = draft.account.platform, draft.account.url
    files: list[Path] = []
    if folder is not None and media:
        folder.mkdir(parents=True, exist_ok=True)
        for index, item in enumerate(media, start=1):
            data = load_blob(store, item.sha256)
            if data is None:
                continue
            # The extension comes from a fixed list, never from the item's own text: a crafted
            # "mime" must not name a path outside the folder.
            stem = f"{index:02d}"
            path = folder / f"{stem}{_extension(data)}"
            path.write_bytes(data)
            files.append(path)
            alt = "" if item.decorative else item.alt
            (folder / f"{stem}.alt.txt").write_text(alt, encoding="utf-8")
    return ManualPackage(version_id, text, folder, files, platform=platform, account_url=account_url)
