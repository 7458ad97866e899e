"""The offline package's bookkeeping: when it must be built anew, and its size on the page."""

from __future__ import annotations

from conftest import PACKAGES, PROJECT, copy_project
from kurs.cachefile import inputs_hash
from kurs.packages import offline


def test_the_package_is_built_anew_only_when_what_it_is_built_from_changes(tmp_path):
    project = copy_project(tmp_path / "project")
    names = offline.inputs(PROJECT.settings, "docs")
    before = inputs_hash(project, names)
    # what a build and a test run leave behind: the site, the caches, Python's byte code
    for left in ("site/index.html", ".cache/offline/packages.json", ".cache/jinja/page.cache", "__pycache__/main.cpython-311.pyc"):
        (project / left).parent.mkdir(parents=True, exist_ok=True)
        (project / left).write_text("left behind", encoding="utf-8")
    assert inputs_hash(project, names) == before  # output and caches do not count
    for changed in ("cases/1-kvinnan-pa-hotellet.yml", "quizzes/modul-1.yml", "docs/index.md", "slides/modul-1.md",
                    "facts.yml", "glossary.yml", "mkdocs.yml", "mkdocs-offline.yml", "main.py"):
        path = project / changed
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        after = inputs_hash(project, names)
        assert after != before, changed
        before = after


def test_the_size_is_filled_in_where_the_page_asks_for_it():
    page = f"<p>Ladda ner ({offline.size_placeholder(PACKAGES.offline)})</p>"
    packages = {PACKAGES.offline: offline.Package(path=None, size=1_655_307, built=False)}
    assert offline.fill_sizes(page, packages) == "<p>Ladda ner (zip, 1,7 MB)</p>"
    assert offline.fill_sizes("<p>Ingen länk</p>", packages) == "<p>Ingen länk</p>"
    assert offline.size_text(850_000) == "850 kB"


def test_package_names_come_from_the_course_id():
    names = offline.Names("brandskydd")
    assert (names.offline, names.scorm, names.folder) == ("brandskydd-offline.zip", "brandskydd-scorm12.zip", "brandskydd-kurs")
