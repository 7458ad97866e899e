"""The fact-sheet PDFs as a reader gets them: every PDF the site links exists, opens, is
A4, tagged, as long as the site says and within its limit, and carries its facts from
facts.yml with Swedish letters intact. Module pages link the sheets that belong to them.
(The sheets' web pages are in the nav, so test_site_browser runs axe on them.)"""

from __future__ import annotations

import io
import re

import pytest
from conftest import ROOT, course, module_paths, nav_pages
from kurs.model.yamlfile import split_page
from pypdf import PdfReader

SHEETS = {p.stem: p for p in (ROOT / "docs" / "faktablad").glob("*.md") if p.stem != "index"}
FACT_CALL = re.compile(r'\{\{\s*(fact|fact_list|phone)\("([^"]+)"\)')
A4 = (595.3, 841.9)  # points


def front_matter(text: str, key: str) -> dict:
    return split_page(text, f"docs/faktablad/{key}.md").meta.data


def squash(text: str) -> str:
    """Text without spaces, line breaks and hyphens: a PDF may break a value anywhere."""
    return re.sub(r"[\s\-‐­]", "", text)


def expected_facts(source: str, facts) -> list[str]:
    values = []
    for kind, key in FACT_CALL.findall(source):
        value = facts.get(key).value
        values.extend(str(item) for item in value) if kind == "fact_list" else values.append(str(value))
    return values


@pytest.fixture(scope="module")
def pdf_links(browser, base_url):
    """Every link to one of our PDFs on every page of the nav: {url: size text beside it}."""
    page = browser.new_page()
    links = {}
    for _, url in nav_pages():
        page.goto(base_url + url)
        for anchor in page.locator("article a[href$='.pdf']").all():
            href = anchor.evaluate("a => a.href")
            if not href.startswith(base_url):
                continue  # an authority's own PDF, linked as a source
            size = anchor.evaluate("a => a.parentElement.querySelector('.factsheet-size')?.textContent || ''")
            links.setdefault(href, size)
    page.close()
    return links


def test_site_links_every_sheet_pdf(pdf_links, base_url):
    assert sorted(pdf_links) == sorted(f"{base_url}faktablad/{key}.pdf" for key in SHEETS)


@pytest.mark.parametrize("key", sorted(SHEETS))
def test_sheet_pdf_opens_is_a4_and_carries_its_facts(page, base_url, pdf_links, key):
    response = page.request.get(f"{base_url}faktablad/{key}.pdf")
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(response.body()))
    source = SHEETS[key].read_text(encoding="utf-8")
    meta = front_matter(source, key)

    for sheet_page in pdf.pages:
        width, height = float(sheet_page.mediabox.width), float(sheet_page.mediabox.height)
        assert abs(width - A4[0]) < 1 and abs(height - A4[1]) < 1, (width, height)
    count = len(pdf.pages)
    assert 1 <= count <= meta["max_pages"]
    assert pdf_links[f"{base_url}faktablad/{key}.pdf"].startswith(f"A4, {count} {'sida' if count == 1 else 'sidor'}")

    assert pdf.metadata.title == meta["title"]
    assert pdf.metadata.author
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == "sv"
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root  # tagged for screen readers
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert meta["title"] in text  # å, ä and ö come out as themselves
    assert squash("Senast granskad") in squash(text) and f"Sida 1 av {count}" in text
    values = expected_facts(source, course().facts)
    assert values, f"{key} uses no facts from facts.yml"
    for value in values:
        assert squash(value) in squash(text), f"{key}.pdf lacks the fact {value!r}"


def test_module_pages_link_the_sheets_that_belong_to_them(page, base_url):
    modules = module_paths()
    for key, path in SHEETS.items():
        for number in front_matter(path.read_text(encoding="utf-8"), key)["modules"]:
            page.goto(base_url + modules[number - 1])
            tip = page.locator("article .admonition", has_text="Faktablad att skriva ut")
            assert tip.locator(f"a[href$='faktablad/{key}.pdf']").count() == 1, (key, number)
