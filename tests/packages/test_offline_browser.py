"""The offline package: the zip the hosted site offers, unzipped to a folder and opened
from disk (file://) as a trainer would from a USB stick. Nothing may go to a network."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile

from conftest import PACKAGES, ROOT, module_paths
import pytest
from kurs.packages import offline
from playwright.sync_api import expect
from quizzing import QUIZZES, answer, right_indices, wrong_index

# Pages of the package, in the order "next" walks them (no directory URLs in the package).
MODULE_FILES = [path.rstrip("/") + ".html" for path in module_paths()]


def network_log(page) -> list[str]:
    """Every URL the page requests, from now on."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    return requests


def web_requests(requests: list[str]) -> list[str]:
    return [url for url in requests if url.startswith(("http:", "https:"))]


def test_the_package_is_one_folder_with_index_html_and_a_readme(site_dir, offline_site):
    with zipfile.ZipFile(site_dir / PACKAGES.offline) as archive:
        names = archive.namelist()
    assert {name.split("/")[0] for name in names} == {PACKAGES.folder}
    assert (offline_site / "index.html").is_file()
    assert "Dubbelklicka på index.html" in (offline_site / "LAS-MIG.txt").read_text(encoding="utf-8")
    assert (offline_site / "search" / "search_index.js").is_file()  # search without a server
    for module in MODULE_FILES:
        assert (offline_site / module).is_file(), module


def test_no_page_of_the_package_loads_anything_from_the_web(offline_site):
    """A static check over every page, beside the browser's network log below."""
    loads = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)="(?:https?:)?//', re.I)
    pages = sorted(offline_site.rglob("*.html"))
    assert len(pages) > 20
    offenders = [str(p.relative_to(offline_site)) for p in pages if loads.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_next_walks_the_six_modules_from_the_start_page(page, offline_site):
    requests = network_log(page)
    page.goto((offline_site / "index.html").as_uri())
    for module in MODULE_FILES:
        page.locator("a.md-footer__link--next").click()
        page.wait_for_url((offline_site / module).as_uri())
        expect(page.locator("article h1")).to_be_visible()
    assert web_requests(requests) == []


def test_search_finds_betanketid_without_a_server(page, offline_site):
    requests = network_log(page)
    page.goto((offline_site / "index.html").as_uri())
    page.keyboard.press("s")
    page.locator("input.md-search__input").press_sequentially("betänketid", delay=30)
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible(timeout=10_000)
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    assert any("3-betanketid.html" in href for href in hrefs), hrefs
    results.first.click()
    page.wait_for_url(re.compile(r"3-betanketid\.html"))
    assert web_requests(requests) == []


def test_a_quiz_question_is_answered_and_explained(page, offline_site):
    requests = network_log(page)
    page.goto((offline_site / MODULE_FILES[2]).as_uri())
    first, second = QUIZZES["modul-3"].questions[:2]
    answer(page, 0, right_indices(first))
    answer(page, 1, [wrong_index(second)])
    expect(page.locator(".quiz .quiz-feedback").nth(0)).to_contain_text("Rätt svar")
    expect(page.locator(".quiz-results-correct")).to_have_text("1")  # of the two answered
    assert web_requests(requests) == []


def test_a_deck_opens_from_its_module_and_advances(page, offline_site):
    requests = network_log(page)
    page.goto((offline_site / MODULE_FILES[2]).as_uri())
    page.get_by_role("link", name="Presentera modulen").click()
    page.wait_for_url((offline_site / "bildspel" / "modul-3.html").as_uri())
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    assert page.evaluate("Reveal.getIndices().h") == 0
    page.keyboard.press("ArrowRight")
    page.wait_for_function("Reveal.getIndices().h === 1")
    assert web_requests(requests) == []


def test_a_fact_sheet_pdf_opens(page, offline_site):
    requests = network_log(page)
    page.goto((offline_site / "faktablad" / "betanketid.html").as_uri())
    page.get_by_role("link", name="Ladda ner faktabladet som PDF").click()
    pdf = offline_site / "faktablad" / "betanketid.pdf"
    page.wait_for_url(pdf.as_uri())
    assert pdf.read_bytes().startswith(b"%PDF")
    assert web_requests(requests) == []


def test_the_trainer_page_in_the_package_says_it_is_the_package(page, offline_site):
    page.goto((offline_site / "utbildare" / "index.html").as_uri())
    expect(page.locator("article")).to_contain_text("Du använder redan paketet")
    expect(page.locator(f'article a[href$="{PACKAGES.offline}"]')).to_have_count(0)


@pytest.mark.parametrize("name,text", [(PACKAGES.offline, "Ladda ner kursen för användning utan internet"),
                                       (PACKAGES.scorm, "Ladda ner kursen som SCORM 1.2-paket")])
def test_the_hosted_trainer_page_offers_the_packages_with_their_size(page, base_url, site_dir, name, text):
    page.goto(base_url + "utbildare/")
    link = page.get_by_role("link", name=text)
    expect(link).to_have_attribute("href", re.compile(re.escape(name) + "$"))
    size = offline.size_text((site_dir / name).stat().st_size)
    expect(page.locator(".course-download", has=link)).to_contain_text(f"(zip, {size})")
    response = page.request.get(base_url + name)
    assert response.ok and response.body()[:2] == b"PK"


def test_the_documented_command_writes_the_packages(tmp_path, site_dir):
    """scripts/offline.sh runs `kurs packages`; after the site's build they come from the cache."""
    result = subprocess.run([sys.executable, "-m", "kurs.cli", "packages", str(tmp_path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(tmp_path / PACKAGES.offline) as archive:
        assert f"{PACKAGES.folder}/index.html" in archive.namelist()
    with zipfile.ZipFile(tmp_path / PACKAGES.scorm) as archive:
        assert "imsmanifest.xml" in archive.namelist()


def test_the_speaker_view_shows_the_notes_from_the_package(page, offline_site):
    requests = network_log(page)
    page.goto((offline_site / "bildspel" / "modul-3.html").as_uri())
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    notes = page.evaluate("Reveal.getCurrentSlide().querySelector('aside.notes').textContent")
    first_line = next(line.strip() for line in notes.splitlines() if line.strip())
    with page.context.expect_page() as opened:
        page.keyboard.press("s")
    expect(opened.value.locator("body")).to_contain_text(first_line[:40])
    assert web_requests(requests) == []
