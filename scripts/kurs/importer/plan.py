"""Which slides become what: the opening (the title slide and what comes before the first part)
goes to the start page, and each part becomes a module. Parts are PowerPoint's sections or,
without sections, start at the deck's own part title slides (a Section Header layout)."""

from __future__ import annotations

from dataclasses import dataclass

from ..locale import t
from ..model.glossary import slug
from .reader import Deck, Slide


@dataclass
class Part:
    number: int
    title: str
    head: Slide | None  # the part's title slide: the page's heading and the deck's first slide
    slides: list[Slide]  # the others: a section each

    @property
    def all_slides(self) -> list[Slide]:
        return ([self.head] if self.head else []) + self.slides

    @property
    def name(self) -> str:
        """The module's file name without .md: "3-uppehallstillstand"."""
        words = slug(self.title)
        if len(words) > 40:
            words = words[:40].rsplit("-", 1)[0]
        return f"{self.number}-{words or 'modul'}"

    @property
    def deck(self) -> str:
        return f"modul-{self.number}"

    @property
    def minutes(self) -> int:
        """Two minutes a slide, rounded up to five: a first guess for the author to correct."""
        return max(5, -(-2 * len(self.all_slides) // 5) * 5)


@dataclass
class Plan:
    title: str
    opening: list[Slide]
    parts: list[Part]
    how: str  # "sections", "part_titles" or "one_module": how the parts were found (for the report)


def plan(deck: Deck) -> Plan:
    slides = deck.slides
    title_slide = slides[0] if slides[0].is_title_slide else None
    by_number = {s.number: s for s in slides}
    groups = [(name, [by_number[n] for n in numbers]) for name, numbers in deck.sections or [] if numbers]
    if title_slide is not None and len(groups) >= 2 and title_slide in groups[0][1]:
        return Plan(deck.title, groups[0][1], _parts(groups[1:]), "sections")
    if len(groups) >= 2:
        return Plan(deck.title, [], _parts(groups), "sections")
    starts = [i for i, s in enumerate(slides) if s.is_part_title and s is not title_slide]
    if starts:
        ends = starts[1:] + [len(slides)]
        groups = [(slides[a].title, slides[a:b]) for a, b in zip(starts, ends)]
        return Plan(deck.title, slides[: starts[0]], _parts(groups), "part_titles")
    opening = [title_slide] if title_slide is not None and len(slides) > 1 else []
    rest = slides[len(opening):]
    return Plan(deck.title, opening, _parts([(deck.title, rest)], head_from_title=False), "one_module")


def _parts(groups: list[tuple[str, list[Slide]]], head_from_title: bool = True) -> list[Part]:
    parts = []
    for number, (name, slides) in enumerate(groups, start=1):
        first = slides[0]
        head = first if head_from_title and (first.is_part_title or first.title == name) and first.title else None
        title = name or (head.title if head else "") or t("importer.part", number=number)
        parts.append(Part(number, title, head, slides[1:] if head else slides))
    return parts
