"""Material's inline scripts and data: icons as files (kurs/theme/csp.py), tested as plain functions."""

from __future__ import annotations

import pytest
from kurs.theme import csp
from mkdocs.exceptions import PluginError


def test_materials_inline_scripts_become_files_with_the_template_value_read_from_the_script_element():
    base = csp.material_script("base.html", 0)
    assert "__md_get" in base and "document.currentScript.dataset.scope" in base and "{{" not in base
    assert "__palette" in csp.material_script("palette.html", 0)
    assert "location.hash" in csp.material_script("content.html", 1)


def test_a_material_partial_of_another_shape_stops_the_build(tmp_path, monkeypatch):
    (tmp_path / "base.html").write_text('<script>__md_scope=new URL("{{ config.extra.new }}",location)</script>')
    (tmp_path / "palette.html").write_text("<!-- no script any more -->")
    monkeypatch.setattr(csp, "PARTIALS", tmp_path)
    with pytest.raises(PluginError, match="base.html: the script has template values"):
        csp.material_script("base.html", 0)
    with pytest.raises(PluginError, match="palette.html: Material's inline script was not found"):
        csp.material_script("palette.html", 0)


def test_every_data_icon_of_materials_style_sheet_becomes_a_file_for_served_pages():
    icons = csp.material_icons()
    assert len(icons) > 30 and all(svg.startswith("<svg") for svg in icons.values())
    css = csp.icons_css(icons, "assets/css/course.css")
    assert css.strip().startswith(".kurs-served{") and "data:" not in css
    assert "--md-admonition-icon--note:url(../../assets/images/material/md-admonition-icon--note.svg)" in css
