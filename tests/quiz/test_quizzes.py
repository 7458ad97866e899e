"""Quiz banks: the course's banks are complete, facts are filled in (a wrong key names the file,
the line and the question), and banks become mkdocs-quiz's syntax. How a bank file is checked is
tests/model/test_model.py's."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from conftest import ROOT, course_content, url_of
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


class BuiltQuizzes(HTMLParser):
    """Each built quiz's options (label text, marked right) in page order."""

    def __init__(self):
        super().__init__()
        self.questions: list[list[list]] = []  # per question: [label text, right?] per option
        self.right_ids: set[str] = set()
        self.label: list | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and "quiz" in (attrs.get("class") or "").split():
            self.questions.append([])
        elif tag == "input" and self.questions:
            if attrs.get("data-correct") == "true":
                self.right_ids.add(attrs["id"])
        elif tag == "label" and self.questions and attrs.get("for"):
            self.label = ["", attrs["for"] in self.right_ids]
            self.questions[-1].append(self.label)

    def handle_data(self, data):
        if self.label is not None:
            self.label[0] += data

    def handle_endtag(self, tag):
        if tag == "label":
            self.label = None


def test_every_built_quiz_marks_exactly_the_right_answers(site_dir):
    """What the engine in the browser scores against (tests/quiz/test_quizzes_browser.py answers each
    quiz): every option of every question on its page, in order, marked right exactly when the bank says."""
    content = course_content()
    assert set(content.quiz_pages) == set(content.quizzes)
    for key, src_path in content.quiz_pages.items():
        parser = BuiltQuizzes()
        parser.feed((site_dir / url_of(src_path) / "index.html").read_text(encoding="utf-8"))
        expected = [[[answer.text, answer.is_right] for answer in question.answers]
                    for question in content.quizzes[key].questions]
        built = [[[" ".join(text.split()), right] for text, right in options] for options in parser.questions]
        assert built == [[[" ".join(text.split()), right] for text, right in options] for options in expected], key
