"""The whole course, read and checked: `load_course` reads every content file through the model,
collects every mistake (not only the first) and returns the course with its cross-references
resolved: a page's quiz, a deck's module and quiz, a sheet's modules, sources and fact keys.

Nothing here knows MkDocs; the plugin and the `kurs` command both start here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .base import ModelErrors, validate
from .case import Case
from .deck import Deck, split_slides
from .errors import AuthorError, Problems
from .facts import Fact, Facts, FactsFile, Source, unknown_key_message
from .glossary import Glossary, Term
from .pages import BookPart, DeckMeta, FactSheetMeta, ModuleMeta, PageMeta
from .quiz import QuizBank
from .yamlfile import Page, load_yaml, read_page

# The pages that show a part of the course, found by the macro they call (before rendering, so that
# every part of the build knows them: the decks' way back, the learner's "Mina uppgifter" link …).
ROLE_CALLS = {"my_data": "my_data(", "certificate": "certificate(", "glossary": "glossary(", "decks": "deck_list("}
QUIZ_CALL = re.compile(r"\{\{\s*quiz\(\s*[\"']([^\"']+)[\"']")
REFLECTIONS_HEADING = re.compile(r"^## Reflektionsfrågor[ \t]*(?:\{[^}]*\})?[ \t]*$", re.MULTILINE)
LIST_ITEM = re.compile(r"^\d+\.\s+(.*)")
SECTION_HEADING = re.compile(r"^##[ \t]+(.+?)[ \t]*(?:\{[^}]*\})?[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class Module:
    meta: ModuleMeta
    src_path: str  # relative to docs/, with forward slashes
    reflections: tuple[str, ...] = ()  # the questions under "## Reflektionsfrågor", as Markdown

    number = property(lambda self: self.meta.module)
    title = property(lambda self: self.meta.title)
    minutes = property(lambda self: self.meta.minutes)
    summary = property(lambda self: self.meta.summary)
    sources = property(lambda self: tuple(self.meta.sources))


@dataclass(frozen=True)
class FactSheet:
    meta: FactSheetMeta
    src_path: str

    key = property(lambda self: Path(self.src_path).stem)
    title = property(lambda self: self.meta.title)
    summary = property(lambda self: self.meta.summary)
    max_pages = property(lambda self: self.meta.max_pages)
    modules = property(lambda self: tuple(self.meta.modules))
    sources = property(lambda self: tuple(self.meta.sources))

    @property
    def pdf_path(self) -> str:
        """Where the PDF lands in the site, beside the sheet's page."""
        return self.src_path[: -len(".md")] + ".pdf"


