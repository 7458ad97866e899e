"""The benchmark's own parts (scripts/benchmark.py): the bare baseline it builds, and how it
tells what a page loads without using it. The measuring itself is not a test."""

from __future__ import annotations

import gzip
import subprocess
import sys
import urllib.request

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import benchmark  # noqa: E402


def test_the_baseline_is_the_course_markdown_without_macros_under_bare_material(tmp_path):
    bare = benchmark.make_bare(tmp_path / "bare")
    config = (bare / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks" not in config and "plugins" not in config and "macros" not in config
    pages = sorted(p.relative_to(bare / "docs") for p in (bare / "docs").rglob("*.md"))
    assert pages == sorted(p.relative_to(ROOT / "docs") for p in (ROOT / "docs").rglob("*.md"))
    assert not any("{{" in p.read_text(encoding="utf-8") for p in (bare / "docs").rglob("*.md"))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "site")],
                            cwd=bare, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "moduler" / "3-betanketid" / "index.html").is_file()


def test_quiz_code_and_reveal_count_as_unused_off_their_pages():
    quiz = ["http://x/assets/js/quiz-record.js"]
    reveal = ["http://x/assets/vendor/reveal.js/reveal.js"]
    assert benchmark.unused_loads("start", quiz + reveal) == ["quiz code", "reveal.js"]
    assert benchmark.unused_loads("quiz", quiz) == []
    assert benchmark.unused_loads("deck", reveal) == []


def test_the_benchmark_server_sends_gzip_as_a_production_server_does(tmp_path):
    (tmp_path / "sida").mkdir()
    page = "<p>" + "betänketid " * 200 + "</p>"
    (tmp_path / "sida" / "index.html").write_text(page, encoding="utf-8")
    server, url = benchmark.serve_folder(tmp_path)
    try:
        asked = urllib.request.Request(url + "sida/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(asked) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(response.read()).decode("utf-8") == page
        with urllib.request.urlopen(url + "sida/") as response:  # a client that does not ask gets it plain
            assert response.headers["Content-Encoding"] is None
            assert response.read().decode("utf-8") == page
        with urllib.request.urlopen(url + "sida") as response:  # a folder without "/" is redirected first
            assert response.url == url + "sida/"
    finally:
        server.shutdown()


def test_lighthouse_scores_are_the_median_of_the_runs():
    runs = [{"performance": 0.97, "seo": 1.0}, {"performance": 1.0, "seo": 0.9}, {"performance": 0.99, "seo": 1.0}]
    assert benchmark.median_scores(runs) == {"performance": 0.99, "seo": 1.0}
