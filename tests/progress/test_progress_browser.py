"""Self-paced learning as a learner meets it, in Debian's Chromium with a fresh browser context
per test: progress, "Fortsätt där du slutade", reflection notes, "Mina uppgifter" (download,
restore, delete), broken or blocked storage, the certificate, axe and the keyboard."""

from __future__ import annotations

import datetime
import io
import json
import re

import pytest
from conftest import (PROJECT, SCHEMES, STORAGE_KEY, axe_light_and_dark, built_reflections, course_content, format_violations,
                      module_paths, press_tab_until, reader_text, run_axe, switch_color_scheme)
from playwright.sync_api import expect
from pypdf import PdfReader
from quizzing import QUIZZES, answer_all, answer_with, right_count_for

MODULES = module_paths()
TITLES = {module.number: module.title for module in course_content().modules}
STORE = STORAGE_KEY
MONTHS = "januari februari mars april maj juni juli augusti september oktober november december".split()


def stored(page) -> dict | None:
    return json.loads(page.evaluate(f"localStorage.getItem('{STORE}')") or "null")


def put(page, data) -> None:
    """Store data as a learner's browser would have it, then reload the page."""
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STORE, data if isinstance(data, str) else json.dumps(data)])
    page.reload()


def wait_for_page(page, url: str) -> None:
    """Wait until the page is shown; navigation.tracking may already have added a section's #anchor."""
    page.wait_for_url(re.compile(re.escape(url) + r"(#.*)?$"))


def bar(page):
    return page.locator(".course-progress__text")


def read_to_end(page) -> None:
    page.locator(".course-module-status").scroll_into_view_if_needed()
    expect(page.locator(".course-module-status__read")).to_have_text("Du har läst modulen till slutet.")


def write_note(page, field: str, text: str) -> None:
    """Write in a note field and wait until the page says what became of it (course-notes.js
    loads when the fields come near, which filling them does)."""
    page.locator(field).fill(text)
    expect(page.locator(".course-notes-status")).not_to_be_empty()


def pass_module(page, base_url, number: int) -> None:
    page.goto(base_url + MODULES[number - 1])
    key = f"modul-{number}"
    answer_all(page, key, [True] * len(QUIZZES[key].questions))
    read_to_end(page)
    expect(page.locator(".course-module-status__summary")).to_contain_text("Modulen är klar.")


def all_right(number: int) -> str:
    """How the pages count module number's quiz all answered right: "6 av 6 rätt"."""
    questions = len(QUIZZES[f"modul-{number}"].questions)
    return f"{questions} av {questions} rätt"


def swedish_today() -> str:
    today = datetime.date.today()
    return f"{today.day} {MONTHS[today.month - 1]} {today.year}"


def finished_course(name: str = "") -> dict:
    """A learner's record after the whole course (the shape course-store.js writes)."""
    when = datetime.datetime.now(datetime.timezone.utc).isoformat().replace("+00:00", "Z")
    total = len(QUIZZES["slutprov"].questions)
    quizzes = {}
    for n in range(1, 7):
        questions = len(QUIZZES[f"modul-{n}"].questions)
        quizzes[f"modul-{n}"] = {"correct": questions, "total": questions, "score": 100, "completedAt": when}
    right = right_count_for("slutprov", passed=True)
    quizzes["slutprov"] = {"correct": right, "total": total, "score": round(100 * right / total), "completedAt": when}
    return {
        "version": 2,
        "savedAt": when,
        "modules": {str(n): {"readAt": when} for n in range(1, 7)},
        "quizzes": quizzes,
        "notes": {"2": {"1": "Vi ser ofta skulder hos dem som söker bistånd."}},
        "name": name,
    }


