"""Presenter decks from slides/: the course's decks are complete, and every authoring
mistake is reported with the file, the slide number and what is wrong."""

from __future__ import annotations

import dataclasses
import re

import pytest
from conftest import PROJECT, course_content
from kurs.model.deck import Deck, split_slides
from kurs.model.pages import DeckMeta
from kurs.model.yamlfile import split_page
from kurs.prepare import engine_macros
from kurs.project import site_url
from kurs.render.macros import MacroContext
from kurs.slides.render import SLIDE_MACROS, SlideRenderer, inline_markdown, slide_count

DOCS = PROJECT.docs_dir
DOCS_FILES = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*") if p.is_file()}


def url_of(path: str):
    return site_url(path, True) if path in DOCS_FILES else None


@pytest.fixture(scope="module")
def course():
    return course_content()


@pytest.fixture
def renderer(course):
    macros = {name: f for name, f in engine_macros(MacroContext(course)).items() if name in SLIDE_MACROS}
    return SlideRenderer(course, macros, url_of)


def deck(text: str, key: str = "test") -> Deck:
    page = split_page(text, f"slides/{key}.md")
    meta = DeckMeta.model_validate(page.meta.data)
    return Deck(key, f"slides/{key}.md", meta, tuple(split_slides(page.body, page.file, page.body_line)), "bildspel")


def rendered(renderer, text: str):
    return renderer.content_slides(deck(text))


def errors_of(renderer, text: str) -> list[str]:
    rendered(renderer, text)
    assert renderer.errors, "no error found"
    return [str(e) for e in renderer.errors]


HEADER = "---\ntitle: Test\n---\n\n"


# --- the course's decks --------------------------------------------------------------


def test_every_module_has_a_deck_with_its_quiz(course):
    for module in course.modules:
        module_deck = course.deck_for(module)
        assert module_deck is not None, f"modul {module.number} saknar bildspel i slides/"
        assert module_deck.quiz in course.quizzes


def test_full_deck_strings_together_intro_six_modules_and_closing(course):
    full = course.decks["hela-presentationen"]
    modules = [course.deck_for(m).key for m in course.modules]
    assert full.decks[0] == "inledning" and full.decks[-1] == "avslutning"
    assert [key for key in full.decks if key in modules] == modules


def test_every_content_slide_has_speaker_notes(course, renderer):
    for key, each in course.decks.items():
        for slide in renderer.content_slides(each):
            assert slide.notes.strip(), f"slides/{key}.md: a slide without notes: {slide.html[:80]}"


def test_slide_count_matches_the_built_slides(course, renderer):
    for each in course.decks.values():
        assert slide_count(each, course) == len(renderer.deck_slides(each))


def test_title_slide_notes_point_presenters_to_kunskapsguiden_and_the_presenter_page(course, renderer):
    notes = renderer.content_slides(course.decks["inledning"])[0].notes
    assert str(course.facts.get("web.kunskapsguiden").value) in notes
    assert 'href="../bildspel/"' in notes


# --- format ------------------------------------------------------------------------


def test_slides_split_on_rules_and_notes_follow_note_line(renderer):
    slides = rendered(renderer, HEADER + "# Ett\n\nNote:\nSäg hej.\n\n---\n\n## Två\n\n- a\n- b\n")
    assert len(slides) == 2
    assert "<h1>Ett</h1>" in slides[0].html and "Säg hej." in slides[0].notes
    assert "<li>a</li>" in slides[1].html and slides[1].notes == ""


def test_fragment_marker_at_line_end_reveals_that_item(renderer):
    html = rendered(renderer, HEADER + "## Steg\n\n- först\n- sedan {.fragment}\n")[0].html
    assert '<li class="fragment">sedan</li>' in html


def test_facts_come_from_the_facts_file(course, renderer):
    html = rendered(renderer, HEADER + '## Tid\n\n{{ fact("reflection_period.days") }} dagar\n')[0].html
    assert f"{course.facts.get('reflection_period.days').value} dagar" in html


def test_links_to_pages_and_files_become_site_urls(renderer):
    html = rendered(renderer, HEADER + "## L\n\n[Modul 3](moduler/3-betanketid.md#vad-ar-betanketid)\n")[0].html
    assert 'href="../moduler/3-betanketid/#vad-ar-betanketid"' in html


