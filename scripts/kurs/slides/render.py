"""Presenter decks: Markdown files in slides/ turned into reveal.js pages (see model/deck.py for
how a deck is written). Facts come from the same macros as the pages; links and images point at
files in docs/; a deck with `quiz:` ends with the bank's questions as group questions, and one
with `sources:` with a slide of its sources.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import markdown

from ..locale import t
from ..model.deck import Deck, SlideSource
from ..model.errors import AuthorError
from ..model.facts import Facts
from ..model.quiz import Question, QuizBank
from ..quiz import title_of
from ..render.renderer import PageRenderer
from ..templates import template

HERE = Path(__file__).parent
# The macros a slide may call (a course's own macros too): none that belongs to a page.
SLIDE_MACROS = ("fact", "fact_list", "fact_value", "link", "phone", "module_titles", "pass_mark", "question_count",
                "total_minutes", "last_checked", "flow", "timeline")
FRAGMENT_AT_END = re.compile(r"[ \t]+\{\.fragment\}[ \t]*$", re.MULTILINE)
URL_ATTRIBUTE = re.compile(r'\b(href|src)="([^"]*)"')
EXTERNAL = ("http://", "https://", "mailto:", "tel:", "#")
MARKDOWN_EXTENSIONS = ["attr_list", "md_in_html", "tables", "sane_lists"]


@dataclass(frozen=True)
class Slide:
    html: str
    notes: str  # HTML
    kind: str  # "content", "quiz" or "sources"


def slide_count(deck: Deck, decks: dict[str, Deck], quizzes: dict[str, QuizBank]) -> int:
    """How many slides the built deck has (content, quiz and sources slides)."""
    if deck.decks:
        parts = [decks[part] for part in deck.decks]
        return sum(len(p.slides) for p in parts) + (1 if any(p.sources for p in parts) else 0)
    quiz = len(quizzes[deck.quiz].questions) + 1 if deck.quiz else 0
    return len(deck.slides) + quiz + (1 if deck.sources else 0)


def deck_table(decks: dict[str, Deck], quizzes: dict[str, QuizBank], link: Callable[[str], str]) -> str:
    """A Markdown table of every deck, combined decks first; `link(site_path)` gives the
    relative URL from the page that shows the table."""
    ordered = sorted(decks.values(), key=lambda d: (not d.decks, d.module or 0, d.key))
    rows = []
    for deck in ordered:
        count = slide_count(deck, decks, quizzes)
        quiz = t("slides.of_which_questions", count=len(quizzes[deck.quiz].questions)) if deck.quiz else ""
        url = link(deck.site_path)
        rows.append(
            f"| [{deck.title}]({url}) | {t('slides.slide_count', count=count)}{quiz} | "
            f"[{t('slides.print')}]({url}?print-pdf) · [{t('slides.print_notes')}]({url}?print-pdf&showNotes=true) |"
        )
    return t("slides.table_head") + "\n|---|---|---|\n" + "\n".join(rows)


_plain_markdown = markdown.Markdown()  # one instance: making a new one per call costs more than converting


def inline_markdown(text: str) -> str:
    rendered = _plain_markdown.reset().convert(text)
    return rendered[3:-4] if rendered.startswith("<p>") and rendered.endswith("</p>") else rendered


def quiz_slides(bank: QuizBank) -> list[Slide]:
    """An opening slide, then one slide per question: question and options first, the
    right answer and explanation on the next key press (one fragment step)."""
    total = len(bank.questions)
    slides = [Slide(
        f"<h2>{html.escape(title_of(bank))}</h2>\n<p>{t('slides.quiz_intro', count=total)}</p>\n"
        f"<p>{t('slides.quiz_how')}</p>",
        f"<p>{t('slides.quiz_notes')}</p>",
        "quiz",
    )]
    for number, question in enumerate(bank.questions, start=1):
        explanation = _plain_markdown.reset().convert(question.explanation)
        slides.append(Slide(question_html(question, number, total, explanation), question_notes(question, explanation), "quiz"))
    return slides


def question_html(question: Question, number: int, total: int, explanation: str) -> str:
    options = []
    for letter, answer in zip("ABCDEFGH", question.answers):
        mark = (f'<span class="fragment quiz-right-mark" data-fragment-index="1"> – {t("slides.right")}</span>'
                if answer.is_right else "")
        css = ' class="quiz-option quiz-right"' if answer.is_right else ' class="quiz-option"'
        options.append(f'<li{css}><span class="quiz-letter">{letter}</span> {inline_markdown(answer.text)}{mark}</li>')
    kind = t("slides.many_right") if question.multiple else t("slides.one_right")
    return (
        f'<p class="quiz-count">{t("slides.question_of", number=number, total=total)} · {kind}</p>\n'
        f'<h2 class="quiz-question">{inline_markdown(question.question)}</h2>\n'
        f'<ol class="quiz-options">\n' + "\n".join(options) + "\n</ol>\n"
        f'<div class="fragment quiz-answer" data-fragment-index="1">{explanation}</div>'
    )


def question_notes(question: Question, explanation: str) -> str:
    right = "; ".join(inline_markdown(a.text) for a in question.answers if a.is_right)
    notes = f"<p><strong>{t('slides.right_answer')}</strong> {right}</p>\n{explanation}"
    if question.hint:
        notes += f"\n<p><strong>{t('slides.hint_for_group')}</strong> {inline_markdown(question.hint)}</p>"
    return notes


def sources_slide(source_keys, facts: Facts) -> Slide:
    items = []
    for key in dict.fromkeys(source_keys):
        source = facts.source(key)
        url = f' <a href="{html.escape(source.url)}">{html.escape(source.url)}</a>' if source.url else ""
        items.append(f"<li>{html.escape(source.citation())}{url}</li>")
    return Slide(
        f'<h2>{t("slides.sources")}</h2>\n<ul class="deck-sources">\n' + "\n".join(items) + "\n</ul>",
        f"<p>{t('slides.sources_notes')}</p>",
        "sources",
    )


class SlideRenderer:
    """Renders a deck's Markdown slides: macros first, then Markdown, then links. Mistakes are
    collected in `errors`, each with the deck's file, its line and the slide's number.
    `macros` are those a slide may call (SLIDE_MACROS and the course's own)."""

    def __init__(self, facts: Facts, quizzes: dict[str, QuizBank], macros: dict[str, Callable],
                 url_of: Callable[[str], str | None]):
        self.facts = facts
        self.quizzes = quizzes
        self.pages = PageRenderer(macros)
        self.url_of = url_of  # docs-relative path -> site URL, or None if no such file
        self.markdown = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)
        self.errors: list[AuthorError] = []
        self._rendered: dict[str, list[Slide]] = {}  # reused by the decks that include a deck

    def deck_slides(self, deck: Deck, decks: dict[str, Deck]) -> list[Slide]:
        if deck.decks:
            slides, sources = [], []
            for part in deck.decks:
                slides += self.content_slides(decks[part])
                sources += decks[part].sources
            return slides + [sources_slide(sources, self.facts)] if sources else slides
        slides = self.content_slides(deck)
        if deck.quiz:
            slides += quiz_slides(self.quizzes[deck.quiz])
        if deck.sources:
            slides.append(sources_slide(deck.sources, self.facts))
        return slides

    def content_slides(self, deck: Deck) -> list[Slide]:
        if deck.key not in self._rendered:
            self._rendered[deck.key] = [
                Slide(self.render(deck, slide, slide.text), self.render(deck, slide, slide.notes, notes=True), "content")
                for slide in deck.slides
            ]
        return list(self._rendered[deck.key])  # a copy: the caller appends quiz and source slides

    def render(self, deck: Deck, slide: SlideSource, text: str, notes: bool = False) -> str:
        if not text.strip():
            return ""
        where = f"bild {slide.number}"
        first_line = slide.line + (slide_lines(slide.text) if notes else 0)
        text, errors = self.pages.render(text, deck.file, first_line)
        self.errors += [AuthorError(e.file, f"{where}: {e.message}", e.line) for e in errors]
        text = FRAGMENT_AT_END.sub("\n{.fragment}", text)
        rendered = self.markdown.reset().convert(text)
        return URL_ATTRIBUTE.sub(lambda m: self.rewrite(m, deck, slide, where), rendered)

    def rewrite(self, match: re.Match, deck: Deck, slide: SlideSource, where: str) -> str:
        attribute, target = match.group(1), html.unescape(match.group(2))
        if target.startswith(EXTERNAL):
            return match.group(0)
        path, _, anchor = target.partition("#")
        path = posixpath.normpath(path.lstrip("/"))
        url = self.url_of(path)
        if url is None:
            thing = "bilden" if attribute == "src" else "länken"
            self.errors.append(AuthorError(deck.file, f"{where}: {thing} '{target}' pekar på en fil som inte finns i docs/",
                                           slide.line))
            return match.group(0)
        relative = "../" + url  # decks sit one folder down, in the decks folder
        return f'{attribute}="{html.escape(relative + ("#" + anchor if anchor else ""))}"'


def slide_lines(text: str) -> int:
    return text.count("\n") + (1 if text else 0)


def deck_page(deck: Deck, slides: list[Slide], back_url: str, back_text: str, language: str) -> str:
    """The deck as a standalone HTML page (works from a web server and from file://)."""
    from ..locale import section

    return template("slides/deck.html").render(title=deck.title, slides=slides, back_url=back_url, back_text=back_text,
                                   assets="../assets", lang=language, texts=section("deck_js"))
