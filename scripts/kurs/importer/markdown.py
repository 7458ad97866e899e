"""A slide as Markdown, twice: as a `##` section of its module's page and as a slide of the
module's deck. Text is escaped so that nothing in a slide is read as Markdown, a macro or a
slide separator by mistake; phone numbers, web addresses and dates become fact macros."""

from __future__ import annotations

import hashlib
import re
import textwrap
from dataclasses import dataclass, field

from ..locale import t
from .facts import FactFinder
from .reader import Paragraph, Picture, Run, Slide, Table, Unconverted

ESCAPE = re.compile(r"([\\`*_\[\]])")
ENTITIES = {"<": "&lt;", "{": "&#123;", "}": "&#125;"}
# What would start a block of its own at a line's beginning (a heading, a quote, a list, a fence,
# a definition, a deck's notes), and how to write it as text instead.
LINE_START = re.compile(r"^(?:Note:|\d+[.)]|[#>+~:-])")
AS_TEXT = {"#": "\\#", ">": "&gt;", "+": "\\+", "-": "\\-", "~": "&#126;", ":": "&#58;", "Note:": "Note&#58;"}


def escape(text: str, in_table: bool = False) -> str:
    text = ESCAPE.sub(r"\\\1", text)
    for char, entity in ENTITIES.items():
        text = text.replace(char, entity)
    return text.replace("|", "\\|") if in_table else text


def escape_start(line: str) -> str:
    """A line's first characters written as text when they would start a block ("1." stays "1.")."""
    found = LINE_START.match(line)
    if not found:
        return line
    start = found.group(0)
    written = start[:-1] + "\\" + start[-1] if start[0].isdigit() else AS_TEXT[start]
    return written + line[len(start):]


@dataclass
class Images:
    """The pictures to save under docs/assets/: one file per distinct picture."""

    files: dict[str, bytes] = field(default_factory=dict)  # docs-relative path -> bytes
    _by_hash: dict[str, str] = field(default_factory=dict)

    def path_of(self, picture: Picture, slide: int) -> str:
        digest = hashlib.sha256(picture.blob).hexdigest()
        if digest not in self._by_hash:
            count = sum(1 for p in self.files if p.startswith(f"assets/bild-{slide}-"))
            path = f"assets/bild-{slide}-{count + 1}.{picture.ext}"
            self._by_hash[digest] = path
            self.files[path] = picture.blob
        return self._by_hash[digest]


