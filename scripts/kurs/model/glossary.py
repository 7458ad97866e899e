"""The glossary: terms with a plain definition (the Ordlista page, and explanations in the text
wherever one of a term's forms is used).

    - term: Modul
      forms: [modul, modulen, moduler]      # the words in the text that get the explanation
      definition: En del av kursen som går att läsa på en stund.
"""

from __future__ import annotations

import re

from pydantic import Field, RootModel, field_validator, model_validator

from .base import Model, Text, fail


class Term(Model):
    term: Text
    definition: Text
    forms: list[Text] = Field(default_factory=list, description="Orden i texten som får förklaringen (minst termen själv)")

    @field_validator("definition")
    @classmethod
    def _one_line(cls, value: str) -> str:
        return " ".join(value.split())

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.forms) or (self.term,)

    @property
    def anchor(self) -> str:
        return slug(self.term)


class Glossary(RootModel[list[Term]]):
    """glossary.yml: a list of terms."""

    root: list[Term] = Field(min_length=1)

    @model_validator(mode="after")
    def _each_form_once(self):
        seen: dict[str, str] = {}
        for number, term in enumerate(self.root, start=1):
            for form in term.words:
                if form in seen:
                    raise fail("term {number} ('{term}'): ordet '{form}' finns redan under '{other}'",
                               number=number, term=term.term, form=form, other=seen[form])
                seen[form] = term.term
        return self


def slug(text: str) -> str:
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "Å": "a", "Ä": "a", "Ö": "o"})
    return re.sub(r"[^a-z0-9]+", "-", text.translate(table).lower()).strip("-")