def test_reading_a_module_and_passing_its_quiz_marks_it_done(page, base_url):
    page.goto(base_url)
    expect(bar(page)).to_contain_text("0 av 6 moduler klara")
    expect(page.locator(".course-continue a")).to_have_text(f"Börja med Modul 1: {TITLES[1]}")

    page.goto(base_url + MODULES[0])
    read_to_end(page)  # read, but the quiz is not done: started, not finished
    expect(bar(page)).to_contain_text("0 av 6 moduler klara")
    expect(page.locator(".course-module-status__quiz")).to_contain_text("Du har inte gjort quizet ännu")
    page.goto(base_url)
    expect(page.locator('.course-module-state[data-module="1"]')).to_have_text("Påbörjad")

    pass_module(page, base_url, 1)
    expect(bar(page)).to_contain_text("1 av 6 moduler klara")
    mark = page.locator(".md-nav__link", has_text=TITLES[1]).locator(".course-nav-done")
    expect(mark).to_have_text("✓ (klar)")  # "(klar)" is read out, not shown
    assert mark.locator(".course-visually-hidden").evaluate("e => e.getBoundingClientRect().width") <= 1

    page.reload()
    expect(bar(page)).to_contain_text("1 av 6 moduler klara")
    expect(page.locator(".course-module-status__quiz")).to_contain_text(f"Du har klarat quizet: {all_right(1)}")

    page.goto(base_url)
    expect(page.locator('.course-module-state[data-module="1"]')).to_have_text("Klar")
    expect(page.locator('.course-module-state[data-module="2"]')).to_have_text("Inte påbörjad")
    page.get_by_role("link", name="Fortsätt där du slutade").click()
    wait_for_page(page, base_url + MODULES[1])
    expect(page.locator("h1")).to_contain_text(TITLES[2])


def test_a_quiz_below_the_pass_mark_leaves_the_module_unfinished(page, base_url):
    page.goto(base_url + MODULES[2])
    answer_with(page, "modul-3", right_count_for("modul-3", passed=False))
    read_to_end(page)
    expect(page.locator(".course-module-status__quiz")).to_contain_text("Du behöver minst 80 % rätt")
    expect(page.locator(".course-module-status__summary")).to_have_text("Modulen är klar när du har läst den och klarat quizet.")
    expect(bar(page)).to_contain_text("0 av 6 moduler klara")


def test_notes_persist_across_reload_and_navigation_and_print(page, base_url, site_dir):
    page.goto(base_url + MODULES[1])
    module_2 = {"title": TITLES[2], "reflections": built_reflections(site_dir)[2]}
    expect(page.locator(".course-notes-notice")).to_contain_text("Skriv inte namn, personnummer")
    first = page.get_by_role("textbox", name=module_2["reflections"][0])
    first.fill("Skulder till arbetsgivaren.\nPass som någon annan har.")
    page.locator("#svar-2-3").fill("Ensamkommande barn.")
    expect(page.locator(".course-notes-status")).to_have_text("Det du skriver sparas i den här webbläsaren.")

    page.goto(base_url + MODULES[1])  # opened again (a reload would let the browser refill the form itself)
    first.scroll_into_view_if_needed()
    expect(first).to_have_value("Skulder till arbetsgivaren.\nPass som någon annan har.")

    page.locator(".md-nav__link", has_text="Ordlista").first.click()  # away through the menu, and Back
    wait_for_page(page, base_url + "ordlista/")
    page.go_back()
    wait_for_page(page, base_url + MODULES[1])
    expect(page.locator("#svar-2-3")).to_have_value("Ensamkommande barn.")

    page.get_by_role("link", name="Mina uppgifter").first.click()
    wait_for_page(page, base_url + "mina-uppgifter/")
    area = page.locator(".course-reflections-area")
    expect(area).to_contain_text("Du har svarat på 2 frågor")
    page.emulate_media(media="print")
    expect(page.locator("h1")).to_be_hidden()
    expect(page.locator(".course-mydata")).to_be_hidden()
    expect(page.get_by_role("button", name="Skriv ut mina reflektioner")).to_be_hidden()
    printed = reader_text(area.inner_text())
    for text in (f"Modul 2: {module_2['title']}", module_2["reflections"][0], "Skulder till arbetsgivaren.",
                 "Pass som någon annan har.", "Ensamkommande barn.", f"Modul 6: {TITLES[6]}"):
        assert reader_text(text) in printed, text


