"""The course as two books, read as a reader reads the PDFs that `mkdocs build` made: A4, tagged, in
Swedish, with a title; the participant's book has every module, reflection question and quiz question
and an answer key that gives the right answers; the trainer's handbook has every case comment and
speaker note; the contents point to the right pages; and the print reads like print (no controls,
links as text, the chapter in the page header, no heading alone at the bottom of a page).
(That a second build makes no PDF is tested with the fact sheets: tests/factsheets.)"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from conftest import PROJECT, built_reflections, course_content, course_site, reader_text
from kurs.books import STYLESHEET
from kurs.factsheets import STYLESHEET as BASE_STYLESHEET
from kurs.factsheets import render_pdf
from pypdf import PdfReader

pytestmark = pytest.mark.xdist_group("books")  # one worker runs them all: the books are read once

A4 = (595.3, 841.9)  # points
BOOK_TITLES = {"kursbok": "Deltagarens kursbok", "handbok": "Utbildarens handbok"}
LETTERS = "ABCDEFGHIJ"


@dataclass
class Book:
    reader: PdfReader
    raw: list[str]  # each page's text as extracted
    pages: list[str]  # each page's text without its header and footer, as a reader reads it
    headers: list[str]  # each page's header line
    last_lines: list[list[tuple[float, bool]]]  # per page: (font size, bold) of the lowest line of its text

    @property
    def text(self) -> str:
        return " ".join(self.pages)

    def chapter(self, title: str) -> int:
        """The number of the page the chapter starts on (its heading first on the page)."""
        return next(n for n, text in enumerate(self.pages, start=1) if text.startswith(title))


def read_book(path) -> Book:
    """A book's PDF (a path or a file object), page by page."""
    reader = PdfReader(path)
    raw, pages, headers, last_lines = [], [], [], []
    for sheet in reader.pages:
        lines: list[tuple[float, float, bool]] = []

        def visit(text, cm, tm, font, size):
            if text.strip():
                bold = "Bold" in str(font.get("/BaseFont", "")) if font else False
                lines.append((cm[5] + tm[5] * cm[3], size * tm[0] * cm[0], bold))

        text = sheet.extract_text(visitor_text=visit)
        raw.append(text)
        *body, header, footer = text.splitlines()  # WeasyPrint draws the margin boxes last
        pages.append(reader_text("\n".join(body)))
        headers.append(reader_text(header))
        inside = [line for line in lines if 60 < line[0] < 780]  # between the header and the footer
        lowest = min((line[0] for line in inside), default=0)
        last_lines.append([(size, bold) for y, size, bold in inside if y < lowest + 2])
    return Book(reader, raw, pages, headers, last_lines)


@pytest.fixture(scope="module")
def books(site_dir) -> dict[str, Book]:
    return {key: read_book(site_dir / f"{PROJECT.settings.id}-{key}.pdf") for key in BOOK_TITLES}


def quiz_banks():
    """(heading in the book, bank) for each module's quiz in order, then the final test."""
    course = course_content()
    found = []
    for module in course.modules:
        key = next(k for k, page in course.quiz_pages.items() if page == module.src_path)
        found.append((f"Modul {module.number}: {module.title}", course.quizzes[key]))
    return found + [("Slutprov", course.final_test)]


def blocks(markdown_text: str) -> list[str]:
    """The paragraphs and list items of a Markdown text, as a reader reads them."""
    rendered = markdown.markdown(markdown_text)
    parts = re.findall(r"<(?:p|li)>(.*?)</(?:p|li)>", rendered, re.S)
    return [reader_text(html.unescape(re.sub(r"<[^>]+>", "", part))) for part in parts if "<ul>" not in part]


@pytest.mark.parametrize("key", sorted(BOOK_TITLES))
def test_the_book_is_a4_tagged_swedish_and_titled(books, key):
    book = books[key]
    for sheet in book.reader.pages:
        width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
        assert abs(width - A4[0]) < 1 and abs(height - A4[1]) < 1, (width, height)
    assert book.reader.metadata.title == f"{BOOK_TITLES[key]}: {PROJECT.site_name}"
    assert book.reader.metadata.author
    root = book.reader.trailer["/Root"]
    assert root["/Lang"] == "sv"
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root  # tagged for screen readers
    assert "/Outlines" in root  # bookmarks: the chapters in a reader's side panel
    cover = book.raw[0]
    assert BOOK_TITLES[key] in cover and PROJECT.site_name in cover and "Utgåva" in cover


