import argparse
import io
import json

import pytest

from cli import check as cli
from core.i18n import current_language, set_language
from core.organization.profile import OrganizationProfile

DB_PROFILE = OrganizationProfile("DB市", own_domains=("city.db.lg.jp",))


@pytest.fixture(autouse=True)
def _japanese():
    before = current_language()
    set_language("ja")
    yield
    set_language(before)


def parser():
    p = argparse.ArgumentParser(prog="app.py check")
    cli.add_arguments(p)
    return p


def run(argv, loader=None):
    calls = []

    def default_loader():
        calls.append(1)
        return DB_PROFILE, {}

    out, err = io.StringIO(), io.StringIO()
    code = cli.run(parser().parse_args(argv), loader or default_loader, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue(), calls


def test_clean_text_exits_0(tmp_path):
    draft = tmp_path / "ok.txt"
    draft.write_text("本日は晴天です。https://www.city.db.lg.jp/ をご覧ください。", encoding="utf-8")
    code, out, err, calls = run(["--format", "json", str(draft)])
    assert code == 0
    assert err == ""
    assert calls == [1]  # the database profile was used
    line = json.loads(out)
    assert line == {
        "file": str(draft),
        "findings": [],
        "length": {"platform": "x", "used": line["length"]["used"], "limit": 280},
        "blocking": False,
    }


def test_blocking_json_shape_one_line_per_file(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("詳しくは ｂｉｔ．ｌｙ/abc へ", encoding="utf-8")
    b = tmp_path / "b.json"
    (tmp_path / "v.vtt").write_text("WEBVTT", encoding="utf-8")
    (tmp_path / "a.jpg").write_bytes(b"")
    (tmp_path / "v.mp4").write_bytes(b"")
    b.write_text(
        json.dumps(
            {
                "text": "連絡 090-1234-5678",
                "platform": "bluesky",
                "media": [
                    {"path": "a.jpg", "kind": "image", "alt": "", "decorative": False},
                    {"path": "v.mp4", "kind": "video", "captions": "v.vtt"},
                ],
            }
        ),
        encoding="utf-8",
    )
    code, out, _, _ = run(["--format", "json", str(a), str(b)])
    assert code == 1
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["file"] for line in lines] == [str(a), str(b)]
    first = lines[0]["findings"][0]
    assert set(first) == {"rule", "severity", "clause", "start", "end", "media_index", "message"}
    assert first["rule"] == "link.shortener"
    assert first["severity"] == "block"
    assert first["clause"] == "wako:5-ア"
    assert (first["start"], first["end"], first["media_index"]) == (5, 15, None)
    assert "URL短縮" in first["message"]
    assert lines[0]["blocking"] is True
    second = lines[1]
    assert second["length"] == {"platform": "bluesky", "used": 16, "limit": 300}
    rules = [(f["rule"], f["media_index"]) for f in second["findings"]]
    assert ("pii.phone", None) in rules
    assert ("media.alt_missing", 0) in rules
    assert all(f["rule"] != "media.caption_missing" for f in second["findings"])


def test_platform_option_overrides_draft(tmp_path):
    draft = tmp_path / "d.json"
    draft.write_text(json.dumps({"text": "あ" * 200, "platform": "x"}), encoding="utf-8")
    code, out, _, _ = run(["--format", "json", "--platform", "Mastodon", str(draft)])
    assert code == 0
    assert json.loads(out)["length"] == {"platform": "mastodon", "used": 200, "limit": 500}
    code, out, _, _ = run(["--format", "json", str(draft)])
    assert code == 1
    assert json.loads(out)["findings"][0]["rule"] == "length.over_limit"


def test_text_output_has_line_caret_and_clause(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("一行目\n二行目 bit.ly/x です", encoding="utf-8")
    code, out, _, _ = run([str(draft)])
    assert code == 1
    lines = out.splitlines()
    index = next(i for i, line in enumerate(lines) if "link.shortener" in line)
    assert f"{draft}:2:5:" in lines[index]
    assert "wako:5-ア" in lines[index]
    assert "[要修正]" in lines[index]
    assert lines[index + 2].strip() == "二行目 bit.ly/x です"
    caret = lines[index + 3]
    # 二行目 is three wide characters (6 columns) + one space before the link
    assert caret == " " * 6 + " " * 7 + "^" * 8


def test_profile_file_replaces_database(tmp_path):
    profile = tmp_path / "org.toml"
    profile.write_text(
        '[organization]\nname = "和光市"\nown_domains = ["city.wako.lg.jp"]\n'
        'public_contacts = ["048-424-9090", "info@city.wako.lg.jp", "〒351-0192 埼玉県和光市広沢1番5号"]\n'
        '[checks]\nseverity = {"link.third_party" = "block"}\n',
        encoding="utf-8",
    )
    draft = tmp_path / "d.txt"
    draft.write_text("電話048-424-9090 info@city.wako.lg.jp 〒351-0192 https://www.city.wako.lg.jp/", encoding="utf-8")
    code, out, _, calls = run(["--format", "json", "--profile", str(profile), str(draft)])
    assert calls == []
    assert json.loads(out)["findings"] == []
    assert code == 0
    draft.write_text("https://www.city.db.lg.jp/", encoding="utf-8")
    code, out, _, _ = run(["--format", "json", "--profile", str(profile), str(draft)])
    assert code == 1  # third-party raised to block by [checks]


@pytest.mark.parametrize(
    ("content", "name", "extra"),
    [
        ("{not json", "bad.json", []),
        ('{"text": 5}', "bad.json", []),
        ('{"text": "x", "platform": "myspace"}', "bad.json", []),
        ('{"text": "x", "media": [{"alt": "no path"}]}', "bad.json", []),
        ('{"text": "x", "media": [{"path": "a.jpg", "kind": "audio"}]}', "bad.json", []),
        ('{"text": "x", "media": [{"path": "a.jpg", "decorative": "yes"}]}', "bad.json", []),
        ("[1, 2]", "bad.json", []),
        ("ok", "ok.txt", ["--platform", "myspace"]),
    ],
)
def test_unusable_input_exits_2_with_one_line(tmp_path, content, name, extra):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, out, err, _ = run([*extra, str(path)])
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert err.startswith("エラー:")


def test_missing_file_and_undecodable_file(tmp_path):
    code, _, err, _ = run([str(tmp_path / "missing.txt")])
    assert code == 2
    assert "ファイルが見つかりません" in err
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    code, _, err, _ = run([str(binary)])
    assert code == 2


def test_bad_profile_and_failing_database(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("x", encoding="utf-8")
    bad = tmp_path / "org.toml"
    bad.write_text("name = 'no table'", encoding="utf-8")
    code, _, err, _ = run(["--profile", str(bad), str(draft)])
    assert code == 2
    assert len(err.strip().splitlines()) == 1

    def broken():
        raise RuntimeError("database is locked")

    code, _, err, _ = run([str(draft)], loader=broken)
    assert code == 2
    assert "database is locked" in err

    code, _, err, _ = run([str(draft)], loader=lambda: (DB_PROFILE, {"severity": {"x": "bad"}}))
    assert code == 2


def test_english_messages(tmp_path):
    set_language("en")
    draft = tmp_path / "d.txt"
    draft.write_text("bit.ly/x", encoding="utf-8")
    code, out, _, _ = run(["--format", "json", str(draft)])
    assert code == 1
    assert json.loads(out)["findings"][0]["message"].startswith("This link uses a URL shortener")


def assert_one_line_error(code, out, err):
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert err.startswith("エラー:")


def test_unreachable_database_is_one_plain_line(tmp_path):
    from sqlalchemy.exc import OperationalError

    draft = tmp_path / "d.txt"
    draft.write_text("x", encoding="utf-8")

    def unreachable():
        # what SQLAlchemy raises for psycopg when the server is down
        raise OperationalError(
            None,
            None,
            Exception(
                'connection failed: connection to server at "127.0.0.1", port 1 failed: Connection refused\n'
                "\tIs the server running on that host and accepting TCP/IP connections?"
            ),
        )

    code, out, err, _ = run([str(draft)], loader=unreachable)
    assert_one_line_error(code, out, err)
    assert "データベースに接続できません" in err
    assert "sqlalche.me" not in err
    assert "Is the server running" not in err


def test_unknown_database_failure_keeps_its_first_line_only(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("x", encoding="utf-8")

    def broken():
        raise RuntimeError("schema is too old\nrun the upgrade\n(Background on this error at: https://x)")

    code, out, err, _ = run([str(draft)], loader=broken)
    assert_one_line_error(code, out, err)
    assert "schema is too old" in err
    assert "Background" not in err


@pytest.mark.parametrize(
    ("media", "missing"),
    [
        ({"path": "v.mp4", "kind": "video", "captions": "missing.vtt"}, "missing.vtt"),
        ({"path": "missing.jpg", "kind": "image", "alt": "市役所の外観"}, "missing.jpg"),
        ({"path": "missing.mp4", "kind": "video", "captions_burned_in": True}, "missing.mp4"),
        ({"path": "sub", "kind": "image", "alt": "a folder"}, "sub"),
    ],
)
def test_missing_media_or_captions_file_is_unusable_input(tmp_path, media, missing):
    (tmp_path / "v.mp4").write_bytes(b"")
    (tmp_path / "sub").mkdir()
    draft = tmp_path / "d.json"
    draft.write_text(json.dumps({"text": "x", "media": [media]}), encoding="utf-8")
    code, out, err, _ = run(["--format", "json", str(draft)])
    assert_one_line_error(code, out, err)
    assert "ファイルが見つかりません" in err
    assert str(tmp_path / missing) in err


def test_media_paths_are_relative_to_the_draft_file(tmp_path, monkeypatch):
    folder = tmp_path / "drafts"
    (folder / "media").mkdir(parents=True)
    (folder / "media" / "a.jpg").write_bytes(b"")
    (folder / "media" / "v.mp4").write_bytes(b"")
    (folder / "media" / "v.vtt").write_text("WEBVTT", encoding="utf-8")
    absolute = tmp_path / "b.jpg"
    absolute.write_bytes(b"")
    draft = folder / "d.json"
    media = [
        {"path": "media/a.jpg", "kind": "image", "alt": "市役所の外観"},
        {"path": "media/v.mp4", "kind": "video", "captions": "media/v.vtt"},
        {"path": str(absolute), "kind": "image", "alt": "駅前の様子"},
    ]
    draft.write_text(json.dumps({"text": "x", "media": media}), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err, _ = run(["--format", "json", str(draft)])
    assert (code, err) == (0, "")
    assert json.loads(out)["findings"] == []


def test_published_number_with_ime_dashes_in_profile_file(tmp_path):
    profile = tmp_path / "org.toml"
    profile.write_text(
        '[organization]\nname = "和光市"\npublic_contacts = ["０４８ー４２４ー９０９０", "03.1234.5678"]\n',
        encoding="utf-8",
    )
    draft = tmp_path / "d.txt"
    draft.write_text("電話048-424-9090、03‐1234‐5678", encoding="utf-8")
    code, out, _, _ = run(["--format", "json", "--profile", str(profile), str(draft)])
    assert (code, json.loads(out)["findings"]) == (0, [])


def test_profile_file_lists_of_issue_19(tmp_path):
    """partner_contacts, own_channels, place_names and officials in ORG.toml, as in 設定 → 組織."""
    profile = tmp_path / "org.toml"
    profile.write_text(
        '[organization]\nname = "和光市"\nown_domains = ["city.wako.lg.jp"]\n'
        'partner_contacts = ["朝霞警察署 048-465-0110"]\n'
        'own_channels = ["https://www.youtube.com/@wakocity"]\n'
        'place_names = ["新倉"]\nofficials = ["市長 柴﨑光子"]\n',
        encoding="utf-8",
    )
    draft = tmp_path / "d.txt"
    draft.write_text(
        "新倉の公園で柴﨑光子市長があいさつ。動画 https://www.youtube.com/@wakocity 、朝霞警察署 048-465-0110",
        encoding="utf-8",
    )
    code, out, _, _ = run(["--format", "json", "--profile", str(profile), str(draft)])
    assert (code, json.loads(out)["findings"]) == (0, [])
    draft.write_text("4901234567894（JAN）と 申込みは https://example.com/setup.exe", encoding="utf-8")
    code, out, _, _ = run(["--format", "json", "--profile", str(profile), str(draft)])
    rules = {f["rule"] for f in json.loads(out)["findings"]}
    assert code == 1
    assert rules == {"content.harmful_program", "link.third_party"}
