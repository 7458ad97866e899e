"""The books as a participant and a trainer find them: the start page offers the participant's book,
the trainer's guide both, each with its length and size, on the site and in the offline package
opened from disk; each link gives the PDF. (axe runs on both pages in tests/site.)"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from conftest import PROJECT
from playwright.sync_api import expect
from pypdf import PdfReader

TITLES = {"kursbok": "Deltagarens kursbok", "handbok": "Utbildarens handbok"}
OFFERED = {"": ["kursbok"], "utbildare/": ["kursbok", "handbok"]}  # page -> the books it offers


def size_text(pages: int, size: int) -> str:
    megabytes = f"{size / 1_000_000:.1f} MB".replace(".", ",")
    return f"PDF, A4, {pages} sidor, {megabytes if size >= 1_000_000 else f'{round(size / 1000)} kB'}"


def check_offer(page, books: list[str], pdf_of) -> None:
    """Each book a link on the page, with the length and size of the PDF it gives."""
    links = page.locator("article a[href$='.pdf']", has_text=re.compile("kursbok|handbok"))
    expect(links).to_have_count(len(books))
    for key in books:
        link = page.get_by_role("link", name=TITLES[key])
        href = link.evaluate("a => a.href")
        assert href.endswith(f"{PROJECT.settings.id}-{key}.pdf"), href
        data = pdf_of(href)
        expect(link.locator("xpath=..")).to_contain_text(size_text(len(PdfReader(io.BytesIO(data)).pages), len(data)))


@pytest.mark.parametrize("path", sorted(OFFERED))
def test_the_site_offers_its_books_with_length_and_size(page, base_url, path):
    page.goto(base_url + path)

    def pdf_of(url: str) -> bytes:
        response = page.request.get(url)
        assert response.status == 200 and response.headers["content-type"] == "application/pdf"
        return response.body()

    check_offer(page, OFFERED[path], pdf_of)


def test_the_offline_package_has_the_books_on_its_pages(page, offline_site):
    for path, books in OFFERED.items():
        page.goto((offline_site / (path or "") / "index.html").as_uri())
        check_offer(page, books, lambda url: Path(url.removeprefix("file://")).read_bytes())
