"""JSON Schemas of the content files, made from the model, so that an author's editor checks and
completes a file while it is written (VS Code with the YAML extension: see .vscode/settings.json).
The committed copies in schemas/ are kept up to date by a test; `python -m kurs.model.schemas`
writes them anew."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .case import Case
from .facts import FactsFile
from .glossary import Glossary
from .quiz import QuizBank

HERE = Path(__file__).parent / "schemas"
# file name -> (model, what the file is, the files it is for in a course)
SCHEMAS = {
    "quiz.schema.json": (QuizBank, "Ett quiz: frågor med rätta och felaktiga svar och en förklaring.", "quizzes/*.yml"),
    "case.schema.json": (Case, "En fallövning: berättelse och frågor till gruppen, med kommentarer till utbildaren.", "cases/*.yml"),
    "facts.schema.json": (FactsFile, "Kursens fakta med källa och datum då de kontrollerades.", "facts.yml"),
    "glossary.schema.json": (Glossary, "Ordlistan: termer med förklaringar.", "glossary.yml"),
}


def _without_docstrings(node):
    """The model's classes are documented in English for developers; an author's editor shows
    the Swedish field descriptions only."""
    if isinstance(node, dict):
        return {key: _without_docstrings(value) for key, value in node.items()
                if not (key == "description" and "type" in node and node.get("type") == "object")}
    if isinstance(node, list):
        return [_without_docstrings(item) for item in node]
    return node


def schema(name: str) -> dict:
    model, description, _ = SCHEMAS[name]
    generated = _without_docstrings(model.model_json_schema())
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **generated, "description": description}


def schema_text(name: str) -> str:
    return json.dumps(schema(name), ensure_ascii=False, indent=2) + "\n"


def write(folder: Path = HERE) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        (folder / name).write_text(schema_text(name), encoding="utf-8")
        written.append(folder / name)
    return written


def vscode_settings(schema_folder: str) -> dict:
    """.vscode/settings.json: which schema checks which of the course's files."""
    return {"yaml.schemas": {f"{schema_folder}/{name}": pattern for name, (_, _, pattern) in SCHEMAS.items()}}


if __name__ == "__main__":
    for path in write():
        print(path)
    sys.exit(0)
