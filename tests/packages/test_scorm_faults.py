"""The SCORM package with an LMS that fails, and two learners on one browser.

The LMS is scorm-again's API on the test page (test_scorm.py), with some of its calls made to fail
the ways real ones do: an error code ("false" or "" and LMSGetLastError 101), a throw, or nothing
returned. Whatever the LMS does, the learner gets the course and a short message in Swedish, what
the LMS kept is never overwritten with what could not be read, a failed write is sent again, and
the frame never leaves the package."""

from __future__ import annotations

import json

import pytest
from conftest import format_violations, run_axe
from playwright.sync_api import expect
from quizzing import QUIZZES, answer, answer_with, right_count_for, right_indices
from test_scorm import MODULE_1, calls, lms_url, scorm_zip, set_values  # noqa: F401 (fixtures)

# Make calls of the test LMS fail: {call: how} for every element, or {call: {element: how}} or
# {call: {"element=value": how}}; how is "error", "throw", "undefined" or "error-once" (the first
# such call fails, later ones work).
BREAK = """faults => {
  const real = {}, seen = {};
  window.lmsTried = [];  // every LMSSetValue the course tried, taken or not
  let lastError = null;
  ["LMSInitialize", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSFinish", "LMSGetLastError"].forEach(name => {
    real[name] = API[name].bind(API);
  });
  ["LMSInitialize", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSFinish"].forEach(name => {
    API[name] = function (element, value) {
      if (name === "LMSSetValue") lmsTried.push([element, value]);
      const spec = faults[name], which = element + "=" + value;
      let how = typeof spec === "string" ? spec : spec && (spec[which] || spec[element]);
      seen[which] = (seen[which] || 0) + 1;
      if (how === "error-once") how = seen[which] === 1 ? "error" : null;
      if (how === "throw") throw new Error("the LMS is down");
      if (how === "undefined") return undefined;
      if (how === "error") { lastError = "101"; return name === "LMSGetValue" ? "" : "false"; }
      lastError = null;
      return real[name](element, value);
    };
  });
  API.LMSGetLastError = () => lastError || real.LMSGetLastError();
}"""
SAVED_PROGRESS = {"version": 2, "modules": {"1": {"readAt": "2026-11-02T09:00:00.000Z"}},
                  "quizzes": {"modul-1": {"correct": 6, "total": 6, "score": 100, "completedAt": "2026-11-02T09:10:00.000Z"}}}


def launch(context, lms_url, saved=None, faults=None):
    """The LMS launches the package in a page of `context`, with what it kept and the calls that fail:
    the LMS page, the launch page's frame and the course's frame (once it shows a page)."""
    page = context.new_page()
    page.goto(lms_url)
    page.evaluate(BREAK, faults or {})
    page.evaluate("saved => launch(saved)", saved)
    page.wait_for_function("document.getElementById('sco').contentDocument?.getElementById('kursen')?.contentDocument"
                           "?.querySelector('article h1')")
    launch_page = page.locator("#sco").element_handle().content_frame()
    course = launch_page.locator("#kursen").element_handle().content_frame()
    return page, launch_page, course


def the_lms(page, element: str) -> str:
    """What the LMS holds now."""
    return page.evaluate("element => API.getCMIValue(element)", element)


def leave(page) -> None:
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("window.lmsCalls.some(c => c[0] === 'LMSFinish')")


@pytest.mark.parametrize("how", ["error", "throw"])
def test_progress_the_lms_cannot_give_is_never_overwritten_and_the_learner_is_told(context, lms_url, how):
    kept = json.dumps(SAVED_PROGRESS)
    page, launch_page, course = launch(context, lms_url, {"suspend_data": kept},
                                       {"LMSGetValue": {"cmi.suspend_data": how}})
    expect(launch_page.locator("#kurs-meddelande")).to_have_text(
        "Kursen kunde inte hämta dina sparade framsteg från lärplattformen och skriver inte över dem. Det du gör nu "
        "sparas i den här webbläsaren, och kursen försöker hämta dem igen.")
    course.goto(lms_url + "paket/" + MODULE_1)  # a new page: the course reports to the LMS
    course.locator(".course-module-status").scroll_into_view_if_needed()
    expect(course.locator(".course-module-status__read")).to_have_text("Du har läst modulen till slutet.")
    page.wait_for_function("window.lmsCalls.some(c => c[1] === 'cmi.core.lesson_location')")
    leave(page)
    assert set_values(page, "cmi.suspend_data") == []
    assert the_lms(page, "cmi.suspend_data") == kept


