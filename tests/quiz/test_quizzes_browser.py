"""The quizzes as a learner uses them, in Debian's Chromium: exact scores, answers kept across
a reload, Återställ, the final test's verdict and record, keyboard-only use, and axe in every state."""

from __future__ import annotations

import json

import pytest
from conftest import STORAGE_KEY, course, format_violations, module_paths, press_tab_until, run_axe
from playwright.sync_api import expect
from quizzing import QUIZZES, answer, answer_all, answer_with, js_round, right_count_for, right_indices, wrong_index

QUIZ_PAGES = [(f"modul-{n}", path) for n, path in enumerate(module_paths(), start=1)] + [("slutprov", "slutprov/")]
IDS = [key for key, _ in QUIZ_PAGES]
RECORD_KEY = STORAGE_KEY


def record(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{RECORD_KEY}')") or "null")


@pytest.mark.parametrize("key,path", QUIZ_PAGES, ids=IDS)
def test_all_right_scores_100_survives_reload_and_reset_clears(page, base_url, key, path):
    page.goto(base_url + path)
    total = len(QUIZZES[key].questions)
    expect(page.locator(".quiz")).to_have_count(total)
    answer_all(page, key, [True] * total)
    expect(page.locator(".quiz-results-score-value")).to_have_text("100%")
    assert record(page)["quizzes"][key]["score"] == 100

    page.reload()
    page.locator(".quiz-results").scroll_into_view_if_needed()  # the engine loads when the quiz is near; then it shows the score
    expect(page.locator(".quiz-results-score-value")).to_have_text("100%")
    first_right = right_indices(QUIZZES[key].questions[0])[0]
    expect(page.locator(".quiz").first.locator("fieldset input").nth(first_right)).to_be_checked()

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".quiz-results-reset").click()
    expect(page.locator(".quiz-results-answered")).to_have_text("0")
    expect(page.locator(".quiz-results-complete")).to_be_hidden()
    assert page.locator(".quiz fieldset input:checked").count() == 0


@pytest.mark.parametrize("key,path", QUIZ_PAGES, ids=IDS)
def test_a_known_mix_of_answers_gives_exactly_that_score(page, base_url, key, path):
    page.goto(base_url + path)
    total = len(QUIZZES[key].questions)
    pattern = [number % 2 == 0 for number in range(total)]  # right, wrong, right, …
    answer_all(page, key, pattern)
    correct = sum(pattern)
    score = js_round(100 * correct / total)
    expect(page.locator(".quiz-results-correct")).to_have_text(str(correct))
    expect(page.locator(".quiz-results-score-value")).to_have_text(f"{score}%")
    stored = record(page)["quizzes"][key]
    assert (stored["correct"], stored["total"], stored["score"]) == (correct, total, score)


def test_final_test_at_or_above_the_pass_mark_is_passed(page, base_url):
    quiz = QUIZZES["slutprov"]
    needed = right_count_for("slutprov", passed=True)
    page.goto(base_url + "slutprov/")
    answer_with(page, "slutprov", needed)
    expect(page.locator(".course-quiz-verdict")).to_contain_text("Du har klarat provet")
    stored = record(page)["quizzes"]["slutprov"]
    assert stored["score"] == js_round(100 * needed / len(quiz.questions)) >= quiz.pass_mark


def test_final_test_below_the_pass_mark_is_not_passed(page, base_url):
    quiz = QUIZZES["slutprov"]
    below = right_count_for("slutprov", passed=False)
    page.goto(base_url + "slutprov/")
    answer_with(page, "slutprov", below)
    expect(page.locator(".course-quiz-verdict")).to_contain_text("Du har inte klarat provet")
    expect(page.locator(".course-quiz-verdict")).to_contain_text(f"minst {quiz.pass_mark} %")
    assert record(page)["quizzes"]["slutprov"]["score"] == js_round(100 * below / len(quiz.questions)) < quiz.pass_mark


