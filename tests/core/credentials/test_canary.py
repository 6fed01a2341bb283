"""A canary secret through every path leaves no trace outside the keyring; terminal approval rules."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from core.credentials.vault import credential_name
from core.errors import InvalidInput, PermissionDenied
from core.lifecycle.states import TerminalStatus
from core.runtime.bootstrap import Environment
from core.services.accounts import AccountService, CredentialService
from core.services.terminals import TerminalService, list_terminals
from core.storage.models import AuditEntry, Terminal
from core.terminals.approval import TerminalKind
from core.terminals.authorization import authorize_post, read_credential
from tests.support.accounts import Org
from tests.support.keyring_memory import MemoryKeyring

CANARY = "CANARY-tok-7f3a9c1e5b"
CANARY_PASSWORD = "Canary horse Battery staple 9!"


def _hits(root: Path, needle: str) -> list[str]:
    found = []
    forms = [needle.encode("utf-8"), needle.encode("utf-16-le")]
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if any(form in data for form in forms):
                found.append(str(path))
    return found


def test_canary_secret_never_leaves_the_keyring(
    sqlite_env: Environment, data_dir: Path, memory_keyring: MemoryKeyring, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gui import crash

    org = Org(sqlite_env)
    logging.getLogger().setLevel(logging.DEBUG)
    log = logging.getLogger("kohogate.test.publisher")
    TerminalService(org.store, org.admin).approve(org.terminal_id, scope_all=True)
    # store
    CredentialService(org.store, org.admin).store_credential(org.vault, org.uid, org.account, CANARY)
    assert memory_keyring.items[("KohoGate", credential_name(org.uid, org.account))] == CANARY
    # the platform password change (measured, never kept)
    AccountService(org.store, org.admin).confirm_password_change(org.account, CANARY_PASSWORD)
    CredentialService(org.store, org.admin).store_credential(org.vault, org.uid, org.account, CANARY)
    # post: authorised and signed, then the platform call fails with the token in its message
    permit = authorize_post(org.store, org.vault, org.uid, org.account, {"version_id": 1}, org.op.recorder)
    token = read_credential(org.vault, permit.terminal_uid, permit.account_id)
    assert token == CANARY
    log.debug("posting with token %s and password %s", token, CANARY_PASSWORD)
    try:
        raise RuntimeError(f"401 Unauthorized: Bearer {token}")
    except RuntimeError as exc:
        log.exception("post failed")
        failure = exc
    # crash dialog
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text() + box.informativeText() + box.detailedText())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    crash.report_exception(failure)
    assert shown
    assert "401 Unauthorized" in shown[0]
    assert CANARY not in shown[0]
    for handler in logging.getLogger().handlers:
        handler.flush()
    org.env.store.dispose()
    log_text = "".join(p.read_text(encoding="utf-8") for p in (data_dir / "logs").glob("*.log*"))
    assert "401 Unauthorized" in log_text  # the failure was logged ...
    assert "posting with token" in log_text
    assert _hits(data_dir, CANARY) == []  # ... but the secret is nowhere: database, WAL, logs, config
    assert _hits(data_dir, CANARY_PASSWORD) == []
    assert list((data_dir).glob("*.db"))


@pytest.fixture
def org(env: Environment) -> Org:
    return Org(env)


def test_approval_rules(org: Org) -> None:
    service = TerminalService(org.store, org.admin)
    with pytest.raises(InvalidInput, match="at least one account"):
        service.approve(org.terminal_id, scope_all=False)
    with pytest.raises(InvalidInput, match="future"):
        service.approve(org.terminal_id, scope_all=True, expires_at=datetime.now(UTC) - timedelta(hours=1))
    with pytest.raises(InvalidInput, match="reason"):
        service.approve(org.terminal_id, scope_all=True, kind=TerminalKind.EXCEPTION, reason="出張")
    with pytest.raises(PermissionDenied):
        TerminalService(org.store, org.op).approve(org.terminal_id, scope_all=True)
    expiry = datetime.now(UTC) + timedelta(days=30)
    service.approve(
        org.terminal_id,
        scope_all=False,
        account_ids=[org.account],
        expires_at=expiry,
        kind=TerminalKind.EXCEPTION,
        reason="災害時の庁外対応",
        information_scope="防災情報のみ",
        categories=["emergency"],
    )
    info = next(t for t in list_terminals(org.store) if t.id == org.terminal_id)
    assert info.status is TerminalStatus.APPROVED
    assert info.scope_account_ids == (org.account,)
    assert info.kind is TerminalKind.EXCEPTION
    assert info.approved_by == "管理 一郎"
    assert info.expires_at is not None
    assert abs((info.expires_at - expiry).total_seconds()) < 1
    CredentialService(org.store, org.admin).store_credential(org.vault, org.uid, org.account, "tok-abcdefgh")
    info = next(t for t in list_terminals(org.store) if t.id == org.terminal_id)
    assert info.credential_account_ids == (org.account,)
    service.revoke(org.terminal_id, "返却")
    with org.store.read() as session:
        assert session.scalar(select(Terminal.status)) == "revoked"
        events = list(session.scalars(select(AuditEntry.event)))
    assert {"terminal.approved", "terminal.revoked", "credential.stored"} <= set(events)


def test_registration_does_not_create_keys(org: Org, memory_keyring: MemoryKeyring) -> None:
    # Start-up registers the terminal without key work (cryptography stays off the start-up path):
    # the keyring holds only the administrator key pinned at set-up, no terminal key pair.
    from core.terminals.trust import anchors_name

    assert [name for _, name in memory_keyring.items] == [anchors_name(org.uid)]
    with org.store.read() as session:
        assert session.scalar(select(Terminal.public_key)) is None
