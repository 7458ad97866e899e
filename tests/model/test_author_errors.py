"""An author's mistake stops `mkdocs build` before anything is written: the message names the
file and the line or field, there is no Python traceback, and the previous site stays as it was.
One case (at least) per kind of mistake content owners were seen to make."""

from __future__ import annotations

import pytest
from conftest import copy_project, run_mkdocs

MODULE = "docs/moduler/2-att-upptacka.md"
QUIZ = "quizzes/modul-2.yml"


def edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path, text) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if text in line)


@pytest.fixture(scope="module")
def original(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("original") / "project", packages=False, books=False)


@pytest.fixture
def project(original, tmp_path):
    import shutil

    target = tmp_path / "project"
    shutil.copytree(original, target)
    previous = target / "site"
    previous.mkdir()
    (previous / "index.html").write_text("the previous build", encoding="utf-8")
    return target


def failed_build(project) -> str:
    result = run_mkdocs(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "the previous build", "site/ was touched"
    assert sorted(p.name for p in (project / "site").iterdir()) == ["index.html"]
    return output


def break_encoding(project):
    path = project / "cases" / "2-biltvatten.yml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252", errors="replace"))
    return "cases/2-biltvatten.yml:", "spara filen som UTF-8"


def binary_yaml(project):
    (project / "quizzes" / "modul-9.yml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return "quizzes/modul-9.yml:", "ingen textfil"


def page_in_windows_1252(project):
    path = project / MODULE
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252", errors="replace"))
    return f"{MODULE}:", "spara filen som UTF-8"


def impossible_date(project):
    edit(project / "facts.yml", "checked: 2026-", "checked: 2026-13-45 #", 1)
    line = line_of(project / "facts.yml", "2026-13-45")
    return f"facts.yml:{line}:", "'checked': ska vara ett datum som finns"


def forgotten_dash_merges_two_questions(project):
    path = project / QUIZ
    text = path.read_text(encoding="utf-8")
    second = text.index("  - question:", text.index("  - question:") + 1)
    path.write_text(text[:second] + "    question:" + text[second + len("  - question:"):], encoding="utf-8")
    line = path.read_text(encoding="utf-8")[:second].count("\n") + 1
    return f"{QUIZ}:{line}:", "'question' står två gånger"


def fact_defined_twice(project):
    path = project / "facts.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    phone:")
    entry = text[start:text.index("\n", start) + 1]
    path.write_text(text.replace(entry, entry + entry, 1), encoding="utf-8")
    return "facts.yml:", "'phone' står två gånger"


def pass_mark_yes(project):
    edit(project / QUIZ, "pass_mark: 80", "pass_mark: yes")
    return f"{QUIZ}:{line_of(project / QUIZ, 'pass_mark: yes')}:", "'pass_mark': ska vara ett heltal, inte 'yes'"


def unclosed_quote(project):
    path = project / QUIZ
    edit(path, "    explanation: ", '    explanation: "', 1)
    return f"{QUIZ}:{line_of(path, 'explanation: ' + chr(34))}:", "citattecken som börjar här avslutas aldrig"


def front_matter_error_line(project):
    path = project / MODULE
    edit(path, "\nminutes:", "\nminutes: [20\n")
    return f"{MODULE}:{line_of(path, 'minutes:')}:", "felaktig YAML"


def duplicated_module_number(project):
    edit(project / "docs/moduler/3-betanketid.md", "module: 3", "module: 2")
    return "docs/moduler/3-betanketid.md:", "modulnumret 2 finns redan i docs/moduler/2-att-upptacka.md"


def final_test_without_pass_mark(project):
    edit(project / "quizzes/slutprov.yml", "\npass_mark: ", "\n# pass_mark: ")
    return "quizzes/slutprov.yml:", "'pass_mark'"


def sources_a_word(project):
    edit(project / MODULE, "sources: [", "sources: digg #[")
    return f"{MODULE}:{line_of(project / MODULE, 'sources:')}:", "'sources': ska vara en lista"


