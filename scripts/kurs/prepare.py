"""The work before MkDocs writes anything: read the course, render every page's macros and every
deck, and find every mistake. If there is one, the build stops here, with the previous site
untouched (MkDocs empties site/ only after this)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import books, cases, diagrams, factsheets, glossary, packages, progress, quiz, review
from .model.course import Course, load_course
from .model.errors import AuthorError, ContentErrors, Problems
from .render.define_env import course_macros, module_file
from .render.macros import MacroContext
from .render.macros import course_macros as core_macros
from .render.pages import finish_markdown
from .render.renderer import PageRenderer
from .slides import decks as slide_decks
from .slides.render import SLIDE_MACROS

FEATURES = (quiz, slide_decks, factsheets, books, progress, cases, glossary, diagrams, packages, review)


def engine_macros(ctx: MacroContext) -> dict:
    """Every macro the engine gives pages: the core ones and each feature's."""
    macros = core_macros(ctx)
    for feature in FEATURES:
        macros.update(feature.macros(ctx))
    return macros


@dataclass
class Site:
    """The course ready for MkDocs: every page's Markdown and every deck's HTML."""

    course: Course
    pages: dict[str, str] = field(default_factory=dict)  # docs path -> Markdown after macros
    decks: dict[str, str] = field(default_factory=dict)  # site path -> HTML
    context: MacroContext | None = None  # the macros' context (mkdocs-macros renders with it, if it renders)


def prepare(root: Path, docs_dir: Path, settings, url_of, site_files: list[str], directory_urls: bool,
            package_mode: str = "hosted", conf: dict | None = None, render_pages: bool = True,
            cache_dir: Path | None = None) -> Site:
    """Read the course and render it. Raises ContentErrors with every mistake found.
    `url_of(docs path)` is a file's URL in the site (None when there is no such file);
    `render_pages=False` when another plugin (mkdocs-macros) renders the pages' macros."""
    problems = Problems()
    course = load_course(root, docs_dir, settings, problems)
    course.package_mode = package_mode
    course.site_url = (conf or {}).get("site_url") or ""
    site = Site(course)
    if problems:  # the pages are rendered once every file they draw on could be read
        raise ContentErrors(problems)
    ctx = MacroContext(course)
    engine = engine_macros(ctx)
    try:
        own = course_macros(root, settings.macros, conf or {}, engine)
    except AuthorError as error:
        problems.add(error)
        raise ContentErrors(problems) from None
    macros = {**engine, **own}
    site.context = ctx
    for key, bank in list(course.quizzes.items()):
        ctx.page = bank.file  # the facts a bank uses count for the page that shows it (see quiz.macros)
        course.quizzes[key], errors = quiz.rendered_bank(bank, ctx.render_text)
        for error in errors:
            problems.add(error)
    for index, case in enumerate(course.cases):
        ctx.page = case.file  # credited to the pages that show the cases (see cases.macros)
        course.cases[index], errors = cases.rendered_case(case, ctx.render_text)
        for error in errors:
            problems.add(error)
    ctx.page = None
    if render_pages:
        renderer = PageRenderer(macros, cache_dir)
        for src_path, page in course.pages.items():
            ctx.page = src_path
            text, errors = renderer.render(page.body, page.file, page.body_line)
            for error in errors:
                problems.add(error)
            try:
                site.pages[src_path] = finish_markdown(course, text, src_path) if not errors else text
            except AuthorError as error:
                problems.add(error)
    ctx.page = None
    slide_macros = {**{name: f for name, f in engine.items() if name in SLIDE_MACROS}, **own}
    try:
        site.decks = slide_decks.render_decks(course, slide_macros, url_of, site_files, directory_urls,
                                              module_file(root, settings.macros))
    except slide_decks.DeckErrors as errors:
        for error in errors.errors:
            problems.add(error)
    if problems:
        raise ContentErrors(problems)
    return site
