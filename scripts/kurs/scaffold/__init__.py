"""`kurs new MAPP`: a small course that builds at once (start page, one module with a reflection
question and a quiz, a final test, a deck, a fact sheet, facts, a glossary, mkdocs.yml, the
course's own macros and a README with the two commands). The files are in course/; their
__TITEL__, __ID__ and __IDAG__ are filled in."""

from __future__ import annotations

import datetime
import importlib.metadata
import json
import re
from pathlib import Path

from ..model import schemas
from ..model.errors import AuthorError

HERE = Path(__file__).parent / "course"
RENAMED = {"gitignore": ".gitignore"}


def course_id(folder: Path) -> str:
    """An id from the folder's name: "Min kurs" -> "min-kurs" (letters a-z, digits, hyphens)."""
    table = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e"})
    slug = re.sub(r"[^a-z0-9]+", "-", folder.resolve().name.lower().translate(table)).strip("-")
    return slug if re.fullmatch(r"[a-z][a-z0-9-]{1,40}", slug or "") else f"kurs-{slug}"[:40].strip("-") or "min-kurs"


def engine_requirement() -> str:
    """How a new course installs this engine: from where it was installed here, else by version."""
    distribution = importlib.metadata.distribution("kurs")
    direct = distribution.read_text("direct_url.json")
    if direct:
        url = json.loads(direct).get("url", "")
        if url.startswith("file://"):
            return f"kurs @ {url}"
    return f"kurs=={distribution.version}"


def create(folder: Path, title: str) -> Path:
    if folder.exists() and any(folder.iterdir()):
        raise AuthorError(str(folder), "mappen finns redan och är inte tom: välj en ny mapp")
    values = {"__TITEL__": title, "__ID__": course_id(folder), "__IDAG__": datetime.date.today().isoformat()}
    for source in sorted(HERE.rglob("*")):
        if source.is_dir():
            continue
        relative = source.relative_to(HERE)
        target = folder / relative.parent / RENAMED.get(relative.name, relative.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        for placeholder, value in values.items():
            text = text.replace(placeholder, value)
        target.write_text(text, encoding="utf-8")
        if target.suffix == ".sh":
            target.chmod(0o755)
    (folder / "requirements.txt").write_text(
        "# Kursgeneratorn och allt den behöver (den låser sina egna versioner).\n" + engine_requirement() + "\n",
        encoding="utf-8")
    schemas.write(folder / ".vscode" / "schemas")
    (folder / ".vscode" / "settings.json").write_text(
        json.dumps(schemas.vscode_settings(".vscode/schemas"), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return folder
