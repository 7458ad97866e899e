"""Thin MkDocs hooks: hand each event to a plain function in scripts/course/.

Any AuthorError (a mistake in facts.yml, glossary.yml, a page's front matter or a macro
call) becomes a PluginError, which MkDocs prints as one line and which fails the build.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent))

from course import macros as course_macros  # noqa: E402
from course import minify  # noqa: E402
from course import quizengine  # noqa: E402
from course import decks as course_decks  # noqa: E402
from course import factsheets  # noqa: E402
from course import offline  # noqa: E402
from course import pages  # noqa: E402
from course import progress  # noqa: E402
from course.cases import CASE_DIR, folded_comments_unsearched  # noqa: E402
from course.errors import AuthorError  # noqa: E402
from course.render import PageRenderer, keep_compiled  # noqa: E402

_state: dict = {}
JINJA_CACHE = ".cache/jinja"


def on_startup(command, dirty):
    _state["command"] = command


def on_config(config):
    root = Path(config.config_file_path).parent
    try:
        course = course_macros.load_course(root, Path(config.docs_dir))
    except AuthorError as error:
        raise PluginError(str(error)) from None
    macros = course_macros.course_macros(course, lambda: _state["page"])
    _state["render"] = PageRenderer(macros, course.errors, root / JINJA_CACHE / "sidor")
    quizengine.faster(config.plugins["mkdocs_quiz"])
    if offline.is_offline_build(config):
        course.package_mode = "package"
    elif _state.get("command") == "serve":
        course.package_mode = "preview"
    _state["course"] = course
    return config


def on_serve(server, config, builder):
    root = Path(config.config_file_path).parent
    for watched in (course_macros.FACTS_FILE, course_macros.GLOSSARY_FILE, course_macros.QUIZ_DIR, "slides", CASE_DIR):
        if (root / watched).exists():
            server.watch(str(root / watched))
    return server


def on_files(files, config):
    course = _state["course"]
    try:
        course_decks.add_decks(course, files, config)
    except AuthorError as error:
        raise PluginError(str(error)) from None
    minify.assets(files, config)
    quizengine.add_engine(files, config)
    _state["built_sheets"] = {}
    factsheets.add_pdf_files(course.factsheets, files, config, _cache_dir(config))
    _state["reflections"] = {}
    files.append(File.generated(config, progress.DATA_FILE, content=""))  # filled in on_env
    _state["packages"] = {}
    if course.package_mode == "hosted":  # made in on_env, copied to the site after it
        for name in offline.PACKAGES:
            files.append(File.generated(config, name, abs_src_path=str(offline.cached_package(course.root, name))))
    return files


@event_priority(50)  # before mkdocs-quiz, which turns the <quiz> blocks that {{ quiz(…) }} writes into quizzes
def on_page_markdown(markdown, page, config, files):
    _state["page"] = page
    markdown = _state["render"].render(markdown, page.file.src_path, page.file.abs_src_path)
    try:
        return pages.finish_markdown(_state["course"], markdown, page.file.src_path, page.meta)
    except AuthorError as error:
        raise PluginError(str(error)) from None


def on_page_content(html, page, config, files):
    course = _state["course"]
    sheet = course.sheet_for(page.file.src_path)
    if sheet:
        try:
            _state["built_sheets"][sheet.key] = factsheets.pdf_for_page(
                sheet, html, course.facts, course_macros.swedish_date(course.last_checked(sheet.src_path)),
                config.site_author or config.site_name, _cache_dir(config), Path(config.docs_dir), page.url,
            )
        except AuthorError as error:
            raise PluginError(str(error)) from None
    html = folded_comments_unsearched(pages.first_tooltips_only(html))
    module = course.module_for(page.file.src_path)
    if module:
        my_data = files.get_file_from_path(progress.MY_DATA_PAGE)
        try:
            html, _state["reflections"][module.number] = progress.add_note_fields(
                html, module.number, page.file.src_path, my_data.url_relative_to(page.file) if my_data else "",
            )
        except AuthorError as error:
            raise PluginError(str(error)) from None
    return html


def on_env(env, config, files):
    """Every page has been rendered: write the course's structure for the learner's scripts.
    The theme's templates are kept compiled in .cache/jinja/ (Jinja checks each against its source)."""
    keep_compiled(env, Path(config.config_file_path).parent / JINJA_CACHE)

    def url_of(src_path: str) -> str | None:
        file = files.get_file_from_path(src_path) if src_path else None
        return file.url if file else None

    try:
        data = progress.course_data(_state["course"], url_of, config.site_name, _state["reflections"])
    except AuthorError as error:
        raise PluginError(str(error)) from None
    files.get_file_from_path(progress.DATA_FILE).content_string = progress.course_data_js(data)
    env.globals["course_pages"] = data["pages"]
    if _state["course"].package_mode == "hosted":
        _state["packages"] = _build_packages(config)
    return env


def _build_packages(config):
    try:
        return offline.packages_for_site(_state["course"].root, config.site_name,
                                        course_macros.swedish_date(datetime.date.today()))
    except AuthorError as error:
        raise PluginError(str(error)) from None


def on_post_page(output, page, config):
    output = factsheets.fill_sizes(output, _state["built_sheets"])
    output = quizengine.slim_page(output, page.file.src_path, page.url)
    return offline.fill_sizes(output, _state["packages"])


def _cache_dir(config) -> Path:
    return Path(config.config_file_path).parent / factsheets.CACHE_DIR
