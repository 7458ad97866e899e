"""Fact sheets: pages in docs/faktablad/ that are also printed as A4 PDFs (WeasyPrint).

A sheet (docs/faktablad/checklista.md) is a normal page whose front matter says (model/pages.py):

    title: Checklista för en ny kurs
    summary: One sentence for the list of sheets.
    max_pages: 2            # the PDF may not be longer: the build fails if it is
    modules: [3]            # module pages that link the sheet
    sources: [intranet]     # keys under `sources:` in facts.yml

The PDF is made from the page's own HTML (so the same Markdown, macros and facts), with
our print stylesheet: A4, the title in the header, sources, "Senast granskad" and page
numbers in the footer, embedded fonts, Swedish hyphenation and PDF metadata. A content
hash (page HTML + stylesheet + template + WeasyPrint version) decides whether a sheet
needs rendering again; otherwise the PDF comes from the cache in .cache/faktablad/.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import posixpath
import re
import time
from dataclasses import dataclass
from pathlib import Path

from mkdocs.structure.files import File, Files

from ..cachefile import write_atomically
from ..locale import t
from ..model.course import FactSheet
from ..model.errors import AuthorError
from ..model.facts import Facts
from ..templates import template

HERE = Path(__file__).parent
STYLESHEET = HERE / "factsheet.css"
CACHE_DIR = Path(".cache") / "faktablad"


@dataclass(frozen=True)
class BuiltSheet:
    pages: int
    size: int  # bytes
    rendered: bool  # False when it came from the cache


# --- what readers see on the site ----------------------------------------------------


def size_text(pages: int, size: int) -> str:
    """ "A4, 1 sida, 48 kB" """
    kilobytes = max(1, round(size / 1000))
    return t("factsheets.size_one" if pages == 1 else "factsheets.size_many", pages=pages, kilobytes=kilobytes)


def size_placeholder(sheet: FactSheet) -> str:
    """Filled in with size_text() once the PDF exists (see fill_sizes)."""
    return f'<span class="factsheet-size" data-sheet="{sheet.key}"></span>'


PLACEHOLDER = re.compile(r'<span class="factsheet-size" data-sheet="([^"]+)"></span>')


def fill_sizes(output: str, built: dict[str, BuiltSheet]) -> str:
    def size(match: re.Match) -> str:
        sheet = built.get(match.group(1))
        return f'<span class="factsheet-size">{size_text(sheet.pages, sheet.size)}</span>' if sheet else ""

    return PLACEHOLDER.sub(size, output)


def download_markdown(sheet: FactSheet) -> str:
    """The download box at the top of a sheet's page (Markdown, link relative to the sheet)."""
    return (
        f'\n<div class="factsheet-download" markdown>\n\n'
        f"[{t('factsheets.download')}]({sheet.key}.pdf) ({size_placeholder(sheet)})\n\n</div>\n"
    )


def sheet_list_markdown(sheets: list[FactSheet], link) -> str:
    """The table on the "Faktablad" page; `link(docs_path)` makes a link relative to that page."""
    rows = [
        f"| [{s.title}]({link(s.src_path)}) | {s.summary} | [PDF]({link(s.pdf_path)}) ({size_placeholder(s)}) |"
        for s in sheets
    ]
    return t("factsheets.table_head") + "\n|---|---|---|\n" + "\n".join(rows)


def module_sheets_markdown(sheets: list[FactSheet], link) -> str:
    """A box on a module page with the sheets that belong to it."""
    if not sheets:
        return ""
    items = "\n".join(
        f"    - [{s.title}]({link(s.src_path)}): {s.summary} [PDF]({link(s.pdf_path)}) ({size_placeholder(s)})"
        for s in sheets
    )
    return f'\n\n!!! tip course-sheets "{t("factsheets.to_print")}"\n\n{items}\n'


# --- the PDF -----------------------------------------------------------------------

HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
ABBR = re.compile(r"<abbr[^>]*>(.*?)</abbr>", re.S)
INTERNAL_LINK = re.compile(r'<a (?![^>]*href="(?:https?:|mailto:|tel:))[^>]*>(.*?)</a>', re.S)
# What only makes sense on screen, by the class the engine gives it: download boxes and links,
# the module's "present" link and its box of fact sheets; and form controls.
SCREEN_ONLY = re.compile(r'<(div|p|span) class="(?:factsheet-download|course-download|module-present|'
                         r'admonition tip course-sheets)"[^>]*>.*?</\1>', re.S)
CONTROLS = re.compile(r"<(button|textarea)\b[^>]*>.*?</\1>|<input\b[^>]*>", re.S)
# A box that folds out on screen is open on paper.
DETAILS = re.compile(r'<details class="([^"]*)"[^>]*>\s*<summary>(.*?)</summary>', re.S)


def printable_html(content: str) -> str:
    """The page's HTML without what only makes sense on screen: permalinks, tooltips, links to
    other pages of the site (their text stays), download boxes and form controls; boxes that
    fold out are open."""
    content = SCREEN_ONLY.sub("", content)
    content = CONTROLS.sub("", content)
    content = DETAILS.sub(r'<div class="admonition \1"><p class="admonition-title">\2</p>', content)
    content = content.replace("</details>", "</div>")
    content = HEADERLINK.sub("", content)
    content = ABBR.sub(r"\1", content)
    return INTERNAL_LINK.sub(r"\1", content)


@dataclass(frozen=True)
class PrintSettings:
    """What every sheet of a course shares: its title, author, language and search words."""

    course_title: str
    author: str
    language: str
    keywords: str


