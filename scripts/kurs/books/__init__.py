"""The course as two A4 books (WeasyPrint), built like the fact sheets: from what the build already
has, cached by content, tagged PDF/UA.

- Deltagarens kursbok (`kursbok`): a cover, the contents with page numbers, the pages whose front
  matter puts them in the book (`book: {kursbok: …}`, e.g. the start page's "why"), every module
  (its page as rendered, without its quiz; room to write under the reflection questions), the
  glossary, the sources, every module quiz and the final test, and the answer key in an appendix.
- Utbildarens handbok (`handbok`): the pages marked for it (the trainer's guide with the agendas
  and the checklist), each module deck's speaker notes, the case exercises with the trainer's
  comments and every module's reflection questions.

A page's part of a book is its HTML (collected while MkDocs renders it: the same Markdown, macros
and facts as on screen), made printable (factsheets.printable_html); the rest comes from the model.
A book is rendered only when its document has changed (the content hash leaves out the day it is
made, which the cover gives as its edition); otherwise it comes from .cache/bocker/.
"""

from __future__ import annotations

import html as htmllib
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import markdown as markdown_lib
from mkdocs.structure.files import File, Files

from ..cases import cases_markdown
from ..factsheets import BuiltSheet, PrintSettings, cached_pdf, made_text, printable_html
from ..factsheets import STYLESHEET as BASE_STYLESHEET
from ..glossary import glossary_markdown
from ..locale import t
from ..model.course import Course, Module
from ..model.pages import BOOKS, BookPart
from ..model.quiz import QuizBank
from ..packages import download_box
from ..packages.offline import size_text as bytes_text
from ..progress import REFLECTIONS_ID, plain_text
from ..render.macros import swedish_date
from ..render.renderer import MacroError
from ..slides.render import inline_markdown
from ..templates import template

HERE = Path(__file__).parent
STYLESHEET = HERE / "book.css"
CACHE_DIR = Path(".cache") / "bocker"
EDITION = "<!-- edition -->"  # the cover's edition line: the day the book is made, not part of its hash
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
log = logging.getLogger("mkdocs.plugins.kurs.books")


def file_name(course: Course, key: str) -> str:
    """Where a book lands in the site: `<course id>-kursbok.pdf`, beside the start page."""
    return f"{course.id}-{key}.pdf"


def books_of(course: Course) -> list[str]:
    """The books the course makes: none when the plugin's `books` is off, the handbook only when
    there is something for it."""
    if not course.settings.books:
        return []
    found = ["kursbok"] if course.modules else []
    if course.book_pages.get("handbok") or course.cases or module_decks(course) or reflections_of(course):
        found.append("handbok")
    return found


def module_decks(course: Course) -> list:
    return sorted((d for d in course.decks.values() if d.module and not d.decks), key=lambda d: d.module)


def reflections_of(course: Course) -> bool:
    return any(m.reflections for m in course.modules)


def wants_page(course: Course, src_path: str) -> bool:
    """Whether a page's HTML goes into a book (a module, or a page marked `book:`)."""
    return course.module_for(src_path) is not None or any(
        src_path == page for parts in course.book_pages.values() for page, _ in parts)


# --- what a book is made of ------------------------------------------------------------


@dataclass(frozen=True)
class Chapter:
    anchor: str
    title: str
    html: str
    parts: tuple[tuple[str, str], ...] = ()  # (anchor, title) of sections listed in the contents
    kind: str = "chapter"  # "appendix" starts the answer key


@dataclass
class Material:
    """What the books are made from: the model and what the build rendered."""

    course: Course
    pages: dict[str, str]  # docs path -> the page's HTML as MkDocs rendered it
    reflections: dict[int, list[str]]  # module -> its reflection questions (plain text)
    decks: dict[str, str]  # site path -> the deck's page as rendered (slides/)
    module_link: Callable[[int], str]
    docs_dir: Path
    page_dirs: dict[str, str] = field(default_factory=dict)  # docs path -> folder its URLs start from


H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
HEADING_ID = re.compile(r'(<h[1-6]\b[^>]*?) id="[^"]*"')
SECTION = re.compile(r'<h2\b[^>]*\bid="[^"]*"[^>]*>.*?</h2>', re.S)  # a page's own ## (quiz headings have no id)
SOURCES_BOX = re.compile(r'<div class="course-sources">.*?</div>', re.S)
LOCAL_SRC = re.compile(r'\bsrc="(?!data:|https?:|file:)([^"]+)"')
REFLECTIONS = re.compile(rf'(<h2\b[^>]*id="{REFLECTIONS_ID}"[^>]*>.*?</h2>\s*)<ol>', re.S)


