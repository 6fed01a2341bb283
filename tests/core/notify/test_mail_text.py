"""The mail's words: Japanese by default, no links of any shape, UTF-8 headers, retry and digest times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core.notify.compose import Item, compose, email_message, without_links
from core.notify.kinds import CITY_TIME, NotificationKind, next_digest_at, retry_delay
from core.notify.settings import MailSettings, Security

AT = datetime(2026, 12, 2, 1, 30, tzinfo=UTC)  # 10:30 in the city


@pytest.mark.parametrize(
    "text",
    [
        "https://www.city.mihon.lg.jp/a?b=c",
        "HTTP://EXAMPLE.COM",
        "www.city.mihon.lg.jp",
        "city.mihon.lg.jp/matsuri",
        "mailto:koho@city.mihon.lg.jp",
        "ftp://files.example/x",
        "line://ti/p/@city",
    ],
)
def test_nothing_that_becomes_a_link_survives(text: str) -> None:
    assert without_links(f"詳しくは {text} へ") == "詳しくは […] へ"


def test_handles_and_plain_dots_stay() -> None:
    assert without_links("@josokoiki.koho (X) 11.3 開催") == "@josokoiki.koho (X) 11.3 開催"


def test_a_mail_in_japanese_and_in_english() -> None:
    item = Item(
        NotificationKind.DRAFT_RETURNED,
        {
            "draft_id": 7,
            "title": "防災訓練 https://x.com/a",
            "comment": "写真の向きを直してください",
            "account": "@koho",
        },
        AT,
    )
    ja = compose([item], "見本市")
    assert ja.subject == "[KohoGate 見本市] 差戻し: 下書き 7「防災訓練 […]」、アカウント @koho"
    assert "日時: 2026-12-02 10:30" in ja.body
    assert "コメント: 写真の向きを直してください" in ja.body
    en = compose([item], "見本市", "en")
    assert en.subject.startswith("[KohoGate 見本市] Returned with comments: Draft 7")


def test_headers_are_utf8_encoded_and_the_body_has_no_link() -> None:
    message = email_message(
        compose([Item(NotificationKind.DRAFT_APPROVED, {"draft_id": 1, "title": "お知らせ"}, AT)], "見本市"),
        sender="kohogate@city.mihon.lg.jp",
        to="sato@city.mihon.lg.jp",
        sent_at=AT,
    )
    raw = message.as_bytes()
    assert b"=?utf-8?" in raw.split(b"\n\n", 1)[0].lower()  # RFC 2047: the header itself is ASCII
    assert message["Auto-Submitted"] == "auto-generated"
    assert "承認済み" in str(message["Subject"])


def test_retry_backs_off_to_an_hour() -> None:
    assert [retry_delay(n) for n in (1, 2, 3)] == [timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4)]
    assert retry_delay(50) == timedelta(hours=1)


def test_the_digest_falls_due_at_the_next_digest_hour_city_time() -> None:
    due = next_digest_at(AT, 8)
    assert due.astimezone(CITY_TIME) == datetime(2026, 12, 3, 8, 0, tzinfo=CITY_TIME)
    assert next_digest_at(AT, 18).astimezone(CITY_TIME) == datetime(2026, 12, 2, 18, 0, tzinfo=CITY_TIME)


def test_settings_are_checked() -> None:
    good = MailSettings("mail.city.mihon.lg.jp", 587, Security.STARTTLS, "kohogate@city.mihon.lg.jp")
    assert good.problems() == []
    bad = MailSettings("mail city", 0, Security.TLS, "Koho <k@city.jp>, x@y.jp", username="a\nb", digest_hour=24)
    assert len(bad.problems()) == 5


def test_a_known_secret_never_leaves_in_a_mail() -> None:
    from core.runtime.logging_setup import register_secret

    register_secret("Smtp-pass-9f3c1e-known")
    item = Item(NotificationKind.DRAFT_RETURNED, {"draft_id": 2, "comment": "pw Smtp-pass-9f3c1e-known"}, AT)
    message = email_message(compose([item], "見本市"), sender="k@city.mihon.lg.jp", to="s@city.mihon.lg.jp", sent_at=AT)
    assert "Smtp-pass-9f3c1e-known" not in message.as_string() + message.get_content()