@dataclass
class Course:
    """Everything the pages, decks, packages and the learner's scripts draw on."""

    root: Path
    docs_dir: Path
    settings: object  # the plugin's KursConfig (folders, final test, id …)
    facts: Facts
    glossary: list[Term]
    modules: list[Module]
    quizzes: dict[str, QuizBank]
    decks: dict[str, Deck]
    factsheets: list[FactSheet]
    cases: list[Case]
    pages: dict[str, Page]  # every Markdown page by its path in docs/
    # book ("kursbok", "handbok") -> the pages that go into it, with what of them (front matter `book:`)
    book_pages: dict[str, list[tuple[str, BookPart]]] = field(default_factory=dict)
    # Filled in while the pages are rendered:
    # page (or the content file rendered: a quiz bank) -> the fact keys it uses
    facts_used: dict[str, set[str]] = field(default_factory=dict)
    quiz_pages: dict[str, str] = field(default_factory=dict)  # quiz key -> page showing it
    roles: dict[str, str] = field(default_factory=dict)  # "my_data", "certificate" … -> page
    # "hosted" (the site offers the packages), "preview" (mkdocs serve) or "package" (this is one)
    package_mode: str = "hosted"
    site_url: str = ""  # the site's address (mkdocs.yml site_url), for the decks' QR code; "" when not set

    @property
    def id(self) -> str:
        return self.settings.id

    def module_for(self, src_path: str) -> Module | None:
        return next((m for m in self.modules if m.src_path == src_path), None)

    def deck_for(self, module: Module) -> Deck | None:
        return next((d for d in self.decks.values() if d.module == module.number), None)

    def sheet_for(self, src_path: str) -> FactSheet | None:
        return next((s for s in self.factsheets if s.src_path == src_path), None)

    def sheets_of(self, module: Module) -> list[FactSheet]:
        return [s for s in self.factsheets if module.number in s.modules]

    def facts_on(self, src_path: str) -> list[Fact]:
        return [self.facts.get(key) for key in sorted(self.facts_used.get(src_path, ()))]

    def checked_since(self, src_path: str):
        """The oldest `checked` among the facts the page uses: every fact on it was checked that day or
        later (the latest check of any fact when the page uses none)."""
        used = self.facts_on(src_path)
        return min(f.checked for f in used) if used else self.facts.last_checked()

    def pages_using(self) -> dict[str, list[str]]:
        """fact key -> the pages (docs paths, in order) that use it."""
        using: dict[str, list[str]] = {}
        for src_path in sorted(self.facts_used):
            if src_path in self.pages:
                for key in sorted(self.facts_used[src_path]):
                    using.setdefault(key, []).append(src_path)
        return using

    @property
    def final_test(self) -> QuizBank | None:
        return self.quizzes.get(self.settings.final_test)


def _natural(path: Path) -> tuple:
    """Natural order: 2-… before 10-…"""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", path.stem))


