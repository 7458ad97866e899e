"""The facts file: every fact that recurs or may change, with its source and the date it was checked.

    sources:
      intranet: {title: …, publisher: …, kind: Webbsida, year: "2026", url: https://…}
      law: {title: …, publisher: …, kind: Lag, review: 6}    # its facts are reviewed every 6 months
    facts:
      contact:                      # a group (any depth)
        phone: {value: 08-123 456 00, source: intranet, checked: 2026-11-22}
        hours: {value: 8–17, source: intranet, checked: 2026-11-22, review: 3}

Each fact is to be checked again `review` months after `checked`: its own interval, else its
source's, else the course's (the plugin's `review`). `Facts.reviews(today)` says which are due
(within the notice period) or overdue; `today()` is the one place the date comes from.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import os
from dataclasses import dataclass
from typing import Annotated, Any, Optional, Union

from pydantic import Discriminator, Field, PrivateAttr, Tag, ValidationInfo, field_validator
from pydantic.functional_validators import AfterValidator
from typing_extensions import TypeAliasType

from .base import Date, Model, OptionalText, Text, fail


def unknown_key_message(what: str, key: str, known, unknown: str = "okänd") -> str:
    """ "okänd källa 'x'. Menade du: y?" (pass unknown="okänt" for ett-words)."""
    close = difflib.get_close_matches(str(key), [str(k) for k in known], n=3, cutoff=0.6)
    hint = f" Menade du: {', '.join(close)}?" if close else ""
    return f"{unknown} {what} '{key}'.{hint}"


def _known(kind: str, what: str, unknown: str = "okänd"):
    """A validator: the value must be one of context[kind] (when the context has it)."""

    def check(value, info: ValidationInfo):
        known = (info.context or {}).get(kind)
        if known is not None and value not in known:
            raise fail(unknown_key_message(what, value, known, unknown))
        return value

    return AfterValidator(check)


SourceKey = Annotated[str, _known("sources", "källa")]
Months = Annotated[int, Field(ge=1, le=120, description="Granska igen så många månader efter 'checked' "
                                                      "(annars källans eller kursens intervall)")]
ModuleNumber = Annotated[int, Field(ge=1), _known("modules", "modul")]
QuizKey = Annotated[str, _known("quizzes", "quiz", "okänt")]


class Source(Model):
    """A document the course's facts come from."""

    title: Text
    publisher: Text
    kind: Text = Field(description="Slag av källa, t.ex. Presentation, Lag, Webbsida")
    year: OptionalText = ""
    url: OptionalText = ""
    review: Optional[Months] = None
    _key: str = PrivateAttr("")

    @property
    def key(self) -> str:
        return self._key

    def citation(self) -> str:
        """One line in Swedish: publisher, title, kind and year."""
        year = f", {self.year}" if self.year else ""
        return f"{self.publisher}: {self.title}. {self.kind}{year}."


class Fact(Model):
    """One fact: its value, the source it is checked against and when it was checked."""

    value: Any = Field(description="Värdet: text, tal eller lista")
    source: SourceKey = Field(description="En nyckel under sources:")
    checked: Date = Field(description="Dagen då värdet senast kontrollerades mot källan, t.ex. 2026-11-22")
    label: OptionalText = ""
    review: Optional[Months] = None
    _key: str = PrivateAttr("")

    @field_validator("value")
    @classmethod
    def _has_a_value(cls, value):
        if value is None or value == "" or value == [] or value == {}:
            raise fail("faktumet saknar värde")
        if isinstance(value, bool):
            raise fail("värdet ska vara text, ett tal eller en lista, inte true eller false")
        return value

    @property
    def key(self) -> str:
        return self._key


def _fact_or_group(value) -> str:
    return "fact" if isinstance(value, dict) and "value" in value else "group"


FactTree = TypeAliasType(
    "FactTree",
    dict[str, Annotated[Union[Annotated[Fact, Tag("fact")], Annotated["FactTree", Tag("group")]],
                        Discriminator(_fact_or_group)]],
)


class FactsFile(Model):
    """facts.yml: the sources, then the facts in groups."""

    sources: dict[str, Source] = Field(min_length=1)
    facts: FactTree = Field(min_length=1)