def sheet_document(sheet: FactSheet, content: str, facts: Facts, checked: str, settings: PrintSettings) -> str:
    """The complete HTML document WeasyPrint prints."""
    publishers = list(dict.fromkeys(facts.source(key).publisher for key in sheet.sources))
    return template("factsheets/factsheet.html").render(
        title=sheet.title,
        summary=sheet.summary,
        author=settings.author,
        course_title=settings.course_title,
        keywords=settings.keywords,
        lang=settings.language,
        footer=t("factsheets.footer", sources="; ".join(publishers), checked=checked),
        page_label=t("factsheets.page") + " ",
        page_of=" " + t("factsheets.of") + " ",
        css=STYLESHEET.read_text(encoding="utf-8"),
        content=printable_html(content),
    )


def content_hash(document: str) -> str:
    digest = hashlib.sha256()
    for part in (document, importlib.metadata.version("weasyprint")):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def render_pdf(document: str, base_dir: Path) -> tuple[bytes, int]:
    """WeasyPrint's PDF and its number of pages. It may read local files (images of the
    site) but nothing from the network; a file it cannot read stops the rendering."""
    import weasyprint
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    class LocalFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if not url.startswith("file:"):
                raise ValueError(f"{url} hämtas inte (bara filer i docs/ är tillåtna)")
            try:
                return super().fetch(url, headers)
            except OSError:
                raise ValueError(f"filen {url.removeprefix('file://')} finns inte") from None

    fetcher = LocalFilesOnly(allowed_protocols={"file"}, fail_on_errors=True)
    try:
        rendered = weasyprint.HTML(string=document, base_url=base_dir.as_uri() + "/", url_fetcher=fetcher).render()
    except FatalURLFetchingError as error:
        raise ValueError(str(error.__cause__ or error)) from None
    # PDF/UA-1: a tagged PDF (headings, lists, tables, reading order) for screen readers.
    return rendered.write_pdf(pdf_variant="pdf/ua-1"), len(rendered.pages)


def cached_pdf(name: str, document: str, cache_dir: Path, base_dir: Path, author_file: str,
               final: str | None = None) -> BuiltSheet:
    """`cache_dir/<name>.pdf` from the cache when `document` is unchanged, else rendered now (from
    `final` when given: the document with what must not count as a change, such as the day it is
    made). A file it cannot read stops the rendering with an AuthorError on `author_file`."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    pdf = cache_dir / f"{name}.pdf"
    record = cache_dir / f"{name}.json"
    digest = content_hash(document)
    cached = json.loads(record.read_text(encoding="utf-8")) if record.exists() else {}
    if cached.get("hash") == digest and pdf.exists():
        return BuiltSheet(cached["pages"], pdf.stat().st_size, False)
    try:
        data, pages = render_pdf(final or document, base_dir)
    except (ValueError, OSError) as error:
        raise AuthorError(author_file, f"PDF:en kunde inte skapas: {error}") from None
    write_atomically(pdf, data)
    write_atomically(record, json.dumps({"hash": digest, "pages": pages}).encode("utf-8"))
    return BuiltSheet(pages, len(data), True)


def build_sheet(sheet: FactSheet, document: str, cache_dir: Path, base_dir: Path) -> BuiltSheet:
    """The sheet's PDF from the cache when its document is unchanged, else rendered now.
    `base_dir` is where the page's relative URLs start. Fails when the PDF is longer than
    the sheet's max_pages or refers to a file that does not exist."""
    built = cached_pdf(sheet.key, document, cache_dir, base_dir, f"docs/{sheet.src_path}")
    if built.pages > sheet.max_pages:
        raise AuthorError(
            f"docs/{sheet.src_path}",
            f"faktabladet blir {built.pages} sidor men får vara högst {sheet.max_pages} (max_pages): korta texten",
        )
    return built


def made_text(built: BuiltSheet, started: float) -> str:
    """The build log's word on a PDF: "skapad på 1.2 s" or "oförändrad, från cachen"."""
    return f"skapad på {time.perf_counter() - started:.1f} s" if built.rendered else "oförändrad, från cachen"


# --- the build: thin steps the MkDocs hooks call -------------------------------------

log = logging.getLogger("mkdocs.plugins.kurs.factsheets")


def add_pdf_files(sheets: list[FactSheet], files: Files, config, cache_dir: Path) -> None:
    """Tell MkDocs about each PDF; the files are made (or taken from the cache) while the
    sheets' pages render, which happens before MkDocs copies files to the site."""
    for sheet in sheets:
        files.append(File.generated(config, sheet.pdf_path, abs_src_path=str(cache_dir / f"{sheet.key}.pdf")))


def pdf_for_page(sheet: FactSheet, content: str, facts: Facts, checked: str, settings: PrintSettings,
                 cache_dir: Path, docs_dir: Path, page_url: str) -> BuiltSheet:
    """The sheet's PDF from its page's HTML; relative URLs in it start at the page's URL."""
    started = time.perf_counter()
    base_dir = docs_dir / (page_url if page_url.endswith("/") else posixpath.dirname(page_url))
    built = build_sheet(sheet, sheet_document(sheet, content, facts, checked, settings), cache_dir, base_dir)
    log.info(f"{sheet.pdf_path}: {made_text(built, started)} ({size_text(built.pages, built.size)})")
    return built


def macros(ctx) -> dict:
    def factsheet_list() -> str:
        """Every fact sheet with its summary and PDF (size filled in after the build)."""
        return sheet_list_markdown(ctx.course.factsheets, ctx.relative)

    return {"factsheet_list": factsheet_list}
