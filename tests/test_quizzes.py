"""Quiz banks: the course's banks are complete, and every authoring mistake is reported
with the file, the question (number and start of its text) and what is wrong."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT
from course.errors import AuthorError
from course.facts import load_facts
from course.macros import load_course, scalar_fact
from course.quizzes import fact_renderer, load_quiz, quiz_markdown

GOOD = """\
title: Testa dig
questions:
  - question: En kvinna på en nagelsalong pratar aldrig själv. Vad gör du?
    answers:
      - right: Ringer stödtelefonen för råd.
      - wrong: Väntar tills hon ber om hjälp.
    explanation: Rätt svar är att ringa stödtelefonen.
"""


def bank(tmp_path, text, name="modul-9.yml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path, text, render=str) -> str:
    with pytest.raises(AuthorError) as error:
        load_quiz(bank(tmp_path, text), "quizzes/modul-9.yml", render)
    return str(error.value)


@pytest.fixture(scope="module")
def course_quizzes():
    return load_course(ROOT, ROOT / "docs").quizzes


def test_each_module_has_a_quiz_of_at_least_five_and_the_final_test_fifteen(course_quizzes):
    for number in range(1, 7):
        assert len(course_quizzes[f"modul-{number}"].questions) >= 5
    final = course_quizzes["slutprov"]
    assert len(final.questions) >= 15
    assert final.pass_mark == 80


def test_every_explanation_states_the_right_answer_in_words(course_quizzes):
    for quiz in course_quizzes.values():
        for number, question in enumerate(quiz.questions, start=1):
            assert question.explanation.startswith("Rätt svar"), f"{quiz.file} fråga {number}"


FACT_CALL = re.compile(r"""\{\{\s*fact\(\s*["']([^"']+)["']\s*\)\s*\}\}""")


def test_every_text_of_the_course_banks_is_its_yaml_with_the_facts_filled_in(course_quizzes):
    """Each question, answer, explanation and hint as the learner gets it: the text in the bank,
    with every {{ fact("…") }} replaced by that fact's value from facts.yml."""
    facts = load_facts(ROOT / "facts.yml")

    def expected(raw) -> str:
        return FACT_CALL.sub(lambda call: str(facts.get(call.group(1)).value), str(raw or "")).strip()

    for quiz in course_quizzes.values():
        raw = yaml.safe_load((ROOT / quiz.file).read_text(encoding="utf-8"))
        for number, (question, source) in enumerate(zip(quiz.questions, raw["questions"], strict=True), start=1):
            where = f"{quiz.file} fråga {number}"
            assert question.text == expected(source["question"]), where
            assert question.explanation == expected(source["explanation"]), where
            assert question.hint == expected(source.get("hint")), where
            assert [a.text for a in question.answers] == [expected(next(iter(a.values()))) for a in source["answers"]], where


def test_facts_in_questions_are_filled_in(tmp_path):
    facts = load_facts(ROOT / "facts.yml")
    render = fact_renderer(lambda key: scalar_fact(facts, key))
    text = GOOD.replace("Ringer stödtelefonen för råd.", "'Ringer {{ fact(\"support_line.phone\") }}.'")
    quiz = load_quiz(bank(tmp_path, text), "quizzes/modul-9.yml", render)
    assert quiz.questions[0].answers[0].text == f"Ringer {facts.get('support_line.phone').value}."


def test_markdown_marks_right_answers_for_mkdocs_quiz(tmp_path):
    quiz = load_quiz(bank(tmp_path, GOOD), "quizzes/modul-9.yml")
    markdown = quiz_markdown(quiz)
    assert "- [x] Ringer stödtelefonen för råd.\n- [ ] Väntar tills hon ber om hjälp." in markdown
    assert markdown.count("<quiz>") == 1 and "<!-- mkdocs-quiz results -->" in markdown


WHERE = "quizzes/modul-9.yml: fråga 1 ('En kvinna på en nagelsalong pratar aldr…')"


@pytest.mark.parametrize(
    "broken,message",
    [
        (GOOD.replace("    answers:", "    answers: [\n"), "quizzes/modul-9.yml: felaktig YAML (rad"),
        (GOOD.replace("    explanation: Rätt svar är att ringa stödtelefonen.\n", ""), f"{WHERE}: fältet 'explanation' saknas"),
        (GOOD + "    tips: Tänk efter.\n", f"{WHERE}: okänt fält 'tips'"),
        (GOOD.replace("- right:", "- wrong:"), f"{WHERE}: inget svar är markerat som rätt"),
        (GOOD.replace("Väntar tills hon ber om hjälp.", "Ringer stödtelefonen för råd."), f"{WHERE}: svarsalternativet 'Ringer stödtelefonen för råd.' finns två gånger"),
        (GOOD.replace("      - wrong: Väntar tills hon ber om hjälp.\n", ""), f"{WHERE}: en fråga behöver minst två svarsalternativ"),
        (GOOD.replace("- wrong:", "- fel:"), f"{WHERE}: svar 2 ska skrivas '- right: text' eller '- wrong: text'"),
        (GOOD.replace("title:", "rubrik:"), "quizzes/modul-9.yml: okänt fält 'rubrik'"),
        (GOOD.replace("title: Testa dig", "title: Testa dig\npass_mark: 180"), "'pass_mark' ska vara ett heltal från 1 till 100"),
    ],
    ids=["yaml-syntax", "missing-field", "unknown-field", "no-correct", "duplicate", "one-option", "bad-answer", "bank-field", "pass-mark"],
)
def test_authoring_mistakes_name_file_question_and_problem(tmp_path, broken, message):
    assert message in error_of(tmp_path, broken)


def test_unknown_fact_in_a_question_names_the_question(tmp_path):
    facts = load_facts(ROOT / "facts.yml")
    render = fact_renderer(lambda key: scalar_fact(facts, key))
    text = GOOD.replace("Ringer stödtelefonen för råd.", "'Ringer {{ fact(\"support_line.fone\") }}.'")
    assert f"{WHERE}: okänd faktanyckel 'support_line.fone'" in error_of(tmp_path, text, render)
