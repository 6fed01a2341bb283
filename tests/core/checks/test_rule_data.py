"""The shipped data and the package's boundaries."""

import ast
import tomllib
from pathlib import Path

from core.checks.confirmations import confirmation_items, confirmations_for
from core.checks.context import builtin_shorteners
from core.checks.model import DraftInput, MediaItem
from core.i18n import parse_ts, translation_sources
from core.runtime.resources import resource_path

ROOT = Path(__file__).resolve().parents[3]
CHECKS = ROOT / "core" / "checks"


def test_at_least_150_shortener_domains_with_provenance_header():
    assert len(builtin_shorteners()) >= 150
    header = resource_path("rules", "shorteners.txt").read_text(encoding="utf-8")[:400]
    assert "Compiled by the KohoGate project" in header
    assert "youtu.be" not in builtin_shorteners()
    assert {"bit.ly", "t.co", "tinyurl.com", "ow.ly", "buff.ly", "goo.gl", "is.gd"} <= builtin_shorteners()


def test_twitter_text_config_ships_with_its_licence():
    folder = resource_path("rules", "twitter-text")
    assert (folder / "config-v3.json").is_file()
    assert "Apache License" in (folder / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in (Path(__file__).parent / "data" / "LICENSE-twitter-text").read_text(encoding="utf-8")


def test_confirmation_items_cite_both_guidelines():
    items = confirmation_items()
    ids = [i.id for i in items]
    assert len(ids) == len(set(ids))
    assert {"accuracy", "official_view", "rights", "third_party_content", "platform_terms"} <= set(ids)
    clauses = {c for i in items for c in i.clauses}
    expected = {"joso:4(5)", "joso:4(4)", "wako:5-prohibited-3", "joso:5(6)", "wako:5-イ", "joso:6(3)", "joso:4(2)"}
    assert expected <= clauses
    assert all(i.text_ja for i in items)
    assert all(i.text_en for i in items)


def test_confirmations_depend_on_the_draft():
    plain = {i.id for i in confirmations_for(DraftInput("お知らせ"))}
    rich = {i.id for i in confirmations_for(DraftInput("https://example.com", media=(MediaItem("a.jpg"),)))}
    assert "accessibility" not in plain
    assert {"accessibility", "third_party_content", "image_people"} <= rich


def test_rules_toml_parses_and_messages_use_known_placeholders():
    data = tomllib.loads(resource_path("rules", "rules.toml").read_text(encoding="utf-8"))
    allowed = {"host", "word", "used", "limit", "platform", "file", "count", "kind", "type", "accepted", "size"}
    import string

    for rule in data["rule"]:
        for key in ("message_ja", "message_en"):
            fields = {f for _, f, _, _ in string.Formatter().parse(rule[key]) if f}
            assert fields <= allowed, (rule["id"], fields)


def _tr_literals():
    literals = []
    for path in sorted(CHECKS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr":
                assert len(node.args) == 1, (path, node.lineno)
                assert isinstance(node.args[0], ast.Constant), (path, node.lineno)
                literals.append(node.args[0].value)
    return literals


def test_every_tr_string_has_a_japanese_translation():
    # Every area's file counts: each helper adds strings to its own area file (e.g. speed_ja.ts).
    catalog = {key: text for path in translation_sources("ja") for key, text in parse_ts(path).items()}
    literals = _tr_literals()
    assert literals
    missing = [s for s in literals if ("core", s) not in catalog]
    assert missing == []


def test_no_qt_in_core_checks():
    for path in CHECKS.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6"} for n in names), path
