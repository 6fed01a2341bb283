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
from tests.support.world_templates import State

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
    @classmethod
    def build(cls, env: Environment) -> State:
        state = Org.build(env)
        org = Org.bound(env, state)
        SigningKeyService(org.store, org.admin).register(
            org.sup.staff_id, DemoSigner(org.sup.login).public_key, endorser=org.admin_signer
        )
        ids: dict[str, int] = {}
        for platform, (handle, url) in ACCOUNTS.items():
            account = org.accounts.create(platform, handle, "見本市公式", None, url=url)
            org.accounts.set_policy(account, sample_policy("見本市公式", "秘書広報課", "048-000-0000"))
            org.accounts.set_staff(account, org.full_staff())
            consult_all(org.store, org.admin, account)  # wako 運用開始の留意点, joso:3(2)
            org.accounts.file(account)
            org.accounts.set_status(account, AccountStatus.ACTIVE)
            ids[platform] = account
        TerminalService(org.store, org.admin).approve(org.terminal_id, scope_all=True, endorser=org.admin_signer)
        credentials = CredentialService(org.store, org.admin)
        for platform, account in ids.items():
            credentials.store_credential(org.vault, org.uid, account, TOKENS[platform])
        state["ids"] = ids
        return state

    def _bind(self, env: Environment, state: State) -> None:
        super()._bind(env, state)
        self.ids: dict[str, int] = state["ids"]

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
