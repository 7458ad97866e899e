"""Facts past their review date, as a content owner meets them: the build's log (the build still
succeeds), the Granskning page, the module pages' "checked since" line and `kurs check --granskning`
for a scheduled job. "Today" is set with KURS_IDAG; every fact's `checked` is set by the test."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from conftest import axe_light_and_dark, copy_project, course_content, format_violations, run_mkdocs, serve_folder
from playwright.sync_api import expect

CHECKED = re.compile(r"checked: \d{4}-\d{2}-\d{2}")
TODAY = "2026-12-01"
FRESH = "2026-11-22"  # every fact's `checked`: 12 months later is well after TODAY
THREE_YEARS_AGO = "2023-11-22"


def fact_on_one_module():
    """A fact used on one module page and on no other page, and that module."""
    course = course_content()
    modules = {m.src_path: m for m in course.modules}
    key, pages = next((k, p) for k, p in course.pages_using().items() if len(p) == 1 and p[0] in modules)
    return course.facts.get(key), modules[pages[0]]


def set_checked(project, old_key: str | None = None) -> None:
    """Every fact checked on FRESH, except `old_key`: three years ago."""
    text = CHECKED.sub(f"checked: {FRESH}", (project / "facts.yml").read_text(encoding="utf-8"))
    if old_key:
        *groups, name = old_key.split(".")
        at = 0
        for part in [*groups, name]:  # the fact's own block, by its keys' indentation
            at = re.compile(rf"^\s*{re.escape(part)}:", re.M).search(text, at).end()
        found = CHECKED.search(text, at)
        text = text[: found.start()] + f"checked: {THREE_YEARS_AGO}" + text[found.end():]
    (project / "facts.yml").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the course that builds only the site (no packages, no books: not what is tested here)."""
    return copy_project(tmp_path_factory.mktemp("granskning") / "project", packages=False, books=False)


def build(project, out):
    result = run_mkdocs(project, out, KURS_IDAG=TODAY)
    assert result.returncode == 0, result.stdout + result.stderr  # a date never fails a build
    return [line for line in result.stderr.splitlines() if "facts.yml:" in line], result.stderr


def test_an_old_fact_is_overdue_in_the_log_on_granskning_and_on_its_module_and_none_when_all_are_fresh(project, page, tmp_path):
    fact, module = fact_on_one_module()
    other = next(m for m in course_content().modules if m.src_path != module.src_path)
    total = len(course_content().facts.facts)
    set_checked(project, fact.key)
    lines, log = build(project, tmp_path / "old")
    assert len(lines) == 1, log
    source = course_content().facts.source_of(fact)
    for part in (f"'{fact.key}'", str(fact.value)[:30], f"källa '{source.key}'", f"kontrollerad {THREE_YEARS_AGO}",
                 "försenad, skulle ha granskats senast 2024-11-22"):
        assert part in lines[0], lines[0]
    assert f"Granskning {TODAY}: 1 försenade och 0 som ska granskas snart, av {total} fakta." in log

    server, url = serve_folder(tmp_path / "old")
    try:
        page.goto(url + "granskning/")
        rows = page.locator("article table tbody tr")
        expect(rows).to_have_count(total)
        expect(rows.first.locator("td").first).to_have_text("Försenad")
        expect(rows.first).to_contain_text(fact.key)
        expect(rows.first).to_contain_text(THREE_YEARS_AGO)
        expect(rows.first.get_by_role("link", name=module.title)).to_be_visible()
        expect(rows.nth(1).locator("td").first).to_have_text("Aktuell")
        violations = axe_light_and_dark(page)
        assert violations == {"light": [], "dark": []}, {mode: format_violations(v) for mode, v in violations.items()}
        rows.first.get_by_role("link", name=module.title).click()
        expect(page.locator(".course-checked")).to_have_text(
            "Fakta på sidan kontrollerades mot källorna den 22 november 2023 eller senare.")
        page.goto(url + other.src_path[:-3] + "/")
        expect(page.locator(".course-checked")).to_contain_text("den 22 november 2026 eller senare")
    finally:
        server.shutdown()

    set_checked(project)
    lines, log = build(project, tmp_path / "fresh")
    assert lines == [], log
    assert f"Granskning {TODAY}: alla {total} fakta är aktuella." in log
    server, url = serve_folder(tmp_path / "fresh")
    try:
        page.goto(url + "granskning/")
        expect(page.locator("article .course-review p").first).to_contain_text(f"Alla {total} fakta är aktuella.")
        expect(page.locator("article table tbody td:first-child", has_text="Försenad")).to_have_count(0)
    finally:
        server.shutdown()


def kurs_check(project, today: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kurs.cli", "check", "--granskning"], cwd=project, capture_output=True,
                          text=True, env={**os.environ, "KURS_IDAG": today})


def test_kurs_check_granskning_lists_due_and_overdue_facts_and_fails_only_on_an_overdue_one(project):
    fact, _ = fact_on_one_module()
    set_checked(project)
    fresh = kurs_check(project, TODAY)
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    assert "facts.yml:" not in fresh.stdout and "alla" in fresh.stdout

    due = kurs_check(project, "2027-11-01")  # 21 days before every review date: due, not overdue
    assert due.returncode == 0, due.stderr
    assert due.stdout.count("ska granskas senast 2027-11-22 (om 21 dagar)") == len(course_content().facts.facts)

    set_checked(project, fact.key)
    overdue = kurs_check(project, TODAY)
    assert overdue.returncode == 1, overdue.stdout + overdue.stderr
    line = next(line for line in overdue.stdout.splitlines() if line.startswith("facts.yml:"))
    number = int(line.split(":")[1])
    assert (project / "facts.yml").read_text(encoding="utf-8").splitlines()[number - 1].strip() == f"checked: {THREE_YEARS_AGO}"
    assert f"'{fact.key}'" in line and "försenad" in line

    wrong = kurs_check(project, "i morgon")
    assert wrong.returncode == 1 and "KURS_IDAG ska vara ett datum" in wrong.stderr and "Traceback" not in wrong.stderr
