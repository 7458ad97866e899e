"""Presenter decks: Markdown files in slides/ turned into reveal.js pages in the site.

A deck (slides/modul-1.md):

    ---
    title: Vad är människohandel och människoexploatering?
    module: 1                  # optional: the module the deck presents
    quiz: modul-1              # optional: a bank in quizzes/, shown as quiz slides at the end
    sources: [presentation]    # keys under `sources:` in facts.yml, listed on a last slide
    ---

    # Vad är människohandel och människoexploatering?

    Note:
    What the presenter says (the speaker notes of this slide).

    ---

    ## Next slide

A combined deck has only front matter: `title` and `decks: [inledning, modul-1, …]`.
Slides are separated by a line `---` between blank lines; a line `Note:` starts the notes;
`{.fragment}` on its own line under a paragraph or list item reveals it on a key press.
Facts come from the same macros as the pages; links and images point at files in docs/.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2
import markdown

from .errors import AuthorError
from .facts import Facts, unknown_key_message
from .modules import check_fields, front_matter
from .quizzes import Question, Quiz

SLIDE_DIR = "slides"
SITE_DIR = "bildspel"  # where the decks land in the site
DECK_FIELDS = {"title", "module", "quiz", "sources", "decks"}
SLIDE_MACROS = (
    "fact", "fact_list", "link", "phone", "module_titles", "pass_mark", "question_count",
    "total_minutes", "flow", "timeline", "applications_chart",
)
SEPARATOR = re.compile(r"\n[ \t]*\n---[ \t]*\n(?=[ \t]*\n)")
NOTE = re.compile(r"^Note:[ \t]*", re.MULTILINE)
FRAGMENT_AT_END = re.compile(r"[ \t]+\{\.fragment\}[ \t]*$", re.MULTILINE)
URL_ATTRIBUTE = re.compile(r'\b(href|src)="([^"]*)"')
EXTERNAL = ("http://", "https://", "mailto:", "tel:", "#")
MARKDOWN_EXTENSIONS = ["attr_list", "md_in_html", "tables", "sane_lists"]
TEMPLATE_DIR = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class SlideSource:
    number: int  # 1-based, as the author counts slides in the file
    text: str
    notes: str


@dataclass(frozen=True)
class Deck:
    key: str  # file name without .md: also the page name bildspel/<key>.html
    file: str
    title: str
    slides: tuple[SlideSource, ...] = ()
    module: int | None = None
    quiz: str | None = None
    sources: tuple[str, ...] = ()
    decks: tuple[str, ...] = ()  # a combined deck: the decks it strings together

    @property
    def site_path(self) -> str:
        return f"{SITE_DIR}/{self.key}.html"


@dataclass(frozen=True)
class Slide:
    html: str
    notes: str  # HTML
    kind: str  # "content", "quiz" or "sources"


def split_slides(body: str) -> list[SlideSource]:
    slides = []
    for number, chunk in enumerate(SEPARATOR.split("\n" + body.strip("\n") + "\n"), start=1):
        parts = NOTE.split(chunk, maxsplit=1)
        slides.append(SlideSource(number, parts[0].strip("\n"), parts[1].strip() if len(parts) > 1 else ""))
    return slides


def parse_deck(text: str, key: str, file: str) -> Deck:
    meta = front_matter(text, file)
    check_fields(meta, file, DECK_FIELDS)
    if not str(meta.get("title", "")).strip():
        raise AuthorError(file, "front matter saknar fältet 'title'")
    body = text[text.find("\n---", 3) + 4:] if text.startswith("---") else text
    body = body.split("\n", 1)[1] if "\n" in body else ""
    decks = meta.get("decks") or []
    if not isinstance(decks, list) or not all(isinstance(d, str) for d in decks):
        raise AuthorError(file, "'decks' ska vara en lista med namn på andra bildspel, t.ex. [inledning, modul-1]")
    if decks and body.strip():
        raise AuthorError(file, "ett bildspel med 'decks' ska inte ha egna bilder")
    if not decks and not body.strip():
        raise AuthorError(file, "bildspelet har inga bilder")
    sources = meta.get("sources") or []
    if not isinstance(sources, list):
        raise AuthorError(file, "'sources' ska vara en lista med källor ur facts.yml, t.ex. [presentation]")
    module = meta.get("module")
    if module is not None and (not isinstance(module, int) or module < 1):
        raise AuthorError(file, f"'module' ska vara ett modulnummer, inte '{module}'")
    return Deck(
        key=key,
        file=file,
        title=str(meta["title"]).strip(),
        slides=tuple(split_slides(body)) if body.strip() else (),
        module=module,
        quiz=meta.get("quiz"),
        sources=tuple(str(s) for s in sources),
        decks=tuple(decks),
    )


def load_decks(root: Path, facts: Facts, quizzes: dict[str, Quiz], module_numbers: set[int]) -> dict[str, Deck]:
    """Every deck in slides/, checked against the facts' sources, the quizzes and modules."""
    decks = {}
    for path in sorted((root / SLIDE_DIR).glob("*.md")):
        file = f"{SLIDE_DIR}/{path.name}"
        decks[path.stem] = parse_deck(path.read_text(encoding="utf-8"), path.stem, file)
    for deck in decks.values():
        for key in deck.sources:
            if key not in facts.sources:
                raise AuthorError(deck.file, unknown_key_message("källa", key, facts.sources))
        if deck.quiz is not None and deck.quiz not in quizzes:
            raise AuthorError(deck.file, unknown_key_message("quiz", str(deck.quiz), quizzes, "okänt"))
        if deck.module is not None and deck.module not in module_numbers:
            raise AuthorError(deck.file, f"det finns ingen modul {deck.module} i docs/moduler/")
        for part in deck.decks:
            if part not in decks or decks[part].decks:
                raise AuthorError(deck.file, unknown_key_message("bildspel", part, {k for k, d in decks.items() if not d.decks}, "okänt"))
    return decks


