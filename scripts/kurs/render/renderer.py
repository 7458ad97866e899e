"""The pages' macro calls, e.g. {{ fact("contact.phone") }}: each page's Markdown is a Jinja
template whose only names are the course's macros (the engine's and the course's own, see
define_env.py).

Every mistake in a call (a typo, an unknown fact, a wrong argument) is recorded with the page and
the line in the file, and rendering goes on, so that an author sees every mistake on a page at
once. Compiled pages are kept in .cache/jinja/ (Jinja checks each against its source), so a build
compiles only the pages that changed.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path

import jinja2

from ..model.errors import AuthorError
from ..model.facts import UnknownKey

_TEXT_ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)


@functools.lru_cache(maxsize=4096)
def text_template(text: str) -> jinja2.Template:
    """A short text from a content file (a quiz answer, a case's story) with {{ … }} in it, compiled
    once per process: `mkdocs serve` compiles it again only when the text changes."""
    return _TEXT_ENV.from_string(text)


def has_macros(text: str) -> bool:
    return "{{" in text or "{%" in text or "{#" in text


def keep_compiled(env: jinja2.Environment, cache_dir: Path) -> None:
    """Keep env's compiled templates in cache_dir (Jinja checks each against its source)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(cache_dir))


class MacroError(Exception):
    """A macro called the wrong way; the message is the author's (Swedish)."""


def author_message(error: Exception) -> str | None:
    """What to tell an author about an exception from a macro (None: a bug of ours, not theirs)."""
    if isinstance(error, (MacroError, UnknownKey)):
        return str(error)
    if isinstance(error, AuthorError):
        return f"{error.where()}{error.message}" if error.file else error.message
    if isinstance(error, (TypeError, ValueError)):
        return f"fel argument ({error})"
    return None


def content_text(render, value: str, file: str, document, path: tuple, where: str) -> str:
    """A text from a content file (a quiz answer, a case's story) with its macros filled in by
    `render`; a mistake becomes an AuthorError with the file, the text's line and `where`."""
    try:
        return render(value).strip()
    except Exception as error:  # noqa: BLE001 - author mistakes are reported, bugs are not
        message = author_message(error)
        if message is None:
            raise
        raise AuthorError(file, f"{where}: {message}", document.line(path) if document else None) from None


class PageRenderer:
    """Renders pages with the macros; `render()` returns the text and the mistakes found."""

    def __init__(self, macros: dict[str, Callable], cache_dir: Path | None = None):
        self._sources: dict[str, str] = {}
        self._errors: list[tuple[int | None, str]] = []
        self._template: jinja2.Template | None = None
        self.env = jinja2.Environment(
            loader=jinja2.FunctionLoader(lambda name: (self._sources[name], name, lambda: False)),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            cache_size=0,  # every build reads the page afresh; compiled code comes from the bytecode cache
        )
        if cache_dir:
            keep_compiled(self.env, cache_dir)
        self.env.globals.update({name: self._recording(name, func) for name, func in macros.items()})

    def _line_here(self) -> int | None:
        """The line of the page's template that is running (for a macro's mistake)."""
        frame = sys._getframe(2)
        template = self._template
        while frame is not None and template is not None:
            if frame.f_code.co_filename == template.filename:
                return template.get_corresponding_lineno(frame.f_lineno)
            frame = frame.f_back
        return None

    def _recording(self, name: str, func: Callable) -> Callable:
        @functools.wraps(func)
        def call(*args, **kwargs):
            try:
                return func(*args, **kwargs)
            except Exception as error:  # noqa: BLE001 - every author mistake is recorded, bugs are not
                message = author_message(error)
                if message is None:
                    raise
                self._errors.append((self._line_here(), f"{name}(): {message}"))
                return f"**[FEL: {name}]**"

        return call

    def render(self, text: str, file: str, first_line: int = 1) -> tuple[str, list[AuthorError]]:
        """The text with its macros filled in, and the mistakes (each with its line in `file`;
        `first_line` is the file's line where `text` starts)."""
        if not has_macros(text):
            return text, []
        self._sources[file] = text
        self._errors = []
        try:
            self._template = self.env.get_template(file)
            rendered = self._template.render()
        except jinja2.TemplateSyntaxError as error:
            self._errors.append((error.lineno, f"fel i makroanrop: {error.message}"))
            rendered = text
        except jinja2.TemplateError as error:
            self._errors.append((_template_line(error, file), f"fel i makroanrop: {error}"))
            rendered = text
        finally:
            del self._sources[file]
            self._template = None
        errors = [AuthorError(file, message, line + first_line - 1 if line else None) for line, message in self._errors]
        return rendered, errors


def _template_line(error: Exception, name: str) -> int | None:
    """The template line an exception was raised on (Jinja rewrites tracebacks to template lines)."""
    import traceback

    lines = [entry.lineno for entry in traceback.extract_tb(error.__traceback__) if entry.filename == name]
    return lines[-1] if lines else None
