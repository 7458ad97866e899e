"""A quiz bank (quizzes/modul-1.yml): questions with right and wrong answers and an explanation.

    title: Testa dina kunskaper      # optional
    pass_mark: 80                    # percent right to pass; module quizzes and the final test need it
    questions:
      - question: En kollega ringer om en brand. Vad gör du först?
        answers:
          - right: Larmar 112.
          - wrong: Letar efter brandsläckaren.
        explanation: Rätt svar är … (states the right answer in words)
        hint: Tänk på …              # optional

One `right` makes a question with one answer; several make a question where all that apply are chosen.
"""

from __future__ import annotations

from typing import Annotated, Optional

from pydantic import Field, PrivateAttr, model_validator

from .base import Model, OptionalText, Text, fail


class Answer(Model):
    """`- right: text` or `- wrong: text`."""

    model_config = Model.model_config | {
        "json_schema_extra": {"minProperties": 1, "maxProperties": 1,
                              "oneOf": [{"required": ["right"]}, {"required": ["wrong"]}]}
    }
    right: Optional[Text] = None
    wrong: Optional[Text] = None

    @model_validator(mode="after")
    def _one_of_them(self):
        if (self.right is None) == (self.wrong is None):
            raise fail("ett svar skrivs '- right: text' eller '- wrong: text'")
        return self

    @property
    def text(self) -> str:
        return self.right if self.right is not None else self.wrong

    @property
    def is_right(self) -> bool:
        return self.right is not None


class Question(Model):
    question: Text
    answers: list[Answer] = Field(min_length=2, description="Minst två svar, minst ett rätt")
    explanation: Text = Field(description="Förklaringen: säg alltid det rätta svaret i ord")
    hint: OptionalText = ""

    @model_validator(mode="after")
    def _answers_make_sense(self):
        if not any(a.is_right for a in self.answers):
            raise fail("inget svar är markerat som rätt ('right:')")
        texts = [a.text for a in self.answers]
        twice = sorted({t for t in texts if texts.count(t) > 1})
        if twice:
            raise fail("svarsalternativet '{text}' finns två gånger", text=short(twice[0]))
        return self

    @property
    def multiple(self) -> bool:
        return sum(a.is_right for a in self.answers) > 1


PassMark = Annotated[int, Field(ge=1, le=100, description="Procent rätt som krävs för att klara quizet")]


class QuizBank(Model):
    title: OptionalText = ""
    pass_mark: Optional[PassMark] = None
    questions: list[Question] = Field(min_length=1)
    _key: str = PrivateAttr("")
    _file: str = PrivateAttr("")
    _doc: object = PrivateAttr(None)  # the file's Document: lines for later messages

    @property
    def key(self) -> str:
        """The file name without .yml: what a page calls with {{ quiz("…") }}."""
        return self._key

    @property
    def file(self) -> str:
        return self._file


def short(text: str, length: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
