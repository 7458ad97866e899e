"""`mkdocs serve` rebuilds when the facts file, the glossary, a deck or a case changes, not only docs/."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import ROOT, copy_project, course_content

sys.path.insert(0, str(ROOT / "scripts"))
from benchmark import fetch, free_port, wait_until  # noqa: E402  (the benchmark times mkdocs serve the same way)


PHONE = course_content().facts.get("support_line.phone").value  # module 5 shows it
NEW_PHONE = "020-11 22 33"


def wait_for(predicate, seconds: float, what: str) -> None:
    if not wait_until(predicate, seconds):
        pytest.fail(f"timed out waiting for {what}")


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} has no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def served_copy(tmp_path):
    copy_project(tmp_path)
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/moduler/5-stod-for-yrkesverksamma/"
    try:
        wait_for(lambda: PHONE in fetch(url), 60, "mkdocs serve to start")
        yield tmp_path, url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_rebuilds_when_a_fact_changes(served_copy):
    project, url = served_copy
    edit(project / "facts.yml", f'"{PHONE}"', f'"{NEW_PHONE}"')
    wait_for(lambda: NEW_PHONE in fetch(url), 60, "the new phone number on the page")


def test_serve_rebuilds_when_the_glossary_changes(served_copy):
    project, url = served_copy
    glossary = project / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n- term: Provterm\n  definition: En ny term.\n",
                        encoding="utf-8")
    wait_for(lambda: "Provterm" in fetch(url.replace("moduler/5-stod-for-yrkesverksamma/", "ordlista/")), 60, "the new term")


def test_serve_rebuilds_a_deck_when_its_slides_or_a_fact_change(served_copy):
    project, url = served_copy
    deck_url = url.replace("moduler/5-stod-for-yrkesverksamma/", "bildspel/modul-5.html")
    slides = project / "slides" / "modul-5.md"
    slides.write_text(slides.read_text(encoding="utf-8") + "\n\n---\n\n## En ny bild\n\nNote:\nNy.\n", encoding="utf-8")
    wait_for(lambda: "En ny bild" in fetch(deck_url), 60, "the new slide in the deck")
    edit(project / "facts.yml", f'"{PHONE}"', f'"{NEW_PHONE}"')
    wait_for(lambda: NEW_PHONE in fetch(deck_url), 60, "the new phone number in the deck")


def test_serve_rebuilds_when_a_case_changes_and_leaves_the_package_out(served_copy):
    project, url = served_copy
    guide = fetch(url.replace("moduler/5-stod-for-yrkesverksamma/", "utbildare/"))
    assert "Paketen byggs inte i förhandsvisningen" in guide
    assert not (project / ".cache" / "offline").exists()  # serve does not spend time on the zip
    case = course_content().cases[0]
    edit(project / case.file, f"title: {case.title}\n", "title: Fallet med ny rubrik\n")
    cases_url = url.replace("moduler/5-stod-for-yrkesverksamma/", "utbildare/fallovningar/")
    wait_for(lambda: "Fallet med ny rubrik" in fetch(cases_url), 60, "the renamed case")
