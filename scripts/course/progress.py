"""The build side of self-paced learning: what the learner's scripts need to know.

The learner's progress, notes and name are kept by `docs/assets/js/course-store.js` in the
browser, never on a server. The build gives those scripts:
- reflection questions turned into note fields (`add_note_fields`),
- the panels that the start page, "Mina uppgifter" and "Intyg" place with a macro
  (`panel_html`), and
- the course's structure as `assets/js/course-data.js` (`course_data_js`): modules with their
  page, quiz, pass mark and reflection questions, the final test and the special pages.
"""

from __future__ import annotations

import html as htmllib
import json
import re
from collections.abc import Callable
from pathlib import Path

import jinja2
from markupsafe import Markup

from .errors import AuthorError
from .quizzes import QUIZ_DIR

DATA_FILE = "assets/js/course-data.js"
FINAL_TEST = "slutprov"
MY_DATA_PAGE = "mina-uppgifter.md"
CERTIFICATE_PAGE = "intyg.md"
REFLECTIONS_ID = "reflektionsfragor"
PANELS = {"continue_course": "continue.html", "my_data": "my-data.html", "certificate": "certificate.html"}
TEMPLATE_DIR = Path(__file__).parent / "templates" / "progress"

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
    block = _template("notes.html").render(
        heading=heading, notice=notice, module=module, fields=Markup(fields),
        my_data_url=my_data_url,
    )
    return html[: found.start()] + block + html[found.end() :], [plain_text(q) for q in questions]


def panel_html(name: str) -> str:
    """The HTML a macro puts on a page for the learner's scripts to fill in."""
    return "\n" + _template(PANELS[name]).render().strip() + "\n"


def course_data(course, url_of: Callable[[str], str | None], title: str, reflections: dict[int, list[str]]) -> dict:
    """The course's structure for the learner's scripts; URLs are relative to the site root."""

    def quiz_entry(key: str | None) -> dict | None:
        if key is None:
            return None
        bank = course.quizzes[key]
        if bank.pass_mark is None:
            raise AuthorError(f"{QUIZ_DIR}/{key}.yml", "behöver 'pass_mark' (procent rätt för att klara det) för att räknas i kursen")
        return {"id": key, "passMark": bank.pass_mark, "questions": len(bank.questions)}

    def quiz_on(src_path: str) -> str | None:
        return next((key for key, page in course.quiz_pages.items() if page == src_path), None)

    final_page = course.quiz_pages.get(FINAL_TEST)
    return {
        "title": title,
        "modules": [
            {
                "number": m.number,
                "title": m.title,
                "url": url_of(m.src_path),
                "quiz": quiz_entry(quiz_on(m.src_path)),
                "reflections": reflections.get(m.number, []),
            }
            for m in course.modules
        ],
        "finalTest": dict(quiz_entry(FINAL_TEST), url=url_of(final_page)) if final_page else None,
        "pages": {"myData": url_of(MY_DATA_PAGE), "certificate": url_of(CERTIFICATE_PAGE)},
    }


def course_data_js(data: dict) -> str:
    body = json.dumps(data, ensure_ascii=False, indent=1)
    return (
        "/* Generated at build time by scripts/course/progress.py: the course's structure for the\n"
        "   learner's progress scripts. Edit the pages, quizzes/ or mkdocs.yml, not this file. */\n"
        f"window.courseData = {body};\n"
    )


_templates: dict[str, jinja2.Template] = {}


def _template(name: str) -> jinja2.Template:
    if name not in _templates:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=True)
        _templates[name] = env.get_template(name)
    return _templates[name]
