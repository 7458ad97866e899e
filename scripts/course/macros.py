"""The macros that pages call, e.g. {{ fact("support_line.phone") }}.

`course_macros(course, current_page)` returns plain functions for the pages' templates
(scripts/course/render.py). A mistake in a call (an unknown key, a wrong argument) is
recorded for the current page and shown as an AuthorError by the hook, never as a traceback.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from . import diagrams, offline, scorm
from .cases import Case, cases_markdown, load_cases
from .errors import AuthorError
from .factsheets import FactSheet, load_factsheets, sheet_list_markdown
from .facts import Facts, load_facts, unknown_key_message
from .glossary import Term, glossary_markdown, load_glossary
from .modules import Module, load_modules, minutes_text
from .progress import panel_html
from .quizzes import QUIZ_DIR, Quiz, fact_renderer, load_quizzes, quiz_markdown
from .render import text_template
from .slides import Deck, deck_table, load_decks

FACTS_FILE = "facts.yml"
GLOSSARY_FILE = "glossary.yml"


@dataclass
class Course:
    """Everything the pages draw on, loaded once per build."""

    root: Path
    facts: Facts
    glossary: list[Term]
    modules: list[Module]
    quizzes: dict[str, Quiz]
    decks: dict[str, Deck] = field(default_factory=dict)
    factsheets: list[FactSheet] = field(default_factory=list)
    errors: dict[str, list[str]] = field(default_factory=dict)
    facts_used: dict[str, set[str]] = field(default_factory=dict)  # page src_path -> fact keys
    quiz_pages: dict[str, str] = field(default_factory=dict)  # quiz key -> src_path of the page showing it
    cases: list[Case] = field(default_factory=list)
    # The offline package on the trainer page: "hosted" (a link to it), "preview" (mkdocs serve
    # does not build it) or "package" (this build is the package).
    package_mode: str = "hosted"

    def module_for(self, src_path: str) -> Module | None:
        return next((m for m in self.modules if m.src_path == src_path), None)

    def deck_for(self, module: Module) -> Deck | None:
        return next((d for d in self.decks.values() if d.module == module.number), None)

    def sheet_for(self, src_path: str) -> FactSheet | None:
        return next((s for s in self.factsheets if s.src_path == src_path), None)

    def sheets_of(self, module: Module) -> list[FactSheet]:
        return [s for s in self.factsheets if module.number in s.modules]

    def last_checked(self, src_path: str):
        """The latest date a fact used on the page was checked (any fact if it uses none)."""
        keys = self.facts_used.get(src_path)
        return max(self.facts.get(k).checked for k in keys) if keys else self.facts.last_checked()


def load_course(root: Path, docs_dir: Path) -> Course:
    facts = load_facts(root / FACTS_FILE)
    glossary = load_glossary(root / GLOSSARY_FILE)
    quizzes = load_quizzes(root, fact_renderer(lambda key: scalar_fact(facts, key)))
    modules = load_modules(docs_dir, facts)
    numbers = {m.number for m in modules}
    decks = load_decks(root, facts, quizzes, numbers)
    return Course(root, facts, glossary, modules, quizzes, decks, load_factsheets(docs_dir, facts, numbers),
                  cases=load_cases(root, numbers))


def scalar_fact(facts: Facts, key: str):
    value = facts.get(key).value
    if isinstance(value, (list, dict)):
        raise AuthorError(facts.file, f"'{key}' är en lista: använd fact_list(\"{key}\")")
    return value


MONTHS = "januari februari mars april maj juni juli augusti september oktober november december".split()


def swedish_date(date) -> str:
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def course_macros(course: Course, current: Callable[[], object]) -> dict[str, Callable]:
    """The macro functions for pages, each reporting its mistakes against the current
    page (`current()` returns the MkDocs page being rendered)."""

    def current_page() -> str:
        return current().file.src_path

    def safe(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            try:
                return func(*args, **kwargs)
            except AuthorError as error:
                course.errors.setdefault(current_page(), []).append(f"{func.__name__}(): {error.message}")
            except (TypeError, ValueError) as error:
                course.errors.setdefault(current_page(), []).append(f"{func.__name__}(): fel argument ({error})")
            return f"**[FEL: {func.__name__}]**"

        return wrapper

    return {name: safe(func) for name, func in macro_functions(course, current).items()}


def macro_functions(course: Course, current: Callable[[], object]) -> dict[str, Callable]:
    """The plain macro functions; they raise AuthorError on a mistake. `current()` is
    the page being rendered (only module_list and quiz need it)."""

    def current_page() -> str:
        return current().file.src_path

    facts = course.facts

    def used(key: str):
        page = current()
        if page is not None:
            course.facts_used.setdefault(page.file.src_path, set()).add(key)
        return facts.get(key)

    def relative(target: str) -> str:
        here = posixpath.dirname(current_page())
        return posixpath.relpath(target, here or ".")

    def fact(key: str):
        used(key)
        return scalar_fact(facts, key)

    def fact_list(key: str) -> str:
        value = used(key).value
        if not isinstance(value, list):
            raise AuthorError(facts.file, f"'{key}' är ingen lista: använd fact(\"{key}\")")
        return "\n".join(f"- {item}" for item in value)

    def link(key: str, text: str = "") -> str:
        entry = used(key)
        url = str(entry.value)
        if not url.startswith(("https://", "http://")):
            raise AuthorError(facts.file, f"'{key}' är ingen webbadress")
        return f"[{text or entry.label or url}]({url})"

    def phone(key: str) -> str:
        number = str(used(key).value)
        digits = "".join(c for c in number if c.isdigit())
        if len(digits) < 6 or not digits.startswith("0"):
            raise AuthorError(facts.file, f"'{key}' ser inte ut som ett svenskt telefonnummer: {number}")
        return f'<a href="tel:+46{digits[1:]}" class="phone">{number}</a>'

    def render(text: str) -> str:
        """Fill in fact, fact_list, link and phone in text from a content file."""
        if "{" not in text:
            return text
        try:
            return text_template(text).render(fact=fact, fact_list=fact_list, link=link, phone=phone)
        except jinja2.TemplateError as error:
            raise AuthorError("", f"fel i makroanrop: {error}") from None

    def module_link(number: int) -> str:
        module = next(m for m in course.modules if m.number == number)
        return f"[modul {number}]({relative(module.src_path)})"

    def module_list() -> str:
        rows = [
            f"| {m.number} | [{m.title}]({relative(m.src_path)}) | {m.summary} | {minutes_text(m.minutes)} | "
            f'<span class="course-module-state" data-module="{m.number}">Inte påbörjad</span> |'
            for m in course.modules
        ]
        total = sum(m.minutes for m in course.modules)
        hours = f"{total / 60:.1f}".replace(".", ",")
        table = "| Modul | Titel | Innehåll | Tid | Din status |\n|---|---|---|---|---|\n" + "\n".join(rows)
        return f"{table}\n\nHela kursen tar {minutes_text(total)}, alltså ungefär {hours} timmar."

    def last_checked() -> str:
        """The latest date any fact was checked, in Swedish: "22 november 2026"."""
        return swedish_date(facts.last_checked())

    def quiz(key: str) -> str:
        """A bank from quizzes/ as an interactive quiz; turns mkdocs-quiz on for the page."""
        if key not in course.quizzes:
            raise AuthorError(f"{QUIZ_DIR}/", unknown_key_message("quiz", key, course.quizzes, "okänt"))
        bank = course.quizzes[key]
        page = current()
        page.meta["quiz"] = {"enabled": True}
        course.quiz_pages[key] = page.file.src_path
        in_module = course.module_for(page.file.src_path) is not None
        if in_module and bank.pass_mark is None:
            raise AuthorError(
                f"{QUIZ_DIR}/{key}.yml",
                f"{QUIZ_DIR}/{key}.yml saknar 'pass_mark': ett quiz i en modul behöver den (procent rätt för att modulen ska bli klar)",
            )
        attributes = (
            f' data-pass-mark="{bank.pass_mark}" data-noun="{"quizet" if in_module else "provet"}"'
            f' data-retry="{"Läs modulen igen." if in_module else "Läs modulerna igen."}"'
            if bank.pass_mark
            else ""
        )
        verdict = '\n<p class="course-quiz-verdict" role="status"></p>\n' if bank.pass_mark else ""
        return (
            # Kept out of the search index: answer options are not what a search should find.
            f"## {bank.title} {{#testa-dina-kunskaper data-search-exclude}}\n\n"
            f'<div class="course-quiz" data-quiz-id="{bank.key}" data-questions="{len(bank.questions)}"{attributes}></div>\n\n'
            "<!-- mkdocs-quiz intro -->\n\n" + quiz_markdown(bank) + verdict
        )

    def pass_mark(key: str) -> int:
        """The pass mark (percent) of a test in quizzes/."""
        if key not in course.quizzes or course.quizzes[key].pass_mark is None:
            raise AuthorError(f"{QUIZ_DIR}/{key}.yml", "finns inte eller saknar 'pass_mark'")
        return course.quizzes[key].pass_mark

    def question_count(key: str) -> int:
        if key not in course.quizzes:
            raise AuthorError(f"{QUIZ_DIR}/", unknown_key_message("quiz", key, course.quizzes, "okänt"))
        return len(course.quizzes[key].questions)

    def total_minutes() -> int:
        return sum(m.minutes for m in course.modules)

    def glossary() -> str:
        return glossary_markdown(course.glossary)

    def flow(title: str, steps: list, summary: str = "") -> str:
        return diagrams.flow(title, [str(s) for s in steps], summary)

    def timeline(title: str, events: list, summary: str = "") -> str:
        return diagrams.timeline(title, [(str(w), str(t)) for w, t in events], summary)

    def applications_chart() -> str:
        national = facts.get("statistics.applications_national").value
        groups = [
            (
                f"Hela landet {row['year']}",
                [
                    diagrams.Bar("från socialtjänsten", row["social_services"], row.get("social_services_note", "")),
                    diagrams.Bar("från förundersökningsledare", row["prosecutors"], row.get("prosecutors_note", "")),
                ],
            )
            for row in national
        ]
        groups.append(
            (
                "Stockholms stad, från socialtjänsten",
                [
                    diagrams.Bar(
                        "under 2024",
                        fact("statistics.stockholm_2024_applications"),
                        f"{fact('statistics.stockholm_2024_granted')} beviljades",
                    ),
                    diagrams.Bar("under våren 2025", fact("statistics.stockholm_spring_2025_applications"), "alla beviljades"),
                ],
            )
        )
        return diagrams.bar_chart("Ansökningar om betänketid till Migrationsverket", groups, "Antal ansökningar")

    def deck_list() -> str:
        """Every presenter deck in slides/ with its size and print link."""
        return deck_table(course.decks, course.quizzes, relative)

    def factsheet_list() -> str:
        """Every fact sheet with its summary and PDF (size filled in after the build)."""
        return sheet_list_markdown(course.factsheets, relative)

    def continue_course() -> str:
        """The start page's "Fortsätt där du slutade" box (filled in on the learner's device)."""
        return panel_html("continue_course")

    def my_data() -> str:
        """"Mina uppgifter": what is stored on the device, download, restore and delete."""
        return panel_html("my_data")

    def certificate() -> str:
        """"Intyg": what remains, or the learner's certificate to print."""
        return panel_html("certificate")

    def case_exercises(comments: str = "shown", level: int = 2) -> str:
        """The case exercises in cases/: comments "shown" (trainer copy), "collapsed" (module
        page) or "hidden" (handout); `level` is the heading level of each case."""
        return cases_markdown(course.cases, comments, int(level), render, module_link)

    def reflection_questions() -> str:
        """Every module's reflection questions, module by module, for a printable page."""
        parts = []
        for m in course.modules:
            if m.reflections:
                items = "\n".join(f"{n}. {render(q)}" for n, q in enumerate(m.reflections, start=1))
                parts.append(f"## Modul {m.number}: {m.title} {{#modul-{m.number}}}\n\n{items}\n")
        return "\n".join(parts)

    def download(name: str, text: str, in_package: str) -> str:
        """A download link to a package in the hosted site, with its size (filled in after the
        build); `in_package` is said instead inside the offline package."""
        if course.package_mode == "package":
            return f"*{in_package}*\n"
        if course.package_mode == "preview":
            return ("*Paketen byggs inte i förhandsvisningen (`mkdocs serve`). "
                    "Bygg dem med `bash scripts/offline.sh`.*\n")
        return f'<p class="course-download" markdown>[{text}]({relative(name)}) ({offline.size_placeholder(name)})</p>\n'

    def offline_package() -> str:
        """The download link of the offline package (a zip to open from a USB stick)."""
        return download(offline.PACKAGE, "Ladda ner kursen för användning utan internet",
                        "Du använder redan paketet. Hämta ett nytt från kursens webbplats före varje utbildning.")

    def scorm_package() -> str:
        """The download link of the SCORM 1.2 package for a learning platform."""
        return download(scorm.PACKAGE, "Ladda ner kursen som SCORM 1.2-paket",
                        "SCORM-paketet finns att hämta på kursens webbplats, på den här sidan.")

    def module_titles() -> str:
        """The modules' titles as a numbered Markdown list (for a contents slide)."""
        return "\n".join(f"{m.number}. {m.title}" for m in course.modules)

    return {
        f.__name__: f
        for f in (fact, fact_list, link, phone, module_list, module_titles, deck_list, factsheet_list, last_checked, quiz, pass_mark,
                  question_count, total_minutes, glossary, flow, timeline, applications_chart, continue_course, my_data,
                  certificate, case_exercises, reflection_questions, offline_package, scorm_package)
    }
