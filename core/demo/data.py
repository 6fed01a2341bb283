"""Demonstration data: a plausible organization, filled in through the real services.

Going through the services (not raw inserts) keeps the audit chain valid and
exercises the same rules as daily use. Only an empty database can be filled,
and the organization is marked as a demo so that the GUI offers its user
switcher there and nowhere else.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from core.accounts.duties import Duty
from core.accounts.kinds import AccountKind
from core.accounts.samples import sample_policy
from core.credentials.vault import open_vault
from core.demo.support import consult_all
from core.errors import Conflict, KeyringUnavailable
from core.i18n import tr
from core.lifecycle.states import AccountStatus, ReviewDecision
from core.organization.identity import Actor, current_login
from core.organization.roles import Role
from core.publishing.records import PublicationService
from core.runtime.bootstrap import Environment
from core.services.accounts import AccountService, account_detail
from core.services.drafts import DraftService
from core.services.organization import list_departments
from core.services.reviews import ReviewService
from core.services.setup import OrganizationSetup, initialize, is_initialized
from core.services.signing_keys import SigningKeyService
from core.services.staff import StaffService, actor_for_staff, list_staff
from core.services.terminals import TerminalService, terminal_by_uid
from core.signoff.keys import DemoSigner
from core.storage.engine import Store

log = logging.getLogger(__name__)

ORG = OrganizationSetup(
    name="見本市 (デモ)",
    admin_display_name="デモ 管理者",
    admin_department="情報推進課",
    own_domains=("city.mihon.lg.jp",),
    public_phones=("048-424-9090",),
    public_emails=("koho@city.mihon.lg.jp",),
    postal_addresses=("〒351-0192 見本市広沢1-5",),
    departments=("秘書広報課", "危機管理課", "子育て支援課"),
    is_demo=True,
)

STAFF = [
    ("佐藤 花子", "demo.sato", "秘書広報課", [Role.OPERATOR]),
    ("鈴木 一郎", "demo.suzuki", "秘書広報課", [Role.OPERATOR]),
    ("高橋 美咲", "demo.takahashi", "秘書広報課", [Role.SUPERVISOR]),
    ("田中 健", "demo.tanaka", "危機管理課", [Role.OPERATOR]),
    ("伊藤 誠", "demo.ito", "危機管理課", [Role.SUPERVISOR, Role.OPERATOR]),
    ("渡辺 直子", "demo.watanabe", "情報推進課", [Role.ADMINISTRATOR]),
]

ACCOUNTS = [
    ("x", "@josokoiki.koho", "見本市公式", "秘書広報課", AccountStatus.ACTIVE),
    ("line", "@mihon-city", "見本市LINE公式アカウント", "秘書広報課", AccountStatus.ACTIVE),
    ("facebook", "mihon.city", "見本市", "秘書広報課", AccountStatus.ACTIVE),
    ("bluesky", "mihon-city.bsky.social", "見本市", "秘書広報課", AccountStatus.ACTIVE),
    ("x", "@josokoiki.bousai", "見本市防災", "危機管理課", AccountStatus.ACTIVE),
    ("instagram", "mihon_kosodate", "見本市子育て", "子育て支援課", AccountStatus.PREPARING),
    ("mastodon", "@mihon@mastodon.example", "見本市", "秘書広報課", AccountStatus.PAUSED),
]

TEXTS = {
    "draft": (
        "【お知らせ】市民まつりを11月3日に中央公園で開催します。"
        "詳しくは https://www.city.mihon.lg.jp/matsuri をご覧ください。"
    ),
    "draft_bad": "図書館の臨時休館について、詳細はこちら bit.ly/3xYzAbc からどうぞ。",
    "submitted": "【防災】今夜は強風のおそれがあります。ベランダの物を片付けてください。#見本市防災",
    "submitted2": "子育て応援フェアを開催します。会場: 市民センター 2階。お問い合わせは 048-424-9090 まで。",
    "returned": "ごみの収集日が変わります。新しい日程はチラシをご確認ください。",
    "approved": "【募集】市民ボランティアを募集しています。締切は12月15日です。https://www.city.mihon.lg.jp/volunteer",
    "rejected": "〇〇店のセールがお得です!ぜひご利用ください。",
    "published": "本日より市役所1階に総合案内窓口を開設しました。お気軽にお立ち寄りください。",
}


def fill_demo(env: Environment) -> dict[str, int]:
    """Fill an empty database with demo data; return counts of what was made."""
    store = env.store
    if is_initialized(store):
        raise Conflict(tr("The data folder already holds a database; demo data goes only into an empty one."))
    terminal = env.terminal.uid
    # Demo administrators sign with a key derived from their login, like the demo supervisors.
    admin_signer = DemoSigner(current_login())
    admin_id = initialize(store, ORG, login=current_login(), terminal=terminal, signer=admin_signer)
    admin = actor_for_staff(store, admin_id, terminal)
    departments = {d.name: d.id for d in list_departments(store)}
    staff_service = StaffService(store, admin)
    ids: dict[str, int] = {}
    for name, login, dept, roles in STAFF:
        ids[login] = staff_service.create(name, login, departments[dept], roles)
    local = terminal_by_uid(store, terminal)
    if local is not None:
        # This terminal may post to every account; no credential is stored (demo data
        # needs no OS keyring) and the key pair is made on first use, not here.
        TerminalService(store, admin).approve(local.id, scope_all=True, endorser=admin_signer)
    accounts = _demo_accounts(store, admin, departments, ids)
    sato = actor_for_staff(store, ids["demo.sato"], terminal)
    made = _demo_drafts(store, accounts, ids, terminal, admin=admin, admin_signer=admin_signer)
    _demo_incident(store, sato, accounts[0])
    _demo_lifecycle(store, admin, accounts, departments)
    return {"staff": len(STAFF) + 1, "accounts": len(accounts), "drafts": made}


def _demo_accounts(store: Store, admin: Actor, departments: dict[str, int], ids: dict[str, int]) -> list[int]:
    """The official accounts with their policies and staff; one staff change shows a rotation due."""
    admin_id = admin.staff_id
    account_service = AccountService(store, admin)
    accounts: list[int] = []
    leads = {"秘書広報課": "demo.takahashi", "危機管理課": "demo.ito", "子育て支援課": "demo.takahashi"}
    operators = {
        "秘書広報課": ["demo.sato", "demo.suzuki"],
        "危機管理課": ["demo.tanaka"],
        "子育て支援課": ["demo.sato"],
    }
    for platform, handle, name, dept, status in ACCOUNTS:
        account_id = account_service.create(
            platform,
            handle,
            name,
            departments[dept],
            url=f"https://example.invalid/{platform}/{handle.strip('@')}",
            kind=_demo_kind(dept),
        )
        policy = sample_policy(name, dept, "048-424-9090")
        if status is AccountStatus.PREPARING:
            policy = {k: v for k, v in policy.items() if k not in {"ke", "su"}}  # shows what is missing
        account_service.set_policy(account_id, policy)
        account_service.set_staff(
            account_id,
            [(admin_id, Duty.MANAGER), (ids[leads[dept]], Duty.RESPONSIBLE)]
            + [(ids[login], Duty.OPERATOR) for login in operators[dept]],
        )
        if status is not AccountStatus.PREPARING:
            consult_all(store, admin, account_id)  # wako 運用開始の留意点, joso:3(2)
            account_service.file(account_id)
            account_service.set_status(account_id, status)
        accounts.append(account_id)
    # 異動: 鈴木 leaves the Facebook page's staff, so its password must be changed (wako:5-カ).
    account_service.set_staff(
        accounts[2],
        [(admin_id, Duty.MANAGER), (ids["demo.takahashi"], Duty.RESPONSIBLE), (ids["demo.sato"], Duty.OPERATOR)],
    )
    return accounts


def _demo_drafts(
    store: Store, accounts: list[int], ids: dict[str, int], terminal: str, *, admin: Actor, admin_signer: DemoSigner
) -> int:
    """One draft in each state, through the same gate and sign-off as real ones; returns how many."""
    sato = actor_for_staff(store, ids["demo.sato"], terminal)
    tanaka = actor_for_staff(store, ids["demo.tanaka"], terminal)
    takahashi = actor_for_staff(store, ids["demo.takahashi"], terminal)
    sato_drafts = DraftService(store, sato)
    tanaka_drafts = DraftService(store, tanaka)
    tomorrow = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) + timedelta(days=1)

    from core.demo.support import make_ready

    made = 0
    festival = sato_drafts.create(accounts[0], TEXTS["draft"], title="市民まつり")
    _attach_demo_poster(sato_drafts, festival)
    sato_drafts.create(accounts[0], TEXTS["draft_bad"], title="図書館休館")
    made += 2

    def submitted(service: DraftService, account: int, text: str, title: str) -> int:
        # Demo submissions pass the same gate as real ones: confirmations ticked, findings acknowledged.
        draft_id = service.create(account, text, title=title, scheduled_at=tomorrow)
        return service.submit(draft_id, make_ready(service, draft_id))

    submitted(tanaka_drafts, accounts[4], TEXTS["submitted"], "強風注意")
    submitted(sato_drafts, accounts[1], TEXTS["submitted2"], "子育て応援フェア")
    returned = submitted(sato_drafts, accounts[0], TEXTS["returned"], "ごみ収集日")
    # Demo supervisors sign with keys derived from their login (core.signoff.keys.DemoSigner).
    keys = SigningKeyService(store, admin)
    for login in ("demo.takahashi", "demo.ito"):
        keys.register(ids[login], DemoSigner(login).public_key, endorser=admin_signer)
    takahashi_signs = DemoSigner("demo.takahashi")
    ReviewService(store, takahashi).decide(
        returned,
        ReviewDecision.RETURNED,
        "新しい日程を本文に書いてください。チラシだけでは伝わりません。",
        signer=takahashi_signs,
    )
    approved = submitted(sato_drafts, accounts[0], TEXTS["approved"], "ボランティア募集")
    ReviewService(store, takahashi).decide(approved, ReviewDecision.APPROVED, signer=takahashi_signs)
    rejected = submitted(sato_drafts, accounts[2], TEXTS["rejected"], "セール")
    ReviewService(store, takahashi).decide(
        rejected, ReviewDecision.REJECTED, "特定事業者の宣伝は禁止事項です (joso:5(7))。", signer=takahashi_signs
    )
    published = submitted(tanaka_drafts, accounts[3], TEXTS["published"], "総合案内窓口")
    ReviewService(store, takahashi).decide(published, ReviewDecision.APPROVED, signer=takahashi_signs)
    # A manual post is signed with this terminal's key, which lives in the OS
    # keyring; without one the example stays approved-but-unpublished rather
    # than the demo bypassing the gate.
    try:
        vault = open_vault()
    except KeyringUnavailable as exc:
        log.warning("demo: no OS keyring (%s); the published example is left unpublished", exc.message)
    else:
        PublicationService(store, tanaka).record_manual(
            published, "https://bsky.app/profile/mihon-city.bsky.social/post/demo1", vault=vault
        )
    made += 6
    # 破棄: an empty draft started by mistake and thrown away (the record keeps it); made last, so the
    # other demo drafts keep their numbers.
    mistake = sato_drafts.create(accounts[0], "", title="(まちがえて作成)")
    sato_drafts.discard(mistake, 1)
    made += 1
    return made


def _demo_kind(department: str) -> AccountKind:
    """The PR section runs the city's own accounts; other departments run field-specific ones (joso:3(1))."""
    return AccountKind.OFFICIAL if department == "秘書広報課" else AccountKind.FIELD


