"""``app.py watch replies``: exit 0 nothing new needs a person, 1 new items needing action, 2 unusable input."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from core.runtime.bootstrap import Environment
from core.services.inbound import list_queue
from tests.support.inbound_fakes import MastodonInbox
from tests.support.publishing import TOKENS, PubWorld


def test_watch_replies_exit_codes(
    sqlite_env: Environment,
    data_dir: Path,
    httpserver: HTTPServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from cli.main import main

    world = PubWorld(sqlite_env)
    fake = MastodonInbox(httpserver)
    monkeypatch.setattr("core.platforms.inbound_mastodon.instance_url", lambda _c: fake.base_url)
    monkeypatch.setattr("core.organization.identity._os_login", lambda: "sato")
    account = str(world.ids["mastodon"])

    def run(*args: str) -> int:
        return main(["--data-dir", str(data_dir), "--lang", "en", "watch", "replies", *args])

    capsys.readouterr()
    assert run("--account", "99999") == 2
    assert "99999" in capsys.readouterr().err
    fake.mention("ごみの日はいつですか")
    assert run("--account", account) == 0  # one new reply, nothing needing a person
    assert "1 new, 0 action needed" in capsys.readouterr().out
    fake.mention("市役所を爆破する")
    assert run("--account", account) == 1
    printed = capsys.readouterr()
    assert "1 new, 1 action needed" in printed.out
    assert "爆破" not in printed.out + printed.err  # residents' texts stay out of cron logs
    assert run("--account", account) == 0
    assert "0 new" in capsys.readouterr().out
    assert run("--account", str(world.ids["line"])) == 0
    assert "wako:5-エ" in capsys.readouterr().out
    assert len(list_queue(world.store)) == 2
    printed = capsys.readouterr()
    assert TOKENS["mastodon"] not in printed.out + printed.err


def test_watch_replies_reports_a_surge_once(
    sqlite_env: Environment,
    data_dir: Path,
    httpserver: HTTPServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from datetime import timedelta

    from cli.main import main
    from core.inbound.triage import Level, Triage
    from core.platforms.inbound import Author, InboundItem, ItemKind
    from core.services.inbound import InboundService

    world = PubWorld(sqlite_env)
    fake = MastodonInbox(httpserver)
    monkeypatch.setattr("core.platforms.inbound_mastodon.instance_url", lambda _c: fake.base_url)
    monkeypatch.setattr("core.organization.identity._os_login", lambda: "sato")
    account = world.ids["mastodon"]
    now = world.store.now()
    surge = [
        (
            InboundItem(f"s{n}", ItemKind.REPLY, Author("a", "@a"), "返信", "", now - timedelta(minutes=n)),
            Triage(Level.INFO, ()),
        )
        for n in range(30)
    ]
    InboundService(world.store, world.op).store_read(
        account, surge, cursor=None, complete=True, resume_after=None, outcome="ok"
    )
    capsys.readouterr()
    argv = ["--data-dir", str(data_dir), "--lang", "en", "watch", "replies", "--account", str(account)]
    assert main(argv) == 1
    assert "炎上 suspected on @koho@city.example: 30 replies" in capsys.readouterr().err
    assert main(argv) == 0  # the same episode: not told again
