"""The learner's data when storage is full, when a file is read back and when values are out of
range, and the certificate's honesty: each message says only what is true, nothing kept is lost,
and the learner can always download what the page could not save."""

from __future__ import annotations

import io
import json
import re

from conftest import axe_light_and_dark, format_violations, reader_text, run_axe, switch_color_scheme
from playwright.sync_api import expect
from pypdf import PdfReader
from quizzing import QUIZZES, answer_all
from test_progress import built_course_data
from test_progress_browser import MODULES, bar, finished_course, put, stored

# localStorage filled until not one more character fits: keys "fyllnad-0", "fyllnad-1" … of
# ever smaller sizes (Chromium keeps 5 MiB per site).
FILL = """() => {
  let n = 0;
  for (let size = 1 << 22; size >= 1; size >>= 1) {
    const piece = 'x'.repeat(size);
    for (;;) {
      try { localStorage.setItem('fyllnad-' + n, piece); n += 1; } catch (error) { break; }
    }
  }
}"""
IMPORT = "Läs in uppgifter från en fil (.json)"


def fill_storage(page) -> None:
    page.evaluate(FILL)


def downloaded(page, button) -> dict:
    with page.expect_download() as download:
        button.click()
    return json.loads(download.value.path().read_text(encoding="utf-8"))


def course_keys(page) -> list[str]:
    return [key for key in page.evaluate("Object.keys(localStorage)") if not key.startswith("fyllnad-")]


def test_when_storage_fills_up_the_learner_is_told_at_the_note_and_the_quiz_and_can_download(page, base_url):
    page.goto(base_url + MODULES[0])
    fill_storage(page)  # nearly full while the learner works: the next change does not fit
    note = "Det här får inte försvinna utan att jag vet om det."
    page.locator("#svar-1-1").fill(note)
    status = page.locator(".course-notes-status")
    expect(status).to_have_text("Det du skrev kunde inte sparas i den här webbläsaren. Ladda ner dina uppgifter "
                                "innan du lämnar sidan, annars försvinner texten.")
    expect(page.locator(".course-progress__notice")).to_contain_text("kan inte spara något mer")
    offer = page.locator(".course-notes-status + .course-save-failed").get_by_role("button", name="Ladda ner mina uppgifter")
    assert downloaded(page, offer)["notes"] == {"1": {"1": note}}

    answer_all(page, "modul-1", [True] * len(QUIZZES["modul-1"].questions))
    verdict = page.locator(".course-quiz-verdict")
    expect(verdict).to_contain_text("Du har klarat quizet")
    expect(verdict).to_contain_text("Resultatet kunde inte sparas i den här webbläsaren.")
    file = downloaded(page, page.locator(".course-quiz-verdict + .course-save-failed button"))
    assert file["quizzes"]["modul-1"]["score"] == 100 and file["notes"] == {"1": {"1": note}}
    problems = {mode: format_violations(v) for mode, v in axe_light_and_dark(page).items() if v}
    assert not problems, problems


def test_with_storage_full_to_the_byte_what_is_kept_shows_downloads_and_is_deleted(page, base_url):
    page.goto(base_url + "mina-uppgifter/")
    kept = finished_course("Kim Berg")
    kept["modules"] = {"1": kept["modules"]["1"]}
    put(page, kept)
    fill_storage(page)
    page.reload()
    expect(bar(page)).to_contain_text("1 av 6 moduler klara")
    expect(page.locator(".course-progress__notice")).to_contain_text("kan inte spara något mer")
    file = downloaded(page, page.get_by_role("button", name="Ladda ner mina uppgifter").first)
    assert file["name"] == "Kim Berg" and file["notes"] == kept["notes"] and list(file["modules"]) == ["1"]

    page.evaluate("() => { window.keptRemove = Storage.prototype.removeItem; Storage.prototype.removeItem = () => {}; }")
    page.get_by_role("button", name="Radera mina uppgifter").click()
    page.get_by_role("button", name="Ja, radera allt").click()
    expect(page.locator(".course-mydata__message")).to_contain_text("Allt kunde inte raderas")
    assert stored(page)["name"] == "Kim Berg"

    page.evaluate("() => { Storage.prototype.removeItem = window.keptRemove; }")
    page.get_by_role("button", name="Radera mina uppgifter").click()
    page.get_by_role("button", name="Ja, radera allt").click()
    expect(page.locator(".course-mydata__message")).to_have_text("Dina uppgifter är raderade.")
    assert course_keys(page) == []


