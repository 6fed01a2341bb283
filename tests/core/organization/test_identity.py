"""Who is acting comes from the OS account, never from environment variables anyone can set."""

from __future__ import annotations

import sys

import pytest

from core.organization.identity import current_login, normalize_login


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX account database")
def test_setting_login_variables_does_not_change_who_is_acting(monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import pwd

    real = normalize_login(pwd.getpwuid(os.geteuid()).pw_name)
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(name, "CITYHALL\\demo.watanabe")
    assert current_login() == real
    assert current_login() != "demo.watanabe"


def test_logins_are_compared_without_domain_and_case() -> None:
    assert normalize_login(" CITYHALL\\Sato.Hanako ") == "sato.hanako"
