"""The site under a strict Content-Security-Policy, as a public-sector host may serve it:
`default-src 'self'; script-src 'self'; style-src 'self'` (no inline script, event attribute,
inline style or data: image). Every page of the site, decks included, and each kind of page of the
offline package load without a single violation or console error, and search, the colour toggle, a
quiz, notes, "Mina uppgifter" and a deck with its speaker view work. From disk (file://), where no
policy applies and browsers refuse icon files as CSS masks, the package keeps the theme's own icons."""

from __future__ import annotations

import pytest
from conftest import module_paths, serve_folder, switch_color_scheme
from playwright.sync_api import expect
from quizzing import QUIZZES, answer, right_indices

POLICY = "default-src 'self'; script-src 'self'; style-src 'self'"
# Every violation the page (or a window it opens) meets, as the browser reports it.
WATCH = """window.cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(
  e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' at ' + (e.sourceFile || location.pathname) + ':' + e.lineNumber));"""
MODULE_1 = module_paths()[0]


@pytest.fixture(scope="module")
def strict_site(site_dir):
    server, url = serve_folder(site_dir, {"Content-Security-Policy": POLICY})
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def strict_package(offline_site):
    server, url = serve_folder(offline_site, {"Content-Security-Policy": POLICY})
    yield url
    server.shutdown()


@pytest.fixture
def watched(context):
    """A page of a context where every page reports what the policy blocked and every console error."""
    context.add_init_script(WATCH)
    page = context.new_page()
    page.errors = []
    page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    return page


def problems(page) -> list[str]:
    return page.evaluate("window.cspViolations") + page.errors


def wait_until(page, condition: str) -> None:
    """page.wait_for_function under the policy, which refuses the eval() Playwright runs its test with:
    the test runs in a function of its own, once a frame, until it holds (or 15 seconds have passed)."""
    page.evaluate(f"""() => new Promise((resolve, reject) => {{
        const until = Date.now() + 15000;
        const test = () => ({condition}) ? resolve() : Date.now() > until ? reject(new Error({condition!r})) : requestAnimationFrame(test);
        test();
    }})""")


def load_whole_page(page) -> None:
    """Scroll to the note fields and the quiz, which load their scripts when they come near, and wait
    until the scripts are in."""
    for near, loaded in (("textarea.course-note", "window.courseNotes"),
                         (".quiz", "window.courseQuizRecord && document.querySelector('.quiz-reset-button')")):
        if page.locator(near).count():
            page.locator(near).first.scroll_into_view_if_needed()
            wait_until(page, loaded)


def pages_load_without_a_violation(page, base: str, pages: list[str]) -> dict[str, list[str]]:
    """Each page loaded once, with what loads as the reader gets near: what the policy blocked, by page."""
    found = {}
    for path in pages:
        page.errors.clear()
        page.goto(base + path)
        load_whole_page(page)
        if seen := problems(page):
            found[path] = seen
    return found


def test_every_page_of_the_site_loads_under_a_strict_policy_without_a_violation(watched, site_dir, strict_site):
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))
    assert len(pages) > 30 and any(p.startswith("bildspel/") and not p.endswith("index.html") for p in pages)
    found = pages_load_without_a_violation(watched, strict_site, pages)
    assert not found, found


def test_the_offline_package_works_under_the_policy(watched, strict_package):
    """The package is the same pages built once more, with three differences: no folder URLs, no instant
    navigation, and search with its index as a script (and the iframe-worker shim). One page of each
    kind, and a search, covers them; every page is loaded under the policy in the test above."""
    module = MODULE_1.rstrip("/") + ".html"
    pages = ["index.html", module, "slutprov.html", "mina-uppgifter.html", "intyg.html", "bildspel/modul-1.html", "404.html"]
    found = pages_load_without_a_violation(watched, strict_package, pages)
    watched.goto(strict_package + "index.html")
    watched.keyboard.press("s")
    watched.locator("input.md-search__input").press_sequentially("betänketid", delay=30)
    expect(watched.locator(".md-search-result__item a").first).to_be_visible()
    assert not found and not problems(watched), (found, problems(watched))


def test_search_palette_quiz_notes_my_data_and_decks_work_under_the_policy(watched, strict_site):
    page = watched
    page.goto(strict_site)
    shown = switch_color_scheme(page)  # Material keeps the choice with its own (now file) script
    page.reload()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", {"dark": "slate", "light": "default"}[shown])

    page.keyboard.press("s")
    page.locator("input.md-search__input").press_sequentially("betänketid", delay=30)
    expect(page.locator(".md-search-result__item a").first).to_be_visible()

    page.goto(strict_site + MODULE_1)
    load_whole_page(page)
    for number, question in enumerate(QUIZZES["modul-1"].questions):
        answer(page, number, right_indices(question))
    expect(page.locator(".quiz").first.locator(".quiz-feedback")).to_contain_text("Rätt svar")  # its Swedish texts
    expect(page.locator(".course-quiz-verdict")).to_contain_text("Du har klarat quizet")
    page.locator("#svar-1-1").fill("Skrivet under en sträng policy.")
    expect(page.locator(".course-notes-status")).to_contain_text("sparas")
    page.goto(strict_site + MODULE_1)
    page.locator("#svar-1-1").scroll_into_view_if_needed()
    expect(page.locator("#svar-1-1")).to_have_value("Skrivet under en sträng policy.")

    page.goto(strict_site + "mina-uppgifter/")
    expect(page.locator(".course-mydata__summary")).to_contain_text("klarad")
    page.get_by_role("button", name="Radera mina uppgifter").click()
    expect(page.get_by_role("dialog", name="Vill du radera dina uppgifter?")).to_be_visible()
    page.keyboard.press("Escape")

    page.goto(strict_site + "bildspel/modul-1.html")
    wait_until(page, "window.Reveal && Reveal.isReady()")
    page.keyboard.press("ArrowRight")
    wait_until(page, "Reveal.getIndices().h === 1")
    with page.expect_popup() as speaker_view:
        page.keyboard.press("s")
    expect(speaker_view.value.locator(".speaker-controls-notes")).to_contain_text("Anteckningar", timeout=10_000)
    assert problems(page) + speaker_view.value.evaluate("window.cspViolations || []") == []


def test_from_disk_the_package_keeps_the_themes_own_icons(watched, offline_site):
    failed = []
    watched.on("requestfailed", lambda request: failed.append(request.url))
    watched.goto((offline_site / MODULE_1.rstrip("/")).as_uri() + ".html")
    expect(watched.locator(".admonition").first).to_be_visible()
    assert not watched.evaluate("document.documentElement.classList.contains('kurs-served')")
    icon = watched.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--md-admonition-icon--abstract')")
    assert icon.strip().startswith('url("data:image/svg+xml')
    assert failed == [] and watched.errors == []