def printable(html: str, material: Material, src_path: str) -> str:
    """A page's HTML for print; its images as files of docs/ (a book joins pages from many folders)."""
    folder = material.docs_dir / material.page_dirs.get(src_path, "")
    html = LOCAL_SRC.sub(lambda m: f'src="{(folder / htmllib.unescape(m.group(1))).resolve().as_uri()}"', html)
    return printable_html(html)


def without_title(html: str) -> tuple[str, str]:
    """The page's heading (as text) and the rest of it."""
    found = H1.search(html)
    if not found:
        return "", html
    return plain_text(found.group(1)), html[: found.start()] + html[found.end():]


def sections(html: str) -> tuple[str, dict[str, str]]:
    """The text before the first ## heading, and each ## section by its heading's text."""
    starts = list(SECTION.finditer(html))
    if not starts:
        return html, {}
    found = {}
    for index, start in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(html)
        found[plain_text(start.group(0))] = html[start.start():end]
    return html[: starts[0].start()], found


def page_chapter(material: Material, src_path: str, part: BookPart, anchor: str) -> Chapter:
    title, body = without_title(printable(material.pages[src_path], material, src_path))
    if part.sections:
        intro, found = sections(SOURCES_BOX.sub("", body))
        body = intro + "".join(found.get(name, "") for name in part.sections)
    return Chapter(anchor, part.title or title, HEADING_ID.sub(r"\1", body))


def page_chapters(material: Material, book: str) -> list[Chapter]:
    """The chapters of the pages whose front matter puts them in the book (that MkDocs rendered)."""
    parts = [(src, part) for src, part in material.course.book_pages.get(book, []) if src in material.pages]
    return [page_chapter(material, src, part, f"sida-{n}") for n, (src, part) in enumerate(parts, start=1)]


def quiz_section_removed(html: str, see_also: str) -> str:
    """The module's quiz (its heading up to the next section or the sources) replaced by a line
    that says where the quiz is in the book."""
    start = re.search(r'<h2\b[^>]*\bid="testa-dina-kunskaper"', html)
    if not start:
        return html
    rest = html[start.end():]
    ends = [m.start() for m in (SECTION.search(rest), re.search(r'<div class="course-sources">', rest)) if m]
    end = start.end() + min(ends) if ends else len(html)
    return html[: start.start()] + see_also + html[end:]


def module_chapter(material: Material, module: Module, quiz_anchor: str | None) -> Chapter:
    _, body = without_title(printable(material.pages[module.src_path], material, module.src_path))
    see_also = (f'<p class="book-see">{t("books.quiz_is_at")} <a class="book-page-ref" href="#{quiz_anchor}">'
                f'{t("books.page")}</a>.</p>\n') if quiz_anchor else ""
    body = quiz_section_removed(body, see_also)
    body = REFLECTIONS.sub(r'\1<ol class="book-write">', body)
    return Chapter(f"modul-{module.number}", module.title, HEADING_ID.sub(r"\1", body))


def part_heading(anchor: str, chapter: str, heading: str) -> str:
    """A part of a chapter in the contents; the page header names both from where it starts."""
    header = htmllib.escape(f"{chapter} · {heading}", quote=True)
    return f'<h2 id="{anchor}" data-header="{header}">{htmllib.escape(heading)}</h2>'


def quiz_questions_html(bank: QuizBank) -> str:
    """A bank's questions to answer on paper: a box before each option, lettered A, B, C …"""
    blocks = []
    for number, question in enumerate(bank.questions, start=1):
        options = "\n".join(f'<li><span class="book-box">☐</span> {LETTERS[i]}. {inline(a.text)}</li>'
                            for i, a in enumerate(question.answers))
        how = t("books.many_right") if question.multiple else t("books.one_right")
        blocks.append(
            f'<div class="book-question">\n<p><strong>{t("books.question", number=number)}</strong> '
            f'{inline(question.question)}</p>\n<p class="book-how">{how}</p>\n'
            f'<ul class="book-options">\n{options}\n</ul>\n</div>'
        )
    pass_mark = f'<p class="book-how">{t("books.pass_mark", pass_mark=bank.pass_mark)}</p>\n' if bank.pass_mark else ""
    return pass_mark + "\n".join(blocks)


# One instance each (making one per text costs more than converting it): texts, and the cases
# (admonitions for the comments, attributes for the anchors, Markdown inside their <div>).
_markdown = markdown_lib.Markdown()
_cases_markdown = markdown_lib.Markdown(extensions=["admonition", "attr_list", "md_in_html"])
MARKUP = re.compile(r"[*_`\[\]<>&\\!#|]|\n\s*\n|^\s*[-+\d]", re.M)


def inline(text: str) -> str:
    """A short text as inline HTML (plain text, the usual case, needs no Markdown)."""
    return inline_markdown(text) if MARKUP.search(text) else text