class Loader:
    """Reads each kind of content file, adding every mistake to `problems` and going on."""

    def __init__(self, root: Path, docs_dir: Path, settings, problems: Problems):
        self.root, self.docs_dir, self.settings, self.problems = root, docs_dir, settings, problems
        self.context: dict = {}

    def attempt(self, read):
        """read() or None, its mistakes noted."""
        try:
            return read()
        except AuthorError as error:
            self.problems.add(error)
        except ModelErrors as errors:
            for error in errors.errors:
                self.problems.add(error)
        return None

    def yaml_file(self, name: str, model, **kwargs):
        def read():
            document = load_yaml(self.root / name, name)
            return document, validate(model, document, self.context, **kwargs)

        return self.attempt(read) or (None, None)

    def facts(self) -> Facts | None:
        name = self.settings.facts

        def read():
            document = load_yaml(self.root / name, name)
            sources = document.data.get("sources") if isinstance(document.data, dict) else None
            context = {"sources": set(sources) if isinstance(sources, dict) else set()}
            model = validate(FactsFile, document, context, describe=_describe_fact)
            return Facts.from_model(name, model, self.settings.review, document)

        return self.attempt(read)

    def glossary(self) -> list[Term]:
        _, model = self.yaml_file(self.settings.glossary, Glossary)
        return list(model.root) if model else []

    def pages(self) -> dict[str, Page]:
        pages = {}
        for path in sorted(self.docs_dir.rglob("*.md")):
            src_path = path.relative_to(self.docs_dir).as_posix()
            if any(part.startswith(".") for part in src_path.split("/")):
                continue
            page = self.attempt(lambda: read_page(path, f"{self.docs_dir.name}/{src_path}"))
            if page is not None:
                pages[src_path] = page
        return pages

    def meta(self, page: Page, model):
        return self.attempt(lambda: validate(model, page.meta, self.context))

    def modules(self, pages: dict[str, Page]) -> list[Module]:
        folder = self.settings.modules.strip("/") + "/"
        modules, numbers, duplicated = [], {}, False
        for src_path, page in pages.items():
            if not src_path.startswith(folder):
                continue
            meta = self.meta(page, ModuleMeta)
            if meta is None:
                continue
            if meta.module in numbers:
                self.problems.add(AuthorError(page.file, f"modulnumret {meta.module} finns redan i "
                                              f"{numbers[meta.module]}: varje modul behöver ett eget nummer",
                                              page.meta.line(("module",))))
                duplicated = True
                continue
            numbers[meta.module] = page.file
            reflections = self.attempt(lambda: reflection_questions(page))
            modules.append(Module(meta, src_path, reflections or ()))
        modules.sort(key=lambda m: m.number)
        for expected, module in enumerate([] if duplicated else modules, start=1):
            if module.number != expected:
                page = pages[module.src_path]
                self.problems.add(AuthorError(page.file, f"modulerna ska ha nummer 1, 2, 3 … utan luckor: "
                                              f"modul {expected} saknas, och den här har nummer {module.number}",
                                              page.meta.line(("module",))))
                break
        return modules

    def other_pages(self, pages: dict[str, Page], modules: list[Module]):
        """The fact sheets, and the pages that go into a book (book -> [(page, part)])."""
        module_paths = {m.src_path for m in modules}
        folder = self.settings.factsheets.strip("/") + "/"
        sheets, books = [], {}
        for src_path, page in sorted(pages.items(), key=lambda item: (item[0].count("/"), item[0])):
            if src_path in module_paths or src_path.startswith(self.settings.modules.strip("/") + "/"):
                continue
            if src_path.startswith(folder) and not src_path.endswith("index.md"):
                meta = self.meta(page, FactSheetMeta)
                if meta is not None:
                    sheets.append(FactSheet(meta, src_path))
                continue
            meta = self.meta(page, PageMeta)
            for book, part in (meta.book.items() if meta else ()):
                self.attempt(lambda: check_sections(page, book, part.sections))
                books.setdefault(book, []).append((src_path, part))
        return sorted(sheets, key=lambda s: s.src_path), books

    def quizzes(self) -> dict[str, QuizBank]:
        banks = {}
        folder = self.root / self.settings.quizzes
        for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
            name = f"{self.settings.quizzes}/{path.name}"
            document, bank = self.yaml_file(name, QuizBank)
            if bank is not None:
                bank._key, bank._file, bank._doc = path.stem, name, document
                banks[path.stem] = bank
        return banks

    def decks(self) -> dict[str, Deck]:
        decks, lines = {}, {}
        folder = self.root / self.settings.slides
        for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
            name = f"{self.settings.slides}/{path.name}"

            def read():
                page = read_page(path, name)
                meta = validate(DeckMeta, page.meta, self.context)
                if meta.decks and page.body.strip():
                    raise AuthorError(name, "ett bildspel med 'decks' ska inte ha egna bilder", page.meta.line(("decks",)))
                if not meta.decks and not page.body.strip():
                    raise AuthorError(name, "bildspelet har inga bilder", page.body_line)
                if meta.cases and not any((self.root / self.settings.cases).glob("*.yml")):
                    raise AuthorError(name, f"'cases: true', men mappen {self.settings.cases}/ har inga fall",
                                      page.meta.line(("cases",)))
                if meta.countdown and not meta.quiz:
                    raise AuthorError(name, "'countdown' är nedräkningen på frågebilderna: bildspelet behöver 'quiz'",
                                      page.meta.line(("countdown",)))
                slides = split_slides(page.body, name, page.body_line) if page.body.strip() else []
                lines[path.stem] = page.meta
                return Deck(path.stem, name, meta, tuple(slides), self.settings.decks)

            deck = self.attempt(read)
            if deck is not None:
                decks[path.stem] = deck
        # Decks that could not be read still count as decks: one mistake, one message.
        singles = {p.stem for p in folder.glob("*.md")} - {key for key, deck in decks.items() if deck.decks}
        for deck in decks.values():
            for index, part in enumerate(deck.decks):
                if part not in singles:
                    self.problems.add(AuthorError(deck.file, unknown_key_message("bildspel", part, singles, "okänt"),
                                                  lines[deck.key].line(("decks", index))))
        return decks

    def cases(self) -> list[Case]:
        folder = self.root / self.settings.cases
        cases = []
        for path in sorted(folder.glob("*.yml"), key=_natural) if folder.is_dir() else []:
            name = f"{self.settings.cases}/{path.name}"
            document, case = self.yaml_file(name, Case)
            if case is not None:
                case._file, case._doc = name, document
                cases.append(case)
        return cases


