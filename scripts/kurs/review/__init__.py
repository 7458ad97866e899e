"""Facts past their review date. Each fact is to be checked against its source again some months
after its `checked` date (model/facts.py works the date out). This feature tells the content owner:

- the build logs one line per fact that is due or overdue, and never fails on a date (a site must
  not stop building because a day has come);
- `kurs check --granskning` prints the same lines and ends with code 1 when one is overdue, for a
  scheduled job;
- the page a course makes with {{ fact_review() }} (Granskning) lists every fact with its source,
  dates and the pages that use it, overdue first. The pages a fact is on are known once every page
  is rendered, so the macro leaves a placeholder that the table replaces (`fill_table`).

The day counted from is `model.facts.today()`: today, or KURS_IDAG.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from ..locale import t
from ..model.course import Course
from ..model.facts import Review
from ..model.quiz import short
from ..templates import template

PLACEHOLDER = "<div data-course-review></div>"
log = logging.getLogger("mkdocs.plugins.kurs.review")


def reviews(course: Course, on: dt.date) -> list[Review]:
    return course.facts.reviews(on, course.settings.review_notice)


def to_do(found: list[Review]) -> list[Review]:
    """The reviews a content owner must act on: overdue and due."""
    return [r for r in found if r.status != "current"]


def value_text(value) -> str:
    return short("; ".join(map(str, value)) if isinstance(value, list) else str(value), 60)


def review_line(review: Review, facts_file: str) -> str:
    """One line for the build's log and `kurs check --granskning`: where, key, value, source, dates."""
    where = f"{facts_file}:{review.line}" if review.line else facts_file
    if review.status == "overdue":
        when = f"försenad, skulle ha granskats senast {review.date} ({-review.days_left} dagar sedan)"
    else:
        when = f"ska granskas senast {review.date} ({'i dag' if review.days_left == 0 else f'om {review.days_left} dagar'})"
    return (f"{where}: '{review.fact.key}' = \"{value_text(review.fact.value)}\", källa '{review.source.key}' "
            f"({short(review.source.title, 50)}), kontrollerad {review.fact.checked}: {when}")


def summary_line(found: list[Review], on: dt.date) -> str:
    overdue = sum(r.status == "overdue" for r in found)
    due = sum(r.status == "due" for r in found)
    if not overdue and not due:
        return f"Granskning {on}: alla {len(found)} fakta är aktuella."
    return f"Granskning {on}: {overdue} försenade och {due} som ska granskas snart, av {len(found)} fakta."


def log_reviews(course: Course, on: dt.date) -> None:
    """The build's lines: one per fact due or overdue (INFO: a build never fails on a date)."""
    found = reviews(course, on)
    for review in to_do(found):
        log.info(review_line(review, course.facts.file))
    log.info(summary_line(found, on))


# --- the Granskning page --------------------------------------------------------------


def table_html(course: Course, on: dt.date, link: Callable[[str], str]) -> str:
    """Every fact on the day `on`, overdue first; `link(docs path)` is a page's URL from this page."""
    using = course.pages_using()
    found = reviews(course, on)

    def page_title(src_path: str) -> str:
        page = course.pages[src_path]
        return str(page.meta.data.get("title") or src_path)

    rows = [
        {
            "status": t(f"review.{r.status}"), "overdue": r.status == "overdue", "key": r.fact.key,
            "value": value_text(r.fact.value), "source": r.source.title, "checked": r.fact.checked.isoformat(),
            "date": r.date.isoformat(),
            "pages": [(page_title(p), link(p)) for p in using.get(r.fact.key, [])],
        }
        for r in found
    ]
    overdue = sum(r.status == "overdue" for r in found)
    due = sum(r.status == "due" for r in found)
    return template("review/review.html").render(rows=rows, overdue=overdue, due=due, total=len(found),
                                                 today=on.isoformat()).strip()


def fill_table(output: str, table: Callable[[], str]) -> str:
    """The page's placeholder replaced by the table (made only on the page that has one)."""
    return output.replace(PLACEHOLDER, table()) if PLACEHOLDER in output else output


def macros(ctx) -> dict:
    def fact_review() -> str:
        """Every fact with its source, checked date, review date and pages, overdue first (filled in
        when the whole site is rendered)."""
        return f"\n{PLACEHOLDER}\n"

    return {"fact_review": fact_review}
