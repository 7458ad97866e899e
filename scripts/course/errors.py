"""Errors in content an author wrote: always name the file and what is wrong."""

from __future__ import annotations


class AuthorError(Exception):
    """A mistake in a content file (facts, glossary, a page's front matter or macro call).

    The message is written for the author: it names the file and what to change,
    and it is shown without a Python traceback.
    """

    def __init__(self, file: str, message: str) -> None:
        self.file = file
        self.message = message
        super().__init__(f"{file}: {message}")
