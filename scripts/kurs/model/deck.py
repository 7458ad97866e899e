"""A presenter deck's Markdown (slides/modul-1.md): front matter, then slides separated by a
line `---` between blank lines; `Note:` starts a slide's speaker notes.

A combined deck has only front matter: `title` and `decks: [inledning, modul-1, …]`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import AuthorError
from .pages import DeckMeta

SEPARATOR = re.compile(r"\n[ \t]*\n---[ \t]*\n(?=[ \t]*\n)")
NOTE = re.compile(r"^Note:[ \t]*", re.MULTILINE)


@dataclass(frozen=True)
class SlideSource:
    number: int  # 1-based, as the author counts slides in the file
    text: str
    notes: str
    line: int  # the file's line where the slide starts


@dataclass(frozen=True)
class Deck:
    key: str  # file name without .md: also the page name <decks>/<key>.html
    file: str
    meta: DeckMeta
    slides: tuple[SlideSource, ...]
    site_dir: str

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def module(self) -> int | None:
        return self.meta.module

    @property
    def quiz(self) -> str | None:
        return self.meta.quiz

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(self.meta.sources)

    @property
    def decks(self) -> tuple[str, ...]:
        return tuple(self.meta.decks)

    @property
    def site_path(self) -> str:
        return f"{self.site_dir}/{self.key}.html"


def split_slides(body: str, file: str, first_line: int) -> list[SlideSource]:
    """The slides of a deck's body; an empty slide (often a `---` typed before `Note:`) is a mistake."""
    slides = []
    lead = len(body) - len(body.lstrip("\n"))  # blank lines before the first slide
    text = "\n" + body.strip("\n") + "\n"
    starts = [0] + [match.end() for match in SEPARATOR.finditer(text)]
    for number, (chunk, start) in enumerate(zip(SEPARATOR.split(text), starts), start=1):
        first = start + len(chunk) - len(chunk.lstrip("\n"))
        chunk_line = first_line + lead - 1 + text[:first].count("\n")
        parts = NOTE.split(chunk, maxsplit=1)
        content, notes = parts[0].strip("\n"), parts[1].strip() if len(parts) > 1 else ""
        if not content.strip():
            reason = ("har bara anteckningar: ta bort raden '---' före 'Note:'" if notes
                      else "är tom: ta bort en av raderna '---'")
            raise AuthorError(file, f"bild {number} {reason}", chunk_line)
        slides.append(SlideSource(number, content, notes, chunk_line))
    return slides
