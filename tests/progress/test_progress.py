"""The build side of self-paced learning: note fields under the reflection questions and the
course structure the learner's scripts read (assets/js/course-data.js)."""

from __future__ import annotations

import json
import re

from conftest import ROOT, STORAGE_KEY, built_reflections, course_content
from kurs.progress import add_note_fields

COURSE = course_content()

SECTION = (
    '<p>Text.</p>\n<h2 id="reflektionsfragor">Reflektionsfrågor<a class="headerlink" href="#reflektionsfragor">¶</a></h2>\n'
    "<ol>\n<li>Hur gör ni &amp; vem ringer ni?</li>\n<li>Vad vet du om <abbr title=\"x\">NMT</abbr>?</li>\n</ol>\n<p>Efter.</p>"
)


def test_each_reflection_question_gets_a_labelled_note_field_and_the_notice():
    html, questions = add_note_fields(SECTION, 4, "moduler/4.md", "../../mina-uppgifter/")
    assert questions == ["Hur gör ni & vem ringer ni?", "Vad vet du om NMT?"]
    fields = re.findall(r"<textarea[^>]*>", html)
    assert len(fields) == 2
    assert 'id="svar-4-2"' in fields[1] and 'aria-labelledby="fraga-4-2"' in fields[1]
    assert 'aria-describedby="anteckningar-om-4"' in fields[0]
    assert '<p id="fraga-4-1">Hur gör ni &amp; vem ringer ni?</p>' in html
    assert 'id="anteckningar-om-4"' in html and "Skriv inte namn" in html
    assert '<a href="../../mina-uppgifter/">Mina uppgifter</a>' in html
    assert html.startswith("<p>Text.</p>") and html.endswith("<p>Efter.</p>")


def test_a_page_without_reflection_questions_is_unchanged():
    html = "<h2 id=\"las-mer\">Läs mer</h2>\n<ol><li>A</li></ol>"
    assert add_note_fields(html, 1, "moduler/1.md", "x") == (html, [])


def built_course_data(site_dir) -> dict:
    text = (site_dir / "assets" / "js" / "course-data.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("{"): text.rindex("}") + 1])


def test_the_built_course_data_names_every_module_with_its_page_quiz_and_questions(site_dir):
    data = built_course_data(site_dir)
    assert [m["number"] for m in data["modules"]] == [m.number for m in COURSE.modules]
    for entry, module in zip(data["modules"], COURSE.modules):
        assert entry["title"] == module.title
        assert (site_dir / entry["url"] / "index.html").exists()
        bank = COURSE.quizzes[f"modul-{module.number}"]
        assert entry["quiz"] == {"id": bank.key, "passMark": bank.pass_mark, "questions": len(bank.questions)}
        source = (ROOT / "docs" / module.src_path).read_text(encoding="utf-8").split("## Reflektionsfrågor")[1]
        questions = built_reflections(site_dir)[module.number]
        assert len(questions) == entry["reflectionCount"] == len(re.findall(r"(?m)^\d+\. ", source.split("{{ quiz")[0]))
        assert all("{{" not in question for question in questions)  # macros already rendered


def test_the_built_course_data_names_the_final_test_and_the_learners_pages(site_dir):
    data = built_course_data(site_dir)
    final = COURSE.quizzes["slutprov"]
    assert data["finalTest"] == {"id": "slutprov", "passMark": final.pass_mark, "questions": len(final.questions), "url": "slutprov/"}
    assert data["pages"] == {"myData": "mina-uppgifter/", "certificate": "intyg/"}
    assert data["title"] == COURSE.settings.title or "Betänketid vid misstänkt människohandel"
    assert data["storageKey"] == STORAGE_KEY  # the course's own key: two courses on a host keep apart
    assert data["texts"]["progress"]["read"] == "Du har läst modulen till slutet."  # every page's texts; a page
    assert "notes" not in data["texts"]  # script's own come in front of that script


def test_the_site_and_its_offline_package_name_the_same_edition(site_dir, offline_site):
    """The certificate shows the course's edition: a hash of what the site and packages are built from."""
    edition = built_course_data(site_dir)["edition"]
    assert re.fullmatch(r"[0-9a-f]{10}", edition)
    assert built_course_data(offline_site)["edition"] == edition