def test_the_participants_book_has_every_module_reflection_question_and_quiz_question(books, site_dir):
    text = books["kursbok"].text
    course = course_content()
    for module in course.modules:
        assert reader_text(module.title) in text, module.title
    for number, questions in built_reflections(site_dir).items():
        assert questions, number
        for question in questions:
            assert reader_text(question) in text, question
    for heading, bank in quiz_banks():
        for question in bank.questions:
            assert reader_text(question.question) in text, (heading, question.question)
            for answer in question.answers:
                assert reader_text(answer.text) in text, (heading, answer.text)


def test_the_answer_key_gives_the_right_answer_to_every_question(books):
    book = books["kursbok"]
    banks = quiz_banks()
    quizzes, key = book.chapter("Quizzar"), book.chapter("Bilaga: Facit")
    questions_part, key_part = " ".join(book.pages[quizzes - 1: key - 1]), " ".join(book.pages[key - 1:])

    def sections(text: str) -> list[str]:
        """The text of each bank's part, in the order of the banks."""
        starts = []
        for heading, _ in banks:
            starts.append(text.index(reader_text(heading), starts[-1] + 1 if starts else 0))
        return [text[start: end] for start, end in zip(starts, starts[1:] + [len(text)])]

    for (heading, bank), asked, answered in zip(banks, sections(questions_part), sections(key_part)):
        for number, question in enumerate(bank.questions, start=1):
            right = [(LETTERS[i], reader_text(a.text)) for i, a in enumerate(question.answers) if a.is_right]
            for letter, text in right:  # the letter is the right option's letter where the question is asked
                assert f"{letter}. {text}" in asked, (heading, number, letter)
            expected = f"Fråga {number}. {', '.join(letter for letter, _ in right)}. {' · '.join(t for _, t in right)}"
            assert expected in answered, (heading, expected)
            assert reader_text(question.explanation) in answered, (heading, number)


class NotesParser(HTMLParser):
    """The text of each <aside class="notes"> of a deck's own content slides, paragraph by paragraph
    and item by item, as print shows it: a link to the web followed by its address. (The notes of the
    generated case slides repeat the case comments, which the handbook has in its case chapter.)"""

    def __init__(self):
        super().__init__()
        self.blocks: list[str] = []
        self.inside = False  # in a notes aside
        self.content_slide = False  # in a <section class="slide-content">
        self.current: list[str] | None = None
        self.href = ""

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            self.content_slide = ("class", "slide-content") in attrs
        elif tag == "aside" and ("class", "notes") in attrs and self.content_slide:
            self.inside = True
        elif self.inside and tag in ("p", "li"):
            self.current = []
        elif tag == "a":
            self.href = dict(attrs).get("href", "")

    def handle_endtag(self, tag):
        if tag == "aside":
            self.inside = False
        elif tag == "a" and self.current is not None and self.href.startswith("http"):
            self.current.append(f" ({self.href})")
        elif self.inside and tag in ("p", "li") and self.current is not None:
            self.blocks.append(reader_text("".join(self.current)))
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current.append(data)


def squeezed(text: str) -> str:
    """Without white space: a web address broken over two lines is still the address."""
    return re.sub(r"\s+", "", text)


def test_the_handbook_holds_every_case_comment_and_speaker_note(books, site_dir):
    text = squeezed(books["handbok"].text)
    ctx = course_site().context
    comments = [block for case in course_content().cases for question in case.questions
                for block in blocks(ctx.render_text(question.comment))]
    assert len(comments) > 20
    for comment in comments:
        assert squeezed(comment) in text, comment
    decks = [deck for deck in course_content().decks.values() if deck.module]
    assert len(decks) == len(course_content().modules)
    for deck in decks:
        parser = NotesParser()
        parser.feed((site_dir / deck.site_path).read_text(encoding="utf-8"))
        assert len(parser.blocks) >= len(deck.slides), deck.key
        for note in parser.blocks:
            assert squeezed(note) in text, (deck.key, note)


def contents(book: Book) -> list[tuple[str, int, str]]:
    """(title, page number, destination) of each entry in the contents, as printed and as linked."""
    page = book.chapter("Innehåll") - 1
    sheet = book.reader.pages[page]
    printed = re.findall(r"^(.+?)(?: ?\. ?)+\s*(\d+)$", book.raw[page], re.M)
    linked = list(dict.fromkeys(a.get_object()["/Dest"] for a in sheet["/Annots"]))
    assert len(printed) == len(linked) > 5
    return [(reader_text(title), int(number), dest) for (title, number), dest in zip(printed, linked)]