def test_a_second_learner_on_the_same_browser_sees_none_of_the_first_ones_data(context, lms_url):
    page, _, course = launch(context, lms_url, {"core": {"student_id": "anna-4711"}})
    course.goto(lms_url + "paket/" + MODULE_1)
    answer(course, 0, right_indices(QUIZZES["modul-1"].questions[0]))
    course.locator("#svar-1-1").fill("Annas tankar om fallet.")
    expect(course.locator(".course-notes-status")).to_have_text("Det du skriver sparas i den här webbläsaren.")
    leave(page)
    page.close()

    page, _, course = launch(context, lms_url, {"core": {"student_id": "bertil-4712"}})
    course.goto(lms_url + "paket/mina-uppgifter.html")
    expect(course.locator(".course-mydata__empty")).to_contain_text("Det finns inga sparade uppgifter om dig")
    expect(course.locator(".course-reflections-area")).not_to_contain_text("Annas tankar")
    course.goto(lms_url + "paket/" + MODULE_1)
    course.locator(".quiz").first.scroll_into_view_if_needed()
    expect(course.locator(".quiz-feedback:visible")).to_have_count(0)  # none of Anna's answers
    leave(page)
    page.close()

    page, _, course = launch(context, lms_url, {"core": {"student_id": "anna-4711"}})
    course.goto(lms_url + "paket/mina-uppgifter.html")
    expect(course.locator(".course-reflections-area")).to_contain_text("Annas tankar om fallet.")
    assert "anna-4711" not in json.dumps(page.evaluate("Object.keys(localStorage)"))  # not the LMS's id itself


@pytest.mark.parametrize("call,how,message", [
    ("LMSInitialize", "throw", "Kursen fick ingen kontakt med lärplattformen."),
    ("LMSInitialize", "undefined", "Kursen fick ingen kontakt med lärplattformen."),
    ("LMSGetValue", "throw", "Kursen kunde inte hämta dina sparade framsteg"),
    ("LMSSetValue", "undefined", "Lärplattformen tog inte emot dina senaste framsteg."),
])
def test_an_lms_that_throws_or_answers_nothing_still_shows_the_course_and_a_message(context, lms_url, call, how, message):
    page, launch_page, course = launch(context, lms_url, faults={call: how})
    expect(course.locator("article h1")).to_be_visible()
    expect(launch_page.locator("#kurs-meddelande")).to_contain_text(message)
    if (call, how) == ("LMSInitialize", "throw"):
        problems = run_axe(launch_page)
        assert not problems, format_violations(problems)


def test_a_write_that_fails_once_is_sent_again_and_the_lms_ends_passed(context, lms_url):
    page, launch_page, course = launch(context, lms_url, faults={"LMSSetValue": {"cmi.core.lesson_status=passed": "error-once"}})
    course.goto(lms_url + "paket/slutprov.html")
    answer_with(course, "slutprov", right_count_for("slutprov", passed=True))
    expect(launch_page.locator("#kurs-meddelande")).to_contain_text("Lärplattformen tog inte emot")
    leave(page)  # at unload the course sends what the LMS has not taken
    assert the_lms(page, "cmi.core.lesson_status") == "passed"
    assert set_values(page, "cmi.core.lesson_status")[-1] == "passed"


@pytest.mark.parametrize("location", ["//host/x.html", "/x.html"])
def test_a_saved_location_outside_the_package_opens_the_start_page(context, lms_url, location):
    page, _, course = launch(context, lms_url, {"core": {"lesson_location": location}})
    assert course.url == lms_url + "paket/index.html"


def test_whatever_a_file_holds_the_lms_is_never_sent_more_than_4096_characters(context, lms_url, tmp_path):
    page, _, course = launch(context, lms_url)
    file = tmp_path / "manga-quizzar.json"
    data = {**SAVED_PROGRESS, "quizzes": {**SAVED_PROGRESS["quizzes"],
                                          **{f"quiz-{n}": {"correct": 5, "total": 6} for n in range(150)}}}
    file.write_text(json.dumps(data))
    course.goto(lms_url + "paket/mina-uppgifter.html")
    course.get_by_label("Läs in uppgifter från en fil (.json)").set_input_files(file)
    course.get_by_role("button", name="Ja, läs in filen").click()
    expect(course.locator(".course-mydata__message")).to_contain_text("Uppgifter som inte lästes in: 150.")
    page.wait_for_function("window.lmsCalls.some(c => c[1] === 'cmi.suspend_data' && c[2].includes('modul-1'))")
    leave(page)
    tried = [value for element, value in page.evaluate("window.lmsTried") if element == "cmi.suspend_data"]
    assert tried and all(len(value) <= 4096 for value in tried), [len(value) for value in tried]
    assert json.loads(the_lms(page, "cmi.suspend_data"))["quizzes"]["modul-1"]["score"] == 100
