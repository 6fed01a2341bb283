"""Issue 15.1: a canary credential through every publishing path leaves no trace outside the keyring.

Each platform's credential is a canary. Loopback fakes answer with error
text that quotes the credentials they were sent (the bare value and the
``Authorization`` header, or Bluesky's password field), as LINE and others
do. The failures are stored, logged at DEBUG, shown by the crash dialog,
exported as CSV and printed by ``publish-due``; afterwards no file in the
data folder (database, WAL, logs, config) and no output holds a canary.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import select, text

from core.credentials.vault import credential_name
from core.errors import KohoGateError
from core.lifecycle.states import PublicationState
from core.platforms.errors import PublishError
from core.publishing.records import publications_needing_attention
from core.runtime.bootstrap import Environment
from core.runtime.logging_setup import setup_logging
from core.services.accounts import CredentialService
from core.services.audit_export import export_csv
from core.storage.models import AuditEntry, Publication
from tests.support.keyring_memory import MemoryKeyring
from tests.support.platform_fakes import FakeBluesky, FakeFacebook, FakeLine, FakeMastodon, FakePlatform, FakeX, Fault
from tests.support.publishing import PubWorld

# Not token-shaped on purpose: only knowing the value (the vault registers it) can catch it.
CANARIES = {platform: f"kgcanary-{platform}-5b7e1c2d" for platform in ("mastodon", "x", "facebook", "line", "bluesky")}
# Token-shaped and never registered: a platform quoting a token of its own making.
FOREIGN_TOKEN = "Zq8Xv2Lm4Np6Rt0Yw3Bc5Df7Gh9Jk1Ms2Qa4Ue6Io8"

FAKES: dict[str, tuple[type[FakePlatform], str]] = {
    "mastodon": (FakeMastodon, "/api/v1/statuses"),
    "x": (FakeX, "/2/tweets"),
    "facebook": (FakeFacebook, "/me/feed"),
    "line": (FakeLine, "/v2/bot/message/broadcast"),
    "bluesky": (FakeBluesky, "/xrpc/com.atproto.server.createSession"),
}


def _hits(root: Path, needles: list[str]) -> list[str]:
    found = []
    forms = [form for needle in needles for form in (needle.encode("utf-8"), needle.encode("utf-16-le"))]
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.name}: {form!r}" for form in forms if form in data]
    return found


def _in(outputs: list[str], needles: list[str]) -> list[str]:
    return [needle for needle in needles if any(needle in out for out in outputs)]


def test_a_canary_credential_reaches_no_file_and_no_output(
    sqlite_env: Environment,
    data_dir: Path,
    tmp_path: Path,
    httpserver: HTTPServer,
    memory_keyring: MemoryKeyring,
    qtbot: object,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from gui import crash

    needles = [*CANARIES.values(), FOREIGN_TOKEN]
    outputs: list[str] = []
    setup_logging(sqlite_env.paths.logs, level=logging.DEBUG)
    log = logging.getLogger("kohogate.test.canary")
    world = PubWorld(sqlite_env)

    # 1. store: the canaries replace the world's credentials.
    credentials = CredentialService(world.store, world.admin)
    for platform, canary in CANARIES.items():
        credentials.store_credential(world.vault, world.uid, world.ids[platform], canary)
        assert memory_keyring.items[("KohoGate", credential_name(world.uid, world.ids[platform]))] == canary

    # 2. publish failures whose error text quotes the credential, on every API platform.
    for platform, (fake_cls, path) in FAKES.items():
        httpserver.clear()
        fake = fake_cls(httpserver)
        fake.fail(path, Fault(status=400, echo_credentials=True))
        draft_id = world.approved(platform, f"{platform} のお知らせです。")
        with pytest.raises(PublishError) as caught:
            world.outbox({platform: fake.base_url}).publish(draft_id)
        error = caught.value
        outputs += [error.message, error.hint or "", str(error), repr(error.args)]
        # The platform did receive and quote the canary; what came back is redacted.
        assert any(CANARIES[platform] in json.dumps(s.headers) + json.dumps(s.json) for s in fake.seen)
        # Redacted where the platform's text is quoted; Facebook's classifier quotes no text at all.
        assert CANARIES[platform] not in error.message
        assert "***" in error.message or platform == "facebook", error.message
        log.debug("publish of draft %s failed: %s", draft_id, error)
    httpserver.clear()

    # An ambiguous failure (5xx) that quotes the credential and a token of the platform's own.
    fake_x = FakeX(httpserver)
    fake_x.fail("/2/tweets", Fault(status=503, echo_credentials=True))
    draft_id = world.approved("x", "別のお知らせです。")
    with pytest.raises(KohoGateError) as ambiguous:
        world.outbox({"x": fake_x.base_url}).publish(draft_id)
    outputs.append(ambiguous.value.message)
    httpserver.clear()

    with world.store.read() as session:
        rows = list(session.scalars(select(Publication)))
        assert {r.state for r in rows} == {PublicationState.FAILED.value, PublicationState.NEEDS_RECONCILIATION.value}
        stored = [r.last_error or "" for r in rows]
        failed = [json.loads(e.payload) for e in session.scalars(select(AuditEntry)) if e.event == "publication.failed"]
    assert len(failed) == len(FAKES)
    # Audit payloads carry the error's kind and code, never its text.
    assert all(set(p) <= {"publication_id", "kind", "attempts", "status", "code"} for p in failed), failed
    outputs += stored
    outputs += [r.last_error or "" for r in publications_needing_attention(world.store)]

    # 3. debug logging, a foreign token-shaped string among it.
    log.debug("credential %s, header Bearer %s, platform said %s", CANARIES["line"], CANARIES["x"], FOREIGN_TOKEN)
    try:
        raise RuntimeError(f"platform answered 400: token {CANARIES['facebook']} / {FOREIGN_TOKEN}")
    except RuntimeError as exc:
        log.exception("post failed")
        unexpected = exc

    # 4. the crash dialog (an unexpected error) and the message box of a known one.
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text() + "\n" + box.informativeText() + "\n" + box.detailedText())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    crash.report_exception(unexpected)
    crash.show_error(None, caught.value)
    assert len(shown) == 2
    assert "platform answered 400" in shown[0]
    outputs += shown

    # 5. the audit record exported as CSV (outside the data folder: it is an output).
    csv_path = tmp_path / "audit.csv"
    assert export_csv(world.store, csv_path) > 0
    outputs.append(csv_path.read_text(encoding="utf-8-sig"))

    # 6. publish-due, whose stderr names each post that was not sent, and why.
    from cli.main import main

    fake_m = FakeMastodon(httpserver)
    fake_m.fail("/api/v1/statuses", Fault(status=422, echo_credentials=True))
    monkeypatch.setattr("core.platforms.mastodon.instance_url", lambda _c: fake_m.base_url)
    monkeypatch.setattr("core.organization.identity._os_login", lambda: "sato")
    two_days_ago = datetime.now(UTC) - timedelta(days=2)
    world.approved(
        "mastodon",
        "予約のお知らせです。",
        scheduled_at=datetime.now(UTC) - timedelta(minutes=5),
        submitted_at=two_days_ago,
    )
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "--lang", "en", "publish-due"]) == 1
    printed = capsys.readouterr()
    assert "Not sent" in printed.err
    assert any(CANARIES["mastodon"] in json.dumps(s.headers) for s in fake_m.seen)
    outputs += [printed.out, printed.err]

    # Nothing in any output ...
    assert _in(outputs, needles) == []
    # ... nor in any file of the data folder: database, WAL, logs, config — while open and after closing.
    for handler in logging.getLogger().handlers:
        handler.flush()
    log_text = "".join(p.read_text(encoding="utf-8") for p in sqlite_env.paths.logs.glob("*.log*"))
    assert "post failed" in log_text
    assert "platform answered 400" in log_text
    assert any(p.name.endswith("-wal") for p in data_dir.rglob("*")), "the WAL is part of what is searched"
    assert _hits(data_dir, needles) == []
    with world.store.read() as session:
        dump = " ".join(
            str(row)
            for table in ("audit_entry", "publication", "credential", "draft", "draft_version")
            for row in session.execute(text(f"SELECT * FROM {table}"))
        )
    assert _in([dump], needles) == []
    sqlite_env.store.dispose()
    assert _hits(data_dir, needles) == []
