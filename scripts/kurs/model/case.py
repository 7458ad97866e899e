"""A case exercise for group discussion (cases/1-kvinnan-pa-hotellet.yml; the number in the file
name gives the order).

    title: Kvinnan på hotellet
    form: Brand i ett boende
    modules: [2, 3, 4]
    story: |
      Du arbetar … (Markdown; facts with {{ fact("wcag.level") }})
    questions:
      - question: Vilka tecken ser ni?
        comment: |
          The trainer's comment.
"""

from __future__ import annotations

from pydantic import Field, PrivateAttr

from .base import Model, Text
from .facts import ModuleNumber


class CaseQuestion(Model):
    question: Text
    comment: Text = Field(description="Kommentaren till utbildaren: syns bara i utbildarens exemplar")


class Case(Model):
    title: Text = Field(description="Utan 'Fall 1:': numret sätts ut av sig självt")
    form: Text = Field(description="Fallets slag eller tema, visas under rubriken")
    modules: list[ModuleNumber] = Field(min_length=1, description="Modulerna som fallet bygger på")
    story: Text
    questions: list[CaseQuestion] = Field(min_length=1)
    _file: str = PrivateAttr("")
    _doc: object = PrivateAttr(None)  # the file's Document: lines for later messages

    @property
    def file(self) -> str:
        return self._file
