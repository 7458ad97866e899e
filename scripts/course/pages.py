"""What every page gets after its macros ran (scripts/course/render.py): the module line, the
source list and the glossary tooltips; and the page's mistakes in macro calls, as one error."""

from __future__ import annotations

import posixpath
import re

from .errors import AuthorError
from .factsheets import download_markdown, module_sheets_markdown
from .glossary import abbreviations
from .modules import module_meta_html, sources_markdown

GLOSSARY_PAGE = "ordlista.md"
H1 = re.compile(r"^# .+$", re.MULTILINE)


def link_from(src_path: str, target: str) -> str:
    """A Markdown link target from one file (relative to docs/) to another."""
    return posixpath.relpath(target, posixpath.dirname(src_path) or ".")


def after_heading(markdown: str, src_path: str, addition: str) -> str:
    heading = H1.search(markdown)
    if not heading:
        raise AuthorError(f"docs/{src_path}", "sidan saknar en rubrik på nivå 1 ('# Titel')")
    return f"{markdown[:heading.end()]}\n\n{addition}\n{markdown[heading.end():]}"


def finish_markdown(course, markdown: str, src_path: str, meta: dict) -> str:
    errors = course.errors.pop(src_path, [])
    if errors:
        raise AuthorError(f"docs/{src_path}", "; ".join(errors))
    module = course.module_for(src_path)
    if module:
        deck = course.deck_for(module)
        present = f"[Presentera modulen]({link_from(src_path, deck.site_path)})" if deck else ""
        markdown = after_heading(markdown, src_path, module_meta_html(module, len(course.modules), present))
        markdown += module_sheets_markdown(course.sheets_of(module), lambda target: link_from(src_path, target))
    sheet = course.sheet_for(src_path)
    if sheet:
        markdown = after_heading(markdown, src_path, download_markdown(sheet))
    if meta.get("sources"):
        markdown += sources_markdown(meta["sources"], course.facts)
    if src_path != GLOSSARY_PAGE:
        markdown += "\n\n" + abbreviations(course.glossary) + "\n"
    return markdown


ABBR = re.compile(r'<abbr title="([^"]*)">(.*?)</abbr>', re.S)
HEADING = re.compile(r"<h([1-6])\b.*?</h\1>", re.S)
LINK = re.compile(r"<a\b[^>]*>.*?</a>", re.S)


def first_tooltips_only(html: str) -> str:
    """Keep a glossary tooltip on the first use of each term on a page and never in
    headings or links, so that the text is not underlined all over. A kept term can be
    focused (tabindex), so that Material's tooltip opens by keyboard and by touch too."""
    html = HEADING.sub(lambda m: ABBR.sub(r"\2", m.group(0)), html)
    html = LINK.sub(lambda m: ABBR.sub(r"\2", m.group(0)), html)
    seen: set[str] = set()

    def keep_first(match: re.Match) -> str:
        title = match.group(1)
        if title in seen:
            return match.group(2)
        seen.add(title)
        return f'<abbr title="{title}" tabindex="0">{match.group(2)}</abbr>'

    return ABBR.sub(keep_first, html)
