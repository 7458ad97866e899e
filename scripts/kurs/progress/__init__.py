"""The build side of self-paced learning: what the learner's scripts need to know.

The learner's progress, notes and name are kept by `docs/assets/js/course-store.js` in the
browser, never on a server. The build gives those scripts:
- reflection questions turned into note fields (`add_note_fields`),
- the panels that the start page, "Mina uppgifter" and "Intyg" place with a macro
  (`panel_html`), and
- the course's structure as `assets/js/course-data.js` (`course_data_js`): modules with their
  page, quiz, pass mark and reflection questions, the final test, the special pages, the key the
  learner's data is stored under (from the course's id) and the scripts' texts (locale `js:`).

The scripts themselves are in this folder; ASSETS says where each lands in the site.
"""

from __future__ import annotations

import html as htmllib
import json
import re
from collections.abc import Callable
from pathlib import Path

from markupsafe import Markup

from ..locale import script_texts, section, t
from ..model.errors import AuthorError
from ..templates import template

HERE = Path(__file__).parent
DATA_FILE = "assets/js/course-data.js"
REFLECTIONS_FILE = "assets/js/course-reflections.js"  # every module's questions: only "Mina uppgifter" needs them
REFLECTIONS_ID = "reflektionsfragor"
PANELS = {"continue_course": "continue.html", "my_data": "my-data.html", "certificate": "certificate.html"}
# Loaded on every page (deferred, in this order): the course's data, its store, the progress shown.
EVERY_PAGE = ("assets/js/course-data.js", "assets/js/course-store.js", "assets/js/course-progress.js")
ASSETS = {f"assets/js/{name}": HERE / name for name in (
    "course-store.js", "course-progress.js", "course-notes.js", "course-mydata.js", "course-certificate.js")}
ASSETS["assets/css/panels.css"] = HERE / "panels.css"
# The texts each page script needs (locale js:<section>), put in front of the script itself so that a
# page carries only the texts of the scripts it loads; every page's texts ("progress") are in course-data.js.
SCRIPT_TEXTS = {"assets/js/course-notes.js": "notes", "assets/js/course-mydata.js": "mydata",
                "assets/js/course-certificate.js": "certificate"}
CSS = HERE / "progress.css"  # the progress line and status on every page (joined with the theme's style sheet)
# "Mina uppgifter" and "Intyg" styles, on the pages with these panels.
STYLE = {"assets/css/panels.css": ("data-course-mydata", "data-course-certificate")}

_REFLECTIONS = re.compile(rf'(<h2 id="{REFLECTIONS_ID}">.*?</h2>)\s*(?:<ol>(.*?)</ol>)?', re.S)
_ITEM = re.compile(r"<li>(.*?)</li>", re.S)
_TAG = re.compile(r"<[^>]+>")


def plain_text(fragment: str) -> str:
    return " ".join(htmllib.unescape(_TAG.sub("", fragment)).split())


def add_note_fields(html: str, module: int, src_path: str, my_data_url: str) -> tuple[str, list[str]]:
    """Give every question under the heading "Reflektionsfrågor" a note field kept on the
    learner's device, with the privacy notice beside them. Returns the new HTML and the
    questions as plain text."""
    found = _REFLECTIONS.search(html)
    if not found:
        return html, []
    heading, items = found.group(1), found.group(2)
    questions = _ITEM.findall(items or "")
    if not questions:
        raise AuthorError(
            f"docs/{src_path}", "under rubriken 'Reflektionsfrågor' ska frågorna stå i en numrerad lista (1. 2. 3.)"
        )
    notice = f"anteckningar-om-{module}"
    fields = "\n".join(
        f'<li><p id="fraga-{module}-{n}">{question}</p>\n'
        f'<textarea class="course-note" id="svar-{module}-{n}" data-module="{module}" data-question="{n}" rows="3" '
        f'aria-labelledby="fraga-{module}-{n}" aria-describedby="{notice}"></textarea></li>'
        for n, question in enumerate(questions, start=1)
    )
    block = template("progress/templates/notes.html").render(
        heading=heading, notice=notice, module=module, fields=Markup(fields),
        my_data_url=my_data_url,
    )
    return html[: found.start()] + block + html[found.end() :], [plain_text(q) for q in questions]


