"""Presenter decks from slides/: the course's decks are complete, and every authoring
mistake is reported with the file, the slide number and what is wrong."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from course.errors import AuthorError
from course.macros import load_course, macro_functions
from course.slides import SlideRenderer, load_decks, parse_deck, slide_count

DOCS_FILES = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*") if p.is_file()}


def url_of(path: str):
    """Like MkDocs with directory URLs: pages end in /, other files keep their name."""
    if path not in DOCS_FILES:
        return None
    if path.endswith("index.md"):
        return path[: -len("index.md")]
    return path[: -len(".md")] + "/" if path.endswith(".md") else path


@pytest.fixture(scope="module")
def course():
    return load_course(ROOT, ROOT / "docs")


@pytest.fixture(scope="module")
def renderer(course):
    return SlideRenderer(course.facts, course.quizzes, macro_functions(course, lambda: None), url_of)


def deck(text: str, key: str = "test"):
    return parse_deck(text, key, f"slides/{key}.md")


def rendered(renderer, text: str):
    return renderer.content_slides(deck(text))


def error_of(renderer, text: str) -> str:
    with pytest.raises(AuthorError) as error:
        rendered(renderer, text)
    return str(error.value)


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
        assert slide_count(each, course.decks, course.quizzes) == len(renderer.deck_slides(each, course.decks))


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


def test_quiz_slides_show_the_answer_one_step_after_the_question(course, renderer):
    module_deck = course.decks["modul-1"]
    slides = renderer.deck_slides(module_deck, course.decks)
    bank = course.quizzes[module_deck.quiz]
    questions = [s for s in slides if s.kind == "quiz" and "quiz-answer" in s.html]
    assert len(questions) == len(bank.questions)
    first = questions[0].html
    assert re.search(r'class="fragment quiz-answer" data-fragment-index="1"', first)
    right = sum(a.right for a in bank.questions[0].answers)
    assert first.count('class="fragment quiz-right-mark" data-fragment-index="1"') == right
    assert slides[-1].kind == "sources"


# --- mistakes ------------------------------------------------------------------------


def test_unknown_fact_names_file_and_slide(renderer):
    message = error_of(renderer, HEADER + "# A\n\n---\n\n## B\n\n{{ fact(\"support_line.fone\") }}\n")
    assert message.startswith("slides/test.md: bild 2: okänd faktanyckel 'support_line.fone'")


def test_unknown_macro_names_file_and_slide(renderer):
    assert "slides/test.md: bild 1: okänt makro" in error_of(renderer, HEADER + "# A\n\n{{ fakta() }}\n")


def test_macro_syntax_error_names_file_and_slide(renderer):
    assert "slides/test.md: bild 1: fel i makroanrop" in error_of(renderer, HEADER + '# A\n\n{{ fact("x" }}\n')


def test_missing_image_names_file_and_slide(renderer):
    message = error_of(renderer, HEADER + "# A\n\n---\n\n## B\n\n---\n\n## C\n\n![Karta](assets/karta.png)\n")
    assert message == "slides/test.md: bild 3: bilden 'assets/karta.png' pekar på en fil som inte finns i docs/"


def test_broken_link_names_file_and_slide(renderer):
    message = error_of(renderer, HEADER + "# A\n\n[Modul 9](moduler/9-finns-inte.md)\n")
    assert message == "slides/test.md: bild 1: länken 'moduler/9-finns-inte.md' pekar på en fil som inte finns i docs/"


def test_broken_link_in_notes_is_caught_too(renderer):
    message = error_of(renderer, HEADER + "# A\n\nNote:\nLäs [mer](mer.md).\n")
    assert message.startswith("slides/test.md: bild 1: länken 'mer.md'")


@pytest.mark.parametrize(
    "front_matter,expected",
    [
        ("title: T\nquiz: modul-9", "slides/x.md: okänt quiz 'modul-9'"),
        ("title: T\nsources: [wikipedia]", "slides/x.md: okänd källa 'wikipedia'"),
        ("title: T\nmodule: 9", "slides/x.md: det finns ingen modul 9 i docs/moduler/"),
        ("title: T\ntema: mörkt", "slides/x.md: okänt fält 'tema'"),
        ("quiz: modul-1", "slides/x.md: front matter saknar fältet 'title'"),
    ],
)
def test_front_matter_mistakes_name_the_deck(course, tmp_path, front_matter, expected):
    (tmp_path / "slides").mkdir()
    (tmp_path / "slides" / "x.md").write_text(f"---\n{front_matter}\n---\n\n# Bild\n", encoding="utf-8")
    with pytest.raises(AuthorError) as error:
        load_decks(tmp_path, course.facts, course.quizzes, {m.number for m in course.modules})
    assert str(error.value).startswith(expected)


def test_combined_deck_with_unknown_part_names_the_deck(course, tmp_path):
    (tmp_path / "slides").mkdir()
    (tmp_path / "slides" / "alla.md").write_text("---\ntitle: Alla\ndecks: [modul-1]\n---\n", encoding="utf-8")
    with pytest.raises(AuthorError) as error:
        load_decks(tmp_path, course.facts, course.quizzes, {1})
    assert str(error.value).startswith("slides/alla.md: okänt bildspel 'modul-1'")


def test_deck_without_slides_is_an_error():
    with pytest.raises(AuthorError, match="slides/test.md: bildspelet har inga bilder"):
        deck("---\ntitle: Tomt\n---\n\n")
