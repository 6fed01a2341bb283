"""A small organization for service tests: staff in every role and one account ready for drafts.

Shared by the core, composer, sign-off and publishing tests (the ``world``
fixture in tests/conftest.py builds one on each database).
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import text

from core.accounts.duties import Duty
from core.accounts.samples import sample_policy
from core.credentials.vault import open_vault
from core.demo.support import consult_all, make_ready
from core.lifecycle.states import AccountStatus
from core.organization.identity import Actor
from core.organization.roles import Role
from core.runtime.bootstrap import Environment
from core.services.accounts import AccountService
from core.services.drafts import DraftService
from core.services.setup import OrganizationSetup, initialize
from core.services.signing_keys import SigningKeyService
from core.services.staff import StaffService, actor_for_staff
from core.services.terminals import TerminalService, terminal_by_uid
from core.signoff.keys import DemoSigner
from tests.support.world_templates import State, world_state

SETUP = OrganizationSetup(
    name="見本市",
    admin_display_name="管理 一郎",
    admin_department="情報推進課",
    own_domains=("City.Mihon.LG.JP", " "),
    departments=("秘書広報課",),
)


class World:
    """Built once per session and copied per test (tests/support/world_templates.py); objects bound here."""

    def __init__(self, env: Environment) -> None:
        self._bind(env, world_state(type(self), env))

    @classmethod
    def bound(cls, env: Environment, state: State) -> World:
        """The objects over rows already made (what a subclass's ``build`` continues with)."""
        world = cls.__new__(cls)
        World._bind(world, env, state)
        return world

    @classmethod
    def build(cls, env: Environment) -> State:
        """The organization's rows on ``env``, made through the services; the ids the objects are bound to."""
        store = env.store
        admin_signer = DemoSigner("kanri")
        # The first administrator's key is the root of trust, pinned on this terminal at set-up.
        admin_id = initialize(
            store, SETUP, login="KANRI", terminal=env.terminal.uid, signer=admin_signer, vault=open_vault()
        )
        admin = actor_for_staff(store, admin_id, env.terminal.uid)
        staff = StaffService(store, admin)
        state: State = {
            "admin": admin_id,
            "op1": staff.create("佐藤 花子", "sato", None, [Role.OPERATOR]),
            "op2": staff.create("鈴木 一郎", "suzuki", None, [Role.OPERATOR]),
            "sup": staff.create("高橋 美咲", "takahashi", None, [Role.SUPERVISOR]),
            "both": staff.create("伊藤 誠", "ito", None, [Role.SUPERVISOR, Role.OPERATOR]),
        }
        keys = SigningKeyService(store, admin)
        for person, login in ((state["sup"], "takahashi"), (state["both"], "ito")):
            keys.register(person, DemoSigner(login).public_key, endorser=admin_signer)
        accounts = AccountService(store, admin)
        account = accounts.create("x", "@josokoiki.koho", "見本市公式", None, url="https://x.com/josokoiki.koho")
        # Drafts need a complete, filed operating policy with named staff (joso:3(3)).
        accounts.set_policy(account, sample_policy("見本市公式", "秘書広報課", "048-000-0000"))
        accounts.set_staff(
            account,
            [(admin_id, Duty.MANAGER), (state["sup"], Duty.RESPONSIBLE), (state["op1"], Duty.OPERATOR)],
        )
        consult_all(store, admin, account)  # wako 運用開始の留意点, joso:3(2)
        accounts.file(account)
        accounts.set_status(account, AccountStatus.ACTIVE)
        # This workstation is an approved city terminal (manual posting checks it).
        local = terminal_by_uid(store, env.terminal.uid)
        assert local is not None
        TerminalService(store, admin).approve(local.id, scope_all=True, endorser=admin_signer)
        state["account"] = account
        return state

    def _bind(self, env: Environment, state: State) -> None:
        self.env = env
        self.store = env.store
        self.admin_signer = DemoSigner("kanri")
        self.admin = self.actor(state["admin"])
        self.op1 = self.actor(state["op1"])
        self.op2 = self.actor(state["op2"])
        self.sup = self.actor(state["sup"])
        self.both = self.actor(state["both"])
        self.account: int = state["account"]

    def actor(self, staff_id: int) -> Actor:
        return actor_for_staff(self.store, staff_id, self.env.terminal.uid)

    def submitted(self, author: Actor, text_: str = "お知らせ") -> int:
        drafts = DraftService(self.store, author)
        draft_id = drafts.create(self.account, text_)
        return drafts.submit(draft_id, make_ready(drafts, draft_id))


AUDIT_FIELDS = ("recorded_at", "actor", "terminal", "event", "payload", "prev_hash")


def edit_audit_entry(env: Environment, seq: int, field: str, value: str, *, rehash: bool = False) -> None:
    """Change one field of an entry the only way the table allows (its triggers dropped): through its bytes.

    The fields are generated from ``canon`` (migration 0023). ``rehash`` stores the edited bytes' hash
    too, as someone recomputing the chain would.
    """
    with env.store.engine.begin() as conn:
        canon = conn.execute(text("SELECT canon FROM audit_entry WHERE seq = :s"), {"s": seq}).scalar_one()
        fields = json.loads(canon)
        fields[1 + AUDIT_FIELDS.index(field)] = value
        edited = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
        digest = hashlib.sha256(edited.encode("utf-8")).hexdigest()
        conn.execute(
            text("UPDATE audit_entry SET canon = :c, hash = CASE WHEN :r THEN :h ELSE hash END WHERE seq = :s"),
            {"c": edited, "h": digest, "r": rehash, "s": seq},
        )


def drop_audit_triggers(env: Environment) -> None:
    """What an attacker with file or superuser access can do to the append-only audit table."""
    with env.store.engine.begin() as conn:
        if env.store.dialect == "sqlite":
            conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_entry_no_update")
            conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_entry_no_delete")
        else:
            conn.exec_driver_sql("DROP TRIGGER IF EXISTS audit_entry_no_change ON audit_entry")