def test_group_questions_count_the_room_before_the_answer(course, renderer):
    """Each question: options first (with the deck's countdown), the count per option one step
    later, the right answer one step after that; then the session's summary, then the sources."""
    module_deck = course.decks["modul-1"]
    slides = renderer.deck_slides(module_deck)
    bank = course.quizzes[module_deck.quiz]
    questions = [s for s in slides if s.kind == "quiz" and "group-question" in s.html]
    assert len(questions) == len(bank.questions)
    for number, (slide, question) in enumerate(zip(questions, bank.questions), start=1):
        options, right = len(question.answers), [i for i, a in enumerate(question.answers) if a.is_right]
        assert f'data-question="modul-1/{number}/' in slide.html
        assert f'data-right="{",".join(map(str, right))}"' in slide.html
        assert slide.html.count('class="fragment tally" data-fragment-index="1"') == options
        assert slide.html.count('class="tally-count classroom-control"') == options
        assert re.search(r'class="fragment quiz-answer" data-fragment-index="2"', slide.html)
        assert slide.html.count('class="fragment quiz-right-mark" data-fragment-index="2"') == len(right)
        assert f'class="classroom-timer" data-seconds="{module_deck.meta.countdown}"' in slide.html
    assert [s.kind for s in slides[-2:]] == ["summary", "sources"]


def test_a_deck_without_countdown_has_no_timer(renderer):
    slides = renderer.deck_slides(deck(HEADER.replace("title: Test", "title: Test\nquiz: modul-1") + "# A\n"))
    assert any("group-question" in s.html for s in slides)
    assert not any("classroom-timer" in s.html for s in slides)


def test_case_slides_tell_each_story_and_ask_each_question_with_the_comment_in_the_notes(course, renderer):
    slides = [s for s in renderer.deck_slides(course.decks["modul-6"]) if s.kind == "case"]
    assert len(slides) == sum(1 + len(case.questions) for case in course.cases)
    at = 0
    for number, case in enumerate(course.cases, start=1):
        story = slides[at]
        assert f"Fall {number}: {case.title}" in story.html and case.form in story.html
        for question, slide in zip(case.questions, slides[at + 1:]):
            assert inline_markdown(question.question) in slide.html
            assert renderer.markdown_html(question.comment) in slide.notes
        at += 1 + len(case.questions)


def test_the_qr_code_slide_needs_the_sites_address(course):
    """Only a site with an address (site_url) gets the QR code slide, in the deck that asks for it
    and in the combined decks that include that deck."""
    macros = {name: f for name, f in engine_macros(MacroContext(course)).items() if name in SLIDE_MACROS}
    for address, expected in (("", []), ("https://kurs.example.se/", ["avslutning", "hela-presentationen"])):
        with_address = dataclasses.replace(course, site_url=address)
        renderer = SlideRenderer(with_address, macros, url_of)
        showing = sorted(key for key, each in course.decks.items()
                         if any(s.kind == "qr" for s in renderer.deck_slides(each)))
        assert showing == expected
        for each in course.decks.values():
            assert slide_count(each, with_address) == len(renderer.deck_slides(each))
    qr = next(s for s in renderer.deck_slides(course.decks["avslutning"]) if s.kind == "qr")
    assert '<svg role="img" aria-label="QR-kod till kursen på webben: https://kurs.example.se/"' in qr.html
    assert 'href="https://kurs.example.se/"' in qr.html


# --- mistakes (each with the deck's file, the line in it and the slide's number) -----------------


def test_unknown_fact_names_file_line_and_slide(renderer):
    found = errors_of(renderer, HEADER + "# A\n\n---\n\n## B\n\n{{ fact(\"support_line.fone\") }}\n")
    assert found[0].startswith("slides/test.md:11: bild 2: fact(): okänd faktanyckel 'support_line.fone'. Menade du: support_line.phone")


def test_unknown_macro_names_file_and_slide(renderer):
    assert "slides/test.md:7: bild 1: fel i makroanrop: 'fakta' is undefined" in errors_of(renderer, HEADER + "# A\n\n{{ fakta() }}\n")


def test_macro_syntax_error_names_file_and_slide(renderer):
    assert errors_of(renderer, HEADER + '# A\n\n{{ fact("x" }}\n')[0].startswith("slides/test.md:7: bild 1: fel i makroanrop")


def test_missing_image_names_file_and_slide(renderer):
    found = errors_of(renderer, HEADER + "# A\n\n---\n\n## B\n\n---\n\n## C\n\n![Karta](assets/karta.png)\n")
    assert found == ["slides/test.md:13: bild 3: bilden 'assets/karta.png' pekar på en fil som inte finns i docs/"]


def test_broken_link_names_file_and_slide(renderer):
    found = errors_of(renderer, HEADER + "# A\n\n[Modul 9](moduler/9-finns-inte.md)\n")
    assert found == ["slides/test.md:5: bild 1: länken 'moduler/9-finns-inte.md' pekar på en fil som inte finns i docs/"]


def test_broken_link_in_notes_is_caught_too(renderer):
    assert errors_of(renderer, HEADER + "# A\n\nNote:\nLäs [mer](mer.md).\n")[0].startswith("slides/test.md:5: bild 1: länken 'mer.md'")
