"""Everything the composer window opens on, read in one go so that the GUI reads it off the UI thread.

The window is built on what this returns and reads nothing itself while it
opens: the draft, its situation (which actions are offered), the checks'
inputs (the organization's profile and check settings) and the bytes of its
images for the thumbnails and the preview.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from core.checks.config import CheckConfig
from core.lifecycle.actions import DraftSituation
from core.organization.profile import OrganizationProfile
from core.services.drafts import DraftDetail, image_bytes, load_draft_detail
from core.services.organization import load_check_config, load_profile
from core.services.situations import load_situation
from core.storage.engine import Store


@dataclass(frozen=True)
class ComposerView:
    detail: DraftDetail
    situation: DraftSituation
    profile: OrganizationProfile
    config: CheckConfig
    #: The draft's images by SHA-256 (videos and captions files are not read: nothing shows their bytes).
    images: Mapping[str, bytes]


def read_composer(store: Store, draft_id: int) -> ComposerView:
    """The composer's view of ``draft_id`` (raises ``NotFound`` for an unknown draft)."""
    detail = load_draft_detail(store, draft_id)
    return ComposerView(
        detail=detail,
        situation=load_situation(store, draft_id),
        profile=load_profile(store),
        config=CheckConfig.from_json(load_check_config(store)),
        images=image_bytes(store, detail.media),
    )
