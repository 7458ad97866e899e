"""The course a presentation becomes, written into a new folder: `kurs new`'s scaffold, with its
sample module, deck, quizzes, final test and fact sheet replaced by what the import makes."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..locale import t
from ..model.course import REFLECTIONS_HEADING
from ..scaffold import create
from .facts import SOURCE, FactFinder, facts_yaml, source_yaml
from .markdown import Images, SlideMarkdown, escape
from .plan import Plan, plan
from .reader import Deck, Paragraph, Slide
from .report import Report

# The scaffold's sample content, which the import replaces.
SAMPLES = ("docs/moduler/1-kom-igang.md", "slides/modul-1.md", "quizzes", "docs/slutprov.md", "docs/faktablad")
OPENING_DECK = "inledning"
WHOLE_DECK = "hela-presentationen"


@dataclass
class Written:
    plan: Plan
    report: Report


def write_course(deck: Deck, folder: Path, today: dt.date) -> Written:
    layout = plan(deck)
    facts, images = FactFinder(), Images()
    page = SlideMarkdown(facts, images, deck=False, prefix="../")
    start = SlideMarkdown(facts, images, deck=False)
    slide = SlideMarkdown(facts, images, deck=True)
    create(folder, layout.title)
    for sample in SAMPLES:
        path = folder / sample
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    report = Report(deck, layout, today)

    for part in layout.parts:
        for s in part.slides:
            _reflections_numbered(s)
        page_path = f"docs/moduler/{part.name}.md"
        head = page.section(part.head, "#") if part.head else f"# {escape(part.title)}"
        body = "\n\n".join([head] + [page.section(s, "##") for s in part.slides])
        _write(folder / page_path, _front_matter({
            "title": part.title, "module": part.number, "minutes": part.minutes,
            "summary": t("importer.summary", titles="; ".join(page.title(s) for s in part.slides) or part.title),
            "sources": [SOURCE]}) + body)
        first = slide.section(part.head, "#") if part.head else (
            f"# {escape(part.title)}\n\n" + t("importer.part_of", number=part.number, total=len(layout.parts)))
        deck_slides = [first] + [slide.section(s, "##") for s in part.slides]
        _write(folder / f"slides/{part.deck}.md", _front_matter(
            {"title": part.title, "module": part.number, "sources": [SOURCE]}) + "\n\n---\n\n".join(deck_slides))
        offset = 0 if part.head else 1
        for index, s in enumerate(part.all_slides):
            report.became(s, page_path, part.deck, index + 1 + offset, part)

    decks = [p.deck for p in layout.parts]
    intro, opening_sections = "", []
    if layout.opening:
        first = layout.opening[0]
        rest = layout.opening[1:] if first.is_title_slide else layout.opening
        opening_slides = ([slide.section(first, "#")] if first.is_title_slide else []) + \
                         [slide.section(s, "##") for s in rest]
        _write(folder / f"slides/{OPENING_DECK}.md",
               _front_matter({"title": layout.title, "sources": [SOURCE]}) + "\n\n---\n\n".join(opening_slides))
        decks.insert(0, OPENING_DECK)
        intro = start.body(first) if first.is_title_slide else ""
        opening_sections = [start.section(s, "##") for s in rest]
        for index, s in enumerate(layout.opening, start=1):
            report.became(s, "docs/index.md", OPENING_DECK, index, None)
    _write(folder / f"slides/{WHOLE_DECK}.md", _front_matter({"title": layout.title, "decks": decks}).rstrip() + "\n")
    _write(folder / "docs/index.md", _start_page(layout.title, intro, opening_sections))
    _write(folder / "docs/intyg.md", _front_matter({"title": t("importer.certificate_title")}) +
           f"# {t('importer.certificate_title')}\n\n{t('importer.certificate_text')}\n\n{{{{ certificate() }}}}")
    for path, blob in images.files.items():
        (folder / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / "docs" / path).write_bytes(blob)

    _add_facts(folder / "facts.yml", deck, facts, today)
    _set_config(folder / "mkdocs.yml", [f"moduler/{p.name}.md" for p in layout.parts])
    report.facts = facts.proposed
    report.images = images.files
    _write(folder / "IMPORT.md", report.text())
    readme = folder / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "\n" + t("importer.readme", file=deck.file) + "\n",
                      encoding="utf-8")
    return Written(layout, report)


def _reflections_numbered(slide: Slide) -> None:
    """A slide called "Reflektionsfrågor" gives the module its reflection questions: a numbered list."""
    if REFLECTIONS_HEADING.fullmatch(f"## {escape(slide.title)}"):
        for block in slide.blocks:
            if isinstance(block, Paragraph):
                block.kind, block.level = "number", 0


def _front_matter(values: dict) -> str:
    return "---\n" + yaml.safe_dump(values, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.rstrip() + "\n", encoding="utf-8")


def _start_page(title: str, intro: str, opening_sections: list[str]) -> str:
    """The course's title, the title slide's text, the other opening slides and the modules."""
    parts = [f"# {escape(title)}", intro, "{{ continue_course() }}", *opening_sections,
             f"## {t('importer.modules_heading')}", "{{ module_list() }}", t("importer.start_end")]
    return _front_matter({"title": t("importer.start_title")}) + "\n\n".join(p for p in parts if p)


def _add_facts(path: Path, deck: Deck, facts: FactFinder, today: dt.date) -> None:
    """The presentation under `sources:` and the proposed facts at the end of `facts:`."""
    text = path.read_text(encoding="utf-8")
    publisher = deck.author or t("importer.unknown_publisher")
    text = re.sub(r"^facts:\n", lambda m: source_yaml(deck.title, publisher, deck.year) + m.group(0), text,
                  count=1, flags=re.MULTILINE)
    proposed = facts_yaml(facts.proposed, today)
    if proposed:
        text = text.rstrip("\n") + "\n  # " + t("importer.facts_comment") + "\n" + proposed
    path.write_text(text, encoding="utf-8")


def _set_config(path: Path, modules: list[str]) -> None:
    """The scaffold's mkdocs.yml with the imported modules in the nav, without the final test and
    the fact sheets, and without the SCORM package until there is a final test."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^(  kurs:\n    id: .*\n)", lambda m: m.group(1) + "    " + t("importer.packages") + "\n", text,
                  count=1, flags=re.MULTILINE)
    text = re.sub(r"^      - moduler/.*\n", "".join(f"      - {m}\n" for m in modules), text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^  - Slutprov: .*\n", "", text, flags=re.MULTILINE)
    text = re.sub(r"^  - Faktablad:\n(?:      - .*\n)+", "", text, flags=re.MULTILINE)
    path.write_text(text, encoding="utf-8")
