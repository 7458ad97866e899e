"""Presenter decks: Markdown files in slides/ turned into reveal.js pages (see model/deck.py for
how a deck is written). Facts come from the same macros as the pages; links and images point at
files in docs/. After the deck's own slides come, as its front matter asks:

- `cases: true`: each case exercise (cases/), its story and then one slide per question, the
  trainer's comment in the speaker notes only;
- `quiz:`: the bank's questions as group questions for the room (classroom mode, classroom.js):
  question and options, with a countdown when `countdown:` is set; then the room's answers counted
  per option as a bar chart; then the right answer. A summary of the session ends them;
- `qr_code: true`: a QR code to the course's address (site_url), when the site has one;
- `sources:`: a slide of its sources.
"""

from __future__ import annotations

import hashlib
import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import markdown

from ..locale import t
from ..model.case import Case
from ..model.course import Course
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
LETTERS = "ABCDEFGH"
# The steps of a group question (reveal.js fragment indexes): the room's count, then the answer.
TALLY_STEP, ANSWER_STEP = 1, 2


@dataclass(frozen=True)
class Slide:
    html: str
    notes: str  # HTML
    kind: str  # "content", "case", "quiz", "summary", "qr" or "sources"


def has_qr_code(deck: Deck, course: Course) -> bool:
    """A combined deck shows the QR code when one of its parts does; only a site with an address has one."""
    parts = [course.decks[part] for part in deck.decks] or [deck]
    return bool(course.site_url) and any(part.meta.qr_code for part in parts)


def slide_count(deck: Deck, course: Course) -> int:
    """How many slides the built deck has (see SlideRenderer.deck_slides)."""
    qr = 1 if has_qr_code(deck, course) else 0
    if deck.decks:
        parts = [course.decks[part] for part in deck.decks]
        return sum(len(p.slides) for p in parts) + qr + (1 if any(p.sources for p in parts) else 0)
    cases = sum(1 + len(case.questions) for case in course.cases) if deck.meta.cases else 0
    quiz = len(course.quizzes[deck.quiz].questions) + 2 if deck.quiz else 0  # opening, questions, summary
    return len(deck.slides) + cases + quiz + qr + (1 if deck.sources else 0)


def deck_table(course: Course, link: Callable[[str], str]) -> str:
    """A Markdown table of every deck, combined decks first; `link(site_path)` gives the
    relative URL from the page that shows the table."""
    quizzes = course.quizzes
    ordered = sorted(course.decks.values(), key=lambda d: (not d.decks, d.module or 0, d.key))
    rows = []
    for deck in ordered:
        count = slide_count(deck, course)
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


def quiz_slides(bank: QuizBank, countdown: int | None) -> list[Slide]:
    """An opening slide, one slide per question (question and options, with a countdown when the
    deck has one; the room's count per option; the right answer and explanation) and the summary."""
    total = len(bank.questions)
    timer = t("slides.quiz_notes_timer", seconds=countdown) if countdown else ""
    slides = [Slide(
        f"<h2>{html.escape(title_of(bank))}</h2>\n<p>{t('slides.quiz_intro', count=total)}</p>\n"
        f"<p>{t('slides.quiz_how')}</p>",
        f"<p>{t('slides.quiz_notes')}</p>\n<p>{timer}{t('slides.quiz_notes_keys')}</p>",
        "quiz",
    )]
    for number, question in enumerate(bank.questions, start=1):
        explanation = _plain_markdown.reset().convert(question.explanation)
        slides.append(Slide(question_html(bank, question, number, explanation, countdown),
                            question_notes(question, explanation), "quiz"))
    slides.append(summary_slide())
    return slides


def question_id(bank: QuizBank, number: int, question: Question) -> str:
    """A group question's key in the room's saved answers: the bank, the number and a fingerprint of
    its text and options, so that counts from an earlier version of a question are not compared."""
    text = "\0".join([question.question, *(a.text for a in question.answers)])
    return f"{bank.key}/{number}/{hashlib.sha1(text.encode('utf-8')).hexdigest()[:8]}"


