"""The pages' macro calls, e.g. {{ fact("support_line.phone") }}: each page's Markdown is a
Jinja template whose only names are the course's macros (scripts/course/macros.py).

A page's compiled template is kept in .cache/jinja/ (Jinja checks it against the page's text),
so a build compiles only the pages that changed. Until issue 9 this was mkdocs-macros-plugin; it
did the same, but its imports alone (among them `requests`, for features we do not use) cost
a fifth of a build.

A mistake in a call (a typo, an unknown name) is recorded for the page, with its line in the
file, and becomes one AuthorError for the page (scripts/course/pages.py: finish_markdown).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import jinja2

_TEXT_ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)


@functools.lru_cache(maxsize=4096)
def text_template(text: str) -> jinja2.Template:
    """A short text from a content file (a quiz answer, a case's story) with {{ … }} in it, compiled
    once per process: `mkdocs serve` compiles it again only when the text changes."""
    return _TEXT_ENV.from_string(text)


def keep_compiled(env: jinja2.Environment, cache_dir: Path) -> None:
    """Keep env's compiled templates in cache_dir (Jinja checks each against its source)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(cache_dir))


class PageRenderer:
    def __init__(self, macros: dict[str, Callable], errors: dict[str, list[str]], cache_dir: Path | None = None):
        self._sources: dict[str, str] = {}
        self._errors = errors
        self.env = jinja2.Environment(
            loader=jinja2.FunctionLoader(lambda name: (self._sources[name], None, lambda: False)),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            cache_size=0,  # every build reads the page afresh; compiled code comes from the bytecode cache
        )
        if cache_dir:
            keep_compiled(self.env, cache_dir)
        self.env.globals.update(macros)

    def render(self, markdown: str, src_path: str, abs_src_path: str | None = None) -> str:
        """The page's Markdown with its calls filled in (unchanged when a call is wrong: the
        mistake is recorded for src_path instead)."""
        if "{{" not in markdown and "{%" not in markdown and "{#" not in markdown:
            return markdown
        self._sources[src_path] = markdown
        try:
            return self.env.get_template(src_path).render()
        except jinja2.TemplateSyntaxError as error:
            line = f"rad {error.lineno + front_matter_lines(abs_src_path)}: " if error.lineno else ""
            message = f"{line}fel i makroanrop: {error.message}"
        except jinja2.TemplateError as error:
            message = f"fel i makroanrop: {error}"
        finally:
            del self._sources[src_path]
        self._errors.setdefault(src_path, []).append(message)
        return markdown


def front_matter_lines(path) -> int:
    """How many lines the front matter takes: MkDocs hands macros the Markdown without it
    (and without the blank lines that follow it)."""
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except (OSError, TypeError):
        return 0
    if not lines or lines[0].strip() != "---":
        return 0
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() in ("---", "..."):
            while number < len(lines) and not lines[number].strip():
                number += 1
            return number
    return 0
