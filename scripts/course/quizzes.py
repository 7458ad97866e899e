"""Quiz question banks: YAML files in quizzes/, validated at build time and rendered into
mkdocs-quiz's `<quiz>` Markdown syntax.

A bank (quizzes/modul-1.yml):

    title: Testa dina kunskaper
    pass_mark: 80                 # optional, percent; a bank with it is a test that is passed or not
    questions:
      - question: En 16-årig pojke … Vad stämmer?
        answers:
          - right: Det kan vara människohandel.
          - wrong: Det är inte människohandel.
        explanation: Rätt svar är … (states the right answer in words)
        hint: Tänk på …           # optional

One `right` answer makes a single-choice question, several make a multiple-choice one.
Text may use facts: '{{ fact("reflection_period.days") }} dagar'.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .errors import AuthorError
from .render import text_template
from .yamlfile import load_yaml

QUIZ_DIR = "quizzes"
BANK_FIELDS = {"title", "pass_mark", "questions"}
QUESTION_FIELDS = {"question", "answers", "explanation", "hint"}
REQUIRED_QUESTION_FIELDS = ("question", "answers", "explanation")
DEFAULT_TITLE = "Testa dina kunskaper"


@dataclass(frozen=True)
class Answer:
    text: str
    right: bool


@dataclass(frozen=True)
class Question:
    text: str
    answers: tuple[Answer, ...]
    explanation: str
    hint: str = ""

    @property
    def multiple(self) -> bool:
        return sum(a.right for a in self.answers) > 1


@dataclass(frozen=True)
class Quiz:
    key: str  # the file name without .yml: what a page calls
    file: str
    title: str
    questions: tuple[Question, ...]
    pass_mark: int | None = None


def _start(text: str, length: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def load_quiz(path: Path, display_name: str, render: Callable[[str], str] = str) -> Quiz:
    """Read and validate one bank; `render` fills in {{ fact(...) }} in every text."""
    data = load_yaml(path, display_name)
    if not isinstance(data, dict):
        raise AuthorError(display_name, "filen ska ha fälten title, questions och eventuellt pass_mark")
    unknown = sorted(set(data) - BANK_FIELDS)
    if unknown:
        raise AuthorError(display_name, f"okänt fält '{unknown[0]}' (tillåtna: {', '.join(sorted(BANK_FIELDS))})")
    questions = data.get("questions")
    if not isinstance(questions, list) or not questions:
        raise AuthorError(display_name, "fältet 'questions' saknas eller är tomt")
    pass_mark = data.get("pass_mark")
    if pass_mark is not None and (not isinstance(pass_mark, int) or not 1 <= pass_mark <= 100):
        raise AuthorError(display_name, f"'pass_mark' ska vara ett heltal från 1 till 100 (procent), inte '{pass_mark}'")
    parsed = tuple(_question(display_name, number, raw, render) for number, raw in enumerate(questions, start=1))
    title = str(data.get("title") or DEFAULT_TITLE)
    return Quiz(path.stem, display_name, title, parsed, pass_mark)


def _question(file: str, number: int, raw, render_text) -> Question:
    if not isinstance(raw, dict):
        raise AuthorError(file, f"fråga {number}: ska ha fälten {', '.join(REQUIRED_QUESTION_FIELDS)}")
    where = f"fråga {number} ('{_start(raw.get('question', ''))}')"

    def render(text: str) -> str:
        try:
            return render_text(text)
        except AuthorError as error:
            raise AuthorError(file, f"{where}: {error.message}") from None
        except jinja2.TemplateError as error:
            raise AuthorError(file, f"{where}: fel i makroanrop: {error}") from None
    unknown = sorted(set(raw) - QUESTION_FIELDS)
    if unknown:
        raise AuthorError(file, f"{where}: okänt fält '{unknown[0]}' (tillåtna: {', '.join(sorted(QUESTION_FIELDS))})")
    for field in REQUIRED_QUESTION_FIELDS:
        if raw.get(field) in (None, "", []):
            raise AuthorError(file, f"{where}: fältet '{field}' saknas eller är tomt")
    answers_raw = raw["answers"]
    if not isinstance(answers_raw, list):
        raise AuthorError(file, f"{where}: 'answers' ska vara en lista med '- right: …' och '- wrong: …'")
    answers = []
    for index, entry in enumerate(answers_raw, start=1):
        if not isinstance(entry, dict) or len(entry) != 1 or next(iter(entry)) not in ("right", "wrong"):
            raise AuthorError(file, f"{where}: svar {index} ska skrivas '- right: text' eller '- wrong: text'")
        kind, text = next(iter(entry.items()))
        if text in (None, ""):
            raise AuthorError(file, f"{where}: svar {index} saknar text")
        answers.append(Answer(render(str(text)).strip(), kind == "right"))
    if len(answers) < 2:
        raise AuthorError(file, f"{where}: en fråga behöver minst två svarsalternativ")
    if not any(a.right for a in answers):
        raise AuthorError(file, f"{where}: inget svar är markerat som rätt ('right:')")
    texts = [a.text for a in answers]
    duplicates = sorted({t for t in texts if texts.count(t) > 1})
    if duplicates:
        raise AuthorError(file, f"{where}: svarsalternativet '{_start(duplicates[0])}' finns två gånger")
    hint = render(str(raw.get("hint") or "")).strip()
    return Question(render(str(raw["question"])).strip(), tuple(answers), render(str(raw["explanation"])).strip(), hint)


def load_quizzes(root: Path, render: Callable[[str], str] = str) -> dict[str, Quiz]:
    """Every bank in quizzes/, by key. A missing folder means no quizzes."""
    folder = root / QUIZ_DIR
    quizzes = {}
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        quizzes[path.stem] = load_quiz(path, f"{QUIZ_DIR}/{path.name}", render)
    return quizzes


def fact_renderer(fact: Callable[[str], object]) -> Callable[[str], str]:
    """Render {{ fact("key") }} in quiz text with the course's facts (and nothing else)."""

    def render(text: str) -> str:
        if "{" not in text:
            return text
        return text_template(text).render(fact=fact)

    return render


def quiz_markdown(quiz: Quiz) -> str:
    """The bank in mkdocs-quiz syntax: one <quiz> block per question, then the results box."""
    blocks = []
    for number, question in enumerate(quiz.questions, start=1):
        lines = ["<quiz>", f"**Fråga {number} av {len(quiz.questions)}.** {question.text}"]
        if question.multiple and "välj alla" not in question.text.lower():
            lines.append("\n*Flera svar kan vara rätt. Välj alla som stämmer.*")
        if question.hint:
            lines.append(f'\n<details class="quiz-hint"><summary>Visa ledtråd</summary>{question.hint}</details>\n')
        lines.extend(f"- [{'x' if a.right else ' '}] {a.text}" for a in question.answers)
        lines.append("")
        lines.append(question.explanation)
        lines.append("</quiz>")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n\n<!-- mkdocs-quiz results -->\n"
