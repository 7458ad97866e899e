"""The offline package's bookkeeping: when it must be built anew, and its size on the page."""

from __future__ import annotations

from conftest import PACKAGES, PROJECT, copy_project
from kurs.cachefile import inputs_hash
from kurs.packages import offline


def test_the_package_is_built_anew_only_when_what_it_is_built_from_changes(tmp_path):
    project = copy_project(tmp_path / "project")
    names = offline.inputs(PROJECT.settings, "docs")
    before = inputs_hash(project, names)
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("built output", encoding="utf-8")
    (project / ".cache").mkdir()
    assert inputs_hash(project, names) == before  # output and caches do not count
    for changed in ("cases/1-kvinnan-pa-hotellet.yml", "main.py", "docs/index.md"):
        path = project / changed
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        assert inputs_hash(project, names) != before, changed
        before = inputs_hash(project, names)


def test_the_size_is_filled_in_where_the_page_asks_for_it():
    page = f"<p>Ladda ner ({offline.size_placeholder(PACKAGES.offline)})</p>"
    packages = {PACKAGES.offline: offline.Package(path=None, size=1_655_307, built=False)}
    assert offline.fill_sizes(page, packages) == "<p>Ladda ner (zip, 1,7 MB)</p>"
    assert offline.fill_sizes("<p>Ingen länk</p>", packages) == "<p>Ingen länk</p>"
    assert offline.size_text(850_000) == "850 kB"


def test_package_names_come_from_the_course_id():
    names = offline.Names("brandskydd")
    assert (names.offline, names.scorm, names.folder) == ("brandskydd-offline.zip", "brandskydd-scorm12.zip", "brandskydd-kurs")
