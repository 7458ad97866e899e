"""Fact sheets: front matter checks, what the PDF leaves out, the page limit, local files
only, and the content-hash cache (unit tests; the build itself is tested below them)."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT, copy_project, course_content, run_mkdocs
from kurs.factsheets import PrintSettings, build_sheet, printable_html, sheet_document
from kurs.model.course import FactSheet
from kurs.model.errors import AuthorError
from kurs.model.pages import FactSheetMeta
from kurs.templates import css_string

SHEET_NAMES = sorted(p.stem for p in (ROOT / "docs" / "faktablad").glob("*.md") if p.stem != "index")
SETTINGS = PrintSettings("Kursen", "Kursteamet", "sv", "ord, fler ord")


@pytest.fixture(scope="module")
def facts():
    return course_content().facts


def sheet(max_pages=1, key="prov"):
    meta = FactSheetMeta(title="Provblad", summary="Kort.", max_pages=max_pages, modules=[3], sources=["presentation"])
    return FactSheet(meta, f"faktablad/{key}.md")


def document(facts, body: str, max_pages=1) -> str:
    return sheet_document(sheet(max_pages), body, facts, "22 november 2026", SETTINGS)


def test_the_course_has_four_sheets_each_linked_from_a_module():
    sheets = course_content().factsheets
    assert [s.key for s in sheets] == SHEET_NAMES
    assert len(sheets) == 4
    assert all(s.modules and 1 <= s.max_pages <= 2 for s in sheets)


def test_the_print_document_carries_the_courses_title_language_and_page_numbers(facts):
    printed = document(facts, "<p>Text</p>")
    assert '<html lang="sv">' in printed and '<meta name="keywords" content="ord, fler ord">' in printed
    assert '@top-right { content: "Kursen"; }' in printed
    assert '"Sida " counter(page) " av " counter(pages)' in printed


def test_pdf_leaves_out_permalinks_tooltips_site_links_and_the_download_box():
    html = (
        '<div class="factsheet-download"><p><a href="../prov.pdf">Ladda ner</a></p></div>'
        '<h2 id="a">Rubrik<a class="headerlink" href="#a">¶</a></h2>'
        '<p><abbr title="förklaring" tabindex="0">betänketid</abbr> i <a href="../../moduler/3-betanketid/">modul 3</a>, '
        'se <a href="https://nspm.jamstalldhetsmyndigheten.se/">NSPM</a>.</p>'
    )
    printable = printable_html(html)
    assert "Ladda ner" not in printable and "¶" not in printable and "förklaring" not in printable
    assert "betänketid i modul 3" in printable
    assert '<a href="https://nspm.jamstalldhetsmyndigheten.se/">NSPM</a>' in printable


def test_header_and_footer_text_is_quoted_safely_for_css():
    assert css_string('Blad "A" \\ B') == '"Blad \\"A\\" \\\\ B"'


def test_a_sheet_longer_than_its_page_limit_fails(facts, tmp_path):
    long_text = "".join(f"<p>Stycke {n}. " + "Betänketid gäller i trettio dagar. " * 12 + "</p>" for n in range(40))
    with pytest.raises(AuthorError) as error:
        build_sheet(sheet(), document(facts, long_text), tmp_path, tmp_path)
    assert str(error.value).startswith("docs/faktablad/prov.md: faktabladet blir ")
    assert "får vara högst 1 (max_pages)" in str(error.value)


def test_a_missing_image_fails(facts, tmp_path):
    with pytest.raises(AuthorError) as error:
        build_sheet(sheet(), document(facts, '<p><img src="karta.png" alt="Karta"></p>'), tmp_path, tmp_path)
    assert "docs/faktablad/prov.md: PDF:en kunde inte skapas" in str(error.value)
    assert "karta.png finns inte" in str(error.value)


def test_nothing_is_fetched_from_the_network(facts, tmp_path):
    body = '<p><img src="https://example.org/logo.png" alt="Logotyp"></p>'
    with pytest.raises(AuthorError, match="https://example.org/logo.png hämtas inte"):
        build_sheet(sheet(), document(facts, body), tmp_path, tmp_path)


def test_cache_renders_once_and_again_only_when_the_document_changes(facts, tmp_path):
    first = build_sheet(sheet(), document(facts, "<p>Tid: 30 dagar.</p>"), tmp_path, tmp_path)
    again = build_sheet(sheet(), document(facts, "<p>Tid: 30 dagar.</p>"), tmp_path, tmp_path)
    changed = build_sheet(sheet(), document(facts, "<p>Tid: 31 dagar.</p>"), tmp_path, tmp_path)
    assert (first.rendered, again.rendered, changed.rendered) == (True, False, True)
    assert json.loads((tmp_path / "prov.json").read_text())["pages"] == 1


def test_cached_sheet_is_still_held_to_a_lower_page_limit(facts, tmp_path):
    long_text = "".join("<p>" + "Betänketid gäller i trettio dagar. " * 12 + "</p>" for _ in range(25))
    built = build_sheet(sheet(max_pages=5), document(facts, long_text, 5), tmp_path, tmp_path)
    assert built.pages >= 2
    with pytest.raises(AuthorError, match="högst 1"):
        build_sheet(sheet(max_pages=1), document(facts, long_text, 5), tmp_path, tmp_path)


# --- the build ------------------------------------------------------------------------


def sheet_mtimes(project):
    return {p.name: p.stat().st_mtime_ns for p in (project / ".cache" / "faktablad").glob("*.pdf")}


def test_build_renders_sheets_once_then_only_the_edited_one(tmp_path):
    """Every PDF of the site (the sheets and the books) is made once; the second build makes none,
    and an edited sheet is the only PDF made again (no book has the sheets in it)."""
    project = copy_project(tmp_path / "project", packages=False)
    cold = run_mkdocs(project, tmp_path / "out")
    assert cold.returncode == 0, cold.stderr
    assert len(re.findall(r"faktablad/\S+\.pdf: skapad på", cold.stderr)) == len(SHEET_NAMES)
    assert len(re.findall(r"-(?:kursbok|handbok)\.pdf: skapad på", cold.stderr)) == 2
    first = sheet_mtimes(project)
    assert sorted(first) == [f"{name}.pdf" for name in SHEET_NAMES]
    books = {p.name: p.stat().st_mtime_ns for p in (project / ".cache" / "bocker").glob("*.pdf")}
    assert sorted(books) == ["handbok.pdf", "kursbok.pdf"]

    warm = run_mkdocs(project, tmp_path / "out")
    assert warm.returncode == 0, warm.stderr
    assert "skapad på" not in warm.stderr
    assert len(re.findall(r"faktablad/\S+\.pdf: oförändrad, från cachen", warm.stderr)) == len(SHEET_NAMES)
    assert len(re.findall(r"-(?:kursbok|handbok)\.pdf: oförändrad, från cachen", warm.stderr)) == 2
    assert sheet_mtimes(project) == first
    assert {p.name: p.stat().st_mtime_ns for p in (project / ".cache" / "bocker").glob("*.pdf")} == books

    source = project / "docs" / "faktablad" / "tecken.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nTa hjälp av en kollega.\n", encoding="utf-8")
    edited = run_mkdocs(project, tmp_path / "out")
    assert edited.returncode == 0, edited.stderr
    assert "faktablad/tecken.pdf: skapad på" in edited.stderr
    assert edited.stderr.count("skapad på") == 1
    changed = {name for name, mtime in sheet_mtimes(project).items() if mtime != first[name]}
    assert changed == {"tecken.pdf"}


def test_overflowing_sheet_fails_the_build_with_file_and_reason(tmp_path):
    project = copy_project(tmp_path / "project", packages=False, books=False)
    source = project / "docs" / "faktablad" / "tecken.md"
    source.write_text(source.read_text(encoding="utf-8") + "\n\nMer text att läsa.\n" * 80, encoding="utf-8")
    result = run_mkdocs(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert re.search(r"docs/faktablad/tecken\.md: faktabladet blir \d+ sidor men får vara högst 1", output), output
