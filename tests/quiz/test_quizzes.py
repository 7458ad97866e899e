"""Quiz banks: the course's banks are complete, facts are filled in (a wrong key names the file,
the line and the question), and banks become mkdocs-quiz's syntax. How a bank file is checked is
tests/model/test_model.py's."""

from __future__ import annotations

import re

from conftest import ROOT, course_content
from kurs.model.facts import UnknownKey
from kurs.model.quiz import QuizBank
from kurs.model.yamlfile import parse_yaml
from kurs.quiz import quiz_markdown, rendered_bank

GOOD = """\
title: Testa dig
questions:
  - question: En kvinna på en nagelsalong pratar aldrig själv. Vad gör du?
    answers:
      - right: Ringer stödtelefonen för råd.
      - wrong: Väntar tills hon ber om hjälp.
    explanation: Rätt svar är att ringa stödtelefonen.
"""


def bank(text: str) -> QuizBank:
    document = parse_yaml(text, "quizzes/modul-9.yml")
    quiz = QuizBank.model_validate(document.data)
    quiz._key, quiz._file, quiz._doc = "modul-9", "quizzes/modul-9.yml", document
    return quiz


def test_each_module_has_a_quiz_of_at_least_five_and_the_final_test_fifteen():
    quizzes = course_content().quizzes
    for number in range(1, 7):
        assert len(quizzes[f"modul-{number}"].questions) >= 5
    final = quizzes["slutprov"]
    assert len(final.questions) >= 15
    assert final.pass_mark == 80


def test_every_explanation_states_the_right_answer_in_words():
    for quiz in course_content().quizzes.values():
        for number, question in enumerate(quiz.questions, start=1):
            assert question.explanation.startswith("Rätt svar"), f"{quiz.file} fråga {number}"


FACT_CALL = re.compile(r"""\{\{\s*fact\(\s*["']([^"']+)["']\s*\)\s*\}\}""")


def test_every_text_of_the_course_banks_is_its_yaml_with_the_facts_filled_in():
    """Each question, answer, explanation and hint as the learner gets it: the text in the bank,
    with every {{ fact("…") }} replaced by that fact's value from facts.yml."""
    facts = course_content().facts

    def expected(raw) -> str:
        return FACT_CALL.sub(lambda call: str(facts.get(call.group(1)).value), str(raw or "")).strip()

    for quiz in course_content().quizzes.values():
        raw = parse_yaml((ROOT / quiz.file).read_text(encoding="utf-8"), quiz.file).data
        for number, (question, source) in enumerate(zip(quiz.questions, raw["questions"], strict=True), start=1):
            where = f"{quiz.file} fråga {number}"
            assert question.question == expected(source["question"]), where
            assert question.explanation == expected(source["explanation"]), where
            assert question.hint == expected(source.get("hint")), where
            assert [a.text for a in question.answers] == [expected(next(iter(a.values()))) for a in source["answers"]], where


def test_facts_in_questions_are_filled_in_and_a_wrong_key_names_file_line_and_question():
    facts = {"support_line.phone": "020-39 00 00"}

    def render(text):
        if "{{" not in text:
            return text
        key = text.split('"')[1]
        if key not in facts:
            raise UnknownKey(f"okänd faktanyckel '{key}'")
        return text.replace(f'{{{{ fact("{key}") }}}}', facts[key])

    text = GOOD.replace("Ringer stödtelefonen för råd.", "'Ringer {{ fact(\"support_line.phone\") }}.'")
    rendered, errors = rendered_bank(bank(text), render)
    assert not errors
    assert rendered.questions[0].answers[0].text == "Ringer 020-39 00 00."
    _, errors = rendered_bank(bank(text.replace("support_line.phone", "support_line.fone")), render)
    assert [str(e) for e in errors] == [
        "quizzes/modul-9.yml:5: fråga 1 ('En kvinna på en nagelsalong pratar aldr…'): okänd faktanyckel 'support_line.fone'"]


def test_markdown_marks_right_answers_for_mkdocs_quiz():
    markdown = quiz_markdown(bank(GOOD))
    assert "- [x] Ringer stödtelefonen för råd.\n- [ ] Väntar tills hon ber om hjälp." in markdown
    assert markdown.count("<quiz>") == 1 and "<!-- mkdocs-quiz results -->" in markdown
    assert "**Fråga 1 av 1.**" in markdown
