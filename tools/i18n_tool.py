"""Find every translatable string in core/ and gui/ and keep the .ts files in step.

    uv run python tools/i18n_tool.py check          # list strings without a Japanese translation
    uv run python tools/i18n_tool.py update [--translations ja.json] [--target resources/i18n/X_ja.ts]
                                            [--paths gui/composer core/composer]
                                                   # add missing entries (default file: kohogate_ja.ts)

A string is translatable when it is the literal argument of ``tr(...)`` —
with the context given by the module's ``tr = translator("Context")`` (GUI)
or ``"core"`` when ``tr`` comes from ``core.i18n`` — or of
``translate("Context", "...")``. Qt's ``lupdate`` does not know our
module-level ``translator`` helper, hence this small extractor.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = ("core", "gui", "cli")
I18N_DIR = ROOT / "resources" / "i18n"
MAIN_TS = I18N_DIR / "kohogate_ja.ts"


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    location: str


@dataclass(frozen=True)
class Problem:
    location: str
    text: str


def _module_context(tree: ast.Module) -> str | None:
    for node in tree.body:
        if (
            isinstance(node, ast.ImportFrom)
            and node.module == "core.i18n"
            and any(alias.name == "tr" and alias.asname in (None, "tr") for alias in node.names)
        ):
            return "core"
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == "tr" for t in node.targets)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name)
            and node.value.func.id == "translator"
            and node.value.args
            and isinstance(node.value.args[0], ast.Constant)
            and isinstance(node.value.args[0].value, str)
        ):
            return node.value.args[0].value
    return None


def extract_file(path: Path) -> tuple[list[Message], list[Problem]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    context = _module_context(tree)
    rel = path.relative_to(ROOT).as_posix()
    messages: list[Message] = []
    problems: list[Problem] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        where = f"{rel}:{node.lineno}"
        if name == "tr" and isinstance(func, ast.Name) and context is not None:
            arg = node.args[0] if node.args else None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                messages.append(Message(context, arg.value, where))
            else:
                problems.append(Problem(where, "tr() needs one string literal"))
        elif name == "translate" and len(node.args) >= 2:
            ctx, text = node.args[0], node.args[1]
            if isinstance(ctx, ast.Constant) and isinstance(text, ast.Constant) and isinstance(text.value, str):
                messages.append(Message(str(ctx.value), text.value, where))
    return messages, problems


def extract(root: Path = ROOT) -> tuple[list[Message], list[Problem]]:
    messages: list[Message] = []
    problems: list[Problem] = []
    for folder in SOURCE_DIRS:
        for path in sorted((root / folder).rglob("*.py")):
            found, bad = extract_file(path)
            messages.extend(found)
            problems.extend(bad)
    return messages, problems


def load_translations(lang: str = "ja") -> dict[tuple[str, str], str]:
    sys.path.insert(0, str(ROOT))
    from core.i18n import parse_ts, translation_sources

    merged: dict[tuple[str, str], str] = {}
    for path in translation_sources(lang):
        merged.update(parse_ts(path))
    return merged


def missing(lang: str = "ja") -> list[Message]:
    messages, _ = extract()
    have = load_translations(lang)
    seen: set[tuple[str, str]] = set()
    result = []
    for message in messages:
        key = (message.context, message.source)
        if key not in have and key not in seen:
            seen.add(key)
            result.append(message)
    return result


def write_ts(path: Path, entries: dict[str, dict[str, str]]) -> None:
    root = ET.Element("TS", version="2.1", language="ja_JP", sourcelanguage="en")
    # Contexts and messages keep the order they have in ``entries`` (the file's own
    # order, new entries last) so that two branches adding strings merge cleanly.
    for context, messages in entries.items():
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for source, translation in messages.items():
            message = ET.SubElement(ctx, "message")
            ET.SubElement(message, "source").text = source
            element = ET.SubElement(message, "translation")
            if translation:
                element.text = translation
            else:
                element.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def update(extra: dict[str, str], target: Path = MAIN_TS, paths: tuple[str, ...] = ()) -> int:
    """Add strings that no .ts file translates yet to ``target``; return how many stay unfinished.

    ``paths`` (prefixes such as ``gui/composer``) limit which sources feed
    ``target``, so that each area of the code can keep its own .ts file.
    Entries of ``target`` whose string no longer appears in any source are
    dropped; entries of other files are never touched.
    """
    sys.path.insert(0, str(ROOT))
    from core.i18n import parse_ts

    everything, _ = extract()
    wanted = [m for m in everything if not paths or m.location.startswith(paths)]
    current = parse_ts(target) if target.exists() else {}
    others: dict[tuple[str, str], str] = {}
    for path in sorted(I18N_DIR.glob("*_ja.ts")):
        if path.resolve() != target.resolve():
            others.update(parse_ts(path))
    entries: dict[str, dict[str, str]] = {}
    used = {(m.context, m.source) for m in everything}
    # Keep the target's entries still used anywhere, in the file's order; add the
    # wanted ones nobody translates yet after them.
    for (context, source), text in current.items():
        if (context, source) in used:
            entries.setdefault(context, {})[source] = text
    for message in wanted:
        key = (message.context, message.source)
        if key in others or key in current:
            continue
        entries.setdefault(message.context, {})[message.source] = extra.get(message.source, "")
    write_ts(target, entries)
    return sum(1 for ctx in entries.values() for text in ctx.values() if not text)


def main() -> int:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check")
    up = sub.add_parser("update")
    up.add_argument("--translations", type=Path, help="JSON {english: japanese} to fill new entries")
    up.add_argument("--target", type=Path, default=MAIN_TS, help="the .ts file to write (default: kohogate_ja.ts)")
    up.add_argument("--paths", nargs="*", default=[], help="only strings from sources under these prefixes")
    args = parser.parse_args()
    if args.command == "check":
        _, problems = extract()
        for problem in problems:
            print(f"{problem.location}: {problem.text}")
        gaps = missing()
        for message in gaps:
            print(f"{message.location}: [{message.context}] {message.source!r}")
        return 1 if gaps or problems else 0
    extra = json.loads(args.translations.read_text(encoding="utf-8")) if args.translations else {}
    target = args.target if args.target.is_absolute() else ROOT / args.target
    left = update(extra, target, tuple(args.paths))
    print(f"{target.relative_to(ROOT)} written; {left} entries still need a translation")
    return 0


if __name__ == "__main__":
    sys.exit(main())