def question_html(bank: QuizBank, question: Question, number: int, explanation: str, countdown: int | None) -> str:
    total = len(bank.questions)
    options = []
    for index, (letter, answer) in enumerate(zip(LETTERS, question.answers)):
        mark = (f'<span class="fragment quiz-right-mark" data-fragment-index="{ANSWER_STEP}"> – {t("slides.right")}</span>'
                if answer.is_right else "")
        css = ' class="quiz-option quiz-right"' if answer.is_right else ' class="quiz-option"'
        options.append(
            f'<li{css}><span class="tally-bar" aria-hidden="true"></span><span class="quiz-letter">{letter}</span> '
            f'<span class="quiz-option-text">{inline_markdown(answer.text)}{mark}</span>{tally_html(index, letter)}</li>'
        )
    kind = t("slides.many_right") if question.multiple else t("slides.one_right")
    right = ",".join(str(i) for i, a in enumerate(question.answers) if a.is_right)
    return (
        f'<div class="group-question" data-question="{question_id(bank, number, question)}" data-right="{right}">\n'
        f'<div class="quiz-top"><p class="quiz-count">{t("slides.question_of", number=number, total=total)} · {kind}'
        f'<span class="fragment" data-fragment-index="{TALLY_STEP}"> · <span class="tally-total"></span></span></p>'
        f'{timer_html(countdown) if countdown else ""}</div>\n'
        f'<h2 class="quiz-question">{inline_markdown(question.question)}</h2>\n'
        f'<ol class="quiz-options">\n' + "\n".join(options) + "\n</ol>\n"
        f'<div class="fragment quiz-answer" data-fragment-index="{ANSWER_STEP}">'
        f'<p class="tally-share"></p>{explanation}</div>\n</div>'
    )


def tally_html(index: int, letter: str) -> str:
    """The room's count for one option: one fewer, the number (to type in) and one more. The
    option's bar (.tally-bar) shows its share of the room's answers from the same step on."""
    return (
        f'<span class="fragment tally" data-fragment-index="{TALLY_STEP}" data-option="{index}">'
        f'<button type="button" class="tally-less classroom-control" aria-label="{t("slides.tally_less", letter=letter)}">−</button>'
        f'<input type="number" class="tally-count classroom-control" min="0" max="999" value="0" inputmode="numeric" '
        f'aria-label="{t("slides.tally_count", letter=letter)}">'
        f'<button type="button" class="tally-more classroom-control" aria-label="{t("slides.tally_more", letter=letter)}">+</button>'
        f"</span>"
    )


def timer_html(seconds: int) -> str:
    """The countdown while groups discuss: the time left, start/pause and start over (timer in classroom.js)."""
    return (
        f'<div class="classroom-timer" data-seconds="{seconds}">'
        f'<span class="timer-time" role="timer" aria-label="{t("slides.timer_label")}">{seconds // 60}:{seconds % 60:02d}</span>'
        f'<button type="button" class="timer-toggle classroom-control">{t("slides.timer_start")}</button>'
        f'<button type="button" class="timer-reset classroom-control">{t("slides.timer_reset")}</button>'
        f'<span class="timer-status" role="status"></span></div>'
    )


def question_notes(question: Question, explanation: str) -> str:
    right = "; ".join(inline_markdown(a.text) for a in question.answers if a.is_right)
    notes = f"<p><strong>{t('slides.right_answer')}</strong> {right}</p>\n{explanation}"
    if question.hint:
        notes += f"\n<p><strong>{t('slides.hint_for_group')}</strong> {inline_markdown(question.hint)}</p>"
    return notes


def summary_slide() -> Slide:
    """The session's summary: per group question, the room's answers and the share right, from the
    answers saved on this computer (summary in classroom.js builds the table)."""
    return Slide(
        f'<div class="classroom-summary">\n<h2>{t("slides.summary")}</h2>\n'
        f'<p class="summary-when"></p>\n<div class="summary-table"></div>\n'
        f'<p class="summary-actions">'
        f'<button type="button" class="summary-print classroom-control">{t("slides.summary_print")}</button>'
        f'<button type="button" class="summary-new classroom-control">{t("slides.summary_new")}</button>'
        f'<button type="button" class="summary-clear classroom-control">{t("slides.summary_clear")}</button></p>\n'
        f'<p class="summary-status" role="status"></p>\n'
        f'<p class="summary-privacy">{t("slides.summary_privacy")}</p>\n</div>',
        f"<p>{t('slides.summary_notes')}</p>",
        "summary",
    )


