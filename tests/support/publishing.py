"""A world ready to publish: accounts on every API platform, an approved terminal, credentials, a signing key."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from core.accounts.samples import sample_policy
from core.composer.media_store import prepare_image
from core.demo.support import consult_all, make_ready, poster_png
from core.lifecycle.states import AccountStatus, ReviewDecision
from core.organization.identity import Actor
from core.publishing.outbox import Outbox
from core.runtime.bootstrap import Environment
from core.services.accounts import CredentialService
from core.services.drafts import DraftService
from core.services.reviews import ReviewService
from core.services.signing_keys import SigningKeyService
from core.services.terminals import TerminalService
from core.signoff.keys import DemoSigner
from tests.support.accounts import Org

ACCOUNTS = {
    "mastodon": ("@koho@city.example", "https://city.example/@koho"),
    "bluesky": ("koho.city.example", "https://bsky.app/profile/koho.city.example"),
    "x": ("@city_koho", "https://x.com/city_koho"),
    "facebook": ("city.koho", "https://www.facebook.com/city.koho"),
    "line": ("@cityline", "https://lin.ee/cityline"),
    "instagram": ("city_koho_insta", "https://www.instagram.com/city_koho_insta"),
}

TOKENS = {platform: f"secret-token-{platform}-7c1e9a0b" for platform in ACCOUNTS}


class PubWorld(Org):
    def __init__(self, env: Environment) -> None:
        super().__init__(env)
        SigningKeyService(self.store, self.admin).register(
            self.sup.staff_id, DemoSigner(self.sup.login).public_key, endorser=self.admin_signer
        )
        self.ids: dict[str, int] = {}
        for platform, (handle, url) in ACCOUNTS.items():
            account = self.accounts.create(platform, handle, "見本市公式", None, url=url)
            self.accounts.set_policy(account, sample_policy("見本市公式", "秘書広報課", "048-000-0000"))
            self.accounts.set_staff(account, self.full_staff())
            consult_all(self.store, self.admin, account)  # wako 運用開始の留意点, joso:3(2)
            self.accounts.file(account)
            self.accounts.set_status(account, AccountStatus.ACTIVE)
            self.ids[platform] = account
        TerminalService(self.store, self.admin).approve(self.terminal_id, scope_all=True, endorser=self.admin_signer)
        credentials = CredentialService(self.store, self.admin)
        for platform, account in self.ids.items():
            credentials.store_credential(self.vault, self.uid, account, TOKENS[platform])

    def approved(
        self,
        platform: str,
        text: str = "市民まつりは11月3日です。",
        *,
        image: bool = False,
        scheduled_at: datetime | None = None,
        submitted_at: datetime | None = None,
    ) -> int:
        """An approved (signed) draft for ``platform``; returns the draft id.

        ``submitted_at`` pretends the submission happened then (the database clock), so a post
        can be due or missed by the real clock although submitting refuses a time already past.
        """
        if submitted_at is not None:
            from unittest import mock

            from core.storage.engine import Store

            with mock.patch.object(Store, "now", return_value=submitted_at):
                return self.approved(platform, text, image=image, scheduled_at=scheduled_at)
        drafts = DraftService(self.store, self.op)
        draft_id = drafts.create(self.ids[platform], text, scheduled_at=scheduled_at)
        if image:
            prepared = prepare_image(poster_png(), "poster.png")
            drafts.store_media(prepared)
            item = replace(prepared.item(), alt="市民まつりのポスター")
            drafts.save(draft_id, 1, text=text, media=[item], scheduled_at=scheduled_at)
        version_id = drafts.submit(draft_id, make_ready(drafts, draft_id))
        ReviewService(self.store, self.sup).decide(
            version_id, ReviewDecision.APPROVED, signer=DemoSigner(self.sup.login)
        )
        return draft_id

    def submitted(
        self, platform: str, text: str = "市民まつりは11月3日です。", *, scheduled_at: datetime | None = None
    ) -> int:
        """A draft for ``platform`` submitted for approval (not decided yet); returns the draft id."""
        drafts = DraftService(self.store, self.op)
        draft_id = drafts.create(self.ids[platform], text, scheduled_at=scheduled_at)
        drafts.submit(draft_id, make_ready(drafts, draft_id))
        return draft_id

    def outbox(self, base_urls: dict[str, str], actor: Actor | None = None, **kwargs: object) -> Outbox:
        sleeps: list[float] = []
        box = Outbox(self.store, actor or self.op, vault=self.vault, base_url=base_urls, sleep=sleeps.append, **kwargs)  # type: ignore[arg-type]
        box.sleeps = sleeps  # type: ignore[attr-defined]
        return box