def plain_page_front_matter(project):
    path = project / "docs" / "kallor.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("---\n", "---\nhide: [toc\n", 1), encoding="utf-8")
    return "docs/kallor.md:2:", "felaktig YAML"


def dash_before_note(project):
    path = project / "slides" / "modul-2.md"
    edit(path, "\nNote:", "\n---\n\nNote:")
    return "slides/modul-2.md:", "har bara anteckningar"


def unknown_fact_on_a_page(project):
    path = project / MODULE
    path.write_text(path.read_text(encoding="utf-8") + '\nRing {{ fact("support_line.fone") }}.\n', encoding="utf-8")
    return f"{MODULE}:{len(path.read_text(encoding='utf-8').splitlines())}:", "fact(): okänd faktanyckel 'support_line.fone'"


def macro_syntax_error(project):
    path = project / MODULE
    path.write_text(path.read_text(encoding="utf-8") + '\n{{ fact("support_line.phone" }}\n', encoding="utf-8")
    return f"{MODULE}:{len(path.read_text(encoding='utf-8').splitlines())}:", "fel i makroanrop"


def undefined_name_on_a_page(project):
    path = project / MODULE
    path.write_text(path.read_text(encoding="utf-8") + "\n{{ fakta.telefon }}\n", encoding="utf-8")
    return f"{MODULE}:{len(path.read_text(encoding='utf-8').splitlines())}:", "fel i makroanrop: 'fakta' is undefined"


def unknown_quiz_on_a_page(project):
    edit(project / MODULE, '{{ quiz("modul-2") }}', '{{ quiz("modul-22") }}')
    return f"{MODULE}:{line_of(project / MODULE, 'modul-22')}:", "quiz(): okänt quiz 'modul-22'"


def module_quiz_without_pass_mark(project):
    edit(project / QUIZ, "pass_mark: 80\n", "")
    return QUIZ, "'pass_mark'"


def unknown_fact_in_a_slide(project):
    deck = project / "slides" / "modul-2.md"
    slides = deck.read_text(encoding="utf-8").count("\n\n---\n\n") + 1
    deck.write_text(deck.read_text(encoding="utf-8") + '\n\n---\n\n## Ny bild\n\nRing {{ fact("support_line.fone") }}\n',
                    encoding="utf-8")
    return f"slides/modul-2.md:{line_of(deck, 'support_line.fone')}: bild {slides + 1}:", "okänd faktanyckel 'support_line.fone'"


def unknown_quiz_in_a_deck(project):
    edit(project / "slides" / "modul-4.md", "quiz: modul-4", "quiz: modul-44")
    return "slides/modul-4.md:", "okänt quiz 'modul-44'"


def unknown_source_on_a_page(project):
    edit(project / MODULE, "sources: [", "sources: [boken, ")
    return f"{MODULE}:", "okänd källa 'boken'"


def case_without_trainer_comment(project):
    case = project / "cases" / "1-kvinnan-pa-hotellet.yml"
    text = case.read_text(encoding="utf-8")
    start = text.index("    comment: |")
    case.write_text(text[:start] + text[text.index("  - question:", start):], encoding="utf-8")
    return "cases/1-kvinnan-pa-hotellet.yml:", "fråga 1: fältet 'comment' saknas"


def unknown_fact_in_a_case(project):
    path = project / "cases" / "2-biltvatten.yml"
    text = path.read_text(encoding="utf-8")
    first = text.index("  - question: ") + len("  - question: ")
    path.write_text(text[:first] + 'Vad säger {{ fact("support_line.fone") }}? ' + text[first:], encoding="utf-8")
    return f"cases/2-biltvatten.yml:{line_of(path, 'support_line.fone')}: fråga 1:", "okänd faktanyckel 'support_line.fone'"


def unknown_field_in_a_case(project):
    edit(project / "cases" / "1-kvinnan-pa-hotellet.yml", "form:", "fomr:")
    return "cases/1-kvinnan-pa-hotellet.yml:", "okänt fält 'fomr'"


CASES = [break_encoding, binary_yaml, page_in_windows_1252, impossible_date, forgotten_dash_merges_two_questions,
         fact_defined_twice, pass_mark_yes, unclosed_quote, front_matter_error_line, duplicated_module_number,
         final_test_without_pass_mark, sources_a_word, plain_page_front_matter, dash_before_note,
         unknown_fact_on_a_page, macro_syntax_error, undefined_name_on_a_page, unknown_quiz_on_a_page,
         module_quiz_without_pass_mark, unknown_fact_in_a_slide, unknown_quiz_in_a_deck, unknown_source_on_a_page,
         case_without_trainer_comment, unknown_fact_in_a_case, unknown_field_in_a_case]


@pytest.mark.parametrize("mistake", CASES, ids=[case.__name__ for case in CASES])
def test_a_mistake_names_file_and_line_and_leaves_the_site(project, mistake):
    where, what = mistake(project)
    output = failed_build(project)
    line = next((line for line in output.splitlines() if where in line and what in line), None)
    assert line, f"expected a line with {where!r} and {what!r} in:\n{output}"


def test_a_broken_link_names_page_and_target(project):
    """MkDocs's own check, found while it writes the site (the README says so): only the message is ours to test."""
    path = project / MODULE
    path.write_text(path.read_text(encoding="utf-8") + "\nSe [modulen](finns-inte.md).\n", encoding="utf-8")
    result = run_mkdocs(project, project / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "moduler/2-att-upptacka.md" in output and "finns-inte.md" in output