def case_slides(cases: list[Case], convert: Callable[[str], str]) -> list[Slide]:
    """Each case: its story, then one slide per question; the trainer's comment only in the notes.
    `convert` turns a case's Markdown (facts already filled in) into HTML."""
    slides = []
    for number, case in enumerate(cases, start=1):
        title = html.escape(t("cases.case", number=number, title=case.title))
        count = len(case.questions)
        slides.append(Slide(
            f'<p class="case-kicker">{html.escape(case.form)}</p>\n<h2>{title}</h2>\n'
            f'<div class="case-story">{convert(case.story)}</div>',
            f"<p>{t('slides.case_notes', count=count)}</p>",
            "case",
        ))
        for index, question in enumerate(case.questions, start=1):
            slides.append(Slide(
                f'<p class="case-kicker">{title} · {t("slides.question_of", number=index, total=count)}</p>\n'
                f'<h2 class="case-question">{inline_markdown(question.question)}</h2>',
                f"<p><strong>{t('cases.trainer_comment')}</strong></p>\n{convert(question.comment)}",
                "case",
            ))
    return slides


def qr_slide(url: str) -> Slide:
    """A QR code to the course's address, made at build time (segno): no network when it is shown."""
    import segno  # only a site with an address needs it

    svg = segno.make(url, error="m").svg_inline(scale=1, border=4, omitsize=True, dark="#000", light="#fff")
    label = html.escape(t("slides.qr_label", url=url))
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    link = html.escape(url)
    return Slide(
        f'<h2>{t("slides.qr_heading")}</h2>\n<div class="qr-code">{svg}\n'
        f'<p>{t("slides.qr_text")}</p>\n<p class="qr-url"><a href="{link}">{link}</a></p></div>',
        f"<p>{t('slides.qr_notes')}</p>",
        "qr",
    )


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

    def __init__(self, course: Course, macros: dict[str, Callable], url_of: Callable[[str], str | None]):
        self.course = course
        self.facts = course.facts
        self.pages = PageRenderer(macros)
        self.url_of = url_of  # docs-relative path -> site URL, or None if no such file
        self.markdown = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)
        self.errors: list[AuthorError] = []
        self._rendered: dict[str, list[Slide]] = {}  # reused by the decks that include a deck

    def deck_slides(self, deck: Deck) -> list[Slide]:
        course = self.course
        if deck.decks:
            slides, sources = [], []
            for part in deck.decks:
                slides += self.content_slides(course.decks[part])
                sources += course.decks[part].sources
        else:
            slides, sources = self.content_slides(deck), list(deck.sources)
            if deck.meta.cases:
                slides += case_slides(course.cases, self.markdown_html)
            if deck.quiz:
                slides += quiz_slides(course.quizzes[deck.quiz], deck.meta.countdown)
        if has_qr_code(deck, course):
            slides.append(qr_slide(course.site_url))
        if sources:
            slides.append(sources_slide(sources, self.facts))
        return slides

    def markdown_html(self, text: str) -> str:
        return self.markdown.reset().convert(text)

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


def classroom_key(course_id: str) -> str:
    """Where a course keeps the room's answers in localStorage (on the presenter's computer only)."""
    return f"{course_id}.klassrum"


def deck_page(deck: Deck, slides: list[Slide], back_url: str, back_text: str, course: Course) -> str:
    """The deck as a standalone HTML page (works from a web server and from file://). A deck with
    group questions loads the classroom plugins and tells them where the room's answers are kept."""
    from ..locale import section

    classroom = {"storageKey": classroom_key(course.id), "deck": deck.key, "title": deck.title} if deck.quiz else None
    return template("slides/deck.html").render(title=deck.title, slides=slides, back_url=back_url, back_text=back_text,
                                               assets="../assets", lang=course.settings.language,
                                               texts=section("deck_js"), classroom=classroom)