def slide_count(deck: Deck, decks: dict[str, Deck], quizzes: dict[str, Quiz]) -> int:
    """How many slides the built deck has (content, quiz and sources slides)."""
    if deck.decks:
        parts = [decks[part] for part in deck.decks]
        return sum(len(p.slides) for p in parts) + (1 if any(p.sources for p in parts) else 0)
    quiz = len(quizzes[deck.quiz].questions) + 1 if deck.quiz else 0
    return len(deck.slides) + quiz + (1 if deck.sources else 0)


def deck_table(decks: dict[str, Deck], quizzes: dict[str, Quiz], link: Callable[[str], str]) -> str:
    """A Markdown table of every deck, combined decks first; `link(site_path)` gives the
    relative URL from the page that shows the table."""
    ordered = sorted(decks.values(), key=lambda d: (not d.decks, d.module or 0, d.key))
    rows = []
    for deck in ordered:
        count = slide_count(deck, decks, quizzes)
        quiz = f", varav {len(quizzes[deck.quiz].questions)} frågor" if deck.quiz else ""
        url = link(deck.site_path)
        rows.append(
            f"| [{deck.title}]({url}) | {count} bilder{quiz} | "
            f"[Utskrift]({url}?print-pdf) · [med anteckningar]({url}?print-pdf&showNotes=true) |"
        )
    return "| Bildspel | Omfattning | Skriv ut |\n|---|---|---|\n" + "\n".join(rows)


# --- rendering -------------------------------------------------------------------------


_plain_markdown = markdown.Markdown()  # one instance: making a new one per call costs more than converting


def inline_markdown(text: str) -> str:
    rendered = _plain_markdown.reset().convert(text)
    return rendered[3:-4] if rendered.startswith("<p>") and rendered.endswith("</p>") else rendered


def quiz_slides(bank: Quiz) -> list[Slide]:
    """An opening slide, then one slide per question: question and options first, the
    right answer and explanation on the next key press (one fragment step)."""
    total = len(bank.questions)
    slides = [
        Slide(
            f"<h2>{html.escape(bank.title)}</h2>\n<p>{total} frågor att prata om i gruppen.</p>\n"
            "<p>Rätt svar visas när du trycker på nästa-tangenten.</p>",
            "<p>Läs frågan högt och låt gruppen diskutera en stund innan du visar svaret. "
            "Be några berätta hur de tänkte. Samma frågor finns på modulsidan för den som läser själv.</p>",
            "quiz",
        )
    ]
    for number, question in enumerate(bank.questions, start=1):
        explanation = _plain_markdown.reset().convert(question.explanation)
        html_text = question_html(question, number, total, explanation)
        slides.append(Slide(html_text, question_notes(question, explanation), "quiz"))
    return slides


def question_html(question: Question, number: int, total: int, explanation: str) -> str:
    letters = "ABCDEFGH"
    options = []
    for letter, answer in zip(letters, question.answers):
        mark = (
            '<span class="fragment quiz-right-mark" data-fragment-index="1"> – rätt</span>' if answer.right else ""
        )
        css = ' class="quiz-option quiz-right"' if answer.right else ' class="quiz-option"'
        options.append(f'<li{css}><span class="quiz-letter">{letter}</span> {inline_markdown(answer.text)}{mark}</li>')
    kind = "Flera svar kan vara rätt." if question.multiple else "Ett svar är rätt."
    return (
        f'<p class="quiz-count">Fråga {number} av {total} · {kind}</p>\n'
        f'<h2 class="quiz-question">{inline_markdown(question.text)}</h2>\n'
        f'<ol class="quiz-options">\n' + "\n".join(options) + "\n</ol>\n"
        f'<div class="fragment quiz-answer" data-fragment-index="1">{explanation}</div>'
    )


