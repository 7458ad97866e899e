"""Course modules: their front matter, the module list, and what every module page gets
(a line with module number and time, and the list of sources it builds on).

A module is a Markdown file in docs/moduler/ whose front matter says:

    title: Stöd och skydd
    module: 4            # its place in the course
    minutes: 20          # estimated time to read and reflect
    summary: One sentence for the module list.
    sources: [presentation, final_report]   # keys under `sources:` in facts.yml
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import AuthorError
from .facts import Facts, unknown_key_message
from .yamlfile import SAFE_LOADER

MODULE_DIR = "moduler"
MODULE_FIELDS = {"title", "module", "minutes", "summary", "sources", "description"}
REQUIRED_MODULE_FIELDS = {"title", "module", "minutes", "summary", "sources"}


@dataclass(frozen=True)
class Module:
    number: int
    title: str
    minutes: int
    summary: str
    sources: tuple[str, ...]
    src_path: str  # relative to docs/, with forward slashes
    reflections: tuple[str, ...] = ()  # the questions under "## Reflektionsfrågor", as Markdown


def front_matter(text: str, file: str) -> dict:
    """The YAML front matter of a Markdown page ({} when there is none)."""
    if not text.startswith("---"):
        return {}
    end = text.find("\n---", 3)
    if end < 0:
        raise AuthorError(file, "front matter börjar med '---' men avslutas aldrig med '---'")
    try:
        data = yaml.load(text[3:end], Loader=SAFE_LOADER) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (rad {mark.line + 2})" if mark else ""
        raise AuthorError(file, f"felaktig YAML i front matter{where}: {getattr(error, 'problem', error)}") from None
    if not isinstance(data, dict):
        raise AuthorError(file, "front matter ska vara fält som 'title: …'")
    return data


def check_fields(meta: dict, file: str, allowed: set[str], required: set[str] = frozenset()) -> None:
    """No unknown field, none of the required ones missing."""
    unknown = sorted(set(meta) - allowed)
    if unknown:
        raise AuthorError(file, f"okänt fält '{unknown[0]}' i front matter (tillåtna: {', '.join(sorted(allowed))})")
    missing = sorted(required - set(meta))
    if missing:
        raise AuthorError(file, f"front matter saknar fältet '{missing[0]}'")


def check_positive(meta: dict, file: str, field: str) -> None:
    if not isinstance(meta[field], int) or meta[field] < 1:
        raise AuthorError(file, f"'{field}' ska vara ett positivt heltal, inte '{meta[field]}'")


def check_sources(sources, file: str, facts: Facts) -> tuple[str, ...]:
    """A non-empty list of keys under `sources:` in facts.yml."""
    if not isinstance(sources, list) or not sources:
        raise AuthorError(file, "'sources' ska vara en lista med minst en källa ur facts.yml")
    for key in sources:
        if key not in facts.sources:
            raise AuthorError(file, unknown_key_message("källa", key, facts.sources))
    return tuple(sources)


def module_from_meta(meta: dict, src_path: str, facts: Facts) -> Module:
    file = f"docs/{src_path}"
    check_fields(meta, file, MODULE_FIELDS, REQUIRED_MODULE_FIELDS)
    check_positive(meta, file, "module")
    check_positive(meta, file, "minutes")
    sources = check_sources(meta["sources"], file, facts)
    return Module(meta["module"], str(meta["title"]), meta["minutes"], str(meta["summary"]), sources, src_path)


def load_modules(docs_dir: Path, facts: Facts) -> list[Module]:
    """Every module in docs/moduler/, in course order; numbers must run 1, 2, 3 …"""
    modules = []
    for path in sorted((docs_dir / MODULE_DIR).glob("*.md")):
        src_path = path.relative_to(docs_dir).as_posix()
        text = path.read_text(encoding="utf-8")
        module = module_from_meta(front_matter(text, f"docs/{src_path}"), src_path, facts)
        modules.append(dataclasses.replace(module, reflections=reflection_questions(text)))
    modules.sort(key=lambda m: m.number)
    numbers = [m.number for m in modules]
    if numbers != list(range(1, len(modules) + 1)):
        raise AuthorError(f"docs/{MODULE_DIR}/", f"modulnumren ska vara 1, 2, 3 … utan luckor eller dubbletter, nu: {numbers}")
    return modules


REFLECTIONS_HEADING = re.compile(r"^## Reflektionsfrågor[ \t]*$", re.MULTILINE)
LIST_ITEM = re.compile(r"^\d+\.\s+(.*)")


def reflection_questions(markdown: str) -> tuple[str, ...]:
    """The numbered list under "## Reflektionsfrågor" in a module's Markdown (a question
    may go on over indented lines)."""
    found = REFLECTIONS_HEADING.search(markdown)
    if not found:
        return ()
    items: list[str] = []
    for line in markdown[found.end():].splitlines():
        item = LIST_ITEM.match(line)
        if item:
            items.append(item.group(1).strip())
        elif items and line.startswith(" ") and line.strip():
            items[-1] += " " + line.strip()
        elif items and line.strip():
            break
    return tuple(items)


def minutes_text(minutes: int) -> str:
    return f"cirka {minutes} minuter"


def module_meta_html(module: Module, total: int, extra_markdown: str = "") -> str:
    extra = f" · {extra_markdown}" if extra_markdown else ""
    return (
        f'<p class="module-meta" markdown>Modul {module.number} av {total} · '
        f"Beräknad tid: {minutes_text(module.minutes)}{extra}</p>"
    )


def sources_markdown(source_keys, facts: Facts) -> str:
    """The "Källor" section that ends every content page."""
    items = []
    for key in source_keys:
        source = facts.source(key)
        text = source.citation()
        items.append(f"<li>{text} <a href=\"{source.url}\">{source.url}</a></li>" if source.url else f"<li>{text}</li>")
    return (
        '\n\n<div class="course-sources" markdown>\n\n## Källor {#kallor data-search-exclude}\n\n'
        "Fakta på sidan bygger på:\n\n<ul>\n" + "\n".join(items) + "\n</ul>\n\n</div>\n"
    )
