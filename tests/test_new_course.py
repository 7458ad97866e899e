"""`kurs new` makes a course that builds at once and works: a learner answers its quiz in Chromium
and the progress is saved under the new course's own key, not this course's."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import STORAGE_KEY, format_violations, run_axe, run_mkdocs, serve_folder
from playwright.sync_api import expect

pytestmark = pytest.mark.xdist_group("new-course")  # one worker runs them all: the new course is built once


@pytest.fixture(scope="module")
def new_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kurser") / "brandskydd"
    made = subprocess.run([sys.executable, "-m", "kurs.cli", "new", str(folder), "--titel", "Brandskydd"],
                          capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    checked = subprocess.run([sys.executable, "-m", "kurs.cli", "check"], cwd=folder, capture_output=True, text=True)
    assert checked.returncode == 0 and "Inga fel" in checked.stdout, checked.stdout + checked.stderr
    built = run_mkdocs(folder, folder / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    server, url = serve_folder(folder / "site")
    yield folder, url
    server.shutdown()


def test_a_new_course_is_complete_and_refuses_to_overwrite(new_site):
    folder, _ = new_site
    for name in ("README.md", "mkdocs.yml", "facts.yml", "glossary.yml", "main.py", "quizzes/modul-1.yml",
                 "slides/modul-1.md", "docs/faktablad/checklista.md", "scripts/serve.sh", "scripts/test.sh",
                 ".vscode/settings.json", ".vscode/schemas/quiz.schema.json"):
        assert (folder / name).is_file(), name
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "bash scripts/serve.sh" in readme and "bash scripts/test.sh" in readme
    again = subprocess.run([sys.executable, "-m", "kurs.cli", "new", str(folder)], capture_output=True, text=True)
    assert again.returncode == 1 and "inte tom" in again.stderr


def test_a_learner_answers_the_new_courses_quiz_and_progress_is_its_own(page, new_site):
    folder, url = new_site
    outside = []
    page.on("request", lambda request: outside.append(request.url) if not request.url.startswith(url) else None)
    page.goto(url + "moduler/1-kom-igang/")
    expect(page.locator("h1")).to_contain_text("Kom igång med kursen")
    quiz = page.locator(".quiz")
    expect(quiz).to_have_count(2)
    for number in range(2):
        question = quiz.nth(number)
        question.scroll_into_view_if_needed()
        question.locator("fieldset input").first.check()  # the first answer is the right one
        question.locator("button[type=submit]").click()
        expect(question.locator(".quiz-feedback")).to_contain_text("Rätt")
    expect(page.locator(".course-quiz-verdict")).to_contain_text("100 %")
    stored = json.loads(page.evaluate("localStorage.getItem('brandskydd.kurs')"))
    assert stored["quizzes"]["modul-1"]["score"] == 100
    assert page.evaluate("key => localStorage.getItem(key)", STORAGE_KEY) is None  # this course's key stays unused
    assert not outside, outside


@pytest.mark.parametrize("path", ["", "moduler/1-kom-igang/", "slutprov/", "intyg/", "mina-uppgifter/", "ordlista/",
                                  "faktablad/checklista/", "bildspel/modul-1.html"])
def test_every_page_of_the_new_course_passes_axe(page, new_site, path):
    _, url = new_site
    page.goto(url + path)
    violations = run_axe(page)
    assert not violations, format_violations(violations)
