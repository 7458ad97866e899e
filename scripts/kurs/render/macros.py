"""The macros every course has: facts ({{ fact("contact.phone") }}, fact_list, link, phone),
the modules (module_list, module_titles, total_minutes) and the quizzes' numbers (pass_mark,
question_count). Each feature adds its own (quiz, deck_list, factsheet_list, case_exercises …),
and a course adds its own in a define_env module (see define_env.py).

A macro is a plain function; a mistake in a call raises MacroError (or the model's UnknownKey),
which the renderer records with the page and line.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable

import jinja2

from ..locale import t
from ..model.course import Course
from ..model.facts import Fact
from .renderer import MacroError, text_template


class MacroContext:
    """What a macro knows while it runs: the course, and the page being rendered (None for a
    deck or a content text)."""

    def __init__(self, course: Course):
        self.course = course
        self.page: str | None = None

    def use_fact(self, key: str) -> Fact:
        fact = self.course.facts.get(key)
        if self.page is not None:
            self.course.facts_used.setdefault(self.page, set()).add(key)
        return fact

    def relative(self, target: str) -> str:
        """A link from the page being rendered to another file in docs/."""
        here = posixpath.dirname(self.page or "")
        return posixpath.relpath(target, here or ".")

    def module_link(self, number: int) -> str:
        module = next(m for m in self.course.modules if m.number == number)
        return f"[{t('modules.module_lower', number=number)}]({self.relative(module.src_path)})"

    def render_text(self, text: str) -> str:
        """A text from a content file (a case, a quiz answer) with its fact macros filled in."""
        if "{" not in text:
            return text
        try:
            return text_template(text).render(**fact_macros(self))
        except jinja2.TemplateError as error:
            raise MacroError(f"fel i makroanrop: {error}") from None


def scalar(fact: Fact):
    if isinstance(fact.value, (list, dict)):
        raise MacroError(f"'{fact.key}' är en lista: använd fact_list(\"{fact.key}\")")
    return fact.value


def fact_macros(ctx: MacroContext) -> dict[str, Callable]:
    """The macros a content text may use: fact, fact_list, link and phone."""

    def fact(key: str):
        """A fact's value: {{ fact("wcag.level") }}."""
        return scalar(ctx.use_fact(key))

    def fact_list(key: str) -> str:
        """A fact that is a list, as a Markdown list."""
        value = ctx.use_fact(key).value
        if not isinstance(value, list):
            raise MacroError(f"'{key}' är ingen lista: använd fact(\"{key}\")")
        return "\n".join(f"- {item}" for item in value)

    def link(key: str, text: str = "") -> str:
        """A web address from the facts as a link: {{ link("web.nspm") }}."""
        entry = ctx.use_fact(key)
        url = str(entry.value)
        if not url.startswith(("https://", "http://")):
            raise MacroError(f"'{key}' är ingen webbadress")
        return f"[{text or entry.label or url}]({url})"

    def phone(key: str) -> str:
        """A Swedish phone number from the facts, as a link a phone can call."""
        number = str(ctx.use_fact(key).value)
        digits = "".join(c for c in number if c.isdigit())
        if len(digits) < 6 or not digits.startswith("0"):
            raise MacroError(f"'{key}' ser inte ut som ett svenskt telefonnummer: {number}")
        return f'<a href="tel:+46{digits[1:]}" class="phone">{number}</a>'

    return {"fact": fact, "fact_list": fact_list, "link": link, "phone": phone}


def minutes_text(minutes: int) -> str:
    return t("modules.minutes", minutes=minutes)


MONTHS = "januari februari mars april maj juni juli augusti september oktober november december".split()


def swedish_date(date) -> str:
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def course_macros(ctx: MacroContext) -> dict[str, Callable]:
    course = ctx.course

    def fact_value(key: str):
        """A fact's value as data (a list or a table's rows), for a course's own macros."""
        return ctx.use_fact(key).value

    def last_checked() -> str:
        """The latest date any fact was checked, in Swedish: "22 november 2026"."""
        return swedish_date(course.facts.last_checked())

    def module_list() -> str:
        """The modules as a table: title, summary, time and the learner's status."""
        rows = [
            f"| {m.number} | [{m.title}]({ctx.relative(m.src_path)}) | {m.summary} | {minutes_text(m.minutes)} | "
            f'<span class="course-module-state" data-module="{m.number}">{t("modules.not_started")}</span> |'
            for m in course.modules
        ]
        total = sum(m.minutes for m in course.modules)
        hours = f"{total / 60:.1f}".replace(".", ",")
        table = t("modules.table_head") + "\n|---|---|---|---|---|\n" + "\n".join(rows)
        return f"{table}\n\n" + t("modules.total", minutes=minutes_text(total), hours=hours)

    def module_titles() -> str:
        """The modules' titles as a numbered Markdown list (for a contents slide)."""
        return "\n".join(f"{m.number}. {m.title}" for m in course.modules)

    def total_minutes() -> int:
        return sum(m.minutes for m in course.modules)

    def bank(key: str):
        if key not in course.quizzes:
            from ..model.facts import unknown_key_message
            raise MacroError(unknown_key_message("quiz", key, course.quizzes, "okänt"))
        return course.quizzes[key]

    def pass_mark(key: str) -> int:
        """The pass mark (percent) of a test in quizzes/."""
        quiz = bank(key)
        if quiz.pass_mark is None:
            raise MacroError(f"{quiz.file} saknar 'pass_mark'")
        return quiz.pass_mark

    def question_count(key: str) -> int:
        return len(bank(key).questions)

    return {
        **fact_macros(ctx),
        "fact_value": fact_value, "last_checked": last_checked, "module_list": module_list,
        "module_titles": module_titles, "total_minutes": total_minutes, "pass_mark": pass_mark,
        "question_count": question_count,
    }