def test_a_module_quiz_says_whether_it_is_passed_and_the_best_attempt_is_kept(page, base_url):
    quiz = QUIZZES["modul-2"]
    page.goto(base_url + module_paths()[1])
    answer_with(page, "modul-2", right_count_for("modul-2", passed=False))
    expect(page.locator(".course-quiz-verdict")).to_contain_text("Du har inte klarat quizet")
    expect(page.locator(".course-quiz-verdict")).to_contain_text("Läs modulen igen.")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".quiz-results-reset").click()
    answer_all(page, "modul-2", [True] * len(quiz.questions))
    expect(page.locator(".course-quiz-verdict")).to_contain_text("Du har klarat quizet med 100 % rätt")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".quiz-results-reset").click()
    answer_with(page, "modul-2", 0)
    expect(page.locator(".course-quiz-verdict")).to_contain_text("Du har inte klarat quizet")
    assert record(page)["quizzes"]["modul-2"]["score"] == 100  # the best attempt stays


def test_stale_engine_events_after_instant_navigation_record_nothing(page, base_url):
    page.goto(base_url + module_paths()[0])
    answer_all(page, "modul-1", [True] * len(QUIZZES["modul-1"].questions))
    page.locator("a.md-footer__link--next").click()  # instant navigation to module 2
    page.wait_for_url(base_url + module_paths()[1])
    expect(page.locator(".quiz").first).to_be_visible()
    page.wait_for_timeout(500)
    stored = record(page)["quizzes"]
    assert "modul-1" in stored and "modul-2" not in stored
    expect(page.locator(".quiz-results-answered")).to_have_text("0")


def test_a_quiz_can_be_completed_with_the_keyboard_alone(page, base_url):
    key = "modul-1"
    page.goto(base_url + module_paths()[0])
    page.locator(".quiz-intro-reset").focus()  # start just above the quiz, then only keys
    for number, question in enumerate(QUIZZES[key].questions):
        quiz = f"document.querySelector('#quiz-{number}')"
        press_tab_until(page, f"{quiz}.contains(document.activeElement) && document.activeElement.tagName === 'INPUT'")
        right = right_indices(question)
        if question.multiple:
            for index in range(len(question.answers)):
                if index in right:
                    page.keyboard.press("Space")
                if index < len(question.answers) - 1:
                    page.keyboard.press("Tab")
        else:
            page.keyboard.press("Space")
            for _ in range(right[0]):
                page.keyboard.press("ArrowDown")
            # moving with the arrow keys selects but does not answer (WCAG 3.2.2)
            expect(page.locator(f"#quiz-{number} .quiz-feedback")).to_be_hidden()
        press_tab_until(page, f"document.activeElement === {quiz}.querySelector('button[type=submit]')")
        page.keyboard.press("Enter")
        expect(page.locator(f"#quiz-{number} .quiz-feedback")).to_contain_text("Rätt svar")
    expect(page.locator(".quiz-results-score-value")).to_have_text("100%")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("key,path", [QUIZ_PAGES[0], QUIZ_PAGES[-1]], ids=["modul-1", "slutprov"])
def test_axe_finds_nothing_in_initial_answered_and_finished_states(page, base_url, key, path, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + path)
    questions = QUIZZES[key].questions
    states = {}
    states["initial"] = run_axe(page)
    answer(page, 0, [wrong_index(questions[0])])  # wrong: feedback, explanation, right answer marked
    states["answered"] = run_axe(page)
    for number in range(1, len(questions)):
        answer(page, number, right_indices(questions[number]))
    expect(page.locator(".quiz-results-complete")).to_be_visible()
    states["finished"] = run_axe(page)
    problems = {state: format_violations(v) for state, v in states.items() if v}
    assert not problems, f"{key} ({scheme}): {problems}"


def test_quiz_pages_carry_the_quiz_and_the_engine_is_one_file(site_dir):
    """mkdocs-quiz inlines its 44 kB engine in each quiz page; the engine (kurs/quiz/engine.py) makes it one file."""
    quiz_pages = {path for _, path in QUIZ_PAGES}
    for html_file in site_dir.rglob("index.html"):
        path = html_file.parent.relative_to(site_dir).as_posix() + "/"
        path = "" if path == "./" else path
        html = html_file.read_text(encoding="utf-8")
        assert ("window.mkdocsQuizConfig" in html) == (path in quiz_pages), path
        assert "quiz_progress_" not in html, path  # the engine's code
    assert "quiz_progress_" in (site_dir / "assets" / "js" / "quiz-engine.js").read_text(encoding="utf-8")


