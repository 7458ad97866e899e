"""Case exercises (cases/*.yml): read, checked and shown three ways; an author's mistake
names the file and what is wrong."""

from __future__ import annotations

import textwrap

import pytest
from conftest import ROOT
from course.cases import cases_markdown, load_case, load_cases
from course.errors import AuthorError

GOOD = """\
title: Mannen i lagret
form: Arbetskraftsexploatering
modules: [2]
story: |
  Du arbetar med ekonomiskt bistånd.
questions:
  - question: Vilka tecken ser ni?
    comment: |
      Passet är borta.
  - question: Vem ringer ni?
    comment: Stödtelefonen.
"""


def write(tmp_path, text: str, name: str = "9-mannen-i-lagret.yml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def load(tmp_path, text: str):
    return load_case(write(tmp_path, text), "cases/9-mannen-i-lagret.yml", {1, 2, 3})


def error_of(tmp_path, text: str) -> str:
    with pytest.raises(AuthorError) as raised:
        load(tmp_path, text)
    assert raised.value.file == "cases/9-mannen-i-lagret.yml"
    return raised.value.message


def markdown(case, mode: str) -> str:
    return cases_markdown([case], mode, 2, str, lambda n: f"[modul {n}](m{n}.md)")


def test_the_course_has_its_cases_in_file_name_order():
    cases = load_cases(ROOT, set(range(1, 7)))
    assert [c.file for c in cases] == sorted((c.file for c in cases), key=lambda f: int(f.split("/")[1].split("-")[0]))
    assert len(cases) >= 4


def test_numbers_in_file_names_sort_naturally(tmp_path):
    (tmp_path / "cases").mkdir()
    for name in ("10-sist.yml", "2-forst.yml"):
        write(tmp_path / "cases", GOOD, name)
    assert [c.file for c in load_cases(tmp_path, {1, 2})] == ["cases/2-forst.yml", "cases/10-sist.yml"]


def test_a_good_case_is_read(tmp_path):
    case = load(tmp_path, GOOD)
    assert (case.title, case.form, case.modules) == ("Mannen i lagret", "Arbetskraftsexploatering", (2,))
    assert [q.text for q in case.questions] == ["Vilka tecken ser ni?", "Vem ringer ni?"]


@pytest.mark.parametrize("text,message", [
    ("title: [unclosed\n", "felaktig YAML (rad"),
    ("- en lista\n", "filen ska ha fälten"),
    (GOOD + "level: 2\n", "okänt fält 'level'"),
    (GOOD.replace("modules: [2]", "modules: [7]"), "modul 7 finns inte"),
    (GOOD.replace("modules: [2]", "modules: två"), "'modules' ska vara en lista"),
    (GOOD.replace("title: Mannen i lagret\n", ""), "fältet 'title' saknas"),
    (GOOD.replace("    comment: Stödtelefonen.\n", ""), "fråga 2: fältet 'comment' (kommentaren till utbildaren) saknas"),
    (GOOD.replace("    comment: Stödtelefonen.\n", "    comment: Stödtelefonen.\n    answer: ja\n"), "fråga 2: okänt fält 'answer'"),
    (GOOD[: GOOD.index("questions:")] + "questions: []\n", "fältet 'questions' saknas eller är tomt"),
])
def test_mistakes_name_the_file_and_what_is_wrong(tmp_path, text, message):
    assert message in error_of(tmp_path, text)


def test_the_handout_has_no_comments_the_trainer_copy_and_module_have_them(tmp_path):
    case = load(tmp_path, GOOD)
    handout, module, trainer = (markdown(case, mode) for mode in ("hidden", "collapsed", "shown"))
    assert "Passet är borta." not in handout and "Kommentar" not in handout
    assert module.count('??? note "Att tänka på"') == 2 and "Passet är borta." in module
    assert trainer.count('!!! note "Kommentar till utbildaren"') == 2 and "Stödtelefonen." in trainer
    for text in (handout, module, trainer):
        assert "## Fall 1: Mannen i lagret {#fall-1}" in text
        assert "1. Vilka tecken ser ni?" in text and "2. Vem ringer ni?" in text
        assert "[modul 2](m2.md)" in text


def test_an_unknown_way_to_show_comments_is_refused(tmp_path):
    with pytest.raises(ValueError, match="'hidden', 'collapsed', 'shown'"):
        markdown(load(tmp_path, GOOD), "open")


def test_a_mistake_in_a_fact_names_the_case_file_and_question(tmp_path):
    case = load(tmp_path, GOOD.replace("Vem ringer ni?", "Vem ringer ni på {{ x }}?"))

    def render(text):
        if "{{" in text:
            raise AuthorError("facts.yml", "okänd faktanyckel 'x'")
        return text

    with pytest.raises(AuthorError) as raised:
        cases_markdown([case], "shown", 2, render, lambda n: "")
    assert raised.value.message == "cases/9-mannen-i-lagret.yml: fråga 2: okänd faktanyckel 'x'"
