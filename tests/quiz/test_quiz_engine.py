"""The lighter quiz engine (kurs/quiz/engine.py), tested as plain functions: mkdocs-quiz's script
and style in files of their own, and its per-question lookups done once per page."""

from __future__ import annotations

import pytest
from kurs.quiz import engine as quizengine
from mkdocs.exceptions import PluginError
from mkdocs_quiz import plugin as quiz_plugin


def test_the_quiz_engine_and_its_style_leave_the_page_for_files_of_their_own():
    page = f"<div class=\"quiz\"></div><script>window.mkdocsQuizConfig = {{}};</script>{quiz_plugin.style}{quiz_plugin.js_script}"
    slim = quizengine.slim_page(page, "moduler/a.md", "moduler/a/")
    assert quiz_plugin.js_content not in slim and quiz_plugin.style_content not in slim
    assert slim.endswith('<link rel="stylesheet" href="../../assets/css/quiz.css">')
    assert quizengine.slim_page(page, "a.md", "a.html").endswith('href="assets/css/quiz.css">')  # the package's URLs


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
