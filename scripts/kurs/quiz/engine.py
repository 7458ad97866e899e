"""mkdocs-quiz, made lighter for the reader and quicker to build.

mkdocs-quiz puts its script (44 kB) and its style into every page with a quiz. Here the script
becomes one minified file, assets/js/quiz-engine.js, which course-progress.js loads when a quiz
comes near the screen: a reader who only reads a module never loads it, and the course's seven
quiz pages share one cached copy. Its style becomes assets/css/quiz.css, linked where mkdocs-quiz
put the style (after the text, so it does not hold up the first paint of the page above it).

mkdocs-quiz also reads its two translation files (.po) again for every question (7 % of a build
here) and sets up a Markdown converter for every question; `faster` keeps both for the rest of
the page.

Under a strict Content-Security-Policy (`script-src 'self'; style-src 'self'`) nothing inline may
run: its texts and settings (two inline scripts) become one JSON block that the engine's file reads
first (quiz-settings.js), its forms lose `onsubmit="return false;"` and `action="javascript:…"`
(course-progress.js keeps a quiz's form from being sent), its progress sidebar with inline styles
is left out when the course turns it off (`show_progress: false`), and the class its
`auto_number` script adds is written into the page.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import rcssmin
import rjsmin

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
SETTINGS_ID = "mkdocs-quiz-settings"  # the JSON block with mkdocs-quiz's texts and settings
_TRANSLATIONS = re.compile(r'<script type="text/javascript">\s*window\.mkdocsQuizTranslations = ')
_CONFIG = re.compile(r'<script type="text/javascript">\s*window\.mkdocsQuizConfig = \{\s*confetti: (true|false),'
                     r'\s*showProgress: (true|false),\s*progressSidebarPosition: "([^"]*)"\s*\};\s*</script>')
_END = re.compile(r";\s*</script>")
_FORM = '<form action="javascript:void(0);" onsubmit="return false;">'
_SIDEBAR = re.compile(r'<div id="quiz-progress-sidebar".*?<nav id="quiz-progress-mobile".*?</nav>', re.S)
_AUTO_NUMBER = re.compile(r'<script type="text/javascript">\s*document\.addEventListener\("DOMContentLoaded", function\(\) \{'
                          r'\s*var article = [^<]*quiz-auto-number[^<]*</script>')
_ARTICLE = '<article class="md-content__inner md-typeset'

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
    engine = (HERE / "quiz-settings.js").read_text(encoding="utf-8") + "\n" + quiz_plugin.js_content
    files.append(File.generated(config, ENGINE, content=rjsmin.jsmin(engine)))
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
    html = html.replace(quiz_plugin.style, f'<link rel="stylesheet" href="{get_relative_url(STYLE, page_url)}">')
    return without_inline_code(html, src_path)


def without_inline_code(html: str, src_path: str) -> str:
    """mkdocs-quiz's inline scripts, event attributes and inline styles out of the page (see above)."""
    translations = _TRANSLATIONS.search(html)
    config = _CONFIG.search(html)
    texts, end = None, None
    if translations:
        texts, length = json.JSONDecoder().raw_decode(html, translations.end())
        end = _END.match(html, length)
    if not (end and config and end.end() <= config.start()):
        raise PluginError(f"{src_path}: mkdocs-quiz's inline settings were not found; "
                          "scripts/kurs/quiz/engine.py needs updating for this mkdocs-quiz version")
    confetti, progress, position = config.groups()
    settings = {"translations": texts, "config": {"confetti": confetti == "true", "showProgress": progress == "true",
                                                  "progressSidebarPosition": position}}
    block = (f'<script type="application/json" id="{SETTINGS_ID}">'
             + json.dumps(settings, ensure_ascii=False).replace("</", "<\\/") + "</script>")
    html = html[: config.start()] + html[config.end():]
    html = html[: translations.start()] + block + html[end.end():]
    html = html.replace(_FORM, "<form>")
    if progress == "false":
        html = _SIDEBAR.sub("", html)
    if _AUTO_NUMBER.search(html):
        html = _AUTO_NUMBER.sub("", html).replace(_ARTICLE, _ARTICLE + " quiz-auto-number", 1)
    return html
