"""Every text the engine shows a reader, one file per language (sv.yml): `t("quiz.question_of")`.

Texts may have named blanks: t("progress.modules_done", done=3, total=6) fills "{done} av {total}".
The learner's scripts get the texts under `js:` through course-data.js (see progress/).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import yaml

HERE = Path(__file__).parent
_language = ["sv"]


def use(language: str) -> None:
    """The language of the course being built (the plugin's `language`)."""
    if not (HERE / f"{language}.yml").exists():
        raise ValueError(f"no locale file for language '{language}'")
    _language[0] = language


@functools.cache
def data(language: str) -> dict:
    return yaml.safe_load((HERE / f"{language}.yml").read_text(encoding="utf-8"))


@functools.cache
def strings(language: str) -> dict[str, str]:
    """The locale file's texts by dotted key ("quiz.question_of")."""
    flat: dict[str, str] = {}

    def walk(node, prefix):
        for key, value in node.items():
            dotted = f"{prefix}.{key}" if prefix else key
            if isinstance(value, dict):
                walk(value, dotted)
            else:
                flat[dotted] = str(value)

    walk(data(language), "")
    return flat


def t(key: str, **values) -> str:
    """The text for `key` in the course's language, with its blanks filled in."""
    text = strings(_language[0])[key]
    return text.format(**values) if values else text


def section(name: str) -> dict:
    """A top-level part of the locale file as it is written (for the learner's scripts)."""
    return data(_language[0])[name]


def script_texts(name: str) -> str:
    """The line that gives a script its texts (locale js:<name>) as window.courseTexts.<name>, put in
    front of the script itself; courseText("<name>.…") reads them."""
    texts = json.dumps({name: section("js")[name]}, ensure_ascii=False, separators=(",", ":"))
    return f"window.courseTexts=Object.assign(window.courseTexts||{{}},{texts});\n"
