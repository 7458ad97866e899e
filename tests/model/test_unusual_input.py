"""Valid but unusual input builds the same site: a byte order mark, Windows line endings, and a
very large quiz."""

from __future__ import annotations

import re

from conftest import copy_project, run_mkdocs

ARTICLE = re.compile(r"<article.*?</article>", re.S)


def article(site, path: str) -> str:
    return ARTICLE.search((site / path).read_text(encoding="utf-8")).group(0)


def test_bom_and_windows_line_endings_build_the_same_pages(tmp_path, site_dir):
    project = copy_project(tmp_path / "project", packages=False, books=False)
    edited = ["docs/moduler/2-att-upptacka.md", "docs/faktablad/tecken.md", "slides/modul-2.md",
              "quizzes/modul-2.yml", "cases/1-kvinnan-pa-hotellet.yml", "facts.yml", "glossary.yml"]
    for name in edited:
        path = project / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    result = run_mkdocs(project, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    for page in ("moduler/2-att-upptacka/index.html", "faktablad/tecken/index.html", "moduler/6-diskutera-och-agera/index.html",
                 "ordlista/index.html"):
        assert article(tmp_path / "out", page) == article(site_dir, page), page
    deck = "bildspel/modul-2.html"
    assert (tmp_path / "out" / deck).read_text(encoding="utf-8") == (site_dir / deck).read_text(encoding="utf-8")


def test_a_quiz_of_two_thousand_questions_builds(tmp_path):
    """It builds, whole (how long it takes is the benchmark's to measure: scripts/benchmark.py --scale)."""
    project = copy_project(tmp_path / "project", packages=False, books=False)
    config = project / "mkdocs.yml"
    lines = ["title: Stor frågebank", "questions:"]
    for number in range(1, 2001):
        lines += [f"  - question: Fråga nummer {number}. Vilket svar är rätt?",
                  "    answers:", f"      - right: Svar A till fråga {number}", f"      - wrong: Svar B till fråga {number}",
                  f"    explanation: Rätt svar är svar A till fråga {number}."]
    (project / "quizzes" / "stor.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (project / "docs" / "stor.md").write_text("# Stor frågebank\n\n{{ quiz(\"stor\") }}\n", encoding="utf-8")
    nav = config.read_text(encoding="utf-8").replace("  - Slutprov: slutprov.md", "  - Slutprov: slutprov.md\n  - Stor: stor.md")
    config.write_text(nav, encoding="utf-8")
    result = run_mkdocs(project, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "out" / "stor" / "index.html").read_text(encoding="utf-8")
    assert page.count('class="quiz"') == 2000 and "Fråga nummer 2000" in page
