"""Review dates in the model: each fact is to be checked again some months after `checked` (its own
interval, else its source's, else the course's), and on a given day it is current, due (within
the notice period) or overdue. "Today" is set explicitly, never by a patched clock."""

from __future__ import annotations

import datetime as dt

import pytest
from kurs.config import settings
from kurs.model.course import load_course
from kurs.model.errors import AuthorError
from kurs.model.facts import add_months, today
from test_model import FACTS, course_files

FACTS_WITH_INTERVALS = FACTS.replace(
    'deck: {title: Bildspel, publisher: Myndigheten, kind: Presentation, year: "2023"}',
    'deck: {title: Bildspel, publisher: Myndigheten, kind: Presentation, year: "2023"}\n'
    '  law: {title: Lagen, publisher: Riksdagen, kind: Lag, review: 6}',
).replace("checked: 2026-11-20}", "checked: 2026-11-20}\n    law: {value: 3 kap., source: law, checked: 2026-01-31}\n"
          "    hours: {value: 8–17, source: law, checked: 2026-01-31, review: 1}")


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def load_facts(root, text: str = FACTS_WITH_INTERVALS):
    root = course_files(root, facts_dot_yml=text)
    return load_course(root, root / "docs", settings({"id": "test", "review": 12})).facts


@pytest.fixture
def facts(tmp_path):
    return load_facts(tmp_path)


def test_a_month_later_is_the_same_day_or_the_months_last():
    assert add_months(day("2026-11-22"), 12) == day("2027-11-22")
    assert add_months(day("2026-01-31"), 1) == day("2026-02-28")
    assert add_months(day("2024-01-31"), 1) == day("2024-02-29")
    assert add_months(day("2026-08-31"), 6) == day("2027-02-28")


def test_the_interval_is_the_facts_own_else_its_sources_else_the_courses(facts):
    on = day("2026-02-01")
    dates = {r.fact.key: (r.months, r.date.isoformat()) for r in facts.reviews(on, 30)}
    assert dates == {"support_line.phone": (12, "2027-11-22"), "support_line.name": (12, "2027-11-20"),
                     "support_line.law": (6, "2026-07-31"), "support_line.hours": (1, "2026-02-28")}


@pytest.mark.parametrize("on,status", [
    ("2027-10-22", "current"),   # 31 days before
    ("2027-10-23", "due"),       # 30 days before: within the notice period
    ("2027-11-22", "due"),       # the review date itself
    ("2027-11-23", "overdue"),   # the day after
])
def test_on_a_given_day_a_fact_is_current_due_or_overdue(facts, on, status):
    review = next(r for r in facts.reviews(day(on), 30) if r.fact.key == "support_line.phone")
    assert review.status == status
    assert review.days_left == (day("2027-11-22") - day(on)).days


def test_a_fact_checked_three_years_ago_is_overdue_and_listed_first_with_its_line(tmp_path):
    facts = load_facts(tmp_path, FACTS_WITH_INTERVALS.replace("checked: 2026-11-20", "checked: 2023-11-20"))
    found = facts.reviews(day("2026-12-01"), 30)
    assert [(r.fact.key, r.status) for r in found] == [
        ("support_line.name", "overdue"), ("support_line.hours", "overdue"), ("support_line.law", "overdue"),
        ("support_line.phone", "current")]
    assert (found[0].date, found[0].days_left) == (day("2024-11-20"), -741)
    assert found[0].line == 7  # the line of its `checked` in facts.yml, where the content owner edits it


def test_today_is_the_date_in_KURS_IDAG_or_a_clear_message(monkeypatch):
    monkeypatch.setenv("KURS_IDAG", "2030-01-02")
    assert today() == day("2030-01-02")
    monkeypatch.setenv("KURS_IDAG", "2030-13-02")
    with pytest.raises(AuthorError, match="KURS_IDAG ska vara ett datum skrivet 2026-11-22, inte '2030-13-02'"):
        today()
    monkeypatch.delenv("KURS_IDAG")
    assert today() == dt.date.today()
