"""Registers the ``secret_service`` marker (tests that need a real, unlocked Secret Service)."""

from __future__ import annotations

import os

import pytest

SECRET_SERVICE_ENV = "KOHOGATE_TEST_SECRET_SERVICE"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", f"secret_service: needs a real unlocked Secret Service; runs only with {SECRET_SERVICE_ENV}=1"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get(SECRET_SERVICE_ENV) == "1":
        return
    skip = pytest.mark.skip(
        reason=f"real Secret Service round trip: set {SECRET_SERVICE_ENV}=1 (CI runs it separately)"
    )
    for item in items:
        if item.get_closest_marker("secret_service"):
            item.add_marker(skip)
