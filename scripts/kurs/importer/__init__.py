"""`kurs import PRESENTATION.pptx MAPP`: a course made of a PowerPoint presentation, to rewrite in
plain language. Sections (or the deck's part title slides) become modules; each slide becomes a
section of its module's page and a slide of its deck; notes, bullet levels, bold, italic, links,
tables and pictures come along; what cannot is flagged on the page and in IMPORT.md.

The course is written into a temporary folder beside MAPP, checked as `kurs check` checks it, and
only then moved into place: bad input or a failed check leaves nothing behind. MAPP must not
exist or be empty."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..model.errors import AuthorError, ContentErrors
from .reader import read_deck
from .write import Written, write_course


@dataclass
class Imported:
    folder: Path
    written: Written
    report: str


def import_presentation(source: Path, target: Path, dry_run: bool = False, today: dt.date | None = None) -> Imported:
    """Import source into target (or, with dry_run, only make the report); AuthorError on bad input."""
    if target.exists() and not target.is_dir():
        raise AuthorError(str(target), "det finns redan en fil med det namnet: välj en ny mapp, så skrivs inget över")
    if target.exists() and any(target.iterdir()):
        raise AuthorError(str(target), "mappen finns redan och är inte tom: välj en ny mapp, så skrivs inget över")
    deck = read_deck(source)
    try:
        work = Path(tempfile.mkdtemp(prefix=".kurs-import-", dir=_existing(target.resolve().parent)))
    except OSError as error:
        raise AuthorError(str(target), f"det går inte att skriva här: {error.strerror}") from None
    try:
        course = work / target.name
        written = write_course(deck, course, today or dt.date.today())
        _check(course, deck.file)
        if not dry_run:
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                target.rmdir()
            course.rename(target)
    except OSError as error:
        raise AuthorError(str(target), f"kursen gick inte att skriva: {error.strerror or error}") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return Imported(target, written, written.report.text())


def _existing(folder: Path) -> Path:
    """The folder, or its nearest parent that exists (the temporary folder must be on the same disk)."""
    while not folder.exists():
        folder = folder.parent
    return folder


def _check(course: Path, file: str) -> None:
    """The new course read and rendered as `kurs check` does; a mistake here is the import's own."""
    from .. import locale
    from ..project import load_project, prepare_project

    project = load_project(course)
    locale.use(project.settings.language)
    try:
        prepare_project(project)
    except ContentErrors as errors:
        raise AuthorError(file, "kursen som importen gjorde har fel, så inget har skrivits. Det är ett fel i "
                                "kurs import; skicka gärna presentationen och det här till den som underhåller "
                                "kursgeneratorn:\n" + errors.problems.text()) from None
    for leftover in (course / ".cache", course / "__pycache__"):
        shutil.rmtree(leftover, ignore_errors=True)
