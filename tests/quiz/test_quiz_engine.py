"""The lighter quiz engine (kurs/quiz/engine.py), tested as plain functions: mkdocs-quiz's script
and style in files of their own, and its per-question lookups done once per page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from kurs.quiz import engine as quizengine
from mkdocs.exceptions import PluginError
from mkdocs_quiz import plugin as quiz_plugin


# A quiz page as mkdocs-quiz 1.7.1 writes it (plugin.py, on_page_content): the quiz, its progress
# sidebar, its style, its texts and settings as inline scripts, and its engine.
QUIZ = """<div class="quiz" id="quiz-1"><form action="javascript:void(0);" onsubmit="return false;">
<button type="submit" class="quiz-button">Svara</button></form></div>"""
SIDEBAR = """<div id="quiz-progress-sidebar" aria-label="Dina svar" style="display: none;">
<div class="quiz-progress-bar-correct" style="width: 0%"></div></div>
<nav id="quiz-progress-mobile" class="quiz-progress-mobile md-nav" aria-label="Dina svar" style="display: none;">
<a href="#" class="quiz-reset-all-link" style="color: var(--md-primary-fg-color); text-decoration: none;">x</a>
</nav>"""
SETTINGS = """<script type="text/javascript">
window.mkdocsQuizTranslations = {"Submit": "Svara", "Reset": "</script>"};
</script><script type="text/javascript">
window.mkdocsQuizConfig = {
  confetti: false,
  showProgress: false,
  progressSidebarPosition: "top"
};
</script>"""


def quiz_page(settings: str = SETTINGS) -> str:
    return QUIZ + SIDEBAR + quiz_plugin.style + settings + quiz_plugin.js_script


def test_the_quiz_engine_and_its_style_leave_the_page_for_files_of_their_own():
    slim = quizengine.slim_page(quiz_page(), "moduler/a.md", "moduler/a/")
    assert quiz_plugin.js_content not in slim and quiz_plugin.style_content not in slim
    assert '<link rel="stylesheet" href="../../assets/css/quiz.css">' in slim
    assert 'href="assets/css/quiz.css">' in quizengine.slim_page(quiz_page(), "a.md", "a.html")  # the package's URLs


def test_nothing_inline_is_left_for_a_strict_content_security_policy():
    """mkdocs-quiz's texts and settings become one JSON block (read by quiz-settings.js); no inline
    script, event attribute, javascript: URL or inline style is left."""
    slim = quizengine.slim_page(quiz_page(), "moduler/a.md", "moduler/a/")
    blocks = re.findall(r"<script([^>]*)>(.*?)</script>", slim, re.S)
    assert [attributes for attributes, _ in blocks] == [' type="application/json" id="mkdocs-quiz-settings"']
    assert json.loads(blocks[0][1]) == {"translations": {"Submit": "Svara", "Reset": "</script>"},
                                        "config": {"confetti": False, "showProgress": False, "progressSidebarPosition": "top"}}
    assert not re.search(r"\son\w+=|javascript:|style=", slim), slim
    assert '<form>' in slim and 'class="quiz-button"' in slim
    engine = (Path(quizengine.__file__).parent / "quiz-settings.js").read_text(encoding="utf-8")
    assert quizengine.SETTINGS_ID in engine


def test_a_page_whose_quiz_settings_are_not_found_fails_the_build_with_the_page():
    broken = quiz_page(SETTINGS.replace("window.mkdocsQuizConfig", "window.quizConfig"))
    with pytest.raises(PluginError, match="a.md: mkdocs-quiz's inline settings were not found"):
        quizengine.slim_page(broken, "a.md", "a/")


def test_a_quiz_page_whose_engine_is_not_found_fails_the_build_with_the_page():
    """If a new mkdocs-quiz adds its script differently, the build says so instead of shipping it twice."""
    page = '<div class="quiz"></div><script>window.mkdocsQuizConfig = {};</script><script src="quiz.js"></script>'
    with pytest.raises(PluginError, match="a.md: mkdocs-quiz's inline script and style were not found"):
        quizengine.slim_page(page, "a.md", "a/")
    assert quizengine.slim_page("<p>Ingen quiz.</p>", "b.md", "b/") == "<p>Ingen quiz.</p>"


def test_translations_are_looked_up_once_per_page():
    calls = []

    class Plugin:
        def _get_translation_manager(self, page, config):
            calls.append(page)
            return f"svenska för {page}"

    plugin = Plugin()
    quizengine.faster(plugin)
    quizengine.faster(plugin)  # a second build's on_config: not wrapped twice
    first, second = object(), object()
    assert [plugin._get_translation_manager(p, None) for p in (first, first, first, second, second)] == [
        f"svenska för {first}"] * 3 + [f"svenska för {second}"] * 2
    assert calls == [first, second]


def test_a_kept_markdown_converter_is_reset_before_each_reuse():
    made, resets = [], []

    class Converter:
        def reset(self):
            resets.append(self)

    class Plugin:
        def _create_fragment_markdown(self, page, config, files):
            made.append(Converter())
            return made[-1]

    plugin = Plugin()
    quizengine.faster(plugin)
    page = object()
    first = plugin._create_fragment_markdown(page, None, None)
    assert plugin._create_fragment_markdown(page, None, None) is first and resets == [first]
    assert plugin._create_fragment_markdown(object(), None, None) is not first and len(made) == 2