def _demo_lifecycle(store: Store, admin: Actor, accounts: list[int], departments: dict[str, int]) -> None:
    """An account's life on screen: a review and a password change overdue, a withdrawal, a deleted account."""
    from core.accounts.continuation import DeletionMethod
    from core.services.account_lifecycle import AccountLifecycleService
    from core.storage.models import OfficialAccount

    lifecycle = AccountLifecycleService(store, admin)
    # The city's main X account carries the platform's verification (joso:3(2) 認証アカウント).
    service = AccountService(store, admin)
    main = account_detail(store, accounts[0]).info
    service.update(
        main.id,
        platform=main.platform,
        handle=main.handle,
        display_name=main.display_name,
        department_id=main.department_id,
        url=main.url,
        verified=True,
    )
    # The Mastodon trial ends: 撤退 with the notice period (joso:7(2)); the notice post waits as a draft.
    lifecycle.start_withdrawal(accounts[6], reason="試行期間の終了(当初の目的を達成: joso:7(1)-ア)")
    # A tourism account from an earlier trial, stopped at once and deleted: it stays in the page's history.
    old = service.create(
        "x", "@josokoiki.kanko", "見本市観光", departments["秘書広報課"], url="https://x.com/josokoiki.kanko"
    )
    service.set_policy(old, sample_policy("見本市観光", "秘書広報課", "048-424-9090"))
    service.set_staff(
        old, [(admin.staff_id, Duty.MANAGER), (admin.staff_id, Duty.RESPONSIBLE), (admin.staff_id, Duty.OPERATOR)]
    )
    consult_all(store, admin, old)
    service.file(old)
    service.set_status(old, AccountStatus.ACTIVE)
    lifecycle.stop_now(old, "パスワード流出のおそれがあるため、直ちに運用を停止しました。")
    lifecycle.record_deletion(old, DeletionMethod.MANUAL, "X の設定画面から削除")
    _demo_exception_device(store, admin, accounts[4])
    # The LINE account has run for over a year: its continuation review and its periodic
    # password change (joso:6(1)) are overdue. Demo data only: the dates are set back directly.
    with store.write() as session:
        line = session.get(OfficialAccount, accounts[1])
        assert line is not None
        year_ago = store.now() - timedelta(days=400)
        line.opened_at = line.filed_at = year_ago
        line.review_due_at = year_ago + timedelta(days=365)


