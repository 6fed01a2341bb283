"""LINE broadcast bodies validated against ``line-bot-sdk``'s models (generated from LINE's OpenAPI document).

The app keeps its small httpx adapter (see core/platforms/line.py for why);
the SDK is a dev dependency only, as the contract the body must meet.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from pytest_httpserver import HTTPServer

from core.platforms.base import Connection, PostRequest
from core.platforms.line import LinePublisher
from tests.support.platform_fakes import FakeLine, line_broadcast_problem

pytest.importorskip("linebot.v3.messaging")

TOKEN = "line-token-canary-4d2a"


@pytest.mark.parametrize(
    "text",
    [
        "市民まつりは11月3日です。",
        "防災無線の放送内容:\n本日10時に避難訓練を行います。🙇",
        "https://www.city.example.lg.jp/ 😀" * 3,
    ],
)
def test_the_broadcast_body_is_a_valid_broadcast_request(httpserver: HTTPServer, text: str) -> None:
    from linebot.v3.messaging import BroadcastRequest, TextMessage

    fake = FakeLine(httpserver)
    LinePublisher(Connection("line", "city", TOKEN, base_url=fake.base_url)).post(
        PostRequest(text, (), str(uuid.uuid4()), datetime(2026, 11, 1, 9, tzinfo=UTC))
    )
    (call,) = fake.calls("POST", "/v2/bot/message/broadcast")
    assert line_broadcast_problem(call.json) is None
    parsed = BroadcastRequest.from_dict(call.json)
    assert parsed is not None
    (message,) = parsed.messages
    assert isinstance(message, TextMessage)
    assert message.text == text
    assert uuid.UUID(call.headers["X-Line-Retry-Key"])  # the SDK's retry key is a UUID too


@pytest.mark.parametrize(
    "body",
    [
        {"messages": []},
        {"messages": [{"type": "text"}]},
        {"messages": [{"type": "txt", "text": "お知らせ"}]},
        {"messages": [{"type": "text", "text": "お知らせ"}] * 6},
        {"messages": [{"type": "text", "text": "お知らせ"}], "notify": False},
        {"message": {"type": "text", "text": "お知らせ"}},
    ],
    ids=["no-messages", "no-text", "unknown-type", "six-messages", "unknown-field", "misspelt-key"],
)
def test_the_sdk_models_refuse_what_line_refuses(httpserver: HTTPServer, body: dict[str, object]) -> None:
    import httpx

    assert line_broadcast_problem(body) is not None
    fake = FakeLine(httpserver)
    answer = httpx.post(
        fake.base_url + "/v2/bot/message/broadcast", json=body, headers={"X-Line-Retry-Key": str(uuid.uuid4())}
    )
    assert answer.status_code == 400
    assert fake.posts == []
