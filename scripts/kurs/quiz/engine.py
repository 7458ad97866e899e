"""mkdocs-quiz, made lighter for the reader and quicker to build.

mkdocs-quiz puts its script (44 kB) and its style into every page with a quiz. Here the script
becomes one minified file, assets/js/quiz-engine.js, which course-progress.js loads when a quiz
comes near the screen: a reader who only reads a module never loads it, and the course's seven
quiz pages share one cached copy. Its style becomes assets/css/quiz.css, linked where mkdocs-quiz
put the style (after the text, so it does not hold up the first paint of the page above it).

mkdocs-quiz also reads its two translation files (.po) again for every question (7 % of a build
here) and sets up a Markdown converter for every question; `faster` keeps both for the rest of
the page.
"""

from __future__ import annotations

import rcssmin
import rjsmin
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url
from mkdocs_quiz import plugin as quiz_plugin

ENGINE = "assets/js/quiz-engine.js"
STYLE = "assets/css/quiz.css"
QUIZ_MARK = 'class="quiz"'
HERE = Path(__file__).parent
# Our own script beside the engine: records each quiz's best result for the learner's progress.
ASSETS = {"assets/js/quiz-record.js": HERE / "quiz-record.js"}
SCRIPT_TEXTS = {"assets/js/quiz-record.js": "quiz"}  # its texts (locale js:quiz), put in front of it


def once_per_page(plugin, method: str, refresh=None) -> None:
    """Wrap one of the plugin's per-question lookups that depend only on the page: same page,
    same answer (`refresh` readies a kept answer for another use). Used for its translations
    and for its Markdown converter for quiz fragments, which mkdocs-quiz itself reuses within
    a quiz after a .reset()."""
    lookup = getattr(plugin, method, None)
    if lookup is None or getattr(lookup, "once_per_page", False):
        return  # another mkdocs-quiz version: it then simply stays as slow as it is
    kept: dict = {}

    def cached(page, *args):
        if kept.get("page") is not page:
            kept.update(page=page, value=lookup(page, *args))
        elif refresh:
            refresh(kept["value"])
        return kept["value"]

    cached.once_per_page = True
    setattr(plugin, method, cached)


def faster(plugin) -> None:
    once_per_page(plugin, "_get_translation_manager")
    once_per_page(plugin, "_create_fragment_markdown", refresh=lambda converter: converter.reset())


def add_engine(files: Files, config) -> None:
    """The engine as a file, and its style with our colours where its own fall below WCAG AA (quiz.css)."""
    files.append(File.generated(config, ENGINE, content=rjsmin.jsmin(quiz_plugin.js_content)))
    style = quiz_plugin.style_content + "\n" + (HERE / "quiz.css").read_text(encoding="utf-8")
    files.append(File.generated(config, STYLE, content=rcssmin.cssmin(style)))


def slim_page(html: str, src_path: str, page_url: str) -> str:
    """The page without mkdocs-quiz's inline script, and with a link to its style (where the
    style was: at the end of the text, so it does not hold up the first paint above)."""
    if quiz_plugin.js_script not in html or quiz_plugin.style not in html:
        if QUIZ_MARK in html and "window.mkdocsQuizConfig" in html:
            # mkdocs-quiz changed how it adds its script: this module needs updating
            raise PluginError(f"{src_path}: mkdocs-quiz's inline script and style were not found; "
                              "scripts/kurs/quiz/engine.py needs updating for this mkdocs-quiz version")
        return html
    html = html.replace(quiz_plugin.js_script, "")
    return html.replace(quiz_plugin.style, f'<link rel="stylesheet" href="{get_relative_url(STYLE, page_url)}">')
