"""What a reader sees is Swedish and says what the law says: the 404 page and the footer are in
Swedish, and no built page, deck, fact sheet PDF, quiz or case uses the higher threshold
"skäl att anta" where the law and the deck say "anledning att anta"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, reader_text
from pypdf import PdfReader

WRONG_THRESHOLD = "skäl att anta"
RIGHT_THRESHOLD = "anledning att anta"
ENGLISH = ("Not found", "Made with")


def folded(text: str) -> str:
    """reader_text for a search: also a plain hyphen at a line's end joins the word ("an-" / "ta"
    reads "anta", so a broken phrase is still found), in lower case."""
    return reader_text(re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)).lower()


def page_text(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return folded(re.sub(r"<[^>]+>", " ", html))


def built_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def test_the_404_page_is_swedish_with_a_way_home(site_dir):
    html = (site_dir / "404.html").read_text(encoding="utf-8")
    assert '<html lang="sv"' in html
    for english in ENGLISH:
        assert english not in html, english
    assert re.search(r"<h1>Sidan finns inte</h1>", html)
    assert re.search(r'<a href="[^"]*">Gå till kursens startsida</a>', html)


def test_every_page_has_the_footer_in_swedish_with_the_copyright_text(site_dir):
    for path in built_pages(site_dir):
        html = path.read_text(encoding="utf-8")
        if 'class="md-copyright"' not in html:
            continue  # the decks have no Material footer
        assert "Made with" not in html, path.relative_to(site_dir)
        assert "Byggd med" in html and "Kursen bygger på material från Socialstyrelsen" in html, path.relative_to(site_dir)


def test_no_built_page_or_deck_says_skal_att_anta(site_dir):
    pages = built_pages(site_dir)
    assert any(p.parent.name == "bildspel" for p in pages)
    wrong = [str(p.relative_to(site_dir)) for p in pages if WRONG_THRESHOLD in page_text(p)]
    assert not wrong, f"'{WRONG_THRESHOLD}' in {wrong}"
    assert RIGHT_THRESHOLD in page_text(site_dir / "moduler" / "3-betanketid" / "index.html")


def test_no_fact_sheet_pdf_says_skal_att_anta(site_dir):
    pdfs = sorted((site_dir / "faktablad").glob("*.pdf"))
    assert pdfs
    texts = {pdf.name: folded("\n".join(page.extract_text() for page in PdfReader(pdf).pages)) for pdf in pdfs}
    assert not [name for name, text in texts.items() if WRONG_THRESHOLD in text]
    assert RIGHT_THRESHOLD in texts["betanketid.pdf"]


@pytest.mark.parametrize("folder", ["quizzes", "cases", "slides", "docs"])
def test_no_source_file_says_skal_att_anta(folder):
    files = [p for p in (ROOT / folder).rglob("*") if p.suffix in {".yml", ".md", ".po"}]
    assert files
    wrong = [str(p.relative_to(ROOT)) for p in files if WRONG_THRESHOLD in folded(p.read_text(encoding="utf-8"))]
    assert not wrong, f"'{WRONG_THRESHOLD}' in {wrong}"


def test_the_folding_reads_pdf_ligatures_and_line_breaks_as_a_reader_would():
    assert folded("Det ska ﬁnnas skäl att an-\nta det") == "det ska finnas skäl att anta det"
    assert WRONG_THRESHOLD in folded("SKÄL  ATT\u00a0ANTA")
