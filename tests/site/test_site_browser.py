"""What a reader sees, proven in Debian's Chromium: every page loads, "next" walks the
modules in order, search finds betänketid, nothing is requested from outside the site,
and axe-core finds no WCAG 2.1 A/AA violation in light or dark mode (each page is loaded
once for all of these)."""

from __future__ import annotations

import re

import pytest
from conftest import axe_light_and_dark, course_content, format_violations, module_paths, nav_pages, run_axe
from playwright.sync_api import expect

PAGES = nav_pages()
PAGE_IDS = [url or "start" for _, url in PAGES]


@pytest.fixture(scope="module")
def facts():
    return course_content().facts


def test_nav_has_start_six_modules_and_reference_pages():
    assert PAGES[0][1] == ""
    assert len(module_paths()) == 6
    urls = [url for _, url in PAGES]
    for required in ("ordlista/", "kallor/", "tillganglighet/"):
        assert required in urls


@pytest.mark.parametrize("title,url", PAGES, ids=PAGE_IDS)
def test_every_nav_page_has_its_heading_passes_axe_light_and_dark_and_stays_on_the_site(page, base_url, title, url):
    """Each page of the menu, loaded once: it is there with a Swedish heading; every link to one of
    our PDFs opens one; axe finds no WCAG 2.1 A/AA violation with every folded box open (the trainer's
    comments to the cases too), in light mode and, after the reader switches, in dark mode; and
    nothing is requested from outside."""
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    response = page.goto(base_url + url)
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "sv"
    heading = page.locator("article h1")
    expect(heading).to_have_count(1)
    assert heading.inner_text().strip()

    for href in page.locator("article a[href$='.pdf']").evaluate_all("links => links.map(a => a.href)"):
        if href.startswith(base_url):  # ours (an authority's own PDF is linked as a source)
            pdf = page.request.get(href)
            assert pdf.ok and pdf.headers["content-type"] == "application/pdf", href

    page.locator("article details").evaluate_all("boxes => boxes.forEach(box => { box.open = true; })")  # checked open too
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")  # light to begin with
    problems = {mode: format_violations(v) for mode, v in axe_light_and_dark(page).items() if v}
    assert not problems, f"{url or 'start'}: {problems}"

    page.wait_for_load_state("networkidle")
    outside = [u for u in requests if not u.startswith(base_url) and not u.startswith(("data:", "blob:"))]
    assert not outside, f"{url or 'start'} requested: {outside}"


def test_a_dark_system_setting_gives_the_dark_palette(page, base_url):
    page.emulate_media(color_scheme="dark")
    page.goto(base_url)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


def test_next_links_walk_the_six_modules_in_order(page, base_url):
    page.goto(base_url)
    visited = []
    for _ in range(len(module_paths())):
        page.locator("a.md-footer__link--next").click()
        page.wait_for_load_state()
        visited.append(page.url.removeprefix(base_url))
    assert visited == module_paths()
    # and back again with "previous"
    page.locator("a.md-footer__link--prev").click()
    page.wait_for_url(re.compile(re.escape(module_paths()[-2]) + "$"))


def test_module_pages_show_number_time_objectives_reflection_and_sources(page, base_url):
    for number, path in enumerate(module_paths(), start=1):
        page.goto(base_url + path)
        article = page.locator("article")
        expect(article.locator(".module-meta")).to_contain_text(f"Modul {number} av 6")
        expect(article.locator(".module-meta")).to_contain_text("minuter")
        expect(article.locator(".admonition.abstract")).to_contain_text("Efter modulen kan du")
        questions = article.locator("ol.course-reflections > li")
        assert 2 <= questions.count() <= 4, f"{path}: {questions.count()} reflection questions"
        expect(article.locator("h2#las-mer")).to_have_count(1)
        expect(article.locator(".course-sources li").first).to_be_visible()


def test_start_page_lists_every_module_with_time(page, base_url):
    page.goto(base_url)
    rows = page.locator("article table tbody tr")
    expect(rows).to_have_count(6)
    for index, path in enumerate(module_paths()):
        row = rows.nth(index)
        expect(row.locator("a")).to_have_attribute("href", re.compile(re.escape(path.rstrip("/"))))
        expect(row).to_contain_text("minuter")


