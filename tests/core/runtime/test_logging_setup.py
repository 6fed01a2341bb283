from __future__ import annotations

import logging
from pathlib import Path

from core.runtime.logging_setup import redact, register_secret, setup_logging

CANARY = "CANARY-7f3a9c1e-secret"


def test_registered_secrets_and_url_passwords_never_reach_the_log(tmp_path: Path) -> None:
    path = setup_logging(tmp_path / "logs", level=logging.DEBUG)
    register_secret(CANARY)
    log = logging.getLogger("kohogate.test")
    log.debug("token is %s", CANARY)
    log.info("connecting to postgresql://kohogate:hunter22@db.example/k")
    try:
        raise ValueError(f"platform said no to {CANARY}")
    except ValueError:
        log.exception("posting failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert CANARY not in text
    assert "hunter22" not in text
    assert "posting failed" in text
    assert "***" in text


def test_redact_leaves_ordinary_text_alone() -> None:
    assert redact("市民まつり https://city.example.lg.jp/x") == "市民まつり https://city.example.lg.jp/x"