def panel_html(name: str) -> str:
    """The HTML a macro puts on a page for the learner's scripts to fill in."""
    return "\n" + template(f"progress/templates/{PANELS[name]}").render().strip() + "\n"


def storage_key(course_id: str) -> str:
    """Where a course keeps the learner's data in localStorage: its own key per course."""
    return f"{course_id}.kurs"


def course_data(course, url_of: Callable[[str], str | None], title: str, reflections: dict[int, list[str]],
                edition: str = "") -> dict:
    """The course's structure for the learner's scripts; URLs are relative to the site root.
    `edition` names this build of the course (the certificate shows it)."""

    def quiz_entry(key: str | None) -> dict | None:
        if key is None:
            return None
        bank = course.quizzes[key]
        if bank.pass_mark is None:
            raise AuthorError(bank.file, "behöver 'pass_mark' (procent rätt för att klara det) för att räknas i kursen")
        return {"id": key, "passMark": bank.pass_mark, "questions": len(bank.questions)}

    def quiz_on(src_path: str) -> str | None:
        return next((key for key, page in course.quiz_pages.items() if page == src_path), None)

    final_page = course.quiz_pages.get(course.settings.final_test)
    return {
        "title": title,
        "id": course.id,
        "edition": edition,
        "storageKey": storage_key(course.id),
        "modules": [
            {
                "number": m.number,
                "title": m.title,
                "url": url_of(m.src_path),
                "quiz": quiz_entry(quiz_on(m.src_path)),
                "reflectionCount": len(reflections.get(m.number, [])),
            }
            for m in course.modules
        ],
        "finalTest": dict(quiz_entry(course.settings.final_test), url=url_of(final_page)) if final_page else None,
        "pages": {"myData": url_of(course.roles.get("my_data")), "certificate": url_of(course.roles.get("certificate"))},
        "texts": {"progress": section("js")["progress"]},
    }


def add_texts(files, scripts: dict[str, str]) -> None:
    """Each script's texts in front of it: window.courseTexts.<section>, read by courseText()."""
    for site_path, name in scripts.items():
        file = files.get_file_from_path(site_path)
        if file is not None:
            file.content_string = script_texts(name) + file.content_string


def reflections_js(reflections: dict[int, list[str]]) -> str:
    """Every module's reflection questions as plain text, put on courseData's modules (the page
    "Mina uppgifter" lists them with the learner's answers)."""
    body = json.dumps({str(n): questions for n, questions in sorted(reflections.items())}, ensure_ascii=False,
                      separators=(",", ":"))
    return ("/* Generated at build time by the kurs engine (progress/): each module's reflection questions. */\n"
            f"(function(){{var questions={body};(window.courseData?window.courseData.modules:[]).forEach("
            "function(m){m.reflections=questions[m.number]||[];});})();\n")


def course_data_js(data: dict) -> str:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        "/* Generated at build time by the kurs engine (progress/): the course's structure for the\n"
        "   learner's progress scripts. Edit the pages, quizzes/ or mkdocs.yml, not this file. */\n"
        f"window.courseData = {body};\n"
    )




def macros(ctx) -> dict:
    def continue_course() -> str:
        """The start page's "Fortsätt där du slutade" box (filled in on the learner's device)."""
        return panel_html("continue_course")

    def my_data() -> str:
        """"Mina uppgifter": what is stored on the device, download, restore and delete."""
        return panel_html("my_data")

    def certificate() -> str:
        """"Intyg": what remains, or the learner's certificate to print."""
        return panel_html("certificate")

    def reflection_questions() -> str:
        """Every module's reflection questions, module by module, for a printable page."""
        parts = []
        for m in ctx.course.modules:
            if m.reflections:
                items = "\n".join(f"{n}. {ctx.render_text(q)}" for n, q in enumerate(m.reflections, start=1))
                heading = t("progress.reflections_module", number=m.number, title=m.title)
                parts.append(f"## {heading} {{#modul-{m.number}}}\n\n{items}\n")
        return "\n".join(parts)

    return {"continue_course": continue_course, "my_data": my_data, "certificate": certificate,
            "reflection_questions": reflection_questions}
