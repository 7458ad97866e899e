"""Classroom mode in the decks, in Debian's Chromium, with no server of its own and no network:
a group question's countdown, the room's count per option and the answer, all by keyboard; the
session's summary (kept on this computer, after a reload, printed, cleared); the speaker view and
the offline package (file://); the case slides; the QR code to the course's address."""

from __future__ import annotations

import datetime
import io
import os
import re

import pytest
import zxingcpp
from conftest import PROJECT, copy_project, course_content, format_violations, reader_text, run_axe, serve_folder
from kurs.project import load_project, prepare_project
from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader
from test_slides_browser import open_deck

VISIBLE = re.compile(r"\bvisible\b")  # reveal.js's class for a shown fragment
START = datetime.datetime(2026, 12, 3, 13, 0, 0)
STORE = f"{PROJECT.settings.id}.klassrum"  # where a deck keeps the room's answers


def at(seconds: int) -> datetime.datetime:
    return START + datetime.timedelta(seconds=seconds)


def assert_no_axe_violations(page) -> None:
    violations = run_axe(page)
    assert not violations, format_violations(violations)


def go_to_first_question(page) -> int:
    index = page.evaluate("Reveal.getSlides().findIndex(s => s.querySelector('.group-question'))")
    page.evaluate(f"Reveal.slide({index})")
    expect(page.locator("section.present .group-question")).to_be_visible()
    return index


def first_question(deck: str):
    course = course_content()
    question = course.quizzes[course.decks[deck].quiz].questions[0]
    right = next(i for i, a in enumerate(question.answers) if a.is_right)
    wrong = next(i for i, a in enumerate(question.answers) if not a.is_right)
    return question, right, wrong


def count_by_keyboard(page, right: int, wrong: int) -> None:
    """Three in the room chose the right option and one a wrong one: number keys choose the
    option, + and − change its count."""
    page.keyboard.press(str(right + 1))
    for _ in range(3):
        page.keyboard.press("+")
    page.keyboard.press(str(wrong + 1))
    page.keyboard.press("+")
    page.keyboard.press("+")
    page.keyboard.press("-")


def test_a_group_question_runs_by_keyboard_countdown_count_then_answer(page, base_url):
    page.clock.set_fixed_time(START)
    requests, errors = open_deck(page, base_url, "modul-1")
    go_to_first_question(page)
    question, right, wrong = first_question("modul-1")
    slide = page.locator("section.present")
    time, toggle = slide.locator(".timer-time"), slide.locator(".timer-toggle")
    tallies, answer = slide.locator(".tally"), slide.locator(".quiz-answer")

    # The question and its options, the countdown at the deck's 60 seconds; no count, no answer.
    expect(time).to_have_text("1:00")
    expect(toggle).to_have_text("Starta")
    expect(tallies.first).to_be_hidden()
    expect(answer).not_to_have_class(VISIBLE)
    assert_no_axe_violations(page)

    # T starts and pauses the countdown; after the time is up it says so.
    page.keyboard.press("t")
    expect(toggle).to_have_text("Pausa")
    page.clock.set_fixed_time(at(20))
    expect(time).to_have_text("0:40")
    page.keyboard.press("t")
    expect(toggle).to_have_text("Fortsätt")
    page.clock.set_fixed_time(at(50))  # paused: the 40 seconds left are still left
    page.keyboard.press("t")
    expect(toggle).to_have_text("Pausa")
    expect(time).to_have_text("0:40")
    assert_no_axe_violations(page)
    page.clock.set_fixed_time(at(95))
    expect(time).to_have_text("0:00")
    expect(slide.locator(".timer-status")).to_have_text("Tiden är ute")
    expect(toggle).to_have_text("Starta igen")
    assert_no_axe_violations(page)

    # Next: the count per option, entered by keyboard only; the answer is still hidden.
    page.keyboard.press("ArrowRight")
    expect(tallies.first).to_be_visible()
    expect(answer).not_to_have_class(VISIBLE)
    count_by_keyboard(page, right, wrong)
    counts = ["0"] * len(question.answers)
    counts[right], counts[wrong] = "3", "1"
    for option, count in enumerate(counts):
        expect(slide.locator(".tally-count").nth(option)).to_have_value(count)
    expect(slide.locator(".tally-total")).to_have_text("4 svar")
    # The chart: each option's bar is its share of the room's answers.
    bars = [slide.locator(".quiz-option").nth(i).locator(".tally-bar") for i in range(len(counts))]
    option_width = slide.locator(".quiz-option").first.bounding_box()["width"]
    widths = [bar.bounding_box()["width"] for bar in bars]
    assert widths[right] / option_width == pytest.approx(0.75, abs=0.01)
    assert widths[right] == pytest.approx(3 * widths[wrong], rel=0.01)
    assert [w for i, w in enumerate(widths) if i not in (right, wrong)] == [0] * (len(widths) - 2)
    assert_no_axe_violations(page)

    # Next: the right answer, with the room's share right.
    page.keyboard.press("ArrowRight")
    expect(answer).to_have_class(VISIBLE)
    expect(answer.locator(".tally-share")).to_have_text("3 av 4 svar var rätt (75 %).")
    expect(answer).to_contain_text("Rätt svar")
    expect(slide.locator(".quiz-right .quiz-right-mark").first).to_have_class(VISIBLE)
    page.wait_for_function("getComputedStyle(document.querySelector('section.present .quiz-answer')).opacity === '1'")
    assert_no_axe_violations(page)
    index = page.evaluate("Reveal.getIndices().h")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("Reveal.getIndices().h") == index + 1

    assert [url for url in requests if not url.startswith(base_url)] == []
    assert not errors, errors