class SlideMarkdown:
    """Writes slides for one target: a page (assets reached through `prefix`, admonitions for what
    needs an author's hand) or a deck (assets relative to docs/, a plain notice instead)."""

    def __init__(self, facts: FactFinder, images: Images, deck: bool, prefix: str = ""):
        self.facts, self.images, self.deck, self.prefix = facts, images, deck, prefix

    def title(self, slide: Slide) -> str:
        return slide.title or t("importer.untitled", number=slide.number)

    def section(self, slide: Slide, level: str) -> str:
        """The slide under its heading (`#` or `##`)."""
        return "\n\n".join([f"{level} {escape(self.title(slide))}", self.body(slide)]).strip()

    def body(self, slide: Slide) -> str:
        """The slide's content and notes: on a page in a box that opens, in a deck after Note:."""
        parts = self.blocks(slide)
        if slide.notes:
            notes = self.paragraphs(slide.notes, slide.number)
            if self.deck:
                parts.append("Note:\n" + notes)
            else:
                parts.append(f'??? note "{t("importer.notes")}"\n\n' + textwrap.indent(notes, "    "))
        return "\n\n".join(parts)

    def blocks(self, slide: Slide) -> list[str]:
        out: list[str] = []
        paragraphs: list[Paragraph] = []
        for block in slide.blocks + [None]:
            if isinstance(block, Paragraph):
                paragraphs.append(block)
                continue
            if paragraphs:
                out.append(self.paragraphs(paragraphs, slide.number))
                paragraphs = []
            if isinstance(block, Table):
                out.append(self.table(block, slide.number))
            elif isinstance(block, Picture):
                out += self.picture(block, slide.number)
            elif isinstance(block, Unconverted):
                out.append(self.unconverted(block, slide.number))
        return out

    def paragraphs(self, paragraphs: list[Paragraph], slide: int) -> str:
        """Text paragraphs, bullets and numbered items, nested by level (four spaces a level)."""
        lines: list[str] = []
        previous, depth = None, 0
        for paragraph in paragraphs:
            text = self.inline(paragraph.runs, slide)
            if paragraph.kind == "text":
                lines += ["", escape_start(text)]
            else:
                new_list = previous is None or previous.kind == "text"
                depth = 0 if new_list else min(paragraph.level, depth + 1)
                if new_list or (depth == 0 and previous.kind != paragraph.kind):
                    lines.append("")  # a list of its own
                marker = "1." if paragraph.kind == "number" else "-"
                lines.append("    " * depth + f"{marker} {escape_start(text)}")
            previous = paragraph
        return "\n".join(lines).strip("\n")

    def inline(self, runs: list[Run], slide: int, in_table: bool = False) -> str:
        """Runs as inline Markdown: bold, italic, links; facts as macros."""
        out = []
        for run in _merged(runs):
            if run.link and run.link.startswith(("http://", "https://")):
                label = " ".join(run.text.split())
                if label.rstrip("/") == run.link.rstrip("/") or not label:
                    out.append(self.facts.macro("url", run.link, slide))
                else:
                    out.append(f"[{escape(label, in_table)}]({self.facts.url_macro(run.link, slide)})")
                continue
            text = "".join(escape(value, in_table) if kind == "text" else value
                           for kind, value in self.facts.split(run.text, slide))
            if run.link:
                text = f"[{text}]({run.link.replace(' ', '%20').replace(')', '%29')})"
            out.append(_emphasis(text, run.bold, run.italic))
        return " ".join("".join(out).split())

    def table(self, table: Table, slide: int) -> str:
        rows = [[" <br> ".join(self.inline(p.runs, slide, in_table=True) for p in cell if p.text.strip()) or " "
                 for cell in row] for row in table.rows]
        width = max(len(row) for row in rows)
        rows = [row + [" "] * (width - len(row)) for row in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        return "\n".join(lines)

    def picture(self, picture: Picture, slide: int) -> list[str]:
        path = self.images.path_of(picture, slide)
        if not picture.shown_on_the_web:
            if self.deck:
                return [self.notice(slide, t("importer.not_web_image", format=picture.ext.upper()))]
            return [self.admonition(slide, t("importer.not_web_image", format=picture.ext.upper()),
                                    t("importer.not_web_image_text", path=self.prefix + path))]
        image = f"![{escape(picture.alt)}]({self.prefix}{path})"
        if picture.alt or self.deck:
            return [image]
        return [image, self.admonition(slide, t("importer.missing_alt"), t("importer.missing_alt_text"))]

    def unconverted(self, thing: Unconverted, slide: int) -> str:
        what = t(f"importer.unconverted.{thing.kind}")
        if self.deck:
            return self.notice(slide, what)
        if thing.table:
            body = t("importer.chart_numbers") + "\n\n" + self.table(
                Table([[[Paragraph([Run(cell)])] for cell in row] for row in thing.table]), slide)
        elif thing.texts:
            body = t("importer.texts_in_it") + "\n\n" + "\n".join(f"- {escape(text)}" for text in thing.texts)
        else:
            body = t("importer.nothing_kept")
        return self.admonition(slide, what, body)

    def admonition(self, slide: int, what: str, body: str) -> str:
        title = t("importer.warning_title", number=slide, what=what).replace('"', "'")
        return f'!!! warning "{title}"\n\n' + textwrap.indent(body, "    ")

    def notice(self, slide: int, what: str) -> str:
        return "*" + escape(t("importer.warning_title", number=slide, what=what)) + "*"


def _merged(runs: list[Run]) -> list[Run]:
    """Neighbouring runs with the same look and link as one (PowerPoint splits runs at will)."""
    merged: list[Run] = []
    for run in runs:
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].link) == (run.bold, run.italic, run.link):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic, run.link)
        else:
            merged.append(Run(run.text, run.bold, run.italic, run.link))
    return merged


def _emphasis(text: str, bold: bool, italic: bool) -> str:
    """**text** / *text*, with the spaces around the words outside the markers."""
    marker = "*" * ((2 if bold else 0) + (1 if italic else 0))
    core = text.strip()
    if not marker or not core:
        return text
    lead, tail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    return f"{lead}{marker}{core}{marker}{tail}"
