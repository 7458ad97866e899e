"""The fact-sheet PDFs as a reader gets them: each sheet's page and the list of sheets link its
PDF, which opens, is A4, tagged, as long as the site says and within its limit, and carries its
facts from facts.yml with Swedish letters intact. Module pages link the sheets that belong to
them. (The sheets' web pages are in the nav, so test_site_browser runs axe on them and checks
that every link to one of our PDFs on any page opens one.)"""

from __future__ import annotations

import io
import re

import pytest
from conftest import ROOT, course_content, module_paths, reader_text
from kurs.model.yamlfile import split_page
from playwright.sync_api import expect
from pypdf import PdfReader

SHEETS = {p.stem: p for p in (ROOT / "docs" / "faktablad").glob("*.md") if p.stem != "index"}
FACT_CALL = re.compile(r'\{\{\s*(fact|fact_list|phone)\("([^"]+)"\)')
A4 = (595.3, 841.9)  # points


def front_matter(text: str, key: str) -> dict:
    return split_page(text, f"docs/faktablad/{key}.md").meta.data


def expected_facts(source: str, facts) -> list[str]:
    values = []
    for kind, key in FACT_CALL.findall(source):
        value = facts.get(key).value
        values.extend(str(item) for item in value) if kind == "fact_list" else values.append(str(value))
    return values


def size_text(count: int) -> str:
    """The start of what the site writes beside a link to a sheet's PDF."""
    return f"A4, {count} {'sida' if count == 1 else 'sidor'}"


def test_the_list_of_sheets_links_every_sheet_pdf_with_its_length(page, base_url):
    page.goto(base_url + "faktablad/")
    links = page.locator("article a[href$='.pdf']")
    hrefs = links.evaluate_all("links => links.map(a => a.href)")
    assert sorted(hrefs) == sorted(f"{base_url}faktablad/{key}.pdf" for key in SHEETS)
    for link in links.all():
        count = len(PdfReader(io.BytesIO(page.request.get(link.evaluate("a => a.href")).body())).pages)
        expect(link.locator("xpath=..").locator(".factsheet-size")).to_contain_text(size_text(count))


@pytest.mark.parametrize("key", sorted(SHEETS))
def test_sheet_pdf_opens_is_a4_and_carries_its_facts(page, base_url, key):
    page.goto(f"{base_url}faktablad/{key}/")
    link = page.get_by_role("link", name="Ladda ner faktabladet som PDF")
    expect(link).to_have_attribute("href", re.compile(re.escape(f"{key}.pdf") + "$"))
    response = page.request.get(link.evaluate("a => a.href"))
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
    expect(link.locator("xpath=..").locator(".factsheet-size")).to_contain_text(size_text(count))

    assert pdf.metadata.title == meta["title"]
    assert pdf.metadata.author
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == "sv"
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root  # tagged for screen readers
    text = reader_text("\n".join(p.extract_text() for p in pdf.pages))
    assert reader_text(meta["title"]) in text  # å, ä and ö come out as letters
    assert "Senast granskad" in text and f"Sida 1 av {count}" in text
    values = expected_facts(source, course_content().facts)
    assert values, f"{key} uses no facts from facts.yml"
    for value in values:
        assert reader_text(value) in text, f"{key}.pdf lacks the fact {value!r}"


def test_module_pages_link_the_sheets_that_belong_to_them(page, base_url):
    modules = module_paths()
    for key, path in SHEETS.items():
        for number in front_matter(path.read_text(encoding="utf-8"), key)["modules"]:
            page.goto(base_url + modules[number - 1])
            tip = page.locator("article .admonition", has_text="Faktablad att skriva ut")
            assert tip.locator(f"a[href$='faktablad/{key}.pdf']").count() == 1, (key, number)
