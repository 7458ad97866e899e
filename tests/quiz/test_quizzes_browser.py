"""The quizzes as a learner uses them, in Debian's Chromium: exact scores for every quiz, answers
kept across a reload (and in view for a learner who reloads at the results), Återställ, the verdict
at the pass mark and the best attempt kept, keyboard-only use, axe in every state, and the engine
loaded when it is needed."""

from __future__ import annotations

import json
import re

import pytest
from conftest import STORAGE_KEY, axe_light_and_dark, course_content, format_violations, module_paths, press_tab_until
from playwright.sync_api import expect
from quizzing import QUIZZES, answer, answer_all, answer_with, js_round, right_count_for, right_indices, wrong_index

QUIZ_PAGES = [(f"modul-{n}", path) for n, path in enumerate(module_paths(), start=1)] + [("slutprov", "slutprov/")]
IDS = [key for key, _ in QUIZ_PAGES]
RECORD_KEY = STORAGE_KEY


def record(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{RECORD_KEY}')") or "null")


def settle(page) -> None:
    """Wait until the page has drawn twice and is idle: whatever was due to happen has."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => requestIdleCallback(done))))")


def reset(page) -> None:
    """Återställ svaren, confirmed: every answer is gone."""
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".quiz-results-reset").click()
    expect(page.locator(".quiz-results-answered")).to_have_text("0")
    expect(page.locator(".quiz-results-complete")).to_be_hidden()
    expect(page.locator(".quiz fieldset input:checked")).to_have_count(0)


@pytest.mark.parametrize("key,path", QUIZ_PAGES, ids=IDS)
def test_every_quiz_scores_exactly_keeps_its_answers_over_a_reload_and_reset_clears_them(page, base_url, key, path):
    """Right-wrong-right-…: a right answer counts as right and a wrong one as wrong, each question
    says which it was, and the score is exact on the page and in the course's record. (That every
    option is marked as its bank says is tests/quiz/test_quizzes.py's; the best of two attempts is
    the verdict test's.)"""
    questions = QUIZZES[key].questions
    total = len(questions)
    page.goto(base_url + path)
    expect(page.locator(".quiz")).to_have_count(total)
    pattern = [number % 2 == 0 for number in range(total)]
    answer_all(page, key, pattern)
    for number, right in enumerate(pattern):
        expect(page.locator(".quiz").nth(number).locator(".quiz-feedback-item").first).to_have_class(
            re.compile(r"\bcorrect\b" if right else r"\bincorrect\b"))
    correct = sum(pattern)
    score = js_round(100 * correct / total)
    expect(page.locator(".quiz-results-correct")).to_have_text(str(correct))
    expect(page.locator(".quiz-results-score-value")).to_have_text(f"{score}%")
    stored = record(page)["quizzes"][key]
    assert (stored["correct"], stored["total"], stored["score"]) == (correct, total, score)

    page.reload()
    page.locator(".quiz").last.scroll_into_view_if_needed()  # the reader goes to the quiz
    expect(page.locator(".quiz-results-score-value")).to_have_text(f"{score}%")
    for number, (question, right) in enumerate(zip(questions, pattern)):
        chosen = right_indices(question) if right else [wrong_index(question)]
        inputs = page.locator(".quiz").nth(number).locator("fieldset input")
        for index in range(len(question.answers)):
            expect(inputs.nth(index)).to_be_checked(checked=index in chosen)
    reset(page)


@pytest.mark.parametrize("key,path", [QUIZ_PAGES[0], QUIZ_PAGES[-1]], ids=["modul-1", "slutprov"])
def test_a_learner_who_reloads_at_the_results_has_them_in_view_once_the_page_has_loaded(page, base_url, key, path):
    """The engine puts the answers, explanations and results back, which makes the page longer.
    A browser puts a reader who reloads back where they were as the page loads; on a slow machine
    a page whose engine came later was still short then, and the reader landed below the results,
    the quiz not loaded. A page with answers on it loads the engine at once."""
    page.goto(base_url + path)
    answer_all(page, key, [True] * len(QUIZZES[key].questions))
    score = page.locator(".quiz-results-score-value")
    expect(score).to_have_text("100%")
    score.scroll_into_view_if_needed()
    page.add_init_script("""addEventListener("load", () => {
        const score = document.querySelector(".quiz-results-score-value");
        window.scoreAtLoad = score.checkVisibility() ? score.textContent : "not shown";
    });""")
    page.reload()
    assert page.evaluate("window.scoreAtLoad") == "100%"
    expect(score).to_be_in_viewport()


@pytest.mark.parametrize("key,path,noun,retry", [
    ("modul-2", QUIZ_PAGES[1][1], "quizet", "Läs modulen igen."),
    ("slutprov", "slutprov/", "provet", "Läs modulerna igen."),
], ids=["module", "final-test"])
def test_the_verdict_turns_at_the_pass_mark_and_the_best_attempt_is_kept(page, base_url, key, path, noun, retry):
    quiz = QUIZZES[key]
    total = len(quiz.questions)
    verdict = page.locator(".course-quiz-verdict")
    below = right_count_for(key, passed=False)
    enough = right_count_for(key, passed=True)
    page.goto(base_url + path)

    answer_with(page, key, below)
    expect(verdict).to_contain_text(f"Du har inte klarat {noun}")
    expect(verdict).to_contain_text(f"minst {quiz.pass_mark} %")
    expect(verdict).to_contain_text(retry)
    assert record(page)["quizzes"][key]["score"] == js_round(100 * below / total) < quiz.pass_mark

    reset(page)
    answer_with(page, key, enough)
    passed = js_round(100 * enough / total)
    expect(verdict).to_contain_text(f"Du har klarat {noun} med {passed} % rätt ({enough} av {total})")
    assert record(page)["quizzes"][key]["score"] == passed >= quiz.pass_mark

    reset(page)
    answer_with(page, key, 0)
    expect(verdict).to_contain_text(f"Du har inte klarat {noun}")
    assert record(page)["quizzes"][key]["score"] == passed  # the best attempt stays


def test_a_stale_engine_event_records_nothing_for_the_page_shown(page, base_url):
    """After an instant navigation mkdocs-quiz keeps firing quizProgressUpdate with the last page's
    progress. Our record takes the event only as a trigger and reads the answers of the page shown,
    so such an event records nothing. (The site has no site_url, so its sitemap is empty and
    Material's instant navigation never starts here: every click loads a page. The event is fired
    as the engine fires it.)"""
    page.goto(base_url + module_paths()[0])
    answer_all(page, "modul-1", [True] * len(QUIZZES["modul-1"].questions))
    progress = page.evaluate("""() => ({total: document.querySelectorAll('.quiz').length,
        answered: Number(document.querySelector('.quiz-results-answered').textContent),
        correct: Number(document.querySelector('.quiz-results-correct').textContent), percentage: 100, score: 100})""")
    page.goto(base_url + module_paths()[1])
    page.locator(".quiz").first.scroll_into_view_if_needed()
    page.wait_for_function("() => window.courseQuizRecord && document.querySelector('.quiz .quiz-reset-button')")
    page.evaluate("detail => window.dispatchEvent(new CustomEvent('quizProgressUpdate', {detail}))", progress)
    settle(page)
    stored = record(page)["quizzes"]
    assert "modul-1" in stored and "modul-2" not in stored
    expect(page.locator(".course-quiz-verdict")).to_be_empty()
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


@pytest.mark.parametrize("key,path", [QUIZ_PAGES[0], QUIZ_PAGES[-1]], ids=["modul-1", "slutprov"])
def test_axe_finds_nothing_in_answered_and_finished_states_light_or_dark(page, base_url, key, path):
    """The quiz before an answer is the page as tests/site/test_site_browser.py checks it."""
    page.goto(base_url + path)
    questions = QUIZZES[key].questions
    states = {}
    answer(page, 0, [wrong_index(questions[0])])  # wrong: feedback, explanation, right answer marked
    states["answered"] = axe_light_and_dark(page)
    for number in range(1, len(questions)):
        answer(page, number, right_indices(questions[number]))
    expect(page.locator(".quiz-results-complete")).to_be_visible()
    states["finished"] = axe_light_and_dark(page)
    problems = {f"{state}, {mode}": format_violations(v)
                for state, by_mode in states.items() for mode, v in by_mode.items() if v}
    assert not problems, f"{key}: {problems}"


def test_quiz_pages_carry_the_quiz_and_the_engine_is_one_file(site_dir):
    """mkdocs-quiz inlines its 44 kB engine in each quiz page; the engine (kurs/quiz/engine.py) makes it one file."""
    quiz_pages = {path for _, path in QUIZ_PAGES}
    for html_file in site_dir.rglob("index.html"):
        path = html_file.parent.relative_to(site_dir).as_posix() + "/"
        path = "" if path == "./" else path
        html = html_file.read_text(encoding="utf-8")
        assert ('id="mkdocs-quiz-settings"' in html) == (path in quiz_pages), path  # its settings, as JSON
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

    def requested_once_in(expected: set[str]) -> set[str]:
        """The course scripts asked for, once the expected ones have arrived and the page has settled."""
        for name in expected:
            page.wait_for_function("name => performance.getEntriesByType('resource')"
                                   ".some(e => e.name.endsWith('/' + name))", arg=name)
        settle(page)
        return {name for name in requested if name in PAGE_SCRIPTS}

    page.goto(base_url + path)
    page.wait_for_function("() => document.querySelector('.course-progress--ready')")  # course-progress.js has run
    assert requested_once_in(at_load) == at_load
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, height, 360):  # read down the page, half a window at a time, each view drawn
        page.evaluate("y => new Promise(done => { window.scrollTo(0, y);"
                      " requestAnimationFrame(() => requestAnimationFrame(done)); })", y)
    assert requested_once_in(at_the_end) == at_the_end


def test_an_answer_given_before_the_engine_is_in_counts_once_it_is(page, base_url):
    """A quick jump to the quiz: the answer is held while the engine loads, then given."""
    held = []
    page.route("**/assets/js/quiz-engine.js", lambda route: held.append(route))
    page.goto(base_url + QUIZ_PAGES[0][1])
    quiz = page.locator(".quiz").first
    with page.expect_request("**/assets/js/quiz-engine.js"):  # on coming near, or on the press
        quiz.locator("fieldset input").nth(right_indices(QUIZZES["modul-1"].questions[0])[0]).check()
        quiz.locator("button[type=submit]").click()
    feedback = quiz.locator(".quiz-feedback")
    expect(feedback).to_be_hidden()
    settle(page)
    assert len(held) == 1
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
    case = course_content().cases[0]
    folded = case.questions[0].comment.strip().splitlines()[0]
    assert "Att tänka på" in module_6 and folded in module_6
    assert folded not in text
    assert "Skriv inte namn, personnummer" in module_6 and "Skriv inte namn, personnummer" not in text
    assert case.story.split(".")[0] in text  # the cases themselves can be found
