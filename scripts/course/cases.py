"""Case exercises for group discussions: YAML files in cases/, one case each, shown in
module 6 and on the trainer pages (a trainer copy with comments, a handout without).

A case (cases/1-kvinnan-pa-hotellet.yml; the number in the file name gives the order):

    title: Kvinnan på hotellet
    form: Sexuell exploatering
    modules: [2, 3, 4]            # the modules it draws on (the pages link to them)
    story: |
      Du arbetar … (Markdown; facts with {{ fact("reflection_period.days") }})
    questions:
      - question: Vilka tecken ser ni?
        comment: |
          The trainer's comment, tied to the course facts.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import AuthorError
from .yamlfile import load_yaml

CASE_DIR = "cases"
CASE_FIELDS = ("title", "form", "modules", "story", "questions")
QUESTION_FIELDS = ("question", "comment")
# How the comments are shown: not at all (handout), folded (module page), open (trainer copy).
MODES = {"hidden": None, "collapsed": '??? note "Att tänka på"', "shown": '!!! note "Kommentar till utbildaren"'}
# The folded comments as pymdownx.details renders them, and the same kept out of the search index:
# a search hit there would land inside a closed box (and they are the group's answers).
FOLDED = '<details class="note">\n<summary>Att tänka på</summary>'
FOLDED_UNSEARCHED = '<details class="note" data-search-exclude>\n<summary>Att tänka på</summary>'


def folded_comments_unsearched(html: str) -> str:
    return html.replace(FOLDED, FOLDED_UNSEARCHED)


@dataclass(frozen=True)
class CaseQuestion:
    text: str
    comment: str


@dataclass(frozen=True)
class Case:
    file: str  # cases/1-kvinnan-pa-hotellet.yml
    title: str
    form: str
    modules: tuple[int, ...]
    story: str
    questions: tuple[CaseQuestion, ...]


def _order(path: Path) -> tuple:
    """Natural order: 2-… before 10-…"""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", path.stem))


def load_cases(root: Path, module_numbers: set[int]) -> list[Case]:
    """Every case in cases/, in the order of the numbers in their file names."""
    folder = root / CASE_DIR
    paths = sorted(folder.glob("*.yml"), key=_order) if folder.is_dir() else []
    return [load_case(path, f"{CASE_DIR}/{path.name}", module_numbers) for path in paths]


def _text(value, file: str, where: str) -> str:
    if not isinstance(value, (str, int, float)) or not str(value).strip():
        raise AuthorError(file, f"{where} saknas eller är tomt")
    return str(value).strip()


def load_case(path: Path, file: str, module_numbers: set[int]) -> Case:
    data = load_yaml(path, file)
    if not isinstance(data, dict):
        raise AuthorError(file, f"filen ska ha fälten {', '.join(CASE_FIELDS)}")
    unknown = sorted(set(data) - set(CASE_FIELDS))
    if unknown:
        raise AuthorError(file, f"okänt fält '{unknown[0]}' (tillåtna: {', '.join(CASE_FIELDS)})")
    modules = data.get("modules")
    if not isinstance(modules, list) or not modules or not all(isinstance(m, int) for m in modules):
        raise AuthorError(file, "'modules' ska vara en lista med modulnummer, till exempel [2, 3]")
    missing = sorted(set(modules) - module_numbers)
    if missing:
        raise AuthorError(file, f"modul {missing[0]} finns inte (modulerna är {', '.join(map(str, sorted(module_numbers)))})")
    questions = data.get("questions")
    if not isinstance(questions, list) or not questions:
        raise AuthorError(file, "fältet 'questions' saknas eller är tomt")
    parsed = []
    for number, raw in enumerate(questions, start=1):
        if not isinstance(raw, dict):
            raise AuthorError(file, f"fråga {number}: ska ha fälten question och comment")
        unknown = sorted(set(raw) - set(QUESTION_FIELDS))
        if unknown:
            raise AuthorError(file, f"fråga {number}: okänt fält '{unknown[0]}' (tillåtna: question, comment)")
        parsed.append(CaseQuestion(_text(raw.get("question"), file, f"fråga {number}: fältet 'question'"),
                                   _text(raw.get("comment"), file, f"fråga {number}: fältet 'comment' (kommentaren till utbildaren)")))
    return Case(
        file,
        _text(data.get("title"), file, "fältet 'title'"),
        _text(data.get("form"), file, "fältet 'form'"),
        tuple(modules),
        _text(data.get("story"), file, "fältet 'story'"),
        tuple(parsed),
    )


def _indent(text: str, spaces: int) -> str:
    return textwrap.indent(text, " " * spaces)


def cases_markdown(cases: list[Case], mode: str, level: int, render: Callable[[str], str],
                   module_link: Callable[[int], str]) -> str:
    """All cases as Markdown. `render` fills in facts, `module_link(n)` is a Markdown link to
    module n; `level` is the heading level of each case's title."""
    if mode not in MODES:
        raise ValueError(f"comments ska vara {', '.join(repr(m) for m in MODES)}, inte {mode!r}")
    if not cases:
        raise AuthorError(f"{CASE_DIR}/", "det finns inga fall (YAML-filer) i mappen")
    blocks = [f'<div class="course-cases course-cases--{mode}" markdown>\n']
    for number, case in enumerate(cases, start=1):
        blocks.append(case_markdown(case, number, mode, level, render, module_link))
    blocks.append("</div>\n")
    return "\n".join(blocks)


def case_markdown(case: Case, number: int, mode: str, level: int, render: Callable[[str], str],
                  module_link: Callable[[int], str]) -> str:
    def text(value: str, where: str) -> str:
        try:
            return render(value).strip()
        except AuthorError as error:
            raise AuthorError(case.file, f"{case.file}: {where}: {error.message}") from None

    modules = [module_link(m) for m in case.modules]
    listed = modules[0] if len(modules) == 1 else ", ".join(modules[:-1]) + " och " + modules[-1]
    hashes = "#" * level
    lines = [
        f'<div class="course-case" markdown>\n',
        f"{hashes} Fall {number}: {case.title} {{#fall-{number}}}\n",
        f'<p class="course-case-meta"><strong>{html.escape(case.form)}</strong></p>\n',
        text(case.story, "berättelsen") + "\n",
        f"{hashes}# Frågor till gruppen {{#fall-{number}-fragor}}\n",
    ]
    for index, question in enumerate(case.questions, start=1):
        lines.append(f"{index}. {text(question.text, f'fråga {index}')}\n")
        if MODES[mode]:
            comment = text(question.comment, f"kommentaren till fråga {index}")
            lines.append(_indent(f"{MODES[mode]}\n\n{_indent(comment, 4)}\n", 4))
    lines.append(f'<p class="course-case-more" markdown>Läs mer i {listed}.</p>\n')
    lines.append("</div>\n")
    return "\n".join(lines)