def block(text: str) -> str:
    """A text as HTML paragraphs."""
    return _markdown.reset().convert(text) if MARKUP.search(text) else f"<p>{text}</p>"


def answer_key_html(bank: QuizBank) -> str:
    """The right answers (their letters and texts) and the explanations."""
    items = []
    for number, question in enumerate(bank.questions, start=1):
        right = [(LETTERS[i], a.text) for i, a in enumerate(question.answers) if a.is_right]
        letters = ", ".join(letter for letter, _ in right)
        texts = " · ".join(inline(text) for _, text in right)
        items.append(
            f'<div class="book-answer">\n<p><strong>{t("books.question", number=number)} {letters}.</strong> '
            f"{texts}</p>\n{block(question.explanation)}\n</div>"
        )
    return "\n".join(items)


def quiz_banks(course: Course) -> list[tuple[str, str, QuizBank, Module | None]]:
    """(anchor, heading, bank, module) for every module's quiz in order, then the final test."""
    found = []
    for module in course.modules:
        key = next((k for k, page in course.quiz_pages.items() if page == module.src_path), None)
        if key is not None:
            heading = t("books.module", number=module.number, title=module.title)
            found.append((f"quiz-{module.number}", heading, course.quizzes[key], module))
    final = course.final_test
    if final is not None and course.settings.final_test in course.quiz_pages:
        found.append(("slutprov", t("books.final_test"), final, None))
    return found


def participant_chapters(material: Material) -> list[Chapter]:
    course = material.course
    banks = quiz_banks(course)
    quiz_anchor = {module.number: anchor for anchor, _, _, module in banks if module is not None}
    chapters = page_chapters(material, "kursbok")
    chapters += [module_chapter(material, m, quiz_anchor.get(m.number)) for m in course.modules]
    if course.glossary:
        chapters.append(Chapter("ordlista", t("books.glossary"), glossary_markdown(course.glossary)))
    sources = "\n".join(f"<li>{htmllib.escape(s.citation())}" + (f' <a href="{htmllib.escape(s.url)}">'
                        f"{htmllib.escape(s.url)}</a>" if s.url else "") + "</li>" for s in course.facts.sources.values())
    chapters.append(Chapter("kallor", t("books.sources"), f'<ul class="book-sources">\n{sources}\n</ul>'))
    module_banks = [b for b in banks if b[3] is not None]
    if module_banks:
        html = "\n".join(f'{part_heading(anchor, t("books.quizzes"), heading)}\n{quiz_questions_html(bank)}'
                         for anchor, heading, bank, _ in module_banks)
        chapters.append(Chapter("quizzar", t("books.quizzes"), html,
                                tuple((anchor, heading) for anchor, heading, _, _ in module_banks)))
    for anchor, heading, bank, module in banks:
        if module is None:
            chapters.append(Chapter(anchor, heading, quiz_questions_html(bank)))
    if banks:
        html = f'<p>{t("books.answers_intro")}</p>\n' + "\n".join(
            f'{part_heading(f"facit-{anchor}", t("books.answers"), heading)}\n{answer_key_html(bank)}'
            for anchor, heading, bank, _ in banks)
        chapters.append(Chapter("facit", t("books.answers"), html,
                                tuple((f"facit-{anchor}", heading) for anchor, heading, _, _ in banks), "appendix"))
    return chapters


SLIDE_HEADING = re.compile(r"<h[1-3]\b[^>]*>(.*?)</h[1-3]>", re.S)
# A content slide of a deck's page (slides/deck.html) and its speaker notes.
CONTENT_SLIDE = re.compile(r'<section class="slide-content">(.*?)</section>', re.S)
NOTES = re.compile(r'<aside class="notes">(.*?)</aside>', re.S)


def speaker_notes(deck_page: str) -> list[tuple[str, str]]:
    """(the slide's heading, its notes) for each content slide of a rendered deck (notes may be "")."""
    found = []
    for slide in CONTENT_SLIDE.findall(deck_page):
        heading, notes = SLIDE_HEADING.search(slide), NOTES.search(slide)
        found.append((plain_text(heading.group(1)) if heading else "", notes.group(1).strip() if notes else ""))
    return found


def notes_html(material: Material) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Each module deck's speaker notes, slide by slide."""
    parts, entries = [], []
    for deck in module_decks(material.course):
        anchor = f"manus-{deck.module}"
        heading = t("books.module", number=deck.module, title=deck.title)
        entries.append((anchor, heading))
        parts.append(part_heading(anchor, t("books.speaker_notes"), heading))
        for number, (title, notes) in enumerate(speaker_notes(material.decks.get(deck.site_path, "")), start=1):
            if not notes:
                continue
            parts.append(f'<div class="book-slide">\n<h3>{htmllib.escape(t("books.slide", number=number, title=title))}'
                         f"</h3>\n{printable_html(notes)}\n</div>")
    return "\n".join(parts), tuple(entries)


