"""The presenter decks in Debian's Chromium: each opens with nothing requested from
outside the site, advances by keyboard, carries speaker notes, passes axe-core, opens the
speaker view, prints one page per slide and works from file://. The group questions' classroom
mode is tested in test_classroom_browser.py."""

from __future__ import annotations

import io
import re

import pytest
from conftest import ROOT, format_violations, module_paths, reader_text, run_axe
from playwright.sync_api import expect
from pypdf import PdfReader

DECKS = sorted(p.stem for p in (ROOT / "slides").glob("*.md"))
# The seed presentation (../shared/sources/002_…txt) has 26 slides: title, "Till dig som
# håller i presentationen", "Varför …", contents, six section titles, 15 content slides
# and the closing reflection questions.
SEED_SLIDES = 26


def open_deck(page, base_url, key, query=""):
    """Open a deck, recording every request and script error."""
    requests, errors = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base_url}bildspel/{key}.html{query}")
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    return requests, errors


def slide_kinds(page) -> list[str]:
    return page.evaluate("Reveal.getSlides().map(s => s.className.match(/slide-(\\w+)/)[1])")


@pytest.mark.parametrize("key", DECKS)
def test_deck_opens_offline_safe_has_notes_on_every_content_slide_advances_and_passes_axe(page, base_url, key):
    requests, errors = open_deck(page, base_url, key)
    assert page.locator("html").get_attribute("lang") == "sv"
    notes = page.evaluate("Reveal.getSlides().map(s => (Reveal.getSlideNotes(s) || '').trim().length)")
    content = [n for n, kind in zip(notes, slide_kinds(page)) if kind == "content"]
    assert content, "no content slides"
    assert all(content), f"{content.count(0)} of {len(content)} content slides lack notes"
    violations = run_axe(page)
    assert not violations, format_violations(violations)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("Reveal.getIndices().h") >= 1
    outside = [url for url in requests if not url.startswith(base_url)]
    assert not outside, outside
    assert not errors, errors


def test_full_deck_follows_the_seed_order_with_every_part(page, base_url):
    titles = []
    for path in module_paths():
        page.goto(base_url + path)
        titles.append(page.locator("article h1").inner_text().rstrip("¶").strip())
    open_deck(page, base_url, "hela-presentationen")
    assert page.evaluate("Reveal.getTotalSlides()") >= SEED_SLIDES
    headings = page.locator(".slides section h1").all_inner_texts()
    assert headings[0].startswith("Betänketid vid misstänkt människohandel")
    positions = [headings.index(title) for title in titles]
    assert positions == sorted(positions), "the six parts are not in course order"


def test_controls_and_keyboard_help_are_in_swedish(page, base_url):
    open_deck(page, base_url, "modul-2")
    expect(page.locator(".controls .navigate-right")).to_have_attribute("aria-label", "nästa bild")
    page.keyboard.press("Shift+Slash")
    help_overlay = page.locator(".r-overlay-help")
    expect(help_overlay).to_contain_text("Kortkommandon")
    expect(help_overlay).to_contain_text("Talarvy med anteckningar")
    expect(help_overlay).not_to_contain_text("Next slide")


def test_speaker_view_shows_the_notes_with_swedish_labels(page, base_url):
    open_deck(page, base_url, "modul-3")
    page.keyboard.press("ArrowRight")
    expected = page.locator("section.present aside.notes").text_content().strip()
    with page.expect_popup() as popup_info:
        page.keyboard.press("s")
    speaker = popup_info.value
    notes = speaker.locator(".speaker-controls-notes")
    expect(notes).to_contain_text("Anteckningar", timeout=10_000)
    expect(notes.locator(".value")).to_contain_text(expected[:20])
    expect(speaker.locator("#upcoming-slide")).to_contain_text("Nästa")


@pytest.mark.parametrize("key", ["modul-3", "hela-presentationen"])
def test_print_pdf_gives_one_page_per_slide(page, base_url, key):
    open_deck(page, base_url, key, "?print-pdf")
    page.wait_for_function("document.querySelectorAll('.pdf-page').length > 0")
    slides = page.evaluate("Reveal.getTotalSlides()")
    expect(page.locator(".deck-back")).to_be_hidden()
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    assert len(pdf.pages) == slides
    assert "Källor" in reader_text(pdf.pages[-1].extract_text())
    handout = reader_text(" ".join(p.extract_text() for p in pdf.pages))
    for control in ("Börja om", "Radera sparade svar"):  # the presenter's, not the room's
        assert control not in handout


def test_deck_works_opened_from_disk(page, site_dir):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((site_dir / "bildspel" / "modul-1.html").as_uri())
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("Reveal.getIndices().h") == 1
    expect(page.locator("section.present h2")).to_be_visible()
    assert not errors, errors


def test_module_page_presents_its_deck_and_back(page, base_url):
    path = module_paths()[1]
    page.goto(base_url + path)
    page.get_by_role("link", name="Presentera modulen").click()
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    assert re.search(r"bildspel/modul-2\.html(#.*)?$", page.url), page.url
    page.get_by_role("link", name="Till modulsidan").click()
    assert page.url == base_url + path


def test_start_page_links_the_whole_presentation(page, base_url):
    page.goto(base_url)
    page.get_by_role("link", name="Öppna hela bildspelet").click()
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    assert "bildspel/hela-presentationen.html" in page.url


def test_the_deck_landmark_keeps_its_role(page, base_url):
    """reveal.js gives its element role="application"; the <main> landmark around it keeps its own."""
    open_deck(page, base_url, "modul-3")
    main = page.locator("main")
    expect(main).to_have_count(1)
    assert main.get_attribute("role") is None
    expect(main.locator(".reveal")).to_have_attribute("role", "application")


def test_deck_loads_no_embedded_font_and_shows_the_system_font(page, base_url):
    """reveal.js's theme embeds ~420 kB of font data; the site's copy of the theme leaves it out."""
    sizes = {}
    page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())) if r.url.endswith(".css") else None)
    open_deck(page, base_url, "modul-3")
    theme = next(size for url, size in sizes.items() if url.endswith("/theme/white-contrast.css"))
    assert theme < 20_000, theme
    assert page.evaluate("[...document.fonts].length") == 0  # no @font-face left to load
    heading = page.locator(".reveal .slides section.present h1, .reveal .slides section.present h2").first
    font = heading.evaluate("h => getComputedStyle(h).fontFamily")
    assert "Source Sans" not in font and font.startswith("-apple-system"), font
    assert heading.evaluate("h => getComputedStyle(h).textTransform") == "none"
