"""The front matter of the course's Markdown files: modules, fact sheets, decks and other pages."""

from __future__ import annotations

from typing import Annotated, Literal, Optional

from pydantic import ConfigDict, Field

from .base import Model, OptionalText, Text
from .facts import ModuleNumber, QuizKey, SourceKey

Positive = Annotated[int, Field(ge=1)]
Sources = list[SourceKey]


BOOKS = ("kursbok", "handbok")  # the participant's book and the trainer's handbook (books/)
BookKey = Literal["kursbok", "handbok"]


class BookPart(Model):
    """What of a page goes into a book: `book: {kursbok: {title: Om kursen, sections: [Varför?]}}`."""

    title: OptionalText = Field("", description="Kapitlets rubrik i boken (annars sidans rubrik)")
    sections: list[Text] = Field(default_factory=list,
                                 description="Sidans ##-rubriker som ska med, texten före den första också "
                                             "(annars hela sidan)")


class PageMeta(Model):
    """Any page: Material's own fields are allowed; `sources` gives the page a "Källor" section and
    `book` puts the page (or some of its sections) in a book."""

    model_config = ConfigDict(extra="allow")
    title: Optional[Text] = None
    sources: Sources = Field(default_factory=list)
    book: dict[BookKey, BookPart] = Field(default_factory=dict, description="Böckerna som sidan ska med i")


class ModuleMeta(Model):
    """A module (docs/moduler/*.md)."""

    title: Text
    module: Positive = Field(description="Modulens plats i kursen: 1, 2, 3 …")
    minutes: Positive = Field(description="Beräknad tid att läsa och reflektera, i minuter")
    summary: Text = Field(description="En mening till modullistan")
    sources: Sources = Field(min_length=1)
    description: OptionalText = ""


class FactSheetMeta(Model):
    """A fact sheet (docs/faktablad/*.md), also printed as an A4 PDF."""

    title: Text
    summary: Text
    max_pages: Positive = Field(description="PDF:en får inte bli längre")
    modules: list[ModuleNumber] = Field(description="Modulsidorna som länkar till bladet")
    sources: Sources = Field(min_length=1)


class DeckMeta(Model):
    """A presenter deck (slides/*.md)."""

    title: Text
    module: Optional[ModuleNumber] = None
    quiz: Optional[QuizKey] = None
    sources: Sources = Field(default_factory=list)
    decks: list[Text] = Field(default_factory=list, description="Ett sammansatt bildspel: bildspelen i ordning")
    countdown: Optional[Annotated[int, Field(ge=5, le=3600)]] = Field(
        None, description="Nedräkning på frågebilderna medan grupperna pratar, i sekunder (t.ex. 60)")
    cases: bool = Field(False, description="Fallövningarna i cases/ som bilder: berättelsen och en bild per fråga")
    qr_code: bool = Field(False, description="En bild med en QR-kod till kursens webbadress (site_url i mkdocs.yml)")
