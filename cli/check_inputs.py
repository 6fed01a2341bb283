"""Reading draft and profile files for ``app.py check``.

Every problem with the input becomes an :class:`InputError` whose message is
one translated line, so the CLI can exit with status 2 without a traceback.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from core.checks.config import CheckConfig
from core.checks.input_limits import (
    MAX_CHECK_CHARACTERS,
    MAX_DRAFT_FILE_BYTES,
    MAX_INTEGER_DIGITS,
    describe_character,
    first_unstorable,
)
from core.checks.media_facts import MediaTooLarge, guess_kind, with_facts
from core.checks.model import DraftInput, MediaItem, MediaKind
from core.i18n import tr
from core.organization.profile import OrganizationProfile
from core.platforms.facts import Platform


class InputError(Exception):
    """Unusable input; ``str(error)`` is the one-line message for the user."""


def parse_platform(value: str) -> Platform:
    try:
        return Platform.parse(value)
    except ValueError:
        valid = ", ".join(p.value for p in Platform)
        raise InputError(
            tr("Unknown platform {platform}. Valid platforms: {valid}").format(platform=repr(value), valid=valid)
        ) from None


def _read_text(path: Path) -> str:
    if path.is_dir():  # load_profile() says so about a profile itself, before reading
        raise InputError(tr("{path} is a folder, not a draft file.").format(path=path))
    if not path.is_file():
        raise InputError(tr("File not found: {path}").format(path=path))
    try:
        # One byte more than the cap tells "too big" without reading a huge file
        # (or an endless one such as a pipe) into memory.
        with path.open("rb") as stream:
            raw = stream.read(MAX_DRAFT_FILE_BYTES + 1)
    except OSError as exc:
        raise InputError(tr("Cannot read {path}: {error}").format(path=path, error=exc.strerror or exc)) from None
    if len(raw) > MAX_DRAFT_FILE_BYTES:
        raise InputError(
            tr("{path} is larger than {limit} MB; app.py check reads at most that much.").format(
                path=path, limit=MAX_DRAFT_FILE_BYTES // (1024 * 1024)
            )
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(tr("{path} is not UTF-8 text").format(path=path)) from None


def _usable_string(path: Path, field: str, value: str) -> str:
    """``value`` unless it holds a character no draft can be saved or posted with."""
    index = first_unstorable(value)
    if index is not None:
        raise InputError(
            tr(
                "{path}: {field} contains the character {character} at position {position}, "
                "which cannot be saved or posted."
            ).format(path=path, field=field, character=describe_character(value[index]), position=index + 1)
        )
    return value


def _bounded_int(path: Path) -> Any:
    def parse(digits: str) -> int:
        if len(digits.lstrip("-")) > MAX_INTEGER_DIGITS:
            raise InputError(
                tr("{path}: a number has {count} digits (at most {limit}).").format(
                    path=path, count=len(digits.lstrip("-")), limit=MAX_INTEGER_DIGITS
                )
            )
        return int(digits)

    return parse


def _draft_text(path: Path, text: str) -> str:
    if len(text) > MAX_CHECK_CHARACTERS:
        raise InputError(
            tr("{path}: the text has {count} characters; app.py check accepts at most {limit}.").format(
                path=path, count=f"{len(text):,}", limit=f"{MAX_CHECK_CHARACTERS:,}"
            )
        )
    return _usable_string(path, tr("the text"), text)


def load_draft(path: Path, platform: Platform | None) -> DraftInput:
    """A ``.txt`` (text only) or ``.json`` draft; ``platform`` overrides the file's."""
    content = _read_text(path)
    if path.suffix.lower() != ".json":
        return DraftInput(_draft_text(path, content), platform or Platform.X)
    try:
        data = json.loads(content, parse_int=_bounded_int(path))
    except json.JSONDecodeError as exc:
        raise InputError(tr("{path} is not valid JSON: {error}").format(path=path, error=exc)) from None
    except RecursionError:
        raise InputError(tr("{path}: the JSON is nested too deeply to be a draft.").format(path=path)) from None
    if not isinstance(data, Mapping):
        raise InputError(tr("{path}: the draft must be a JSON object").format(path=path))
    text = data.get("text", "")
    if not isinstance(text, str):
        raise InputError(tr('{path}: "text" must be a string').format(path=path))
    text = _draft_text(path, text)
    if platform is None:
        raw_platform = data.get("platform", "x")
        if not isinstance(raw_platform, str):
            raise InputError(tr('{path}: "platform" must be a string').format(path=path))
        platform = parse_platform(_usable_string(path, '"platform"', raw_platform))
    media_raw = data.get("media", [])
    if not isinstance(media_raw, list):
        raise InputError(tr('{path}: "media" must be a list').format(path=path))
    base = path.parent
    media = tuple(_with_facts(path, _media_item(path, i, raw), base) for i, raw in enumerate(media_raw))
    return DraftInput(text, platform, media)


def _with_facts(path: Path, item: MediaItem, base: Path) -> MediaItem:
    try:
        return with_facts(item, base)
    except MediaTooLarge as exc:
        raise InputError(
            tr("{path}: the image {image} has more pixels than any platform accepts (at most {limit}).").format(
                path=path, image=item.path, limit=f"{exc.limit:,}"
            )
        ) from None


def _field(path: Path, index: int, raw: Mapping[str, Any], name: str, kind: type, default: Any) -> Any:
    value = raw.get(name, default)
    if value is None:
        return default
    if not isinstance(value, kind):
        raise InputError(
            tr('{path}: media item {index}: "{field}" has the wrong type').format(path=path, index=index, field=name)
        )
    return _usable_string(path, f'"{name}"', value) if isinstance(value, str) else value


