"""The offline package's bookkeeping: when it must be built anew, and its size on the page."""

from __future__ import annotations

from conftest import copy_project
from course import offline


def test_the_package_is_built_anew_only_when_what_it_is_built_from_changes(tmp_path):
    project = copy_project(tmp_path / "project")
    before = offline.inputs_hash(project)
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("built output", encoding="utf-8")
    (project / ".cache").mkdir()
    assert offline.inputs_hash(project) == before  # output and caches do not count
    case = project / "cases" / "1-kvinnan-pa-hotellet.yml"
    case.write_text(case.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert offline.inputs_hash(project) != before


def test_the_size_is_filled_in_where_the_page_asks_for_it():
    page = f"<p>Ladda ner ({offline.size_placeholder(offline.PACKAGE)})</p>"
    packages = {offline.PACKAGE: offline.Package(path=None, size=1_655_307, built=False)}
    assert offline.fill_sizes(page, packages) == "<p>Ladda ner (zip, 1,7 MB)</p>"
    assert offline.fill_sizes("<p>Ingen länk</p>", packages) == "<p>Ingen länk</p>"
    assert offline.size_text(850_000) == "850 kB"
