"""`kurs import`: a presentation shaped like the seed deck (made here with python-pptx) becomes a
course that passes `kurs check` and `mkdocs build --strict` at once: every slide in its module's
page and deck, every note in the deck's speaker notes, bullets, emphasis, links, tables and
pictures kept, what cannot be converted flagged on the page and in IMPORT.md, facts proposed.
The deck advances in Chromium and the pages pass axe, light and dark. Sections become modules;
bad input fails in Swedish, naming the file, and leaves nothing behind."""

from __future__ import annotations

import datetime as dt
import html
import re
import subprocess
import sys
import time
from pathlib import Path

import presentations as made
import pytest
from conftest import axe_light_and_dark, format_violations, run_axe, run_mkdocs, serve_folder
from playwright.sync_api import expect

from kurs import cli
from kurs.importer import import_presentation
from kurs.project import load_project, prepare_project

pytestmark = pytest.mark.xdist_group("import")  # one worker runs them all: the imported course is built once

TAG = re.compile(r"<[^>]+>")


def text_of(markup: str) -> str:
    """What a reader reads in an HTML fragment: tags dropped, entities read, spaces folded."""
    return " ".join(html.unescape(TAG.sub(" ", markup)).split())


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    """The seed-shaped deck imported with the kurs command and built with --strict, once."""
    folder = tmp_path_factory.mktemp("import")
    deck = made.seed_shaped(folder / "presentation.pptx")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "kurs.cli", "import", str(deck.path), str(folder / "kurs")],
                            capture_output=True, text=True)
    seconds = time.perf_counter() - started
    assert result.returncode == 0, result.stdout + result.stderr
    built = run_mkdocs(folder / "kurs", folder / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    print(f"kurs import of {len(deck.titles)} slides: {seconds:.2f} s (the command, Python's start included)")
    return deck, folder / "kurs", folder / "site", result.stdout


def where(deck: made.Made) -> list[tuple[str, int, str]]:
    """(title, module, deck) of every slide: the opening (module 0) on the start page and in the
    deck "inledning", each part from its part title slide on."""
    places, module = [], 0
    for title in deck.titles:
        module += module < len(deck.parts) and title == deck.parts[module]
        places.append((title, module, "inledning" if module == 0 else f"modul-{module}"))
    return places


def page_path(site: Path, module: int) -> str:
    """The start page (module 0) or a module's page, as a path in the site."""
    return "" if module == 0 else next((site / "moduler").glob(f"{module}-*")).relative_to(site).as_posix() + "/"


def page_of(site: Path, module: int) -> str:
    return (site / page_path(site, module) / "index.html").read_text(encoding="utf-8")


def module_page(site: Path, number: int) -> str:
    return page_of(site, number)


def deck_of(site: Path, key: str) -> str:
    return (site / "bildspel" / f"{key}.html").read_text(encoding="utf-8")


def test_the_import_says_what_it_did_and_the_course_checks(seed):
    deck, course, _, stdout = seed
    assert stdout.startswith("Klart") and "6 moduler av 26 bilder" in stdout and "IMPORT.md" in stdout
    checked = subprocess.run([sys.executable, "-m", "kurs.cli", "check"], cwd=course, capture_output=True, text=True)
    assert checked.returncode == 0 and "Inga fel i kursen (6 moduler" in checked.stdout, checked.stdout + checked.stderr
    nav = (course / "mkdocs.yml").read_text(encoding="utf-8")
    assert nav.count("      - moduler/") == 6 and "- Slutprov:" not in nav and "kom-igang" not in nav


def test_every_slide_title_is_in_its_module_page_and_its_deck(seed):
    deck, _, site, _ = seed
    for title, module, key in where(deck):
        assert title in text_of(page_of(site, module)), (title, module)
        assert title in text_of(deck_of(site, key)), (title, key)
    headings = [text_of(h) for h in re.findall(r"<h[12][^>]*>(.*?)</h[12]>", deck_of(site, "hela-presentationen"))]
    assert headings[: len(deck.titles)] == deck.titles, "the whole presentation is not in the deck's order"


def test_every_note_is_in_its_decks_speaker_notes(seed):
    deck, _, site, _ = seed
    places = where(deck)
    for number, note in deck.notes.items():
        _, _, key = places[number - 1]
        notes = [text_of(n) for n in re.findall(r'<aside class="notes">(.*?)</aside>', deck_of(site, key), re.S)]
        assert any(note in n for n in notes), (number, note)


def test_bullets_emphasis_links_tables_and_pictures_are_kept(seed):
    _, course, site, _ = seed
    first = module_page(site, 1)
    nested = re.search(r"<li>Ett allvarligt brott\s*<ul>\s*<li>Kränker de mänskliga rättigheterna</li>", first)
    assert nested, "the second bullet level is lost"
    assert "<strong>Barn</strong>" in first and "<em>behöver inte ha tvingats</em>" in first
    assert re.search(r"<table>.*<th>Form</th>.*<td>Arbetskraftsexploatering</td>", first, re.S)
    image = re.search(r'<img alt="([^"]*)" src="([^"]+)"', first)
    assert image and image.group(1) == made.ALT
    assert (site / "moduler" / "x" / image.group(2)).resolve().is_file()
    start = (site / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{made.WEB_NSPM}">Nationella samordningen mot prostitution och människohandel</a>' in start
    assert re.search(r"<ol>\s*<li>Vad är människohandel\?</li>", start), "the numbered list is lost"
    last = module_page(site, 6)
    assert last.count('class="course-note"') == 2, "the slide 'Reflektionsfrågor' gives the module its questions"
    assert "Skriv *inte* {{ så här }} i en sida." in text_of(start), "text that looks like Markdown or a macro is kept as text"


def test_what_cannot_be_converted_is_flagged_on_the_page_and_in_the_report(seed):
    _, course, site, _ = seed
    report = (course / "IMPORT.md").read_text(encoding="utf-8")
    for number, module, what, kept in [(10, 2, "en grupp av former", "Verkar kontrollerad"),
                                       (15, 3, "ett diagram", "31"),
                                       (11, 2, "bilden saknar alternativtext", "")]:
        title = f"Bild {number}: {what}"
        warnings = [text_of(w) for w in re.findall(r'<div class="admonition warning">(.*?)</div>',
                                                   module_page(site, module), re.S)]
        assert any(w.startswith(title) and kept in w for w in warnings), (title, warnings)
        assert re.search(rf"^\| {number} \| {what}", report, re.M), title
    for step in ("klarspråk", "lärandemål", "reflektionsfrågor", "quiz"):
        assert re.search(rf"^- \[ \] \*\*.*{step}", report, re.M | re.I), step


def test_phone_numbers_web_addresses_and_dates_are_proposed_as_facts(seed):
    _, course, site, _ = seed
    project = load_project(course)
    facts = prepare_project(project).course.facts
    proposed = {fact.value: fact for fact in facts.facts.values() if fact.source == "presentation"}
    assert set(proposed) == {made.PHONE, made.WEB_GUIDE, made.WEB_NSPM, made.DATE}
    assert {fact.checked for fact in proposed.values()} == {dt.date.today()}
    assert facts.source("presentation").kind == "Presentation"
    source = next((course / "docs" / "moduler").glob("5-*.md")).read_text(encoding="utf-8")
    assert made.PHONE not in source and '{{ phone("phone.number_1") }}' in source
    assert '<a href="tel:+4620390000" class="phone">020-39 00 00</a>' in module_page(site, 5)


def test_the_imported_deck_advances_and_passes_axe(page, seed):
    _, _, site, _ = seed
    server, url = serve_folder(site)
    try:
        outside = []
        page.on("request", lambda request: outside.append(request.url) if not request.url.startswith(url) else None)
        page.goto(url + "bildspel/modul-1.html")
        page.wait_for_function("window.Reveal && Reveal.isReady()")
        violations = run_axe(page)
        assert not violations, format_violations(violations)
        page.keyboard.press("ArrowRight")
        page.wait_for_function("Reveal.getIndices().h === 1")
        expect(page.locator("section.present h2")).to_have_text("Vad är människohandel?")
        assert not outside, outside
    finally:
        server.shutdown()


@pytest.mark.parametrize("module", [0, 2, 3])
def test_imported_pages_pass_axe_light_and_dark_with_the_notes_open(page, seed, module):
    _, _, site, _ = seed
    server, url = serve_folder(site)
    try:
        page.goto(url + page_path(site, module))
        for mode, violations in axe_light_and_dark(page).items():
            assert not violations, f"{mode}: " + format_violations(violations)
        page.locator("details.note summary").first.focus()
        page.keyboard.press("Enter")
        expect(page.locator("details.note").first).to_have_attribute("open", "")
        violations = run_axe(page)
        assert not violations, format_violations(violations)
    finally:
        server.shutdown()


def test_sections_become_modules_and_video_objects_and_smartart_are_flagged(tmp_path):
    deck = made.with_sections(tmp_path / "brandskydd.pptx")
    result = import_presentation(deck.path, tmp_path / "brandskydd")
    assert result.written.plan.how == "sections"
    pages = sorted((tmp_path / "brandskydd" / "docs" / "moduler").glob("*.md"))
    assert [p.read_text(encoding="utf-8").split("\ntitle: ")[1].split("\n")[0] for p in pages] == deck.parts
    report = (tmp_path / "brandskydd" / "IMPORT.md").read_text(encoding="utf-8")
    for number, what in [(2, "en video"), (3, "ett inbäddat objekt"), (4, "en SmartArt-grafik")]:
        assert re.search(rf"^\| {number} \| {what}", report, re.M), what
        page = pages[0 if number < 4 else 1].read_text(encoding="utf-8")
        assert f'!!! warning "Bild {number}: {what}' in page


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    whole = made.seed_shaped(folder / "hel.pptx").path
    return folder, {
        "not_a_presentation": (made.not_a_presentation(folder / "anteckningar.pptx"), "ingen PowerPoint-presentation"),
        "word_document": (made.word_document(folder / "brev.pptx"), "ingen PowerPoint-presentation"),
        "old_binary": (made.old_binary(folder / "gammal.ppt"), "spara som .pptx"),
        "password": (made.password_protected(folder / "hemlig.pptx", whole), "skyddad med lösenord"),
        "truncated": (made.truncated(folder / "halv.pptx", whole), "ofullständig"),
        "empty": (made.empty(folder / "tom.pptx"), "inga bilder"),
        "missing": (folder / "finns-inte.pptx", "filen finns inte"),
    }


@pytest.mark.parametrize("case", ["not_a_presentation", "word_document", "old_binary", "password", "truncated",
                                  "empty", "missing"])
def test_bad_input_fails_in_swedish_naming_the_file_and_writes_nothing(bad_inputs, case, capsys):
    folder, cases = bad_inputs
    path, message = cases[case]
    before = sorted(p.name for p in folder.iterdir())
    assert cli.main(["import", str(path), str(folder / "kurs")]) == 1
    error = capsys.readouterr().err
    assert error.startswith(f"Fel: {path}: ") and message in error and "Traceback" not in error, error
    assert sorted(p.name for p in folder.iterdir()) == before, "something was left behind"


def test_a_folder_that_is_not_empty_is_refused_and_a_dry_run_writes_nothing(bad_inputs, capsys):
    folder, cases = bad_inputs
    taken = folder / "upptagen"
    taken.mkdir(exist_ok=True)
    (taken / "min-text.md").write_text("Min text\n", encoding="utf-8")
    assert cli.main(["import", str(folder / "hel.pptx"), str(taken)]) == 1
    assert "inte tom" in capsys.readouterr().err
    assert [p.name for p in taken.iterdir()] == ["min-text.md"]
    assert cli.main(["import", str(folder / "hel.pptx"), str(taken / "min-text.md")]) == 1
    assert "redan en fil" in capsys.readouterr().err
    assert (taken / "min-text.md").read_text(encoding="utf-8") == "Min text\n"
    before = sorted(p.name for p in folder.iterdir())
    assert cli.main(["import", str(folder / "hel.pptx"), str(folder / "prov"), "--dry-run"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("# Import av hel.pptx") and "| 15 | ett diagram" in printed
    assert sorted(p.name for p in folder.iterdir()) == before


@pytest.mark.parametrize("line", ["# Inte en rubrik", "> Inte ett citat", "- Inte en punkt", "1. Inte en lista",
                                  "--- inte en bildgräns", "Note: inte anteckningar", ": inte en definition",
                                  "~~~ inte kod", "*inte kursiv* och _inte_ [en länk]", "{{ inte ett makro }} {: .x}",
                                  "<b>inte fet</b> & 5 < 6", "a | b"])
def test_slide_text_stays_text_on_the_page(line):
    import markdown

    from kurs.importer.facts import FactFinder
    from kurs.importer.markdown import Images, SlideMarkdown
    from kurs.importer.reader import Paragraph, Run

    written = SlideMarkdown(FactFinder(), Images(), deck=False).paragraphs([Paragraph([Run(line)])], 1)
    rendered = markdown.markdown(written, extensions=["admonition", "attr_list", "def_list", "md_in_html", "tables",
                                                     "pymdownx.superfences"])
    assert rendered.startswith("<p>") and text_of(rendered) == line, rendered
