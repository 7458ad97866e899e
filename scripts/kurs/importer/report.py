"""The conversion report (IMPORT.md in the new course): what each slide became, what needs an
author's hand, the proposed facts and a checklist. `kurs import --dry-run` prints it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from ..locale import t
from ..render.macros import swedish_date
from .facts import Proposed
from .reader import Deck, Paragraph, Picture, Slide, Table, Unconverted


@dataclass
class Became:
    slide: Slide
    page: str
    deck: str
    deck_slide: int
    module: int | None


def needs_a_hand(slide: Slide) -> list[str]:
    """What on the slide did not come over whole: each is also a box on the page."""
    found = [] if slide.title else [t("importer.no_title")]
    for block in slide.blocks:
        if isinstance(block, Unconverted):
            found.append(t(f"importer.unconverted.{block.kind}"))
        elif isinstance(block, Picture) and not block.shown_on_the_web:
            found.append(t("importer.not_web_image", format=block.ext.upper()))
        elif isinstance(block, Picture) and not block.alt:
            found.append(t("importer.missing_alt"))
    if slide.shapes_without_text:
        found.append(t("importer.shapes_without_text", count=slide.shapes_without_text))
    return found


def contents(slide: Slide) -> str:
    """ "3 punkter, 1 tabell, anteckningar" """
    counts = {
        "text": sum(1 for b in slide.blocks if isinstance(b, Paragraph) and b.kind == "text"),
        "items": sum(1 for b in slide.blocks if isinstance(b, Paragraph) and b.kind != "text"),
        "tables": sum(1 for b in slide.blocks if isinstance(b, Table)),
        "pictures": sum(1 for b in slide.blocks if isinstance(b, Picture)),
    }
    found = [t(f"importer.count.{name}_{'one' if n == 1 else 'many'}", count=n) for name, n in counts.items() if n]
    if slide.notes:
        found.append(t("importer.count.notes"))
    return ", ".join(found) or "–"


@dataclass
class Report:
    deck: Deck
    plan: object
    today: dt.date
    rows: list[Became] = field(default_factory=list)
    facts: list[Proposed] = field(default_factory=list)
    images: dict[str, bytes] = field(default_factory=dict)

    def became(self, slide: Slide, page: str, deck: str, deck_slide: int, part) -> None:
        self.rows.append(Became(slide, page, deck, deck_slide, part.number if part else None))

    @property
    def problems(self) -> list[tuple[int, str]]:
        return [(row.slide.number, what) for row in self.ordered for what in needs_a_hand(row.slide)]

    @property
    def ordered(self) -> list[Became]:
        return sorted(self.rows, key=lambda row: row.slide.number)

    def text(self) -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
                                 trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
        env.filters["cell"] = lambda text: str(text).replace("|", "\\|")
        return env.get_template("IMPORT.md").render(
            report=self, deck=self.deck, plan=self.plan, date=swedish_date(self.today), how=t(f"importer.how.{self.plan.how}"),
            needs_a_hand=needs_a_hand, contents=contents, missing_alt=sum(
                1 for row in self.rows for b in row.slide.blocks if isinstance(b, Picture) and not b.alt))