@pytest.mark.parametrize("key", sorted(BOOK_TITLES))
def test_the_contents_point_to_the_right_pages(books, key):
    book = books[key]
    destinations = book.reader.named_destinations
    for title, number, dest in contents(book):
        assert book.reader.get_destination_page_number(destinations[dest]) + 1 == number, (title, number)
        assert title in book.pages[number - 1], (title, number)
        if book.pages[number - 1].startswith(title):  # a chapter starts the page: the one before is another's
            assert title not in book.headers[number - 2], (title, number)


def test_print_has_no_controls_shows_links_as_text_and_each_modules_title_above_its_pages(books):
    book = books["kursbok"]
    for screen_only in ("Återställ svaren", "Presentera modulen", "Ladda ner", "Visa diagrammet som text"):
        assert screen_only not in book.text, screen_only
    assert "(https://nspm.jamstalldhetsmyndigheten.se/)" in book.text
    assert any("\u2010\n" in page for page in book.raw)  # Swedish hyphenation breaks long words
    chapters = [(title, number) for title, number, _ in contents(book) if book.pages[number - 1].startswith(title)]
    for (title, start), (_, end) in zip(chapters, chapters[1:]):
        if title in {reader_text(m.title) for m in course_content().modules}:
            assert all(book.headers[n - 1].startswith(title) for n in range(start, end)), title


@pytest.mark.parametrize("key", sorted(BOOK_TITLES))
def test_no_heading_is_alone_at_the_bottom_of_a_page(books, key):
    """The lowest line on a page is never set in a heading's type (bold, 11 pt or more)."""
    alone = [number for number, lowest in enumerate(books[key].last_lines, start=1)
             if any(bold and size >= 10.9 for size, bold in lowest)]
    assert alone == []


def test_the_print_style_keeps_each_heading_with_the_text_after_it(tmp_path):
    """Sections of 1 to 40 lines one after another: without the rule, some heading ends a page."""
    sections = "".join(f"<h2>Avsnitt {n}</h2>" + "<p>Rad att läsa.</p>" * n for n in range(1, 41))
    document = (f'<html lang="sv"><head><style>{BASE_STYLESHEET.read_text(encoding="utf-8")}</style>'
                f'<style>{STYLESHEET.read_text(encoding="utf-8")}</style></head><body>'
                f'<section class="book-chapter"><h1>Kapitel</h1>{sections}</section></body></html>')
    data, pages = render_pdf(document, tmp_path)
    book = read_book(io.BytesIO(data))
    assert pages > 10
    assert [n for n, lowest in enumerate(book.last_lines, start=1) if any(bold and size >= 10.9 for size, bold in lowest)] == []


def test_a_page_gives_a_book_the_sections_its_front_matter_names_with_its_images_as_files(tmp_path):
    """Unit test of a page's chapter: the text before the first section and the sections named, in the
    order named; its heading's text as the title; a picture found from the page's own folder."""
    from kurs.books import Material, page_chapter
    from kurs.model.pages import BookPart

    page = ('<h1 id="start">Kursen<a class="headerlink" href="#start">¶</a></h1><p>Inledning.</p>'
            '<h2 id="vem">Vem?</h2><p>Alla.</p><h2 id="varfor">Varför?</h2><p><img src="../bilder/karta.png" alt="Karta"></p>'
            '<div class="course-sources"><h2 id="kallor">Källor</h2><ul><li>Källa</li></ul></div>')
    material = Material(course_content(), {"om/index.md": page}, {}, {}, str, tmp_path / "docs",
                        {"om/index.md": "om/"})
    whole = page_chapter(material, "om/index.md", BookPart(), "sida-1")
    assert whole.title == "Kursen" and "Alla." in whole.html and "Källa" in whole.html and ' id="' not in whole.html
    chosen = page_chapter(material, "om/index.md", BookPart(title="Om kursen", sections=["Varför?", "Vem?"]), "sida-1")
    assert chosen.title == "Om kursen"
    assert re.sub(r"\s+", "", re.sub(r"<[^>]+>", " ", chosen.html)) == "Inledning.Varför?Vem?Alla."
    assert f'src="{(tmp_path / "docs" / "bilder" / "karta.png").as_uri()}"' in chosen.html