def question_notes(question: Question, explanation: str) -> str:
    right = "; ".join(inline_markdown(a.text) for a in question.answers if a.right)
    notes = f"<p><strong>Rätt svar:</strong> {right}</p>\n{explanation}"
    if question.hint:
        notes += f"\n<p><strong>Ledtråd att ge gruppen:</strong> {inline_markdown(question.hint)}</p>"
    return notes


def sources_slide(source_keys, facts: Facts) -> Slide:
    items = []
    for key in dict.fromkeys(source_keys):
        source = facts.source(key)
        url = f' <a href="{html.escape(source.url)}">{html.escape(source.url)}</a>' if source.url else ""
        items.append(f"<li>{html.escape(source.citation())}{url}</li>")
    return Slide(
        '<h2>Källor</h2>\n<ul class="deck-sources">\n' + "\n".join(items) + "\n</ul>",
        "<p>Bilderna bygger på de här källorna. Hänvisa gärna dit den som vill läsa mer.</p>",
        "sources",
    )


class SlideRenderer:
    """Renders a deck's Markdown slides: macros first, then Markdown, then links."""

    def __init__(self, facts: Facts, quizzes: dict[str, Quiz], macros: dict[str, Callable],
                 url_of: Callable[[str], str | None]):
        self.facts = facts
        self.quizzes = quizzes
        self.env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
        self.env.globals.update({name: macros[name] for name in SLIDE_MACROS})
        self.url_of = url_of  # docs-relative path -> site URL, or None if no such file
        self.markdown = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)
        self._rendered: dict[str, tuple[Deck, list[Slide]]] = {}  # reused by the decks that include a deck

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
        cached = self._rendered.get(deck.key)
        if cached is None or cached[0] is not deck:
            cached = (deck, [
                Slide(self.render(deck, slide, slide.text), self.render(deck, slide, slide.notes), "content")
                for slide in deck.slides
            ])
            self._rendered[deck.key] = cached
        return list(cached[1])  # a copy: the caller appends quiz and source slides

    def render(self, deck: Deck, slide: SlideSource, text: str) -> str:
        if not text.strip():
            return ""
        where = f"bild {slide.number}"
        try:
            if "{{" in text or "{%" in text:
                text = self.env.from_string(text).render()
        except AuthorError as error:
            raise AuthorError(deck.file, f"{where}: {error.message}") from None
        except jinja2.TemplateSyntaxError as error:
            raise AuthorError(deck.file, f"{where}: fel i makroanrop: {error.message}") from None
        except jinja2.UndefinedError as error:
            raise AuthorError(deck.file, f"{where}: okänt makro eller namn: {error.message}") from None
        except (TypeError, ValueError) as error:
            raise AuthorError(deck.file, f"{where}: fel argument i makroanrop ({error})") from None
        text = FRAGMENT_AT_END.sub("\n{.fragment}", text)
        rendered = self.markdown.reset().convert(text)
        return URL_ATTRIBUTE.sub(lambda m: self.rewrite(m, deck, where), rendered)

    def rewrite(self, match: re.Match, deck: Deck, where: str) -> str:
        attribute, target = match.group(1), html.unescape(match.group(2))
        if target.startswith(EXTERNAL):
            return match.group(0)
        path, _, anchor = target.partition("#")
        path = posixpath.normpath(path.lstrip("/"))
        url = self.url_of(path)
        if url is None:
            thing = "bilden" if attribute == "src" else "länken"
            raise AuthorError(deck.file, f"{where}: {thing} '{target}' pekar på en fil som inte finns i docs/")
        relative = "../" + url  # decks sit one folder down, in bildspel/
        return f'{attribute}="{html.escape(relative + ("#" + anchor if anchor else ""))}"'


@functools.cache
def _deck_template() -> jinja2.Template:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=True).get_template("deck.html")


def deck_page(deck: Deck, slides: list[Slide], back_url: str, back_text: str) -> str:
    """The deck as a standalone HTML page (works from a web server and from file://)."""
    return _deck_template().render(
        title=deck.title, slides=slides, back_url=back_url, back_text=back_text, assets="../assets"
    )
