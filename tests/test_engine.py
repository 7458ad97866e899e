"""The engine is a generator, not this course: it names no course, its schemas follow the model,
and this course's content files follow them."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import jsonschema
from conftest import ROOT
from kurs.model import schemas
from kurs.model.yamlfile import load_yaml

ENGINE = ROOT / "scripts" / "kurs"
VENDORED = ("reveal.js", "iframe-worker", "vendor", "schemas")
# This course's words: its subject, its id, its places and authorities.
COURSE_WORDS = re.compile(r"betanketid|betänketid|människohandel|exploatering|socialtjänst|socialnämnd|stockholm|"
                          r"migrationsverket|jämställdhetsmyndigheten|lvu\b", re.IGNORECASE)


def test_nothing_in_the_engine_names_this_course():
    found = []
    for path in sorted(ENGINE.rglob("*")):
        if path.is_file() and not any(part in VENDORED for part in path.relative_to(ENGINE).parts) \
                and path.suffix in {".py", ".js", ".css", ".html", ".yml", ".md", ".txt"}:
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if COURSE_WORDS.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)


def test_the_committed_schemas_are_the_models():
    for name in schemas.SCHEMAS:
        committed = (schemas.HERE / name).read_text(encoding="utf-8")
        assert committed == schemas.schema_text(name), f"{name} is out of date: python -m kurs.model.schemas"


def test_the_editor_checks_this_courses_files_with_them():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    for name, (_, _, pattern) in schemas.SCHEMAS.items():
        schema_path = f"scripts/kurs/model/schemas/{name}"
        assert settings[schema_path] == pattern
        schema = json.loads((ROOT / schema_path).read_text(encoding="utf-8"))
        files = sorted(ROOT.glob(pattern))
        assert files, pattern
        for path in files:
            data = load_yaml(path, path.name).data
            errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]
            assert not errors, (path.name, errors[:3])


def test_kurs_check_finds_no_mistake_in_this_course_and_names_each_mistake_by_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "kurs.cli", "check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Inga fel i kursen (6 moduler" in result.stdout


def test_kurs_help_is_swedish():
    result = subprocess.run([sys.executable, "-m", "kurs.cli", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "Användning: kurs" in result.stdout and "Kommandon" in result.stdout
    assert "usage" not in result.stdout and "show this help" not in result.stdout
