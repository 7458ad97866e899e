"""What every page gets after its macros ran: the module line, the fact sheets box, the source
list and the glossary's explanations; and the rendering of every page before MkDocs writes any."""

from __future__ import annotations

import posixpath
import re

from ..factsheets import download_markdown, module_sheets_markdown
from ..glossary import abbreviations
from ..locale import t
from ..model.course import Course, Module
from ..model.errors import AuthorError
from ..model.facts import Facts
from .macros import minutes_text, swedish_date

H1 = re.compile(r"^# .+$", re.MULTILINE)


def link_from(src_path: str, target: str) -> str:
    """A Markdown link target from one file (relative to docs/) to another."""
    return posixpath.relpath(target, posixpath.dirname(src_path) or ".")


def after_heading(markdown: str, file: str, addition: str) -> str:
    heading = H1.search(markdown)
    if not heading:
        raise AuthorError(file, "sidan saknar en rubrik på nivå 1 ('# Titel')")
    return f"{markdown[:heading.end()]}\n\n{addition}\n{markdown[heading.end():]}"


def module_meta_html(module: Module, total: int, extra_markdown: str = "") -> str:
    """ "Modul 3 av 6 · Beräknad tid: …", and a link that only makes sense on screen (no print has it)."""
    extra = f'<span class="module-present"> · {extra_markdown}</span>' if extra_markdown else ""
    meta = t("modules.meta", number=module.number, total=total, minutes=minutes_text(module.minutes))
    return f'<p class="module-meta" markdown>{meta}{extra}</p>'


def sources_markdown(source_keys, facts: Facts, checked: str = "") -> str:
    """The "Källor" section that ends every page with sources; `checked` says since when its facts
    have been checked (module pages)."""
    items = []
    for key in source_keys:
        source = facts.source(key)
        text = source.citation()
        items.append(f"<li>{text} <a href=\"{source.url}\">{source.url}</a></li>" if source.url else f"<li>{text}</li>")
    checked = f'\n<p class="course-checked">{t("modules.facts_checked", date=checked)}</p>\n' if checked else ""
    return (
        f'\n\n<div class="course-sources" markdown>\n\n## {t("modules.sources_heading")} {{#kallor data-search-exclude}}\n\n'
        f"{t('modules.sources_intro')}\n\n<ul>\n" + "\n".join(items) + f"\n</ul>\n{checked}\n</div>\n"
    )


def finish_markdown(course: Course, markdown: str, src_path: str) -> str:
    """The page's Markdown after its macros: module line and sheets box on a module, the download
    box on a fact sheet, sources, and the glossary's explanations (not on the glossary itself)."""
    page = course.pages.get(src_path)
    file = page.file if page else src_path
    module = course.module_for(src_path)
    if module:
        deck = course.deck_for(module)
        present = f"[{t('modules.present')}]({link_from(src_path, deck.site_path)})" if deck else ""
        markdown = after_heading(markdown, file, module_meta_html(module, len(course.modules), present))
        markdown += module_sheets_markdown(course.sheets_of(module), lambda target: link_from(src_path, target))
    sheet = course.sheet_for(src_path)
    if sheet:
        markdown = after_heading(markdown, file, download_markdown(sheet))
    sources = page.meta.data.get("sources") if page else None
    if sources:
        checked = swedish_date(course.checked_since(src_path)) if module and course.facts_on(src_path) else ""
        markdown += sources_markdown(sources, course.facts, checked)
    if course.roles.get("glossary") != src_path and course.glossary:
        markdown += "\n\n" + abbreviations(course.glossary) + "\n"
    return markdown
