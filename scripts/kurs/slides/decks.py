"""The decks in the site: one page per deck in the decks folder (`bildspel/` by default),
rendered before MkDocs writes anything (mistakes stop the build while the old site is intact).

The decks' HTML is kept in `.cache/bildspel/` with a hash of what it is made from (the slides,
facts, quizzes, the engine, the course's macros, the site's files and the modules' titles), so a
build where none of that changed (e.g. `mkdocs serve` after an edit to a module's text) does not
render them again.

reveal.js's theme embeds its font (Source Sans Pro, ~420 kB gzipped, loaded before the first
slide can show); the site gets the theme without it and the decks use the system fonts, as the
rest of the site does. The vendored file itself stays as published (vendor.yml has its checksum).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from mkdocs.structure.files import File, Files

from ..cachefile import ENGINE, inputs_hash, write_atomically
from ..locale import t
from ..model.course import Course
from ..model.errors import AuthorError
from .render import SlideRenderer, deck_page, deck_table

HERE = Path(__file__).parent
CACHE_DIR = ".cache/bildspel"
THEME = "assets/vendor/reveal.js/theme/white-contrast.css"
FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}")
ASSETS = {
    "assets/vendor/reveal.js/": HERE / "reveal.js",
    "assets/js/deck.js": HERE / "deck.js",
    "assets/js/classroom.js": HERE / "classroom.js",
    "assets/css/slides.css": HERE / "slides.css",
}


def without_embedded_fonts(css: str) -> str:
    return FONT_FACE.sub("", css)


def decks_hash(course: Course, site_files: list[str], directory_urls: bool, macros_file: Path | None) -> str:
    s = course.settings
    names = [s.slides, s.quizzes, s.cases, s.facts, ENGINE] + ([macros_file] if macros_file else [])
    modules = "\n".join(f"{m.number}\0{m.title}\0{m.src_path}" for m in course.modules)
    roles = str(sorted(course.roles.items()))
    return inputs_hash(course.root, names, str(directory_urls), "\n".join(site_files), modules, roles, s.language,
                       course.id, course.site_url)


def render_decks(course: Course, macros: dict[str, Callable], url_of: Callable[[str], str | None],
                 site_files: list[str], directory_urls: bool, macros_file: Path | None) -> dict[str, str]:
    """Every deck's page (site path -> HTML), from the cache when nothing it is made from changed.
    Raises the list of mistakes (AuthorErrors) as DeckErrors."""
    if not course.decks:
        return {}
    cache = course.root / CACHE_DIR / f"{'mappar' if directory_urls else 'filer'}.json"
    digest = decks_hash(course, site_files, directory_urls, macros_file)
    saved = json.loads(cache.read_text(encoding="utf-8")) if cache.exists() else {}
    if saved.get("hash") == digest:
        return saved["decks"]
    deck_paths = {deck.site_path for deck in course.decks.values()}

    def link_target(path: str) -> str | None:
        return path if path in deck_paths else url_of(path)

    renderer = SlideRenderer(course, macros, link_target)
    pages = {}
    for deck in course.decks.values():
        back_url, back_text = back_link(course, deck, url_of)
        pages[deck.site_path] = deck_page(deck, renderer.deck_slides(deck), back_url, back_text, course)
    if renderer.errors:
        raise DeckErrors(renderer.errors)
    write_atomically(cache, json.dumps({"hash": digest, "decks": pages}, ensure_ascii=False).encode("utf-8"))
    return pages


class DeckErrors(Exception):
    def __init__(self, errors: list[AuthorError]):
        self.errors = errors
        super().__init__("\n".join(map(str, errors)))


def back_link(course: Course, deck, url_of) -> tuple[str, str]:
    """Where the deck's "back" link goes: its module page, else the page listing the decks."""
    module = next((m for m in course.modules if m.number == deck.module), None)
    if module:
        return "../" + url_of(module.src_path), t("slides.back_to_module")
    presenter = course.roles.get("decks")
    if presenter is not None:
        return "../" + url_of(presenter), t("slides.back_to_decks")
    return "../" + (url_of("index.md") or ""), t("slides.back_to_course")


def add_decks(pages: dict[str, str], files: Files, config) -> None:
    """The decks' pages and reveal.js's theme without its embedded font, as site files."""
    if not pages:
        return
    theme = files.get_file_from_path(THEME)
    if theme is not None:
        files.remove(theme)
        css = Path(theme.abs_src_path).read_text(encoding="utf-8")
        files.append(File.generated(config, THEME, content=without_embedded_fonts(css)))
    for path, html in pages.items():
        files.append(File.generated(config, path, content=html))


def macros(ctx) -> dict:
    def deck_list() -> str:
        """Every presenter deck with its size and print links (the presenters' page)."""
        return deck_table(ctx.course, ctx.relative)

    return {"deck_list": deck_list}