TODAY_VARIABLE = "KURS_IDAG"


def today() -> dt.date:
    """Today's date, or the one in the environment variable KURS_IDAG (2026-11-22): tests, and a
    content owner who wants to see what will be due on a day, set it."""
    value = os.environ.get(TODAY_VARIABLE, "").strip()
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        from .errors import AuthorError

        raise AuthorError("", f"{TODAY_VARIABLE} ska vara ett datum skrivet 2026-11-22, inte '{value}'") from None


def add_months(date: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day when it is shorter: 31 Jan + 1 = 28/29 Feb)."""
    index = date.month - 1 + months
    year, month = date.year + index // 12, index % 12 + 1
    return date.replace(year=year, month=month, day=min(date.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Review:
    """When a fact must be checked against its source again, and how that stands on a given day."""

    fact: Fact
    source: Source
    months: int  # the interval that applies
    date: dt.date  # checked + months: the last day it is current
    status: str  # "overdue" (the date has passed), "due" (within the notice period) or "current"
    line: int | None  # the line of the fact's `checked` in the facts file
    days_left: int  # from the day it was worked out to the review date (negative: days overdue)


STATUS_ORDER = {"overdue": 0, "due": 1, "current": 2}


class Facts:
    """The facts by dotted key ("contact.phone"), with their sources and review intervals."""

    def __init__(self, file: str, facts: dict[str, Fact], sources: dict[str, Source], review_months: int = 12,
                 lines: dict[str, int] | None = None):
        self.file = file
        self.facts = facts
        self.sources = sources
        self.review_months = review_months  # the course's interval (the plugin's `review`)
        self.lines = lines or {}  # fact key -> the line of its `checked` in the file

    @classmethod
    def from_model(cls, file: str, model: FactsFile, review_months: int = 12, document=None) -> "Facts":
        for key, source in model.sources.items():
            source._key = key
        flat: dict[str, Fact] = {}

        def collect(tree: dict, prefix: str) -> None:
            for key, node in tree.items():
                dotted = f"{prefix}.{key}" if prefix else str(key)
                if isinstance(node, Fact):
                    node._key = dotted
                    flat[dotted] = node
                else:
                    collect(node, dotted)

        collect(model.facts, "")
        # The line to edit after a review: the fact's `checked`.
        lines = {key: document.line(("facts", *key.split("."), "checked")) for key in flat} if document else {}
        return cls(file, flat, dict(model.sources), review_months, lines)

    def get(self, key: str) -> Fact:
        """The fact at a dotted key; a KeyError with the author's message when there is none."""
        try:
            return self.facts[key]
        except KeyError:
            raise UnknownKey(unknown_key_message("faktanyckel", key, self.facts)) from None

    def source(self, key: str) -> Source:
        try:
            return self.sources[key]
        except KeyError:
            raise UnknownKey(unknown_key_message("källa", key, self.sources)) from None

    def source_of(self, fact: Fact) -> Source:
        return self.sources[fact.source]

    def last_checked(self) -> dt.date:
        return max(f.checked for f in self.facts.values())

    def review_months_of(self, fact: Fact) -> int:
        """The fact's own interval, else its source's, else the course's."""
        return fact.review or self.source_of(fact).review or self.review_months

    def review(self, fact: Fact, on: dt.date, notice_days: int) -> Review:
        months = self.review_months_of(fact)
        date = add_months(fact.checked, months)
        left = (date - on).days
        status = "overdue" if left < 0 else "due" if left <= notice_days else "current"
        return Review(fact, self.source_of(fact), months, date, status, self.lines.get(fact.key), left)

    def reviews(self, on: dt.date, notice_days: int) -> list[Review]:
        """Every fact's review on the day `on`: overdue first, then due, then current, each by date."""
        found = [self.review(fact, on, notice_days) for fact in self.facts.values()]
        return sorted(found, key=lambda r: (STATUS_ORDER[r.status], r.date, r.fact.key))


class UnknownKey(KeyError):
    """A key an author wrote that does not exist; str() is the Swedish message."""

    def __str__(self) -> str:
        return str(self.args[0])
