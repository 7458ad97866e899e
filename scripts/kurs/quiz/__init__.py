"""The quiz feature: banks from quizzes/ shown with mkdocs-quiz (`{{ quiz("modul-1") }}`), their
facts filled in, and the engine made lighter (engine.py).

mkdocs-quiz's syntax: one <quiz> block per question, `- [x]` for a right answer, the explanation
after the options; the results box after the last question.
"""

from __future__ import annotations

from ..locale import t
from ..model.errors import AuthorError
from ..model.facts import unknown_key_message
from ..model.quiz import Answer, Question, QuizBank, short
from ..render.renderer import MacroError, content_text

ANCHOR = "testa-dina-kunskaper"


def title_of(bank: QuizBank) -> str:
    return bank.title or t("quiz.default_title")


def rendered_bank(bank: QuizBank, render) -> tuple[QuizBank, list[AuthorError]]:
    """The bank with {{ fact(…) }} filled in in every text; `render(text)` does one text."""
    errors: list[AuthorError] = []

    def text(value: str, number: int, path: tuple, question: Question) -> str:
        try:
            return content_text(render, value, bank.file, bank._doc, path, f"fråga {number} ('{short(question.question)}')")
        except AuthorError as error:
            errors.append(error)
            return value

    questions = []
    for number, question in enumerate(bank.questions, start=1):
        at = ("questions", number - 1)
        answers = [
            Answer.model_construct(**{("right" if a.is_right else "wrong"):
                                      text(a.text, number, at + ("answers", i), question)})
            for i, a in enumerate(question.answers)
        ]
        questions.append(question.model_copy(update={
            "question": text(question.question, number, at + ("question",), question),
            "answers": answers,
            "explanation": text(question.explanation, number, at + ("explanation",), question),
            "hint": text(question.hint, number, at + ("hint",), question) if question.hint else "",
        }))
    copy = bank.model_copy(update={"questions": questions})
    copy._key, copy._file, copy._doc = bank.key, bank.file, bank._doc
    return copy, errors


def quiz_markdown(bank: QuizBank) -> str:
    """The bank in mkdocs-quiz syntax: one <quiz> block per question, then the results box."""
    blocks = []
    total = len(bank.questions)
    for number, question in enumerate(bank.questions, start=1):
        lines = ["<quiz>", t("quiz.question_of", number=number, total=total) + " " + question.question]
        if question.multiple and t("quiz.choose_all_marker") not in question.question.lower():
            lines.append("\n" + t("quiz.choose_all"))
        if question.hint:
            lines.append(f'\n<details class="quiz-hint"><summary>{t("quiz.show_hint")}</summary>{question.hint}</details>\n')
        lines.extend(f"- [{'x' if a.is_right else ' '}] {a.text}" for a in question.answers)
        lines.append("")
        lines.append(question.explanation)
        lines.append("</quiz>")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n\n<!-- mkdocs-quiz results -->\n"


def macros(ctx) -> dict:
    course = ctx.course

    def quiz(key: str) -> str:
        """A bank from quizzes/ as an interactive quiz (mkdocs-quiz is turned on for the page)."""
        if key not in course.quizzes:
            raise MacroError(unknown_key_message("quiz", key, course.quizzes, "okänt"))
        bank = course.quizzes[key]
        course.quiz_pages[key] = ctx.page
        course.facts_used.setdefault(ctx.page, set()).update(course.facts_used.get(bank.file, ()))
        in_module = course.module_for(ctx.page) is not None
        if in_module and bank.pass_mark is None:
            raise AuthorError(bank.file, "ett quiz i en modul behöver 'pass_mark' (procent rätt för att modulen ska bli klar)", 1)
        kind = "module" if in_module else "test"
        attributes = (
            f' data-pass-mark="{bank.pass_mark}" data-noun="{t(f"quiz.noun_{kind}")}"'
            f' data-retry="{t(f"quiz.retry_{kind}")}"'
            if bank.pass_mark else ""
        )
        verdict = '\n<p class="course-quiz-verdict" role="status"></p>\n' if bank.pass_mark else ""
        return (
            # Kept out of the search index: answer options are not what a search should find.
            f"## {title_of(bank)} {{#{ANCHOR} data-search-exclude}}\n\n"
            f'<div class="course-quiz" data-quiz-id="{bank.key}" data-questions="{len(bank.questions)}"{attributes}></div>\n\n'
            "<!-- mkdocs-quiz intro -->\n\n" + quiz_markdown(bank) + verdict
        )

    return {"quiz": quiz}
