"""The kurs plugin's settings in mkdocs.yml (`plugins: - kurs: {…}`), typed the way Material's
own plugins type theirs. Everything but `id` has a default that fits a course made by `kurs new`."""

from __future__ import annotations

import re

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

PACKAGE_KINDS = ("offline", "scorm12")


class CourseId(c.Type):
    """The course's id: lower-case letters, digits and hyphens. Storage keys, package and folder
    names derive from it, so that two courses on one host never share a learner's data."""

    def __init__(self):
        super().__init__(str)

    def run_validation(self, value):
        value = super().run_validation(value)
        if not re.fullmatch(r"[a-z][a-z0-9-]{1,40}", value):
            raise c.ValidationError("'id' ska vara små bokstäver a–z, siffror och bindestreck, t.ex. 'min-kurs'")
        return value


class Count(c.Type):
    """A whole number, at least `least` (a bool is not one)."""

    def __init__(self, default: int, least: int = 0):
        super().__init__(int, default=default)
        self.least = least

    def run_validation(self, value):
        if isinstance(value, bool) or not isinstance(value, int) or value < self.least:
            raise c.ValidationError(f"ska vara ett heltal, minst {self.least}, inte '{value}'")
        return value


class KursConfig(Config):
    id = CourseId()
    title = c.Optional(c.Type(str))  # default: site_name
    language = c.Choice(("sv",), default="sv")
    # Where the course's content lives (files and folders relative to mkdocs.yml, pages in docs/)
    facts = c.Type(str, default="facts.yml")
    glossary = c.Type(str, default="glossary.yml")
    quizzes = c.Type(str, default="quizzes")
    slides = c.Type(str, default="slides")
    cases = c.Type(str, default="cases")
    modules = c.Type(str, default="moduler")  # folder in docs/
    factsheets = c.Type(str, default="faktablad")  # folder in docs/
    decks = c.Type(str, default="bildspel")  # where the decks land in the site
    final_test = c.Type(str, default="slutprov")  # the quiz bank that is the final test
    macros = c.Type(str, default="main")  # the course's own macros: main.py with define_env(env)
    # What `mkdocs build` makes besides the site
    packages = c.ListOfItems(c.Choice(PACKAGE_KINDS), default=list(PACKAGE_KINDS))
    offline_config = c.Type(str, default="mkdocs-offline.yml")
    keywords = c.ListOfItems(c.Type(str), default=[])  # the PDFs' search words
    books = c.Type(bool, default=True)  # the course as two A4 books (books/): participant's and trainer's
    # Facts are checked against their sources again `review` months after `checked` (a source or a fact
    # may say otherwise); the build and `kurs check --granskning` name them `review_notice` days before.
    review = Count(default=12, least=1)  # months
    review_notice = Count(default=30)  # days


def settings(values: dict | None = None) -> KursConfig:
    """A validated KursConfig from plain values (for the kurs command and tests)."""
    config = KursConfig()
    config.load_dict(dict(values or {}))
    errors, _ = config.validate()
    if errors:
        raise ValueError("; ".join(f"{name}: {error}" for name, error in errors))
    return config