def _describe_fact(loc: tuple):
    """Where in facts.yml: "faktumet 'contact.phone', 'checked'" (and the fields allowed there)."""
    if len(loc) >= 2 and loc[0] == "facts":
        key, field = loc[1:], None
        if len(key) > 1 and key[-1] in Fact.model_fields:
            key, field = key[:-1], key[-1]
        return f"faktumet '{'.'.join(str(p) for p in key)}'" + (f", '{field}'" if field else ""), Fact
    if len(loc) >= 2 and loc[0] == "sources":
        return f"källan '{loc[1]}'" + (f", '{loc[2]}'" if len(loc) > 2 else ""), Source
    return ", ".join(f"'{p}'" for p in loc), None


def reflection_questions(page: Page) -> tuple[str, ...]:
    """The numbered list under "## Reflektionsfrågor" (a question may go on over indented lines)."""
    found = REFLECTIONS_HEADING.search(page.body)
    if not found:
        return ()
    items: list[str] = []
    for line in page.body[found.end():].splitlines():
        item = LIST_ITEM.match(line)
        if item:
            items.append(item.group(1).strip())
        elif items and line.startswith(" ") and line.strip():
            items[-1] += " " + line.strip()
        elif items and line.strip():
            break
        elif not items and line.strip():
            break
    if not items:
        line = page.body_line + page.body[: found.start()].count("\n")
        raise AuthorError(page.file, "under rubriken 'Reflektionsfrågor' ska frågorna stå i en numrerad lista (1. 2. 3.)", line)
    return tuple(items)


def check_sections(page: Page, book: str, sections: list[str]) -> None:
    """Every section a page gives a book is one of its ## headings."""
    headings = SECTION_HEADING.findall(page.body)
    for index, section in enumerate(sections):
        if section not in headings:
            raise AuthorError(page.file, f"'book', '{book}', 'sections': avsnittet '{section}' finns inte på sidan "
                              f"(rubrikerna på nivå 2 är: {', '.join(headings) or 'inga'})",
                              page.meta.line(("book", book, "sections", index)))


def load_course(root: Path, docs_dir: Path, settings, problems: Problems | None = None) -> Course:
    """Every content file, read and checked; mistakes go to `problems` (a new Problems when None,
    and then the first list of mistakes is raised as ContentErrors)."""
    from .errors import ContentErrors

    own = problems is None
    problems = Problems() if own else problems
    loader = Loader(root, docs_dir, settings, problems)
    facts = loader.facts()
    if facts is not None:
        loader.context["sources"] = set(facts.sources)
    glossary = loader.glossary()
    pages = loader.pages()
    modules = loader.modules(pages)
    loader.context["modules"] = {m.number for m in modules}
    quizzes = loader.quizzes()
    loader.context["quizzes"] = {p.stem for p in (root / settings.quizzes).glob("*.yml")}
    factsheets, book_pages = loader.other_pages(pages, modules)
    decks = loader.decks()
    cases = loader.cases()
    final = quizzes.get(settings.final_test)
    if final is not None and final.pass_mark is None:
        problems.add(AuthorError(final.file, "slutprovet behöver 'pass_mark' (procent rätt för att klara det)", 1))
    if own and problems:
        raise ContentErrors(problems)
    course = Course(root, docs_dir, settings, facts or Facts(settings.facts, {}, {}), glossary, modules, quizzes,
                    decks, factsheets, cases, pages, book_pages)
    for src_path, page in pages.items():
        for role, call in ROLE_CALLS.items():
            if call in page.body:
                course.roles.setdefault(role, src_path)
        for key in QUIZ_CALL.findall(page.body):
            course.quiz_pages.setdefault(key, src_path)
    return course
