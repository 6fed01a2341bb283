"""A Mastodon account's token goes only over https:// (loopback excepted), even for accounts recorded earlier."""

from __future__ import annotations

import pytest

from core.platforms.base import Connection
from core.platforms.errors import PublishError
from core.platforms.mastodon import instance_url


def _connection(url: str) -> Connection:
    return Connection("mastodon", "@koho", "token", account_url=url)


def test_https_account_urls_give_the_instance() -> None:
    assert instance_url(_connection("https://city.example/@koho")) == "https://city.example"
    assert instance_url(_connection("http://127.0.0.1:8080/@koho")) == "http://127.0.0.1:8080"


@pytest.mark.parametrize("url", ["http://city.example/@koho", "HTTP://city.example/@koho", "ftp://city.example/"])
def test_plain_http_is_refused_before_any_request(url: str) -> None:
    with pytest.raises(PublishError, match="https://"):
        instance_url(_connection(url))
