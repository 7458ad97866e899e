"""The course's own macros are a standard mkdocs-macros module (main.py, define_env): built with
mkdocs-macros-plugin instead of the engine's renderer, the course gives the same pages."""

from __future__ import annotations

import re

import yaml
from conftest import copy_project, run_mkdocs

ARTICLE = re.compile(r"<article.*?</article>", re.S)


def test_built_with_mkdocs_macros_the_pages_are_the_same(tmp_path, site_dir):
    project = copy_project(tmp_path / "project")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = {}
    for name, values in config["plugins"].items():
        if name == "mkdocs_quiz":  # macros render before mkdocs-quiz reads the <quiz> blocks
            plugins["macros"] = {"module_name": "main", "on_error_fail": True}
        plugins[name] = values
    config["plugins"] = plugins
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_mkdocs(project, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    pages = sorted(p.relative_to(site_dir) for p in site_dir.rglob("index.html"))
    assert len(pages) > 20
    for page in pages:
        ours = ARTICLE.search((site_dir / page).read_text(encoding="utf-8"))
        theirs = ARTICLE.search((tmp_path / "out" / page).read_text(encoding="utf-8"))
        assert (ours and ours.group(0)) == (theirs and theirs.group(0)), page
