"""A small organization with one usable account, shared by the account tests."""

from __future__ import annotations

from core.accounts.duties import Duty
from core.accounts.samples import sample_policy
from core.credentials.vault import open_vault
from core.demo.support import consult_all
from core.lifecycle.states import AccountStatus
from core.organization.identity import Actor
from core.organization.roles import Role
from core.runtime.bootstrap import Environment
from core.services.accounts import AccountService, CredentialService
from core.services.setup import OrganizationSetup, initialize
from core.services.staff import StaffService, actor_for_staff
from core.services.terminals import TerminalService, terminal_by_uid
from core.signoff.keys import DemoSigner
from tests.support.world_templates import State, world_state

SETUP = OrganizationSetup(name="見本市", admin_display_name="管理 一郎", admin_department="情報推進課")


class Org:
    """Built once per session and copied per test (tests/support/world_templates.py); objects bound here."""

    def __init__(self, env: Environment) -> None:
        self._bind(env, world_state(type(self), env))

    @classmethod
    def build(cls, env: Environment) -> State:
        """The organization's rows on ``env``, made through the services; the ids the objects are bound to."""
        store = env.store
        admin_id = initialize(
            store, SETUP, login="kanri", terminal=env.terminal.uid, signer=DemoSigner("kanri"), vault=open_vault()
        )
        staff = StaffService(store, actor_for_staff(store, admin_id, env.terminal.uid))
        state: State = {
            "admin": admin_id,
            "op": staff.create("佐藤 花子", "sato", None, [Role.OPERATOR]),
            "op2": staff.create("鈴木 一郎", "suzuki", None, [Role.OPERATOR]),
            "sup": staff.create("高橋 美咲", "takahashi", None, [Role.SUPERVISOR]),
            "terminal": terminal_by_uid(store, env.terminal.uid).id,  # type: ignore[union-attr]
        }
        org = Org.bound(env, state)
        state["account"] = org.usable_account("@josokoiki.koho")
        state["other"] = org.usable_account("@josokoiki.bousai")
        return state

    @classmethod
    def bound(cls, env: Environment, state: State) -> Org:
        """The objects over rows already made (what ``build`` continues with)."""
        org = cls.__new__(cls)
        Org._bind(org, env, state)
        return org

    def _bind(self, env: Environment, state: State) -> None:
        self.env = env
        self.store = env.store
        self.uid = env.terminal.uid
        self.admin_signer = DemoSigner("kanri")
        self.admin = self.actor(state["admin"])
        self.op = self.actor(state["op"])
        self.op2 = self.actor(state["op2"])
        self.sup = self.actor(state["sup"])
        self.accounts = AccountService(self.store, self.admin)
        self.account: int = state.get("account", 0)
        self.other: int = state.get("other", 0)
        self.terminal_id: int = state["terminal"]
        self.vault = open_vault()

    def actor(self, staff_id: int) -> Actor:
        return actor_for_staff(self.store, staff_id, self.uid)

    def usable_account(self, handle: str) -> int:
        account = self.accounts.create("x", handle, "見本市公式", None, url=f"https://x.com/{handle[1:]}")
        self.accounts.set_policy(account, sample_policy("見本市公式", "秘書広報課", "048-000-0000"))
        self.accounts.set_staff(account, self.full_staff())
        consult_all(self.store, self.admin, account)  # wako 運用開始の留意点, joso:3(2)
        self.accounts.file(account)
        self.accounts.set_status(account, AccountStatus.ACTIVE)
        return account

    def full_staff(self) -> list[tuple[int, Duty]]:
        return [
            (self.admin.staff_id, Duty.MANAGER),
            (self.sup.staff_id, Duty.RESPONSIBLE),
            (self.op.staff_id, Duty.OPERATOR),
            (self.op2.staff_id, Duty.OPERATOR),
        ]

    def ready_to_post(self) -> None:
        """Approve this terminal for the main account and store a credential."""
        TerminalService(self.store, self.admin).approve(
            self.terminal_id, scope_all=False, account_ids=[self.account], endorser=self.admin_signer
        )
        CredentialService(self.store, self.admin).store_credential(
            self.vault, self.uid, self.account, "tok-ready-0123456789"
        )