def test_a_file_is_shown_and_confirmed_before_it_replaces_anything_and_what_it_lacks_is_reported(page, base_url, tmp_path):
    page.goto(base_url + "mina-uppgifter/")
    put(page, finished_course("Kim Berg"))
    before = stored(page)
    message = page.locator(".course-mydata__message")
    dialog = page.get_by_role("dialog", name="Vill du läsa in filen?")

    nothing = tmp_path / "inget-att-lasa.json"  # version 2, and every entry in it is dropped
    nothing.write_text(json.dumps({"version": 2, "modules": {"99": {"readAt": "2026-01-01T10:00:00Z"}},
                                   "quizzes": {f"quiz-{n}": {"correct": 1, "total": 1} for n in range(150)}}))
    page.get_by_label(IMPORT).set_input_files(nothing)
    expect(message).to_have_text("Filen inget-att-lasa.json innehåller inga uppgifter från den här kursen som går att "
                                 "läsa in. Ingenting har ändrats.")
    assert stored(page) == before

    partly = tmp_path / "delvis.json"
    good = finished_course("Alex Lind")
    good["modules"] = {"1": good["modules"]["1"], "2": good["modules"]["2"], "99": good["modules"]["3"]}
    good["quizzes"] = {"modul-1": good["quizzes"]["modul-1"], "annan-kurs": good["quizzes"]["modul-2"],
                       "modul-2": {"correct": 1e300, "total": 1e300}}
    partly.write_text(json.dumps(good))
    page.get_by_label(IMPORT).set_input_files(partly)
    expect(dialog).to_contain_text("Filen delvis.json innehåller:")
    expect(dialog.locator("li")).to_have_text(["Moduler lästa till slutet: 2 av 6", "Quizresultat: 1 av 7",
                                               "Svar på reflektionsfrågor: 1", "Namn på intyget: Alex Lind"])
    expect(dialog).to_contain_text("Uppgifter i filen som inte går att använda och inte läses in: 3.")
    problems = {"light": format_violations(run_axe(page))}
    page.keyboard.press("Escape")  # by keyboard: Esc is "no"
    expect(message).to_have_text("Filen är inte inläst. Ingenting har ändrats.")
    assert stored(page) == before

    switch_color_scheme(page)
    page.get_by_label(IMPORT).set_input_files(partly)
    expect(dialog).to_be_visible()
    problems["dark"] = format_violations(run_axe(page))
    assert not any(problems.values()), problems
    expect(dialog.get_by_role("button", name="Ja, läs in filen")).to_be_focused()
    page.keyboard.press("Enter")
    expect(message).to_have_text("Klart! Dina uppgifter från filen delvis.json är inlästa. Uppgifter som inte lästes in: 3.")
    assert stored(page)["name"] == "Alex Lind" and sorted(stored(page)["modules"]) == ["1", "2"]

    huge = tmp_path / "for-stor.json"  # more than the browser keeps for a site (5 MiB)
    huge.write_text(json.dumps({**finished_course("Robin Ek"), "notes": {"1": {"1": "x" * 6_000_000}}}))
    kept = stored(page)
    page.get_by_label(IMPORT).set_input_files(huge)
    dialog.get_by_role("button", name="Ja, läs in filen").click()
    expect(message).to_have_text("Filen for-stor.json gick inte att spara i den här webbläsaren, kanske för att den "
                                 "är för stor. Ingenting har ändrats.")
    assert stored(page) == kept
    expect(page.locator(".course-mydata__summary")).to_contain_text("Alex Lind")


def test_numbers_out_of_range_never_reach_the_page(page, base_url):
    page.goto(base_url + "mina-uppgifter/")
    put(page, '{"version": 2, "modules": {}, "quizzes": {"modul-1": {"correct": 1e309, "total": 1e309},'
              ' "modul-2": {"correct": 2.5, "total": 6}, "modul-3": {"correct": 3, "total": 123456789}}}')
    summary = page.locator(".course-mydata")
    expect(summary).to_contain_text("Det finns inga sparade uppgifter om dig")
    assert not re.search(r"Infinity|NaN|123456789", summary.inner_text())
    expect(bar(page)).to_contain_text("0 av 6 moduler klara")


def test_a_hand_written_file_with_impossible_dates_gives_no_certificate(page, base_url):
    page.goto(base_url + "intyg/")
    forged = finished_course("Ingen Alls")  # a whole course, every step dated 31 December 9999
    for module in forged["modules"].values():
        module["readAt"] = "9999-12-31T12:00:00.000Z"
    for result in forged["quizzes"].values():
        result["completedAt"] = "9999-12-31T12:00:00.000Z"
    put(page, forged)
    expect(page.locator(".course-certificate__remaining")).to_contain_text("Du har klarat 0 av 6 moduler")
    expect(page.locator(".course-certificate")).to_be_hidden()


LONG_NAMES = ["Maria-Kristina Alexandra Gunnarsdotter Wallenberg-Lindqvist af Ekensteen",
              ("Anna-Karin Wallenberg-Lindqvist " * 7)[:200]]  # the name field takes 200 characters


def test_the_certificate_is_a_self_declaration_with_the_edition_and_a_long_name_prints_on_one_page(page, base_url, site_dir):
    edition = built_course_data(site_dir)["edition"]
    assert re.fullmatch(r"[0-9a-f]{10}", edition)
    page.goto(base_url + "intyg/")
    for name in LONG_NAMES:
        page.emulate_media(media="screen")
        put(page, finished_course(name))
        certificate = page.locator(".course-certificate")
        expect(certificate.locator(".course-certificate__name")).to_have_text(name.strip())
        expect(certificate).to_contain_text("Intyg – egen försäkran")
        expect(certificate).to_contain_text("som har gått webbkursen på den här enheten")
        expect(certificate).to_contain_text(f"Kursens utgåva: {edition}.")
        page.emulate_media(media="print")
        printed = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
        assert len(printed.pages) == 1, f"{len(name)} characters: {len(printed.pages)} pages"
        text = reader_text(printed.pages[0].extract_text())
        assert "egen försäkran" in text.lower() and edition in text and reader_text(name[:20]) in text
