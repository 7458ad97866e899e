"""Adds the built decks to MkDocs's files: one generated page per deck in bildspel/.

The decks' HTML is kept in `.cache/bildspel/` with a hash of what it is made from (the slides,
facts, quizzes, our code, the site's file URLs and the modules' titles), so a build where none
of that changed (e.g. `mkdocs serve` after an edit to a module's text) does not render them again.

reveal.js's theme embeds its font (Source Sans Pro, ~420 kB gzipped, loaded before the first
slide can show); the site gets the theme without it and the decks use the system fonts, as the
rest of the site does. The vendored file itself stays as published (vendor.yml has its checksum).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from mkdocs.structure.files import File, Files

from .cachefile import write_atomically
from .macros import Course, macro_functions
from .offline import inputs_hash
from .slides import SITE_DIR, SlideRenderer, deck_page

PRESENTER_PAGE = f"{SITE_DIR}/index.md"
CACHE_DIR = ".cache/bildspel"
DECK_INPUTS = ("slides", "quizzes", "facts.yml", "scripts")
THEME = "assets/vendor/reveal.js/theme/white-contrast.css"
FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}")


def decks_hash(course: Course, files: Files, config) -> str:
    digest = hashlib.sha256(inputs_hash(course.root, DECK_INPUTS).encode())
    digest.update(f"{config.use_directory_urls}\n".encode())
    for file in sorted(files, key=lambda f: f.src_uri):
        digest.update(f"{file.src_uri}\0{file.url}\n".encode())
    for module in course.modules:
        digest.update(f"{module.number}\0{module.title}\0{module.src_path}\n".encode())
    return digest.hexdigest()


def without_embedded_fonts(css: str) -> str:
    return FONT_FACE.sub("", css)


def add_decks(course: Course, files: Files, config) -> None:
    if not course.decks:
        return
    theme = files.get_file_from_path(THEME)
    if theme is not None:
        files.remove(theme)
        css = Path(theme.abs_src_path).read_text(encoding="utf-8")
        files.append(File.generated(config, THEME, content=without_embedded_fonts(css)))
    cache = course.root / CACHE_DIR / f"{'mappar' if config.use_directory_urls else 'filer'}.json"
    digest = decks_hash(course, files, config)
    saved = json.loads(cache.read_text(encoding="utf-8")) if cache.exists() else {}
    pages = saved.get("decks") if saved.get("hash") == digest else None
    if pages is None:
        pages = render_decks(course, files, config)
        cache.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(cache, json.dumps({"hash": digest, "decks": pages}, ensure_ascii=False).encode("utf-8"))
    for path, html in pages.items():
        files.append(File.generated(config, path, content=html))


def render_decks(course: Course, files: Files, config) -> dict[str, str]:
    """Every deck's page: site path -> HTML."""
    deck_paths = {deck.site_path for deck in course.decks.values()}

    def url_of(path: str) -> str | None:
        if path in deck_paths:
            return path
        file = files.get_file_from_path(path)
        return file.url if file else None

    macros = macro_functions(course, lambda: None)
    renderer = SlideRenderer(course.facts, course.quizzes, macros, url_of)
    pages = {}
    for deck in course.decks.values():
        back_url, back_text = back_link(course, deck, url_of)
        pages[deck.site_path] = deck_page(deck, renderer.deck_slides(deck, course.decks), back_url, back_text)
    return pages


def back_link(course: Course, deck, url_of) -> tuple[str, str]:
    """Where the deck's "back" link goes: its module page, else the presenter page."""
    module = next((m for m in course.modules if m.number == deck.module), None)
    if module:
        return "../" + url_of(module.src_path), "Till modulsidan"
    presenter = url_of(PRESENTER_PAGE)
    if presenter is not None:
        return "../" + presenter, "Till alla bildspel"
    return "../" + (url_of("index.md") or ""), "Till kursen"
