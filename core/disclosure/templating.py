"""The one Jinja2 set-up for the pages KohoGate writes for the city's website.

Autoescaping is on for every template: names, handles and notes come from
people and platforms. The pages share the filters below so a date or a
platform reads the same on each of them.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from core.platforms.facts import platform_label
from core.runtime.resources import resource_path

if TYPE_CHECKING:
    from jinja2 import Environment


def local_date(moment: datetime | None) -> str:
    """``2026年12月2日`` style is left to the template's words; this is the ISO day in local time."""
    return moment.astimezone().strftime("%Y-%m-%d") if moment is not None else ""


def page_environment() -> Environment:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(
        loader=FileSystemLoader(str(resource_path("templates"))),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # The service's name as readers know it, never the stored id ("x", "line").
    env.filters["platform"] = platform_label
    env.filters["local_date"] = local_date
    return env