def test_search_for_betanketid_finds_the_betanketid_module(page, base_url):
    page.goto(base_url)
    page.keyboard.press("s")  # Material's search shortcut
    search = page.locator("input.md-search__input")
    expect(search).to_be_focused()
    search.press_sequentially("betänketid", delay=30)
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible(timeout=10_000)
    hrefs = results.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert any("3-betanketid" in href for href in hrefs), hrefs


def test_pages_show_values_from_the_facts_file(page, base_url, facts):
    phone = facts.get("support_line.phone").value
    days = facts.get("reflection_period.days").value
    page.goto(base_url + "moduler/5-stod-for-yrkesverksamma/")
    link = page.locator(f'article a.phone:has-text("{phone}")').first
    expect(link).to_be_visible()
    digits = "".join(c for c in phone if c.isdigit())
    expect(link).to_have_attribute("href", f"tel:+46{digits[1:]}")
    page.goto(base_url + "moduler/3-betanketid/")
    expect(page.locator("article")).to_contain_text(f"{days} dagar")
    expect(page.locator("article")).to_contain_text(facts.get("reflection_period.law").value)


def test_glossary_terms_carry_their_definition_as_tooltip(page, base_url):
    terms = course_content().glossary
    page.goto(base_url + "ordlista/")
    for term in terms:
        expect(page.locator(f"dl.course-glossary dt#{term.anchor}")).to_have_text(term.term)
    betanketid = next(t for t in terms if t.term.lower() == "betänketid")
    page.goto(base_url + "moduler/3-betanketid/")
    abbr = page.locator("article abbr", has_text=re.compile("^betänketid$", re.I)).first
    expect(abbr).to_have_attribute("title", betanketid.definition)


def test_diagrams_are_svg_with_text_alternative(page, base_url):
    page.goto(base_url + "moduler/3-betanketid/")
    figures = page.locator("article figure.diagram-figure")
    assert figures.count() >= 3  # the path of an application, the statistics, the timeline
    for i in range(figures.count()):
        figure = figures.nth(i)
        svg = figure.locator("svg")
        expect(svg).to_have_attribute("role", "img")
        label_ids = svg.get_attribute("aria-labelledby").split()
        for label_id in label_ids:
            assert figure.locator(f"#{label_id}").text_content().strip()
        details = figure.locator("details.diagram-text")
        details.locator("summary").click()
        expect(details.locator("li, td").first).to_be_visible()


def test_print_stylesheet_prints_only_the_module(page, base_url):
    page.goto(base_url + "moduler/1-vad-ar-manniskohandel/")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert page.locator(hidden).first.evaluate("e => getComputedStyle(e).display") == "none", hidden
    expect(page.locator("article h1")).to_be_visible()
    expect(page.locator("article .course-sources")).to_be_visible()


def test_presenter_turns_pages_with_keys_n_and_p(page, base_url):
    page.goto(base_url)
    page.keyboard.press("n")
    page.wait_for_url(base_url + module_paths()[0])
    page.keyboard.press("n")
    page.wait_for_url(base_url + module_paths()[1])
    page.keyboard.press("p")
    page.wait_for_url(base_url + module_paths()[0])


def test_the_search_dialog_has_a_name(page, base_url):
    page.goto(base_url)
    expect(page.locator('.md-search[role="dialog"]')).to_have_attribute("aria-label", "Sök")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_404_page_is_swedish_and_axe_finds_nothing(page, base_url, scheme):
    page.emulate_media(color_scheme=scheme)
    response = page.goto(base_url + "404.html")
    assert response.status == 200
    expect(page.locator("article h1")).to_have_text("Sidan finns inte")
    expect(page.locator("footer")).to_contain_text("Byggd med")
    expect(page.locator("footer")).not_to_contain_text("Made with")
    violations = run_axe(page)
    assert not violations, f"404 ({scheme}):\n{format_violations(violations)}"
