"""Case exercises for group discussions (cases/*.yml, see model/case.py), shown in a module and
on the trainer pages: {{ case_exercises("shown") }} is the trainer's copy with a comment under
each question, "hidden" the handout without them, "collapsed" the comments in boxes that fold out.
A deck with `cases: true` shows them as slides (slides/render.py). Their facts are filled in once,
before pages and decks are rendered (`rendered_case`).
"""

from __future__ import annotations

import html
import textwrap
from pathlib import Path

from ..locale import t
from ..model.case import Case
from ..model.errors import AuthorError
from ..render.renderer import MacroError, content_text

MODES = ("hidden", "collapsed", "shown")
# The cases' style sheet (print: one case a sheet, room to write), on the pages that show cases.
STYLE = {"assets/css/cases.css": ("course-cases",)}
ASSETS = {"assets/css/cases.css": Path(__file__).parent / "cases.css"}


def _admonition(mode: str) -> str | None:
    """How a comment is shown: not at all (handout), folded (module page), open (trainer copy)."""
    if mode == "collapsed":
        return f'??? note "{t("cases.think_about")}"'
    if mode == "shown":
        return f'!!! note "{t("cases.trainer_comment")}"'
    return None


def folded_comments_unsearched(page_html: str) -> str:
    """The folded comments kept out of the search index: a hit there would land inside a closed
    box (and they are the group's answers)."""
    folded = f'<details class="note">\n<summary>{t("cases.think_about")}</summary>'
    return page_html.replace(folded, folded.replace('class="note"', 'class="note" data-search-exclude'))


def rendered_case(case: Case, render) -> tuple[Case, list[AuthorError]]:
    """The case with {{ fact(…) }} filled in in its story, questions and comments; `render(text)`
    does one text. A mistake names the case's file, the text's line and which text it is."""
    errors: list[AuthorError] = []

    def text(value: str, where: str, path: tuple) -> str:
        try:
            return content_text(render, value, case.file, case._doc, path, where)
        except AuthorError as error:
            errors.append(error)
            return value

    questions = [
        question.model_copy(update={
            "question": text(question.question, f"fråga {number}", ("questions", number - 1, "question")),
            "comment": text(question.comment, f"kommentaren till fråga {number}", ("questions", number - 1, "comment")),
        })
        for number, question in enumerate(case.questions, start=1)
    ]
    copy = case.model_copy(update={"story": text(case.story, "berättelsen", ("story",)), "questions": questions})
    copy._file, copy._doc = case._file, case._doc
    return copy, errors


def _indent(text: str, spaces: int) -> str:
    return textwrap.indent(text, " " * spaces)


def cases_markdown(cases: list[Case], mode: str, level: int, module_link) -> str:
    """All cases (their facts filled in) as Markdown. `module_link(n)` is a Markdown link to
    module n; `level` is the heading level of each case's title."""
    if mode not in MODES:
        raise MacroError(f"comments ska vara {', '.join(repr(m) for m in MODES)}, inte {mode!r}")
    blocks = [f'<div class="course-cases course-cases--{mode}" markdown>\n']
    for number, case in enumerate(cases, start=1):
        blocks.append(case_markdown(case, number, mode, level, module_link))
    blocks.append("</div>\n")
    return "\n".join(blocks)


def case_markdown(case: Case, number: int, mode: str, level: int, module_link) -> str:
    modules = [module_link(m) for m in case.modules]
    listed = modules[0] if len(modules) == 1 else ", ".join(modules[:-1]) + f" {t('cases.and')} " + modules[-1]
    hashes = "#" * level
    lines = [
        '<div class="course-case" markdown>\n',
        f"{hashes} {t('cases.case', number=number, title=case.title)} {{#fall-{number}}}\n",
        f'<p class="course-case-meta"><strong>{html.escape(case.form)}</strong></p>\n',
        case.story + "\n",
        f"{hashes}# {t('cases.questions')} {{#fall-{number}-fragor}}\n",
    ]
    admonition = _admonition(mode)
    for index, question in enumerate(case.questions, start=1):
        lines.append(f"{index}. {question.question}\n")
        if admonition:
            lines.append(_indent(f"{admonition}\n\n{_indent(question.comment, 4)}\n", 4))
    lines.append(f'<p class="course-case-more" markdown>{t("cases.read_more", modules=listed)}</p>\n')
    lines.append("</div>\n")
    return "\n".join(lines)


def macros(ctx) -> dict:
    def case_exercises(comments: str = "shown", level: int = 2) -> str:
        """The case exercises: comments "shown" (trainer copy), "collapsed" (module page) or
        "hidden" (handout); `level` is the heading level of each case."""
        if not ctx.course.cases:
            raise MacroError(f"det finns inga fall (YAML-filer) i mappen {ctx.course.settings.cases}/")
        used = ctx.course.facts_used
        for case in ctx.course.cases:
            used.setdefault(ctx.page, set()).update(used.get(case.file, ()))
        return cases_markdown(ctx.course.cases, comments, int(level), ctx.module_link)

    return {"case_exercises": case_exercises}
