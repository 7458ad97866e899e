"""Glossary explanations in Chromium: a term's explanation opens by keyboard (Tab) and by touch
(a tap), Escape hides it again, and axe finds nothing wrong while it shows, light and dark."""

from __future__ import annotations

import re

import pytest
from conftest import course_content, format_violations, press_tab_until, run_axe
from playwright.sync_api import expect

MODULE = "moduler/3-betanketid/"
DEFINITIONS = {term.definition for term in course_content().glossary}
FOCUSED_TERM = "document.activeElement.matches('article abbr[tabindex=\"0\"]')"


def focused_term(page):
    """The focused term as a locator that stays on it when focus moves on."""
    index = page.evaluate("[...document.querySelectorAll('article abbr[tabindex]')].indexOf(document.activeElement)")
    assert index >= 0
    return page.locator("article abbr[tabindex]").nth(index)


def tooltip_of(page, term):
    """The explanation Material shows for the term (linked with aria-describedby)."""
    expect(term).to_have_attribute("aria-describedby", re.compile(r"^__tooltip2_\d+$"))
    return page.locator("#" + term.get_attribute("aria-describedby"))


def test_tab_reaches_a_term_and_shows_its_explanation_and_escape_hides_it(page, base_url):
    page.goto(base_url + MODULE)
    press_tab_until(page, FOCUSED_TERM, limit=80)
    term = focused_term(page)
    tooltip = tooltip_of(page, term)
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_attribute("role", "tooltip")
    assert tooltip.inner_text().strip() in DEFINITIONS
    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
    assert page.evaluate(FOCUSED_TERM), "Escape hides the explanation without moving focus"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # back on the term: the explanation shows again
    expect(tooltip_of(page, term)).to_be_visible()


def test_every_kept_term_is_focusable_and_none_sits_in_a_link_or_heading(page, base_url):
    page.goto(base_url + MODULE)
    terms = page.locator("article abbr[title]")
    assert terms.count() >= 5
    assert terms.count() == page.locator('article abbr[tabindex="0"]').count()
    assert page.locator("article a abbr, article h1 abbr, article h2 abbr, article h3 abbr").count() == 0


@pytest.fixture
def touch_page(browser, base_url):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


def test_a_tap_on_a_term_shows_its_explanation(touch_page, base_url):
    touch_page.goto(base_url + MODULE)
    term = touch_page.locator('article abbr[tabindex="0"]').nth(2)
    term.scroll_into_view_if_needed()
    term.tap()
    tooltip = tooltip_of(touch_page, term)
    expect(tooltip).to_be_visible()
    assert tooltip.inner_text().strip() in DEFINITIONS


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_while_an_explanation_shows(page, base_url, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + MODULE)
    press_tab_until(page, FOCUSED_TERM, limit=80)
    expect(tooltip_of(page, focused_term(page))).to_be_visible()
    violations = run_axe(page)
    assert not violations, f"{MODULE} ({scheme}), explanation open:\n{format_violations(violations)}"
