"""The trainer's kit: the session guide's agendas, the case exercises (trainer copy and
handout) and the reflection questions, read on screen and printed as a trainer would."""

from __future__ import annotations

import io

import pytest
from conftest import built_reflections, course_content, press_tab_until, reader_text
from playwright.sync_api import expect
from pypdf import PdfReader

CASES = course_content().cases
GUIDE = "utbildare/"
TRAINER_COPY = "utbildare/fallovningar/"
HANDOUT = "utbildare/fallovningar-att-dela-ut/"
REFLECTIONS = "utbildare/reflektionsfragor/"
MODULE_6 = "moduler/6-diskutera-och-agera/"


def printed_pages(page) -> list[str]:
    """The page printed to PDF as Chromium prints it (print CSS), one text per sheet, as a reader reads it."""
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return [reader_text(sheet.extract_text()) for sheet in reader.pages]


def on_screen(page, selector: str) -> list[str]:
    """The texts of the elements, without the headings' permalink sign, as a reader reads them."""
    return [reader_text(t.replace("¶", "")) for t in page.locator(selector).all_inner_texts()]


def comments_on_screen(page, base_url) -> list[str]:
    """Every comment to the trainer (the text under its title) as the trainer copy shows it."""
    page.goto(base_url + TRAINER_COPY)
    comments = page.locator(".course-case .admonition").evaluate_all(
        "boxes => boxes.map(box => [...box.children].filter(c => !c.matches('.admonition-title'))"
        ".map(c => c.innerText).join('\\n'))")
    return [reader_text(comment.splitlines()[0]) for comment in comments]


def test_there_are_cases_of_every_kind_the_course_needs():
    forms = " ".join(case.form.lower() for case in CASES)
    assert len(CASES) >= 4
    for kind in ("sexuell", "arbet", "barn", "tigg"):
        assert kind in forms or any(kind in case.title.lower() for case in CASES), kind
    assert all(len(case.questions) >= 3 for case in CASES)


@pytest.mark.parametrize("path,comments", [(TRAINER_COPY, True), (HANDOUT, False)], ids=["trainer-copy", "handout"])
def test_printed_cases_hold_every_case_and_question_one_case_a_page(page, base_url, path, comments):
    trainer_comments = comments_on_screen(page, base_url)
    page.goto(base_url + path)
    titles = on_screen(page, ".course-case h2")
    assert titles == [reader_text(f"Fall {n}: {case.title}") for n, case in enumerate(CASES, start=1)]
    questions = on_screen(page, ".course-case > ol > li > p:first-child")
    assert len(questions) == sum(len(case.questions) for case in CASES) == len(trainer_comments)
    expect(page.locator(".course-case .admonition")).to_have_count(len(questions) if comments else 0)

    sheets = printed_pages(page)
    printed = " ".join(sheets)
    for text in titles + questions:
        assert text in printed, text
    first_sheets = [next(i for i, sheet in enumerate(sheets) if title in sheet) for title in titles]
    assert first_sheets == sorted(set(first_sheets)), f"each case starts its own sheet: {first_sheets}"
    assert ("Kommentar till utbildaren" in printed) == comments
    for comment in trainer_comments:  # each comment's first paragraph: on the trainer's paper only
        assert (comment in printed) == comments, comment
    for text in page.locator(".course-screen-only").all_inner_texts():  # tips for the screen stay off paper
        for line in filter(None, map(reader_text, text.splitlines())):
            assert line not in printed, line


def test_the_reflection_page_prints_every_modules_questions(page, base_url, site_dir):
    page.goto(base_url + REFLECTIONS)
    reflections = built_reflections(site_dir)
    printed = " ".join(printed_pages(page))
    assert "Skriv inget som kan peka ut en person" in printed  # the reminder is on paper too
    for module in course_content().modules:
        assert reflections[module.number], module.title
        expect(page.locator(f"h2#modul-{module.number}")).to_contain_text(module.title)
        for question in reflections[module.number]:
            assert reader_text(question) in printed, question


def agenda(page, heading_id: str) -> list[list[str]]:
    table = page.locator(f"h2#{heading_id}").locator("xpath=following::table[1]")
    return [[cell.strip() for cell in row.locator("td").all_inner_texts()] for row in table.locator("tbody tr").all()]


def minutes(clock: str) -> int:
    hours, mins = clock.split(".")
    return int(hours) * 60 + int(mins)


@pytest.mark.parametrize("heading_id,total", [("schema-for-tva-och-en-halv-timme", 150), ("kort-version-pa-en-timme", 60)])
def test_the_agendas_add_up_and_follow_on(page, base_url, heading_id, total):
    page.goto(base_url + GUIDE)
    rows = agenda(page, heading_id)
    assert sum(int(row[1]) for row in rows) == total
    spans = [tuple(minutes(t) for t in row[0].split("–")) for row in rows]
    for (start, end), row in zip(spans, rows):
        assert end - start == int(row[1]), row
    assert all(spans[i][1] == spans[i + 1][0] for i in range(len(spans) - 1)), spans


def test_the_long_agenda_projects_every_module_deck_and_its_links_work(page, base_url):
    page.goto(base_url + GUIDE)
    table = page.locator("h2#schema-for-tva-och-en-halv-timme").locator("xpath=following::table[1]")
    hrefs = table.locator("a").evaluate_all("links => links.map(a => a.href)")
    for number in range(1, 7):
        assert any(href.endswith(f"bildspel/modul-{number}.html") for href in hrefs), number
    for href in set(hrefs) | set(page.locator("article a[href]").evaluate_all(
            "links => links.map(a => a.href).filter(h => h.startsWith(location.origin))")):
        assert page.request.get(href).ok, href


def test_module_6_shows_the_cases_with_comments_folded_and_opened_by_keyboard(page, base_url):
    page.goto(base_url + MODULE_6)
    expect(page.locator(".course-case h3")).to_have_count(len(CASES))
    first = page.locator(".course-case details").first
    expect(first).not_to_have_attribute("open", "")
    expect(first.locator("p").nth(0)).to_be_hidden()
    press_tab_until(page, "document.activeElement === document.querySelector('.course-case details > summary')", 400)
    page.keyboard.press("Enter")
    expect(first).to_have_attribute("open", "")
    expect(first.locator("p").nth(0)).to_be_visible()
