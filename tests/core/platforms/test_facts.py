"""The platform facts: one table, figures from the platforms' documents, nobody else compares ids."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from core import i18n
from core.platforms.base import Connection
from core.platforms.errors import PublishError
from core.platforms.facts import (
    Counting,
    Platform,
    all_platforms,
    api_platform_ids,
    credential_hint,
    facts_of,
    platform_label,
    supports_api,
)
from core.platforms.registry import ADAPTERS, adapter_class, make_publisher, unregistered

ROOT = Path(__file__).resolve().parents[3]
RAW_IDS = frozenset(p.value for p in Platform)
MEMBERS = frozenset(p.name for p in Platform)


def test_every_platform_has_its_facts_once() -> None:
    assert {f.platform for f in all_platforms()} == set(Platform)
    assert len(all_platforms()) == len(Platform)
    for platform in Platform:
        assert platform.facts.platform is platform
        assert facts_of(platform.value) is platform.facts
    assert facts_of("myspace") is None
    assert platform_label("myspace") == "myspace"


def test_figures_from_the_platforms_documents() -> None:
    bluesky, x, line = Platform.BLUESKY.facts, Platform.X.facts, Platform.LINE.facts
    # app.bsky.embed.images: 4 images, each at most 2,000,000 bytes; app.bsky.embed.video: mp4 only.
    assert (bluesky.max_images, bluesky.image.max_bytes) == (4, 2_000_000)
    assert bluesky.video.mime_types == frozenset({"video/mp4"})
    assert bluesky.counting is Counting.GRAPHEMES
    assert bluesky.text_limit == 300
    # X API v2 OpenAPI: AltText.text maxLength 1000; 5 MB images, 512 MB and 140 s videos.
    assert (x.image.alt_limit, x.video.alt_limit) == (1000, 1000)
    assert (x.image.max_bytes, x.video.max_bytes, x.video.max_seconds) == (5 * 2**20, 512 * 2**20, 140)
    assert x.counting is Counting.TWITTER_WEIGHTED
    # LINE: 5 messages per broadcast, one is the text; JPEG/PNG images; broadcasts cannot be unsent.
    assert line.max_images == 4
    assert line.image.mime_types == frozenset({"image/jpeg", "image/png"})
    assert line.image.alt_limit is None
    assert not line.deletable
    assert not line.deletes_through_api
    assert "訂正" in line.not_deletable_message


def test_single_video_rule_and_kinds() -> None:
    single = {f.platform for f in all_platforms() if f.single_video}
    assert {Platform.X, Platform.BLUESKY, Platform.MASTODON, Platform.THREADS, Platform.LINE} <= single
    assert not Platform.FACEBOOK.facts.single_video
    assert not Platform.YOUTUBE.facts.media("image").accepted
    assert not Platform.X.facts.media("audio").accepted


def test_post_url_hosts() -> None:
    assert Platform.X.facts.owns_url("x.com")
    assert Platform.X.facts.owns_url("mobile.twitter.com")
    assert Platform.BLUESKY.facts.owns_url("bsky.app")
    assert Platform.FACEBOOK.facts.owns_url("www.facebook.com")
    assert not Platform.X.facts.owns_url("example.com")
    assert not Platform.X.facts.owns_url("x.com.example.net")
    # Each host belongs to one platform at most.
    hosts = [h for f in all_platforms() for h in f.post_hosts]
    assert len(hosts) == len(set(hosts))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_display_names_are_translated_names_never_the_raw_id(lang: str) -> None:
    previous = i18n.current_language()
    i18n.set_language(lang)
    try:
        names = [f.display_name for f in all_platforms()]
    finally:
        i18n.set_language(previous)
    assert len(set(names)) == len(names)
    assert not set(names) & RAW_IDS
    assert "X" in names
    assert "LINE" in names


def test_credential_hints_come_from_the_facts() -> None:
    hints = {code: credential_hint(code) for code in api_platform_ids()}
    assert len(set(hints.values())) == len(hints)
    assert credential_hint("instagram") == credential_hint("myspace")
    assert "app password" in credential_hint("bluesky")


def test_adapters_register_against_the_facts() -> None:
    assert unregistered() == ()
    assert set(ADAPTERS) == {p for p in Platform if p.facts.api}
    assert set(api_platform_ids()) == {p.value for p in ADAPTERS}
    assert supports_api("x")
    assert not supports_api("instagram")
    assert not supports_api("myspace")
    for platform in ADAPTERS:
        adapter = adapter_class(platform)
        # The capabilities the outbox reads from the adapter are the facts' capabilities.
        assert adapter.idempotent is platform.facts.idempotent, platform
        assert adapter.deletable is platform.facts.deletes_through_api, platform


def test_a_manual_platform_has_no_adapter() -> None:
    for code in ("instagram", "threads", "youtube", "misskey", "myspace"):
        with pytest.raises(PublishError, match="manual"):
            make_publisher(Connection(code, "koho", "token"))


def test_importing_the_interface_and_registry_loads_no_adapter() -> None:
    code = (
        "import sys, core.platforms.base, core.platforms.registry, core.platforms.facts;"
        "loaded = [m for m in ('x', 'bluesky', 'facebook', 'line', 'mastodon', 'http')"
        " if 'core.platforms.' + m in sys.modules];"
        "print(','.join(loaded)); assert not loaded"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    # And the interface never names an adapter: no import cycle base ↔ adapters.
    tree = ast.parse((ROOT / "core" / "platforms" / "base.py").read_text(encoding="utf-8"))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert not {m for m in imported if m.startswith("core.platforms.") and m != "core.platforms.errors"}


# ---- nobody else compares platform ids ----------------------------------------------------------


def _is_platform_literal(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value in RAW_IDS
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "Platform":
        return node.attr in MEMBERS
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return any(_is_platform_literal(e) for e in node.elts)
    return False


def _platform_comparisons(source: str) -> list[int]:
    """Lines comparing something with a platform id literal or a ``Platform`` member."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(_is_platform_literal(o) for o in operands):
                lines.append(node.lineno)
        elif isinstance(node, ast.match_case):
            pattern = node.pattern
            values = [pattern, *getattr(pattern, "patterns", [])]
            if any(isinstance(v, ast.MatchValue) and _is_platform_literal(v.value) for v in values):
                lines.append(pattern.lineno)
        elif isinstance(node, ast.Tuple | ast.List | ast.Set):
            # A list of platforms of its own (the old PLATFORMS tuple, _SINGLE_VIDEO, API_PLATFORMS).
            direct = [e for e in node.elts if not isinstance(e, ast.Tuple | ast.List | ast.Set)]
            if sum(_is_platform_literal(e) for e in direct) >= 2:
                lines.append(node.lineno)
    return sorted(set(lines))


def test_the_scanner_finds_what_it_looks_for() -> None:
    assert _platform_comparisons('if row.platform == "line": pass') == [1]
    assert _platform_comparisons('ok = detail.platform != "x"') == [1]
    assert _platform_comparisons('ok = p in ("x", "bluesky")') == [1]
    assert _platform_comparisons("ok = p is Platform.LINE") == [1]
    assert _platform_comparisons('match p:\n    case "line":\n        pass') == [2]
    assert _platform_comparisons('PLATFORMS = ("x", "line", "facebook")') == [1]
    assert _platform_comparisons("SINGLE = {Platform.X, Platform.BLUESKY}") == [1]
    assert _platform_comparisons('label = {"x": "X"}.get(p)\nok = p == "other"\nrow = ("x", "@koho")') == []


def test_no_file_outside_core_platforms_compares_platform_ids() -> None:
    offenders = []
    for folder in ("core", "gui", "cli"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if relative.parts[:2] == ("core", "platforms"):
                continue
            for line in _platform_comparisons(path.read_text(encoding="utf-8")):
                offenders.append(f"{relative}:{line}")
    assert offenders == [], "ask core.platforms.facts instead: " + ", ".join(offenders)
