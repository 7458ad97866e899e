"""An author's mistake fails `mkdocs build` with the file and what is wrong, never a traceback."""

from __future__ import annotations

import re

import pytest
from conftest import copy_project, run_mkdocs

MODULE = "docs/moduler/2-att-upptacka.md"


@pytest.fixture
def project(tmp_path):
    """A copy of the course's content and machinery to break."""
    return copy_project(tmp_path / "project")


def append(path, text):
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


def replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def failed_build(project, tmp_path) -> str:
    result = run_mkdocs(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    return output


def test_the_untouched_copy_builds(project, tmp_path):
    result = run_mkdocs(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr


def test_unknown_fact_key_names_page_and_key(project, tmp_path):
    append(project / MODULE, '\nRing {{ fact("support_line.fone") }}.\n')
    output = failed_build(project, tmp_path)
    assert f"{MODULE}: fact(): okänd faktanyckel 'support_line.fone'" in output
    assert "support_line.phone" in output  # the suggestion


def test_undefined_variable_names_page(project, tmp_path):
    append(project / MODULE, "\n{{ fakta.telefon }}\n")
    output = failed_build(project, tmp_path)
    assert f"{MODULE}: fel i makroanrop: 'fakta' is undefined" in output


def test_macro_syntax_error_names_page(project, tmp_path):
    append(project / MODULE, '\n{{ fact("support_line.phone" }}\n')
    line = len((project / MODULE).read_text(encoding="utf-8").splitlines())
    output = failed_build(project, tmp_path)
    assert f"{MODULE}: rad {line}: fel i makroanrop" in output


def test_malformed_facts_file_names_file_and_line(project, tmp_path):
    append(project / "facts.yml", "\n  broken: [unclosed\n")
    output = failed_build(project, tmp_path)
    assert "facts.yml: felaktig YAML (rad" in output


def test_module_without_time_names_page_and_field(project, tmp_path):
    replace(project / MODULE, "\nminutes:", "\nminuter:")
    output = failed_build(project, tmp_path)
    assert f"{MODULE}: okänt fält 'minuter'" in output


def test_unknown_source_on_a_page_names_page(project, tmp_path):
    replace(project / MODULE, "sources: [", "sources: [boken, ")
    output = failed_build(project, tmp_path)
    assert f"{MODULE}: okänd källa 'boken'" in output


def test_broken_link_names_page_and_target(project, tmp_path):
    append(project / MODULE, "\nSe [modulen](finns-inte.md).\n")
    output = failed_build(project, tmp_path)
    assert "moduler/2-att-upptacka.md" in output and "finns-inte.md" in output


def test_page_calling_an_unknown_quiz_names_page_and_quiz(project, tmp_path):
    replace(project / MODULE, '{{ quiz("modul-2") }}', '{{ quiz("modul-22") }}')
    output = failed_build(project, tmp_path)
    assert f"{MODULE}: quiz(): okänt quiz 'modul-22'" in output


def test_quiz_without_a_right_answer_fails_the_build(project, tmp_path):
    path = project / "quizzes" / "modul-2.yml"
    text = path.read_text(encoding="utf-8")
    first = text.index("- right:")
    path.write_text(text[:first] + "- wrong:" + text[first + len("- right:"):], encoding="utf-8")
    output = failed_build(project, tmp_path)
    assert "quizzes/modul-2.yml: fråga 1 (" in output and "inget svar är markerat som rätt" in output


def test_slide_with_unknown_fact_fails_the_build_naming_deck_and_slide(project, tmp_path):
    deck = project / "slides" / "modul-2.md"
    slides = deck.read_text(encoding="utf-8").split("\n\n---\n\n")
    append(deck, '\n\n---\n\n## Ny bild\n\nRing {{ fact("support_line.fone") }}\n')
    output = failed_build(project, tmp_path)
    assert f"slides/modul-2.md: bild {len(slides) + 1}: okänd faktanyckel 'support_line.fone'" in output


def test_deck_with_unknown_quiz_fails_the_build(project, tmp_path):
    replace(project / "slides" / "modul-4.md", "quiz: modul-4", "quiz: modul-44")
    output = failed_build(project, tmp_path)
    assert "slides/modul-4.md: okänt quiz 'modul-44'" in output


def test_module_quiz_without_pass_mark_names_quiz_file(project, tmp_path):
    replace(project / "quizzes" / "modul-2.yml", "pass_mark: 80\n", "")
    output = failed_build(project, tmp_path)
    assert "quizzes/modul-2.yml" in output and "'pass_mark'" in output


def test_reflection_heading_without_numbered_questions_names_page(project, tmp_path):
    path = project / MODULE
    text = path.read_text(encoding="utf-8")
    head, tail = text.split("## Reflektionsfrågor", 1)
    path.write_text(head + "## Reflektionsfrågor" + re.sub(r"(?m)^\d\. ", "- ", tail), encoding="utf-8")
    output = failed_build(project, tmp_path)
    assert f"{MODULE}: under rubriken 'Reflektionsfrågor'" in output and "numrerad lista" in output


def test_a_case_without_a_trainer_comment_names_the_case_file(project, tmp_path):
    case = project / "cases" / "1-kvinnan-pa-hotellet.yml"
    text = case.read_text(encoding="utf-8")
    start = text.index("    comment: |")
    end = text.index("  - question:", start)
    case.write_text(text[:start] + text[end:], encoding="utf-8")
    output = failed_build(project, tmp_path)
    assert "cases/1-kvinnan-pa-hotellet.yml: fråga 1: fältet 'comment' (kommentaren till utbildaren) saknas" in output


def test_an_unknown_fact_in_a_case_names_the_page_and_the_case_file(project, tmp_path):
    replace(project / "cases" / "2-biltvatten.yml", "Vilka tecken på exploatering ser du?",
            'Vad säger {{ fact("support_line.fone") }}?')
    output = failed_build(project, tmp_path)
    assert "case_exercises(): cases/2-biltvatten.yml: fråga 1: okänd faktanyckel 'support_line.fone'" in output