def test_download_then_restore_in_a_fresh_browser_restores_everything(page, base_url, browser, tmp_path):
    pass_module(page, base_url, 1)
    write_note(page, "#svar-1-2", "Ja, på ett bygge.")
    page.goto(base_url + "mina-uppgifter/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Ladda ner mina uppgifter").click()
    assert download.value.suggested_filename.startswith(f"{PROJECT.settings.id}-mina-uppgifter-")
    file = tmp_path / download.value.suggested_filename
    download.value.save_as(file)
    exported = json.loads(file.read_text(encoding="utf-8"))
    assert exported["notes"] == {"1": {"2": "Ja, på ett bygge."}} and exported["modules"]["1"]["readAt"]

    other = browser.new_context()  # another computer: nothing stored yet
    fresh = other.new_page()
    fresh.goto(base_url + "mina-uppgifter/")
    expect(fresh.locator(".course-mydata__empty")).to_contain_text("inga sparade uppgifter")
    fresh.get_by_label("Läs in uppgifter från en fil (.json)").set_input_files(file)
    fresh.get_by_role("dialog", name="Vill du läsa in filen?").get_by_role("button", name="Ja, läs in filen").click()
    expect(fresh.locator(".course-mydata__message")).to_have_text(f"Klart! Dina uppgifter från filen {file.name} är inlästa.")
    expect(bar(fresh)).to_contain_text("1 av 6 moduler klara")
    expect(fresh.locator(".course-mydata__summary")).to_contain_text(f"{all_right(1)} (100 %), klarad")
    fresh.goto(base_url + MODULES[0])
    fresh.locator("#svar-1-2").scroll_into_view_if_needed()  # the notes script loads when the fields come near
    expect(fresh.locator("#svar-1-2")).to_have_value("Ja, på ett bygge.")
    other.close()


def test_restoring_a_file_that_is_not_course_data_changes_nothing(page, base_url, tmp_path):
    page.goto(base_url + "mina-uppgifter/")
    put(page, finished_course("Kim"))
    wrong = tmp_path / "inte-kursen.json"
    wrong.write_text('{"hello": "world"}', encoding="utf-8")
    page.get_by_label("Läs in uppgifter från en fil (.json)").set_input_files(wrong)
    expect(page.locator(".course-mydata__message")).to_contain_text("inte-kursen.json går inte att läsa in")
    assert stored(page)["name"] == "Kim"
    expect(bar(page)).to_contain_text("6 av 6 moduler klara")


def test_delete_asks_first_then_removes_everything(page, base_url):
    """Every key the course keeps goes: its record, the quizzes' answers and the colour scheme."""
    page.goto(base_url)
    switch_color_scheme(page)
    pass_module(page, base_url, 1)
    write_note(page, "#svar-1-1", "Något att radera.")
    page.goto(base_url + "mina-uppgifter/")
    page.get_by_role("button", name="Radera mina uppgifter").click()
    dialog = page.get_by_role("dialog", name="Vill du radera dina uppgifter?")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Avbryt").click()
    expect(page.locator(".course-mydata__message")).to_have_text("Ingenting är raderat.")
    assert stored(page)["notes"]

    page.get_by_role("button", name="Radera mina uppgifter").click()
    dialog.get_by_role("button", name="Ja, radera allt").click()
    expect(page.locator(".course-mydata__message")).to_have_text("Dina uppgifter är raderade.")
    expect(bar(page)).to_contain_text("0 av 6 moduler klara")
    assert page.evaluate("Object.keys(localStorage)") == []
    page.goto(base_url + MODULES[0])
    page.locator("#svar-1-1").scroll_into_view_if_needed()
    page.wait_for_function("() => window.courseNotes")  # loaded, and so would have shown a kept note
    expect(page.locator("#svar-1-1")).to_have_value("")
    page.locator(".quiz-results-answered").scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('.quiz-reset-button')")  # the engine is in
    expect(page.locator(".quiz-results-answered")).to_have_text("0")


@pytest.mark.parametrize(
    "broken", ['{"version": 2, "modules": ', '"just a string"', '[1, 2, 3]', '{"version": 99, "modules": {}}'],
    ids=["cut-off", "string", "array", "unknown-version"],
)
def test_unreadable_data_is_reset_with_a_notice_and_the_page_works(page, base_url, broken):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + MODULES[0])
    put(page, broken)
    expect(page.locator(".course-progress__notice")).to_contain_text("gick inte att läsa och har tömts")
    expect(bar(page)).to_contain_text("0 av 6 moduler klara")
    write_note(page, "#svar-1-1", "Det fungerar igen.")
    page.goto(base_url + MODULES[0])
    page.locator("#svar-1-1").scroll_into_view_if_needed()
    expect(page.locator("#svar-1-1")).to_have_value("Det fungerar igen.")
    expect(page.locator(".course-progress__notice")).to_have_count(0)
    assert errors == []