def trainer_chapters(material: Material) -> list[Chapter]:
    course = material.course
    chapters = page_chapters(material, "handbok")
    if module_decks(course):
        html, entries = notes_html(material)
        chapters.append(Chapter("talarmanus", t("books.speaker_notes"), f'<p>{t("books.speaker_notes_intro")}</p>\n'
                                + html, entries))
    if course.cases:
        cases = cases_markdown(course.cases, "shown", 2, material.module_link)
        chapters.append(Chapter("fallovningar", t("books.cases"), printable_html(_cases_markdown.reset().convert(cases))))
    if reflections_of(course):
        html = "\n".join(
            f'<h2>{htmllib.escape(t("books.module", number=m.number, title=m.title))}</h2>\n<ol>\n'
            + "\n".join(f"<li>{htmllib.escape(q)}</li>" for q in material.reflections.get(m.number, [])) + "\n</ol>"
            for m in course.modules if material.reflections.get(m.number))
        chapters.append(Chapter("reflektionsfragor", t("books.reflections"), html))
    return chapters


CHAPTERS = {"kursbok": participant_chapters, "handbok": trainer_chapters}


def book_document(key: str, material: Material, settings: PrintSettings) -> str:
    """The complete HTML document WeasyPrint prints; EDITION stands where the edition goes."""
    course = material.course
    checked = min((f.checked for f in course.facts.facts.values()), default=None)
    return template("books/book.html").render(
        title=t(f"books.{key}"),
        summary=t(f"books.{key}_summary"),
        author=settings.author,
        course_title=settings.course_title,
        keywords=settings.keywords,
        lang=settings.language,
        edition=EDITION,
        checked=t("books.facts_checked", date=swedish_date(checked)) if checked else "",
        chapters=CHAPTERS[key](material),
        page_label=t("factsheets.page") + " ",
        page_of=" " + t("factsheets.of") + " ",
        base_css=BASE_STYLESHEET.read_text(encoding="utf-8"),
        css=STYLESHEET.read_text(encoding="utf-8"),
    )


# --- the build: thin steps the MkDocs hooks call -------------------------------------


def size_text(built: BuiltSheet) -> str:
    """ "PDF, A4, 64 sidor, 1,2 MB" """
    return t("books.size", pages=built.pages, size=bytes_text(built.size))


def add_book_files(course: Course, files: Files, config, cache_dir: Path) -> None:
    """Tell MkDocs about each book; the PDFs are made (or taken from the cache) in on_env, before
    MkDocs copies files to the site."""
    for key in books_of(course):
        files.append(File.generated(config, file_name(course, key), abs_src_path=str(cache_dir / f"{key}.pdf")))


def build_books(material: Material, settings: PrintSettings, cache_dir: Path, edition) -> dict[str, BuiltSheet]:
    """Every book of the course, from the cache when its document is unchanged; a line each in the log."""
    built = {}
    for key in books_of(material.course):
        started = time.perf_counter()
        document = book_document(key, material, settings)
        final = document.replace(EDITION, htmllib.escape(t("books.edition", date=swedish_date(edition))))
        name = file_name(material.course, key)
        built[key] = cached_pdf(key, document, cache_dir, material.docs_dir, name, final)
        log.info(f"{name}: {made_text(built[key], started)} ({size_text(built[key])})")
    return built


SIZE = re.compile(r'<span class="course-book-size" data-book="([^"]+)"></span>')


def fill_sizes(output: str, built: dict[str, BuiltSheet]) -> str:
    """Each book's length and size where a page links it (book_list)."""
    return SIZE.sub(lambda m: size_text(built[m.group(1)]) if m.group(1) in built else "PDF", output)


def macros(ctx) -> dict:
    course = ctx.course

    def book_list(*keys: str) -> str:
        """The course's books (or those named: "kursbok", "handbok"), each a download link with its
        length and size (filled in after the build)."""
        unknown = [k for k in keys if k not in BOOKS]
        if unknown:
            raise MacroError(f"okänd bok '{unknown[0]}': välj bland {', '.join(BOOKS)}")
        made = [k for k in (keys or BOOKS) if k in books_of(course)]
        if not made:
            return download_box(t("books.not_made"))
        if course.package_mode == "preview":
            return download_box(t("books.preview"))
        return "".join(download_box(
            f'[{t(f"books.{k}")}]({ctx.relative(file_name(course, k))}) '
            f'(<span class="course-book-size" data-book="{k}"></span>): {t(f"books.{k}_summary")}') for k in made)

    return {"book_list": book_list}