PAGE_SCRIPTS = ("quiz-record.js", "quiz-engine.js", "course-notes.js", "course-mydata.js", "course-certificate.js")
QUIZ_SCRIPTS = {"quiz-record.js", "quiz-engine.js"}


@pytest.mark.parametrize("path,at_load,at_the_end", [
    ("", set(), set()),
    ("moduler/1-vad-ar-manniskohandel/", set(), QUIZ_SCRIPTS | {"course-notes.js"}),
    ("slutprov/", QUIZ_SCRIPTS, QUIZ_SCRIPTS),
    ("mina-uppgifter/", {"course-mydata.js", "course-notes.js"}, {"course-mydata.js", "course-notes.js"}),
    ("intyg/", {"course-certificate.js"}, {"course-certificate.js"}),
])
def test_a_page_loads_the_course_scripts_it_uses_when_it_comes_to_them(page, base_url, path, at_load, at_the_end):
    """Quiz and note scripts load when a quiz or note field comes near the window, not before."""
    requested = []
    page.on("request", lambda request: requested.append(request.url.rsplit("/", 1)[-1]))
    page.goto(base_url + path, wait_until="networkidle")
    page.wait_for_timeout(300)
    assert {name for name in requested if name in PAGE_SCRIPTS} == at_load
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, height, 360):  # read down the page, half a window at a time
        page.evaluate("y => window.scrollTo(0, y)", y)
        page.wait_for_timeout(30)
    for name in at_the_end:
        page.wait_for_function("name => performance.getEntriesByType('resource').some(e => e.name.endsWith('/' + name))",
                               arg=name)
    page.wait_for_timeout(300)
    assert {name for name in requested if name in PAGE_SCRIPTS} == at_the_end


def test_an_answer_given_before_the_engine_is_in_counts_once_it_is(page, base_url):
    """A quick jump to the quiz: the answer is held while the engine loads, then given."""
    held = []
    page.route("**/assets/js/quiz-engine.js", lambda route: held.append(route))
    page.goto(base_url + QUIZ_PAGES[0][1])
    quiz = page.locator(".quiz").first
    quiz.locator("fieldset input").nth(right_indices(QUIZZES["modul-1"].questions[0])[0]).check()
    quiz.locator("button[type=submit]").click()
    page.wait_for_timeout(300)
    assert len(held) == 1
    feedback = quiz.locator(".quiz-feedback")
    expect(feedback).to_be_hidden()
    held[0].continue_()
    expect(feedback).to_be_visible()
    expect(feedback).to_contain_text("Rätt")
    expect(page.locator(".quiz-results-answered")).to_have_text("1")


def test_quiz_answers_and_copied_pages_stay_out_of_the_search_index(site_dir):
    docs = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text = " ".join(doc["text"] for doc in docs)
    assert not [doc["location"] for doc in docs if doc["location"].startswith("utbildare/fallovningar")]
    for bank in QUIZZES.values():
        wrong = max((a.text for q in bank.questions for a in q.answers if not a.is_right), key=len)  # a sentence
        assert wrong not in text, (bank.key, wrong)
    assert any(doc["location"].startswith("moduler/3-betanketid/") for doc in docs)
    # module 6's folded "Att tänka på" boxes (a hit would land in a closed box) and the notice above
    # each module's note fields (the same text six times) are on the pages but not in the index
    module_6 = (site_dir / "moduler" / "6-diskutera-och-agera" / "index.html").read_text(encoding="utf-8")
    case = course().cases[0]
    folded = case.questions[0].comment.strip().splitlines()[0]
    assert "Att tänka på" in module_6 and folded in module_6
    assert folded not in text
    assert "Skriv inte namn, personnummer" in module_6 and "Skriv inte namn, personnummer" not in text
    assert case.story.split(".")[0] in text  # the cases themselves can be found