def test_entries_that_do_not_fit_are_dropped_one_by_one(page, base_url):
    page.goto(base_url)
    data = finished_course()
    data["quizzes"]["modul-2"] = {"correct": 9, "total": 6}  # more right than questions
    data["modules"]["3"] = {"readAt": "not a date"}
    put(page, data)
    expect(bar(page)).to_contain_text("4 av 6 moduler klara")
    expect(page.locator(".course-progress__notice")).to_have_count(0)


def test_results_kept_by_the_first_version_are_carried_over(page, base_url):
    page.goto(base_url)
    questions = len(QUIZZES["modul-1"].questions)
    old = {"version": 1, "quizzes": {"modul-1": {"correct": questions, "total": questions, "score": 100, "passMark": None,
                                                 "passed": None, "completedAt": "2026-11-01T10:00:00.000Z"}}}
    old_key = f"{PROJECT.settings.id}.quizResults"
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [old_key, json.dumps(old)])
    page.reload()
    assert stored(page)["quizzes"]["modul-1"]["score"] == 100
    assert page.evaluate("key => localStorage.getItem(key)", old_key) is None
    page.goto(base_url + MODULES[0])
    expect(page.locator(".course-module-status__quiz")).to_contain_text(f"Du har klarat quizet: {all_right(1)}")


BLOCKED = {
    # Writing fails (full storage, some private modes): the course cannot keep anything.
    "writes-fail": "Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
    # Storage is switched off: touching localStorage at all throws.
    "switched-off": "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});",
}


NOTICE = {"writes-fail": "kan inte spara något mer", "switched-off": "låter inte kursen spara något"}


@pytest.mark.parametrize("how", list(BLOCKED))
def test_without_storage_pages_work_and_say_progress_cannot_be_saved(page, base_url, how):
    errors = []
    page.on("pageerror", lambda error: errors.append(f"{error}\n{error.stack}"))
    page.add_init_script(BLOCKED[how])
    page.goto(base_url + MODULES[0])
    expect(page.locator(".course-progress__notice")).to_contain_text(NOTICE[how])
    page.locator("#svar-1-1").fill("Försvinner när jag går härifrån.")
    expect(page.locator(".course-notes-status")).to_contain_text("inte sparas")
    answer_all(page, "modul-1", [True] * len(QUIZZES["modul-1"].questions))
    expect(page.locator(".course-quiz-verdict")).to_contain_text("Du har klarat quizet")
    read_to_end(page)
    expect(bar(page)).to_contain_text("1 av 6 moduler klara")  # for as long as the page is open
    page.goto(base_url + "intyg/")
    expect(page.locator(".course-certificate__remaining")).to_contain_text(NOTICE[how])
    ours = [e for e in errors if "assets/js/course" in e or "quiz-record" in e]
    assert ours == []


def test_certificate_refuses_before_completion_and_lists_what_remains(page, base_url):
    pass_module(page, base_url, 1)
    page.goto(base_url + "intyg/")
    remaining = page.locator(".course-certificate__remaining")
    expect(remaining).to_contain_text("Du har klarat 1 av 6 moduler")
    expect(remaining.locator("li")).to_have_count(6)  # modules 2–6 and the final test
    expect(remaining.locator("li").first).to_contain_text(f"Modul 2: {TITLES[2]}")
    expect(remaining.locator("li").last).to_contain_text("Slutprovet – klara provet med minst 80 % rätt.")
    expect(page.locator(".course-certificate__form")).to_be_hidden()
    expect(page.locator(".course-certificate")).to_be_hidden()
    remaining.get_by_role("link", name="Slutprovet").click()
    wait_for_page(page, base_url + "slutprov/")


def test_certificate_needs_a_name_then_shows_name_date_and_score(page, base_url):
    page.goto(base_url + "intyg/")
    put(page, finished_course())
    expect(page.locator(".course-certificate__remaining")).to_be_hidden()
    page.get_by_role("button", name="Visa intyget").click()
    expect(page.locator(".course-certificate__error")).to_be_visible()
    expect(page.get_by_label("Ditt namn, som det ska stå på intyget")).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".course-certificate")).to_be_hidden()

    page.get_by_label("Ditt namn, som det ska stå på intyget").fill("Alex Lind")
    page.get_by_role("button", name="Visa intyget").click()
    certificate = page.locator(".course-certificate")
    expect(certificate).to_be_visible()
    expect(certificate.locator(".course-certificate__name")).to_have_text("Alex Lind")
    expect(certificate).to_contain_text(f"Kursen blev klar den {swedish_today()}.")
    total = len(QUIZZES["slutprov"].questions)
    right = right_count_for("slutprov", passed=True)
    expect(certificate).to_contain_text(f"Resultat på slutprovet: {right} av {total} rätt")
    expect(certificate.locator(".course-certificate__modules li")).to_have_count(6)
    page.reload()  # the name is kept
    expect(page.locator(".course-certificate__name")).to_have_text("Alex Lind")


