"""Case exercises (cases/*.yml): read, checked and shown three ways; an author's mistake
names the file and what is wrong."""

from __future__ import annotations

import textwrap

import pytest
from conftest import course_content
from kurs.cases import cases_markdown, rendered_case
from kurs.model.case import Case
from kurs.model.yamlfile import parse_yaml
from kurs.render.renderer import MacroError

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


def load(text: str) -> Case:
    document = parse_yaml(textwrap.dedent(text), "cases/9-mannen-i-lagret.yml")
    case = Case.model_validate(document.data)
    case._file, case._doc = "cases/9-mannen-i-lagret.yml", document
    return case


def markdown(case, mode: str) -> str:
    return cases_markdown([case], mode, 2, lambda n: f"[modul {n}](m{n}.md)")


def test_the_course_has_its_cases_in_file_name_order():
    cases = course_content().cases
    assert [c.file for c in cases] == sorted((c.file for c in cases), key=lambda f: int(f.split("/")[1].split("-")[0]))
    assert len(cases) >= 4


def test_a_good_case_is_read():
    case = load(GOOD)
    assert (case.title, case.form, case.modules) == ("Mannen i lagret", "Arbetskraftsexploatering", [2])
    assert [q.question for q in case.questions] == ["Vilka tecken ser ni?", "Vem ringer ni?"]


def test_the_handout_has_no_comments_the_trainer_copy_and_module_have_them():
    case = load(GOOD)
    handout, module, trainer = (markdown(case, mode) for mode in ("hidden", "collapsed", "shown"))
    assert "Passet är borta." not in handout and "Kommentar" not in handout
    assert module.count('??? note "Att tänka på"') == 2 and "Passet är borta." in module
    assert trainer.count('!!! note "Kommentar till utbildaren"') == 2 and "Stödtelefonen." in trainer
    for text in (handout, module, trainer):
        assert "## Fall 1: Mannen i lagret {#fall-1}" in text
        assert "1. Vilka tecken ser ni?" in text and "2. Vem ringer ni?" in text
        assert "[modul 2](m2.md)" in text


def test_an_unknown_way_to_show_comments_is_refused():
    with pytest.raises(MacroError, match="'hidden', 'collapsed', 'shown'"):
        markdown(load(GOOD), "open")


def test_a_mistake_in_a_fact_names_the_case_file_line_and_question():
    case = load(GOOD.replace("Vem ringer ni?", "Vem ringer ni på {{ x }}?"))

    def render(text):
        if "{{" in text:
            raise MacroError("okänd faktanyckel 'x'")
        return text

    rendered, errors = rendered_case(case, render)
    assert [str(e) for e in errors] == ["cases/9-mannen-i-lagret.yml:10: fråga 2: okänd faktanyckel 'x'"]
    assert rendered.questions[0].question == "Vilka tecken ser ni?"