def test_classroom_mode_works_under_a_strict_content_security_policy(page, base_url):
    """Served with `Content-Security-Policy: default-src 'self'`: nothing of the countdown, the count or
    the summary needs an inline script, handler or style attribute."""
    def with_policy(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": "default-src 'self'"})

    page.route("**/*", with_policy)
    page.add_init_script("window.blocked = []; document.addEventListener('securitypolicyviolation',"
                         " e => window.blocked.push(e.violatedDirective + ' ' + e.blockedURI))")
    page.goto(f"{base_url}bildspel/modul-4.html")
    expect(page.locator(".reveal.ready")).to_be_attached()  # (waiting for a function would need eval)
    page.evaluate("Reveal.slide(Reveal.getSlides().findIndex(s => s.querySelector('.group-question')))")
    for key in ("t", "ArrowRight", "1", "+", "+"):
        page.keyboard.press(key)
    slide = page.locator("section.present")
    expect(slide.locator(".timer-toggle")).to_have_text("Pausa")
    expect(slide.locator(".tally-count").first).to_have_value("2")
    expect(slide.locator(".tally-bar").first).to_have_attribute("style", "width: 100%;")
    page.evaluate("Reveal.slide(Reveal.getSlides().findIndex(s => s.querySelector('.classroom-summary')))")
    expect(page.locator("section.present tbody tr").first).to_contain_text("A 2")
    assert page.evaluate("window.blocked") == []


def test_the_session_summary_lists_the_counts_survives_a_reload_prints_and_clears(page, base_url):
    page.clock.set_fixed_time(START)
    open_deck(page, base_url, "modul-1")
    go_to_first_question(page)
    question, right, wrong = first_question("modul-1")
    page.keyboard.press("ArrowRight")
    count_by_keyboard(page, right, wrong)
    summary_index = page.evaluate("Reveal.getSlides().findIndex(s => s.querySelector('.classroom-summary'))")
    page.evaluate(f"Reveal.slide({summary_index})")
    summary = page.locator("section.present .classroom-summary")
    counted = " · ".join(f"{'ABCDEFGH'[i]} {3 if i == right else 1 if i == wrong else 0}"
                         for i in range(len(question.answers)))
    bank = course_content().quizzes["modul-1"]

    def shows_the_session():
        expect(summary.locator(".summary-when")).to_contain_text("Tillfället 3 december 2026")
        rows = summary.locator("tbody tr")
        expect(rows).to_have_count(len(bank.questions))
        expect(rows.first).to_contain_text(counted)
        expect(rows.first.locator("td").last).to_have_text("75 %")
        expect(rows.nth(1).locator("td").last).to_have_text("–")  # not counted

    shows_the_session()
    assert_no_axe_violations(page)
    page.reload()
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    assert page.evaluate("Reveal.getIndices().h") == summary_index
    shows_the_session()

    # Print: the summary alone on the paper.
    page.evaluate("window.print = () => { window.printed = true }")
    summary.get_by_role("button", name="Skriv ut").press("Enter")
    assert page.evaluate("window.printed") is True
    assert page.evaluate("Reveal.getIndices().h") == summary_index  # Enter pressed the button only
    paper = reader_text("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf())).pages))
    assert "Sammanfattning av tillfället" in paper and "Tillfället 3 december 2026" in paper
    assert counted in paper and "75 %" in paper
    assert "Till modulsidan" not in paper and "Radera sparade svar" not in paper

    # A new session (a second group the same day): the first one stays, to compare with.
    summary.get_by_role("button", name="Nytt tillfälle").press("Enter")
    expect(summary.locator(".summary-status")).to_have_text("Ett nytt tillfälle har börjat.")
    expect(summary.locator(".summary-when")).to_have_text("Inga svar är inmatade under det här tillfället ännu.")
    expect(summary.locator("thead th").last).to_have_text(re.compile(r"^Andel rätt 3 december 2026 kl\. 13"))
    expect(summary.locator("tbody tr").first.locator("td").last).to_have_text("75 %")
    expect(summary.locator("tbody tr").first.locator("td").nth(2)).to_have_text("–")  # this session's share

    # Clear, after a question to confirm.
    page.once("dialog", lambda dialog: dialog.accept())
    summary.get_by_role("button", name="Radera sparade svar").press("Enter")
    expect(summary.locator(".summary-status")).to_have_text("De sparade svaren är raderade.")
    expect(summary.locator(".summary-when")).to_have_text("Inga svar är inmatade under det här tillfället ännu.")
    expect(summary.locator("table")).to_have_count(0)
    assert_no_axe_violations(page)
    page.reload()
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    expect(summary.locator("table")).to_have_count(0)


def test_the_count_by_touch_mouse_and_typing_when_the_browser_saves_nothing(browser, base_url):
    """On a touch screen, with a mouse or typed into the box, also when the browser lets the deck
    save nothing (the counts then last as long as the page, and the summary says so)."""
    context = browser.new_context(has_touch=True)
    context.add_init_script("Object.defineProperty(window, 'localStorage', {get() {"
                            " throw new DOMException('blocked', 'SecurityError'); }})")
    page = context.new_page()
    open_deck(page, base_url, "modul-5")
    go_to_first_question(page)
    page.keyboard.press("ArrowRight")
    slide = page.locator("section.present")
    first, second = slide.locator(".tally").nth(0), slide.locator(".tally").nth(1)
    first.locator(".tally-more").tap()
    first.locator(".tally-more").tap()
    first.locator(".tally-less").click()
    second.locator(".tally-count").fill("5")
    second.locator(".tally-count").press("Enter")
    expect(first.locator(".tally-count")).to_have_value("1")
    expect(slide.locator(".tally-total")).to_have_text("6 svar")
    page.keyboard.press("ArrowRight")  # the box gave the keys back to the deck
    expect(slide.locator(".quiz-answer")).to_have_class(VISIBLE)
    page.evaluate("Reveal.slide(Reveal.getSlides().findIndex(s => s.querySelector('.classroom-summary')))")
    summary = page.locator("section.present .classroom-summary")
    expect(summary.locator(".summary-when")).to_contain_text("Webbläsaren låter inte bildspelet spara svaren.")
    expect(summary.locator("tbody tr").first).to_contain_text("A 1 · B 5")
    context.close()


def test_saved_answers_that_cannot_be_read_are_kept_aside_and_counting_goes_on(page, base_url):
    open_deck(page, base_url, "modul-3")
    page.evaluate("key => localStorage.setItem(key, '{\"version\": 1, \"sessions\": [')", STORE)
    page.reload()
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    go_to_first_question(page)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("1")
    page.keyboard.press("+")
    page.evaluate("Reveal.slide(Reveal.getSlides().findIndex(s => s.querySelector('.classroom-summary')))")
    summary = page.locator("section.present .classroom-summary")
    expect(summary.locator(".summary-when")).to_contain_text("De sparade svaren gick inte att läsa.")
    expect(summary.locator("tbody tr").first).to_contain_text("A 1")
    assert page.evaluate("key => localStorage.getItem(key + '.unreadable')", STORE) == '{"version": 1, "sessions": ['
    assert page.evaluate("key => JSON.parse(localStorage.getItem(key)).sessions.length", STORE) == 1


def test_the_speaker_view_shows_and_sets_the_count_and_countdown_from_the_offline_package(page, offline_site):
    """Opened from disk (file://), as from a USB stick: the speaker view (S) shows the count and the
    countdown, keys pressed in it reach the projected deck, and the counts survive a reload."""
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.clock.set_fixed_time(START)
    page.goto((offline_site / "bildspel" / "modul-2.html").as_uri())
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    index = go_to_first_question(page)
    page.keyboard.press("ArrowRight")  # the count step, before the speaker view opens
    page.keyboard.press("t")
    wall = page.locator("section.present")
    with page.expect_popup() as popup:
        page.keyboard.press("s")
    speaker = popup.value
    preview = speaker.frame_locator("#current-slide iframe").locator("section.present")

    expect(preview.locator(".tally").first).to_be_visible(timeout=10_000)
    expect(wall.locator(".tally").first).to_be_visible()  # the wall kept its step
    expect(preview.locator(".timer-toggle")).to_have_text("Pausa")
    page.clock.set_fixed_time(at(15))
    expect(preview.locator(".timer-time")).to_have_text("0:45")
    expect(wall.locator(".timer-time")).to_have_text("0:45")

    speaker.keyboard.press("2")
    speaker.keyboard.press("+")
    speaker.keyboard.press("+")
    expect(wall.locator(".tally-count").nth(1)).to_have_value("2")
    expect(preview.locator(".tally-count").nth(1)).to_have_value("2")
    speaker.keyboard.press("t")
    expect(wall.locator(".timer-toggle")).to_have_text("Fortsätt")

    speaker.close()
    page.reload()
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    assert page.evaluate("Reveal.getIndices().h") == index
    expect(wall.locator(".tally-count").nth(1)).to_have_value("2")
    assert [url for url in requests if url.startswith(("http:", "https:"))] == []
    assert not errors, errors


def plain(html_text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html_text).split())


def test_case_slides_carry_every_question_and_no_comment_outside_the_notes(page, base_url):
    import markdown

    open_deck(page, base_url, "modul-6")
    shown = page.evaluate("""Reveal.getSlides().map(s => {
        const copy = s.cloneNode(true);
        copy.querySelectorAll('aside.notes').forEach(n => n.remove());
        return {kind: s.className, text: copy.textContent.replace(/\\s+/g, ' '),
                notes: (Reveal.getSlideNotes(s) || '').replace(/<[^>]+>/g, ' ')};
    })""")
    everything_shown = " ".join(slide["text"] for slide in shown)
    shown = [slide for slide in shown if "slide-case" in slide["kind"]]
    cases = course_content().cases
    assert len(shown) == sum(1 + len(case.questions) for case in cases)
    at = 0
    for number, case in enumerate(cases, start=1):
        assert f"Fall {number}: {case.title}" in shown[at]["text"]
        for offset, question in enumerate(case.questions, start=1):
            slide = shown[at + offset]
            assert plain(markdown.markdown(question.question)) in slide["text"]
            comment = plain(markdown.markdown(question.comment))
            assert comment in " ".join(slide["notes"].split())
            # The comment's own sentences (some repeat the story, which the slides show) are not shown.
            own = [sentence for sentence in re.split(r"(?<=[.?!:]) ", comment)
                   if len(sentence.split()) >= 5 and sentence not in plain(markdown.markdown(case.story))]
            assert own, comment
            leaked = [sentence for sentence in own if sentence in everything_shown]
            assert not leaked, f"fall {number}, fråga {offset}: kommentaren syns på en bild: {leaked}"
        at += 1 + len(case.questions)
    page.evaluate("Reveal.slide(Reveal.getSlides().findIndex(s => s.classList.contains('slide-case')))")
    assert_no_axe_violations(page)
    page.keyboard.press("ArrowRight")
    expect(page.locator("section.present .case-question")).to_be_visible()
    assert_no_axe_violations(page)


@pytest.fixture(scope="module")
def site_with_address(site_dir, tmp_path_factory):
    """The course's decks rendered for a site whose address (site_url) is set, beside the built
    site's assets, served on 127.0.0.1."""
    project = copy_project(tmp_path_factory.mktemp("course-with-address"))
    config = project / "mkdocs.yml"
    config.write_text("site_url: https://kurs.example.se/betanketid/\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    decks = prepare_project(load_project(project)).decks
    folder = tmp_path_factory.mktemp("served")
    os.symlink(site_dir / "assets", folder / "assets")
    for path, html_text in decks.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(html_text, encoding="utf-8")
    server, url = serve_folder(folder)
    yield url
    server.shutdown()


def test_the_qr_code_slide_scans_to_the_course_address(page, site_with_address):
    requests, errors = open_deck(page, site_with_address, "avslutning")
    page.evaluate("Reveal.slide(Reveal.getSlides().findIndex(s => s.classList.contains('slide-qr')))")
    code = page.locator("section.present .qr-code svg")
    expect(code).to_be_visible()
    scanned = zxingcpp.read_barcodes(Image.open(io.BytesIO(code.screenshot())))
    assert [result.text for result in scanned] == ["https://kurs.example.se/betanketid/"]
    expect(page.locator("section.present .qr-url a")).to_have_text("https://kurs.example.se/betanketid/")
    assert_no_axe_violations(page)
    assert [url for url in requests if not url.startswith(site_with_address)] == []
    assert not errors, errors