def work_through(page, base_url, numbers) -> None:
    """Pass each module's quiz, read to the end and go on with the link in the status box."""
    for number in numbers:
        wait_for_page(page, base_url + MODULES[number - 1])
        key = f"modul-{number}"
        answer_all(page, key, [True] * len(QUIZZES[key].questions))
        read_to_end(page)
        page.locator(".course-module-status__next a").click()  # onwards


def test_the_whole_course_start_leave_come_back_finish_and_print(page, base_url, browser, context):
    """The issue's story: start, leave, come back days later, finish, print a certificate."""
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url)
    page.get_by_role("link", name="Börja med Modul 1").click()
    work_through(page, base_url, (1, 2, 3))
    wait_for_page(page, base_url + MODULES[3])

    later = browser.new_context(storage_state=context.storage_state())  # the same browser, days later
    context.close()
    page = later.new_page()
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base_url)
    expect(bar(page)).to_contain_text("3 av 6 moduler klara")
    page.get_by_role("link", name="Fortsätt där du slutade – Modul 4").click()
    work_through(page, base_url, (4, 5, 6))
    wait_for_page(page, base_url + "slutprov/")
    expect(bar(page)).to_contain_text("6 av 6 moduler klara, slutprovet inte klart.")
    answer_with(page, "slutprov", len(QUIZZES["slutprov"].questions))
    expect(bar(page)).to_contain_text("slutprovet klart.")

    page.goto(base_url)
    page.get_by_role("link", name="Skriv ut ditt intyg").click()
    wait_for_page(page, base_url + "intyg/")
    page.get_by_label("Ditt namn, som det ska stå på intyget").fill("Robin Berg")
    page.get_by_role("button", name="Visa intyget").click()
    expect(page.locator(".course-certificate")).to_contain_text("Robin Berg")
    page.emulate_media(media="print")
    expect(page.locator(".course-certificate")).to_be_visible()
    for hidden in ("h1", ".md-header", ".md-sidebar--primary", ".course-progress", ".course-certificate__form",
                   ".course-certificate__print", ".md-footer"):
        expect(page.locator(hidden).first).to_be_hidden()
    printed = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    assert len(printed.pages) == 1 and round(float(printed.pages[0].mediabox.width) / 72 * 25.4) == 210  # one A4 page
    text = reader_text(printed.pages[0].extract_text())
    assert "Robin Berg" in text and "Intyg".upper() in text.upper() and "Resultat på slutprovet" in text
    later.close()
    outside = [url for url in requests if not url.startswith((base_url, "blob:", "data:"))]
    assert outside == []


def test_notes_delete_and_certificate_work_by_keyboard_alone(page, base_url):
    page.goto(base_url + MODULES[4])
    page.locator("#fraga-5-1").scroll_into_view_if_needed()
    page.locator(".course-notes-notice").click()  # start just above the fields, then only keys
    press_tab_until(page, "document.activeElement.id === 'svar-5-1'")
    page.keyboard.type("Jag vet inte vem det är.")
    page.keyboard.press("Tab")
    page.keyboard.type("När jag är osäker.")
    assert stored(page)["notes"]["5"] == {"1": "Jag vet inte vem det är.", "2": "När jag är osäker."}

    page.goto(base_url + "mina-uppgifter/")
    page.locator("#radera-mina-uppgifter").click()
    press_tab_until(page, "document.activeElement.classList.contains('course-mydata__delete')")
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Vill du radera dina uppgifter?")
    expect(dialog).to_be_visible()
    page.keyboard.press("Escape")  # closing the dialog deletes nothing and returns focus
    expect(dialog).to_be_hidden()
    assert page.evaluate("document.activeElement.classList.contains('course-mydata__delete')")
    assert stored(page)["notes"]["5"]
    page.keyboard.press("Enter")
    press_tab_until(page, "document.activeElement.textContent === 'Ja, radera allt'", limit=3)
    page.keyboard.press("Enter")
    expect(page.locator(".course-mydata__message")).to_have_text("Dina uppgifter är raderade.")

    put(page, finished_course())
    page.goto(base_url + "intyg/")
    page.locator("h1").click()
    press_tab_until(page, "document.activeElement.id === 'course-certificate-name'")
    page.keyboard.type("Sam Ek")
    page.keyboard.press("Enter")
    expect(page.locator(".course-certificate__name")).to_have_text("Sam Ek")
    press_tab_until(page, "document.activeElement.textContent === 'Skriv ut intyget'")