def _media_item(path: Path, index: int, raw: Any) -> MediaItem:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("path"), str) or not raw["path"].strip():
        raise InputError(
            tr('{path}: media item {index} must be an object with a "path"').format(path=path, index=index)
        )
    _usable_string(path, '"path"', raw["path"])
    kind_raw = _field(path, index, raw, "kind", str, "")
    try:
        kind = MediaKind(kind_raw) if kind_raw else guess_kind(raw["path"])
    except ValueError:
        raise InputError(
            tr('{path}: media item {index}: "kind" must be image or video').format(path=path, index=index)
        ) from None
    captions = _field(path, index, raw, "captions", str, "")
    # A file that is not there cannot be checked (EXIF, captions), and the
    # draft could not be posted with it either: the input is unusable.
    _require_file(path, raw["path"])
    if captions:
        _require_file(path, captions)
    return MediaItem(
        path=raw["path"],
        kind=kind,
        alt=_field(path, index, raw, "alt", str, ""),
        decorative=_field(path, index, raw, "decorative", bool, False),
        decorative_reason=_field(path, index, raw, "decorative_reason", str, ""),
        captions_path=captions or None,
        captions_burned_in=_field(path, index, raw, "captions_burned_in", bool, False),
    )


def _require_file(draft: Path, name: str) -> None:
    """``name`` (relative to the draft file) must be an existing file."""
    target = Path(name)
    if not target.is_absolute():
        target = draft.parent / target
    if not target.is_file():
        raise InputError(tr("File not found: {path}").format(path=target))


def _string_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError("expected a list of strings")


# Every separator an IME or a web page may put between the groups of a number.
_PHONE_CHARS = frozenset(" \u3000+()（）＋-－.．\u2010\u2011\u2012\u2013\u2014\u2015\u2212ーｰ")


def _classify_contacts(contacts: tuple[str, ...]) -> tuple[list[str], list[str], list[str]]:
    """``public_contacts`` mixes phone numbers, e-mail and postal addresses."""
    phones, emails, addresses = [], [], []
    for contact in contacts:
        stripped = contact.strip()
        if "@" in stripped or "＠" in stripped:
            emails.append(stripped)
        elif sum(ch.isdigit() for ch in stripped) >= 9 and all(ch.isdigit() or ch in _PHONE_CHARS for ch in stripped):
            phones.append(stripped)
        elif stripped:
            addresses.append(stripped)
    return phones, emails, addresses


# tomllib has no hook for integers: a run of digits longer than int() accepts
# (underscores are TOML digit separators) is refused before parsing.
_LONG_NUMBER = re.compile(rf"[0-9][0-9_]{{{MAX_INTEGER_DIGITS},}}")


def load_profile(path: Path) -> tuple[OrganizationProfile, CheckConfig]:
    """``ORG.toml``: ``[organization] name, own_domains, public_contacts`` (and the
    specific ``public_phones``/``public_emails``/``postal_addresses`` lists, and
    ``partner_contacts``, ``own_channels``, ``place_names``, ``officials``), with
    an optional ``[checks]`` table in the :class:`CheckConfig` JSON shape."""
    if path.is_dir():
        raise InputError(tr("{path} is a folder, not a file.").format(path=path))
    if not path.is_file():
        raise InputError(tr("File not found: {path}").format(path=path))
    try:
        source = _read_text(path)
        if _LONG_NUMBER.search(source):
            raise ValueError(tr("a number has more than {limit} digits").format(limit=MAX_INTEGER_DIGITS))
        data = tomllib.loads(source)
        org = data.get("organization")
        if not isinstance(org, Mapping):
            raise ValueError("missing [organization] table")
        name = org.get("name", "")
        if not isinstance(name, str):
            raise ValueError("name must be a string")
        phones, emails, addresses = _classify_contacts(_string_list(org.get("public_contacts", [])))
        profile = OrganizationProfile(
            name=name,
            own_domains=_string_list(org.get("own_domains", [])),
            public_phones=tuple(phones) + _string_list(org.get("public_phones", [])),
            public_emails=tuple(emails) + _string_list(org.get("public_emails", [])),
            postal_addresses=tuple(addresses) + _string_list(org.get("postal_addresses", [])),
            departments=_string_list(org.get("departments", [])),
            partner_contacts=_string_list(org.get("partner_contacts", [])),
            own_channels=_string_list(org.get("own_channels", [])),
            place_names=_string_list(org.get("place_names", [])),
            officials=_string_list(org.get("officials", [])),
        )
        config = CheckConfig.from_json(data.get("checks") or {})
    except (tomllib.TOMLDecodeError, ValueError) as exc:
        raise InputError(tr("Invalid profile {path}: {error}").format(path=path, error=exc)) from None
    except RecursionError:
        raise InputError(
            tr("Invalid profile {path}: {error}").format(path=path, error=tr("nested too deeply"))
        ) from None
    for value in (profile.name, *profile.own_domains, *profile.public_phones, *profile.public_emails):
        _usable_string(path, tr("the profile"), value)
    for value in (*profile.postal_addresses, *profile.departments, *profile.partner_contacts):
        _usable_string(path, tr("the profile"), value)
    for value in (*profile.own_channels, *profile.place_names, *profile.officials):
        _usable_string(path, tr("the profile"), value)
    return profile, config
