"""More accounts ready for drafts in the ``world`` organization (for drafts composed for several accounts)."""

from __future__ import annotations

from core.accounts.duties import Duty
from core.accounts.samples import sample_policy
from core.demo.support import consult_all
from core.lifecycle.states import AccountStatus
from core.services.accounts import AccountService
from tests.support.world import World

EXTRA = {
    "line": ("@mihonline", "https://lin.ee/mihonline"),
    "facebook": ("mihon.koho", "https://www.facebook.com/mihon.koho"),
}


def ready_account(world: World, platform: str) -> int:
    """A filed, active account on ``platform`` with the world's staff named (joso:3(3))."""
    handle, url = EXTRA[platform]
    accounts = AccountService(world.store, world.admin)
    account = accounts.create(platform, handle, "見本市公式", None, url=url)
    accounts.set_policy(account, sample_policy("見本市公式", "秘書広報課", "048-000-0000"))
    accounts.set_staff(
        account,
        [
            (world.admin.staff_id, Duty.MANAGER),
            (world.sup.staff_id, Duty.RESPONSIBLE),
            (world.op1.staff_id, Duty.OPERATOR),
        ],
    )
    consult_all(world.store, world.admin, account)
    accounts.file(account)
    accounts.set_status(account, AccountStatus.ACTIVE)
    return account


def three_accounts(world: World) -> list[int]:
    return [world.account, ready_account(world, "line"), ready_account(world, "facebook")]