def _demo_exception_device(store: Store, admin: Actor, account_id: int) -> None:
    """An off-site laptop approved for disaster information on the 防災 account, agreed by its 運用責任者."""
    from core.services.terminals import register_local
    from core.terminals.approval import TerminalKind
    from core.terminals.identity import LocalTerminal

    laptop = register_local(
        store, LocalTerminal("demo-bousai-laptop", "bousai-laptop", "demo.ito", "demo-machine-bousai", "Windows")
    )
    TerminalService(store, admin).approve(
        laptop.id,
        scope_all=False,
        account_ids=[account_id],
        expires_at=store.now() + timedelta(days=90),
        kind=TerminalKind.EXCEPTION,
        reason="災害時の庁外(避難所)からの発信",
        information_scope="災害・緊急情報のみ",
        categories=["emergency"],
        endorser=DemoSigner(current_login()),
    )
    ito = next(s for s in list_staff(store) if s.login == "demo.ito")
    TerminalService(store, actor_for_staff(store, ito.id, laptop.uid)).consent(laptop.id, account_id)


def _demo_incident(store: Store, reporter: Actor, account_id: int) -> None:
    """An impersonation found by an operator, reported to the platform: the incident screen's example."""
    from core.incidents.model import IncidentKind, Severity, StepKind
    from core.services.incidents import IncidentService

    desk = IncidentService(store, reporter)
    incident = desk.report(
        IncidentKind.IMPERSONATION,
        "見本市を名乗る偽アカウント（X）",
        severity=Severity.HIGH,
        account_ids=[account_id],
        description="X で @josokoiki_koho（下線）が市のロゴを使い、「抽選で商品券。DMで当選連絡」と投稿している。",
    )
    # Recorded as the suspicious account, so the report to the platform and the public notice name it.
    desk.add_suspect(
        incident, "x", "@josokoiki_koho", display_name="見本市公式（広報）", url="https://x.com/josokoiki_koho"
    )
    desk.add_evidence(
        incident,
        label="偽アカウントのプロフィールと投稿",
        url="https://x.com/josokoiki_koho",
        text="見本市公式です。抽選で商品券をプレゼント！当選者にはDMでご連絡します。",
    )
    desk.add_step(
        incident, StepKind.PLATFORM_REPORTED, counterpart="X（なりすまし報告フォーム）", reference="受付 0000000"
    )


def _attach_demo_poster(service: DraftService, draft_id: int) -> None:
    """A generated poster with alt text, stored as every attachment is (EXIF-free blob)."""
    from core.composer.media_store import prepare_image
    from core.demo.support import poster_png

    prepared = prepare_image(poster_png(), "matsuri.png")
    service.store_media(prepared)
    item = replace(prepared.item(), alt="市民まつりのポスター。11月3日、中央公園。屋台と音楽ステージのイラスト。")
    service.save(draft_id, 1, text=TEXTS["draft"], media=[item])
