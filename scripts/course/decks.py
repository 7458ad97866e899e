"""Adds the built decks to MkDocs's files: one generated page per deck in bildspel/."""

from __future__ import annotations

from mkdocs.structure.files import File, Files

from .macros import Course, macro_functions
from .slides import SITE_DIR, SlideRenderer, deck_page

PRESENTER_PAGE = f"{SITE_DIR}/index.md"


def add_decks(course: Course, files: Files, config) -> None:
    if not course.decks:
        return
    deck_paths = {deck.site_path for deck in course.decks.values()}

    def url_of(path: str) -> str | None:
        if path in deck_paths:
            return path
        file = files.get_file_from_path(path)
        return file.url if file else None

    macros = macro_functions(course, lambda: None)
    renderer = SlideRenderer(course.facts, course.quizzes, macros, url_of)
    for deck in course.decks.values():
        back_url, back_text = back_link(course, deck, url_of)
        html = deck_page(deck, renderer.deck_slides(deck, course.decks), back_url, back_text)
        files.append(File.generated(config, deck.site_path, content=html))


def back_link(course: Course, deck, url_of) -> tuple[str, str]:
    """Where the deck's "back" link goes: its module page, else the presenter page."""
    module = next((m for m in course.modules if m.number == deck.module), None)
    if module:
        return "../" + url_of(module.src_path), "Till modulsidan"
    presenter = url_of(PRESENTER_PAGE)
    if presenter is not None:
        return "../" + presenter, "Till alla bildspel"
    return "../" + (url_of("index.md") or ""), "Till kursen"
