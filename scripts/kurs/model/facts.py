"""The facts file: every fact that recurs or may change, with its source and the date it was checked.

    sources:
      intranet: {title: …, publisher: …, kind: Webbsida, year: "2026", url: https://…}
    facts:
      contact:                      # a group (any depth)
        phone: {value: 08-123 456 00, source: intranet, checked: 2026-11-22}
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Annotated, Any, Union

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
ModuleNumber = Annotated[int, Field(ge=1), _known("modules", "modul")]
QuizKey = Annotated[str, _known("quizzes", "quiz", "okänt")]


class Source(Model):
    """A document the course's facts come from."""

    title: Text
    publisher: Text
    kind: Text = Field(description="Slag av källa, t.ex. Presentation, Lag, Webbsida")
    year: OptionalText = ""
    url: OptionalText = ""
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


class Facts:
    """The facts by dotted key ("contact.phone"), with their sources."""

    def __init__(self, file: str, facts: dict[str, Fact], sources: dict[str, Source]):
        self.file = file
        self.facts = facts
        self.sources = sources

    @classmethod
    def from_model(cls, file: str, model: FactsFile) -> "Facts":
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
        return cls(file, flat, dict(model.sources))

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


class UnknownKey(KeyError):
    """A key an author wrote that does not exist; str() is the Swedish message."""

    def __str__(self) -> str:
        return str(self.args[0])