def axe_problems(page, state: str, problems: dict) -> None:
    """axe in this state, in the mode shown and then in the other (light and dark)."""
    for mode, violations in axe_light_and_dark(page).items():
        if violations:
            problems[f"{state}, {mode}"] = format_violations(violations)


def test_axe_finds_nothing_in_any_progress_state_light_or_dark(page, base_url):
    problems: dict = {}
    page.goto(base_url + MODULES[1])
    write_note(page, "#svar-2-1", "En anteckning.")
    answer_with(page, "modul-2", right_count_for("modul-2", passed=False))
    read_to_end(page)
    axe_problems(page, "module: note, failed quiz, read", problems)
    page.goto(base_url)
    axe_problems(page, "start: started", problems)
    page.goto(base_url + "intyg/")
    axe_problems(page, "certificate: what remains", problems)
    page.goto(base_url + "mina-uppgifter/")
    axe_problems(page, "my data: with data", problems)
    for _ in range(2):  # the dialog is modal: closed to switch to the other mode, then opened again
        page.get_by_role("button", name="Radera mina uppgifter").click()
        mode = SCHEMES[page.locator("body").get_attribute("data-md-color-scheme")]
        if violations := run_axe(page):
            problems[f"my data: confirm dialog, {mode}"] = format_violations(violations)
        page.keyboard.press("Escape")
        switch_color_scheme(page)

    put(page, "{broken")
    axe_problems(page, "my data: reset notice", problems)
    put(page, finished_course("Alex Lind"))
    axe_problems(page, "my data: finished", problems)
    page.goto(base_url)
    axe_problems(page, "start: finished", problems)
    page.goto(base_url + "intyg/")
    expect(page.locator(".course-certificate")).to_be_visible()
    axe_problems(page, "certificate: shown", problems)
    page.get_by_label("Ditt namn, som det ska stå på intyget").fill("")
    page.get_by_role("button", name="Visa intyget").click()
    axe_problems(page, "certificate: name missing", problems)
    assert not problems, problems


def test_axe_finds_nothing_when_storage_is_blocked_light_or_dark(page, base_url):
    page.add_init_script(BLOCKED["writes-fail"])
    problems: dict = {}
    page.goto(base_url + MODULES[0])
    page.locator("#svar-1-1").fill("Sparas inte.")
    axe_problems(page, "module: blocked", problems)
    page.goto(base_url + "mina-uppgifter/")
    axe_problems(page, "my data: blocked", problems)
    assert not problems, problems


def test_progress_and_notes_work_from_file_urls(page, offline_site):
    """In the offline package (tests/test_offline_browser.py), opened from a folder."""
    file_site = offline_site
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    module = file_site / "moduler" / "1-vad-ar-manniskohandel.html"
    page.goto(module.as_uri())
    write_note(page, "#svar-1-1", "Från ett USB-minne.")
    answer_all(page, "modul-1", [True] * len(QUIZZES["modul-1"].questions))
    read_to_end(page)
    expect(bar(page)).to_contain_text("1 av 6 moduler klara")

    page.goto((file_site / "index.html").as_uri())
    expect(bar(page)).to_contain_text("1 av 6 moduler klara")
    page.get_by_role("link", name="Fortsätt där du slutade").click()
    page.wait_for_url((file_site / "moduler" / "2-att-upptacka.html").as_uri())
    page.get_by_role("link", name="Mina uppgifter").first.click()
    page.wait_for_url((file_site / "mina-uppgifter.html").as_uri())
    expect(page.locator(".course-reflections-area")).to_contain_text("Från ett USB-minne.")
    assert [url for url in requests if not url.startswith(("file:", "blob:", "data:"))] == []
