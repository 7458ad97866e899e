"""Mistakes in content an author wrote: always the file, the line when known, and what is wrong."""

from __future__ import annotations

from dataclasses import dataclass, field


class AuthorError(Exception):
    """A mistake in a content file, written for its author: no Python traceback is shown.

    `file` is relative to the course folder (docs/moduler/2-att-upptacka.md, quizzes/modul-2.yml);
    `line` is 1-based, or None when the mistake has no one line (a missing file, say).
    """

    def __init__(self, file: str, message: str, line: int | None = None) -> None:
        self.file = file
        self.message = message
        self.line = line
        super().__init__(self.where() + message)

    def where(self) -> str:
        """ "file:line: " or "file: " (the editor-friendly prefix)."""
        if not self.file:
            return ""
        return f"{self.file}:{self.line}: " if self.line else f"{self.file}: "


@dataclass
class Problems:
    """Every mistake found, so that an author sees all of them at once, not one per build."""

    errors: list[AuthorError] = field(default_factory=list)

    def add(self, error: AuthorError) -> None:
        if str(error) not in {str(e) for e in self.errors}:
            self.errors.append(error)

    def __bool__(self) -> bool:
        return bool(self.errors)

    def __len__(self) -> int:
        return len(self.errors)

    def lines(self) -> list[str]:
        return [str(error) for error in self.errors]

    def text(self) -> str:
        return "\n".join(self.lines())


class ContentErrors(Exception):
    """Raised when content cannot be used: carries every problem found."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        count = len(problems)
        heading = "Ett fel i kursens innehåll" if count == 1 else f"{count} fel i kursens innehåll"
        super().__init__(f"{heading}:\n" + problems.text())
