"""The engine's own HTML templates (a deck page, a fact sheet's print document, the learner's
panels), in one Jinja environment over the feature folders: `template("slides/deck.html")`.
Every template has `t` (the locale's texts) and the filter `css_string`."""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2
from markupsafe import Markup

from .locale import t

ENGINE = Path(__file__).parent


def css_string(text: str) -> Markup:
    """Text as a quoted CSS string (for @page margin boxes)."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return Markup(f'"{escaped}"')


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ENGINE), autoescape=True)
    env.globals["t"] = t
    env.filters["css_string"] = css_string
    return env


def template(path: str) -> jinja2.Template:
    return environment().get_template(path)
