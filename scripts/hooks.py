"""Thin MkDocs hooks: hand each event to a plain function in scripts/course/.

Any AuthorError (a mistake in facts.yml, glossary.yml, a page's front matter or a macro
call) becomes a PluginError, which MkDocs prints as one line and which fails the build.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent))

from course import macros as course_macros  # noqa: E402
from course import decks as course_decks  # noqa: E402
from course import pages  # noqa: E402
from course.errors import AuthorError  # noqa: E402

_state: dict = {}


def on_config(config):
    root = Path(config.config_file_path).parent
    try:
        course = course_macros.load_course(root, Path(config.docs_dir))
    except AuthorError as error:
        raise PluginError(str(error)) from None
    plugin = config.plugins["macros"]
    plugin.register_macros(course_macros.course_macros(course, lambda: plugin.page))
    pages.report_template_errors(course)
    _state["course"] = course
    return config


def on_serve(server, config, builder):
    root = Path(config.config_file_path).parent
    for watched in (course_macros.FACTS_FILE, course_macros.GLOSSARY_FILE, course_macros.QUIZ_DIR, "slides"):
        if (root / watched).exists():
            server.watch(str(root / watched))
    return server


def on_files(files, config):
    try:
        course_decks.add_decks(_state["course"], files, config)
    except AuthorError as error:
        raise PluginError(str(error)) from None
    return files


def on_page_markdown(markdown, page, config, files):
    try:
        return pages.finish_markdown(_state["course"], markdown, page.file.src_path, page.meta)
    except AuthorError as error:
        raise PluginError(str(error)) from None


def on_page_content(html, page, config, files):
    return pages.first_tooltips_only(html)
